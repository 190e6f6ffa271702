"""The prices and facts one evaluation used, each with its source and as-of date.

The catalog resolves a `PriceBook` once for a set of inputs; the cost engine reads only the
book, so re-evaluating on every keystroke does no lookups, and a profile that stores its book
evaluates without loading any price data.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr

from .inputs import Count, Model, Usd

FineTuningStatus = Literal[
    "open",  # anyone can create fine-tuning jobs
    "closed_to_new_users",  # existing customers only, until `jobs_until`
    "partner_only",  # not on the provider's own API, only through a partner (Anthropic via Bedrock)
    "not_offered",  # never offered on this API
    "discontinued",  # was offered, removed on `since`
]

GIVEN = "given in the profile"

Size = Annotated[Decimal, Field(ge=0, le=10**6, allow_inf_nan=False)]
"""GB of memory or billions of parameters: a million is far past any GPU or model."""


class Quote(Model):
    """One price: what it is, where it comes from and when it was seen."""

    usd: Usd
    """Never negative, at most a trillion, like an answer's amount: a snapshot is a file too."""
    unit: str
    """What one `usd` buys, e.g. `per 1M input tokens`, `per GPU-hour`."""
    source: str
    as_of: str
    confidence: Literal["given", "primary", "secondary", "uncertain"] = "primary"
    note: str = ""

    def cite(self) -> str:
        """`OpenAI API pricing, as of 2025-11` — how a line item names its price."""
        if self.confidence == "given":
            return self.source
        flag = f", {self.confidence}" if self.confidence != "primary" else ""
        return f"{self.source}, as of {self.as_of}{flag}"


class TokenQuotes(Model):
    """Per-token prices of one model, USD per 1M tokens."""

    model: str | None = None
    input: Quote
    cached_input: Quote | None = None
    cache_write: Quote | None = None
    """The price of writing the prompt prefix to the cache (at the profile's cache lifetime),
    where the provider charges it apart from input."""
    output: Quote


class TrainingQuote(Model):
    per_mtok: Quote
    min_charge: Quote | None = None
    min_examples: Count | None = None


class GpuQuote(Model):
    gpu: str | None = None
    name: str
    memory_gb: Size | None = None
    hour: Quote
    """The price of one GPU-hour."""
    range_note: str = ""
    """The spread of the catalog's offers when the median was taken."""


class Availability(Model):
    """A provider's fine-tuning offer, as the catalog knows it."""

    provider: str
    name: str
    fine_tuning: FineTuningStatus
    since: date | None = None
    jobs_until: date | None = None
    alternatives: tuple[str, ...] = ()
    source: str
    as_of: str
    note: str = ""
    _names: dict[str, str] = PrivateAttr(default_factory=dict)
    """The catalog's names of the alternatives, for people (not stored: an offer read back
    from a profile's snapshot names them by id)."""

    def alternatives_in_words(self) -> list[str]:
        """The alternatives by name where the catalog gave one (`GPT-4.1 on Azure OpenAI`),
        else by id."""
        return [self._names.get(a, a) for a in self.alternatives]


class Lifecycle(Model):
    """A model's size and retirement date, as the catalog knows them."""

    model: str
    name: str
    params_b: Size | None = None
    open_weights: bool = False
    retires_on: date | None = None
    replaced_by: str | None = None
    """The model its provider names as the replacement, when the catalog knows it."""
    source: str
    as_of: str
    _replacement: str | None = PrivateAttr(default=None)
    """The replacement's name in the catalog (not stored, as `Availability._names`)."""

    @property
    def replacement_in_words(self) -> str | None:
        """The replacement by name where the catalog gave one (`GPT-4.1 mini`), else its id."""
        return self._replacement or self.replaced_by


class PriceBook(Model):
    """Everything priced or looked up for one evaluation."""

    prompting: TokenQuotes | None = None
    fine_tuned: TokenQuotes | None = None
    """Per-token prices of the fine-tuned path (fine-tuned or base rates, by serving kind)."""
    training: TrainingQuote | None = None
    training_hour: Quote | None = None
    """The price of one hour of time-billed training (reinforcement fine-tuning)."""
    grader: TokenQuotes | None = None
    """Per-token prices of the model grading a reinforcement fine-tuning job."""
    training_gpu: GpuQuote | None = None
    serving_gpu: GpuQuote | None = None
    hosting: Quote | None = None
    """Hourly fee per fine-tuned deployment."""
    prompting_model: Lifecycle | None = None
    base_model: Lifecycle | None = None
    provider: Availability | None = None
    """The fine-tuning provider's offer."""
    embedding_model: str | None = None
    embedding: Quote | None = None
    """A RAG option's embedding price per 1M tokens (of `embedding_model`, or given)."""
    memory_gb_per_billion: dict[str, Quote] = Field(default_factory=dict)
    """GPU memory rules of thumb by method (`lora`, `serve_16bit`, …)."""


def price_rows(book: PriceBook) -> Iterator[tuple[str, Quote]]:
    """Every price the evaluation used, named by its role (`fine_tuned.input`)."""
    for role in ("prompting", "fine_tuned"):
        tokens = getattr(book, role)
        if tokens is not None:
            for kind in ("input", "cached_input", "cache_write", "output"):
                quote = getattr(tokens, kind)
                if quote is not None:
                    yield f"{role}.{kind}", quote
    if book.training is not None:
        yield "training.per_mtok", book.training.per_mtok
        if book.training.min_charge is not None:
            yield "training.min_charge", book.training.min_charge
    if book.training_hour is not None:
        yield "training.hour", book.training_hour
    if book.grader is not None:
        yield "grader.input", book.grader.input
        yield "grader.output", book.grader.output
    for role in ("training_gpu", "serving_gpu"):
        gpu = getattr(book, role)
        if gpu is not None:
            yield f"{role}.hour", gpu.hour
    if book.hosting is not None:
        yield "hosting.hour", book.hosting
    if book.embedding is not None:
        yield "embedding", book.embedding
