"""Guide 003: the three valid use cases (Step 7), knowledge versus behaviour (RAG),
structured outputs first, Example 2's lesson; and the guide's tables the recommendation draws
on: the 21 steps, the common mistakes, LoRA for ≤ 13B, 100–500 examples, hold out 20%.

The steps and mistakes are the guide's wording, row for row, in `practical_003.toml`
(`003_521bd7f750ca3b05.txt`); this module keeps the logic. It runs past 300 lines because
its eight questions are the guide's words (the tree) next to how each is answered, and the
guide's thresholds next to the rules that read them: split, a reader would check one against
the other across files.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..assessment import Answer, Assessment, TaskType
from ..money import number
from ..wording import GUIDES
from .facts import Facts
from .framework import Asked, Framework, Thresholds
from .guide_text import guide_text
from .logic import all_of, any_of, negate
from .tree import Leaf, Question, walk
from .verdict import FrameworkVerdict, Step, step_answer

GUIDE = GUIDES["003"]
SOURCE = GUIDE.file
ID = "practical_003"
NAME = "Valid use cases and Step 7 (003)"

VOLUME_FLOOR_MONTHLY = Decimal(10_000)
"""'Stick with prompting below 10K' (Best Practices) — and Example 1 says fine-tuning never
pays off *at* 10K queries/month, so tunewise treats 10K itself as below the floor."""
PAYS_OFF_MONTHLY = Decimal(50_000)
"""'Fine-tuning pays off at 50K+ queries/month'."""
BREAK_EVEN_MONTHS = Decimal(12)
"""003 calls 9 months 'reasonable if you're confident in sustained usage' and 40 'far too
long'; tunewise uses guide 000's 12-month rule as the line between them."""
CRITICAL_ACCURACY_PCT = Decimal(95)
"""Step 7: 'Critical accuracy: Do you need 95%+ reliability?'."""
LORA_MAX_PARAMS_B = Decimal(13)
"""'Use Low-Rank Adaptation (LoRA) for parameter-efficient fine-tuning of small models
(≤13B parameters)'."""
START_EXAMPLES = (100, 500)
"""'Start with 100-500 high-quality examples; add more only if performance plateaus'."""
HOLD_OUT_PCT = 20
"""Step 11: 'Hold out 20% of data for validation'."""
FORMAT_TASKS: frozenset[TaskType] = frozenset({"structured_output", "custom_schema_extraction"})


@dataclass(frozen=True)
class GuideStep:
    """One of the 21 steps: number, phase, title and the guide's bullets."""

    number: int
    phase: str
    title: str
    bullets: tuple[str, ...]


_TEXT = guide_text(ID)
STEPS = {
    row["number"]: GuideStep(row["number"], row["phase"], row["title"], tuple(row["bullets"]))
    for row in _TEXT["steps"]
}
"""The 21 steps by number."""


@dataclass(frozen=True)
class Mistake:
    """A row of a 'Common Mistakes' table."""

    mistake: str
    impact: str
    solution: str


MISTAKES = {key: Mistake(**row) for key, row in _TEXT["mistakes"].items()}
"""Guide 003's 'Common Mistakes' table, by a stable key."""


# -- answers ---------------------------------------------------------------------------------


def knowledge_need(a: Assessment) -> Answer:
    """Is the problem missing or changing knowledge? (Step 4, 'Use RAG for Knowledge')."""
    u = a.use_case
    return any_of(u.knowledge_missing, u.knowledge_changes)


def below_volume_floor(f: Facts) -> Answer:
    if f.monthly_requests is None:
        return "unknown"
    return "yes" if f.monthly_requests <= VOLUME_FLOOR_MONTHLY else "no"


def _prompting_fails(a: Assessment) -> tuple[Answer, str]:
    e = a.evidence
    if e.prompting_gap_pct() is not None:
        return negate(e.prompting_reaches_target()), (
            f"prompting {number(e.prompting_quality_pct or 0)}% vs target "
            f"{number(e.target_quality_pct or 0)}%"
        )
    return negate(e.prompting_meets_target), f"prompting meets target: {e.prompting_meets_target}"


def _format_need(a: Assessment, f: Facts) -> tuple[Answer, str]:
    task = a.use_case.task
    if task in FORMAT_TASKS:
        return "yes", f"task {task}"
    explicit = a.use_case.primarily_format_or_style
    if task in ("unknown", "other"):
        return explicit, f"task {task}; primarily format/style: {explicit}"
    return "no", f"task {task}"


