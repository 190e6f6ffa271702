"""The cost model in plain floats, for the simulation's thousands of samples.

`engine.evaluate` is exact (Decimal, pydantic, line items with formulas) and takes ~165 µs; a
sample needs only a handful of numbers: each path's upfront cost, fixed monthly cost and cost
per request, then break-even (closed form without growth or falling prices; otherwise the
first month whose cumulative saving covers the gap, found by search on the monotone pieces of
the monthly saving) and the totals at the horizon (geometric sums). The formulas mirror
`engine.costs` and `engine.breakeven` line for line; `tests/test_uncertainty_fastpath.py`
proves the two agree within 1e-9 relative at generated points.

`parts_of` and `totals` run on one sample's floats or on every sample at once (`columns`:
an input that is ranged is a column, one that is not stays one float, so nothing that does
not vary is computed per sample). Break-even is found per sample (`break_evens`): in closed
form when nothing changes over time, written out with a Newton guess when prices fall faster
than volume grows (`_falling`), else by the general search (`searched`);
`tests/test_uncertainty_sampling.py` checks both searches against scanning every month.

A monthly bill given directly (`inference_monthly_usd`, `serving_monthly_usd`) is the bill at
the profile's own volume: when the volume is sampled, the bill scales with it (the cost per
request stays the profile's).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar, cast

from ..breakeven import LATEST, MAX_MONTHS, Timeline, timeline
from ..inputs import (
    CostInputs,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    HourlyTraining,
)
from ..pricebook import PriceBook
from ..ranges import PRICE_PATHS
from ..result import PathCosts
from .columns import Array, Num, geo, geo_one, is_column, larger, monthly_factor, values

M = 1_000_000.0


def _last_month() -> int:
    """The last month `engine.breakeven` looks at: its late search doubles from 2 × MAX_MONTHS
    and gives up once the doubled month reaches LATEST without paying back."""
    month = 2 * MAX_MONTHS
    while month < LATEST:
        month *= 2
    return month


LAST_MONTH = _last_month()
"""How far the search looks: as far as the Decimal engine does (1,228,800 months), so a
break-even past it is never in both."""
NEWTON_STEPS = 8


def _flatten(data: Any, prefix: str, out: dict[str, Decimal | int]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}{key}.", out)
    elif isinstance(data, bool) or data is None:
        return
    elif isinstance(data, int | Decimal):
        out[prefix[:-1]] = data


def _book_price(book: PriceBook, where: tuple[str, ...]) -> Decimal | None:
    node: Any = book
    for name in where:
        node = getattr(node, name, None)
        if node is None:
            return None
    usd = getattr(node, "usd", None)
    return usd if isinstance(usd, Decimal) else None


def point_values(inputs: CostInputs, book: PriceBook) -> dict[str, Decimal | int]:
    """Every numeric answer by dotted path (`workload.requests_per_day`), prices from the book."""
    out: dict[str, Decimal | int] = {}
    _flatten(inputs.model_dump(exclude={"assessed_on"}), "", out)
    for path, where in PRICE_PATHS.items():
        price = _book_price(book, where)
        if price is not None:
            out[path] = price
    return out


@dataclass(frozen=True)
class Structure:
    """What the inputs choose (not numbers): which formulas apply."""

    per_month_given: bool
    pe_source: str
    """`monthly`, `per_request` or `tokens`."""
    pe_cached: bool
    pe_write: bool
    """The uncached prefix is billed at a cache-write price (`engine.costs._token_items`)."""
    upfront_given: bool
    training: str
    """`given`, `hosted`, `gpu`, `hourly` or `none`."""
    grader: bool
    """Hourly training's grader tokens are priced (a grader's prices are in the book)."""
    min_charge: bool
    serving: str
    """`monthly`, `per_request`, `tokens`, `hourly` or `gpu`."""
    ft_cached: bool
    ft_write: bool
    keeps_rag: bool
    ft_instructions: bool
    ft_output: bool
    serving_hours: bool
    retrain_given: bool
    redo_given: bool
    time: Timeline
    point_first: float
    """The profile's own first-month volume (monthly bills given directly are at it)."""

    @classmethod
    def of(cls, inputs: CostInputs, book: PriceBook, ft: PathCosts) -> Structure:
        p, f, w = inputs.prompting, inputs.fine_tuning, inputs.workload
        pe_source = (
            "monthly"
            if p.inference_monthly_usd is not None
            else "per_request"
            if p.cost_per_request_usd is not None
            else "tokens"
        )
        training = (
            "given"
            if f.training_usd is not None
            else "hosted"
            if isinstance(f.training, HostedTraining)
            else "gpu"
            if isinstance(f.training, GpuTraining)
            else "hourly"
            if isinstance(f.training, HourlyTraining)
            else "none"
        )
        serving = (
            "monthly"
            if f.serving_monthly_usd is not None
            else "per_request"
            if f.serving_cost_per_request_usd is not None
            else "gpu"
            if isinstance(f.serving, GpuServing)
            else "hourly"
            if isinstance(f.serving, HourlyServing)
            else "tokens"
        )
        hours = getattr(f.serving, "hours_per_month", None)
        return cls(
            per_month_given=w.requests_per_month is not None,
            pe_source=pe_source,
            # by the price, not the point: a ranged share may be 0 at the point only
            pe_cached=book.prompting is not None and book.prompting.cached_input is not None,
            pe_write=book.prompting is not None and book.prompting.cache_write is not None,
            upfront_given=f.upfront_usd is not None,
            training=training,
            min_charge=book.training is not None and book.training.min_charge is not None,
            grader=book.grader is not None,
            serving=serving,
            ft_cached=book.fine_tuned is not None and book.fine_tuned.cached_input is not None,
            ft_write=book.fine_tuned is not None and book.fine_tuned.cache_write is not None,
            keeps_rag=f.keeps_rag,
            ft_instructions=f.instruction_tokens is not None,
            ft_output=f.output_tokens is not None,
            serving_hours=hours is not None,
            retrain_given=f.usd_per_retrain is not None,
            redo_given=f.redo_usd is not None,
            time=timeline(inputs, book, ft),
            point_first=float(w.monthly_requests),
        )


