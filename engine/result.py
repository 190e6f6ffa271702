"""What the cost engine answers: every figure with the line items and prices behind it."""

from decimal import Decimal
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .pricebook import PriceBook, Quote


class Output(BaseModel):
    """Base of every result: built by the engine, read by reports, profiles and the UI."""

    model_config = ConfigDict(frozen=True, defer_build=True)


class LineItem(Output):
    """One cost, how it was computed and which price it used."""

    key: str
    """Stable id, e.g. `input_tokens`, `training`, `maintenance`."""
    label: str
    usd: Decimal
    formula: str
    """The arithmetic in words, e.g. `300,000 req × 800 tok × $0.15/1M`."""
    price_source: str | None = None
    """Where the price came from, with its as-of date."""
    scales_with_volume: bool = False


class Unknown(Output):
    """A cost the answers leave unknown, and what to answer to know it."""

    code: str
    """Stable id, e.g. `upfront_unknown`, `labelling_price_unknown`."""
    field: str
    """The answer that would settle it, as a dotted path (`fine_tuning.upfront_usd`)."""
    message: str
    """What it waits for, in words: `until the fine-tuning upfront cost is known (…)`."""


class PathCosts(Output):
    """One path: its monthly cost (first month) and its one-off cost, itemised."""

    monthly_usd: Decimal
    monthly_items: tuple[LineItem, ...]
    upfront_usd: Decimal | None
    """None when a part of it is unknown (`missing` says which): never read as $0."""
    upfront_items: tuple[LineItem, ...]
    per_request_usd: Decimal | None
    """Monthly cost ÷ monthly requests (None at zero volume)."""
    variable_per_request_usd: Decimal
    """The part of the monthly cost that grows with each request."""
    fixed_monthly_usd: Decimal
    """The part that does not depend on volume."""
    missing: tuple[Unknown, ...] = ()
    """What the answers leave unknown on this path (its upfront is then None)."""
    given: str = ""
    """`given: $1,500 a month; does not follow volume` when the bill was typed directly
    instead of priced from volume and tokens ("" when priced)."""

    @property
    def known_upfront(self) -> Decimal:
        """`upfront_usd` where the caller has ruled out an unknown (break-even, the curves)."""
        if self.upfront_usd is None:
            raise ValueError("the upfront cost is unknown " + self.missing[0].message)
        return self.upfront_usd


class MonthPoint(Output):
    """Cumulative cost of each path at the end of `month` (0 = the upfront costs)."""

    month: int
    requests: Decimal
    prompting_usd: Decimal
    finetune_usd: Decimal | None
    """None when fine-tuning's upfront is unknown (its curve has no starting point)."""


class BreakEvenVolume(Output):
    """The first-month volume at which fine-tuning pays back within `within_months`."""

    within_months: int
    requests_per_month: Decimal | None
    requests_per_day: Decimal | None
    note: str


class CostWarning(Output):
    """Something implausible or risky about the inputs, said where it is."""

    code: str
    """Stable id, e.g. `gpu_too_small`, `provider_closed`, `model_retires`."""
    message: str
    field: str | None = None
    """The input it is about, as a dotted path (`fine_tuning.serving.gpu`)."""
    severity: Literal["info", "warning", "error"] = "warning"


class CurveSource(Protocol):
    """What builds a result's cumulative curve when it is first read (`engine.breakeven.Curves`)."""

    @property
    def points(self) -> tuple[MonthPoint, ...]: ...


