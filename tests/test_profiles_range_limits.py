"""Ranges and scenarios are held to the limits of the answer they vary, on load, by every verb
(issue 16 items 6-9; issue 13 item 6's price-decline ranges)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

BASE = """\
[profile]
name = "Invoice field extraction"
assessed_on = 2026-11-22

[workload]
requests_per_day = 4000
instruction_tokens = 300
example_tokens = 400
user_tokens = 800
output_tokens = 300
monthly_growth = 0.02
api_price_decline_per_year = 0.6

[prompting]
model = "openai:gpt-4.1"
cached_prefix_share = 0.5

[fine_tuning]
base_model = "openai:gpt-4.1"
training = { kind = "hosted", examples = 2000, tokens_per_example = 1500 }
serving = { kind = "per_token" }
"""
HEADER_LINE = BASE.count("\n") + 2
"""The line of the table added after BASE and a blank line (`[ranges."…"]`, `[scenarios.…]`)."""


def _range(path: str, low: str, high: str) -> str:
    return BASE + f'\n[ranges."{path}"]\nlow = {low}\nhigh = {high}\n'


RANGES = {
    "growth up to a million": (_range("workload.monthly_growth", "0", "1000000"), "high"),
    "growth above 1": (_range("workload.monthly_growth", "0", "1.5"), "high"),
    "volume past the answer's cap": (_range("workload.requests_per_day", "3000", "1e20"), "high"),
    "cached share above 1": (_range("prompting.cached_prefix_share", "0.2", "1.5"), "high"),
    "negative volume": (_range("workload.requests_per_day", "-5", "6000"), "low"),
    "price decline reaching 1": (
        _range("workload.api_price_decline_per_year", "0.5", "1.0"),
        "high",
    ),
    "price decline 1.5": (_range("workload.api_price_decline_per_year", "0.5", "1.5"), "high"),
    "low beyond any float": (_range("workload.requests_per_day", "-1e999999", "6000"), ""),
    "high beyond any float": (_range("workload.requests_per_day", "3000", "1e4300"), ""),
    "unknown answer": (_range("workload.bogus", "1", "2"), ""),
    "an answer the profile does not give": (_range("fine_tuning.training.hours", "1", "2"), ""),
}
SCENARIOS = {
    "volume 1e5000": (
        BASE + '\n[scenarios.big]\n"workload.requests_per_day" = 1e5000\n',
        "scenarios.big.workload.requests_per_day",
    ),
    "negative maintenance": (
        BASE + '\n[scenarios.bad]\n"fine_tuning.maintenance_monthly_usd" = -3\n',
        "scenarios.bad.fine_tuning.maintenance_monthly_usd",
    ),
    "unknown answer": (
        BASE + '\n[scenarios.odd]\n"workload.bogus" = 3\n',
        "scenarios.odd.workload.bogus",
    ),
}
VERBS = {
    "assess": lambda p, other: ["assess", p],
    "assess json": lambda p, other: ["assess", p, "--format", "json"],
    "show": lambda p, other: ["show", p],
    "show --plain": lambda p, other: ["show", "--plain", p],
    "diff": lambda p, other: ["diff", other, p],
    "compare": lambda p, other: ["compare", other, p],
}


def _refused(text: str, verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    bad, good = tmp_path / "bad.toml", tmp_path / "good.toml"
    bad.write_text(text)
    good.write_text(BASE)
    assert main(VERBS[verb](str(bad), str(good))) == 2
    captured = capsys.readouterr()
    err = captured.err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "pydantic.dev" not in err
    assert err.startswith(f"tunewise: {bad}:"), err
    assert bad.read_text() == text
    return err


@pytest.mark.parametrize("verb", list(VERBS))
@pytest.mark.parametrize("case", list(RANGES))
def test_a_range_outside_its_answers_limits_is_one_line_in_every_verb(
    case: str, verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, bound = RANGES[case]
    err = _refused(text, verb, tmp_path, capsys)
    path = text.rsplit('[ranges."', 1)[1].split('"', 1)[0]
    field = f"ranges.{path}" + (f".{bound}" if bound else "")
    line = HEADER_LINE + {"low": 1, "high": 2, "": 0}[bound]
    assert f"bad.toml:{line}: {field}: " in err, err


@pytest.mark.parametrize("verb", list(VERBS))
@pytest.mark.parametrize("case", list(SCENARIOS))
def test_a_scenario_is_checked_on_load_in_words(
    case: str, verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without `--scenario`: the file itself is wrong, whichever verb reads it."""
    text, field = SCENARIOS[case]
    err = _refused(text, verb, tmp_path, capsys)
    # the key is quoted and dotted: the error names its table's line
    assert f"bad.toml:{HEADER_LINE}: {field}: " in err, err


