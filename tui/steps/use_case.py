"""Use case: what the feature does and what a mistake costs (guide 003, Step 1)."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

LEVELS = (("Unknown", ""), ("Low", "low"), ("Medium", "medium"), ("High", "high"))

TASKS = (
    ("Unknown", ""),
    ("Classification (sentiment)", "sentiment_classification"),
    ("Classification (multi-label)", "multi_label_classification"),
    ("Entity extraction (standard NER)", "standard_ner"),
    ("Entity extraction (custom schema)", "custom_schema_extraction"),
    ("Summarization", "summarization"),
    ("Code generation", "code_generation"),
    ("Style transfer (brand voice)", "style_transfer"),
    ("Structured output (JSON schema)", "structured_output"),
    ("Translation", "translation"),
    ("Reasoning / analysis", "reasoning"),
    ("Question answering", "question_answering"),
    ("Chat", "chat"),
    ("Other", "other"),
)
"""Guide 001's 'Quality Comparison by Task Type' rows, then 003's worked examples."""


USE_CASE = StepSpec(
    key="use-case",
    title="Use case",
    why=(
        "Guide 003, Step 1 'Define Your Use Case': document the task, its success criteria and "
        "whether you can tolerate errors. The task type picks the row of guide 001's quality-"
        "by-task table ('fine-tuning justified?'); the cost of an error decides 001's "
        "sentiment row and its 100–1,000 requests/day band. Unknown is an answer."
    ),
    fields=(
        FieldSpec("profile.name", "Name of this assessment", kind="text", placeholder="untitled"),
        FieldSpec(
            "profile.assessed_on",
            "Assessment date",
            "Prices and retirements are judged on this day.",
            kind="date",
            placeholder="YYYY-MM-DD",
        ),
        FieldSpec(
            "profile.notes",
            "Notes",
            "Context for whoever reads the profile later.",
            kind="notes",
            placeholder="optional",
        ),
        FieldSpec(
            "use_case.description",
            "The task, in your words",
            "003 Step 1: document the specific task.",
            kind="notes",
            placeholder="optional",
        ),
        FieldSpec(
            "use_case.task", "Task type", "001's task table row.", kind="choice", choices=TASKS
        ),
        FieldSpec(
            "use_case.criticality",
            "How critical is accuracy?",
            "High: errors are not tolerable (money, medical, legal).",
            kind="choice",
            choices=LEVELS,
        ),
        FieldSpec(
            "use_case.error_cost",
            "What one wrong answer costs",
            "The damage one mistake does, not how rare it must be.",
            kind="choice",
            choices=LEVELS,
        ),
    ),
)
