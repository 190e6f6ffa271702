"""Fine-tuning costs from their parts: training, labelling, engineering, upkeep."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

FINE_TUNING_COSTS = StepSpec(
    key="fine-tuning-costs",
    title="Fine-tuning costs",
    why=(
        "What fine-tuning costs before it saves anything, built from its parts (003 Step 8: "
        "data collection $2–5K, labelling $3–10K, training $3–20K), and what it costs to keep "
        "(001: budget 2–4 retrains a year). Training by tokens uses the labelled examples "
        "from the Data step and the base model's catalog price. An unknown part leaves the "
        "upfront cost, and break-even, unknown: never $0."
    ),
    fields=(
        FieldSpec(
            "fine_tuning.training.tokens_per_example",
            "Tokens per training example",
            "Hosted: examples (Data) × tokens × epochs.",
            kind="count",
        ),
        FieldSpec(
            "fine_tuning.training.epochs",
            "Epochs",
            "Passes over the examples.",
            kind="count",
            placeholder="3",
        ),
        FieldSpec(
            "fine_tuning.training.gpu",
            "Or train on GPU",
            "Catalog id, e.g. a100-80gb (F2).",
            kind="text",
        ),
        FieldSpec("fine_tuning.training.gpu_count", "GPUs", kind="count", placeholder="1"),
        FieldSpec("fine_tuning.training.hours", "Training hours", kind="decimal"),
        FieldSpec(
            "fine_tuning.labelled_examples",
            "Examples still to label",
            "Beyond those you have.",
            kind="count",
            placeholder="0",
        ),
        FieldSpec("fine_tuning.usd_per_label", "Price per label", "USD.", kind="money"),
        FieldSpec(
            "fine_tuning.data_collection_usd",
            "Data collection",
            "USD.",
            kind="money",
            placeholder="0",
        ),
        FieldSpec(
            "fine_tuning.engineering_hours", "Engineering hours", kind="decimal", placeholder="0"
        ),
        FieldSpec(
            "fine_tuning.usd_per_engineering_hour",
            "Engineering rate",
            "USD an hour.",
            kind="money",
        ),
        FieldSpec(
            "fine_tuning.integration_usd", "Integration", "USD.", kind="money", placeholder="0"
        ),
        FieldSpec(
            "fine_tuning.upfront_usd",
            "Or the whole upfront cost",
            "USD; overrides the parts above.",
            kind="money",
        ),
        FieldSpec(
            "fine_tuning.retrains_per_year", "Retrains a year", kind="decimal", placeholder="0"
        ),
        FieldSpec(
            "fine_tuning.usd_per_retrain",
            "Cost of one retrain",
            "USD. Unknown: the training cost.",
            kind="money",
        ),
        FieldSpec(
            "fine_tuning.maintenance_monthly_usd",
            "Maintenance a month",
            "USD: monitoring, evaluation.",
            kind="money",
            placeholder="0",
        ),
        FieldSpec(
            "fine_tuning.hosting_monthly_usd",
            "Hosting and storage a month",
            "USD, flat fees.",
            kind="money",
            placeholder="0",
        ),
    ),
)
