"""The shipped example profiles reproduce the guides' worked examples, arithmetic corrected.

Each row of issue 2's "Must show" table, through `tunewise assess --format json` (in process
with `tui.cli.main`, and once as a real subprocess), plus the engine's own Decimals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.result import CostResult
from profiles.files import load_profile
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "profiles" / "examples"
TUNEWISE = Path(sys.executable).with_name("tunewise")

COSTS_KEYS = {
    "prompting_monthly",
    "finetune_monthly",
    "finetune_upfront",
    "monthly_saving",
    "break_even_months",
    "horizon_months",
    "prompting_total",
    "finetune_total",
}

# name: (prompting_monthly, finetune_monthly, finetune_upfront, break_even_months); an
# upfront of None is one the example leaves unknown (the guide prices inference only).
MUST_SHOW: dict[str, tuple[float, float, float | None, float | None]] = {
    "support-chatbot-10k": (300, 150, 12_000, 80),
    "support-chatbot-50k": (1_500, 250, 12_000, 9.6),
    "support-chatbot-100k": (3_000, 500, 12_000, 4.8),
    "support-chatbot-500k": (15_000, 2_500, 12_000, 0.96),
    "code-generation": (15_000, 2_500, 18_000, 1.44),
    "roi-1m-requests": (11_250, 700, 5_000, 0.474),
    "classification-gpt-4o-mini": (45.00, 36.00, None, None),
    "entity-extraction-gpt-4o-mini": (90, 108, None, None),
}

# name: [(figure, guide says, verdict)]
GUIDE_CHECKS: dict[str, list[tuple[str, float, str]]] = {
    "support-chatbot-10k": [("break_even_months", 40, "differs")],
    "support-chatbot-50k": [("break_even_months", 9, "differs")],
    "support-chatbot-100k": [("break_even_months", 5, "agrees")],
    "support-chatbot-500k": [],
    "code-generation": [("break_even_months", 1.4, "agrees")],
    "roi-1m-requests": [
        ("prompting_monthly", 12_500, "differs"),
        ("break_even_months", 0.4, "differs"),
    ],
    "classification-gpt-4o-mini": [("monthly_saving", 54, "differs")],
    "entity-extraction-gpt-4o-mini": [("monthly_saving", 72, "differs")],
}


@pytest.fixture(autouse=True)
def _no_user_prices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A price file in the developer's real config directory must not change the answers."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def example(name: str) -> Path:
    return EXAMPLES / f"{name}.toml"


def assess_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code = main(["assess", *args, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    data: dict[str, Any] = json.loads(out)
    return data


def engine_result(name: str) -> CostResult:
    inputs = load_profile(example(name)).cost_inputs()
    return evaluate(inputs, load_catalog(user_config=False).resolve(inputs))


def test_every_example_of_the_table_ships() -> None:
    assert set(MUST_SHOW) <= {p.stem for p in EXAMPLES.glob("*.toml")}


@pytest.mark.parametrize("name", sorted(MUST_SHOW))
def test_assess_json_gives_the_corrected_figures(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    prompting, finetune, upfront, months = MUST_SHOW[name]
    costs = assess_json(capsys, str(example(name)))["costs"]
    assert set(costs) >= COSTS_KEYS
    assert costs["prompting_monthly"] == pytest.approx(prompting, abs=1e-9)
    assert costs["finetune_monthly"] == pytest.approx(finetune, abs=1e-9)
    if upfront is None:
        assert costs["finetune_upfront"] is None
        assert costs["finetune_total"] is None
    else:
        assert costs["finetune_upfront"] == pytest.approx(upfront, abs=1e-9)
        assert costs["finetune_total"] == pytest.approx(upfront + 24 * finetune, abs=1e-6)
    assert costs["monthly_saving"] == pytest.approx(prompting - finetune, abs=1e-9)
    if months is None:
        assert costs["break_even_months"] is None
    else:
        assert costs["break_even_months"] == pytest.approx(months, abs=1e-9)
    assert costs["horizon_months"] == 24
    assert costs["prompting_total"] == pytest.approx(24 * prompting, abs=1e-6)


def test_an_unknown_upfront_is_never_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """Guide 001's classification example prices inference only: its upfront is unknown, so
    break-even is unknown with a reason code, not '0 months' from an upfront read as $0."""
    data = assess_json(capsys, str(example("classification-gpt-4o-mini")))
    costs = data["costs"]
    assert costs["break_even_months"] is None
    assert costs["break_even_reason"] == "upfront_unknown"
    assert costs["break_even_note"].startswith(
        "unknown until the fine-tuning upfront cost is known"
    )
    assert [u["code"] for u in data["unknowns"]] == ["upfront_unknown"]
    assert all(p["finetune"] is None for p in data["cumulative"])
    assert data["break_even_volumes"] == []


def test_never_pays_back_whatever_the_unknown_upfront(capsys: pytest.CaptureFixture[str]) -> None:
    """Fine-tuned GPT-4o-mini costs more a month than prompting: with no growth it never pays
    back for any upfront, so 'never' is known although the upfront is not."""
    costs = assess_json(capsys, str(example("entity-extraction-gpt-4o-mini")))["costs"]
    assert costs["break_even_months"] is None
    assert costs["break_even_reason"] == "never"
    assert costs["break_even_note"].endswith("(whatever the upfront cost)")


def test_roi_break_even_is_the_formula_not_the_guides_rounding(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """$5,000 ÷ ($11,250 − $700) = 0.47393… months; the guide printed $12,500 and 0.4."""
    result = engine_result("roi-1m-requests")
    assert result.prompting.monthly_usd == Decimal(11_250)
    assert result.break_even_months is not None
    assert abs(result.break_even_months - Decimal(5_000) / Decimal(10_550)) < Decimal("1e-20")
    costs = assess_json(capsys, str(example("roi-1m-requests")))["costs"]
    assert costs["break_even_months"] == 0.474


def test_entity_extraction_never_pays_back_and_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    costs = assess_json(capsys, str(example("entity-extraction-gpt-4o-mini")))["costs"]
    assert costs["finetune_monthly"] > costs["prompting_monthly"]
    assert costs["break_even_months"] is None
    note = costs["break_even_note"]
    assert "2×" in note
    assert "$18" in note


@pytest.mark.parametrize("name", sorted(GUIDE_CHECKS))
def test_guide_checks_confirm_or_correct_each_claim(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = assess_json(capsys, str(example(name)))
    checks = [(c["figure"], c["says"], c["verdict"]) for c in data["guide_checks"]]
    assert checks == GUIDE_CHECKS[name]
    for check in data["guide_checks"]:
        assert check["computed"] == data["costs"][check["figure"]]


@pytest.mark.parametrize("name", sorted(MUST_SHOW))
def test_line_items_sum_exactly_to_the_totals(name: str) -> None:
    result = engine_result(name)
    for path in (result.prompting, result.finetune):
        assert all(isinstance(i.usd, Decimal) for i in (*path.monthly_items, *path.upfront_items))
        assert sum((i.usd for i in path.monthly_items), Decimal(0)) == path.monthly_usd
        if path.missing:  # an unknown part: the known items are listed, the total is unknown
            assert path.upfront_usd is None
        else:
            assert sum((i.usd for i in path.upfront_items), Decimal(0)) == path.upfront_usd
        assert isinstance(path.monthly_usd, Decimal)
    assert result.monthly_saving_usd == result.prompting.monthly_usd - result.finetune.monthly_usd
    assert result.cumulative[-1].prompting_usd == result.prompting_total_usd
    assert result.cumulative[-1].finetune_usd == result.finetune_total_usd


@pytest.mark.parametrize("name", sorted(MUST_SHOW))
def test_every_price_and_line_item_says_where_it_comes_from(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = assess_json(capsys, str(example(name)))
    for row in data["prices"]:
        assert row["source"], row
        assert row["as_of"], row
    for path in data["line_items"].values():
        for item in (*path["monthly"], *path["upfront"]):
            assert item["formula"], item


def test_catalog_priced_examples_cite_dated_prices(capsys: pytest.CaptureFixture[str]) -> None:
    data = assess_json(capsys, str(example("classification-gpt-4o-mini")))
    roles = {row["role"]: row for row in data["prices"]}
    assert {"prompting.input", "prompting.output", "fine_tuned.input", "fine_tuned.output"} <= set(
        roles
    )
    assert roles["fine_tuned.input"]["usd"] == 2 * roles["prompting.input"]["usd"]
    for row in roles.values():
        assert row["as_of"] != "undated"
    monthly = data["line_items"]["prompting"]["monthly"]
    assert all(item["price_source"] for item in monthly if item["scales_with_volume"])


def test_the_installed_command_gives_the_same_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(example("support-chatbot-10k"))
    in_process = assess_json(capsys, path)
    env = {**os.environ, "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"]}
    done = subprocess.run(
        [str(TUNEWISE), "assess", path, "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert json.loads(done.stdout) == in_process
    assert in_process["costs"]["break_even_months"] == 80