T = TypeVar("T", float, Num)


@dataclass(frozen=True)
class Parts(Generic[T]):
    """The costs of one sample (floats) or of every sample (`Num`: columns where ranged): what
    each path costs up front, fixed a month and per request."""

    first: T
    growth: T
    factor: T
    pe_up: T
    pe_fixed: T
    pe_var: T
    ft_up: T
    ft_fixed: T
    ft_var: T
    redo: T


def _write_price(share: Num, write: Num, input_price: Num) -> Num:
    """The price of the uncached prefix when the provider prices cache writes: the write
    price, but the input price at a share of 0 (no caching, nothing written), as in
    `engine.costs._token_items`."""
    if is_column(share) or is_column(write) or is_column(input_price):
        import numpy as np

        return np.where(np.asarray(share) > 0, write, input_price)
    return write if share > 0 else input_price


def _tokens(
    prefix: Num,
    rest: Num,
    out: Num,
    share: Num | None,
    write: bool,
    v: Mapping[str, Num],
    p: str,
) -> Num:
    if share is None:
        cost = (prefix + rest) * v[f"{p}.input_usd_per_mtok"] / M
    elif write:
        cached = prefix * share
        price = _write_price(
            share, v[f"{p}.cache_write_usd_per_mtok"], v[f"{p}.input_usd_per_mtok"]
        )
        cost = rest * v[f"{p}.input_usd_per_mtok"] / M
        cost += (prefix - cached) * price / M
        cost += cached * v[f"{p}.cached_input_usd_per_mtok"] / M
    else:
        cached = prefix * share
        cost = (prefix - cached + rest) * v[f"{p}.input_usd_per_mtok"] / M
        cost += cached * v[f"{p}.cached_input_usd_per_mtok"] / M
    return cost + out * v[f"{p}.output_usd_per_mtok"] / M


def parts(v: Mapping[str, float], s: Structure) -> Parts[float]:
    """One sample's costs from its values (`point_values` with the sampled ones replaced)."""
    return cast(Parts[float], parts_of(v, s))  # floats in, floats out (no array anywhere)


