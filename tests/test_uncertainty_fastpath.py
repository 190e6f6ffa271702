"""The simulation's plain-float fast path equals the exact Decimal engine at points."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.evaluate import evaluate
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    GpuServing,
    GpuTraining,
    HourlyTraining,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.pricebook import GpuQuote, PriceBook, Quote, TokenQuotes
from engine.uncertainty.columns import Column, Num, values
from engine.uncertainty.fastpath import (
    Structure,
    break_even,
    break_evens,
    parts,
    parts_of,
    point_values,
    totals,
)

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
def caching(draw: st.DrawFn, inp: Decimal) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """A cached share with cache read and write prices: none, reads only, or reads and writes
    (as resolved: a share of 0 keeps neither price)."""
    kind = draw(st.sampled_from(["none", "read", "write"]))
    share = draw(dec(1)) if kind != "none" else Decimal(0)
    if not share:
        return share, None, None
    read = inp / 10
    return share, read, inp * Decimal("1.25") if kind == "write" else None


@st.composite
def cases(draw: st.DrawFn) -> tuple[CostInputs, PriceBook]:
    pe_in, pe_out = draw(dec(30)), draw(dec(60))
    ft_in, ft_out = draw(dec(30)), draw(dec(60))
    pe_share, pe_read, pe_write = draw(caching(pe_in))
    ft_share, ft_read, ft_write = draw(caching(ft_in))
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
        else TokenServing(
            prices=TokenPrices(
                input_usd_per_mtok=ft_in,
                cached_input_usd_per_mtok=ft_read,
                cache_write_usd_per_mtok=ft_write,
                output_usd_per_mtok=ft_out,
            )
        )
    )
    hourly = draw(st.booleans())
    grader = TokenPrices(input_usd_per_mtok=draw(dec(10)), output_usd_per_mtok=draw(dec(40)))
    training = (
        HourlyTraining(
            hours=draw(dec(50).filter(bool)),
            usd_per_hour=draw(dec(100)),
            grader_prices=grader,
            grader_input_tokens=draw(st.integers(0, 50_000_000)),
            grader_output_tokens=draw(st.integers(0, 5_000_000)),
        )
        if hourly
        else GpuTraining(hours=draw(dec(100).filter(bool)), usd_per_gpu_hour=draw(dec(5)))
    )
    path = FineTuningPath(
        training=training,
        serving=serving,
        cached_prefix_share=Decimal(0) if gpu_serving else ft_share,
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
            prices=TokenPrices(
                input_usd_per_mtok=pe_in,
                cached_input_usd_per_mtok=pe_read,
                cache_write_usd_per_mtok=pe_write,
                output_usd_per_mtok=pe_out,
            ),
            cached_prefix_share=pe_share,
            fixed_monthly_usd=draw(dec(200)),
        ),
        fine_tuning=path,
    )
    book = PriceBook(
        prompting=TokenQuotes(
            input=_q(pe_in),
            cached_input=None if pe_read is None else _q(pe_read),
            cache_write=None if pe_write is None else _q(pe_write),
            output=_q(pe_out),
        ),
        fine_tuned=None
        if gpu_serving
        else TokenQuotes(
            input=_q(ft_in),
            cached_input=None if ft_read is None else _q(ft_read),
            cache_write=None if ft_write is None else _q(ft_write),
            output=_q(ft_out),
        ),
        training_gpu=None
        if isinstance(training, HourlyTraining)
        else GpuQuote(name="GPU", hour=_q(training.usd_per_gpu_hour)),  # type: ignore[arg-type]
        training_hour=_q(training.usd_per_hour)  # type: ignore[arg-type]
        if isinstance(training, HourlyTraining)
        else None,
        grader=TokenQuotes(
            input=_q(grader.input_usd_per_mtok), output=_q(grader.output_usd_per_mtok)
        )
        if isinstance(training, HourlyTraining)
        else None,
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


@FAST
@given(cases(), st.data())
def test_columns_give_each_samples_scalar_figures(
    case: tuple[CostInputs, PriceBook], data: st.DataObject
) -> None:
    """Every sample at once (ranged inputs as columns) gives, sample by sample, the figures
    the scalar fast path gives at that sample's values, whatever the structure."""
    inputs, book = case
    s = Structure.of(inputs, book, evaluate(inputs, book).finetune)
    point = {k: float(x) for k, x in point_values(inputs, book).items()}
    rangeable = sorted(k for k in point if k != "workload.horizon_months")
    names = data.draw(st.lists(st.sampled_from(rangeable), unique=True, max_size=6))
    n = 6
    cols: dict[str, list[float]] = {}
    for name in names:
        factors = data.draw(st.lists(st.floats(0.5, 1.5), min_size=n, max_size=n))
        top = 0.95 if name.endswith(("_share", "decline_per_year")) else math.inf
        cols[name] = [min(point[name] * f, top) for f in factors]
    v: dict[str, Num] = dict(point)
    v.update((k, Column(c)) for k, c in cols.items())
    p = parts_of(v, s)
    horizon = inputs.workload.horizon_months
    pe, ft = totals(p, s, horizon)
    months = break_evens(p, s, n)
    for i in range(n):
        at = dict(point)
        at.update({k: c[i] for k, c in cols.items()})
        one = parts(at, s)
        one_pe, one_ft = totals(one, s, horizon)
        assert _ulps(float(values(pe, n)[i]), one_pe)
        assert _ulps(float(values(ft, n)[i]), one_ft)
        scalar = break_even(one, s)
        assert (scalar is None) == math.isnan(months[i]), (months[i], scalar)
        assert scalar is None or _ulps(float(months[i]), scalar), (months[i], scalar)


