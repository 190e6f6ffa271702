"""What each kind of option asks, as data: its questions below `[options.ID]` and the templates
`add` offers (`tui/state/options.py` turns them into the wizard's rows).

Headless and light, as `options.py`: no engine module is imported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from .option_ids import BASELINE, FINE_TUNING


class Question(NamedTuple):
    """One question of an option's kind: its field below `[options.ID]` and how it is asked."""

    field: str
    label: str
    hint: str = ""
    kind: str = "decimal"
    placeholder: str = "unknown"
    choices: tuple[tuple[str, str], ...] = ()
    """A `choice`'s own (label, value) pairs; without them it picks another option."""


class Template(NamedTuple):
    """What `add` offers: a kind with the tables it fixes, its default name and questions."""

    key: str
    label: str
    kind: str
    name: str
    fixed: Mapping[str, Any]
    """Answers the template settles, not asked (a LoRA's GPU training and serving)."""


REF_HINT = "Another option, by name."

TIERS = (
    ("Standard", ""),
    ("Batch", "batch"),
    ("Flex", "flex"),
    ("Priority", "priority"),
)
"""The engine's price tiers (`engine.inputs.Tier`); the blank is the default, standard."""
CACHE_TTLS = (("5 minutes", ""), ("1 hour", "1h"))
"""The cache lifetimes (`engine.inputs.CacheTtl`); the blank is the default, 5 minutes."""

ITEMS = "items"
"""The kind of an option's own line items: name → USD, edited as a list (`options_items`)."""
OWN_ITEMS = (
    Question("upfront_items", "Own costs up front", "E.g. a prompt rewrite, once.", ITEMS, ""),
    Question("monthly_items", "Own costs a month", "E.g. a router's upkeep.", ITEMS, ""),
)
"""Every kind's last questions: the option's own costs by name (`Extras`)."""

MODEL = Question(
    "base_model", "Base model", "Catalog id, e.g. openai:gpt-4.1-mini (F2 lists prices).", "model"
)
HOSTED_TRAINING = (
    Question(
        "training.examples", "Training examples", "Unknown: the labelled examples (Data).", "count"
    ),
    Question(
        "training.tokens_per_example",
        "Tokens per example",
        "Up front: examples × tokens × epochs × price.",
        "count",
    ),
    Question("training.epochs", "Epochs", "Passes over the examples.", "count", "3"),
    Question(
        "training.usd_per_mtok",
        "Training price per 1M tokens",
        "USD; unknown: the catalog's for the base model.",
        "money",
    ),
)
"""A hosted fine-tune's training, asked as the Fine-tuning costs step asks the profile's."""

