"""Guide 001: the five-question decision tree, with its task-type, volume and data tables.

The tables are the guide's, row for row, in `decision_tree_001.toml`, so a reviewer can check
them against `001_61ef1be1cd020f29.txt`; this module keeps the logic. The tree gives the
verdict; the tables annotate the path. It runs past 300 lines because each table's row type
sits beside the rule that reads it (the checklist's tests, the task table's 'justified?'
column as conditions) and the five questions beside how each is answered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..assessment import Answer, Assessment, Data, TaskType
from ..money import number
from ..wording import CHECKLIST_FIELDS, GUIDES, field_words
from .facts import Facts
from .framework import Asked, Framework, Thresholds
from .guide_text import guide_text
from .tree import Leaf, Question, walk
from .verdict import FrameworkVerdict, Step

GUIDE = GUIDES["001"]
SOURCE = GUIDE.file
ID = "decision_tree_001"
NAME = "Five-question decision tree (001)"


@dataclass(frozen=True)
class TaskRow:
    """A row of 'Quality Comparison by Task Type'."""

    task: str
    prompting: str
    fine_tuned: str
    delta: str
    justified: str


_TEXT = guide_text(ID)
TASK_TABLE: dict[TaskType, TaskRow] = {task: TaskRow(**row) for task, row in _TEXT["tasks"].items()}
"""'Quality Comparison by Task Type', by task type."""

TaskJudge = Callable[[Assessment], Answer]


def _error_cost_high(a: Assessment) -> Answer:
    cost = a.use_case.error_cost
    return "unknown" if cost == "unknown" else ("yes" if cost == "high" else "no")


def _proprietary(a: Assessment) -> Answer:
    return a.use_case.proprietary_domain


TASK_JUSTIFIED: dict[TaskType, TaskJudge | Answer] = {
    "sentiment_classification": _error_cost_high,
    "multi_label_classification": "yes",
    "standard_ner": _proprietary,
    "custom_schema_extraction": "yes",
    "summarization": "no",
    "code_generation": _proprietary,
    "style_transfer": "yes",
    "structured_output": "yes",
    "translation": _proprietary,
    "reasoning": "no",
}
"""The 'Fine-tuning justified?' column as a rule: an answer, or the condition it names."""

FORMAT_OR_STYLE_TASKS: frozenset[TaskType] = frozenset(
    {"custom_schema_extraction", "style_transfer", "structured_output"}
)
"""'Fine-tuning excels at format adherence (custom schemas, brand voice, structured output)'."""


@dataclass(frozen=True)
class VolumeRow:
    """A row of 'The Volume Decision' (daily requests, lower bound inclusive)."""

    low: int
    high: int | None
    label: str
    recommendation: str
    why: str


VOLUME_TABLE = tuple(VolumeRow(**{"high": None, **row}) for row in _TEXT["volume"])
VOLUME_FLOOR_PER_DAY = 100
"""Below this, 'training cost never recovers'."""


@dataclass(frozen=True)
class DataRow:
    """A row of 'The Data Requirement Problem' (training set size, lower bound inclusive)."""

    low: int
    high: int | None
    label: str
    quality: str
    use_case: str


DATA_TABLE = tuple(DataRow(**{"high": None, **row}) for row in _TEXT["data"])


@dataclass(frozen=True)
class Criterion:
    """A row of the 'Data Quality Checklist', with the test it implies."""

    key: str
    criterion: str
    means: str
    matters: str
    check: Callable[[Data], tuple[Answer, str]]


def _pct_at_least(value: Decimal | None, floor: Decimal, what: str) -> tuple[Answer, str]:
    if value is None:
        return "unknown", f"{what} unknown"
    return ("yes" if value > floor else "no"), f"{what} {number(value)}%"


def _pct_at_most(value: Decimal | None, ceiling: Decimal, what: str) -> tuple[Answer, str]:
    if value is None:
        return "unknown", f"{what} unknown"
    return ("yes" if value <= ceiling else "no"), f"{what} {number(value)}%"


def _edge_cases(d: Data) -> tuple[Answer, str]:
    v = d.edge_case_share_pct
    if v is None:
        return "unknown", "edge-case share unknown"
    return ("yes" if 10 <= v <= 20 else "no"), f"edge cases {number(v)}% of examples"


def _said(value: Answer, what: str) -> tuple[Answer, str]:
    return value, f"{what}: {value}"


CHECKS: dict[str, Callable[[Data], tuple[Answer, str]]] = {
    "label_accuracy": lambda d: _pct_at_least(d.label_accuracy_pct, Decimal(95), "label accuracy"),
    "distribution_match": lambda d: _said(d.distribution_match, "distribution matches production"),
    "edge_cases": _edge_cases,
    "consistent_format": lambda d: _said(d.consistent_format, "consistent format"),
    "no_leakage": lambda d: _said(d.no_leakage, "no leakage"),
    "diverse": lambda d: _pct_at_most(d.duplicate_share_pct, Decimal(5), "duplicates"),
}
"""Each checklist row's test (the row's words are in the TOML)."""
CHECKLIST = tuple(
    Criterion(key, row["criterion"], row["means"], row["matters"], CHECKS[key])
    for key, row in _TEXT["checklist"].items()
)


def checklist_failures(d: Data) -> list[Criterion]:
    return [c for c in CHECKLIST if c.check(d)[0] == "no"]


def high_quality_examples(a: Assessment, minimum: int) -> tuple[Answer, str]:
    """'N+ high-quality labeled examples': enough of them, and every checklist row known to
    pass. A known failure makes the answer no; an unanswered row leaves it unknown."""
    n = a.data.labelled_examples
    if n is None:
        return "unknown", "number of labelled examples unknown"
    if n < minimum:
        return "no", f"{n:,} labelled examples"
    results = [(c, *c.check(a.data)) for c in CHECKLIST]
    failed = [f"{c.criterion} ({why})" for c, ans, why in results if ans == "no"]
    if failed:
        return "no", f"{n:,} examples, but the checklist fails: {'; '.join(failed)}"
    open_ = [
        f"{c.criterion} ({field_words(CHECKLIST_FIELDS[c.key])})"
        for c, ans, _ in results
        if ans == "unknown"
    ]
    if open_:
        return "unknown", f"{n:,} examples; checklist unanswered: {', '.join(open_)}"
    return "yes", f"{n:,} examples passing every checklist row"


def format_or_style(a: Assessment) -> tuple[Answer, str]:
    explicit = a.use_case.primarily_format_or_style
    if explicit != "unknown":
        return explicit, f"answered {explicit}"
    task = a.use_case.task
    if task in ("unknown", "other"):
        return "unknown", f"task type {task}"
    return ("yes" if task in FORMAT_OR_STYLE_TASKS else "no"), f"derived from task {task}"


DAILY_VOLUME = Decimal(1_000)
"""Question 1: 'Is your daily volume >1,000 requests?'."""


def _volume(a: Assessment, f: Facts) -> tuple[Answer, str]:
    if f.daily_requests is None:
        return "unknown", "volume unknown"
    d = f.daily_requests
    return ("yes" if d > DAILY_VOLUME else "no"), f"{number(d, places=0)} requests/day"


def _gap(a: Assessment, f: Facts) -> tuple[Answer, str]:
    e = a.evidence
    gap = e.prompting_gap_pct()
    if gap is not None:
        return ("yes" if gap > 5 else "no"), (
            f"prompting {number(e.prompting_quality_pct or 0)}% vs target "
            f"{number(e.target_quality_pct or 0)}%: gap {number(gap)} points"
        )
    if e.prompting_meets_target == "yes":
        return "no", "prompting meets the target (no gap)"
    return "unknown", "prompting quality or target not measured"


def _improves(a: Assessment, f: Facts) -> tuple[Answer, str]:
    e = a.evidence
    answer = e.pilot_improves()
    if e.finetuned_quality_pct is not None and e.prompting_quality_pct is not None:
        return answer, (
            f"pilot {number(e.finetuned_quality_pct)}% vs prompting "
            f"{number(e.prompting_quality_pct)}%"
        )
    if answer != "unknown":
        return answer, (
            f"pilot reaches target: {e.pilot_reaches_target()}; prompting reaches target: "
            f"{e.prompting_reaches_target()}"
        )
    return "unknown", "no fine-tuned pilot measured on the eval set"


TREE = {
    "q1": Question(
        "q1",
        "Is your daily volume >1,000 requests?",
        "q2",
        Leaf("prompting", "Use prompting — volume too low to justify training"),
    ),
    "q2": Question(
        "q2",
        "Do you have 100+ high-quality labeled examples?",
        "q3",
        Leaf("prompting", "Use prompting — collect data first, fine-tune later"),
    ),
    "q3": Question(
        "q3",
        "Is the quality gap between prompting and your target >5%?",
        "q4",
        Leaf("prompting", "Use prompting — it's already good enough"),
    ),
    "q4": Question(
        "q4",
        "Is the task primarily format/style (not reasoning)?",
        Leaf("fine_tuning", "Fine-tune — format tasks benefit most"),
        "q5",
    ),
    "q5": Question(
        "q5",
        "Does fine-tuning actually improve quality on your eval set?",
        Leaf("fine_tuning", "Fine-tune — data confirms the benefit"),
        Leaf("prompting", "Use prompting — fine-tuning doesn't help this task"),
    ),
}
ANSWERS = {
    "q1": _volume,
    "q2": lambda a, f: high_quality_examples(a, 100),
    "q3": _gap,
    "q4": lambda a, f: format_or_style(a),
    "q5": _improves,
}


def volume_row(daily: Decimal) -> VolumeRow:
    return next(r for r in VOLUME_TABLE if r.high is None or daily < r.high)


def data_row(examples: int) -> DataRow:
    return next(r for r in DATA_TABLE if r.high is None or examples < r.high)


def table_steps(a: Assessment, f: Facts) -> tuple[Step, ...]:
    """The guide's tables read for this assessment (annotations after the tree)."""
    steps = []
    if f.daily_requests is not None:
        row = volume_row(f.daily_requests)
        steps.append(
            Step(
                question="Volume decision table: which band?",
                answer=f"{row.label}/day",
                because=f"{number(f.daily_requests, places=0)} requests/day",
                next=f"{row.recommendation} — {row.why}",
            )
        )
    task = a.use_case.task
    if task in TASK_TABLE:
        t = TASK_TABLE[task]
        judge = TASK_JUSTIFIED[task]
        justified = judge if isinstance(judge, str) else judge(a)
        steps.append(
            Step(
                question="Quality by task type: is fine-tuning justified?",
                answer=justified,
                because=f"{t.task}: prompting {t.prompting}, fine-tuned {t.fine_tuned} ({t.delta})",
                next=t.justified,
            )
        )
    n = a.data.labelled_examples
    if n is not None:
        data = data_row(n)
        steps.append(
            Step(
                question="Data requirement table: what does the training set buy?",
                answer=f"{data.label} examples",
                because=f"{n:,} labelled examples",
                next=f"{data.quality} ({data.use_case})",
            )
        )
        for c in CHECKLIST:
            answer, because = c.check(a.data)
            steps.append(
                Step(
                    question=f"Checklist — {c.criterion}: {c.means}?",
                    answer=answer,
                    because=because,
                    next="" if answer == "yes" else c.matters,
                )
            )
    return tuple(steps)


