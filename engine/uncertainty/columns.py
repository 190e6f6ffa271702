"""One number per sample, as a column: the fast path's formulas run on all samples at once.

The simulation keeps its samples as columns (one list per input, not one dict per sample).
`Column` gives a list of floats the arithmetic of a float, element by element, so
`fastpath.parts` and `fastpath.totals` are written once and run either on one sample's floats
or on every sample's columns: an input that is not ranged stays a plain float and is never
copied per sample. Each operation is one list comprehension (no per-sample Python calls), and
the result of each element is bit-for-bit the float the scalar formula gives.
"""

from __future__ import annotations

import math
from typing import TypeAlias, overload


class Column:
    """A column of floats with element-wise `+ - * / **` against a float or another column."""

    __slots__ = ("xs",)

    def __init__(self, xs: list[float]) -> None:
        self.xs = xs

    def __len__(self) -> int:
        return len(self.xs)

    def __repr__(self) -> str:
        return f"Column({self.xs[:3]}{'...' if len(self.xs) > 3 else ''})"

    def __add__(self, o: Num) -> Column:
        if isinstance(o, Column):
            return Column([a + b for a, b in zip(self.xs, o.xs, strict=True)])
        return Column([a + o for a in self.xs])

    def __radd__(self, o: float) -> Column:
        return Column([o + a for a in self.xs])

    def __sub__(self, o: Num) -> Column:
        if isinstance(o, Column):
            return Column([a - b for a, b in zip(self.xs, o.xs, strict=True)])
        return Column([a - o for a in self.xs])

    def __rsub__(self, o: float) -> Column:
        return Column([o - a for a in self.xs])

    def __mul__(self, o: Num) -> Column:
        if isinstance(o, Column):
            return Column([a * b for a, b in zip(self.xs, o.xs, strict=True)])
        return Column([a * o for a in self.xs])

    def __rmul__(self, o: float) -> Column:
        return Column([o * a for a in self.xs])

    def __truediv__(self, o: Num) -> Column:
        if isinstance(o, Column):
            return Column([a / b for a, b in zip(self.xs, o.xs, strict=True)])
        return Column([a / o for a in self.xs])

    def __rtruediv__(self, o: float) -> Column:
        return Column([o / a for a in self.xs])


Num: TypeAlias = float | Column
"""One sample's float, or a column of them."""


def larger(a: Num, b: Num) -> Num:
    """`max(a, b)`, element-wise."""
    if isinstance(a, Column) or isinstance(b, Column):
        n = len(a) if isinstance(a, Column) else len(b)  # type: ignore[arg-type]
        return Column([max(x, y) for x, y in zip(values(a, n), values(b, n), strict=True)])
    return max(a, b)


def monthly_factor(decline: Num) -> Num:
    """The month-on-month price multiplier of an annual decline: (1 − decline)^(1/12)."""
    if isinstance(decline, Column):
        return Column([(1.0 - d) ** (1.0 / 12.0) if d else 1.0 for d in decline.xs])
    return (1.0 - decline) ** (1.0 / 12.0) if decline else 1.0


@overload
def geo(r: float, n: int) -> float: ...
@overload
def geo(r: Num, n: int) -> Num: ...
def geo(r: Num, n: int) -> Num:
    """Σ r^(m−1) for m = 1..n, element-wise (inf when it overflows)."""
    if not isinstance(r, Column):
        return geo_one(r, n)
    if n <= 0:
        return Column([0.0] * len(r.xs))
    try:
        return Column([(x**n - 1.0) / (x - 1.0) if x != 1.0 else float(n) for x in r.xs])
    except OverflowError:
        return Column([geo_one(x, n) for x in r.xs])


def geo_one(r: float, n: int) -> float:
    """Σ r^(m−1) for m = 1..n (inf when it overflows)."""
    if n <= 0:
        return 0.0
    if r == 1.0:
        return float(n)
    try:
        return (r**n - 1.0) / (r - 1.0)
    except OverflowError:
        return math.inf


def values(x: Num, count: int) -> list[float]:
    """`x` as a list of `count` floats."""
    return x.xs if isinstance(x, Column) else [x] * count


def head(x: Num, count: int) -> Num:
    """The first `count` samples of `x` (a float stays itself)."""
    return Column(x.xs[:count]) if isinstance(x, Column) else x
