"""Volume and tokens: the workload both paths are priced at."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

VOLUME = StepSpec(
    key="volume",
    title="Volume and tokens",
    why=(
        "How much the feature is used, which decides whether fine-tuning can pay back at all. "
        "The decision tree: below 100 requests a day 'training cost never recovers'; the "
        "practical guide: below 10K a month, 'stick with prompting'; the flowchart asks about "
        "latency at scale and 1M+ requests a month. Tokens per request decide what each "
        "request costs. Give a month or a day."
    ),
    fields=(
        ask("workload.requests_per_month", "Or a day, below."),
        ask("workload.requests_per_day"),
        ask("use_case.latency_critical", "Yes favours a smaller fine-tuned model (the flowchart)."),
        ask("use_case.volume_stable", "Long enough to recoup the upfront cost."),
        ask("workload.instruction_tokens", "System prompt and task instructions.", placeholder="0"),
        ask("workload.example_tokens", "A fine-tuned model drops these.", placeholder="0"),
        ask("workload.rag_tokens", placeholder="0"),
        ask("workload.user_tokens", placeholder="0"),
        ask("workload.output_tokens", placeholder="0"),
        ask("workload.monthly_growth", "0.05 or 5% for 5% a month.", placeholder="0"),
        ask(
            "workload.api_price_decline_per_year",
            "50% = half the price a year on (the decision tree: 50–80%).",
            placeholder="0",
        ),
        ask("workload.horizon_months", placeholder="24"),
    ),
)
