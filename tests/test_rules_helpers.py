"""Builders shared by the decision-rule tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from engine.assessment import Assessment
from engine.rules.facts import Facts

ON = date(2026, 11, 22)

CLEAN_DATA: dict[str, Any] = {
    "label_accuracy_pct": 97,
    "distribution_match": "yes",
    "edge_case_share_pct": 15,
    "consistent_format": "yes",
    "no_leakage": "yes",
    "duplicate_share_pct": 2,
}


def answers(**sections: dict[str, Any]) -> Assessment:
    return Assessment.model_validate(sections)


def facts(
    *,
    monthly: int | None = 60_000,
    days: int = 30,
    break_even: str | None = None,
    costs_known: bool = True,
    **extra: Any,
) -> Facts:
    m = None if monthly is None else Decimal(monthly)
    return Facts(
        on=ON,
        monthly_requests=m,
        daily_requests=None if m is None else m / days,
        break_even_months=None if break_even is None else Decimal(break_even),
        costs_known=costs_known,
        **extra,
    )


def path_answers(verdict: Any) -> list[str]:
    """The answers of a framework's path, in order (tree questions only)."""
    return [step.answer for step in verdict.path]
