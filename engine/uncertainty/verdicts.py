"""The recommendation at each sample, exactly, with a handful of rule evaluations.

The decision rules read the cost engine through three numbers only: first-month requests,
requests a day and break-even months (`engine.rules.facts.Facts`), and compare each against
a few fixed thresholds, which each registered framework declares
(`engine.rules.framework.Thresholds`). Samples on the same side of every threshold get the
same verdict, so the rules run once per distinct cell (`tests/test_uncertainty_verdicts.py`
checks the cells against running the rules on every sample).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Any

from ..assessment import Assessment
from ..rules.facts import Facts
from ..rules.recommend import recommend
from ..rules.registry import frameworks


def thresholds() -> tuple[tuple[Decimal, ...], tuple[Decimal, ...], tuple[Decimal, ...]]:
    """Every registered framework's thresholds: (monthly, daily, break-even months)."""
    registered = frameworks()
    return (
        tuple(t for f in registered for t in f.thresholds.monthly),
        tuple(t for f in registered for t in f.thresholds.daily),
        tuple(t for f in registered for t in f.thresholds.months),
    )


def _cuts(cuts: tuple[Decimal, ...]) -> list[float] | list[Decimal]:
    """The thresholds sorted, as floats when each float is exactly its Decimal (comparing a
    float with them then decides exactly as with the Decimals, and is much faster)."""
    ordered = sorted(set(cuts))
    if all(Decimal(float(t)) == t for t in ordered):
        return [float(t) for t in ordered]
    return ordered


class Cells:
    """(monthly, daily, break-even or None) → the recommendation's verdict, and `count` for
    a chunk of samples at once.

    A sample's cell is, for each group of thresholds, how many lie below it and how many at
    or below it (`bisect_left`, `bisect_right`): that pair fixes `x < t` and `x <= t` for every
    threshold `t`, all the rules ask of the number.
    """

    def __init__(self, assessment: Assessment, facts: Facts) -> None:
        self.assessment, self.facts = assessment, facts
        self.memo: dict[tuple[object, ...], str] = {}
        monthly, daily, months = thresholds()
        self.cuts = (_cuts(monthly), _cuts(daily), _cuts(months))

    def __call__(self, monthly: float, daily: float, months: float | None) -> str:
        monthly_cuts, daily_cuts, month_cuts = self.cuts
        key = (
            bisect_left(monthly_cuts, monthly),
            bisect_right(monthly_cuts, monthly),
            bisect_left(daily_cuts, daily),
            bisect_right(daily_cuts, daily),
            None if months is None else bisect_left(month_cuts, months),
            None if months is None else bisect_right(month_cuts, months),
        )
        found = self.memo.get(key)
        if found is None:
            at = self.facts.model_copy(
                update={
                    "monthly_requests": Decimal(repr(monthly)),
                    "daily_requests": Decimal(repr(daily)),
                    "break_even_months": None if months is None else Decimal(repr(months)),
                }
            )
            found = self.memo[key] = recommend(self.assessment, at).verdict
        return found

    def count(self, monthly: Any, daily: Any, months: Any) -> dict[str, int]:
        """How many samples get each verdict: float64 arrays (months NaN: never). Samples are
        grouped by cell in numpy; the rules run on one sample of each new cell."""
        import numpy as np

        if not all(isinstance(c[0], float) for c in self.cuts if c):  # Decimal cuts: one by one
            return self._one_by_one(monthly, daily, months)
        code = np.zeros(len(monthly), dtype=np.int64)
        never = np.isnan(months)
        for xs, cuts in zip((monthly, daily, months), self.cuts, strict=True):
            edges = np.array(cuts, dtype=np.float64)
            for side in ("left", "right"):
                code = code * (len(cuts) + 2) + np.searchsorted(edges, xs, side=side)
        code = code * 2 + never
        _, first, sizes = np.unique(code, return_index=True, return_counts=True)
        out: dict[str, int] = {}
        for i, size in zip(first.tolist(), sizes.tolist(), strict=True):
            m = float(months[i])
            verdict = self(float(monthly[i]), float(daily[i]), None if m != m else m)
            out[verdict] = out.get(verdict, 0) + size
        return out

    def _one_by_one(self, monthly: Any, daily: Any, months: Any) -> dict[str, int]:
        out: dict[str, int] = {}
        for x, d, m in zip(monthly.tolist(), daily.tolist(), months.tolist(), strict=True):
            verdict = self(x, d, None if m != m else m)
            out[verdict] = out.get(verdict, 0) + 1
        return out


def verdict_function(assessment: Assessment, facts: Facts) -> Cells:
    """(monthly, daily, break-even or None) → the recommendation's verdict (`Cells`)."""
    return Cells(assessment, facts)
