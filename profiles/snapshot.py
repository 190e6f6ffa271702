"""The result snapshot a profile keeps, so a diff shows outcomes without re-running."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, Overflow, localcontext
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from engine.pricebook import PriceBook
from engine.result import CostResult
from engine.wording import OUTCOMES, verdict_inline

from .delta import amount_text, kind_of
from .ranges_snapshot import UncertaintySnapshot
from .text import Text

if TYPE_CHECKING:
    from engine.rules.verdict import Recommendation as RulesRecommendation

MONEY_PLACES = 6
MONTHS_PLACES = 3
PER_REQUEST_PLACES = 8


Code = Annotated[str, Field(max_length=100, pattern=r"^[A-Za-z0-9_.:-]*$")]
"""A machine word: verdicts, confidence levels, reason codes."""


class Snap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


FIGURE_LIMIT = Decimal("1E+90")
"""No stored figure reaches this. The answers' caps allow 1e24 a month and compounding growth
far more over 600 months; `_q` rounds at 100 digits, so 1e90 is what a snapshot can hold with 8
places. `_q` refuses it too, so what tunewise writes it can always read back."""

Figure = Annotated[Decimal, Field(gt=-FIGURE_LIMIT, lt=FIGURE_LIMIT, allow_inf_nan=False)]
"""A figure of `[result.costs]`: finite and below `FIGURE_LIMIT` either way (a saving can be
negative)."""


def _q(value: Decimal, places: int) -> Decimal:
    """Rounded half-even like `costs_block`, then without trailing zeros (stable bytes).

    Raises `decimal.Overflow` (an `ArithmeticError`) at `FIGURE_LIMIT` or beyond."""
    with localcontext(prec=100):
        if not value.is_finite() or abs(value) >= FIGURE_LIMIT:
            raise Overflow(f"{value:.3e} is too large to keep in a result snapshot")
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        return rounded.normalize() if rounded else Decimal(0)


class Costs(Snap):
    """The figures of `tunewise assess --format json`'s `costs` block, exact decimals."""

    @field_serializer("*", when_used="json")
    def _plain_json(self, value: object) -> object:
        """`80`, never `8E+1`: the stored decimals are normalised, JSON shows them plainly."""
        return _plain(value) if isinstance(value, Decimal) else value

    prompting_monthly: Figure
    finetune_monthly: Figure
    prompting_upfront: Figure
    finetune_upfront: Figure | None = None
    """Absent when a part of it is unknown (`break_even_reason` names it)."""
    monthly_saving: Figure
    break_even_months: Figure | None = None
    """Absent when fine-tuning never pays back, or when that is unknown."""
    break_even_reason: Code | None = None
    """`never`, or the code of the unknown that leaves break-even open; absent when a number."""
    horizon_months: Annotated[int, Field(ge=1, le=600)]
    prompting_total: Figure
    finetune_total: Figure | None = None
    monthly_requests: Figure
    prompting_per_request: Figure | None = None
    finetune_per_request: Figure | None = None

    def absent(self, name: str) -> str:
        """What an absent figure means: `never` for a break-even that never comes, `unknown`
        for one an unknown cost leaves open and for a cost the answers leave unknown."""
        if name == "break_even_months" and self.break_even_reason in (None, "never"):
            return "never"
        return "unknown"


class Reason(Snap):
    """One reason behind a verdict, identified by `code` so a diff can say which flipped."""

    code: Code
    """`decision`, a framework id (`flowchart_000`, …, `providers`) or `task_table`."""
    favours: Code = ""
    """The outcome the reason argues for (`prompting`, `fine_tuning`, `not_ready`, …), or
    empty. A reason flips when what it favours changes, not when its figures are reworded."""
    text: Text = ""
    source: Text = ""
    """The guide (or catalog) the reason rests on."""

    @property
    def decisive(self) -> bool:
        """Whether the consolidation gave it (`decision`, `decision.2`, …), not one framework."""
        return self.code == "decision" or self.code.startswith("decision.")


