"""One number per sample, as a column: the fast path's formulas run on all samples at once.

The simulation keeps its samples as columns: one numpy array per ranged input, in chunks
(`simulate.CHUNK` samples at a time). `fastpath.parts_of` and `fastpath.totals` are written
once and run either on one sample's floats or on a chunk's arrays: an input that is not
ranged stays a plain float and is never copied per sample. Each operation is one numpy loop
(which releases the GIL: the wizard's typing is not held up by a simulation in its worker).

numpy is imported inside the functions that meet a column, so only when a simulation runs
(checking a profile's ranges, `simulate.prepare`, and the scalar fast path never load it: the
wizard checks ranges on its UI thread, and numpy's import takes 150-250 ms).
Element-wise `+ - * /` and `sqrt` give bit-for-bit the float the scalar formula gives;
numpy's `**` and `log` may differ from the C library's by one unit in the last place on
CPUs where numpy uses its own vectorised versions (`tests/test_uncertainty_fastpath.py`
allows for that and no more).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeAlias, overload

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from typing_extensions import TypeIs

Array: TypeAlias = "NDArray[np.float64]"
Num: TypeAlias = "float | NDArray[np.float64]"
"""One sample's float, or a column of them."""


def is_column(x: object) -> TypeIs[Array]:
    """Whether `x` is a column (a numpy array), without importing numpy for a float."""
    return not isinstance(x, int | float)


def Column(xs: Sequence[float] | Array) -> Array:
    """A column of floats."""
    import numpy as np

    return np.asarray(xs, dtype=np.float64)


def larger(a: Num, b: Num) -> Num:
    """`max(a, b)`, element-wise."""
    if is_column(a) or is_column(b):
        import numpy as np

        return np.maximum(a, b)
    return max(a, b)


def monthly_factor(decline: Num) -> Num:
    """The month-on-month price multiplier of an annual decline: (1 − decline)^(1/12)."""
    if is_column(decline):
        import numpy as np

        return np.where(decline != 0, (1.0 - decline) ** (1.0 / 12.0), 1.0)
    return (1.0 - decline) ** (1.0 / 12.0) if decline else 1.0


@overload
def geo(r: float, n: int) -> float: ...
@overload
def geo(r: Num, n: int) -> Num: ...
def geo(r: Num, n: int) -> Num:
    """Σ r^(m−1) for m = 1..n, element-wise (inf when it overflows)."""
    if not is_column(r):
        return geo_one(r, n)
    import numpy as np

    if n <= 0:
        return np.zeros(len(r))
    with np.errstate(all="ignore"):
        return np.where(r != 1.0, (r**n - 1.0) / (r - 1.0), float(n))


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


def values(x: Num, count: int) -> Array:
    """`x` as an array of `count` floats."""
    import numpy as np

    if is_column(x):
        return x
    return np.full(count, x, dtype=np.float64)


def head(x: Num, count: int) -> Num:
    """The first `count` samples of `x` (a float stays itself)."""
    return x[:count] if is_column(x) else x
