"""The fine-tuning upfront cost is a sum of parts; a part not given counts $0 in it, and that
is said, never silent: a self-hosted LoRA read "$12.07 once" with no word that data,
labelling and engineering were not in it."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from tui.cli import main

HEAD = """\
[profile]
name = "Own case"
assessed_on = 2026-12-03

[workload]
requests_per_month = 40000
user_tokens = 2500
output_tokens = 120

[prompting]
model = "anthropic:claude-sonnet-4-5"

[fine_tuning]
base_model = "meta:llama-3.1-8b"
method = "lora"
serving_monthly_usd = 900
"""

TRAINING = """
[fine_tuning.training]
kind = "gpu"
gpu = "a10g-24gb"
gpu_count = 1
hours = 12
usd_per_gpu_hour = 1.006
"""

ALL_PARTS = """\
data_collection_usd = 0
labelled_examples = 0
engineering_hours = 40
usd_per_engineering_hour = 120
integration_usd = 2000
change_management_usd = 0
"""


def assess(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), *args]) == 0
    return out.getvalue()


def parts_warning(tmp_path: Path, text: str) -> list[dict[str, str]]:
    warnings = json.loads(assess(tmp_path, text, "--format", "json"))["warnings"]
    return [w for w in warnings if w["code"] == "upfront_parts_not_given"]


def test_training_alone_says_which_parts_count_nothing(tmp_path: Path) -> None:
    [warning] = parts_warning(tmp_path, HEAD + TRAINING)
    assert warning["message"] == (
        "Up front leaves out data collection, labelling, engineering, integration and change "
        "management: not given, so counted as $0 (give each, 0 if there is none, or the whole "
        "upfront cost)"
    )
    assert warning["field"] == "fine_tuning"
    text = " ".join(assess(tmp_path, HEAD + TRAINING).split())
    assert "! Up front leaves out data collection, labelling," in text


def test_only_the_parts_not_given_are_named(tmp_path: Path) -> None:
    some = HEAD.replace("serving_monthly_usd = 900\n", "serving_monthly_usd = 900\n" + ALL_PARTS)
    some = some.replace("integration_usd = 2000\n", "")
    [warning] = parts_warning(tmp_path, some + TRAINING)
    assert warning["message"].startswith("Up front leaves out integration: not given")


def test_every_part_given_or_the_whole_upfront_cost_says_nothing(tmp_path: Path) -> None:
    every = HEAD.replace("serving_monthly_usd = 900\n", "serving_monthly_usd = 900\n" + ALL_PARTS)
    assert parts_warning(tmp_path, every + TRAINING) == []
    whole = HEAD.replace(
        "serving_monthly_usd = 900\n", "serving_monthly_usd = 900\nupfront_usd = 15000\n"
    )
    assert parts_warning(tmp_path, whole) == []


def test_a_ranged_profile_with_an_unknown_part_is_not_simulated(tmp_path: Path) -> None:
    # Break-even "never" (fine-tuning costs more each month) is known while the engineering
    # rate is not: the simulation, which moves the volume to where the upfront cost decides,
    # raised a ValueError out of `assess` (and ended the wizard on the keystroke).
    ranged = (
        HEAD.replace("serving_monthly_usd = 900\n", "serving_monthly_usd = 90000\n").replace(
            'method = "lora"\n', 'method = "lora"\nengineering_hours = 80\n'
        )
        + TRAINING
        + '\n[ranges."workload.requests_per_month"]\nlow = 20000\nlikely = 40000\nhigh = 90000\n'
    )
    data = json.loads(assess(tmp_path, ranged, "--format", "json"))
    assert data["costs"]["break_even_reason"] == "never"
    assert data["uncertainty"] == {
        "samples": 0,
        "reason": "engineering_rate_unknown",
        "note": "not simulated: until the engineering rate is known (80 hours)",
    }
    assert "not simulated: until the engineering rate is known" in assess(tmp_path, ranged)


def test_diff_says_a_warning_in_words_and_json_keeps_its_code(tmp_path: Path) -> None:
    # It read `warning gone: upfront_parts_not_given`.
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    every = HEAD.replace("serving_monthly_usd = 900\n", "serving_monthly_usd = 900\n" + ALL_PARTS)
    a.write_text(HEAD + TRAINING, encoding="utf-8")
    b.write_text(every + TRAINING, encoding="utf-8")

    def diff(*args: str) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["diff", str(a), str(b), *args])
        return out.getvalue()

    text = " ".join(diff().split())
    assert "warning gone: Up front leaves out data collection, labelling," in text
    assert "upfront_parts_not_given" not in text
    assert "| Warning: Up front leaves out" in diff("--format", "markdown")
    [change] = [
        c for c in json.loads(diff("--format", "json"))["outcomes"] if c["path"] == "warnings"
    ]
    assert change["before"] == "upfront_parts_not_given" and change["after"] is None


def test_diff_shows_a_part_given_as_zero_where_it_was_not_given(tmp_path: Path) -> None:
    # Absent and 0 read alike ("Same answers, prices and outcomes") though one is not given.
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(HEAD + TRAINING, encoding="utf-8")
    b.write_text(HEAD.replace('method = "lora"\n', 'method = "lora"\nchange_management_usd = 0\n')
                 + TRAINING, encoding="utf-8")  # fmt: skip
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["diff", str(a), str(b)])
    text = " ".join(out.getvalue().split())
    assert "Change management: (absent) → $0" in text
    assert "warning added: Up front leaves out data collection, labelling, engineering and" in text


def test_a_prompting_option_never_speaks_of_fine_tuning_parts() -> None:
    # The stand-in fine-tune a prompting option is priced beside warned "Up front leaves out
    # data collection, …" under "Gemini 3.5 Flash-Lite, prompted" and every option built on it.
    example = Path(__file__).parents[1] / "profiles/examples/options/guide-003-model-routing.toml"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(example)]) == 0
    assert "Flash-Lite, prompted (prompting)" in out.getvalue()
    assert "leaves out" not in out.getvalue()
