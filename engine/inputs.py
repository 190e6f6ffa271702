"""What the cost engine needs to know: the workload and the two paths being compared.

Every amount is USD, every token count is per request, every rate says its unit in its name
(`usd_per_mtok` = USD per 1M tokens). A month is `days_per_month` days (30 unless set).
Any money figure the guides state directly ("our prompting bill is $1,500 a month",
"$12,000 up front") can be given instead of being derived from tokens and prices.

Over 300 lines, kept whole: the models of one input document, each with its field docs;
split, the `CostInputs` contract would be read across files.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .choices import Method
from .money import ZERO

Usd = Annotated[Decimal, Field(ge=0, le=10**12, allow_inf_nan=False)]
"""An amount of US dollars, never negative, at most a trillion (larger is a typo)."""
Volume = Annotated[Decimal, Field(ge=0, le=10**12, allow_inf_nan=False)]
"""Requests in a period, at most a trillion."""
Count = Annotated[int, Field(ge=0, le=10**12)]
Share = Annotated[Decimal, Field(ge=0, le=1, allow_inf_nan=False)]
"""A fraction from 0 to 1."""
Hours = Annotated[Decimal, Field(ge=0, le=744, allow_inf_nan=False)]


class Model(BaseModel):
    """Base of every input: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Workload(Model):
    """How much traffic the feature serves and what one request looks like."""

    requests_per_day: Volume | None = None
    requests_per_month: Volume | None = None
    days_per_month: Annotated[Decimal, Field(gt=0, le=31, allow_inf_nan=False)] = Decimal(30)
    """Days in a month for converting daily to monthly volume and hours to monthly cost."""
    instruction_tokens: Count = 0
    """System prompt and task instructions, the same on every request."""
    example_tokens: Count = 0
    """Few-shot examples in the prompt (a fine-tuned model drops them)."""
    rag_tokens: Count = 0
    """Retrieved context added to each request."""
    user_tokens: Count = 0
    """The request's own content (the question, the document)."""
    output_tokens: Count = 0
    monthly_growth: Annotated[Decimal, Field(gt=-1, le=1, allow_inf_nan=False)] = ZERO
    """Month-over-month volume growth as a fraction (0.05 = 5% a month; at most 1, doubling)."""
    horizon_months: Annotated[int, Field(ge=1, le=600)] = 24
    api_price_decline_per_year: Annotated[Decimal, Field(ge=0, lt=1, allow_inf_nan=False)] = ZERO
    """How much API prices fall in a year, as a fraction (0.5 = half the price a year on; the
    guides: 50–80%). Applied month by month to every cost that scales with volume on both paths
    (token prices and per-request or monthly bills given directly); GPU hours and flat fees do
    not fall. 0 (the default) keeps today's prices for the whole curve."""

    @model_validator(mode="after")
    def _one_volume(self) -> Workload:
        if (self.requests_per_day is None) == (self.requests_per_month is None):
            raise ValueError(
                "give exactly one of the requests a month or the requests a day "
                "(requests_per_month, requests_per_day)"
            )
        return self

    @property
    def monthly_requests(self) -> Decimal:
        """Requests in the first month."""
        if self.requests_per_month is not None:
            return self.requests_per_month
        assert self.requests_per_day is not None
        return self.requests_per_day * self.days_per_month

    @property
    def hours_per_month(self) -> Decimal:
        return self.days_per_month * 24

    @property
    def static_prefix_tokens(self) -> int:
        return self.instruction_tokens + self.example_tokens


class TokenPrices(Model):
    """Explicit per-token prices, USD per 1M tokens."""

    input_usd_per_mtok: Usd
    cached_input_usd_per_mtok: Usd | None = None
    cache_write_usd_per_mtok: Usd | None = None
    """What writing a prompt prefix to the cache costs, where the provider charges more than
    input for it (Anthropic: 1.25× input for 5-minute writes, 2× for 1-hour)."""
    output_usd_per_mtok: Usd


Tier = Literal["standard", "batch", "flex", "priority"]
"""A provider's price tier (genai-prices' price variants)."""
CacheTtl = Literal["5m", "1h"]
"""How long a written prompt cache lives; a provider may price the two writes differently."""


