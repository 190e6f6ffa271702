"""What a framework declares about itself, so the recommendation, the wizard's notices, the
flowchart map and strip and the simulation read it from the registry (`registry.py`) rather
than naming each guide by hand.

A framework is one module: its guide, its questions with stable ids, its tree or logic (`run`)
and which wizard step asks each question, by the step's id (the engine never imports `tui`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..assessment import Assessment
from ..wording import Guide
from .facts import Facts
from .tree import Answerer, Question
from .verdict import FrameworkVerdict

Role = Literal["chooses", "gates", "catalog"]
"""`chooses` an approach (000, 001, 003), `gates` fine-tuning (002's litmus test), or reads
the `catalog` (provider availability: no guide, no questions of its own)."""


@dataclass(frozen=True)
class Asked:
    """One question of a framework, as the wizard and the next steps need it."""

    step: str
    """The id of the wizard step that asks what the question reads (`volume`, `evidence`)."""
    fields: tuple[str, ...] = ()
    """The answers it reads (dotted paths), in the order a reader should fill them in."""
    called: str = ""
    """How a notice names it (`valid use case 1`); empty: `question N` from a `qN` id."""


@dataclass(frozen=True)
class Thresholds:
    """The numbers the framework compares the cost engine's figures against: the simulation
    runs the rules once per cell these cut (`engine.uncertainty.verdicts`)."""

    monthly: tuple[Decimal, ...] = ()
    """Requests a month."""
    daily: tuple[Decimal, ...] = ()
    """Requests a day."""
    months: tuple[Decimal, ...] = ()
    """Break-even months."""


@dataclass(frozen=True)
class Framework:
    """One framework, registered once in `registry.FRAMEWORKS`."""

    id: str
    """Stable id, also the `FrameworkVerdict.id` that `run` returns."""
    name: str
    guide: Guide | None
    """The guide it encodes (file, title, date as the guide says); None for the catalog's."""
    run: Callable[[Assessment, Facts], FrameworkVerdict]
    """Reads the answers and the facts, returns the verdict with its path."""
    questions: Mapping[str, Asked] = field(default_factory=dict)
    """Every question by its stable id (the ids a walked `Step` carries)."""
    tree: Mapping[str, Question] | None = None
    """The question table, when it has one (drawn by the flowchart map)."""
    answers: Mapping[str, Answerer] = field(default_factory=dict)
    """How each question of the tree is answered from the assessment and the facts (`run`
    walks the tree with them)."""
    drawn: Literal["spine", "path"] = "path"
    """How the map draws it: boxes down a spine (one branch ends at each question) or the
    path it took, listed (trees that branch both ways, or no tree)."""
    role: Role = "chooses"
    thresholds: Thresholds = Thresholds()

    @property
    def label(self) -> str:
        """`Litmus test (guide 002)`; the name for a framework with no guide."""
        return self.guide.label if self.guide is not None else self.name

    @property
    def code(self) -> str:
        """The guide's number (`002`), for the results' strip; empty without a guide."""
        return self.guide.number if self.guide is not None else ""

    def called(self, question_id: str) -> str:
        """How a notice names a question: `question 3`, or what the framework calls it."""
        asked = self.questions.get(question_id)
        if asked is not None and asked.called:
            return asked.called
        if question_id[:1] == "q" and question_id[1:].isdigit():
            return f"question {question_id[1:]}"
        return question_id.replace("_", " ")
