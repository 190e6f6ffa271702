"""The simulation's float fast path and the exact Decimal engine agree sample by sample on
generated profiles that combine every time effect, serving kind and fixed cost, with ranges
on any rangeable answer; nothing non-finite comes out (issue 13, item 6)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import InputError
from engine.evaluate import evaluate
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.pricebook import GpuQuote, PriceBook, Quote, TokenQuotes, TrainingQuote
from engine.ranges import NOT_RANGED, Range, answer_limits, limit_problem
from engine.uncertainty.fastpath import Structure, break_even, parts, point_values
from engine.uncertainty.points import inputs_at
from engine.uncertainty.simulate import prepare, sample_values, simulate, uncertainty

ON = date(2026, 11, 22)
SAMPLES = 6
RETIREMENTS = [
    None,
    ON - timedelta(days=40),  # already retired: warns only
    ON + timedelta(days=18),  # within the first month (b = 0)
    date(2027, 5, 30),  # b = 6
    date(2028, 12, 25),  # b = 25, past short horizons
]


def _q(usd: Decimal) -> Quote:
    return Quote(usd=usd, unit="u", source="test", as_of="2026-11", confidence="given")


def dec(top: float, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.integers(0, int(top * 10**places)).map(lambda n: Decimal(n) / 10**places)


def _prices(draw: st.DrawFn, cached: bool) -> TokenPrices:
    inp = draw(dec(30))
    return TokenPrices(
        input_usd_per_mtok=inp,
        cached_input_usd_per_mtok=inp / 4 if cached else None,
        output_usd_per_mtok=draw(dec(60)),
    )


def _quotes(prices: TokenPrices) -> TokenQuotes:
    cached = prices.cached_input_usd_per_mtok
    return TokenQuotes(
        input=_q(prices.input_usd_per_mtok),
        cached_input=None if cached is None else _q(cached),
        output=_q(prices.output_usd_per_mtok),
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[CostInputs, PriceBook]:
    per_day = draw(st.booleans())
    volume = draw(dec(50_000, 0).filter(bool))
    workload = Workload(
        requests_per_day=volume if per_day else None,
        requests_per_month=None if per_day else volume * 30,
        instruction_tokens=draw(st.integers(0, 2_000)),
        example_tokens=draw(st.integers(0, 3_000)),
        rag_tokens=draw(st.integers(0, 3_000)),
        user_tokens=draw(st.integers(0, 1_000)),
        output_tokens=draw(st.integers(0, 1_000)),
        monthly_growth=draw(
            st.sampled_from(["0", "0.02", "0.05", "-0.03", "0.3", "1"]).map(Decimal)
        ),
        api_price_decline_per_year=draw(st.sampled_from(["0", "0.5", "0.8"]).map(Decimal)),
        horizon_months=draw(st.integers(1, 60)),
    )
    book: dict[str, object] = {}
    pe_kind = draw(st.sampled_from(["tokens", "per_request", "monthly"]))
    pe_cached = draw(st.booleans())
    pe_prices = _prices(draw, pe_cached)
    if pe_kind == "tokens":
        book["prompting"] = _quotes(pe_prices)
    prompting = PromptingPath(
        prices=pe_prices if pe_kind == "tokens" else None,
        cached_prefix_share=draw(dec(1)) if pe_kind == "tokens" and pe_cached else Decimal(0),
        cost_per_request_usd=draw(dec(0.1, 4)) if pe_kind == "per_request" else None,
        inference_monthly_usd=draw(dec(20_000)) if pe_kind == "monthly" else None,
        fixed_monthly_usd=draw(dec(200)),
        prompt_engineering_usd=draw(dec(5_000)),
    )
    serving_kind = draw(st.sampled_from(["per_token", "hourly", "gpu", "per_request", "monthly"]))
    ft_cached = draw(st.booleans())
    ft_prices = _prices(draw, ft_cached)
    serving: TokenServing | HourlyServing | GpuServing | None = None
    if serving_kind == "per_token":
        serving = TokenServing(kind="per_token", prices=ft_prices)
    elif serving_kind == "hourly":
        serving = HourlyServing(
            kind="base_plus_hourly",
            prices=ft_prices,
            usd_per_hour=draw(dec(5)),
            deployments=draw(st.integers(1, 3)),
            hours_per_month=draw(st.one_of(st.none(), dec(744, 0))),
        )
        book["hosting"] = _q(serving.usd_per_hour)  # type: ignore[arg-type]
    elif serving_kind == "gpu":
        serving = GpuServing(
            kind="self_hosted",
            usd_per_gpu_hour=draw(dec(5)),
            replicas=draw(st.integers(1, 3)),
            gpus_per_replica=draw(st.integers(1, 4)),
            hours_per_month=draw(st.one_of(st.none(), dec(744, 0))),
        )
        book["serving_gpu"] = GpuQuote(name="GPU", hour=_q(serving.usd_per_gpu_hour))  # type: ignore[arg-type]
    if serving_kind in ("per_token", "hourly"):
        book["fine_tuned"] = _quotes(ft_prices)
    training_kind = draw(st.sampled_from(["hosted", "gpu", "given", "upfront"]))
    training: HostedTraining | GpuTraining | None = None
    if training_kind == "hosted":
        training = HostedTraining(
            kind="hosted",
            examples=draw(st.integers(0, 5_000)),
            tokens_per_example=draw(st.integers(0, 2_000)),
            epochs=draw(st.integers(1, 5)),
            usd_per_mtok=draw(dec(30)),
            min_charge_usd=draw(st.one_of(st.none(), dec(100))),
        )
        floor = training.min_charge_usd
        book["training"] = TrainingQuote(
            per_mtok=_q(training.usd_per_mtok),  # type: ignore[arg-type]
            min_charge=None if floor is None else _q(floor),
        )
    elif training_kind == "gpu":
        training = GpuTraining(
            kind="gpu",
            hours=draw(dec(100).filter(bool)),
            usd_per_gpu_hour=draw(dec(5)),
            gpu_count=draw(st.integers(1, 8)),
        )
        book["training_gpu"] = GpuQuote(name="GPU", hour=_q(training.usd_per_gpu_hour))  # type: ignore[arg-type]
    upfront = training_kind == "upfront"
    redo_given = draw(st.booleans())
    retrain_given = draw(st.booleans()) or training_kind == "upfront"
    path = FineTuningPath(
        instruction_tokens=draw(st.one_of(st.none(), st.integers(0, 500))),
        output_tokens=draw(st.one_of(st.none(), st.integers(0, 500))),
        keeps_rag=draw(st.booleans()),
        cached_prefix_share=draw(dec(1)) if ft_cached and serving else Decimal(0),
        training=training,
        training_usd=draw(dec(20_000)) if training_kind == "given" else None,
        upfront_usd=draw(dec(40_000)) if upfront else None,
        serving=serving,
        serving_cost_per_request_usd=draw(dec(0.1, 4)) if serving_kind == "per_request" else None,
        serving_monthly_usd=draw(dec(20_000)) if serving_kind == "monthly" else None,
        data_collection_usd=Decimal(0) if upfront else draw(dec(5_000)),
        labelled_examples=0 if upfront else draw(st.integers(0, 5_000)),
        usd_per_label=draw(dec(2)),
        engineering_hours=Decimal(0) if upfront else draw(dec(200)),
        usd_per_engineering_hour=draw(dec(150)),
        maintenance_monthly_usd=draw(dec(1_000)),
        retrains_per_year=draw(st.sampled_from(["0", "2", "4"]).map(Decimal)),
        usd_per_retrain=draw(dec(5_000)) if retrain_given else None,
        hosting_monthly_usd=draw(dec(300)),
        retires_on=draw(st.sampled_from(RETIREMENTS)),
        at_retirement=draw(st.sampled_from(["ignore", "redo", "abandon"])),
        redo_usd=draw(dec(20_000)) if redo_given else None,
    )
    # kinds given explicitly, as a file gives them (`inputs_at` dumps what was set)
    inputs = CostInputs(assessed_on=ON, workload=workload, prompting=prompting, fine_tuning=path)
    return inputs, PriceBook.model_validate(book)


def _bound(path: str, value: Decimal, point: Decimal) -> Decimal:
    """`value`, or the answer itself when the answer could not take it."""
    return point if limit_problem(answer_limits(path), value) else value


@st.composite
def ranged(draw: st.DrawFn) -> tuple[CostInputs, PriceBook, dict[str, Range]]:
    inputs, book = draw(cases())
    point = point_values(inputs, book)
    rangeable = sorted(k for k in point if k not in NOT_RANGED)
    chosen = draw(st.lists(st.sampled_from(rangeable), unique=True, min_size=1, max_size=8))
    ranges = {}
    for path in chosen:
        at = Decimal(point[path])
        below = draw(st.sampled_from(["0", "0.1", "0.5", "1"]).map(Decimal))
        above = draw(st.sampled_from(["0", "0.1", "0.5", "1"]).map(Decimal))
        # a share, a rate or a growth moves by tenths; anything else by its own size (or 10)
        step = Decimal("0.1") if at <= 1 and "usd" not in path else max(abs(at), Decimal(10))
        low = _bound(path, at - below * step, at)
        high = _bound(path, at + above * step, at)
        ranges[path] = Range(low=low, high=high)
    # keep the ranges the profile could hold: one beside a cost it overrides (an item beside a
    # whole upfront_usd) or a cached share without a cached price is refused, tested elsewhere
    result = evaluate(inputs, book)
    kept = {}
    for path, rng in ranges.items():
        try:
            prepare(inputs, book, result, {path: rng})
        except InputError:
            continue
        kept[path] = rng
    return inputs, book, kept


def _close(fast: float | None, exact: Decimal | None) -> bool:
    if fast is None or exact is None:
        return fast is None and exact is None
    return math.isclose(fast, float(exact), rel_tol=1e-9, abs_tol=1e-6)


@settings(deadline=None, max_examples=200)
@given(ranged(), st.integers(0, 2**16))
def test_every_sample_is_the_exact_engines_figure(
    case: tuple[CostInputs, PriceBook, dict[str, Range]], seed: int
) -> None:
    inputs, book, ranges = case
    result = evaluate(inputs, book)
    setup = prepare(inputs, book, result, ranges)
    run = simulate(setup, samples=SAMPLES, seed=seed)
    columns = sample_values(setup, SAMPLES, seed, "pert")
    for i in range(SAMPLES):
        at = {k: Decimal(repr(column[i])) for k, column in columns.items()}
        at_inputs, at_book = inputs_at(inputs, book, at)
        exact = evaluate(at_inputs, at_book)
        where = (at, exact.break_even_note)
        assert _close(run.break_even[i], exact.break_even_months), (run.break_even[i], where)
        assert _close(run.prompting_total[i], exact.prompting_total_usd), where
        assert _close(run.finetune_total[i], exact.finetune_total_usd), where
    # the whole answer builds (its model refuses NaN and infinity) and says so in words
    u = uncertainty(setup, result, samples=SAMPLES, seed=seed, with_band=True)
    assert "nan" not in u.summary.lower().split() and "inf" not in u.summary.lower().split()
    figures = [run.prompting_total, run.finetune_total, [b for b in run.break_even if b]]
    assert all(math.isfinite(x) for column in figures for x in column)


def test_equal_bills_never_pay_back_in_floats_either() -> None:
    """Found by the test above: a monthly bill given directly is scaled per request in floats
    ($0.01 ÷ 30 requests × 30 requests), leaving a 1e-18 "saving" that paid back after
    hundreds of months where the Decimal engine sees equal bills and says never."""
    inputs = CostInputs(
        assessed_on=ON,
        workload=Workload(requests_per_day=Decimal(1)),
        prompting=PromptingPath(cost_per_request_usd=Decimal(0), fixed_monthly_usd=Decimal("0.01")),
        fine_tuning=FineTuningPath(
            training_usd=Decimal("0.01"), serving_monthly_usd=Decimal("0.01")
        ),
    )
    book = PriceBook()
    exact = evaluate(inputs, book)
    assert exact.monthly_saving_usd == 0 and exact.break_even_months is None
    s = Structure.of(inputs, book, exact.finetune)
    v = {k: float(x) for k, x in point_values(inputs, book).items()}
    assert break_even(parts(v, s), s) is None


def test_a_ranged_month_length_scales_a_monthly_bill_given_directly() -> None:
    """Found by the test above: days a month move a daily volume's first month, so a bill
    given for the month scales with them in the exact engine's sample as in the fast path."""
    inputs = CostInputs(
        assessed_on=ON,
        workload=Workload(requests_per_day=Decimal(1000)),
        prompting=PromptingPath(inference_monthly_usd=Decimal(3000)),
        fine_tuning=FineTuningPath(upfront_usd=Decimal(100), serving_monthly_usd=Decimal(600)),
    )
    at, _ = inputs_at(inputs, PriceBook(), {"workload.days_per_month": Decimal(27)})
    assert at.prompting.inference_monthly_usd == 3000 * Decimal(27) / 30
    assert at.fine_tuning.serving_monthly_usd == 600 * Decimal(27) / 30