def parts_of(v: Mapping[str, Num], s: Structure) -> Parts[Num]:
    """The costs from values that are floats or columns (every sample at once)."""
    days = v["workload.days_per_month"]
    first = (
        v["workload.requests_per_month"]
        if s.per_month_given
        else v["workload.requests_per_day"] * days
    )
    instr, examples = v["workload.instruction_tokens"], v["workload.example_tokens"]
    rag, user, output = (
        v["workload.rag_tokens"],
        v["workload.user_tokens"],
        v["workload.output_tokens"],
    )
    pe_var: Num
    if s.pe_source == "monthly":
        pe_var = v["prompting.inference_monthly_usd"] / s.point_first
    elif s.pe_source == "per_request":
        pe_var = v["prompting.cost_per_request_usd"]
    else:
        share = v["prompting.cached_prefix_share"] if s.pe_cached else None
        pe_var = _tokens(
            instr + examples, rag + user, output, share, s.pe_write, v, "prompting.prices"
        )
    training: Num = 0.0
    if s.upfront_given:
        ft_up = v["fine_tuning.upfront_usd"]
    else:
        if s.training == "given":
            training = v["fine_tuning.training_usd"]
        elif s.training == "hosted":
            count = (
                v["fine_tuning.training.examples"]
                * v["fine_tuning.training.tokens_per_example"]
                * v["fine_tuning.training.epochs"]
            )
            training = count * v["fine_tuning.training.usd_per_mtok"] / M
            if s.min_charge:
                training = larger(training, v["fine_tuning.training.min_charge_usd"])
        elif s.training == "gpu":
            training = (
                v["fine_tuning.training.gpu_count"]
                * v["fine_tuning.training.hours"]
                * v["fine_tuning.training.usd_per_gpu_hour"]
            )
        elif s.training == "hourly":
            training = v["fine_tuning.training.hours"] * v["fine_tuning.training.usd_per_hour"]
            if s.grader:
                g = "fine_tuning.training.grader"
                training += (
                    v[f"{g}_input_tokens"] * v[f"{g}_prices.input_usd_per_mtok"]
                    + v[f"{g}_output_tokens"] * v[f"{g}_prices.output_usd_per_mtok"]
                ) / M
        ft_up = (
            training
            + v["fine_tuning.data_collection_usd"]
            # An absent rate is simulated only with no hours or labels (an unknown is never run).
            + v["fine_tuning.labelled_examples"] * v.get("fine_tuning.usd_per_label", 0.0)
            + v["fine_tuning.engineering_hours"]
            * v.get("fine_tuning.usd_per_engineering_hour", 0.0)
            + v["fine_tuning.integration_usd"]
            + v["fine_tuning.change_management_usd"]
        )
    ft_fixed: Num = 0.0
    ft_var: Num
    hours = days * 24
    if s.serving == "monthly":
        ft_var = v["fine_tuning.serving_monthly_usd"] / s.point_first
    elif s.serving == "per_request":
        ft_var = v["fine_tuning.serving_cost_per_request_usd"]
    elif s.serving == "gpu":
        ft_var = 0.0
        if s.serving_hours:
            hours = v["fine_tuning.serving.hours_per_month"]
        ft_fixed = (
            v["fine_tuning.serving.replicas"]
            * v["fine_tuning.serving.gpus_per_replica"]
            * hours
            * v["fine_tuning.serving.usd_per_gpu_hour"]
        )
    else:
        ft_instr = v["fine_tuning.instruction_tokens"] if s.ft_instructions else instr
        ft_out = v["fine_tuning.output_tokens"] if s.ft_output else output
        share = v["fine_tuning.cached_prefix_share"] if s.ft_cached else None
        ft_rag = rag if s.keeps_rag else 0.0
        ft_var = _tokens(
            ft_instr, ft_rag + user, ft_out, share, s.ft_write, v, "fine_tuning.serving.prices"
        )
        if s.serving == "hourly":
            if s.serving_hours:
                hours = v["fine_tuning.serving.hours_per_month"]
            ft_fixed = (
                v["fine_tuning.serving.deployments"] * hours * v["fine_tuning.serving.usd_per_hour"]
            )
    retrain = v["fine_tuning.usd_per_retrain"] if s.retrain_given else training
    ft_fixed += (
        v["fine_tuning.maintenance_monthly_usd"]
        + v["fine_tuning.retrains_per_year"] * retrain / 12.0
        + v["fine_tuning.hosting_monthly_usd"]
    )
    return Parts(  # not Parts[Num](…): the generic alias's call costs 4 µs a sample of the tornado
        first=first,
        growth=v["workload.monthly_growth"],
        factor=monthly_factor(v["workload.api_price_decline_per_year"]),
        pe_up=v["prompting.prompt_engineering_usd"],
        pe_fixed=v["prompting.fixed_monthly_usd"],
        pe_var=pe_var,
        ft_up=ft_up,
        ft_fixed=ft_fixed,
        ft_var=ft_var,
        redo=v["fine_tuning.redo_usd"] if s.redo_given else ft_up,
    )


