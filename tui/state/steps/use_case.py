"""Use case: what the feature does and what a mistake costs (guide 003, Step 1)."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

USE_CASE = StepSpec(
    key="use-case",
    title="Use case",
    why=(
        "What the feature does and what a mistake costs. The practical guide (003) starts "
        "here: 'define your use case' — the task, how you will judge success, and whether "
        "errors can be tolerated. The task type decides whether the decision tree (001) "
        "thinks fine-tuning is justified at all; the cost of a mistake moves its volume "
        "threshold. Unknown is an answer."
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
            "The practical guide begins here: document the specific task.",
            placeholder="optional",
        ),
        ask("use_case.task", "Decides whether fine-tuning is worth it for this kind of task."),
        ask("use_case.criticality", "High: errors are not tolerable (money, medical, legal)."),
        ask("use_case.error_cost", "The damage one mistake does, not how rare it must be."),
    ),
)
