"""Volume and tokens: the workload both paths are priced at."""

from __future__ import annotations

from ..form import FieldSpec
from .base import Step


class VolumeStep(Step):
    KEY = "volume"
    TITLE = "Volume and tokens"
    SHORT = "volume"
    WHY = (
        "Volume decides whether fine-tuning can pay back at all: below about 100 requests a "
        "day it rarely does (guide 001, volume decision table; guide 003, break-even by "
        "volume). Tokens per request decide what each request costs. Give a month or a day."
    )
    FIELDS = (
        FieldSpec(
            "workload.requests_per_month", "Requests a month", "Or a day, below.", kind="decimal"
        ),
        FieldSpec("workload.requests_per_day", "Requests a day", kind="decimal"),
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
        FieldSpec("workload.horizon_months", "Horizon, months", kind="count", placeholder="24"),
    )
