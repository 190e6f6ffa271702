"""Every option set against the baseline with `engine.breakeven`'s own functions (one
implementation of break-even, curves and payback volumes), then ranked at the horizon."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..breakeven import Curves, break_even, break_even_volumes
from ..inputs import Workload
from ..money import ONE, ZERO, usd
from ..pricebook import PriceBook
from ..result import (
    CostResult,
    OptionOutcome,
    OptionsComparison,
    PathCosts,
    VolumeCrossing,
)
from .priced import Priced

NO_BOOK = PriceBook()
"""No token prices: `break_even`'s never-reason then compares per-request costs, which reads
right for any option (its token-price wording is about fine-tuned rates)."""

WORDS = (
    ("fine-tuning costs", "the option costs"),
    ("the fine-tuned path's", "the option's"),
    ("the fine-tuned path", "the option"),
    ("a fine-tuned request", "a request on the option"),
    ("a prompted one", "one on the baseline"),
    (" prompted:", " on the baseline:"),
    ("on both paths", "on both"),
)
"""`engine.breakeven` words an option as the fine-tuned path; other kinds say `the option`."""


def _words(text: str, kind: str) -> str:
    if kind == "fine_tuning":
        return text
    for old, new in WORDS:
        text = text.replace(old, new)
    return text


def _of(priced: Priced, **figures: Any) -> OptionOutcome:
    """`priced` as an outcome, with the figures worked out against the baseline."""
    return OptionOutcome.model_construct(
        id=priced.id,
        name=priced.name,
        kind=priced.kind,
        parts=priced.parts,
        warnings=priced.warnings,
        prices=priced.prices,
        book=priced.book,
        costs=priced.costs,
        **figures,
    )


def outcome(workload: Workload, baseline: PathCosts, priced: Priced) -> OptionOutcome:
    """One option against the baseline: break-even, curve, total and payback volumes."""
    costs, kind = priced.costs, priced.kind
    if costs.missing:
        # An unknown upfront only delays break-even: if it never comes with none, it never does.
        known = costs.model_copy(update={"upfront_usd": ZERO, "missing": ()})
        floor, why = break_even(workload, baseline, known, NO_BOOK, priced.time)
        first = costs.missing[0]
        never = floor is None
        return _of(
            priced,
            break_even_months=None,
            break_even_note=_words(f"{why} (whatever the upfront cost)", kind)
            if never
            else f"unknown {first.message}",
            break_even_reason="never" if never else first.code,
            total_at_horizon_usd=None,
            payback_volumes=(),
        )
    months, note = break_even(workload, baseline, costs, NO_BOOK, priced.time)
    curve = Curves(workload, baseline, costs, priced.time)  # closed form: no month walk
    volumes = break_even_volumes(workload, baseline, costs, priced.time)
    out = _of(
        priced,
        break_even_months=months,
        break_even_note=_words(note, kind),
        break_even_reason="never" if months is None else None,
        total_at_horizon_usd=curve.at(workload.horizon_months).finetune_usd,
        payback_volumes=tuple(v.model_copy(update={"note": _words(v.note, kind)}) for v in volumes),
    )
    out._curve = curve
    return out


def from_result(result: CostResult, *, name: str) -> OptionOutcome:
    """The profile's own `[fine_tuning]` as an option: the evaluation's figures, unchanged."""
    out = OptionOutcome.model_construct(
        id="fine_tuning",
        name=name,
        kind="fine_tuning",
        costs=result.finetune,
        break_even_months=result.break_even_months,
        break_even_note=result.break_even_note,
        break_even_reason=result.break_even_reason,
        total_at_horizon_usd=result.finetune_total_usd,
        payback_volumes=result.break_even_volumes,
    )
    if result.finetune_total_usd is not None:
        out._curve = result._curve  # the result's own, built only if the chart reads it
    return out


def baseline_outcome(result: CostResult, *, name: str) -> OptionOutcome:
    out = OptionOutcome.model_construct(
        id="baseline",
        name=name,
        kind="prompting",
        costs=result.prompting,
        break_even_months=None,
        break_even_note="",
        break_even_reason=None,
        total_at_horizon_usd=result.prompting_total_usd,
        payback_volumes=(),
    )
    out._curve, out._column = result._curve, "prompting"
    return out


def viable(outcome: OptionOutcome) -> bool:
    """Whether the option can be built at all on the assessment date: no error among its
    warnings (a retired model, a closed offering)."""
    return not any(w.severity == "error" for w in outcome.warnings)


def _cheapest(outcomes: Iterable[OptionOutcome]) -> tuple[str | None, str]:
    every = list(outcomes)
    listed = [o for o in every if viable(o)]
    left = [o.name for o in every if not viable(o)]
    aside = f" (left out, as it cannot be built: {', '.join(left)})" if left else ""
    open_ = [o for o in listed if o.total_at_horizon_usd is None]
    if open_:
        return None, f"open until {open_[0].name}'s upfront cost is known{aside}"
    if not listed:
        return None, f"none: every option has an error{aside}"
    best = min(listed, key=lambda o: o.total_at_horizon_usd or ZERO)  # all known here
    assert best.total_at_horizon_usd is not None
    return best.id, f"{best.name}: {usd(best.total_at_horizon_usd)} in total{aside}"


def _slope(workload: Workload, priced: Priced) -> Decimal:
    """Extra total at the horizon per extra request in the first month (growth and falling
    prices included; a retirement's redo adds a constant, which does not change the slope)."""
    rate = (ONE + workload.monthly_growth) * priced.time.price_factor
    months = workload.horizon_months
    scale = Decimal(months) if rate == ONE else (rate**months - ONE) / (rate - ONE)
    return priced.costs.variable_per_request_usd * scale


def crossings(
    workload: Workload, outcomes: list[OptionOutcome], priced: dict[str, Priced]
) -> tuple[VolumeCrossing, ...]:
    """Where the cheapest option at the horizon changes as the first month's volume moves:
    each total is a straight line in that volume, and the cheapest is their lower envelope."""
    if any(o.total_at_horizon_usd is None for o in outcomes):
        return ()
    v0 = workload.monthly_requests
    lines = {}
    for o in outcomes:
        b = _slope(workload, priced[o.id])
        assert o.total_at_horizon_usd is not None
        lines[o.id] = (o.total_at_horizon_usd - b * v0, b)
    points = sorted(
        {
            (a2 - a1) / (b1 - b2)
            for a1, b1 in lines.values()
            for a2, b2 in lines.values()
            if b1 != b2 and (a2 - a1) / (b1 - b2) > 0
        }
    )

    def cheapest(v: Decimal) -> str:
        return min(lines, key=lambda k: (lines[k][0] + lines[k][1] * v, k))

    out, edges = [], [ZERO, *points]
    for i, point in enumerate(points):
        below = cheapest((edges[i] + point) / 2)
        above = cheapest(point * 2 if i + 1 == len(points) else (point + points[i + 1]) / 2)
        if below != above:
            out.append(
                VolumeCrossing.model_construct(requests_per_month=point, below=below, above=above)
            )
    return tuple(out)


def compare_options(
    workload: Workload,
    result: CostResult,
    priced: dict[str, Priced],
    *,
    baseline: Priced,
    fine_tuning: Priced,
) -> OptionsComparison:
    """The baseline, the profile's `[fine_tuning]` (from `result`) and every other option."""
    base = baseline_outcome(result, name=baseline.name)
    options = [from_result(result, name=fine_tuning.name)]
    options += [outcome(workload, result.prompting, p) for p in priced.values()]
    ranked = [base, *options]
    best, note = _cheapest(ranked)
    every = {"baseline": baseline, "fine_tuning": fine_tuning, **priced}
    out = OptionsComparison.model_construct(
        baseline=base,
        options=tuple(options),
        horizon_months=workload.horizon_months,
        cheapest_at_horizon=best,
        cheapest_note=note,
        crossings=crossings(workload, [o for o in ranked if viable(o)], every),
    )
    out._reprice = getattr(priced, "again", None)  # the simulation's corners price with it
    return out
