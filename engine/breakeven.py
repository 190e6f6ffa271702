"""When fine-tuning pays back: cumulative costs, break-even months and break-even volumes.

Costs accrue evenly within a month, so between month ends the cumulative curves are straight
lines and the crossing is found exactly by interpolation. With no growth this is the guides'
formula, upfront difference ÷ monthly saving. Break-even volumes are solved in closed form:
cumulative saving over T months is linear in the first month's volume.

Months, and the base model's retirement (one convention for `Curves`, `cumulative`,
`break_even`, `break_even_volumes` and the simulation's fast path,
`engine.uncertainty.fastpath`): month m
is the m-th month after the assessment date, and point m of the curve holds everything paid
up to its end (point 0: the upfront costs). With b = the whole months from the assessment to
the retirement date (`Timeline.retire_month`; 0 when it falls within the first month), the
model retires during month b + 1, and that month books the retirement: a redo's cost is paid
at its start (so point b + 1 is the first to include it, and a payback within T months must
cover it when b + 1 ≤ T), and an abandoned fine-tune costs what prompting costs from it on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from functools import cached_property

from .inputs import CostInputs, Workload
from .money import ONE, ZERO, number, percent, unit_price, usd
from .pricebook import PriceBook
from .result import BreakEvenVolume, MonthPoint, PathCosts

MAX_MONTHS = 600
"""How far past the horizon break-even is looked for (50 years)."""
WITHIN = (6, 12, 24)
TWELVE = Decimal(12)


@dataclass(frozen=True)
class Timeline:
    """Time effects on the curves beyond volume growth (see `timeline`).

    `price_factor` multiplies the volume-scaled costs of both paths each month (API prices
    falling). `retire_month` (b) is the last whole month boundary before the base model retires:
    month b + 1, the one it retires in, starts by rebuilding the fine-tune (`redo`, paying
    `redo_usd`) or ends the fine-tuned path (`abandon`: from then on it costs what prompting
    costs, so it must have paid back by the end of month b).
    """

    price_factor: Decimal = ONE
    retire_month: int | None = None
    at_retirement: str = "ignore"
    redo_usd: Decimal = ZERO

    @property
    def retiring(self) -> bool:
        """Whether retirement changes the curve (a model already retired only warns; one that
        retires within the first month, b = 0, does: month 1 books it)."""
        return (
            self.retire_month is not None
            and self.retire_month >= 0
            and self.retire_month <= MAX_MONTHS
            and self.at_retirement != "ignore"
        )

    @property
    def plain(self) -> bool:
        """No time effect: the curves are exactly those of growth alone."""
        return self.price_factor == ONE and not self.retiring


def whole_months(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (negative when `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def monthly_price_factor(decline_per_year: Decimal) -> Decimal:
    """The month-on-month price multiplier of an annual decline: (1 − decline)^(1/12)."""
    if not decline_per_year:
        return ONE
    return (ONE - decline_per_year) ** (ONE / TWELVE)


def retirement_date(inputs: CostInputs, book: PriceBook) -> date | None:
    """The base model's retirement date: the profile's, else the catalog's."""
    given = inputs.fine_tuning.retires_on
    if given is not None:
        return given
    return book.base_model.retires_on if book.base_model is not None else None


def timeline(inputs: CostInputs, book: PriceBook, ft: PathCosts) -> Timeline:
    """The time effects an evaluation applies; `Timeline()` (none) by default."""
    path = inputs.fine_tuning
    retires = retirement_date(inputs, book)
    month = None if retires is None else whole_months(inputs.assessed_on, retires)
    redo = path.redo_usd if path.redo_usd is not None else ft.known_upfront
    return Timeline(
        price_factor=monthly_price_factor(inputs.workload.api_price_decline_per_year),
        retire_month=month,
        at_retirement=path.at_retirement,
        redo_usd=redo,
    )


def _month_cost(path: PathCosts, extra_requests: Decimal) -> Decimal:
    """A month's cost when volume is `extra_requests` above the first month's."""
    return path.monthly_usd + path.variable_per_request_usd * extra_requests


def cumulative(
    workload: Workload, pe: PathCosts, ft: PathCosts, time: Timeline | None = None
) -> tuple[MonthPoint, ...]:
    """Both curves month by month: the reference `Curves` is checked against."""
    growth = ONE + workload.monthly_growth
    first = workload.monthly_requests
    volume = first
    pe_total, ft_total = pe.known_upfront, ft.known_upfront
    points = [
        MonthPoint.model_construct(
            month=0, requests=ZERO, prompting_usd=pe_total, finetune_usd=ft_total
        )
    ]
    factor = ONE if time is None else time.price_factor
    retiring = time is not None and time.retiring
    price = ONE
    for month in range(1, workload.horizon_months + 1):
        priced = volume if price == ONE else volume * price
        pe_month = _month_cost(pe, priced - first)
        pe_total += pe_month
        if retiring and time is not None and time.retire_month is not None:
            after = month > time.retire_month
            ft_total += (
                pe_month
                if after and time.at_retirement == "abandon"
                else (_month_cost(ft, priced - first))
            )
            if month == time.retire_month + 1 and time.at_retirement == "redo":
                ft_total += time.redo_usd  # the month the model retires in books the redo
        else:
            ft_total += _month_cost(ft, priced - first)
        points.append(
            MonthPoint.model_construct(
                month=month, requests=volume, prompting_usd=pe_total, finetune_usd=ft_total
            )
        )
        volume *= growth
        price *= factor
    return tuple(points)


