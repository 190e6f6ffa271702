"""A value outside a fixed set (a table's `kind`, a choice such as `use_case.task`) is refused
in one line that names its line, lists the values allowed and suggests the closest, never in
pydantic's words ("Input tag 'gpu' found using 'kind' does not match any of …")."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engine.tomlfile import FileError
from profiles.files import load_profile

HEAD = """\
[profile]
name = "Own case"
assessed_on = 2026-12-03

[workload]
requests_per_month = 40000

[prompting]
model = "anthropic:claude-sonnet-4-5"
"""


def refusal(tmp_path: Path, body: str) -> str:
    path = tmp_path / "p.toml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(FileError) as caught:
        load_profile(path)
    return str(caught.value)


def line_of(body: str, text: str) -> int:
    """The line number of the line `text` in the file `refusal` writes."""
    lines = (HEAD + textwrap.dedent(body)).splitlines()
    return lines.index(text) + 1


GPU_SERVING = """
[fine_tuning]
base_model = "meta:llama-3.1-8b"
method = "lora"

[fine_tuning.serving]
kind = "gpu"
gpu = "a10g-24gb"
"""


TOKEN_SERVING = """
[fine_tuning]
base_model = "openai:gpt-4.1-mini"
method = "hosted"

[fine_tuning.serving]
kind = "per_token"
"""


def test_a_serving_kind_unknown_names_its_kind_line_and_the_kinds(tmp_path: Path) -> None:
    message = refusal(tmp_path, GPU_SERVING)
    line = line_of(GPU_SERVING, 'kind = "gpu"')
    assert message == (
        f"{tmp_path / 'p.toml'}:{line}: fine_tuning.serving.kind: 'gpu' is not one of "
        "per_token, base_plus_hourly, self_hosted"
    )


def test_a_kind_misspelt_is_suggested(tmp_path: Path) -> None:
    body = GPU_SERVING.replace('kind = "gpu"', 'kind = "self-hosted"')
    message = refusal(tmp_path, body)
    assert message.endswith("; did you mean 'self_hosted'?")
    line = line_of(body, 'kind = "self-hosted"')
    assert f":{line}: fine_tuning.serving.kind: 'self-hosted' is not one of" in message


def test_an_unknown_task_lists_the_tasks_and_the_closest(tmp_path: Path) -> None:
    body = TOKEN_SERVING + '\n[use_case]\ntask = "classification"\n'
    message = refusal(tmp_path, body)
    line = line_of(body, 'task = "classification"')
    assert f":{line}: use_case.task: 'classification' is not one of sentiment_classification, " in (
        message
    )
    assert "Input should be" not in message
    assert message.endswith("did you mean 'sentiment_classification'?")


def test_a_nested_tables_error_points_at_its_own_header_not_its_parents(tmp_path: Path) -> None:
    body = GPU_SERVING.split("kind =")[0]  # the serving table without its kind
    message = refusal(tmp_path, body)
    line = line_of(body, "[fine_tuning.serving]")
    assert message.startswith(f"{tmp_path / 'p.toml'}:{line}: fine_tuning.serving")
