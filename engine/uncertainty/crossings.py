"""Break-even of many samples at once (numpy arrays): `crossings` is `crossing.crossing` over
the whole search for the usual samples (the saving's volume-scaled part changes month on
month, the first month saves), with a Newton guess on every sample and the month confirmed at
whole months as the scalar search confirms it; the samples it does not settle go to the scalar
search (`fastpath.break_evens`).
"""

from __future__ import annotations

from .columns import Array
from .crossing import LAST_MONTH

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
