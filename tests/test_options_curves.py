"""An option's total at the horizon comes in closed form; its month-by-month curve is built
only when a chart reads it (issue 19: an evaluation does not grow with the horizon)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from engine.breakeven import cumulative
from profiles.assessed import assess_profile
from profiles.files import load_profile

EXAMPLE = (
    Path(__file__).parents[1] / "profiles" / "examples" / "options" / "medical-options-2026.toml"
)


def test_an_options_curve_is_built_only_when_read_and_ends_at_its_total() -> None:
    profile = load_profile(EXAMPLE)
    growing = profile.workload.model_copy(
        update={"monthly_growth": Decimal("0.03"), "horizon_months": 600}
    )
    options = assess_profile(profile.model_copy(update={"workload": growing})).options
    named = [o for o in options.options if o.id not in ("baseline", "fine_tuning")]
    assert named
    every = (options.baseline, *options.options)
    for o in every:
        assert o._curve is not None and "points" not in vars(o._curve)  # not built yet
    for o in every:
        curve = o.cumulative_usd
        assert len(curve) == 601 and curve[-1] == o.total_at_horizon_usd
    for o in named:  # the closed form against the month-by-month walk (the reference)
        walk, total = (
            cumulative(growing, options.baseline.costs, o.costs)[-1],
            o.total_at_horizon_usd,
        )
        assert walk.finetune_usd is not None and total is not None
        assert abs(walk.finetune_usd - total) <= Decimal("0.000001")
