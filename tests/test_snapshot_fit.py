"""A stored price snapshot is not reused once the cache lifetime, the fine-tuned tier or the
hourly training changes (issue #15)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from engine.catalog import Catalog, builtin_data
from engine.catalog.fit import book_fits
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    HourlyTraining,
    PromptingPath,
    TokenServing,
    Workload,
)

ON = date(2026, 10, 1)


def inputs(
    ttl: str = "5m",
    hours: str = "2",
    grader_model: str | None = None,
    grader_input_tokens: int = 0,
) -> CostInputs:
    return CostInputs(
        assessed_on=ON,
        workload=Workload(requests_per_month=Decimal(1000), instruction_tokens=1000),
        prompting=PromptingPath(
            model="anthropic:claude-haiku-4-5", cached_prefix_share=Decimal("0.5"), cache_ttl=ttl
        ),
        fine_tuning=FineTuningPath(
            base_model="openai:o4-mini",
            training=HourlyTraining(
                hours=Decimal(hours),
                grader_model=grader_model,
                grader_input_tokens=grader_input_tokens,
            ),
            serving=TokenServing(),
        ),
    )


def fits(stored: CostInputs, now: CostInputs) -> bool:
    book = Catalog(builtin_data()).resolve(stored)
    return book_fits(now.prompting, now.fine_tuning, book)


def test_the_same_answers_fit_their_own_book() -> None:
    stored = inputs(grader_model="openai:gpt-4.1-mini", grader_input_tokens=1000)
    now = inputs(hours="5", grader_model="openai:gpt-4.1-mini", grader_input_tokens=1000)
    assert fits(stored, now)


def test_a_changed_cache_lifetime_does_not_fit() -> None:
    assert not fits(inputs("5m"), inputs("1h"))
    assert not fits(inputs("1h"), inputs("5m"))


def test_a_grader_added_after_the_snapshot_does_not_fit() -> None:
    assert not fits(inputs(), inputs(grader_model="openai:gpt-4.1-mini", grader_input_tokens=10))


def test_a_given_hourly_rate_that_differs_does_not_fit() -> None:
    assert not fits(
        inputs(),
        inputs().model_copy(
            update={
                "fine_tuning": inputs().fine_tuning.model_copy(
                    update={"training": HourlyTraining(hours=Decimal(2), usd_per_hour=Decimal(50))}
                )
            }
        ),
    )


def test_a_changed_fine_tuned_tier_does_not_fit() -> None:
    def tiered(tier: str) -> CostInputs:
        return CostInputs(
            assessed_on=date(2026, 12, 1),
            workload=Workload(requests_per_month=Decimal(1000), user_tokens=100),
            prompting=PromptingPath(model="openai:gpt-4o-mini"),
            fine_tuning=FineTuningPath(
                base_model="openai:gpt-4o-mini",
                training_usd=Decimal(10),
                serving=TokenServing(),
                tier=tier,
            ),
        )

    assert fits(tiered("batch"), tiered("batch"))
    assert not fits(tiered("standard"), tiered("batch"))
    assert not fits(tiered("batch"), tiered("standard"))