EXTRA_DIGITS = 40
"""Digits beyond the context's precision that `Curves` works at before its one rounding."""


class Curves:
    """Both cumulative curves in closed form: any month's point costs the same, whatever the
    horizon (the month-by-month walk, `cumulative`, is kept as the reference).

    Month k costs M + V × (first × q^(k-1) − first) on a path (q = growth × price factor), so
    the months from i to j sum to a geometric series. Each point is worked out with
    `EXTRA_DIGITS` more digits and rounded once to the context: where the walk is exact (no
    growth or price decline, amounts that fit the precision) the two are equal; otherwise the
    walk rounds every month and the two differ by at most (3m + 3) × 10^(1 − precision) times
    the magnitudes summed to month m (tests/test_closed_form_curves.py). A plain class: a
    dataclass would cost ~1.5 ms to create at every start.
    """

    def __init__(
        self,
        workload: Workload,
        pe: PathCosts,
        ft: PathCosts,
        time: Timeline,
        *,
        finetune_known: bool = True,
    ) -> None:
        self.workload, self.pe, self.ft, self.time = workload, pe, ft, time
        self.finetune_known = finetune_known
        """False when fine-tuning's upfront is unknown: its column is None at every point."""

    def _key(self) -> tuple[object, ...]:
        return (self.workload, self.pe, self.ft, self.time, self.finetune_known)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Curves) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def at(self, month: int) -> MonthPoint:
        """The point at the end of `month` (0: the upfront costs)."""
        if not month:
            return MonthPoint.model_construct(
                month=0,
                requests=ZERO,
                prompting_usd=self.pe.known_upfront,
                finetune_usd=self.ft.known_upfront if self.finetune_known else None,
            )
        first = self.workload.monthly_requests
        with localcontext() as ctx:
            places = ctx.prec
            ctx.prec += EXTRA_DIGITS
            growth = ONE + self.workload.monthly_growth
            q = growth * self.time.price_factor
            requests = first if growth == ONE else first * growth ** (month - 1)
            pe_total = self.pe.known_upfront + self._sum(self.pe, 1, month, q)
            ft_total = self._finetune(month, q) if self.finetune_known else None
            ctx.prec = places
            return MonthPoint.model_construct(
                month=month,
                requests=+requests,
                prompting_usd=+pe_total,
                finetune_usd=None if ft_total is None else +ft_total,
            )

    @cached_property
    def points(self) -> tuple[MonthPoint, ...]:
        """Every point from month 0 to the horizon (what a chart or the JSON shows), built on
        first use."""
        return tuple(self.at(m) for m in range(self.workload.horizon_months + 1))

    def _sum(self, path: PathCosts, i: int, j: int, q: Decimal) -> Decimal:
        """Σ of `path`'s month costs for months i..j (0 when j < i); q as in the class."""
        count = j - i + 1
        if count <= 0:
            return ZERO
        if q == ONE:  # the volume-scaled part never moves from the first month's
            return count * path.monthly_usd
        first = self.workload.monthly_requests
        series = q ** (i - 1) * (q**count - ONE) / (q - ONE)
        return count * path.monthly_usd + path.variable_per_request_usd * (
            first * series - count * first
        )

    def _finetune(self, month: int, q: Decimal) -> Decimal:
        time, ft = self.time, self.ft
        b = time.retire_month
        if not time.retiring or b is None or month <= b:
            return ft.known_upfront + self._sum(ft, 1, month, q)
        if time.at_retirement == "abandon":  # from month b + 1 it costs what prompting costs
            return ft.known_upfront + self._sum(ft, 1, b, q) + self._sum(self.pe, b + 1, month, q)
        return ft.known_upfront + self._sum(ft, 1, month, q) + time.redo_usd


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
            f"({unit_price(f.input.usd)}/{unit_price(f.output.usd)} vs {unit_price(p.input.usd)}/"
            f"{unit_price(p.output.usd)} per 1M input/output): {tail}"
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
    time: Timeline | None = None,
) -> tuple[Decimal | None, str]:
    """Months until fine-tuning's cumulative cost falls to prompting's, and the why."""
    if time is not None and not time.plain:
        return _timed_break_even(workload, pe, ft, book, time)
    gap = ft.known_upfront - pe.known_upfront
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
            return months, _growing_note(gap, saving, g)
        remaining -= month_saving
        volume *= ONE + g
    per_first = (pe.variable_per_request_usd - ft.variable_per_request_usd) * first
    late = _late_break_even(gap, saving, per_first, g)
    if late is not None:
        return late, _growing_note(gap, saving, g)
    if saving <= 0 and g < 0:
        return None, _never_reason(pe, ft, book)
    return None, (
        f"never within {MAX_MONTHS // 12} years at {number(g * 100)}% monthly growth "
        f"(first-month saving {usd(saving)})"
    )


