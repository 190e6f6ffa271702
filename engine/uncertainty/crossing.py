"""Break-even of one sample in plain floats: the first month whose cumulative saving covers the
upfront gap, searched on the monotone pieces of the monthly saving s(m) = F + V·r^(m−1).

`crossing` takes the written-out path when prices fall faster than volume grows (`_falling`),
else the general search (`searched`: a Newton guess on the continuous cumulative saving,
confirmed at whole months, else bracketed and bisected); `months` is
`engine.breakeven.break_even` on top of it (closed form, retirement).
`tests/test_uncertainty_sampling.py` checks both searches against scanning every month.
"""

from __future__ import annotations

import math

from ..breakeven import LATEST, MAX_MONTHS, Timeline
from .columns import geo_one


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
