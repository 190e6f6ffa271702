"""The wizard's steps in the order of the decision flowchart (results come last)."""

from __future__ import annotations

from .data import DATA
from .evidence import EVIDENCE
from .fine_tuning_costs import FINE_TUNING_COSTS
from .knowledge import KNOWLEDGE
from .models import MODELS
from .options import OPTIONS
from .spec import StepSpec
from .team import TEAM
from .use_case import USE_CASE
from .volume import VOLUME

STEPS: tuple[StepSpec, ...] = (
    USE_CASE,
    EVIDENCE,
    KNOWLEDGE,
    DATA,
    VOLUME,
    MODELS,
    FINE_TUNING_COSTS,
    TEAM,
    OPTIONS,
)
"""Flowchart order: use case → evidence → knowledge → data → volume → models → fine-tuning
costs → team → options."""

__all__ = ["STEPS", "StepSpec"]