class CostResult(Output):
    """The whole comparison for one set of inputs."""

    monthly_requests: Decimal
    prompting: PathCosts
    finetune: PathCosts
    monthly_saving_usd: Decimal
    """Prompting's monthly cost minus fine-tuning's, in the first month."""
    break_even_months: Decimal | None
    """Months until fine-tuning's cumulative cost falls to prompting's; None when never, or
    when unknown (`break_even_reason` says which)."""
    break_even_note: str
    """Why, in words: the arithmetic, the reason it never pays back, or what is missing."""
    break_even_reason: str | None = None
    """None when `break_even_months` is a number; `never`, or the code of the first unknown
    (`upfront_unknown`, …) that leaves it unknown."""
    horizon_months: int
    prompting_total_usd: Decimal
    finetune_total_usd: Decimal | None
    """None when fine-tuning's upfront is unknown."""
    break_even_volumes: tuple[BreakEvenVolume, ...]
    """Empty when fine-tuning's upfront is unknown."""
    warnings: tuple[CostWarning, ...]
    unknowns: tuple[Unknown, ...] = ()
    """Every cost the answers leave unknown, on either path."""
    _curve: CurveSource | None = PrivateAttr(default=None)
    """Builds `cumulative` when it is read: most callers need only the totals."""

    @property
    def cumulative(self) -> tuple[MonthPoint, ...]:
        """Cumulative cost of both paths at the end of each month, 0 to the horizon."""
        return () if self._curve is None else self._curve.points

    @property
    def costs_known(self) -> bool:
        """Whether no cost is left unknown: what the simulation needs, as the answers it moves
        can make the unknown part decide (a fine-tune that never pays back at one volume may
        at another, by its upfront cost)."""
        return not self.unknowns

    @property
    def break_even_known(self) -> bool:
        """Whether break-even is a number or a proven never (not left open by an unknown)."""
        return self.break_even_months is not None or self.break_even_reason == "never"


class OptionOutcome(Output):
    """One option set against the baseline (`engine.options.compare`)."""

    id: str
    name: str
    kind: str
    """`prompting`, `rag`, `fine_tuning`, `routing` or `cascade`."""
    parts: tuple[str, ...] = ()
    """The ids of the options it is built from (a RAG option's generator, a hybrid's two)."""
    costs: PathCosts
    break_even_months: Decimal | None
    """Months until its cumulative cost falls to the baseline's; None when never or unknown
    (`break_even_reason` says which)."""
    break_even_note: str
    break_even_reason: str | None = None
    total_at_horizon_usd: Decimal | None
    """None when its upfront is unknown."""
    payback_volumes: tuple[BreakEvenVolume, ...] = ()
    """Empty when its upfront is unknown."""
    warnings: tuple[CostWarning, ...] = ()
    """The cost engine's warnings about this option (the profile's own paths: the result's)."""
    prices: tuple[tuple[str, Quote], ...] = ()
    """The prices it was costed at that are its own, by role (the profile's own paths: the
    price book's)."""
    book: PriceBook | None = Field(default=None, exclude=True, repr=False)
    """The price book a named option was costed at (its snapshot to save); None for a hybrid
    and the profile's own paths."""
    _curve: CurveSource | None = PrivateAttr(default=None)
    """Builds `cumulative_usd` when it is read (the results' chart): the totals need no curve."""
    _column: Literal["prompting", "finetune"] = PrivateAttr(default="finetune")
    """Which of the curve's two columns is this option's (the baseline's is prompting's)."""

    @property
    def cumulative_usd(self) -> tuple[Decimal, ...]:
        """Its cumulative cost at the end of each month, 0 (upfront) to the horizon; empty
        when its upfront is unknown."""
        if self._curve is None:
            return ()
        if self._column == "prompting":
            return tuple(p.prompting_usd for p in self._curve.points)
        return tuple(p.finetune_usd or Decimal(0) for p in self._curve.points)


class VolumeCrossing(Output):
    """A first-month volume where the cheapest option at the horizon changes."""

    requests_per_month: Decimal
    below: str
    """The cheapest option's id just below that volume."""
    above: str


class OptionsComparison(Output):
    """The baseline and every option, costed and ranked at the horizon."""

    baseline: OptionOutcome
    """The system as it runs today (its break-even fields are empty: it is the reference)."""
    options: tuple[OptionOutcome, ...]
    horizon_months: int
    cheapest_at_horizon: str | None
    """The id (`baseline` or an option's) with the lowest total at the horizon; None when an
    unknown upfront leaves it open."""
    cheapest_note: str
    crossings: tuple[VolumeCrossing, ...] = ()
    """Where the cheapest option at the horizon changes with the first month's volume."""
    _reprice: object = PrivateAttr(default=None)
    """How to price an option again with other answers (`engine.options.costing.Repricer`)."""

    @property
    def explicit(self) -> tuple[OptionOutcome, ...]:
        """The options a format-3 profile names beyond its `[fine_tuning]`."""
        return tuple(o for o in self.options if o.id != "fine_tuning")


class OptionPick(Output):
    """The option that implements the rules' verdict (`engine.options.verdict`)."""

    verdict: str
    option: str | None
    """Its id; None when no option implements the verdict (`note` says which to add)."""
    note: str
    how: str = ""
    """When no option implements the verdict: how the profile writes the one to add."""
