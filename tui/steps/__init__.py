"""The wizard's steps in the order of the decision flowchart (results come last)."""

from __future__ import annotations

from .data import DATA
from .evidence import EVIDENCE
from .knowledge import KNOWLEDGE
from .models import MODELS
from .spec import StepSpec
from .team import TEAM
from .use_case import USE_CASE
from .volume import VOLUME

STEPS: tuple[StepSpec, ...] = (USE_CASE, EVIDENCE, KNOWLEDGE, DATA, VOLUME, MODELS, TEAM)
"""Flowchart order: use case → evidence → knowledge → data → volume → models → team."""

__all__ = ["STEPS", "StepSpec"]
