"""How sure the figures are: the simulation over a profile's ranges (the wizard runs it off the UI
thread and posts `tui.messages.Simulated`).

`engine.uncertainty` (through `profiles.ranges`) is imported only inside `simulate`, which
the wizard calls only for a profile with ranges: a profile without them never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.rules import Recommendation
    from engine.uncertainty import Uncertainty

    from .evaluation import Evaluation


def has_ranges(evaluation: Evaluation | None) -> bool:
    """Whether `evaluation`'s profile has any ranged answer (so there is anything to simulate)."""
    return evaluation is not None and bool(evaluation.profile.ranges)


def can_simulate(evaluation: Evaluation | None) -> bool:
    """Ranges, and every cost known: an unknown cost is never simulated as $0."""
    return has_ranges(evaluation) and evaluation is not None and evaluation.result.costs_known


def simulate(
    evaluation: Evaluation,
    *,
    recommendation: Recommendation | None = None,
    catalog: Catalog | None = None,
    band: bool = False,
    live: bool = False,
) -> Uncertainty:
    """The simulation `tunewise assess` runs for this evaluation (same samples and seed, and
    its `--scenario` when it shows one); with `band`, the P10/P50/P90 of both cumulative
    curves per month for the chart. `live` (the cost panel, on every answer): the same
    samples and figures, without the tornado and thresholds the panel does not show."""
    if live:
        return _live(evaluation)
    from profiles.ranges import profile_uncertainty

    ev = evaluation
    return profile_uncertainty(
        ev.profile,
        ev.book,
        ev.result,
        recommendation=recommendation,
        catalog=catalog if recommendation is not None else None,
        scenario=ev.scenario or None,
        with_band=band,
    )


def _live(evaluation: Evaluation) -> Uncertainty:
    """`simulate` for the panel: the setup the evaluation checked, no sensitivity."""
    from engine.uncertainty import DEFAULT_SAMPLES, DEFAULT_SEED, uncertainty
    from engine.uncertainty.setup import prepare

    a = evaluation.assessed
    setup = evaluation.setup or prepare(
        a.inputs, a.book, a.result, a.profile.ranges, a.profile.options
    )
    return uncertainty(
        setup,
        a.result,
        samples=DEFAULT_SAMPLES,
        seed=DEFAULT_SEED,
        scenario=evaluation.scenario or None,
        sensitivity=False,
    )