def _growing_note(gap: Decimal, saving: Decimal, g: Decimal) -> str:
    """Why a growing workload pays back when it does (the months are the headline's)."""
    first = (
        f"savings of {usd(saving)} in the first month"
        if saving > 0
        else f"savings that start at {usd(saving)} in the first month"
    )
    return f"{usd(gap)} more up front, recovered by {first}, growing {number(g * 100)}% a month"


def _timed_break_even(
    workload: Workload,
    pe: PathCosts,
    ft: PathCosts,
    book: PriceBook,
    time: Timeline,
) -> tuple[Decimal | None, str]:
    """Break-even with falling API prices or the base model's retirement: the first crossing,
    month by month (a redo adds its cost to what is left to recover at the retirement month)."""
    gap = ft.known_upfront - pe.known_upfront
    saving = pe.monthly_usd - ft.monthly_usd
    if gap <= 0 and saving >= 0:
        return ZERO, "at once: fine-tuning costs no more up front and no more in the first month"
    g, factor = workload.monthly_growth, time.price_factor
    b = time.retire_month if time.retiring else None
    effects = []
    if g:
        effects.append(f"volume growing {number(g * 100)}% a month")
    if factor != ONE:
        effects.append(f"API prices falling {percent(workload.api_price_decline_per_year)} a year")
    if b is not None and time.at_retirement == "redo":
        effects.append(
            f"the fine-tune redone for {usd(time.redo_usd)} at month {b} (base model retires)"
        )
    how = f"{usd(gap)} more up front, recovered" + (
        f" with {', '.join(effects)}" if effects else ""
    )
    first = workload.monthly_requests
    volume, price, remaining = first, ONE, gap
    for month in range(1, MAX_MONTHS + 1):
        if b is not None and month == b + 1:
            if time.at_retirement == "abandon":
                return None, (
                    f"never before the base model retires at month {b}, when the fine-tuned "
                    f"path is abandoned ({usd(max(remaining, ZERO))} still to recover)"
                )
            remaining += time.redo_usd
        priced = volume * price
        month_saving = _month_cost(pe, priced - first) - _month_cost(ft, priced - first)
        if month_saving > 0 and remaining <= month_saving:
            months = month - 1 + max(remaining, ZERO) / month_saving
            return months, f"{how}: {number(months)} months"
        remaining -= month_saving
        volume *= ONE + g
        price *= factor
    per_first = (pe.variable_per_request_usd - ft.variable_per_request_usd) * first
    redo = time.redo_usd if b is not None else ZERO
    late = _late_break_even(gap + redo, saving, per_first, (ONE + g) * factor - ONE)
    if late is not None:
        return late, f"{how}: {number(late)} months"
    if saving <= 0 and (ONE + g) * factor <= ONE:
        return None, _never_reason(pe, ft, book)
    return None, (
        f"never within {MAX_MONTHS // 12} years (first-month saving {usd(saving)}"
        + (f"; {', '.join(effects)}" if effects else "")
        + ")"
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
    time: Timeline | None = None,
) -> tuple[BreakEvenVolume, ...]:
    """The first-month volume at which fine-tuning's cumulative cost at month T is at most
    prompting's, for T in `WITHIN`. Falling prices scale the per-request saving month by month;
    a retirement inside T adds the redo cost, or (abandon) ends the saving at that month."""
    gap = ft.known_upfront - pe.known_upfront
    per_request = pe.variable_per_request_usd - ft.variable_per_request_usd
    fixed = pe.fixed_monthly_usd - ft.fixed_monthly_usd
    days = workload.days_per_month
    g = workload.monthly_growth
    b = None
    if time is not None and not time.plain:
        g = (ONE + g) * time.price_factor - ONE
        b = time.retire_month if time.retiring else None
    out = []
    for months in WITHIN:
        window, extra = months, ZERO
        if b is not None and time is not None and b < months:
            if time.at_retirement == "abandon":
                window = b
            else:
                extra = time.redo_usd
        needed = gap + extra - fixed * window
        scale = per_request * _growth_sum(g, window)
        volume: Decimal | None = None
        if not window:  # abandoned within the first month: nothing is ever saved
            volume = ZERO if needed <= 0 else None
            note = (
                f"pays back within {months} months at any volume"
                if needed <= 0
                else "no volume: the fine-tuned path is abandoned in its first month"
            )
        elif per_request > 0:
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
