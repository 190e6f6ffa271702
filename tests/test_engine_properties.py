"""Invariants of the cost engine over generated inputs and explicit prices (no catalog)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from engine.evaluate import evaluate
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.pricebook import PriceBook, Quote, TokenQuotes
from engine.result import CostResult, MonthPoint

ON = date(2026, 11, 22)
ZERO = Decimal(0)
FAST = settings(deadline=None, max_examples=60)
"""Small enough that the whole file runs in a few seconds."""


def _quote(usd: Decimal, unit: str) -> Quote:
    return Quote(usd=usd, unit=unit, source="test", as_of="2026-11-22", confidence="given")


def _tokens(prices: TokenPrices) -> TokenQuotes:
    return TokenQuotes(
        input=_quote(prices.input_usd_per_mtok, "per 1M input tokens"),
        output=_quote(prices.output_usd_per_mtok, "per 1M output tokens"),
    )


def money(top: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Non-negative amounts up to `top` with `places` decimals."""
    scale = 10**places
    return st.integers(0, top * scale).map(lambda n: Decimal(n) / scale)


@dataclass(frozen=True)
class Case:
    """One comparison: everything but the volume and growth, which properties vary."""

    instruction_tokens: int
    example_tokens: int
    user_tokens: int
    output_tokens: int
    pe_prices: TokenPrices
    ft_prices: TokenPrices
    ft_instruction_tokens: int
    pe_fixed: Decimal
    pe_upfront: Decimal
    ft_training: Decimal
    ft_other_upfront: Decimal
    ft_fixed: Decimal
    retrains_per_year: Decimal

    def inputs(
        self, requests: Decimal, growth: Decimal = ZERO, horizon: int = 24
    ) -> tuple[CostInputs, PriceBook]:
        workload = Workload(
            requests_per_month=requests,
            instruction_tokens=self.instruction_tokens,
            example_tokens=self.example_tokens,
            user_tokens=self.user_tokens,
            output_tokens=self.output_tokens,
            monthly_growth=growth,
            horizon_months=horizon,
        )
        prompting = PromptingPath(
            prices=self.pe_prices,
            fixed_monthly_usd=self.pe_fixed,
            prompt_engineering_usd=self.pe_upfront,
        )
        fine_tuning = FineTuningPath(
            method="lora",
            instruction_tokens=self.ft_instruction_tokens,
            training_usd=self.ft_training,
            integration_usd=self.ft_other_upfront,
            serving=TokenServing(prices=self.ft_prices),
            maintenance_monthly_usd=self.ft_fixed,
            retrains_per_year=self.retrains_per_year,
        )
        inputs = CostInputs(
            assessed_on=ON, workload=workload, prompting=prompting, fine_tuning=fine_tuning
        )
        book = PriceBook(prompting=_tokens(self.pe_prices), fine_tuned=_tokens(self.ft_prices))
        return inputs, book

    def evaluate(self, requests: Decimal, growth: Decimal = ZERO, horizon: int = 24) -> CostResult:
        return evaluate(*self.inputs(requests, growth, horizon))


