"""Seeded, reproducible draws from triangular and PERT distributions, jointly stratified.

The uniforms are a scrambled Sobol sequence (randomised quasi-Monte Carlo). Each ranged
answer is one dimension of the sequence: its place among the profile's ranged answers in
sorted order. Every dimension is scrambled with its own random linear matrix and digital
shift, drawn from its own stream `random.Random("seed:field")` (Matoušek's linear matrix
scramble, the scheme `scipy.stats.qmc.Sobol(scramble=True)` uses). So:

- the draws are reproducible: the same profile and seed give the same numbers;
- every field's draws cover its range evenly (each of the first 2^k points in its own
  1/2^k slice), as Latin hypercube sampling does, and, unlike Latin hypercube sampling,
  pairs of fields are stratified jointly too (a (t, m, 2)-net in every pair of dimensions),
  so outcomes that depend on several inputs at once, like whether fine-tuning ever pays
  back, settle with far fewer samples (see `tests/test_uncertainty_sampling.py`);
- a range and a wider one on the same answers are sampled with the same uniforms (common
  random numbers): the comparison between them is not noise. Adding or removing a ranged
  answer can move others to another dimension, which redraws them.

Draws go through the inverse CDF of one uniform each.

Over 300 lines, kept whole: the Sobol directions, the scramble and the two distributions
are one generator read top to bottom; the vectorised `Stream` draws the same numbers as the
list functions beside it, and side by side they stay the same.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, pairwise
from operator import xor
from typing import Any, NamedTuple

GRID = 2048
"""Points of the tabulated PERT inverse CDF (linear interpolation between them)."""
BITS = 30
"""Binary digits of each uniform (a resolution of 2^-30)."""
SCALE = 1.0 / (1 << BITS)

JOE_KUO = (
    "1 0 1|2 1 1 3|3 1 1 3 1|3 2 1 1 1|4 1 1 1 3 3|4 4 1 3 5 13|5 2 1 1 5 5 17|5 4 1 1 5 5 5|"
    "5 7 1 1 7 11 19|5 11 1 1 5 1 1|5 13 1 1 1 3 11|5 14 1 3 5 5 31|6 1 1 3 3 9 7 49|"
    "6 13 1 1 1 15 21 21|6 16 1 3 1 13 27 49|6 19 1 1 1 15 7 5|6 22 1 3 1 15 13 25|"
    "6 25 1 1 5 5 19 61|7 1 1 3 7 11 23 15 103|7 4 1 3 7 13 13 15 69|7 7 1 1 3 13 7 35 63|"
    "7 8 1 3 5 9 1 25 53|7 14 1 3 1 13 9 35 107|7 19 1 3 1 5 27 61 31|7 21 1 1 5 11 19 41 61|"
    "7 28 1 3 5 3 3 13 69|7 31 1 1 7 13 1 19 1|7 32 1 3 7 5 13 19 59|7 37 1 1 3 9 25 29 41|"
    "7 41 1 3 5 13 23 1 55|7 42 1 3 7 3 13 59 17|7 50 1 3 1 3 5 53 69|7 55 1 1 5 5 23 33 13|"
    "7 56 1 1 7 7 1 61 123|7 59 1 1 7 9 13 61 49|7 62 1 3 3 5 3 55 33|"
    "8 14 1 3 1 15 31 13 49 245|8 21 1 3 5 15 31 59 63 97|8 22 1 3 1 11 11 11 77 249|"
    "8 38 1 3 1 11 27 43 71 9|8 47 1 1 7 15 21 11 81 45|8 49 1 3 7 3 25 31 65 79|"
    "8 50 1 3 1 1 19 11 3 205|8 52 1 1 5 9 19 21 29 157|8 56 1 3 7 11 1 33 89 185|"
    "8 67 1 3 3 3 15 9 79 71|8 70 1 3 7 11 15 39 119 27|8 84 1 1 3 1 11 31 97 225|"
    "8 97 1 1 1 3 23 43 57 177|8 103 1 3 7 7 17 17 37 71|8 115 1 3 1 5 27 63 123 213|"
    "8 122 1 1 3 5 11 43 53 133|9 8 1 3 5 5 29 17 47 173 479|9 13 1 3 3 11 3 1 109 9 69|"
    "9 16 1 1 1 5 17 39 23 5 343|9 22 1 3 1 5 25 15 31 103 499|9 25 1 1 1 11 11 17 63 105 183|"
    "9 44 1 1 5 11 9 29 97 231 363|9 47 1 1 5 15 19 45 41 7 383|9 52 1 3 7 7 31 19 83 137 221|"
    "9 55 1 1 1 3 23 15 111 223 83|9 59 1 1 5 13 31 15 55 25 161|9 62 1 1 3 13 25 47 39 87 257"
)
"""Joe and Kuo's Sobol direction numbers (`new-joe-kuo-6.21201`, S. Joe and F. Y. Kuo,
"Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
Comput. 30 (2008) 2635-2654; web.maths.unsw.edu.au/~fkuo/sobol/) for dimensions 2 onwards,
one row each as `s a m_1 … m_s` (dimension 1 is van der Corput's and needs none)."""
ROWS = tuple(tuple(int(n) for n in row.split()) for row in JOE_KUO.split("|"))
DIMENSIONS = len(ROWS) + 1
"""How many ranged answers one simulation can draw."""


@lru_cache(maxsize=DIMENSIONS)
def directions(dimension: int) -> tuple[int, ...]:
    """The BITS direction numbers of a Sobol dimension (0-based), as BITS-bit integers."""
    if dimension == 0:
        return tuple(1 << (BITS - 1 - k) for k in range(BITS))
    s, a, *m = ROWS[dimension - 1]
    v = [m[k] << (BITS - 1 - k) for k in range(s)]
    for k in range(s, BITS):  # Bratley and Fox's recurrence: `a` holds the inner coefficients
        x = v[k - s] ^ (v[k - s] >> s)
        for i in range(1, s):
            if (a >> (s - 1 - i)) & 1:
                x ^= v[k - i]
        v.append(x)
    return tuple(v)


@lru_cache(maxsize=8)
def _gray_steps(count: int) -> tuple[int, ...]:
    """Which direction number changes from point i − 1 to point i (Gray-code order): the
    number of trailing zeros of i, for i = 1 .. count − 1."""
    return tuple((i & -i).bit_length() - 1 for i in range(1, count))


def _scrambled(v: tuple[int, ...], rnd: random.Random) -> list[int]:
    """Direction numbers under a random lower-triangular binary matrix with a unit diagonal
    (each digit of a point becomes itself plus a random combination of the digits above)."""
    rows = [
        (rnd.getrandbits(i) << (BITS - i) if i else 0) | (1 << (BITS - 1 - i)) for i in range(BITS)
    ]
    return [
        sum(1 << (BITS - 1 - i) for i, row in enumerate(rows) if (x & row).bit_count() & 1)
        for x in v
    ]


def sobol_points(seed: int, field: str, dimension: int, count: int) -> list[int]:
    """`count` points of one scrambled Sobol dimension as BITS-bit integers (point / 2^BITS
    is the uniform), in Gray-code order: every prefix of 2^k points is a whole net."""
    if not 0 <= dimension < DIMENSIONS:
        raise ValueError(f"the sequence has {DIMENSIONS} dimensions; {dimension} was asked for")
    if count <= 0:
        return []
    rnd = random.Random(f"{seed}:{field}")
    v = _scrambled(directions(dimension)[: max(1, (count - 1).bit_length())], rnd)
    shift = rnd.getrandbits(BITS)
    return list(accumulate(map(v.__getitem__, _gray_steps(count)), xor, initial=shift))


def uniforms(seed: int, field: str, dimension: int, count: int) -> list[float]:
    """`count` uniforms in [0, 1) for one field: its scrambled Sobol dimension."""
    return [x * SCALE for x in sobol_points(seed, field, dimension, count)]


def triangular(points: list[int], low: float, likely: float, high: float) -> list[float]:
    """The triangular distribution on [low, high] peaking at `likely`, by its inverse CDF."""
    span = high - low
    split = (likely - low) / span
    left, right = span * (likely - low), span * (high - likely)
    sqrt = math.sqrt
    return [
        low + sqrt(u * left) if u < split else high - sqrt((1.0 - u) * right)
        for u in [x * SCALE for x in points]
    ]


CELL_BITS = 14
"""The PERT inverse CDF is also indexed by a point's top CELL_BITS bits: 2^14 cells of u."""
CELLS = 1 << CELL_BITS
SHIFT = BITS - CELL_BITS


class PertTable(NamedTuple):
    """Beta(a, b)'s CDF at GRID + 1 evenly spaced points and its inverse, in GRID steps."""

    cdf: list[float]
    slope: list[float]
    """Slope of the inverse CDF between each pair of points."""
    offset: list[float | None]
    """Per cell of u: the inverse CDF is `offset + gain · point` when the whole cell lies
    between two tabulated points (the same line as the segment's), else None."""
    gain: list[float]


@lru_cache(maxsize=16)
def _pert_table(a: float, b: float) -> PertTable:
    """Beta(a, b) (a, b ≥ 1), its CDF tabulated by the midpoint rule."""
    step = 1.0 / GRID
    dens = [((i + 0.5) * step) ** (a - 1) * (1 - (i + 0.5) * step) ** (b - 1) for i in range(GRID)]
    total = sum(dens)
    cdf = [0.0, *(min(c, 1.0) for c in accumulate(d / total for d in dens))]
    cdf[-1] = 1.0
    slope = [1.0 / (hi - lo) if hi > lo else 0.0 for lo, hi in pairwise(cdf)]
    offset: list[float | None] = [None] * CELLS
    gain = [0.0] * CELLS
    for i in range(GRID):
        first, end = math.ceil(cdf[i] * CELLS), math.floor(cdf[i + 1] * CELLS)
        if end > first:  # cells first .. end − 1 lie wholly in segment i
            offset[first:end] = [i - cdf[i] * slope[i]] * (end - first)
            gain[first:end] = [slope[i] * SCALE] * (end - first)
    return PertTable(cdf, slope, offset, gain)


def pert(points: list[int], low: float, likely: float, high: float) -> list[float]:
    """The PERT distribution, Beta(1 + 4(m−a)/(b−a), 1 + 4(b−m)/(b−a)) scaled to [low, high],
    by its inverse CDF tabulated once and interpolated: a point whose cell lies within one
    tabulated segment is one multiply-add; the rest (cells holding a tabulated point, under
    one in eight) search the table."""
    span = high - low
    cdf, slope, offset, gain = _pert_table(
        1 + 4 * (likely - low) / span, 1 + 4 * (high - likely) / span
    )
    unit = span / GRID
    return [
        low + unit * (o + gain[j] * x)
        if (o := offset[(j := x >> SHIFT)]) is not None
        else low + unit * ((i := bisect_right(cdf, u := x * SCALE) - 1) + (u - cdf[i]) * slope[i])
        for x in points
    ]


def draws(
    seed: int,
    field: str,
    dimension: int,
    count: int,
    low: float,
    likely: float,
    high: float,
    shape: str,
) -> list[float]:
    """`count` draws for one ranged field, from its dimension of the sequence."""
    if high <= low:
        return [likely] * count
    points = sobol_points(seed, field, dimension, count)
    return (pert if shape == "pert" else triangular)(points, low, likely, high)


BLOCK_BITS = 16
BLOCK = 1 << BLOCK_BITS


class Stream:
    """One ranged field's draws, any slice of them at a time (the simulation's chunks), as
    numpy arrays: the same numbers as `draws`, without holding all of them at once.

    Point i of a Gray-code Sobol dimension is the digital shift XOR the direction numbers
    picked by the bits of i's Gray code, i ^ (i >> 1), so a slice needs no earlier points."""

    def __init__(
        self,
        seed: int,
        field: str,
        dimension: int,
        low: float,
        likely: float,
        high: float,
        shape: str,
    ) -> None:
        if not 0 <= dimension < DIMENSIONS:
            raise ValueError(f"the sequence has {DIMENSIONS} dimensions; {dimension} was asked for")
        self.key = (seed, field, dimension)
        self.v, self.shift = _scramble(seed, field, dimension)
        self.low, self.likely, self.high, self.shape = low, likely, high, shape

    def points(self, start: int, stop: int) -> Any:
        """Points start .. stop − 1 as BITS-bit integers (int64).

        Within a block of BLOCK points starting at a multiple of it, the Gray code of
        start + j is gray(start) ^ gray(j): a point is the block's own XOR a table of the
        first block's, one XOR a point."""
        import numpy as np

        out = np.empty(stop - start, dtype=np.int64)
        at = start
        while at < stop:
            block = at - at % BLOCK
            end = min(stop, block + BLOCK)
            table = _gray_table(*self.key, 1 << max(0, (end - block - 1).bit_length()))
            base = self.shift
            gray = block ^ (block >> 1)
            for k in range(BLOCK_BITS, BITS):
                if (gray >> k) & 1:
                    base ^= self.v[k]
            out[at - start : end - start] = table[at - block : end - block] ^ base
            at = end
        return out

    def draws(self, start: int, stop: int) -> Any:
        """Draws start .. stop − 1 (float64), as `draws` gives them."""
        import numpy as np

        low, likely, high = self.low, self.likely, self.high
        if high <= low:
            return np.full(stop - start, likely, dtype=np.float64)
        x = self.points(start, stop)
        span = high - low
        if self.shape != "pert":
            split = (likely - low) / span
            left, right = span * (likely - low), span * (high - likely)
            u = x * SCALE
            with np.errstate(invalid="ignore"):
                return np.where(
                    u < split, low + np.sqrt(u * left), high - np.sqrt((1.0 - u) * right)
                )
        cdf, slope, offset, gain = _pert_arrays(
            1 + 4 * (likely - low) / span, 1 + 4 * (high - likely) / span
        )
        unit = span / GRID
        j = x >> SHIFT
        o = offset[j]
        out = low + unit * (o + gain[j] * x)
        slow = np.flatnonzero(np.isnan(o))
        if len(slow):
            u = x[slow] * SCALE
            i = np.searchsorted(cdf, u, side="right") - 1
            out[slow] = low + unit * (i + (u - cdf[i]) * slope[i])
        return out


@lru_cache(maxsize=64)
def _scramble(seed: int, field: str, dimension: int) -> tuple[tuple[int, ...], int]:
    """A field's scrambled direction numbers (all BITS) and digital shift, as `sobol_points`
    draws them: the scramble maps each direction number on its own, so taking all of them
    gives the same first ones; the shift is drawn after the matrix."""
    rnd = random.Random(f"{seed}:{field}")
    v = _scrambled(directions(dimension), rnd)
    return tuple(v), rnd.getrandbits(BITS)


@lru_cache(maxsize=64)
def _gray_table(seed: int, field: str, dimension: int, size: int) -> Any:
    """XOR of a field's direction numbers picked by gray(j), j < `size` (a power of two ≤
    BLOCK), built by reflection: gray(2^k + j) = 2^k | gray(2^k − 1 − j). Read only."""
    import numpy as np

    v, _ = _scramble(seed, field, dimension)
    table = np.zeros(1, dtype=np.int64)
    while len(table) < size:
        table = np.concatenate([table, table[::-1] ^ v[len(table).bit_length() - 1]])
    table.flags.writeable = False
    return table


@lru_cache(maxsize=16)
def _pert_arrays(a: float, b: float) -> tuple[Any, Any, Any, Any]:
    """`_pert_table` as numpy arrays (an offset of None as NaN)."""
    import numpy as np

    t = _pert_table(a, b)
    offset = np.array([math.nan if o is None else o for o in t.offset], dtype=np.float64)
    return (
        np.array(t.cdf, dtype=np.float64),
        np.array(t.slope, dtype=np.float64),
        offset,
        np.array(t.gain, dtype=np.float64),
    )
