"""How sure an assessment is: Monte Carlo over ranged answers and a tornado of what matters.

Imported only when a profile has ranges (never from `engine/__init__` or the plain `assess`
path). Pure Python: a plain-float fast path (`fastpath`, its break-even month searched one
sample at a time in `crossing` and many at once in `crossings`) proven equal to the Decimal
engine at points, seeded per-field sampling (`sampling`), the simulation (`simulate`) and the
sensitivity ranking with the thresholds that flip the answer (`sensitivity`).
"""

from __future__ import annotations

from .model import Spread, Threshold, TornadoBar, Uncertainty
from .simulate import DEFAULT_SAMPLES, DEFAULT_SEED, simulate, uncertainty

__all__ = [
    "DEFAULT_SAMPLES",
    "DEFAULT_SEED",
    "Spread",
    "Threshold",
    "TornadoBar",
    "Uncertainty",
    "simulate",
    "uncertainty",
]
