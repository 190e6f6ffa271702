"""Guide 000: the four-question flowchart, whose volume step uses the cost engine's
break-even (the guide's `calculate_roi` rule: fine-tune when break-even < 12 months).

Its tables are the guide's, row for row, in `flowchart_000.toml` (`000_259747e0270a6b2b.txt`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..assessment import Answer, Assessment
from ..money import number
from ..wording import GUIDES
from .decision_tree_001 import high_quality_examples
from .facts import Facts
from .framework import Asked, Framework, Thresholds
from .guide_text import guide_text
from .tree import Leaf, Question, walk
from .verdict import FrameworkVerdict

GUIDE = GUIDES["000"]
SOURCE = GUIDE.file
ID = "flowchart_000"
NAME = "Four-question flowchart (000)"

BREAK_EVEN_MONTHS = Decimal(12)
"""`"recommendation": "fine_tune" if months_to_breakeven < 12 else "prompt"`."""
MILLION_A_MONTH = Decimal(1_000_000)


@dataclass(frozen=True)
class PeftRow:
    """A row of the PEFT table: GPU memory, training time and quality against full."""

    technique: str
    gpu_memory: str
    training_time: str
    quality: str


_TEXT = guide_text(ID)
PEFT_TABLE = tuple(PeftRow(**row) for row in _TEXT["peft"])

USE_CASE_TABLE = tuple((row["use_case"], row["recommendation"]) for row in _TEXT["use_cases"])
"""'Recommendations by Use Case'. Kept for reference, not applied: it names domains, not the
answers the frameworks ask for, and guide 003's worked examples contradict two rows (legal
document analysis → RAG, customer support → prompting + RAG)."""


def _performs_well(a: Assessment, f: Facts) -> tuple[Answer, str]:
    e = a.evidence
    if e.prompting_gap_pct() is not None:
        return e.prompting_reaches_target(), (
            f"prompting {number(e.prompting_quality_pct or 0)}% vs target "
            f"{number(e.target_quality_pct or 0)}%"
        )
    if e.prompting_meets_target != "unknown":
        return e.prompting_meets_target, f"prompting meets the target: {e.prompting_meets_target}"
    return "unknown", "prompting quality against the target not measured"


def _latency(a: Assessment, f: Facts) -> tuple[Answer, str]:
    return a.use_case.latency_critical, f"latency critical: {a.use_case.latency_critical}"


def _million(a: Assessment, f: Facts) -> tuple[Answer, str]:
    if f.monthly_requests is None:
        return "unknown", "volume unknown"
    m = f.monthly_requests
    return ("yes" if m >= MILLION_A_MONTH else "no"), f"{number(m, places=0)} requests/month"


def _cheaper(a: Assessment, f: Facts) -> tuple[Answer, str]:
    if not f.costs_known:
        return "unknown", "costs not computed"
    months = f.break_even_months
    if months is None:
        return "no", f"break-even never: {f.break_even_note}"
    return ("yes" if months < BREAK_EVEN_MONTHS else "no"), (
        f"break-even {number(months)} months ({f.break_even_note})"
    )


TREE = {
    "q1": Question(
        "q1",
        "Does the base model already perform your task well with good prompts?",
        Leaf("prompting", "Use Prompt Engineering (skip fine-tuning)"),
        "q2",
    ),
    "q2": Question(
        "q2",
        "Do you have 1000+ high-quality training examples?",
        "q3",
        Leaf("prompting", "Improve prompts first; consider retrieval augmentation"),
    ),
    "q3": Question(
        "q3",
        "Is latency critical at scale?",
        Leaf("fine_tuning", "Consider fine-tuning a smaller model (70B → 8B with fine-tuning)"),
        "q4",
    ),
    "q4": Question(
        "q4",
        "Will you make 1M+ requests/month?",
        "q5",
        Leaf("prompting", "Use Prompt Engineering"),
    ),
    "q5": Question(
        "q5",
        "Calculate: is a custom model cheaper than API calls (break-even < 12 months)?",
        Leaf("fine_tuning", "Fine-tune: break-even under 12 months (calculate_roi)"),
        Leaf("prompting", "Prompt: break-even 12 months or more (calculate_roi)"),
    ),
}
ANSWERS = {
    "q1": _performs_well,
    "q2": lambda a, f: high_quality_examples(a, 1000),
    "q3": _latency,
    "q4": _million,
    "q5": _cheaper,
}


def flowchart(a: Assessment, f: Facts) -> FrameworkVerdict:
    """Walk the flowchart from START."""
    return walk(key=ID, name=NAME, source=SOURCE, table=TREE, answers=ANSWERS, a=a, facts=f)


FRAMEWORK = Framework(
    id=ID,
    name=NAME,
    guide=GUIDE,
    run=flowchart,
    questions={
        "q1": Asked("evidence", ("evidence.prompting_quality_pct", "evidence.target_quality_pct")),
        "q2": Asked("data", ("data.labelled_examples",)),
        "q3": Asked("volume", ("use_case.latency_critical",)),
        "q4": Asked("volume", ("workload.requests_per_month",)),
        "q5": Asked("models", ("fine_tuning.upfront_usd",)),
    },
    tree=TREE,
    answers=ANSWERS,
    drawn="spine",
    thresholds=Thresholds(monthly=(MILLION_A_MONTH,), months=(BREAK_EVEN_MONTHS,)),
)