def _structured_tried(a: Assessment, f: Facts) -> tuple[Answer, str]:
    tried = a.evidence.techniques_tried
    if tried is None:
        return "unknown", "techniques tried unknown"
    return ("yes" if "structured_outputs" in tried else "no"), (
        f"tried: {', '.join(tried) or 'nothing yet'}"
    )


def _critical_gap(a: Assessment, f: Facts) -> tuple[Answer, str]:
    u, e = a.use_case, a.evidence
    critical: Answer = (
        "unknown" if u.criticality == "unknown" else ("yes" if u.criticality == "high" else "no")
    )
    target = e.target_quality_pct
    needs_95: Answer = (
        "unknown" if target is None else ("yes" if target >= CRITICAL_ACCURACY_PCT else "no")
    )
    fails, why = _prompting_fails(a)
    target_text = "unknown" if target is None else f"{number(target)}%"
    return all_of(critical, needs_95, fails), (
        f"criticality {u.criticality}; target {target_text}; {why}"
    )


def _style(a: Assessment, f: Facts) -> tuple[Answer, str]:
    u = a.use_case
    style: Answer = u.style_hard_to_specify
    if style == "unknown" and u.task == "style_transfer":
        style = "yes"
    fails, why = _prompting_fails(a)
    return all_of(style, fails), (
        f"task {u.task}; idiosyncratic patterns hard to specify: {u.style_hard_to_specify}; {why}"
    )


def _scale(a: Assessment, f: Facts) -> tuple[Answer, str]:
    floor = below_volume_floor(f)
    if floor == "yes":
        return "no", (
            f"{number(f.monthly_requests or 0, places=0)} queries/month: at or below the 10K "
            "floor ('stick with prompting below 10K')"
        )
    works = negate(_prompting_fails(a)[0])
    slow = a.use_case.latency_critical
    if not f.costs_known:
        expensive: Answer = "unknown"
        cost_text = "costs not computed"
    elif f.break_even_months is None:
        expensive, cost_text = "no", "fine-tuning never breaks even"
    else:
        expensive = "yes" if f.break_even_months < BREAK_EVEN_MONTHS else "no"
        cost_text = f"break-even {number(f.break_even_months)} months"
    if expensive == "yes" and a.use_case.volume_stable == "no":
        expensive, cost_text = "no", cost_text + ", but volume is not expected to hold"
    answer = all_of(negate(floor), works, any_of(slow, expensive))
    return answer, f"large model works: {works}; latency critical: {slow}; {cost_text}"


def _example_2(a: Assessment, f: Facts) -> tuple[Answer, str]:
    if f.monthly_requests is None:
        volume: Answer = "unknown"
    else:
        volume = "yes" if f.monthly_requests >= PAYS_OFF_MONTHLY else "no"
    fails, why = _prompting_fails(a)
    special = a.use_case.proprietary_domain
    vol_text = "unknown" if f.monthly_requests is None else number(f.monthly_requests, places=0)
    return all_of(volume, fails, special), (
        f"{vol_text} queries/month; {why}; specialised (proprietary patterns): {special}"
    )


STOP = Leaf(
    "prompting",
    "None of the valid use cases applies: stop here and optimize prompting further (Step 7)",
)
TREE = {
    "format": Question(
        "format",
        "Is the need format consistency (structured output, a custom schema)?",
        "structured",
        "critical",
    ),
    "structured": Question(
        "structured",
        "Test Structured Outputs First: have structured outputs / JSON mode been tried?",
        "still_short",
        Leaf(
            "prompting",
            "Try structured outputs or JSON mode before fine-tuning for format "
            "consistency: they guarantee schema conformance without fine-tuning",
        ),
    ),
    "still_short": Question(
        "still_short",
        "Does prompting with structured outputs still miss the target?",
        Leaf(
            "fine_tuning",
            "Prompting for highly structured tasks is brittle: fine-tune for "
            "reliable JSON (Common Mistakes)",
        ),
        Leaf("prompting", "Structured outputs meet the target: no fine-tuning needed"),
    ),
    "critical": Question(
        "critical",
        "Valid use case 1, critical accuracy: do you need 95%+ reliability that prompting "
        "does not reach?",
        Leaf("fine_tuning", "Critical accuracy gap: one of the three valid use cases"),
        "style",
    ),
    "style": Question(
        "style",
        "Valid use case 2, style replication: are idiosyncratic patterns impossible to "
        "specify, and does prompting miss them?",
        Leaf("fine_tuning", "Style replication: one of the three valid use cases"),
        "scale",
    ),
    "scale": Question(
        "scale",
        "Valid use case 3, scale optimization: is a working large model too slow or too "
        "expensive at production scale (10K+ queries/month)?",
        Leaf(
            "fine_tuning",
            "Scale optimization: a smaller fine-tuned model can match "
            "performance for your narrow use case",
        ),
        "example_2",
    ),
    "example_2": Question(
        "example_2",
        "Example 2's lesson: is this a high-volume (50K+ queries/month) specialized task with "
        "a measured performance gap?",
        Leaf(
            "fine_tuning",
            "High-volume specialized tasks with measurable performance gaps "
            "are ideal for fine-tuning (Example 2)",
        ),
        STOP,
    ),
}
ANSWERS = {
    "format": _format_need,
    "structured": _structured_tried,
    "still_short": lambda a, f: _prompting_fails(a),
    "critical": _critical_gap,
    "style": _style,
    "scale": _scale,
    "example_2": _example_2,
}