class Recommendation(Snap):
    """What the decision rules concluded (`engine.rules`), as a diff needs it."""

    verdict: Code
    confidence: Code = ""
    method: Code = ""
    """For fine-tuning verdicts: `hosted`, `lora`, `qlora` or `full`."""
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
    uncertainty: UncertaintySnapshot | None = None
    """The simulation over the profile's ranges, when it has any."""


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


def _opt(value: Decimal | None, places: int) -> Decimal | None:
    return None if value is None else _q(value, places)


def _unknown_reason(result: CostResult) -> str | None:
    """Kept only when break-even is unknown: a `never` is already said by its absence, and
    the snapshots written before unknowns existed stay byte for byte the same."""
    return None if result.break_even_known else result.break_even_reason


def costs_of(result: CostResult) -> Costs:
    months = result.break_even_months
    pe, ft = result.prompting, result.finetune
    return Costs(
        prompting_monthly=_q(pe.monthly_usd, MONEY_PLACES),
        finetune_monthly=_q(ft.monthly_usd, MONEY_PLACES),
        prompting_upfront=_q(pe.known_upfront, MONEY_PLACES),
        finetune_upfront=_opt(ft.upfront_usd, MONEY_PLACES),
        monthly_saving=_q(result.monthly_saving_usd, MONEY_PLACES),
        break_even_months=None if months is None else _q(months, MONTHS_PLACES),
        break_even_reason=_unknown_reason(result),
        horizon_months=result.horizon_months,
        prompting_total=_q(result.prompting_total_usd, MONEY_PLACES),
        finetune_total=_opt(result.finetune_total_usd, MONEY_PLACES),
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


def recommendation_of(rec: RulesRecommendation) -> Recommendation:
    """The part of the rules' recommendation a profile keeps: verdict, confidence, method and
    the reasons, each with the stable `code` and the outcome it `favours` that the rules gave
    it (`engine.rules.recommend.coded`). A reason repeated word for word is kept once."""
    out: list[Reason] = []
    seen: set[tuple[str, str]] = set()
    for r in rec.reasons:
        if (r.framework, r.text) in seen:
            continue
        seen.add((r.framework, r.text))
        out.append(
            Reason.model_validate(
                _set(code=r.code, favours=r.favours, text=r.text, source=r.source)
            )
        )
    return Recommendation.model_validate(
        _set(verdict=rec.verdict, confidence=rec.confidence, method=rec.method, reasons=out)
    )


def _set(**fields: object) -> dict[str, object]:
    """The fields that have a value: empty ones stay unset, so the writer leaves them out."""
    return {k: v for k, v in fields.items() if v not in (None, "", [])}


def outcome_differences(stored: ResultSnapshot, fresh: ResultSnapshot) -> list[str]:
    """What changed between two snapshots' outcomes, as `field was X, now Y` phrases."""
    out = []
    for name in Costs.model_fields:
        a, b = getattr(stored.costs, name), getattr(fresh.costs, name)
        if a != b and name != "break_even_reason":  # said by break_even_months itself
            kind = kind_of(f"costs.{name}")
            was = stored.costs.absent(name) if a is None else _amount(a, kind)
            now = fresh.costs.absent(name) if b is None else _amount(b, kind)
            out.append(f"{OUTCOMES.get(name, name)} was {was}, now {now}")
    if stored.warnings != fresh.warnings:
        out.append("warnings changed")
    sr, fr = stored.recommendation, fresh.recommendation
    if sr is not None and fr is not None:
        if sr.verdict != fr.verdict:
            was, now = verdict_inline(sr.verdict), verdict_inline(fr.verdict)
            out.append(f"verdict was {was}, now {now}")
        elif sr.confidence != fr.confidence:
            out.append(f"confidence was {sr.confidence or 'none'}, now {fr.confidence or 'none'}")
    return out


def _amount(value: object, kind: str) -> str:
    """`$337.50`, `19.27 months`: a figure as the reports write it (a count as a number)."""
    if kind == "number" or isinstance(value, bool) or not isinstance(value, Decimal | int):
        return _plain(value)
    # The label already says "monthly": `$337.50`, not `$337.50/mo`.
    return amount_text(Decimal(value), "usd" if kind == "usd_monthly" else kind)


def _plain(value: object) -> str:
    if value is None:
        return "never"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
