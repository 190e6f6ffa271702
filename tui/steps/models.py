"""Models and prices: what each path runs on, priced from the catalog or given directly."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

MODELS = StepSpec(
    key="models",
    title="Models and prices",
    why=(
        "000's flowchart ends (after question 4) with 'Calculate: is a custom model cheaper "
        "than API calls?' "
        "(break-even under 12 months). Each path's cost comes from its model's prices (the "
        "catalog, dated) or a bill you already know (000's cost cards; 001's training cost by "
        "provider). Give a model id like openai:gpt-4o-mini, or the monthly figure. F2 shows "
        "the prices used."
    ),
    fields=(
        FieldSpec(
            "prompting.model", "Prompting: model", "Catalog id, provider:model.", kind="model"
        ),
        FieldSpec(
            "prompting.inference_monthly_usd",
            "Prompting: monthly bill",
            "USD, if known; replaces pricing by tokens.",
            kind="money",
        ),
        FieldSpec(
            "prompting.cached_prefix_share",
            "Prompting: cached share of prefix",
            "Instructions + examples billed cached: 0–100%.",
            kind="share",
            placeholder="0",
        ),
        FieldSpec(
            "prompting.fixed_monthly_usd",
            "Prompting: fixed costs a month",
            "USD: vector database, monitoring.",
            kind="money",
            placeholder="0",
        ),
        FieldSpec("fine_tuning.base_model", "Fine-tuning: base model", kind="model"),
        FieldSpec(
            "fine_tuning.method",
            "Fine-tuning: method",
            kind="choice",
            choices=(
                ("hosted (default)", ""),
                ("hosted API", "hosted"),
                ("LoRA", "lora"),
                ("QLoRA", "qlora"),
                ("full", "full"),
            ),
        ),
        FieldSpec(
            "fine_tuning.serving_monthly_usd",
            "Fine-tuning: serving a month",
            "USD; or price it by tokens, below.",
            kind="money",
        ),
        FieldSpec(
            "fine_tuning.serving.kind",
            "Fine-tuning: serving priced by",
            kind="choice",
            choices=(
                ("the monthly bill above", ""),
                ("tokens, fine-tuned rates", "per_token"),
                ("tokens + hourly deployment fee", "base_plus_hourly"),
                ("GPU replicas, self-hosted", "self_hosted"),
            ),
        ),
        FieldSpec(
            "fine_tuning.serving.gpu",
            "Fine-tuning: serving GPU",
            "For GPU replicas: catalog id, e.g. l4-24gb.",
            kind="text",
        ),
        FieldSpec(
            "fine_tuning.serving.replicas",
            "Fine-tuning: replicas",
            "For GPU replicas, always on.",
            kind="count",
            placeholder="1",
        ),
    ),
)