def _s(F: float, V: float, r: float, m: int) -> float:
    """Monthly saving in month m: s(m) = F + V·r^(m−1)."""
    if V == 0.0 or r == 1.0:
        return F + V
    try:
        return F + V * r ** (m - 1)
    except OverflowError:
        return math.copysign(math.inf, V)


def _c(F: float, V: float, r: float, n: int) -> float:
    """Cumulative saving after n months: C(n) = n·F + V·Σr^(m−1)."""
    g = geo_one(r, n)
    if g == math.inf:
        return math.copysign(math.inf, V) if V else n * F
    return n * F + V * g


def _positive(F: float, V: float, r: float, lo: int, hi: int) -> tuple[int, int] | None:
    """The months in [lo, hi] where s > 0 (s is monotone, so one interval). The edge is
    solved from r^(m−1) = −F/V, accepted when the months either side of it confirm it, else
    bracketed and bisected on whole months."""
    first, last = _s(F, V, r, lo) > 0, _s(F, V, r, hi) > 0
    if first and last:
        return lo, hi
    if not first and not last:
        return None
    ratio = -F / V  # s changes sign inside, so V ≠ 0 and r ≠ 1
    # ratio ≤ 0 only when r^(m−1) underflows to 0 (F = 0): bisect from the middle instead
    guess = 1 + math.log(ratio) / math.log(r) if ratio > 0 else (lo + hi) / 2
    # a denormal V makes the ratio infinite: clamp before int(), which refuses ±inf
    edge = hi if guess >= hi else lo if guess <= lo else int(guess)
    at_edge = _s(F, V, r, edge) > 0
    if first:  # decreasing: the last positive month, in [lo, hi)
        if at_edge and (edge == hi or _s(F, V, r, edge + 1) <= 0):
            return lo, edge
        ok, bad = lo, hi
        if at_edge:
            ok = edge
            bad = min(edge + 2, hi) if _s(F, V, r, min(edge + 2, hi)) <= 0 else hi
        else:
            bad = edge
            ok = max(edge - 2, lo) if _s(F, V, r, max(edge - 2, lo)) > 0 else lo
        while bad - ok > 1:
            mid = (ok + bad) // 2
            ok, bad = (mid, bad) if _s(F, V, r, mid) > 0 else (ok, mid)
        return lo, ok
    # increasing: the first positive month, in (lo, hi]
    if not at_edge and edge < hi and _s(F, V, r, edge + 1) > 0:
        return edge + 1, hi
    bad, ok = lo, hi
    if at_edge:
        ok = edge
        bad = max(edge - 2, lo) if _s(F, V, r, max(edge - 2, lo)) <= 0 else lo
    else:
        bad = edge
        ok = min(edge + 2, hi) if _s(F, V, r, min(edge + 2, hi)) > 0 else hi
    while ok - bad > 1:
        mid = (ok + bad) // 2
        bad, ok = (bad, mid) if _s(F, V, r, mid) > 0 else (mid, ok)
    return ok, hi


