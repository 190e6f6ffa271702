"""What a step of the flowchart asks, as data: the wizard shows each in a `Step` page."""

from __future__ import annotations

from typing import NamedTuple

from ..form import FieldSpec


class StepSpec(NamedTuple):
    """One step: its questions and why it asks them (data, and a named tuple: cheap to import)."""

    key: str
    """Short id, also the page's widget id (`step-volume`)."""
    title: str
    why: str
    """Why the step asks, citing the guide and question it comes from."""
    fields: tuple[FieldSpec, ...]
