"""Team readiness: operational maturity (guide 002, question 3) and the providers."""

from __future__ import annotations

from ..form import ask
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
        ask("team.versioning"),
        ask("team.monitoring"),
        ask("team.retraining_budget"),
        ask("team.fallback", "003 'No fallback plan'."),
        ask(
            "team.providers",
            "Comma-separated: openai, azure, google, aws, together… Empty: not chosen.",
        ),
    ),
)
