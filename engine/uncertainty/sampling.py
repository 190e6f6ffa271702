"""Seeded, reproducible draws from triangular and PERT distributions.

Every ranged field has its own stream (`random.Random("seed:field")`, stratified: Latin
hypercube sampling), so adding a range to one field leaves the other fields' draws
unchanged. Draws go through the inverse CDF of one uniform each, so a range and a wider one
are sampled with the same uniforms (common random numbers): the comparison between them is
not noise.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Callable

GRID = 2048
"""Points of the tabulated PERT inverse CDF (linear interpolation between them)."""


def uniforms(seed: int, field: str, count: int) -> list[float]:
    """`count` uniforms in [0, 1) from the field's own stream, Latin hypercube style: one in
    each of `count` equal strata, in shuffled order (so each field's draws cover its range
    evenly and percentiles settle with far fewer samples than plain random draws)."""
    rnd = random.Random(f"{seed}:{field}")
    draw = rnd.random
    keys = [draw() for _ in range(count)]
    order = sorted(range(count), key=keys.__getitem__)  # a seeded random permutation
    return [(i + draw()) / count for i in order]


def triangular_quantile(low: float, likely: float, high: float) -> Callable[[float], float]:
    """The inverse CDF of the triangular distribution on [low, high] peaking at `likely`."""
    if high <= low:
        return lambda u: low
    span = high - low
    split = (likely - low) / span
    left = span * (likely - low)
    right = span * (high - likely)
    sqrt = math.sqrt

    def quantile(u: float) -> float:
        if u < split:
            return low + sqrt(u * left)
        return high - sqrt((1.0 - u) * right)

    return quantile


def _beta_cdf_table(a: float, b: float) -> list[float]:
    """CDF of Beta(a, b) (a, b ≥ 1) at GRID + 1 evenly spaced points, by the midpoint rule."""
    step = 1.0 / GRID
    dens = [((i + 0.5) * step) ** (a - 1) * (1 - (i + 0.5) * step) ** (b - 1) for i in range(GRID)]
    total = sum(dens)
    cdf, acc = [0.0], 0.0
    for d in dens:
        acc += d / total
        cdf.append(acc)
    cdf[-1] = 1.0
    return cdf


def pert_quantile(low: float, likely: float, high: float) -> Callable[[float], float]:
    """The inverse CDF of the PERT distribution: Beta(1 + 4(m−a)/(b−a), 1 + 4(b−m)/(b−a))
    scaled to [low, high], tabulated once and interpolated."""
    if high <= low:
        return lambda u: low
    span = high - low
    cdf = _beta_cdf_table(1 + 4 * (likely - low) / span, 1 + 4 * (high - likely) / span)
    step = 1.0 / GRID

    def quantile(u: float) -> float:
        i = bisect_right(cdf, u) - 1
        if i >= GRID:
            return high
        lo, hi = cdf[i], cdf[i + 1]
        frac = (u - lo) / (hi - lo) if hi > lo else 0.0
        return low + span * (i + frac) * step

    return quantile


def draws(
    seed: int, field: str, count: int, low: float, likely: float, high: float, shape: str
) -> list[float]:
    """`count` draws for one ranged field."""
    if high <= low:
        return [likely] * count
    make = pert_quantile if shape == "pert" else triangular_quantile
    quantile = make(low, likely, high)
    return [quantile(u) for u in uniforms(seed, field, count)]
