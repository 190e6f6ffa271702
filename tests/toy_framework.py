"""A toy fifth framework, whole in this one module, for the tests that show a framework is
one module plus one registration line (`tests/test_framework_registry.py`,
`tests/tui/test_framework_registry_screens.py`). It reads two answers the wizard already
asks and gates fine-tuning; it is never registered outside those tests."""

from __future__ import annotations

from decimal import Decimal

from engine.assessment import Answer, Assessment
from engine.rules import Asked, Facts, Framework, FrameworkVerdict, Thresholds
from engine.rules.tree import Leaf, Question, walk
from engine.wording import Guide

ID = "toy_004"
NAME = "Toy two-question check (004)"
GUIDE = Guide("004", "Toy check", "A toy guide that exists only in tests", "2026", "004_toy.txt")
LOUD_MONTHLY = Decimal(777_777)
"""A threshold no real framework has, so the simulation's cells show it was read."""

NOT_READY = Leaf("not_ready", "The toy guide says: not yet")
TREE = {
    "latency": Question(
        "latency",
        "Toy question: is latency critical at scale?",
        "examples",
        NOT_READY,
    ),
    "examples": Question(
        "examples",
        "Toy question: are there 1,000 or more labelled examples?",
        Leaf("ready", "The toy guide says: go ahead"),
        NOT_READY,
    ),
}


def _latency(a: Assessment, f: Facts) -> tuple[Answer, str]:
    return a.use_case.latency_critical, f"toy read latency: {a.use_case.latency_critical}"


def _examples(a: Assessment, f: Facts) -> tuple[Answer, str]:
    n = a.data.labelled_examples
    if n is None:
        return "unknown", "toy read: examples unknown"
    return ("yes" if n >= 1_000 else "no"), f"toy read {n:,} examples"


ANSWERS = {"latency": _latency, "examples": _examples}


def run(a: Assessment, f: Facts) -> FrameworkVerdict:
    return walk(
        key=ID,
        name=NAME,
        source=GUIDE.file,
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
    run=run,
    questions={
        "latency": Asked("volume", ("use_case.latency_critical",), "the toy's latency question"),
        "examples": Asked("data", ("data.labelled_examples",)),
    },
    tree=TREE,
    answers=ANSWERS,
    drawn="spine",
    role="gates",
    thresholds=Thresholds(monthly=(LOUD_MONTHLY,)),
)
