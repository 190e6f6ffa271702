"""Team readiness: operational maturity (guide 002, question 3) and the providers."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

TEAM = StepSpec(
    key="team",
    title="Team readiness",
    why=(
        "Guide 002's litmus question 3: do you possess the operational maturity to manage model "
        "lifecycle, versioning and drift? Guide 001: budget 2–4 retraining cycles a year. Guide "
        "003: keep prompting as the fallback ('No fallback plan') and pick a provider that "
        "still offers fine-tuning (Step 13)."
    ),
    fields=(
        FieldSpec("team.versioning", "Models and data versioned?", kind="answer"),
        FieldSpec("team.monitoring", "Quality and drift monitored?", kind="answer"),
        FieldSpec("team.retraining_budget", "Budget for 2–4 retrains a year?", kind="answer"),
        FieldSpec(
            "team.fallback",
            "Prompting kept as the fallback?",
            "003 'No fallback plan'.",
            kind="answer",
        ),
        FieldSpec(
            "team.providers",
            "Providers you can use",
            "Comma-separated: openai, azure, google, aws, together… Empty: not chosen.",
            kind="list",
        ),
    ),
)