class PromptingPath(Model):
    """A base model driven by prompts (and retrieval when `rag_tokens` > 0)."""

    model: str | None = None
    """Catalog model id, e.g. `openai:gpt-4o-mini` (prices from the catalog)."""
    tier: Tier = "standard"
    """The provider's price tier for the catalog's prices: `batch` (asynchronous, about half
    price), `flex` or `priority`, where genai-prices carries that variant."""
    prices: TokenPrices | None = None
    """Explicit prices; take precedence over the catalog's."""
    cached_prefix_share: Share = ZERO
    """Share of the static prefix (instructions + examples) billed at the cached-input price.
    The rest of the prefix is written to the cache, at the cache-write price where the
    provider charges one (otherwise at the input price)."""
    cache_ttl: CacheTtl = "5m"
    """Which cache write the prefix pays for, where the provider prices them apart."""
    inference_monthly_usd: Usd | None = None
    """The monthly inference bill at the workload's volume, given directly (scales with volume)."""
    cost_per_request_usd: Usd | None = None
    """The cost of one request, given directly."""
    fixed_monthly_usd: Usd = ZERO
    """Costs that do not depend on volume (a vector database, monitoring)."""
    prompt_engineering_usd: Usd = ZERO
    """One-off cost of writing and testing the prompts."""

    @model_validator(mode="after")
    def _one_inference_source(self) -> PromptingPath:
        given = [
            name
            for name in ("inference_monthly_usd", "cost_per_request_usd")
            if getattr(self, name) is not None
        ]
        if len(given) > 1:
            raise ValueError(
                "prompting's bill is given one way, a month or a request, not both "
                "(inference_monthly_usd, cost_per_request_usd)"
            )
        if not given and self.model is None and self.prices is None:
            raise ValueError(
                "say what prompting costs: a catalog model, prices, "
                "inference_monthly_usd or cost_per_request_usd"
            )
        return self


class HostedTraining(Model):
    """A provider's fine-tuning API, billed per training token."""

    kind: Literal["hosted"] = "hosted"
    examples: Count | None = None
    """Labelled examples trained on; the profile's `[data] labelled_examples` when omitted."""
    tokens_per_example: Count
    epochs: Annotated[int, Field(ge=1, le=100)] = 3
    usd_per_mtok: Usd | None = None
    """USD per 1M training tokens; the catalog's price for the base model when omitted."""
    min_charge_usd: Usd | None = None


class GpuTraining(Model):
    """LoRA, QLoRA or full fine-tuning on rented GPUs."""

    kind: Literal["gpu"] = "gpu"
    gpu: str | None = None
    """Catalog GPU id, e.g. `a100-80gb` (memory check and price)."""
    gpu_provider: str | None = None
    """Whose price to use for `gpu`; the median of the catalog's offers when omitted."""
    gpu_count: Annotated[int, Field(ge=1, le=4096)] = 1
    hours: Annotated[Decimal, Field(gt=0, le=100_000, allow_inf_nan=False)]
    usd_per_gpu_hour: Usd | None = None


class HourlyTraining(Model):
    """Reinforcement fine-tuning billed by the hour of training (OpenAI's and Azure's RFT),
    plus the grader model's tokens at that model's own prices."""

    kind: Literal["hourly"] = "hourly"
    hours: Annotated[Decimal, Field(gt=0, le=100_000, allow_inf_nan=False)]
    """Hours of training billed (OpenAI: the core training loop's wall-clock time)."""
    usd_per_hour: Usd | None = None
    """USD per training hour; the catalog's price for the base model when omitted."""
    grader_model: str | None = None
    """Catalog model id of a model grader (its tokens are billed at its inference prices)."""
    grader_prices: TokenPrices | None = None
    """The grader's prices; the grader model's catalog prices when omitted."""
    grader_input_tokens: Count = 0
    """Tokens the grader reads over the whole job."""
    grader_output_tokens: Count = 0
    """Tokens the grader writes over the whole job."""


class TokenServing(Model):
    """A hosted fine-tuned model billed per token (OpenAI, Vertex, Fireworks)."""

    kind: Literal["per_token"] = "per_token"
    prices: TokenPrices | None = None
    """The fine-tuned model's prices; the catalog's when omitted."""


class HourlyServing(Model):
    """Base-model token rates plus an hourly fee per deployment (Azure OpenAI)."""

    kind: Literal["base_plus_hourly"] = "base_plus_hourly"
    prices: TokenPrices | None = None
    usd_per_hour: Usd | None = None
    deployments: Annotated[int, Field(ge=1, le=1000)] = 1
    hours_per_month: Hours | None = None
    """Hours deployed a month; always on (24 × days_per_month) when omitted."""


class GpuServing(Model):
    """Always-on self-hosted replicas on rented GPUs."""

    kind: Literal["self_hosted"] = "self_hosted"
    gpu: str | None = None
    gpu_provider: str | None = None
    gpus_per_replica: Annotated[int, Field(ge=1, le=64)] = 1
    replicas: Annotated[int, Field(ge=1, le=10_000)] = 1
    usd_per_gpu_hour: Usd | None = None
    hours_per_month: Hours | None = None
    precision: Literal["16bit", "8bit", "4bit"] = "16bit"
    """Weight precision when serving (memory check)."""
    requests_per_second_per_replica: Annotated[Decimal, Field(gt=0, allow_inf_nan=False)] | None = (
        None
    )
    """Sustained throughput of one replica (capacity check)."""