def _newton(F: float, V: float, r: float, target: float, x: float, a: int, c: int) -> float:
    """Refine a guess at where the continuous C(x) = x·F + V·(r^x − 1)/(r − 1) reaches
    `target` (C is monotone on [a, c], and equals the cumulative saving at whole months)."""
    if V == 0.0 or r == 1.0:
        return x
    slope = V * math.log(r) / (r - 1.0)
    for _ in range(NEWTON_STEPS):
        try:
            rx = r**x
        except OverflowError:
            rx = math.inf
        d = F + slope * rx
        missed = x * F + V * (rx - 1.0) / (r - 1.0) - target
        if not (math.isfinite(missed) and math.isfinite(d)):
            # C(x) is past the float range, so x is past the root (C increases on [a, c]):
            # halve towards a rather than take an inf/inf (NaN) step
            x = (a + x) / 2.0
            continue
        if not d > 0:
            break
        step = missed / d
        x = min(max(x - step, float(a)), float(c))
        if abs(step) < 1e-6:
            break
    return x


MISS = -1.0
"""What `_falling` returns when its shortcuts do not settle the month (never a break-even)."""


def _falling(F: float, V: float, r: float, target: float, lo: int, hi: int) -> float | None:
    """`crossing` when 0 < r < 1 and V ≠ 0 (prices falling faster than volume grows: the
    usual case), with s and C written out: r^n cannot overflow, so there is nothing to guard.

    The edge of the positive saving is solved and accepted when the months either side
    confirm it. The month is found by Newton's method from the linear estimate; C is concave
    where the saving falls (V > 0), so the steps approach the root from below, and two steps
    usually settle the whole month, which C(m − 1) < target ≤ C(m) then confirms. Returns
    MISS when a shortcut is not confirmed (the general search then decides): whatever this
    returns is the month the general search finds, with the same final expression."""
    q = r - 1.0
    lnr = math.log(r)
    s_lo = F + V if lo == 1 else F + V * r ** (lo - 1)
    up = s_lo > 0
    if up == (F + V * r ** (hi - 1) > 0):
        if not up:
            return None
        a, c = lo, hi
        rc = r**c
    else:
        ratio = -F / V
        if not ratio > 0:
            return MISS
        edge = int(1 + math.log(ratio) / lnr)
        edge = lo if edge < lo else hi if edge > hi else edge
        at_edge = F + V * r ** (edge - 1) > 0
        rc = r**edge
        if up:  # decreasing: positive up to the edge
            if not at_edge or (edge < hi and F + V * rc > 0):
                return MISS
            a, c = lo, edge
        else:  # increasing: positive from the month after the edge
            if at_edge or edge >= hi or not F + V * rc > 0:
                return MISS
            a, c = edge + 1, hi
            s_lo = F + V * rc
            rc = r**c
    if c * F + V * ((rc - 1.0) / q) < target:
        return None
    ca = a * F + V * ((r**a - 1.0) / q)
    if ca >= target:
        m = a
    else:
        if V > 0 and target * q / V > -1.0:
            # where V·(1 − r^x)/(1 − r) alone reaches the target: near the root when the
            # fixed part F is small beside the falling saving, whichever side it lies
            x = math.log(1.0 + target * q / V) / lnr
        else:
            x = a + (target - ca) / s_lo
        x = a if x < a else c if x > c else x
        slope = V * lnr / q
        for _ in range(NEWTON_STEPS):
            rx = r**x
            d = F + slope * rx
            if not d > 0:
                break
            step = (x * F + V * (rx - 1.0) / q - target) / d
            x -= step
            x = a if x < a else c if x > c else x
            if -0.25 < step < 0.25:
                break
        m = math.ceil(x)
        m = a + 1 if m <= a else c if m > c else m
        if not m * F + V * ((r**m - 1.0) / q) >= target:
            m += 1
            if m > c or not m * F + V * ((r**m - 1.0) / q) >= target:
                return MISS
    n = m - 1
    rn = r**n
    before = n * F + V * ((rn - 1.0) / q) if n > 0 else n * F + V * 0.0
    if m > a and before >= target:
        return MISS
    return n + max(target - before, 0.0) / (F + V * rn)


