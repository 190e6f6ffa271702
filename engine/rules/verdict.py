"""What the decision rules answer: each framework's verdict with its path, and one
consolidated recommendation with reasons, disagreements, warnings and next steps."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..result import Output

Verdict = Literal["prompting", "rag", "fine_tuning", "hybrid", "measure_first"]
"""The stable vocabulary of the consolidated recommendation."""

Gate = Literal["ready", "not_ready", "open", "closed", "unknown"]
"""Outcomes of the frameworks that gate fine-tuning rather than choose an approach: guide
002's litmus test (`ready` / `not_ready`) and provider availability (`open` / `closed`)."""

Outcome = Verdict | Gate

Method = Literal["hosted", "lora", "qlora", "full"]
Confidence = Literal["high", "medium", "low"]

FINE_TUNE: frozenset[str] = frozenset({"fine_tuning", "hybrid"})
PROMPT: frozenset[str] = frozenset({"prompting", "rag"})


class Step(Output):
    """One question a framework asked, the answer it got, and where that led."""

    question: str
    """The guide's question, in its words where it has them."""
    answer: str
    """`yes`, `no`, `unknown`, or a value (`333 requests/day`)."""
    because: str = ""
    """What in the assessment gave that answer."""
    next: str = ""
    """What the framework does with the answer: the next question or its conclusion."""
    question_id: str = Field(default="", exclude=True)
    """The framework's stable id for the question (`q3`, `critical`); empty for the tables a
    framework reads after its questions. Not written out: readers match on it, not wording."""


class FrameworkVerdict(Output):
    """One framework's conclusion and the path it took to get there."""

    id: str
    """Stable id: `flowchart_000`, `decision_tree_001`, `litmus_002`, `practical_003`,
    `providers`."""
    name: str
    source: str
    """The guide file it encodes (`000_259747e0270a6b2b.txt`) or the catalog."""
    verdict: Outcome
    says: str
    """The guide's words for the conclusion reached."""
    path: tuple[Step, ...]
    deciding: str = ""
    """The question and answer that concluded, in words (for the recommendation's reasons)."""
    unknowns: tuple[str, ...] = ()
    """Questions left unknown whose answer would change this verdict."""
    unknown_ids: tuple[str, ...] = Field(default=(), exclude=True)
    """The stable ids of `unknowns`, in the same order (not written out)."""


def step_answer(verdict: FrameworkVerdict, question_id: str) -> str:
    """The answer the framework's path recorded for one of its questions, by id; `unknown`
    when it never asked it."""
    for step in verdict.path:
        if step.question_id == question_id:
            return step.answer
    return "unknown"


class Reason(Output):
    """One reason for the recommendation, tied to the framework and answer behind it."""

    framework: str
    source: str
    text: str
    code: str = Field(default="", exclude=True)
    """Stable code a profile keeps: the framework id for a framework's own reason,
    `task_table`, or `decision`, `decision.2`, … for the consolidation's (set by `recommend`)."""
    favours: str = Field(default="", exclude=True)
    """The outcome the reason argues for (empty for the task table's annotation)."""


class RuleWarning(Output):
    """A mistake from a guide's common-mistakes table that the answers trigger."""

    code: str
    """Stable id, e.g. `fine_tuning_for_knowledge`, `no_eval_set`, `provider_closed`."""
    message: str
    source: str
    """The guide (and table) or catalog entry the warning comes from."""


class NextStep(Output):
    """A step from guide 003's 21 steps (or a measurement), tailored to the verdict."""

    step: int | None
    """Guide 003's step number; None for measurements the other guides ask for."""
    title: str
    text: str
    field: str | None = None
    """The answer to fill in (`data.labelled_examples`), for renderers to name its wizard
    step and field (`engine.wording.field_words`)."""


class Recommendation(Output):
    """The consolidated verdict with everything that produced it."""

    rules_version: str
    verdict: Verdict
    method: Method | None = None
    """For `fine_tuning` and `hybrid`: hosted fine-tune, LoRA, QLoRA or full."""
    method_note: str = ""
    smaller_model: str | None = None
    """A smaller-model suggestion where the guides give one."""
    confidence: Confidence
    reasons: tuple[Reason, ...]
    disagreements: tuple[str, ...]
    warnings: tuple[RuleWarning, ...]
    next_steps: tuple[NextStep, ...]
    frameworks: tuple[FrameworkVerdict, ...]
