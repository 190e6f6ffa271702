"""Volume and tokens: the workload both paths are priced at."""

from __future__ import annotations

from ..form import ask
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
        ask("workload.requests_per_month", "Or a day, below."),
        ask("workload.requests_per_day"),
        ask("use_case.latency_critical", "000 flowchart question 3: a smaller fine-tuned model."),
        ask("use_case.volume_stable", "Long enough to recoup the upfront cost (003 Step 8)."),
        ask("workload.instruction_tokens", "System prompt and task instructions.", placeholder="0"),
        ask("workload.example_tokens", "A fine-tuned model drops these.", placeholder="0"),
        ask("workload.rag_tokens", placeholder="0"),
        ask("workload.user_tokens", placeholder="0"),
        ask("workload.output_tokens", placeholder="0"),
        ask("workload.monthly_growth", "0.05 or 5% for 5% a month.", placeholder="0"),
        ask(
            "workload.api_price_decline_per_year",
            "50% = half the price a year on (001: 50–80%).",
            placeholder="0",
        ),
        ask("workload.horizon_months", placeholder="24"),
    ),
)