QUESTIONS: dict[str, tuple[Question, ...]] = {
    "prompting": (
        Question(
            "model", "Model", "Catalog id, e.g. openai:gpt-4.1-mini (F2 lists prices).", "model"
        ),
        Question(
            "tier", "Price tier", "Batch: asynchronous, about half price.", "choice", "", TIERS
        ),
        Question(
            "inference_monthly_usd",
            "Or its monthly bill",
            "USD a month, instead of prices.",
            "money",
        ),
        Question(
            "instruction_tokens",
            "Instruction tokens",
            "Its own prompt; unknown: the workload's.",
            "count",
        ),
        Question("output_tokens", "Output tokens", "Unknown: the workload's.", "count"),
        Question(
            "cached_prefix_share",
            "Cached share of prefix",
            "Instructions + examples billed cached: 0–100%.",
            "share",
            "0",
        ),
        Question(
            "cache_ttl",
            "Cache lifetime",
            "Which cache write it pays, where priced apart.",
            "choice",
            "",
            CACHE_TTLS,
        ),
    ),
    "rag": (
        Question("generator", "Answered by", REF_HINT, "choice"),
        Question("documents", "Documents in the index", "Or chunks.", "count"),
        Question("tokens_per_document", "Tokens per document", "", "count"),
        Question(
            "embedding_model",
            "Embedding model",
            "Catalog id, e.g. openai:text-embedding-3-small.",
            "text",
        ),
        Question(
            "changed_share_per_month",
            "Changed a month",
            "Share re-embedded, e.g. 5%; 0 if the documents never change.",
            "share",
        ),
        Question(
            "store_monthly_usd",
            "Vector store a month",
            "USD; 0 if it runs on what you already pay for.",
            "money",
        ),
        Question(
            "retrieved_tokens",
            "Retrieved tokens a request",
            "Context added to each request.",
            "count",
        ),
    ),
    "fine_tuning": (
        MODEL,
        *HOSTED_TRAINING,
        Question(
            "upfront_usd",
            "Or its up front, given",
            "USD: training, data, engineering; overrides the training above.",
            "money",
        ),
        Question(
            "maintenance_monthly_usd",
            "Upkeep a month",
            "USD: monitoring, evaluation.",
            "money",
            "0",
        ),
    ),
    "lora": (
        MODEL._replace(hint="Catalog id, e.g. meta:llama-3.1-8b."),
        Question("training.gpu", "Training GPU", "Catalog id, e.g. a100-80gb (F2).", "text"),
        Question("training.gpu_count", "Training GPUs", "", "count", "1"),
        Question("training.hours", "Training hours", "", "decimal"),
        Question("serving.gpu", "Serving GPU", "Catalog id, e.g. l4-24gb.", "text"),
        Question("serving.replicas", "Serving replicas", "", "count", "1"),
        Question("upfront_usd", "Or its up front, given", "USD; overrides the training.", "money"),
    ),
    "routing": (
        Question("first", "First option", REF_HINT, "choice"),
        Question("second", "Second option", REF_HINT, "choice"),
        Question("share_to_first", "Share to the first", "Of requests, e.g. 70%.", "share"),
        Question(
            "router_usd_per_request",
            "Router per request",
            "USD: the classifier call; 0 for a rule.",
            "money",
        ),
    ),
    "cascade": (
        Question("first", "Every request to", REF_HINT, "choice"),
        Question("second", "Escalated to", REF_HINT, "choice"),
        Question("escalation_share", "Share escalated", "Of requests, e.g. 20%.", "share"),
        Question(
            "router_usd_per_request",
            "Check per request",
            "USD: deciding to escalate; 0 for the model's own score.",
            "money",
        ),
    ),
}
"""Each kind's questions (`lora` is a fine-tune trained and served on GPUs), before the own
costs every kind asks last (`OWN_ITEMS`)."""

TEMPLATES: tuple[Template, ...] = (
    Template("model", "Another model, prompted", "prompting", "Another model", {}),
    Template("rag", "Add RAG (retrieval)", "rag", "With retrieval", {"generator": BASELINE}),
    Template(
        "hosted",
        "Hosted fine-tune",
        "fine_tuning",
        "Hosted fine-tune",
        # Its training is hosted once answered (`form._training_kind`): given up front alone
        # it has none to refuse.
        {"method": "hosted", "serving": {"kind": "per_token"}},
    ),
    Template(
        "lora",
        "LoRA on GPUs",
        "fine_tuning",
        "LoRA on GPUs",
        {"method": "lora", "training": {"kind": "gpu"}, "serving": {"kind": "self_hosted"}},
    ),
    Template(
        "routing",
        "Routing between two options",
        "routing",
        "Routing",
        {"first": FINE_TUNING, "second": BASELINE},
    ),
    Template(
        "cascade",
        "Cascade: escalate a share",
        "cascade",
        "Cascade",
        {"first": FINE_TUNING, "second": BASELINE},
    ),
)


def template(key: str) -> Template:
    return next(t for t in TEMPLATES if t.key == key)


def questions_of(option: Mapping[str, Any]) -> tuple[Question, ...]:
    """The questions an option's data asks (a fine-tune trained on GPUs: the LoRA ones; one
    trained by the hour, from a file: none of the hosted training's), then its own costs."""
    kind = str(option.get("kind", ""))
    training = option.get("training")
    trained = training.get("kind") if isinstance(training, Mapping) else None
    if kind == "fine_tuning" and trained == "gpu":
        return (*QUESTIONS["lora"], *OWN_ITEMS)
    asked = QUESTIONS.get(kind)
    if asked is None:
        return ()
    if kind == "fine_tuning" and trained not in (None, "hosted"):
        asked = tuple(q for q in asked if q not in HOSTED_TRAINING)
    return (*asked, *OWN_ITEMS)