KNOWLEDGE = "knowledge"
"""The id of the question asked before the tree: is the problem knowledge?"""
KNOWLEDGE_QUESTION = (
    "Step 4 and 'Use RAG for Knowledge': is the problem missing or changing information, "
    "not model capability?"
)
WITH_KNOWLEDGE = {
    "fine_tuning": (
        "hybrid",
        "RAG + fine-tuning (Pattern 2): fine-tune the behaviour, retrieve the knowledge",
    ),
    "prompting": ("rag", "Use RAG for knowledge: fine-tuning is for behavior, not knowledge"),
}


def valid_use_case(verdict: FrameworkVerdict, key: str) -> Answer:
    """The answer 003's path recorded for one of its questions (`critical`, `style`, …)."""
    return step_answer(verdict, key)  # type: ignore[return-value]


def practical(a: Assessment, f: Facts) -> FrameworkVerdict:
    """Knowledge first (RAG), then structured outputs, then the valid use cases."""
    behaviour = walk(key=ID, name=NAME, source=SOURCE, table=TREE, answers=ANSWERS, a=a, facts=f)
    need = knowledge_need(a)
    u = a.use_case
    because = f"knowledge missing: {u.knowledge_missing}; changes: {u.knowledge_changes}"
    verdict, says = behaviour.verdict, behaviour.says
    if need == "yes" and verdict in WITH_KNOWLEDGE:
        verdict, says = WITH_KNOWLEDGE[verdict]  # type: ignore[assignment]
        nxt = f"{verdict}: {says}"
    elif need == "yes":
        nxt = "RAG for the knowledge, whatever the behaviour questions decide"
    elif need == "no":
        nxt = "no RAG needed; the behaviour questions decide"
    else:
        nxt = "unknown: if it is, add RAG (Step 4); the behaviour questions decide the rest"
    first = Step(
        question=KNOWLEDGE_QUESTION,
        answer=need,
        because=because,
        next=nxt,
        question_id=KNOWLEDGE,
    )
    return behaviour.model_copy(
        update={"verdict": verdict, "says": says, "path": (first, *behaviour.path)}
    )


FRAMEWORK = Framework(
    id=ID,
    name=NAME,
    guide=GUIDE,
    run=practical,
    questions={
        KNOWLEDGE: Asked("knowledge", ("use_case.knowledge_missing",), "step 4"),
        "format": Asked(
            "knowledge",
            ("use_case.primarily_format_or_style", "use_case.task"),
            "the format question",
        ),
        "structured": Asked(
            "evidence", ("evidence.techniques_tried",), "'test structured outputs first'"
        ),
        "still_short": Asked(
            "evidence",
            ("evidence.prompting_quality_pct", "evidence.target_quality_pct"),
            "the structured-outputs follow-up",
        ),
        "critical": Asked(
            "evidence",
            ("use_case.criticality", "evidence.prompting_quality_pct"),
            "valid use case 1",
        ),
        "style": Asked("knowledge", ("use_case.style_hard_to_specify",), "valid use case 2"),
        "scale": Asked("models", ("workload.requests_per_month",), "valid use case 3"),
        "example_2": Asked(
            "volume",
            ("workload.requests_per_month", "evidence.prompting_quality_pct"),
            "example 2",
        ),
    },
    tree=TREE,
    answers=ANSWERS,
    thresholds=Thresholds(
        monthly=(VOLUME_FLOOR_MONTHLY, PAYS_OFF_MONTHLY), months=(BREAK_EVEN_MONTHS,)
    ),
)
