"""The guides' volume floor, read by the decision, the warnings and the wizard's notices."""

from __future__ import annotations

from ..assessment import Answer
from ..money import number
from .decision_tree_001 import VOLUME_FLOOR_PER_DAY
from .facts import Facts
from .practical_003 import VOLUME_FLOOR_MONTHLY


def volume_floor(f: Facts) -> tuple[Answer, str]:
    """At or below the guides' volume floor: 003's 10K queries/month or 001's 100/day."""
    if f.monthly_requests is None or f.daily_requests is None:
        return "unknown", "volume unknown"
    m, d = f.monthly_requests, f.daily_requests
    volume = f"{number(m, places=0)} queries/month ({number(d, places=0)}/day)"
    if m <= VOLUME_FLOOR_MONTHLY:
        return "yes", f"{volume}: at or below 003's floor ('stick with prompting below 10K')"
    if d < VOLUME_FLOOR_PER_DAY:
        return "yes", f"{volume}: below 001's <100/day ('training cost never recovers')"
    return "no", f"{volume}: above the floor"
