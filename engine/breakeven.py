"""When fine-tuning pays back: cumulative costs, break-even months and break-even volumes.

Costs accrue evenly within a month, so between month ends the cumulative curves are straight
lines and the crossing is found exactly by interpolation. With no growth this is the guides'
formula, upfront difference ÷ monthly saving. Break-even volumes are solved in closed form:
cumulative saving over T months is linear in the first month's volume.
"""

from __future__ import annotations

from decimal import Decimal

from .inputs import Workload
from .money import ONE, ZERO, number, usd
from .pricebook import PriceBook
from .result import BreakEvenVolume, MonthPoint, PathCosts

MAX_MONTHS = 600
"""How far past the horizon break-even is looked for (50 years)."""
WITHIN = (6, 12, 24)


def _month_cost(path: PathCosts, extra_requests: Decimal) -> Decimal:
    """A month's cost when volume is `extra_requests` above the first month's."""
    return path.monthly_usd + path.variable_per_request_usd * extra_requests


def cumulative(workload: Workload, pe: PathCosts, ft: PathCosts) -> tuple[MonthPoint, ...]:
    growth = ONE + workload.monthly_growth
    first = workload.monthly_requests
    volume = first
    pe_total, ft_total = pe.upfront_usd, ft.upfront_usd
    points = [
        MonthPoint.model_construct(
            month=0, requests=ZERO, prompting_usd=pe_total, finetune_usd=ft_total
        )
    ]
    for month in range(1, workload.horizon_months + 1):
        pe_total += _month_cost(pe, volume - first)
        ft_total += _month_cost(ft, volume - first)
        points.append(
            MonthPoint.model_construct(
                month=month, requests=volume, prompting_usd=pe_total, finetune_usd=ft_total
            )
        )
        volume *= growth
    return tuple(points)


def _never_reason(pe: PathCosts, ft: PathCosts, book: PriceBook) -> str:
    extra = ft.monthly_usd - pe.monthly_usd
    tail = (
        f"the fine-tuned path costs {usd(extra)} more a month"
        if extra
        else "both paths cost the same each month"
    )
    p, f = book.prompting, book.fine_tuned
    if p is not None and f is not None and f.input.usd > p.input.usd and p.input.usd:
        ratio = f.input.usd / p.input.usd
        return (
            f"fine-tuned tokens cost {number(ratio)}× the base price "
            f"({usd(f.input.usd)}/{usd(f.output.usd)} vs {usd(p.input.usd)}/"
            f"{usd(p.output.usd)} per 1M input/output): {tail}"
        )
    if ft.variable_per_request_usd >= pe.variable_per_request_usd and ft.variable_per_request_usd:
        return (
            f"a fine-tuned request costs {usd(ft.variable_per_request_usd, cents=False)} vs "
            f"{usd(pe.variable_per_request_usd, cents=False)} prompted: {tail}"
        )
    if ft.fixed_monthly_usd > pe.fixed_monthly_usd:
        return (
            f"the fine-tuned path's fixed costs ({usd(ft.fixed_monthly_usd)} a month) "
            f"outweigh what it saves per request: {tail}"
        )
    return tail