@pytest.mark.parametrize("case", list(SCENARIOS))
def test_the_selected_scenarios_error_says_the_problem_not_a_url(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On main `--scenario bad` ended in `For further information visit https://errors...`."""
    text, field = SCENARIOS[case]
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    assert main(["assess", str(bad), "--scenario", field.split(".")[1]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "https://" not in err and f"{field}: " in err, err


def test_a_good_scenario_still_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.toml"
    path.write_text(BASE + '\n[scenarios.high]\n"workload.requests_per_day" = 8000\n')
    assert main(["assess", str(path), "--scenario", "high", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["costs"]["monthly_requests"] == 240_000


@pytest.mark.parametrize(
    ("path", "low", "high"),
    [
        ("workload.monthly_growth", "-0.05", "0.1"),  # growth may be negative: gt=-1
        ("workload.api_price_decline_per_year", "0", "0.99"),
        ("prompting.prices.input_usd_per_mtok", "1", "3"),  # the catalog's price, ranged
        ("workload.instruction_tokens", "250.5", "400"),  # a count: draws are rounded
    ],
)
def test_ranges_inside_the_limits_still_simulate(
    path: str, low: str, high: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.toml"
    good.write_text(_range(path, low, high))
    assert main(["assess", str(good)]) == 0
    assert "How sure" in capsys.readouterr().out
    assert main(["show", "--plain", str(good)]) == 0


def test_a_cached_share_without_a_cached_price_is_refused_before_simulating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the agreement test: a cached share ranged above 0 for a model without a
    cached-input price (the exact engine refuses the sample; the fast path ignored the share)."""
    priced = BASE.replace(
        '[prompting]\nmodel = "openai:gpt-4.1"\ncached_prefix_share = 0.5',
        "[prompting]\nprices = { input_usd_per_mtok = 2, output_usd_per_mtok = 8 }",
    )
    share = priced + '\n[ranges."prompting.cached_prefix_share"]\nlow = 0\nhigh = 0.5\n'
    err = _refused(share, "assess", tmp_path, capsys)
    assert "ranges.prompting.cached_prefix_share.high: " in err and "cached-input" in err


def test_a_range_the_profiles_own_checks_refuse_at_a_bound_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not only each answer's limits: the profile's own checks with the bound in place (here
    retrains ranged above 0 with no retrain cost and no training cost to repeat)."""
    upfront = BASE.replace(
        'training = { kind = "hosted", examples = 2000, tokens_per_example = 1500 }',
        "upfront_usd = 9000",
    )
    text = upfront + '\n[ranges."fine_tuning.retrains_per_year"]\nlow = 0\nhigh = 4\n'
    err = _refused(text, "show --plain", tmp_path, capsys)
    assert f"bad.toml:{HEADER_LINE + 2}: ranges.fine_tuning.retrains_per_year.high: " in err
    assert "usd_per_retrain" in err


def test_the_wizard_marks_a_range_beyond_the_limits_on_its_answer() -> None:
    """The same check in the wizard: the error lands on the row where the range was typed."""
    import tomllib
    from decimal import Decimal

    from tui.state.form import FormErrors
    from tui.state.validation import build_profile

    base = tomllib.loads(BASE, parse_float=Decimal)
    with pytest.raises(FormErrors) as caught:
        build_profile(
            {"workload.monthly_growth": "0..3"}, base, {"workload.monthly_growth": "decimal"}
        )
    assert list(caught.value.errors) == ["workload.monthly_growth"]
    assert "less than or equal to 1" in caught.value.errors["workload.monthly_growth"]
