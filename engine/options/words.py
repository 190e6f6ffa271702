"""An option's own answers in words, as the wizard asks them (`Route 60% to Flash-Lite: share
to the first`): how ranges, scenarios and How sure name `options.route.share_to_first`.

The wizard's questions live in `tui`, which the engine must not import: the words for each
kind's own answers are kept here, and the answers an option shares with a path read as that
path's question (`engine.fields`).
"""

from __future__ import annotations

from .answers import ITEMS

OWN_WORDS: dict[str, str] = {
    "kind": "kind",
    "name": "name",
    "model": "model",
    "tier": "price tier",
    "cached_prefix_share": "cached share of prefix",
    "cache_ttl": "cache lifetime",
    "inference_monthly_usd": "monthly bill",
    "base_model": "base model",
    "generator": "answered by",
    "documents": "documents in the index",
    "tokens_per_document": "tokens per document",
    "embedding_model": "embedding model",
    "embedding_usd_per_mtok": "embedding price per 1M tokens",
    "changed_share_per_month": "changed a month",
    "store_monthly_usd": "vector store a month",
    "query_tokens": "tokens embedded per query",
    "retrieved_tokens": "retrieved tokens a request",
    "first": "first option",
    "second": "second option",
    "share_to_first": "share to the first",
    "escalation_share": "share escalated",
    "router_usd_per_request": "router per request",
    "instruction_tokens": "instruction tokens",
    "example_tokens": "few-shot example tokens",
    "output_tokens": "output tokens",
    "upfront_usd": "up front",
    "maintenance_monthly_usd": "upkeep a month",
    "training.examples": "training examples",
    "training.tokens_per_example": "tokens per example",
    "training.epochs": "epochs",
    "training.usd_per_mtok": "training price per 1M tokens",
    "training.gpu": "training GPU",
    "training.gpu_count": "training GPUs",
    "training.hours": "training hours",
    "serving.gpu": "serving GPU",
    "serving.replicas": "serving replicas",
}
"""The wizard's words for each kind's own questions (`tui.state.option_questions`; a test
holds them equal), for diff, ranges, scenarios and How sure."""
CASCADE_WORDS = {
    "first": "every request to",
    "second": "escalated to",
    "router_usd_per_request": "check per request",
}
"""Where a cascade asks an answer in its own words."""
ITEM_WORDS = {"upfront_items": "up front", "monthly_items": "a month"}
PREFIXES = ("Prompting: ", "Fine-tuning: ", "Fine-tuned: ")


def field_words(kind: str, rest: str) -> str:
    """`share to the first` for a routing option's `share_to_first`; a line item by its own
    label (`Prompt upkeep, a month`); else the profile's question for the same answer."""
    from ..fields import FIELDS

    if kind == "cascade" and rest in CASCADE_WORDS:
        return CASCADE_WORDS[rest]
    if rest in OWN_WORDS:
        return OWN_WORDS[rest]
    head, _, label = rest.partition(".")
    if head in ITEMS and label:
        return f"{label}, {ITEM_WORDS[head]}"
    section = "fine_tuning" if kind == "fine_tuning" else "prompting"
    for path in (f"{section}.{rest}", f"workload.{rest}"):
        found = FIELDS.get(path)
        if found is not None:
            label = found.label
            for prefix in PREFIXES:
                label = label.removeprefix(prefix)
            return label[:1].lower() + label[1:]
    return rest.replace("_", " ").replace(".", ", ")


def answer_words(name: str, kind: str, rest: str) -> str:
    """`Route 60% to Flash-Lite: share to the first`: the option's name, then the question."""
    return f"{name}: {field_words(kind, rest)}"
