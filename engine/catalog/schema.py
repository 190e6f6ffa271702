"""The shape of tunewise's own price data (`engine/data/catalog.toml`) and of team price files.

genai-prices carries base inference prices; this file carries what it lacks: training prices,
fine-tuned inference where missing, hosting fees, GPU-hour prices, GPU and model sizes, and
fine-tuning availability with dates. Every entry names a `[[source]]` and an `as_of` date.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..pricebook import FineTuningStatus

AsOf = Annotated[str, Field(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|undated)$")]
"""When a price was seen: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `undated`."""

Usd = Annotated[Decimal, Field(ge=0, le=10**12, allow_inf_nan=False)]
"""A price, never negative, at most a trillion like an answer's amount (larger is a typo)."""
Size = Annotated[Decimal, Field(gt=0, le=10**6, allow_inf_nan=False)]
"""GB of memory, billions of parameters, GB per billion: a million is past any real one."""
Confidence = Literal["primary", "secondary", "uncertain"]
"""`primary`: seen on the provider's own page; `secondary`: a copy or report;
`uncertain`: an estimate or a figure seen only in secondary copies."""


TrainingMethod = Literal["sft", "lora", "full", "dpo", "rft"]
"""How a hosted fine-tuning job trains (what `tunewise prices lora` searches by)."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(_Entry):
    id: str
    title: str
    url: str | None = None
    note: str = ""


class Sourced(_Entry):
    source: str
    """Id of a `[[source]]` entry."""
    as_of: AsOf
    confidence: Confidence = "primary"
    note: str = ""


class ProviderFacts(Sourced):
    """Whether, and until when, a provider offers fine-tuning."""

    id: str
    """genai-prices provider id where one exists (`openai`, `anthropic`, `google`, `aws`, …)."""
    name: str
    fine_tuning: FineTuningStatus
    since: date | None = None
    """The day the status took effect (e.g. closed to new users on 2026-05-07)."""
    jobs_until: date | None = None
    """The last day existing customers can create fine-tuning jobs, if announced."""
    alternatives: list[str] = []
    """Where its models can be fine-tuned instead (catalog model ids)."""


class ModelFacts(Sourced):
    """Lifecycle and size of a model; prices come from genai-prices or the price tables."""

    id: str
    """Catalog id `provider:model`, e.g. `openai:gpt-4o-mini`, `meta:llama-3.1-70b`."""
    name: str
    aliases: list[str] = []
    params_b: Size | None = None
    """Parameters in billions, for open-weight models (GPU memory checks)."""
    open_weights: bool = False
    retires_on: date | None = None
    """The day the provider retires the model (and its fine-tunes)."""
    replaced_by: str | None = None
    """The model the provider names as its replacement (in the retirement's source)."""
    genai_prices_ref: str | None = None
    """Model reference in genai-prices when it differs from the part after `provider:`."""


class TokenPrice(Sourced):
    """Per-token inference prices that genai-prices lacks, or a team's negotiated rates."""

    model: str
    input_usd_per_mtok: Usd
    cached_input_usd_per_mtok: Usd | None = None
    cache_write_usd_per_mtok: Usd | None = None
    output_usd_per_mtok: Usd


class TrainingPrice(Sourced):
    """What a hosted fine-tuning job costs."""

    model: str
    """Catalog id of the base model."""
    provider: str
    """Who runs the job (may differ from the model's maker, e.g. `aws` for Claude 3 Haiku)."""
    method: TrainingMethod = "sft"
    """How the job trains: `sft` (the provider's supervised fine-tuning, method undisclosed),
    `lora` (adapters), `full` (all weights), `dpo` (preference), `rft` (reinforcement)."""
    usd_per_mtok: Usd | None = None
    """USD per 1M training tokens (dataset tokens × epochs)."""
    usd_per_hour: Usd | None = None
    """USD per hour of training, for time-billed methods (reinforcement fine-tuning)."""
    min_examples: int | None = Field(default=None, ge=0, le=10**12)
    min_charge_usd: Usd | None = None


class FineTunedInferencePrice(Sourced):
    """Per-token prices of a fine-tuned model where genai-prices lacks them or they differ."""

    model: str
    provider: str
    serving: Literal["per_token", "base_rate", "base_plus_hourly", "provisioned"] = "per_token"
    input_usd_per_mtok: Usd | None = None
    cached_input_usd_per_mtok: Usd | None = None
    output_usd_per_mtok: Usd | None = None


class HostingPrice(Sourced):
    """A recurring fee for keeping a fine-tuned model deployed or stored."""

    id: str
    provider: str
    applies_to: str
    """What it covers, in words (e.g. `fine-tuned deployment, Standard`)."""
    usd_per_hour: Usd | None = None
    usd_per_month: Usd | None = None


class Gpu(_Entry):
    id: str
    """Short id, e.g. `a10g-24gb`, `a100-80gb`, `h100-80gb`."""
    name: str
    memory_gb: Size


class GpuOffer(Sourced):
    """An on-demand price for one GPU-hour."""

    gpu: str
    provider: str
    offer: str
    """Instance type or product name as the provider sells it."""
    usd_per_hour: Usd


class MemoryRule(Sourced):
    """GB of GPU memory per billion parameters for a method (rule of thumb)."""

    method: Literal["full", "lora", "qlora", "serve_16bit", "serve_8bit", "serve_4bit"]
    gb_per_billion_params: Size
    points: list[list[Size]] = []
    """`[billions, GB]` rows of the cited table (weights, adapters, optimizer state and
    activations at the table's own sequence length and batch). A model between two rows is
    interpolated, past the last row scaled by it; the larger of that and the rule applies."""


class CatalogData(_Entry):
    """The whole `catalog.toml` (and the shape a team price file may use in part)."""

    reviewed_on: date
    """The last day someone checked this file against its sources."""
    source: list[Source] = []
    provider: list[ProviderFacts] = []
    model: list[ModelFacts] = []
    token_price: list[TokenPrice] = []
    training: list[TrainingPrice] = []
    ft_inference: list[FineTunedInferencePrice] = []
    hosting: list[HostingPrice] = []
    gpu: list[Gpu] = []
    gpu_offer: list[GpuOffer] = []
    memory_rule: list[MemoryRule] = []


class PriceFile(CatalogData):
    """A user's or team's price file: overrides and additions to the built-in prices."""

    reviewed_on: date | None = None  # type: ignore[assignment]
    use_builtin: bool = True
    """`false` switches the built-in prices (genai-prices and catalog.toml) off."""