def task_justified(a: Assessment) -> Answer:
    task = a.use_case.task
    if task not in TASK_JUSTIFIED:
        return "unknown"
    judge = TASK_JUSTIFIED[task]
    return judge if isinstance(judge, str) else judge(a)


def decision_tree(a: Assessment, f: Facts) -> FrameworkVerdict:
    """Answer the five questions in order; then read the volume, task and data tables."""
    verdict = walk(key=ID, name=NAME, source=SOURCE, table=TREE, answers=ANSWERS, a=a, facts=f)
    return verdict.model_copy(update={"path": verdict.path + table_steps(a, f)})


FRAMEWORK = Framework(
    id=ID,
    name=NAME,
    guide=GUIDE,
    run=decision_tree,
    questions={
        "q1": Asked("volume", ("workload.requests_per_month",)),
        "q2": Asked("data", ("data.labelled_examples",)),
        "q3": Asked("evidence", ("evidence.prompting_quality_pct", "evidence.target_quality_pct")),
        "q4": Asked("knowledge", ("use_case.primarily_format_or_style", "use_case.task")),
        "q5": Asked("evidence", ("evidence.pilot_run", "evidence.finetuned_quality_pct")),
    },
    tree=TREE,
    answers=ANSWERS,
    drawn="spine",
    thresholds=Thresholds(
        daily=(
            DAILY_VOLUME,
            Decimal(VOLUME_FLOOR_PER_DAY),
            *(Decimal(r.high) for r in VOLUME_TABLE if r.high is not None),
        )
    ),
)
