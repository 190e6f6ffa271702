"""Prompt-cache writes (issue #15): the uncached prefix is billed at the provider's write price."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from engine.catalog import Catalog, builtin_data
from engine.errors import InputError
from engine.evaluate import evaluate
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.result import PathCosts

ON = date(2026, 12, 1)
WORKLOAD = Workload(
    requests_per_month=Decimal(100_000),
    instruction_tokens=2_000,
    example_tokens=2_000,
    user_tokens=500,
    output_tokens=200,
)
SERVING = FineTuningPath(
    training_usd=Decimal(1000),
    serving=TokenServing(
        prices=TokenPrices(input_usd_per_mtok=Decimal(1), output_usd_per_mtok=Decimal(2))
    ),
)


def prompting(model: str, share: str, **more: object) -> PathCosts:
    inputs = CostInputs(
        assessed_on=ON,
        workload=WORKLOAD,
        prompting=PromptingPath(model=model, cached_prefix_share=Decimal(share), **more),
        fine_tuning=SERVING,
    )
    return evaluate(inputs, Catalog(builtin_data()).resolve(inputs)).prompting


def items(costs: PathCosts) -> dict[str, tuple[Decimal, str, str | None]]:
    return {i.key: (i.usd, i.formula, i.price_source) for i in costs.monthly_items}


def test_anthropic_bills_the_uncached_prefix_at_its_5_minute_write_price() -> None:
    # claude-haiku-4-5: $1 input, $0.10 cache read, $1.25 5-minute write, $5 output per 1M.
    got = items(prompting("anthropic:claude-haiku-4-5", "0.75"))
    assert got["input_tokens"][0] == Decimal("50")  # 500 user tokens × 100K × $1/1M
    assert got["cached_input_tokens"][0] == Decimal("30")  # 3,000 × 100K × $0.10/1M
    usd, formula, source = got["cache_write_tokens"]
    assert usd == Decimal("125")  # the 1,000 uncached prefix tokens × 100K × $1.25/1M
    assert "1,000" in formula and "$1.25/1M" in formula
    assert source is not None and "Anthropic" in source and "genai-prices" in source


def test_a_1_hour_cache_writes_at_twice_the_input_price() -> None:
    got = items(prompting("anthropic:claude-haiku-4-5", "0.75", cache_ttl="1h"))
    assert got["cache_write_tokens"][0] == Decimal("200")  # 1,000 × 100K × $2/1M


def test_no_cached_share_writes_nothing() -> None:
    got = items(prompting("anthropic:claude-haiku-4-5", "0"))
    assert "cache_write_tokens" not in got and "cached_input_tokens" not in got
    assert got["input_tokens"][0] == Decimal("450")  # 4,500 tokens × 100K × $1/1M


def test_a_provider_without_a_write_price_bills_the_prefix_as_input() -> None:
    # OpenAI caches automatically; writing costs the ordinary input price.
    got = items(prompting("openai:gpt-4o-mini", "0.75"))
    assert "cache_write_tokens" not in got
    assert got["input_tokens"][0] == Decimal("1500") * Decimal("0.15") / 10


def test_a_1_hour_cache_is_refused_where_only_5_minute_writes_are_priced() -> None:
    with pytest.raises(InputError) as err:
        prompting("google:claude-3-5-haiku", "0.5", cache_ttl="1h")  # Vertex: 5m only
    assert err.value.field == "prompting.cache_ttl"
