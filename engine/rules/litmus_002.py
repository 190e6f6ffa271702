"""Guide 002: the three-question litmus test. 'If you answered no to any question, you're
not ready for fine-tuning.' (`002_1e6951cf526eeea2.txt`)"""

from __future__ import annotations

from ..assessment import Answer, Assessment, Technique
from ..wording import GUIDES
from .facts import Facts
from .framework import Asked, Framework
from .tree import Leaf, Question, walk
from .verdict import FrameworkVerdict

GUIDE = GUIDES["002"]
SOURCE = GUIDE.file
ID = "litmus_002"
NAME = "Three-question litmus test (002)"

EXHAUSTED: tuple[Technique, ...] = ("chain_of_thought", "few_shot", "structured_outputs")
"""Question 1 names 'chain-of-thought reasoning, few-shot examples, and structured
templates' (structured templates = structured outputs)."""

NOT_READY = Leaf(
    "not_ready", "If you answered no to any question, you're not ready for fine-tuning."
)


def _exhausted(a: Assessment, f: Facts) -> tuple[Answer, str]:
    tried = a.evidence.techniques_tried
    if tried is None:
        return "unknown", "techniques tried unknown"
    missing = [t for t in EXHAUSTED if t not in tried]
    if missing:
        return "no", f"not yet tried: {', '.join(missing)}"
    return "yes", f"tried: {', '.join(tried)}"


def _quantified(a: Assessment, f: Facts) -> tuple[Answer, str]:
    e = a.evidence
    if e.pilot_run == "no":
        return "no", "no fine-tuned pilot has been run"
    if e.pilot_improves() != "unknown":
        return "yes", f"pilot measured; fine-tuning improves on prompting: {e.pilot_improves()}"
    return "unknown", "prompted and fine-tuned quality not both measured"


def _mature(a: Assessment, f: Facts) -> tuple[Answer, str]:
    t = a.team
    parts = {
        "versioning": t.versioning,
        "monitoring": t.monitoring,
        "retraining budget": t.retraining_budget,
    }
    text = ", ".join(f"{k}: {v}" for k, v in parts.items())
    if "no" in parts.values():
        return "no", text
    if "unknown" in parts.values():
        return "unknown", text
    return "yes", text


TREE = {
    "q1": Question(
        "q1",
        "Have you exhausted prompt engineering possibilities, including chain-of-thought "
        "reasoning, few-shot examples, and structured templates?",
        "q2",
        NOT_READY,
    ),
    "q2": Question(
        "q2",
        "Can you quantify the performance delta between prompted and fine-tuned approaches "
        "in real-world conditions?",
        "q3",
        NOT_READY,
    ),
    "q3": Question(
        "q3",
        "Do you possess the operational maturity to manage model lifecycle, versioning, and drift?",
        Leaf("ready", "All three answered yes: ready to consider fine-tuning."),
        NOT_READY,
    ),
}
ANSWERS = {"q1": _exhausted, "q2": _quantified, "q3": _mature}


def litmus(a: Assessment, f: Facts) -> FrameworkVerdict:
    """Ask the three questions; any no means not ready."""
    return walk(
        key=ID,
        name=NAME,
        source=SOURCE,
        table=TREE,
        answers=ANSWERS,
        a=a,
        facts=f,
        undecided="unknown",
    )


FRAMEWORK = Framework(
    id=ID,
    name=NAME,
    guide=GUIDE,
    run=litmus,
    questions={
        "q1": Asked("evidence", ("evidence.techniques_tried",)),
        "q2": Asked("evidence", ("evidence.pilot_run", "evidence.finetuned_quality_pct")),
        "q3": Asked("team", ("team.versioning", "team.monitoring", "team.retraining_budget")),
    },
    tree=TREE,
    answers=ANSWERS,
    drawn="spine",
    role="gates",
)
