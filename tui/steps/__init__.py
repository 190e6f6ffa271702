"""The wizard's steps in the order of the decision flowchart (results come last)."""

from __future__ import annotations

from .base import Step
from .data import DataStep
from .evidence import EvidenceStep
from .knowledge import KnowledgeStep
from .models import ModelsStep
from .team import TeamStep
from .use_case import UseCaseStep
from .volume import VolumeStep

STEPS: tuple[type[Step], ...] = (
    UseCaseStep,
    EvidenceStep,
    KnowledgeStep,
    DataStep,
    VolumeStep,
    ModelsStep,
    TeamStep,
)
"""Flowchart order: use case → evidence → knowledge → data → volume → models → team."""

__all__ = ["STEPS", "Step"]
