"""No NaN, infinity or traceback from the simulation, whatever the answers (issue 13, item 6)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.uncertainty.crossing import LAST_MONTH, _c, _s, crossing, searched
from tui.cli import main

INVOICES = """\
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

[prompting]
model = "openai:gpt-4.1"

[fine_tuning]
base_model = "azure:gpt-4.1"
training = { kind = "hosted", examples = 2000, tokens_per_example = 1500 }
serving = { kind = "base_plus_hourly" }

[ranges."workload.requests_per_day"]
low = 3000
high = 6000
"""
"""Issue 13's own case: on main, `assess` died in `searched` (`math.ceil` of NaN)."""

PER_TOKEN_MAINTENANCE = INVOICES.replace(
    'base_model = "azure:gpt-4.1"', 'base_model = "openai:gpt-4.1-mini"'
).replace(
    'serving = { kind = "base_plus_hourly" }',
    'serving = { kind = "per_token", prices = { input_usd_per_mtok = 2, output_usd_per_mtok = 8 } }'
    "\nmaintenance_monthly_usd = 300",
)
"""Per-token serving with a fixed monthly cost: the same NaN on main."""


def _strict_json(text: str) -> dict[str, object]:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the JSON")

    return json.loads(text, parse_constant=refuse)  # type: ignore[no-any-return]


@pytest.mark.parametrize("text", [INVOICES, PER_TOKEN_MAINTENANCE], ids=["hourly", "maintenance"])
def test_ranged_volume_with_growth_and_a_fixed_fine_tuning_cost_assesses(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "invoices.toml"
    path.write_text(text)
    assert main(["assess", str(path), "--format", "json"]) == 0
    data = _strict_json(capsys.readouterr().out)
    u = data["uncertainty"]
    assert isinstance(u, dict)
    # growth makes the saving outgrow the fixed hosting cost: break-even exists, in months
    be = u["break_even_months"]
    assert all(isinstance(be[k], float) and be[k] > 0 for k in ("p10", "p50", "p90"))
    assert be["p10"] <= be["p50"] <= be["p90"]
    assert main(["assess", str(path)]) == 0
    out = capsys.readouterr().out
    assert "How sure" in out and not re.search(r"\b(nan|inf|infinity)\b", out, re.IGNORECASE)


def _brute(F: float, V: float, r: float, target: float, lo: int, hi: int) -> float | None:
    """The first month m in [lo, hi] with s(m) > 0 and C(m) ≥ target, by looking at each."""
    for m in range(lo, hi + 1):
        if _s(F, V, r, m) > 0 and _c(F, V, r, m) >= target:
            return m - 1 + max(target - _c(F, V, r, m - 1), 0.0) / _s(F, V, r, m)
    return None


def test_the_invoice_cases_search_finds_the_month_a_scan_finds() -> None:
    """The numbers behind the crash: the saving turns positive only at month 126, the linear
    guess from there lands at month ~35,600, where C overflows a float though r^x does not."""
    F, V, r, target = -1224.0, 103.21113130363109, 1.02, 18.0
    expect = _brute(F, V, r, target, 1, LAST_MONTH)
    assert expect is not None and 126 < expect < 400
    found = searched(F, V, r, target, 1, LAST_MONTH)
    assert found is not None and math.isclose(found, expect, rel_tol=1e-12)


@settings(deadline=None, max_examples=300)
@given(
    F=st.floats(-50_000, -0.01),
    V=st.floats(0.01, 5_000),
    r=st.floats(1.0001, 2.0),
    target=st.floats(-1_000, 1e7),
)
def test_a_saving_that_turns_positive_late_is_found_as_a_scan_finds_it(
    F: float, V: float, r: float, target: float
) -> None:
    """Growing volume against a fixed monthly cost: the search's first guess may lie where
    the cumulative saving is past the float range; it must still find the scan's month."""
    expect = _brute(F, V, r, target, 1, LAST_MONTH)
    for search in (crossing, searched):
        found = search(F, V, r, target, 1, LAST_MONTH)
        assert expect is not None and found is not None
        assert math.isclose(found, expect, rel_tol=1e-12), (found, expect)


def test_the_answer_model_refuses_nan_and_infinity() -> None:
    """The last gate before a report, a file or JSON: a non-finite figure is a bug to raise."""
    from pydantic import ValidationError

    from engine.uncertainty.model import Spread

    assert Spread(p10=1.0, p50=None, p90=3.0).p50 is None
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValidationError):
            Spread(p10=bad, p50=None, p90=None)
