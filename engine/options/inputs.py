"""What an option is: one of prompting, RAG, fine-tuning, routing or cascade.

An option is keyed by an id in the profile (`[options.mini]`). Two ids are reserved: `baseline`
(the profile's `[prompting]`, the system as it runs today) and `fine_tuning` (its
`[fine_tuning]`, the first fine-tuning option); other options refer to options by id.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ..inputs import Count, FineTuningPath, Model, PromptingPath, Share, Usd
from ..visible import controls

BASELINE = "baseline"
FINE_TUNING = "fine_tuning"
RESERVED = (BASELINE, FINE_TUNING)

OptionId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
"""An option's id: lower-case letters, digits, `_` and `-`, at most 40 characters."""


def _printable(text: str) -> str:
    found = None if text.isprintable() else controls().search(text)
    if found:
        raise ValueError(f"contains control character U+{ord(found.group()):04X}")
    return text


Label = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_printable)]
"""An option's name or a line item's: printed in every report, so never a control sequence."""


class Extras(Model):
    """An option's own one-off and monthly costs, given by name ("Prompt rewrite" = 2000)."""

    upfront_items: dict[Label, Usd] = Field(default_factory=dict)
    monthly_items: dict[Label, Usd] = Field(default_factory=dict)


class PromptingOption(PromptingPath, Extras):
    """A base model driven by prompts, on a catalog model or a given bill; its own prompt size
    where it differs from the workload's."""

    kind: Literal["prompting"] = "prompting"
    name: Label
    instruction_tokens: Count | None = None
    example_tokens: Count | None = None
    output_tokens: Count | None = None


class FineTuningOption(FineTuningPath, Extras):
    """A fine-tuned model, costed exactly as the profile's `[fine_tuning]` is."""

    kind: Literal["fine_tuning"] = "fine_tuning"
    name: Label


class RagOption(Extras):
    """Retrieval added to a generator (the baseline, or a prompting or fine-tuning option):
    an index built once, re-embedded as documents change, a vector store, and a query
    embedding and the retrieved context on every request."""

    kind: Literal["rag"] = "rag"
    name: Label
    generator: OptionId = BASELINE
    """The option that answers with the retrieved context (RAG + fine-tuning: a fine-tuning
    option)."""
    documents: Count
    """Documents (or chunks) in the index."""
    tokens_per_document: Count
    embedding_model: str | None = None
    """Catalog id of the embedding model, e.g. `openai:text-embedding-3-small`."""
    embedding_usd_per_mtok: Usd | None = None
    """The embedding price per 1M tokens, given; the catalog's for `embedding_model` when
    omitted."""
    changed_share_per_month: Share
    """Share of the documents re-embedded each month (0.1 = a tenth changes a month): asked,
    never assumed (0 for documents that never change: say so)."""
    store_monthly_usd: Usd
    """The vector store's monthly bill: asked, never assumed (0 when it runs on what is
    already paid for: say so)."""
    query_tokens: Count | None = None
    """Tokens embedded per request; the workload's user tokens when omitted."""
    retrieved_tokens: Count
    """Retrieved context added to each request (replaces the workload's `rag_tokens`)."""

    @model_validator(mode="after")
    def _priced(self) -> RagOption:
        if self.embedding_model is None and self.embedding_usd_per_mtok is None:
            raise ValueError("say what embedding costs: embedding_model or embedding_usd_per_mtok")
        return self


class RoutingOption(Extras):
    """A router sends `share_to_first` of requests to `first`, the rest to `second`."""

    kind: Literal["routing"] = "routing"
    name: Label
    first: OptionId
    second: OptionId
    share_to_first: Share
    router_usd_per_request: Usd
    """What deciding the route costs per request (a classifier call; 0 for a rule: say so)."""


class CascadeOption(Extras):
    """Every request goes to `first`; `escalation_share` of them also go to `second`."""

    kind: Literal["cascade"] = "cascade"
    name: Label
    first: OptionId
    second: OptionId
    escalation_share: Share
    router_usd_per_request: Usd
    """What deciding to escalate costs per request (a confidence check, a judge call; 0 for
    the model's own confidence score: say so)."""


Option = Annotated[
    PromptingOption | RagOption | FineTuningOption | RoutingOption | CascadeOption,
    Field(discriminator="kind"),
]
Hybrid = RoutingOption | CascadeOption


def references(option: object) -> tuple[str, ...]:
    """The option ids `option` is built from."""
    if isinstance(option, RoutingOption | CascadeOption):
        return (option.first, option.second)
    if isinstance(option, RagOption):
        return (option.generator,)
    return ()
