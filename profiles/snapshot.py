"""The result snapshot a profile keeps, so a diff shows outcomes without re-running."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from pydantic import BaseModel, ConfigDict

from engine.pricebook import PriceBook
from engine.result import CostResult

MONEY_PLACES = 6
MONTHS_PLACES = 3
PER_REQUEST_PLACES = 8


class Snap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _q(value: Decimal, places: int) -> Decimal:
    """Rounded half-even like `costs_block`, then without trailing zeros (stable bytes)."""
    with localcontext(prec=100):
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        return rounded.normalize() if rounded else Decimal(0)


class Costs(Snap):
    """The figures of `tunewise assess --format json`'s `costs` block, exact decimals."""

    prompting_monthly: Decimal
    finetune_monthly: Decimal
    prompting_upfront: Decimal
    finetune_upfront: Decimal
    monthly_saving: Decimal
    break_even_months: Decimal | None = None
    """Absent when fine-tuning never pays back."""
    horizon_months: int
    prompting_total: Decimal
    finetune_total: Decimal
    monthly_requests: Decimal
    prompting_per_request: Decimal | None = None
    finetune_per_request: Decimal | None = None


class Reason(Snap):
    """One reason behind a verdict, identified by `code` so a diff can say which flipped."""

    code: str
    text: str = ""
    favours: str = ""
    """The path the reason argues for (`prompting`, `fine_tuning`, …), or empty."""


class Recommendation(Snap):
    """What the decision rules concluded; absent until rules produce one."""

    verdict: str
    summary: str = ""
    reasons: list[Reason] = []


class ResultSnapshot(Snap):
    """Outcomes as last computed: who computed them, and with prices as of when."""

    tunewise: str = ""
    """The tunewise version that computed the snapshot."""
    rules: str = ""
    """The decision-rules version, when a recommendation was made."""
    prices_as_of: str = ""
    costs: Costs
    break_even_note: str = ""
    warnings: list[str] = []
    """Warning codes the engine raised."""
    recommendation: Recommendation | None = None


def prices_as_of(book: PriceBook, assessed_on: date) -> str:
    """The latest as-of date among the book's prices (the assessment date when none)."""
    dates: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, BaseModel):
            as_of = getattr(value, "as_of", None)
            if isinstance(as_of, str) and as_of:
                dates.add(as_of)
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(book)
    return max(dates) if dates else assessed_on.isoformat()


def costs_of(result: CostResult) -> Costs:
    months = result.break_even_months
    pe, ft = result.prompting, result.finetune
    return Costs(
        prompting_monthly=_q(pe.monthly_usd, MONEY_PLACES),
        finetune_monthly=_q(ft.monthly_usd, MONEY_PLACES),
        prompting_upfront=_q(pe.upfront_usd, MONEY_PLACES),
        finetune_upfront=_q(ft.upfront_usd, MONEY_PLACES),
        monthly_saving=_q(result.monthly_saving_usd, MONEY_PLACES),
        break_even_months=None if months is None else _q(months, MONTHS_PLACES),
        horizon_months=result.horizon_months,
        prompting_total=_q(result.prompting_total_usd, MONEY_PLACES),
        finetune_total=_q(result.finetune_total_usd, MONEY_PLACES),
        monthly_requests=_q(result.monthly_requests, MONEY_PLACES),
        prompting_per_request=None
        if pe.per_request_usd is None
        else _q(pe.per_request_usd, PER_REQUEST_PLACES),
        finetune_per_request=None
        if ft.per_request_usd is None
        else _q(ft.per_request_usd, PER_REQUEST_PLACES),
    )


def result_snapshot(
    result: CostResult,
    book: PriceBook,
    assessed_on: date,
    *,
    tunewise: str,
    recommendation: Recommendation | None = None,
    rules: str = "",
) -> ResultSnapshot:
    fields: dict[str, object] = {
        "tunewise": tunewise,
        "prices_as_of": prices_as_of(book, assessed_on),
        "costs": costs_of(result),
        "break_even_note": result.break_even_note,
    }
    if result.warnings:
        fields["warnings"] = [w.code for w in result.warnings]
    if recommendation is not None:
        fields["recommendation"] = recommendation
        fields["rules"] = rules
    return ResultSnapshot.model_validate(fields)


def outcome_differences(stored: ResultSnapshot, fresh: ResultSnapshot) -> list[str]:
    """What changed between two snapshots' outcomes, as `field was X, now Y` phrases."""
    out = []
    for name in Costs.model_fields:
        a, b = getattr(stored.costs, name), getattr(fresh.costs, name)
        if a != b:
            out.append(f"{name} was {_plain(a)}, now {_plain(b)}")
    if stored.warnings != fresh.warnings:
        out.append("warnings changed")
    sr, fr = stored.recommendation, fresh.recommendation
    if sr is not None and fr is not None and sr.verdict != fr.verdict:
        out.append(f"verdict was {sr.verdict}, now {fr.verdict}")
    return out


def _plain(value: object) -> str:
    if value is None:
        return "never"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
