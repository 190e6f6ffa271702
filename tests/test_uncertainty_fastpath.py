"""The simulation's plain-float fast path equals the exact Decimal engine at points."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.evaluate import evaluate
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    GpuServing,
    GpuTraining,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.pricebook import GpuQuote, PriceBook, Quote, TokenQuotes
from engine.uncertainty.fastpath import Structure, break_even, parts, point_values, totals

ON = date(2026, 11, 22)
FAST = settings(deadline=None, max_examples=150)


def _q(usd: Decimal) -> Quote:
    return Quote(usd=usd, unit="u", source="test", as_of="2026-11", confidence="given")


def dec(top: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.integers(0, top * 10**places).map(lambda n: Decimal(n) / 10**places)


def close(fast: float | None, exact: Decimal | None) -> bool:
    if exact is None or fast is None:
        return fast is None and exact is None
    e = float(exact)
    return math.isclose(fast, e, rel_tol=1e-9, abs_tol=1e-6)


@st.composite
def cases(draw: st.DrawFn) -> tuple[CostInputs, PriceBook]:
    pe_in, pe_out = draw(dec(30)), draw(dec(60))
    ft_in, ft_out = draw(dec(30)), draw(dec(60))
    gpu_serving = draw(st.booleans())
    workload = Workload(
        requests_per_day=draw(dec(50_000, 0).filter(bool)),
        instruction_tokens=draw(st.integers(0, 2_000)),
        example_tokens=draw(st.integers(0, 3_000)),
        rag_tokens=draw(st.integers(0, 3_000)),
        user_tokens=draw(st.integers(0, 1_000)),
        output_tokens=draw(st.integers(0, 1_000)),
        monthly_growth=draw(st.sampled_from([Decimal(0), Decimal("0.05"), Decimal("-0.03")])),
        api_price_decline_per_year=draw(
            st.sampled_from([Decimal(0), Decimal("0.5"), Decimal("0.8")])
        ),
        horizon_months=draw(st.integers(1, 60)),
    )
    serving = (
        GpuServing(usd_per_gpu_hour=draw(dec(5)), replicas=draw(st.integers(1, 3)))
        if gpu_serving
        else TokenServing(prices=TokenPrices(input_usd_per_mtok=ft_in, output_usd_per_mtok=ft_out))
    )
    path = FineTuningPath(
        training=GpuTraining(hours=draw(dec(100).filter(bool)), usd_per_gpu_hour=draw(dec(5))),
        serving=serving,
        engineering_hours=draw(dec(200)),
        usd_per_engineering_hour=draw(dec(150)),
        maintenance_monthly_usd=draw(dec(500)),
        retrains_per_year=draw(st.sampled_from([Decimal(0), Decimal(2), Decimal(4)])),
        retires_on=draw(st.sampled_from([None, date(2027, 6, 1), date(2028, 3, 1)])),
        at_retirement=draw(st.sampled_from(["ignore", "redo", "abandon"])),
    )
    inputs = CostInputs(
        assessed_on=ON,
        workload=workload,
        prompting=PromptingPath(
            prices=TokenPrices(input_usd_per_mtok=pe_in, output_usd_per_mtok=pe_out),
            fixed_monthly_usd=draw(dec(200)),
        ),
        fine_tuning=path,
    )
    gpu = GpuQuote(name="GPU", hour=_q(path.training.usd_per_gpu_hour))  # type: ignore[union-attr, arg-type]
    book = PriceBook(
        prompting=TokenQuotes(input=_q(pe_in), output=_q(pe_out)),
        fine_tuned=None if gpu_serving else TokenQuotes(input=_q(ft_in), output=_q(ft_out)),
        training_gpu=gpu,
        serving_gpu=GpuQuote(name="GPU", hour=_q(serving.usd_per_gpu_hour))  # type: ignore[union-attr, arg-type]
        if gpu_serving
        else None,
    )
    return inputs, book


@FAST
@given(cases())
def test_fast_path_equals_the_exact_engine(case: tuple[CostInputs, PriceBook]) -> None:
    inputs, book = case
    exact = evaluate(inputs, book)
    s = Structure.of(inputs, book, exact.finetune)
    v = {k: float(x) for k, x in point_values(inputs, book).items()}
    p = parts(v, s)
    assert close(p.ft_up, exact.finetune.upfront_usd)
    assert close(p.pe_fixed + p.pe_var * p.first, exact.prompting.monthly_usd)
    assert close(p.ft_fixed + p.ft_var * p.first, exact.finetune.monthly_usd)
    pe, ft = totals(p, s, inputs.workload.horizon_months)
    assert close(pe, exact.prompting_total_usd)
    assert close(ft, exact.finetune_total_usd)
    assert close(break_even(p, s), exact.break_even_months), (
        break_even(p, s),
        exact.break_even_months,
        exact.break_even_note,
    )
