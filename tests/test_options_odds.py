"""Issue 18 item 2: with ranges, each option's chance of being the cheapest at the horizon
and of paying back against the baseline within it, from the simulation's seeded draws."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from engine.uncertainty.simulate import prepare, sample_values
from profiles.assessed import assess_profile
from profiles.files import loads_profile
from tui.cli import main

HEAD = """[profile]
format = 3
name = "Odds"
assessed_on = 2026-11-22

[workload]
requests_per_month = 100000
instruction_tokens = 500
user_tokens = 100
output_tokens = 200
horizon_months = 12

[prompting]
cost_per_request_usd = 0.003

[fine_tuning]
serving_monthly_usd = 150
upfront_usd = 12000
"""

CHEAP = """
[options.cheap]
kind = "prompting"
name = "Tiny model, prompted"

[options.cheap.prices]
input_usd_per_mtok = 0.001
output_usd_per_mtok = 0.001
"""

RANGES = """
[ranges."workload.requests_per_month"]
low = 50000
high = 200000
"""


def odds(text: str, samples: int = 2000, seed: int = 0) -> dict[str, tuple[float, float | None]]:
    a = assess_profile(loads_profile(Path("odds.toml"), text))
    u = a.uncertainty(samples=samples, seed=seed)
    return {o.id: (o.p_cheapest_at_horizon, o.p_pays_back) for o in u.options}


def test_an_option_cheapest_in_every_draw_scores_one() -> None:
    # Tiny model: 100,000 req × 800 tok × $0.001/1M ≈ $0.08 a month, nothing up front,
    # against $300 prompted: cheapest and paid back at once whatever the volume.
    got = odds(HEAD + CHEAP + "\n[ranges]\n" + RANGES)
    assert got["cheap"] == (1.0, 1.0)
    assert got["baseline"] == (0.0, None)
    # The fine-tune saves $150 a month at most ×2 volume: $12,000 never comes back in 12.
    assert got["fine_tuning"] == (0.0, 0.0)


def test_the_chances_split_where_the_volume_decides() -> None:
    # Against $0.003 a request, an option at $0.0025 a request plus $60 a month (nothing up
    # front) is cheaper above 120,000 requests a month (60 / (0.003 - 0.0025)): the volume,
    # drawn from 50,000..200,000 (likely 100,000), decides it.
    option = """
[options.mid]
kind = "prompting"
name = "Mid model"
cost_per_request_usd = 0.0025

[options.mid.monthly_items]
"Support contract" = 60
"""
    text = HEAD.replace("upfront_usd = 12000", "upfront_usd = 1000000") + option
    got = odds(text + "\n[ranges]\n" + RANGES, samples=4000)
    p, _ = got["mid"]
    assert 0.2 < p < 0.8, got
    # The same draws, counted by hand: the share of sampled volumes above 120,000.
    a = assess_profile(loads_profile(Path("odds.toml"), text + "\n[ranges]\n" + RANGES))
    setup = prepare(a.inputs, a.book, a.result, a.profile.ranges)
    drawn = sample_values(setup, 4000, 0, "pert")["workload.requests_per_month"]
    assert p == round(sum(v > 120_000 for v in drawn) / 4000, 4)
    # No upfront: it pays back (at once) exactly when it is the cheaper each month.
    assert got["mid"][1] == p
    assert got["baseline"][0] + p == pytest.approx(1.0)
    # Reproducible: the same seed gives the same figures.
    assert odds(text + "\n[ranges]\n" + RANGES, samples=4000) == got


def test_no_named_options_keep_the_answer_as_before() -> None:
    text = HEAD.replace("format = 3", "format = 2") + "\n[ranges]\n" + RANGES
    a = assess_profile(loads_profile(Path("odds.toml"), text))
    assert a.uncertainty(samples=200).options == ()


def test_reports_show_the_chances(tmp_path: Path) -> None:
    path = tmp_path / "odds.toml"
    path.write_text(HEAD + CHEAP + "\n[ranges]\n" + RANGES, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", "json", "--samples", "500"]) == 0
    data = json.loads(out.getvalue())
    listed = {o["id"]: o for o in data["uncertainty"]["options"]}
    assert listed["cheap"]["p_cheapest_at_horizon"] == 1.0
    assert listed["cheap"]["p_pays_back"] == 1.0
    assert listed["baseline"]["p_pays_back"] is None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--samples", "500"]) == 0
    text = out.getvalue()
    assert "Tiny model, prompted: cheapest at 12 months 100% · pays back by then 100%" in text
