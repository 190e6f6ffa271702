"""Models and prices: what each path runs on, priced from the catalog or given directly."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

MODELS = StepSpec(
    key="models",
    title="Models and prices",
    why=(
        "What each path costs to run. The flowchart ends with 'is a custom model cheaper than "
        "API calls?' (paying back within 12 months). Each path is priced from its model's "
        "dated catalog prices, or from a bill you already know. Give a model id like "
        "openai:gpt-4o-mini, or the monthly figure. F2 shows the prices used."
    ),
    fields=(
        ask("prompting.model", "Catalog id, provider:model."),
        ask("prompting.inference_monthly_usd", "USD, if known; replaces pricing by tokens."),
        ask(
            "prompting.cached_prefix_share",
            "Instructions + examples billed cached: 0–100%.",
            placeholder="0",
        ),
        ask("prompting.fixed_monthly_usd", "USD: vector database, monitoring.", placeholder="0"),
        ask("fine_tuning.base_model"),
        ask(
            "fine_tuning.method",
            "How the model is trained. Unknown is costed as hosted fine-tuning.",
        ),
        ask("fine_tuning.serving_monthly_usd", "USD; or price it by tokens, below."),
        ask("fine_tuning.serving.kind"),
        ask("fine_tuning.serving.gpu", "For GPU replicas: catalog id, e.g. l4-24gb."),
        ask("fine_tuning.serving.replicas", "For GPU replicas, always on.", placeholder="1"),
    ),
)
