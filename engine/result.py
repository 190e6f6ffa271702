"""What the cost engine answers: every figure with the line items and prices behind it."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict


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


class PathCosts(Output):
    """One path: its monthly cost (first month) and its one-off cost, itemised."""

    monthly_usd: Decimal
    monthly_items: tuple[LineItem, ...]
    upfront_usd: Decimal
    upfront_items: tuple[LineItem, ...]
    per_request_usd: Decimal | None
    """Monthly cost ÷ monthly requests (None at zero volume)."""
    variable_per_request_usd: Decimal
    """The part of the monthly cost that grows with each request."""
    fixed_monthly_usd: Decimal
    """The part that does not depend on volume."""


class MonthPoint(Output):
    """Cumulative cost of each path at the end of `month` (0 = the upfront costs)."""

    month: int
    requests: Decimal
    prompting_usd: Decimal
    finetune_usd: Decimal


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


class CostResult(Output):
    """The whole comparison for one set of inputs."""

    monthly_requests: Decimal
    prompting: PathCosts
    finetune: PathCosts
    monthly_saving_usd: Decimal
    """Prompting's monthly cost minus fine-tuning's, in the first month."""
    break_even_months: Decimal | None
    """Months until fine-tuning's cumulative cost falls to prompting's; None when never."""
    break_even_note: str
    """Why, in words: the arithmetic, or the reason it never pays back."""
    horizon_months: int
    cumulative: tuple[MonthPoint, ...]
    prompting_total_usd: Decimal
    finetune_total_usd: Decimal
    break_even_volumes: tuple[BreakEvenVolume, ...]
    warnings: tuple[CostWarning, ...]
