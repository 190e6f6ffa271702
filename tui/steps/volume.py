"""Volume and tokens: the workload both paths are priced at."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

VOLUME = StepSpec(
    key="volume",
    title="Volume and tokens",
    why=(
        "Volume decides whether fine-tuning can pay back at all: below 100 requests a day "
        "'training cost never recovers' (001's volume table; 001 question 1 asks for over "
        "1,000 a day), below 10K a month 'stick with prompting' (003); 000's flowchart asks "
        "about latency (question 3) and 1M+ a month (question 4). Tokens per request decide "
        "what each request costs. Give a month or a day."
    ),
    fields=(
        FieldSpec(
            "workload.requests_per_month", "Requests a month", "Or a day, below.", kind="decimal"
        ),
        FieldSpec("workload.requests_per_day", "Requests a day", kind="decimal"),
        FieldSpec(
            "use_case.latency_critical",
            "Is latency critical at scale?",
            "000 flowchart question 3: a smaller fine-tuned model.",
            kind="answer",
        ),
        FieldSpec(
            "use_case.volume_stable",
            "Will this volume hold?",
            "Long enough to recoup the upfront cost (003 Step 8).",
            kind="answer",
        ),
        FieldSpec(
            "workload.instruction_tokens",
            "Instruction tokens per request",
            "System prompt and task instructions.",
            kind="count",
            placeholder="0",
        ),
        FieldSpec(
            "workload.example_tokens",
            "Few-shot example tokens",
            "A fine-tuned model drops these.",
            kind="count",
            placeholder="0",
        ),
        FieldSpec("workload.rag_tokens", "Retrieved context tokens", kind="count", placeholder="0"),
        FieldSpec("workload.user_tokens", "User content tokens", kind="count", placeholder="0"),
        FieldSpec("workload.output_tokens", "Output tokens", kind="count", placeholder="0"),
        FieldSpec(
            "workload.monthly_growth",
            "Monthly growth",
            "0.05 or 5% for 5% a month.",
            kind="share",
            placeholder="0",
        ),
        FieldSpec(
            "workload.api_price_decline_per_year",
            "API prices fall a year by",
            "50% = half the price a year on (001: 50–80%).",
            kind="share",
            placeholder="0",
        ),
        FieldSpec("workload.horizon_months", "Horizon, months", kind="count", placeholder="24"),
    ),
)