prices = st.builds(
    TokenPrices,
    input_usd_per_mtok=money(30),
    output_usd_per_mtok=money(60),
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    instructions = draw(st.integers(0, 2_000))
    return Case(
        instruction_tokens=instructions,
        example_tokens=draw(st.integers(0, 4_000)),
        user_tokens=draw(st.integers(0, 2_000)),
        output_tokens=draw(st.integers(0, 1_000)),
        pe_prices=draw(prices),
        ft_prices=draw(prices),
        ft_instruction_tokens=draw(st.integers(0, instructions)),
        pe_fixed=draw(money(2_000)),
        pe_upfront=draw(money(5_000)),
        ft_training=draw(money(50_000)),
        ft_other_upfront=draw(money(20_000)),
        ft_fixed=draw(money(2_000)),
        retrains_per_year=Decimal(draw(st.integers(0, 12))),
    )


volumes = st.integers(0, 50_000_000).map(Decimal)
positive_volumes = st.integers(1, 50_000_000).map(Decimal)
growths = st.integers(-50, 100).map(lambda n: Decimal(n) / 1000)
"""-5% to +10% a month."""


def later_or_same(a: Decimal | None, b: Decimal | None) -> bool:
    """`a` is no earlier than `b`, with None (never) the latest of all."""
    if a is None:
        return True
    if b is None:
        return False
    return a >= b - Decimal("1e-18") * max(Decimal(1), abs(b))


def close(a: Decimal, b: Decimal, rel: Decimal = Decimal("1e-12")) -> bool:
    return abs(a - b) <= rel * max(Decimal(1), abs(a), abs(b))


def per_request_saving(result: CostResult) -> Decimal:
    return result.prompting.variable_per_request_usd - result.finetune.variable_per_request_usd


@FAST
@given(cases(), volumes, volumes, growths)
def test_more_volume_never_delays_break_even_when_fine_tuned_requests_are_cheaper(
    case: Case, v1: Decimal, v2: Decimal, growth: Decimal
) -> None:
    low, high = sorted((v1, v2))
    at_low, at_high = case.evaluate(low, growth), case.evaluate(high, growth)
    assume(per_request_saving(at_low) > 0)
    assert later_or_same(at_low.break_even_months, at_high.break_even_months), (
        at_low.break_even_note,
        at_high.break_even_note,
    )


def tuned(point: MonthPoint) -> Decimal:
    """Fine-tuning's cumulative cost at `point`: the cases here always know the upfront."""
    assert point.finetune_usd is not None
    return point.finetune_usd


@FAST
@given(cases(), volumes)
def test_break_even_is_none_exactly_when_the_monthly_saving_is_not_positive(
    case: Case, volume: Decimal
) -> None:
    result = case.evaluate(volume)
    assert (result.break_even_months is None) == (result.monthly_saving_usd <= 0)
    assert result.break_even_note
    if result.break_even_months is not None:
        assert result.break_even_months >= 0
        gap = result.finetune.known_upfront - result.prompting.known_upfront
        expected = max(gap, ZERO) / result.monthly_saving_usd
        assert close(result.break_even_months, expected)


@FAST
@given(cases(), volumes, growths)
def test_line_items_sum_to_the_totals(case: Case, volume: Decimal, growth: Decimal) -> None:
    result = case.evaluate(volume, growth)
    for path in (result.prompting, result.finetune):
        assert sum((i.usd for i in path.monthly_items), ZERO) == path.monthly_usd
        assert sum((i.usd for i in path.upfront_items), ZERO) == path.upfront_usd
        fixed = sum((i.usd for i in path.monthly_items if not i.scales_with_volume), ZERO)
        assert fixed == path.fixed_monthly_usd
        variable = path.variable_per_request_usd * result.monthly_requests
        assert close(fixed + variable, path.monthly_usd)
        if result.monthly_requests:
            assert path.per_request_usd is not None
            assert close(path.per_request_usd * result.monthly_requests, path.monthly_usd)
        else:
            assert path.per_request_usd is None
        assert all(i.usd >= 0 for i in (*path.monthly_items, *path.upfront_items))
    assert result.monthly_saving_usd == result.prompting.monthly_usd - result.finetune.monthly_usd


@FAST
@given(cases(), volumes, growths, st.integers(1, 60))
def test_cumulative_starts_at_the_upfront_costs_and_never_falls(
    case: Case, volume: Decimal, growth: Decimal, horizon: int
) -> None:
    result = case.evaluate(volume, growth, horizon)
    points = result.cumulative
    assert [p.month for p in points] == list(range(horizon + 1))
    assert points[0].prompting_usd == result.prompting.upfront_usd
    assert points[0].finetune_usd == result.finetune.upfront_usd
    for before, after in itertools.pairwise(points):
        assert after.prompting_usd >= before.prompting_usd
        assert tuned(after) >= tuned(before)
    assert points[1].requests == volume
    assert (points[-1].prompting_usd, points[-1].finetune_usd) == (
        result.prompting_total_usd,
        result.finetune_total_usd,
    )


@FAST
@given(cases(), volumes, st.integers(1, 120))
def test_without_growth_the_horizon_total_is_upfront_plus_months_times_monthly(
    case: Case, volume: Decimal, horizon: int
) -> None:
    result = case.evaluate(volume, ZERO, horizon)
    for path, total in (
        (result.prompting, result.prompting_total_usd),
        (result.finetune, result.finetune_total_usd),
    ):
        # Equal but for the 28th significant digit of repeating decimals (retrains ÷ 12).
        assert total is not None
        assert close(total, path.known_upfront + horizon * path.monthly_usd, Decimal("1e-25"))


@FAST
@given(cases(), positive_volumes, growths)
def test_a_break_even_volume_breaks_even_in_that_many_months(
    case: Case, volume: Decimal, growth: Decimal
) -> None:
    result = case.evaluate(volume, growth)
    assert [v.within_months for v in result.break_even_volumes] == [6, 12, 24]
    for target in result.break_even_volumes:
        needed = target.requests_per_month
        if needed is None:
            continue
        assert needed >= 0
        assert target.requests_per_day is not None
        assert close(target.requests_per_day * 30, needed)
        again = case.evaluate(needed, growth)
        months = target.within_months
        at = again.cumulative[months]
        if needed == 0:
            # "At any volume": fine-tuning is no dearer by then even with no traffic.
            assert tuned(at) <= at.prompting_usd + Decimal("1e-9")
            continue
        # Solved, not scanned: at that volume the cumulative costs meet at exactly T months.
        assert abs(tuned(at) - at.prompting_usd) <= Decimal("1e-9") * max(
            Decimal(1), at.prompting_usd
        )
        # Once fine-tuning is ahead it stays ahead when the monthly saving never shrinks
        # (growth ≥ 0) or stays positive (its fixed costs are no higher); then the first
        # crossing is the one at T. Falling traffic with dearer fixed costs can cross twice.
        gap = again.finetune.known_upfront - again.prompting.known_upfront
        fixed_gap = again.prompting.fixed_monthly_usd - again.finetune.fixed_monthly_usd
        if gap > 0 and (growth >= 0 or fixed_gap >= 0):
            assert again.break_even_months is not None, again.break_even_note
            assert abs(again.break_even_months - months) < Decimal("1e-6")


@FAST
@given(cases(), positive_volumes, st.integers(1, 100).map(lambda n: Decimal(n) / 1000))
def test_growth_never_delays_break_even_when_each_request_saves_money(
    case: Case, volume: Decimal, growth: Decimal
) -> None:
    case = Case(**{**case.__dict__, "ft_fixed": case.pe_fixed, "retrains_per_year": ZERO})
    flat, growing = case.evaluate(volume), case.evaluate(volume, growth)
    assume(per_request_saving(flat) > 0)
    assert flat.finetune.fixed_monthly_usd == flat.prompting.fixed_monthly_usd
    assert later_or_same(flat.break_even_months, growing.break_even_months), (
        flat.break_even_note,
        growing.break_even_note,
    )


@FAST
@given(cases(), positive_volumes)
def test_a_monthly_bill_given_directly_is_kept_exactly(case: Case, volume: Decimal) -> None:
    """ "Our prompting bill is $1,500 a month" stays $1,500, at any volume."""
    inputs, book = case.inputs(volume)
    bill = Decimal(1_000)
    direct = inputs.model_copy(
        update={"prompting": PromptingPath(inference_monthly_usd=bill)}, deep=True
    )
    result = evaluate(direct, book.model_copy(update={"prompting": None}))
    assert result.prompting.monthly_items[0].usd == bill
    assert result.prompting.monthly_usd == bill


def test_growing_savings_pay_back_even_after_fifty_years() -> None:
    """A saving of $0.00000001 a month growing 0.1% a month does cover $0.01 in the end:
    break-even is a number of months, not "never", as it is without growth."""
    case = Case(
        instruction_tokens=0,
        example_tokens=0,
        user_tokens=1,
        output_tokens=0,
        pe_prices=TokenPrices(input_usd_per_mtok=Decimal("0.01"), output_usd_per_mtok=ZERO),
        ft_prices=TokenPrices(input_usd_per_mtok=ZERO, output_usd_per_mtok=ZERO),
        ft_instruction_tokens=0,
        pe_fixed=ZERO,
        pe_upfront=ZERO,
        ft_training=ZERO,
        ft_other_upfront=Decimal("0.01"),
        ft_fixed=ZERO,
        retrains_per_year=ZERO,
    )
    flat = case.evaluate(Decimal(1))
    growing = case.evaluate(Decimal(1), Decimal("0.001"))
    assert flat.break_even_months == Decimal(1_000_000)
    months = growing.break_even_months
    assert months is not None, growing.break_even_note
    assert 600 < months < 1_000_000
    # The month it ends in saves enough to close what is left of the gap.
    whole = int(months)
    rate, growth = Decimal("1e-8"), Decimal("1.001")

    def saved(n: int) -> Decimal:
        return rate * (growth**n - 1) / (growth - 1)

    assert saved(whole) < Decimal("0.01") <= saved(whole + 1)