def crossing(F: float, V: float, r: float, target: float, lo: int, hi: int) -> float | None:
    """Break-even in [lo − 1, hi]: the first month m with s(m) > 0 and C(m) ≥ target,
    interpolated within it; None when there is none. Falling prices take the written-out
    path (`_falling`); the rest, and whatever it does not settle, the general search."""
    if 0.0 < r < 1.0 and V != 0.0:
        found = _falling(F, V, r, target, lo, hi)
        if found != MISS:
            return found
    return searched(F, V, r, target, lo, hi)


def searched(F: float, V: float, r: float, target: float, lo: int, hi: int) -> float | None:
    """`crossing` by the general search, for any r.

    Month m is guessed by Newton's method on the continuous C and accepted when C(m − 1) <
    target ≤ C(m) (both needed anyway for the interpolation); otherwise it is bracketed by
    galloping from the guess and bisected, on whole months.
    """
    span = _positive(F, V, r, lo, hi)
    if span is None:
        return None
    a, c = span
    if _c(F, V, r, c) < target:
        return None
    if _c(F, V, r, a) >= target:
        m = a
    else:
        # C is increasing where s > 0: start from the linear estimate past month a
        estimate = a + (target - _c(F, V, r, a)) / _s(F, V, r, a)
        x = _newton(F, V, r, target, min(estimate, float(c)), a, c)
        guess = min(max(math.ceil(x), a + 1), c)
        if _c(F, V, r, guess) >= target and _c(F, V, r, guess - 1) < target:
            m = guess
        else:
            m = _bracket(F, V, r, target, guess, a, c)
    return m - 1 + max(target - _c(F, V, r, m - 1), 0.0) / _s(F, V, r, m)


def _bracket(F: float, V: float, r: float, target: float, guess: int, a: int, c: int) -> int:
    """The first month in (a, c] with C ≥ target: gallop from `guess`, then bisect."""
    bad, ok, step = a, c, 1
    if _c(F, V, r, guess) >= target:
        ok = guess
        while ok - step > bad:
            probe = ok - step
            if _c(F, V, r, probe) < target:
                bad = probe
                break
            ok, step = probe, step * 2
    else:
        bad = guess
        while bad + step < ok:
            probe = bad + step
            if _c(F, V, r, probe) >= target:
                ok = probe
                break
            bad, step = probe, step * 2
    while ok - bad > 1:
        mid = (ok + bad) // 2
        bad, ok = (bad, mid) if _c(F, V, r, mid) >= target else (mid, ok)
    return ok


def months(
    gap: float, saving: float, V: float, r: float, redo: float, simple: bool, time: Timeline
) -> float | None:
    """Months until fine-tuning pays back (None: never), as `engine.breakeven.break_even`:
    `gap` the upfront difference, `saving` the first month's, `V` its volume-scaled part,
    `r` the month-on-month factor of that part; `simple`: no growth, no falling prices and no
    retirement, so the guides' closed form gap ÷ saving holds."""
    if simple:
        if saving <= 0:
            return None
        return 0.0 if gap <= 0 else gap / saving
    if gap <= 0 and saving >= 0:
        return 0.0
    F = saving - V
    b = time.retire_month
    if not time.retiring or b is None:
        return crossing(F, V, r, gap, 1, LAST_MONTH)
    before = crossing(F, V, r, gap, 1, b) if b >= 1 else None
    if before is not None or time.at_retirement == "abandon":
        return before
    return crossing(F, V, r, gap + redo, b + 1, LAST_MONTH)


TIE = 1e-12
"""Relative size below which the difference of two float costs is rounding, not a saving:
where the Decimal engine sees equal bills (an exact 0, "never"), a float residue of 1e-18
must not become a break-even some hundreds of months out."""


def _difference(a: Num, b: Num) -> Num:
    """`a − b`, element-wise, 0 where it is within `TIE` of the larger of the two."""
    if not is_column(a) and not is_column(b):
        d = a - b
        return 0.0 if abs(d) <= TIE * max(abs(a), abs(b)) else d
    import numpy as np

    diff = a - b
    return np.where(np.abs(diff) <= TIE * np.maximum(np.abs(a), np.abs(b)), 0.0, diff)


