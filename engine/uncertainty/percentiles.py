"""Nearest-rank percentiles (P10, P50, P90) of the simulation's figures, as a `Spread`."""

from __future__ import annotations

import math

from .columns import Array
from .model import Spread

QUANTILES = (0.10, 0.50, 0.90)


def rank(q: float, n: int) -> int:
    """The 0-based place of the nearest-rank `q` percentile among `n` sorted values."""
    return max(1, math.ceil(q * n)) - 1


def spread_of(found: list[float], places: int) -> Spread:
    p10, p50, p90 = (None if math.isinf(x) else round(x, places) for x in found)
    return Spread(p10=p10, p50=p50, p90=p90)


def spread(values: list[float | None] | Array, places: int) -> Spread:
    """P10 / P50 / P90 by nearest rank (None: never, an inf or NaN among `values`)."""
    import numpy as np

    ordered = np.array([math.inf if v is None else v for v in values], dtype=np.float64)
    ordered[np.isnan(ordered)] = math.inf
    n = len(ordered)
    places_ = [rank(q, n) for q in QUANTILES]
    ordered.partition(places_)
    return spread_of([float(ordered[k]) for k in places_], places)