def break_even(
    workload: Workload,
    pe: PathCosts,
    ft: PathCosts,
    book: PriceBook,
) -> tuple[Decimal | None, str]:
    """Months until fine-tuning's cumulative cost falls to prompting's, and the why."""
    gap = ft.upfront_usd - pe.upfront_usd
    saving = pe.monthly_usd - ft.monthly_usd
    g = workload.monthly_growth
    if not g:
        if saving <= 0:
            return None, _never_reason(pe, ft, book)
        if gap <= 0:
            return ZERO, (
                f"at once: fine-tuning costs no more up front and saves {usd(saving)} a month"
            )
        months = gap / saving
        return months, (
            f"{usd(gap)} more up front ÷ {usd(saving)} saved a month = {number(months)} months"
        )
    if gap <= 0 and saving >= 0:
        return ZERO, "at once: fine-tuning costs no more up front and no more in the first month"
    first = workload.monthly_requests
    volume, remaining = first, gap
    for month in range(1, MAX_MONTHS + 1):
        month_saving = _month_cost(pe, volume - first) - _month_cost(ft, volume - first)
        if month_saving > 0 and remaining <= month_saving:
            months = month - 1 + max(remaining, ZERO) / month_saving
            return months, (
                f"{usd(gap)} more up front, recovered by savings growing "
                f"{number(g * 100)}% a month: {number(months)} months"
            )
        remaining -= month_saving
        volume *= ONE + g
    per_first = (pe.variable_per_request_usd - ft.variable_per_request_usd) * first
    months = _late_break_even(gap, saving, per_first, g)
    if months is not None:
        return months, (
            f"{usd(gap)} more up front, recovered by savings growing "
            f"{number(g * 100)}% a month: {number(months)} months"
        )
    if saving <= 0 and g < 0:
        return None, _never_reason(pe, ft, book)
    return None, (
        f"never within {MAX_MONTHS // 12} years at {number(g * 100)}% monthly growth "
        f"(first-month saving {usd(saving)})"
    )


LATEST = 10**6
"""Months past which break-even is not looked for, even when savings keep growing."""


def _late_break_even(
    gap: Decimal, saving: Decimal, per_first: Decimal, g: Decimal
) -> Decimal | None:
    """Break-even after `MAX_MONTHS` when savings still cover the gap in the end, found by
    bisection on whole months: month m saves (saving - per_first) + per_first × (1+g)^(m-1)."""
    settles = saving - per_first
    if not (per_first > 0 if g > 0 else settles > 0):
        return None

    def month_saving(m: int) -> Decimal:
        return settles + per_first * (ONE + g) ** (m - 1)

    def saved(n: int) -> Decimal:
        return n * settles + per_first * _growth_sum(g, n)

    low, high = MAX_MONTHS, 2 * MAX_MONTHS
    while saved(high) < gap or month_saving(high) <= 0:
        if high >= LATEST:
            return None
        low, high = high, 2 * high
    while high - low > 1:
        mid = (low + high) // 2
        if saved(mid) >= gap and month_saving(mid) > 0:
            high = mid
        else:
            low = mid
    return high - 1 + (gap - saved(high - 1)) / month_saving(high)


def _growth_sum(g: Decimal, months: int) -> Decimal:
    """Σ (1+g)^(m-1) for m = 1..months: the volume of `months` months in first-month units."""
    if not g:
        return Decimal(months)
    return ((ONE + g) ** months - ONE) / g


def break_even_volumes(
    workload: Workload,
    pe: PathCosts,
    ft: PathCosts,
) -> tuple[BreakEvenVolume, ...]:
    gap = ft.upfront_usd - pe.upfront_usd
    per_request = pe.variable_per_request_usd - ft.variable_per_request_usd
    fixed = pe.fixed_monthly_usd - ft.fixed_monthly_usd
    days = workload.days_per_month
    out = []
    for months in WITHIN:
        needed = gap - fixed * months
        scale = per_request * _growth_sum(workload.monthly_growth, months)
        volume: Decimal | None = None
        if per_request > 0:
            volume = needed / scale if needed > 0 else ZERO
            note = (
                f"pays back within {months} months at any volume"
                if not volume
                else f"{number(volume, places=0)} requests a month "
                f"({number(volume / days, places=0)} a day) in the first month"
            )
        elif per_request == 0:
            volume = ZERO if needed <= 0 else None
            note = (
                f"pays back within {months} months at any volume"
                if needed <= 0
                else "no volume: a request costs the same on both paths"
            )
        elif needed < 0:
            ceiling = needed / scale
            note = (
                f"only below {number(ceiling, places=0)} requests a month: a fine-tuned "
                f"request costs {usd(-per_request, cents=False)} more than a prompted one"
            )
        else:
            note = (
                f"no volume: a fine-tuned request costs {usd(-per_request, cents=False)} more "
                "than a prompted one"
            )
        out.append(
            BreakEvenVolume.model_construct(
                within_months=months,
                requests_per_month=volume,
                requests_per_day=None if volume is None else volume / days,
                note=note,
            )
        )
    return tuple(out)
