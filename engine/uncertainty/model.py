"""What the uncertainty analysis answers (pydantic: the contract with reports and the UI)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    # a NaN or infinity here is a bug upstream: refuse it rather than print it or save it
    model_config = ConfigDict(frozen=True, defer_build=True, allow_inf_nan=False)


class Spread(Out):
    """P10 / P50 / P90 of one figure over the samples (None: never, for break-even)."""

    p10: float | None
    p50: float | None
    p90: float | None


class Band(Out):
    """P10 / P50 / P90 of both cumulative curves at one month (the chart's band)."""

    month: int
    prompting: Spread
    finetune: Spread


class TornadoBar(Out):
    """One ranged input swung from low to high with every other input at its likely value."""

    field: str
    """Dotted path of the answer (`workload.requests_per_day`)."""
    label: str
    low: float
    likely: float
    high: float
    break_even_at_low: float | None
    """Break-even months with this input at its low value (None: never)."""
    break_even_at_high: float | None
    swing_months: float
    """How far break-even moves across the range (a never counts as the horizon × 10)."""


class Threshold(Out):
    """The value of one input at which fine-tuning's answer flips, the others at likely."""

    field: str
    label: str
    value: float
    direction: str
    """`above` or `below`: fine-tuning pays back within the target when the input is ..."""
    within_range: bool
    """Whether the value lies inside the input's range (a flip that can happen)."""
    text: str


class OptionOdds(Out):
    """One option over the samples (`engine.uncertainty.options`)."""

    id: str
    name: str
    p_cheapest_at_horizon: float
    p_pays_back: float | None
    """Paying back against the baseline within the horizon (None: the baseline itself)."""
    interpolation_error: float | None = None
    """With ranged answers of its own (or of the options it is built from): the largest
    relative gap, at the points checked, between its interpolated total at the horizon and
    the engine's (`engine.uncertainty.option_costs`); None when none reaches it."""


class OptionAnswer(Out):
    """A ranged answer of a named option, or one a scenario sets, with its words."""

    path: str
    """`options.route.share_to_first`."""
    label: str
    """`Route 60% to Flash-Lite: share to the first`."""
    low: float | None = None
    likely: float | None = None
    high: float | None = None
    value: float | None = None
    """The scenario's value (a range then has none)."""


class Uncertainty(Out):
    """The simulation's answer for one profile with ranges."""

    samples: int
    seed: int
    shape: str
    """The default sampling shape (`pert` or `triangular`)."""
    scenario: str | None
    ranged: tuple[str, ...]
    """The ranged answers, by dotted path."""
    horizon_months: int
    break_even_months: Spread
    prompting_total: Spread
    finetune_total: Spread
    p_payback_within_horizon: float
    retire_month: int | None
    """Whole months from the assessment to the base model's retirement, when known."""
    p_payback_before_retirement: float | None
    """None when the base model's retirement date is unknown."""
    point_verdict: str | None
    p_verdict_changes: float | None
    """Share of samples whose recommendation differs from the point answer's (None: no rules)."""
    verdicts: dict[str, float]
    """Share of samples per verdict."""
    tornado: tuple[TornadoBar, ...]
    thresholds: tuple[Threshold, ...]
    summary: str
    """The answer in words: how sure, and which input decides it."""
    band: tuple[Band, ...] = ()
    options: tuple[OptionOdds, ...] = ()
    """Each option's chances, when the profile names options (`engine.uncertainty.options`)."""
    option_answers: tuple[OptionAnswer, ...] = ()
    """The named options' ranged answers and those the scenario sets, in words."""
