"""Reinforcement fine-tuning billed by the hour plus grader tokens (issue #15)."""

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
    HourlyTraining,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.result import PathCosts

BEFORE_RETIREMENT = date(2026, 10, 1)  # o4-mini retired on 2026-10-23
PRICES = TokenPrices(input_usd_per_mtok=Decimal(1), output_usd_per_mtok=Decimal(4))


def finetune(training: HourlyTraining, on: date = BEFORE_RETIREMENT) -> PathCosts:
    inputs = CostInputs(
        assessed_on=on,
        workload=Workload(requests_per_month=Decimal(10_000), user_tokens=300, output_tokens=50),
        prompting=PromptingPath(prices=PRICES),
        fine_tuning=FineTuningPath(
            base_model="openai:o4-mini",
            training=training,
            serving=TokenServing(prices=PRICES),
            retrains_per_year=Decimal(2),
        ),
    )
    return evaluate(inputs, Catalog(builtin_data()).resolve(inputs)).finetune


def test_hours_at_the_catalogs_rate_plus_the_graders_tokens_at_its_prices() -> None:
    costs = finetune(
        HourlyTraining(
            hours=Decimal("2.55"),
            grader_model="openai:gpt-4.1-mini",  # $0.40 in, $1.60 out per 1M (genai-prices)
            grader_input_tokens=20_000_000,
            grader_output_tokens=1_000_000,
        )
    )
    items = {i.key: i for i in costs.upfront_items}
    hours = items["training"]
    assert hours.usd == Decimal("255")  # 2.55 h × $100/h, OpenAI's RFT billing guide
    assert hours.formula == "2.55 h × $100/h"
    assert hours.price_source is not None and "reinforcement fine-tuning" in hours.price_source
    grader = items["grader_tokens"]
    assert grader.usd == Decimal("9.6")  # 20M × $0.40/1M + 1M × $1.60/1M
    assert "20M tok in × $0.40/1M" in grader.formula
    assert grader.price_source is not None and "genai-prices" in grader.price_source
    assert costs.upfront_usd == Decimal("264.6")
    # A retrain repeats both: 2 a year × $264.60 ÷ 12.
    retraining = next(i for i in costs.monthly_items if i.key == "retraining")
    assert retraining.usd == Decimal("264.6") * 2 / 12


def test_a_given_hourly_rate_overrides_the_catalogs() -> None:
    costs = finetune(HourlyTraining(hours=Decimal(3), usd_per_hour=Decimal(50)))
    assert costs.upfront_usd == Decimal(150)
    assert [i.key for i in costs.upfront_items] == ["training"]


def test_grader_tokens_need_the_grader() -> None:
    with pytest.raises(InputError) as err:
        finetune(HourlyTraining(hours=Decimal(1), grader_input_tokens=1_000))
    assert err.value.field == "fine_tuning.training.grader_model"


def test_a_model_with_no_hourly_price_is_refused_naming_those_with_one() -> None:
    inputs = CostInputs(
        assessed_on=BEFORE_RETIREMENT,
        workload=Workload(requests_per_month=Decimal(10_000)),
        prompting=PromptingPath(prices=PRICES),
        fine_tuning=FineTuningPath(
            base_model="openai:gpt-4o-mini",
            training=HourlyTraining(hours=Decimal(1)),
            serving=TokenServing(prices=PRICES),
        ),
    )
    with pytest.raises(InputError) as err:
        Catalog(builtin_data()).resolve(inputs)
    assert err.value.field == "fine_tuning.training.usd_per_hour"
    assert "openai:o4-mini" in str(err.value)