def _ulps(column: float, scalar: float) -> bool:
    """Equal but for numpy's `**` and `log`, which may differ from the C library's in the
    last place (its own vectorised versions on some CPUs): at most 1e-12 relative."""
    return column == scalar or math.isclose(column, scalar, rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.parametrize("per_day", ["12000", "19400", "19600"])
def test_a_break_even_a_million_months_out_is_found_as_far_as_the_engine_looks(
    per_day: str,
) -> None:
    """Shrinking volume (−3% a month) with fine-tuned requests dearer: the saving turns
    positive only when volume has all but gone, and pays back after ~10^6 months. The Decimal
    engine stops looking after 1,228,800 months; so does the fast path (found by hypothesis:
    the fast path used to look further and find 1,591,318 months where the engine says never)."""
    inputs = CostInputs(
        assessed_on=ON,
        workload=Workload(
            requests_per_day=Decimal(per_day),
            instruction_tokens=475,
            example_tokens=3000,
            user_tokens=215,
            output_tokens=0,
            monthly_growth=Decimal("-0.03"),
            horizon_months=1,
        ),
        prompting=PromptingPath(
            prices=TokenPrices(input_usd_per_mtok=Decimal(0), output_usd_per_mtok=Decimal(0)),
            fixed_monthly_usd=Decimal("0.02"),
        ),
        fine_tuning=FineTuningPath(
            training=GpuTraining(hours=Decimal("0.01"), usd_per_gpu_hour=Decimal(0)),
            serving=TokenServing(
                prices=TokenPrices(
                    input_usd_per_mtok=Decimal("1.83"), output_usd_per_mtok=Decimal(0)
                )
            ),
        ),
    )
    book = PriceBook(
        prompting=TokenQuotes(input=_q(Decimal(0)), output=_q(Decimal(0))),
        fine_tuned=TokenQuotes(input=_q(Decimal("1.83")), output=_q(Decimal(0))),
        training_gpu=GpuQuote(name="GPU", hour=_q(Decimal(0))),
    )
    exact = evaluate(inputs, book)
    s = Structure.of(inputs, book, exact.finetune)
    fast = break_even(parts({k: float(x) for k, x in point_values(inputs, book).items()}, s), s)
    assert close(fast, exact.break_even_months)
    assert (fast is None) == (per_day == "19600")
