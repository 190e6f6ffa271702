"""A price book's entries as `diff` names them, in words: `Prompting, input` for
`prices.prompting.input.usd`, a named option's under its name."""

from __future__ import annotations

from collections.abc import Mapping

QUOTE_LEAVES = ("usd", "unit", "source", "as_of", "confidence", "note")
BOOK_WORDS = {
    "prompting": "Prompting",
    "fine_tuned": "Fine-tuned",
    "prompting_model": "Prompting model",
    "base_model": "Base model",
    "provider": "Fine-tuning provider",
    "training": "Training",
    "grader": "Grader",
    "training_gpu": "Training GPU",
    "serving_gpu": "Serving GPU",
    "hosting": "Hosting",
    "embedding": "Embedding",
    "embedding_model": "Embedding model",
    "memory_gb_per_billion": "GPU memory per billion parameters",
}
"""A price book's entries in words, where `ROLES` has no name for the whole path."""


def price_label(path: str, names: Mapping[str, str]) -> str:
    """`Prompting, input` for `prices.prompting.input.usd`; an option's prices under its
    name (`Flash-Lite, prompted: Prompting, input`); other fields by name (`Base model,
    retires on`)."""
    from .reports.words import ROLES

    parts = path.split(".")
    head = ""
    if parts[0] == "option_prices" and len(parts) > 2:
        head, parts = f"{names.get(parts[1], parts[1])}: ", parts[2:]
    else:
        parts = parts[1:]
    leaf = parts[-1] if len(parts) > 1 and parts[-1] in QUOTE_LEAVES else ""
    role = ".".join(parts[:-1] if leaf else parts)
    role = role if role in ROLES or f"{role}.hour" not in ROLES else f"{role}.hour"
    if role in ROLES:
        words = ROLES[role]
    else:
        first, *rest = role.split(".")
        words = ", ".join([BOOK_WORDS.get(first, first), *(r.replace("_", " ") for r in rest)])
    return head + (words if leaf in ("", "usd") else f"{words}, {leaf.replace('_', ' ')}")