def _savings(p: Parts[Num]) -> tuple[Num, Num]:
    """The first month's saving and its volume-scaled part, rounding residues taken as 0."""
    pe_v, ft_v = p.pe_var * p.first, p.ft_var * p.first
    return _difference(p.pe_fixed + pe_v, p.ft_fixed + ft_v), _difference(pe_v, ft_v)


def break_even(p: Parts[float], s: Structure) -> float | None:
    """Months until fine-tuning pays back (None: never), as `engine.breakeven.break_even`."""
    saving, V = cast(tuple[float, float], _savings(cast(Parts[Num], p)))
    simple = p.factor == 1.0 and not p.growth and not s.time.retiring
    r = (1.0 + p.growth) * p.factor
    return months(p.ft_up - p.pe_up, saving, V, r, p.redo, simple, s.time)


SETTLE_STEPS = 3
"""Whole-month corrections after Newton's guess in `crossings` (for the few it misses)."""
NEWTON_ARRAY_STEPS = 30
NEWTON_ARRAY_TOLERANCE = 1e-3
"""Months: Newton's guess stops when no sample moves more (a guess only: C at whole months
decides)."""


def _cum(F: Array, V: Array, r: Array, q: Array, n: Array) -> tuple[Array, Array]:
    """C(n) = n·F + V·(r^n − 1)/(r − 1), the cumulative saving, with the scalar's C(0); and
    r^n."""
    import numpy as np

    rn = r**n
    return np.where(n > 0, n * F + V * ((rn - 1.0) / q), n * F + V * 0.0), rn


def crossings(F: Array, V: Array, r: Array, target: Array) -> tuple[Array, Array]:
    """`crossing(F, V, r, target, 1, LAST_MONTH)` of many samples at once, for samples with
    r > 0, r ≠ 1, V ≠ 0, target > 0 and a positive first month's saving (F + V > 0).

    Returns (break-even, settled): NaN for never; where `settled` is False the scalar
    search decides. Settled means what the scalar search confirms before it answers: the last
    positive month c has s(c) > 0 and s(c + 1) ≤ 0 (or is LAST_MONTH), and either C(c) <
    target (never) or the month m has C(m − 1) < target ≤ C(m), m ≤ c; the answer is then the
    scalar's final expression on the same m (`tests/test_uncertainty_fastpath.py`)."""
    import numpy as np

    with np.errstate(all="ignore"):
        return _crossings(F, V, r, target)


def _crossings(F: Array, V: Array, r: Array, target: Array) -> tuple[Array, Array]:
    import numpy as np

    q = r - 1.0
    lnr = np.log(r)
    s1 = F + V
    falling = (V > 0) == (r < 1.0)
    ratio = -F / V
    edge = np.floor(1.0 + np.log(np.where(ratio > 0, ratio, 1.0)) / lnr)
    c = np.where(falling & (ratio > 0), np.clip(edge, 1.0, float(LAST_MONTH)), float(LAST_MONTH))
    s_c = F + V * r ** (c - 1.0)
    settled = (s1 > 0) & (s_c > 0) & ((c == LAST_MONTH) | (F + V * r**c <= 0))
    never = _cum(F, V, r, q, c)[0] < target
    # Newton's method on the continuous C from the linear guess (r^x as exp(x ln r): a guess)
    x = np.clip(target / np.where(s1 > 0, s1, 1.0), 1.0, c)
    slope = V * lnr / q
    live = np.flatnonzero(settled & ~never)
    for _ in range(NEWTON_ARRAY_STEPS):
        xs, Fs, Vs, qs, ls = x[live], F[live], V[live], q[live], lnr[live]
        rx = np.exp(xs * ls)
        d = Fs + slope[live] * rx
        step = (xs * Fs + Vs * (rx - 1.0) / qs - target[live]) / d
        x[live] = np.where(d > 0, np.clip(xs - step, 1.0, c[live]), xs)
        live = live[np.abs(step) > NEWTON_ARRAY_TOLERANCE]
        if not len(live):
            break
    m = np.clip(np.ceil(np.nan_to_num(x, nan=1.0)), 1.0, c)
    at, _ = _cum(F, V, r, q, m)
    before, rb = _cum(F, V, r, q, m - 1.0)
    missed = np.flatnonzero(settled & ~never & ~((at >= target) & (before < target)))
    for _ in range(SETTLE_STEPS):  # the few whose guess is a month out
        if not len(missed):
            break
        Fm, Vm, rm, qm, tm, mm = (
            F[missed],
            V[missed],
            r[missed],
            q[missed],
            target[missed],
            m[missed],
        )
        mm = np.where(_cum(Fm, Vm, rm, qm, mm)[0] < tm, np.minimum(mm + 1.0, c[missed]), mm)
        mm = np.where((mm > 1) & (_cum(Fm, Vm, rm, qm, mm - 1.0)[0] >= tm), mm - 1.0, mm)
        m[missed] = mm
        at[missed] = _cum(Fm, Vm, rm, qm, mm)[0]
        before[missed], rb[missed] = _cum(Fm, Vm, rm, qm, mm - 1.0)
        missed = missed[~((at[missed] >= tm) & (before[missed] < tm))]
    settled &= never | ((at >= target) & (before < target))
    found = (m - 1.0) + np.maximum(target - before, 0.0) / (F + V * rb)
    return np.where(never, np.nan, found), settled


