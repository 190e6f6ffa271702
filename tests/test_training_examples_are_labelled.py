"""Hosted training on N examples says N labelled examples exist: the rules read it when `[data]`
does not say how many, rather than ask for "Data → Labelled examples" beside a fine-tune that
trains on 2,000 of them. `[data]` wins when it says."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from tui.cli import main

CASE = """\
[profile]
name = "Invoice field extraction"
assessed_on = 2026-12-03

[workload]
requests_per_day = 3000
user_tokens = 1200
output_tokens = 150

[prompting]
model = "google:gemini-3.5-flash"

[fine_tuning]
base_model = "google:gemini-3.5-flash-lite"
method = "hosted"

[fine_tuning.training]
kind = "hosted"
examples = 2000
tokens_per_example = 2000
epochs = 3
usd_per_mtok = 3

[fine_tuning.serving]
kind = "per_token"
"""


def assessed(tmp_path: Path, text: str) -> dict[str, Any]:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def examples_step(data: dict[str, Any]) -> dict[str, str]:
    tree = next(f for f in data["frameworks"] if f["id"] == "decision_tree_001")
    return next(s for s in tree["path"] if "labeled examples" in s["question"])


def test_the_training_examples_count_as_the_labelled_examples(tmp_path: Path) -> None:
    data = assessed(tmp_path, CASE)
    assert examples_step(data)["because"].startswith("2,000 examples")
    assert "Labelled examples" not in data["summary"]


def test_data_says_how_many_and_wins(tmp_path: Path) -> None:
    data = assessed(tmp_path, CASE + "\n[data]\nlabelled_examples = 50\n")
    step = examples_step(data)
    assert step["answer"] == "no" and step["because"].startswith("50")


def test_without_hosted_training_the_question_stays_open(tmp_path: Path) -> None:
    training = CASE[CASE.index("[fine_tuning.training]") : CASE.index("[fine_tuning.serving]")]
    data = assessed(
        tmp_path,
        CASE.replace(training, "").replace(
            'method = "hosted"\n', 'method = "hosted"\nupfront_usd = 5000\n'
        ),
    )
    assert examples_step(data)["answer"] == "unknown"
    assert "Data → Labelled examples" in data["summary"]