Training = Annotated[HostedTraining | GpuTraining | HourlyTraining, Field(discriminator="kind")]
Serving = Annotated[TokenServing | HourlyServing | GpuServing, Field(discriminator="kind")]

UPFRONT_ITEMS = (
    "data_collection_usd",
    "labelled_examples",
    "engineering_hours",
    "integration_usd",
    "change_management_usd",
)


class FineTuningPath(Model):
    """A fine-tuned model: what it costs to build, serve and keep."""

    base_model: str | None = None
    """Catalog model id of the model being fine-tuned."""
    method: Method = "hosted"
    keeps_rag: bool = True
    """Whether fine-tuned requests still carry the retrieved context."""
    instruction_tokens: Count | None = None
    """Instructions left after fine-tuning; the workload's when omitted (examples always go)."""
    output_tokens: Count | None = None
    cached_prefix_share: Share = ZERO
    """As prompting's: the share of the instructions read from the cache, the rest written."""
    cache_ttl: CacheTtl = "5m"
    tier: Tier = "standard"
    """The provider's price tier for serving priced by the catalog's tokens (`batch` …),
    where genai-prices carries that variant for the fine-tuned model (or its base rates)."""

    training: Training | None = None
    training_usd: Usd | None = None
    """The training cost, given directly."""
    serving: Serving | None = None
    serving_monthly_usd: Usd | None = None
    """The monthly serving bill at the workload's volume, given directly (scales with volume)."""
    serving_cost_per_request_usd: Usd | None = None
    upfront_usd: Usd | None = None
    """The whole upfront cost, given directly: it overrides the itemised one-off costs (the
    training, labelling, engineering …), which the line item then names as overridden."""

    def itemised(self) -> list[str]:
        """The itemised one-off costs given, by field name (what `upfront_usd` overrides)."""
        named = [n for n in ("training", "training_usd") if getattr(self, n) is not None]
        return named + [n for n in UPFRONT_ITEMS if getattr(self, n)]

    data_collection_usd: Usd = ZERO
    labelled_examples: Count = 0
    """Examples still to be labelled (priced at `usd_per_label`)."""
    usd_per_label: Usd | None = None
    """Unknown when omitted: labelling is then an unknown part of the upfront cost."""
    engineering_hours: Annotated[Decimal, Field(ge=0, le=1_000_000, allow_inf_nan=False)] = ZERO
    usd_per_engineering_hour: Usd | None = None
    """Unknown when omitted: engineering is then an unknown part of the upfront cost."""
    integration_usd: Usd = ZERO
    change_management_usd: Usd = ZERO

    maintenance_monthly_usd: Usd = ZERO
    retrains_per_year: Annotated[Decimal, Field(ge=0, le=365, allow_inf_nan=False)] = ZERO
    usd_per_retrain: Usd | None = None
    """Cost of one retraining run; the training cost when omitted."""
    hosting_monthly_usd: Usd = ZERO
    """Hosting and storage fees that do not depend on volume."""
    retires_on: date | None = None
    """The base model's retirement date; the catalog's when omitted."""
    at_retirement: Literal["ignore", "redo", "abandon"] = "ignore"
    """What the cumulative curve does when the base model retires: `redo` pays `redo_usd` again
    at the last month boundary before the retirement date (the fine-tune rebuilt on a successor),
    `abandon` ends the fine-tuned path there (back to prompting, at prompting's monthly cost);
    `ignore` (the default) runs the curve as if the model stayed (a warning names the date)."""
    redo_usd: Usd | None = None
    """What rebuilding the fine-tune on a successor costs; the whole upfront cost when omitted."""

    @model_validator(mode="after")
    def _consistent(self) -> FineTuningPath:
        if self.training is not None and self.training_usd is not None:
            raise ValueError("give training or training_usd, not both")
        serving = [
            name
            for name in ("serving", "serving_monthly_usd", "serving_cost_per_request_usd")
            if getattr(self, name) is not None
        ]
        if len(serving) > 1:
            raise ValueError(
                "serving is costed one way: its bill a month, its cost per request, or "
                f"priced by tokens or GPUs, not several ({', '.join(serving)})"
            )
        if not serving:
            raise ValueError(
                "say what serving costs: serving, serving_monthly_usd or "
                "serving_cost_per_request_usd"
            )
        no_training_cost = self.training is None and self.training_usd is None
        if self.retrains_per_year and self.usd_per_retrain is None and no_training_cost:
            raise ValueError(
                "retrains a year need the cost of one retrain (usd_per_retrain) "
                "or a training cost to repeat"
            )
        return self


class CostInputs(Model):
    """Everything the cost engine compares, judged on `assessed_on`."""

    assessed_on: date
    workload: Workload
    prompting: PromptingPath
    fine_tuning: FineTuningPath
