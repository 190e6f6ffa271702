"""The recommendation at each sample, exactly, with a handful of rule evaluations.

The decision rules read the cost engine through three numbers only: first-month requests,
requests a day and break-even months (`engine.rules.facts.Facts`), and compare each against
a few fixed thresholds. Samples on the same side of every threshold get the same verdict, so
the rules run once per distinct cell (`tests/test_uncertainty_verdicts.py` checks the cells
against running the rules on every sample).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..assessment import Assessment
from ..rules.decision_tree_001 import VOLUME_FLOOR_PER_DAY, VOLUME_TABLE
from ..rules.facts import Facts
from ..rules.flowchart_000 import BREAK_EVEN_MONTHS as BREAK_EVEN_000
from ..rules.flowchart_000 import MILLION_A_MONTH
from ..rules.practical_003 import BREAK_EVEN_MONTHS as BREAK_EVEN_003
from ..rules.practical_003 import PAYS_OFF_MONTHLY, VOLUME_FLOOR_MONTHLY
from ..rules.recommend import recommend

DECISION_TREE_DAILY = Decimal(1_000)
"""001 question 1, 'Is your daily volume >1,000 requests?' (a literal in `_volume`)."""
MONTHLY = (MILLION_A_MONTH, VOLUME_FLOOR_MONTHLY, PAYS_OFF_MONTHLY)
DAILY = (
    DECISION_TREE_DAILY,
    Decimal(VOLUME_FLOOR_PER_DAY),
    *(Decimal(r.high) for r in VOLUME_TABLE if r.high is not None),
)
MONTHS = (BREAK_EVEN_000, BREAK_EVEN_003)


def _side(x: float, cuts: tuple[Decimal, ...]) -> tuple[bool, ...]:
    return tuple(v for t in cuts for v in (x < t, x <= t))


def verdict_function(assessment: Assessment, facts: Facts) -> Callable[..., str]:
    """(monthly, daily, break-even or None) → the recommendation's verdict."""
    memo: dict[tuple[object, ...], str] = {}

    def verdict_of(monthly: float, daily: float, months: float | None) -> str:
        key = (
            _side(monthly, MONTHLY),
            _side(daily, DAILY),
            None if months is None else _side(months, MONTHS),
        )
        found = memo.get(key)
        if found is None:
            at = facts.model_copy(
                update={
                    "monthly_requests": Decimal(repr(monthly)),
                    "daily_requests": Decimal(repr(daily)),
                    "break_even_months": None if months is None else Decimal(repr(months)),
                }
            )
            found = memo[key] = recommend(assessment, at).verdict
        return found

    return verdict_of