def break_evens(p: Parts[Num], s: Structure, count: int) -> Array:
    """`break_even` of every sample (NaN: never): vectorised where the answer is settled in
    arrays (`crossings`), the scalar search for the rest (a retirement, rare edges)."""
    import numpy as np

    saving, V = _savings(p)
    r = (1.0 + p.growth) * p.factor
    time = s.time
    with np.errstate(all="ignore"):
        gaps = values(p.ft_up - p.pe_up, count)
        savings = values(saving, count)
        closed = np.where(savings <= 0, np.nan, np.where(gaps <= 0, 0.0, gaps / savings))
        if not time.retiring and not is_column(r) and r == 1.0 and not p.growth:
            return closed
        vs, rs = values(V, count), values(r, count)
        if time.retiring:
            simple = np.zeros(count, dtype=bool)
        else:
            simple = (values(p.factor, count) == 1.0) & (values(p.growth, count) == 0.0)
        out = np.where(simple, closed, np.nan)
        zero = ~simple & (gaps <= 0) & (savings >= 0)
        out[zero] = 0.0
        todo = ~simple & ~zero
        if not time.retiring:
            fast = np.flatnonzero(
                todo & (gaps > 0) & (vs != 0) & (rs > 0) & (rs != 1.0) & (savings > 0)
            )
            if len(fast):
                v = vs[fast]
                found, settled = crossings(savings[fast] - v, v, rs[fast], gaps[fast])
                out[fast[settled]] = found[settled]
                todo[fast[settled]] = False
    rest = np.flatnonzero(todo)
    if len(rest):
        redo = values(p.redo, count)
        for i, g, x, v, q, d in zip(
            rest.tolist(),
            gaps[rest].tolist(),
            savings[rest].tolist(),
            vs[rest].tolist(),
            rs[rest].tolist(),
            redo[rest].tolist(),
            strict=True,
        ):
            found_one = months(g, x, v, q, d, False, time)
            out[i] = math.nan if found_one is None else found_one
    return out


def totals(p: Parts[T], s: Structure, horizon: int) -> tuple[T, T]:
    """Cumulative cost of prompting and of fine-tuning at the end of month `horizon` (of one
    sample, or of every sample as columns)."""
    r = (1.0 + p.growth) * p.factor
    g = geo(r, horizon)
    pe = p.pe_up + horizon * p.pe_fixed + p.pe_var * p.first * g
    ft = p.ft_up + horizon * p.ft_fixed + p.ft_var * p.first * g
    time = s.time
    b = time.retire_month
    if time.retiring and b is not None and b < horizon:  # month b + 1 books the retirement
        if time.at_retirement == "redo":
            ft += p.redo
        else:
            gb = geo(r, b)
            ft_b = p.ft_up + b * p.ft_fixed + p.ft_var * p.first * gb
            pe_b = p.pe_up + b * p.pe_fixed + p.pe_var * p.first * gb
            ft = ft_b + (pe - pe_b)
    return pe, ft
