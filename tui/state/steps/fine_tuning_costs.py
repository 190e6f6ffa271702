"""Fine-tuning costs from their parts: training, labelling, engineering, upkeep."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

FINE_TUNING_COSTS = StepSpec(
    key="fine-tuning-costs",
    title="Fine-tuning costs",
    why=(
        "What fine-tuning costs before it saves anything, built from its parts. The practical "
        "guide: 'these costs occur before you process a single production query' (data "
        "collection $2–5K, labelling $3–10K, training $3–20K); the decision tree budgets 2–4 "
        "retrains a year. Training by tokens uses the labelled examples from the Data step "
        "and the base model's catalog price. A part left blank counts $0 and the panel marks "
        "the upfront cost partial; a part answered without its price (labels, engineering "
        "hours) leaves it, and break-even, unknown."
    ),
    fields=(
        ask(
            "fine_tuning.training.tokens_per_example", "Hosted: examples (Data) × tokens × epochs."
        ),
        ask("fine_tuning.training.epochs", "Passes over the examples.", placeholder="3"),
        ask("fine_tuning.training.gpu", "Catalog id, e.g. a100-80gb (F2)."),
        ask("fine_tuning.training.gpu_count", placeholder="1"),
        ask("fine_tuning.training.hours"),
        ask("fine_tuning.labelled_examples", "Beyond those you have.", placeholder="not given: 0"),
        ask("fine_tuning.usd_per_label", "USD."),
        ask("fine_tuning.data_collection_usd", "USD.", placeholder="not given: 0"),
        ask("fine_tuning.engineering_hours", placeholder="not given: 0"),
        ask("fine_tuning.usd_per_engineering_hour", "USD an hour."),
        ask("fine_tuning.integration_usd", "USD.", placeholder="not given: 0"),
        ask(
            "fine_tuning.change_management_usd",
            "USD: training the people, changing the process.",
            placeholder="not given: 0",
        ),
        ask("fine_tuning.upfront_usd", "USD; overrides the parts above."),
        ask("fine_tuning.retrains_per_year", placeholder="0"),
        ask("fine_tuning.usd_per_retrain", "USD. Unknown: the training cost."),
        ask("fine_tuning.maintenance_monthly_usd", "USD: monitoring, evaluation.", placeholder="0"),
        ask("fine_tuning.hosting_monthly_usd", "USD, flat fees.", placeholder="0"),
    ),
)
