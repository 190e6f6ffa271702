"""Team readiness: operational maturity (guide 002, question 3) and the providers."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

TEAM = StepSpec(
    key="team",
    title="Team readiness",
    why=(
        "Whether the team can run a fine-tuned model. The litmus test asks for 'the "
        "operational maturity to manage model lifecycle, versioning and drift'; the decision "
        "tree budgets 2–4 retraining cycles a year; the practical guide warns against 'no "
        "fallback plan' (keep prompting ready) and says to pick a provider that still offers "
        "fine-tuning."
    ),
    fields=(
        ask("team.versioning"),
        ask("team.monitoring"),
        ask("team.retraining_budget"),
        ask("team.fallback", "Prompting kept ready if the fine-tune fails or drifts."),
        ask(
            "team.providers",
            "Comma-separated: openai, azure, google, aws, together… Empty: not chosen.",
        ),
    ),
)
