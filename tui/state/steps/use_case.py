"""Use case: what the feature does and what a mistake costs (guide 003, Step 1)."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

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
        ask("profile.name", placeholder="untitled"),
        ask(
            "profile.assessed_on",
            "Prices and retirements are judged on this day.",
            placeholder="YYYY-MM-DD",
        ),
        ask(
            "profile.notes", "Context for whoever reads the profile later.", placeholder="optional"
        ),
        ask(
            "use_case.description",
            "003 Step 1: document the specific task.",
            placeholder="optional",
        ),
        ask("use_case.task", "001's task table row."),
        ask("use_case.criticality", "High: errors are not tolerable (money, medical, legal)."),
        ask("use_case.error_cost", "The damage one mistake does, not how rare it must be."),
    ),
)
