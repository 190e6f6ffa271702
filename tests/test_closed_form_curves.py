"""The closed-form curves (`engine.breakeven.Curves`) against the month-by-month walk
(`engine.breakeven.cumulative`): equal wherever the walk is exact, and otherwise within the
rounding the class documents."""

from __future__ import annotations

from decimal import Decimal, Inexact, getcontext, localcontext

from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine.breakeven import Curves, Timeline, cumulative, monthly_price_factor
from engine.inputs import Workload
from engine.result import MonthPoint, PathCosts

SETTINGS = settings(deadline=None, max_examples=150)


def amounts(top: int, places: int) -> st.SearchStrategy[Decimal]:
    scale = 10**places
    return st.integers(0, top * scale).map(lambda n: Decimal(n) / scale)


def _path(upfront: Decimal, fixed: Decimal, per_request: Decimal, first: Decimal) -> PathCosts:
    return PathCosts.model_construct(
        monthly_usd=fixed + per_request * first,
        monthly_items=(),
        upfront_usd=upfront,
        upfront_items=(),
        per_request_usd=None,
        variable_per_request_usd=per_request,
        fixed_monthly_usd=fixed,
        missing=(),
        given="",
    )


@st.composite
def cases(draw: st.DrawFn, *, plain: bool) -> tuple[Workload, PathCosts, PathCosts, Timeline]:
    first = draw(st.integers(1, 10**7).map(Decimal))
    horizon = draw(st.integers(1, 600))
    if plain:
        growth, time = Decimal(0), Timeline()
    else:
        growth = draw(st.integers(-500, 1000).map(lambda n: Decimal(n) / 1000))
        decline = draw(st.integers(0, 99).map(lambda n: Decimal(n) / 100))
        retire = draw(st.none() | st.integers(0, 700))
        time = Timeline(
            price_factor=monthly_price_factor(decline),
            retire_month=retire,
            at_retirement=draw(st.sampled_from(["ignore", "redo", "abandon"])),
            redo_usd=draw(amounts(50_000, 2)),
        )
    workload = Workload(requests_per_month=first, monthly_growth=growth, horizon_months=horizon)
    pe = _path(draw(amounts(10_000, 2)), draw(amounts(5_000, 2)), draw(amounts(1, 6)), first)
    ft = _path(draw(amounts(90_000, 2)), draw(amounts(5_000, 2)), draw(amounts(1, 6)), first)
    return workload, pe, ft, time


def _walk(
    workload: Workload, pe: PathCosts, ft: PathCosts, time: Timeline
) -> tuple[tuple[MonthPoint, ...], bool]:
    """The walk's points, and whether it rounded anything on the way."""
    with localcontext() as ctx:
        ctx.clear_flags()
        points = cumulative(workload, pe, ft, time)
        return points, bool(ctx.flags[Inexact])


def _bound(workload: Workload, pe: PathCosts, ft: PathCosts, time: Timeline, m: int) -> Decimal:
    """(3m + 3) × 10^(1 − precision) × the magnitudes summed up to month m."""
    first = float(workload.monthly_requests)
    q = float((1 + workload.monthly_growth) * time.price_factor)
    priced = sum(first * q**k for k in range(m))
    scale = abs(float(pe.known_upfront)) + abs(float(ft.known_upfront)) + float(time.redo_usd)
    for p in (pe, ft):
        scale += m * float(p.monthly_usd) + float(p.variable_per_request_usd) * (priced + m * first)
    return Decimal(3 * m + 3) * Decimal(10) ** (1 - getcontext().prec) * Decimal(scale)


@SETTINGS
@given(cases(plain=True))
def test_without_growth_or_decline_the_closed_form_equals_the_walk(case) -> None:  # type: ignore[no-untyped-def]
    workload, pe, ft, time = case
    walked, rounded = _walk(workload, pe, ft, time)
    assert not rounded  # amounts of a few places stay exact over 600 months
    curves = Curves(workload, pe, ft, time)
    assert curves.points == walked
    assert curves.at(workload.horizon_months) == walked[-1]


@SETTINGS
@given(cases(plain=False))
@example(
    (
        Workload(requests_per_month=1000, monthly_growth=Decimal("0.5"), horizon_months=20),
        _path(Decimal(100), Decimal(10), Decimal("0.01"), Decimal(1000)),
        _path(Decimal(5000), Decimal(1), Decimal("0.002"), Decimal(1000)),
        Timeline(retire_month=12, at_retirement="redo", redo_usd=Decimal(700)),
    )
)
def test_with_growth_decline_and_retirement_the_closed_form_is_within_the_walks_rounding(  # type: ignore[no-untyped-def]
    case,
) -> None:
    workload, pe, ft, time = case
    walked, rounded = _walk(workload, pe, ft, time)
    curves = Curves(workload, pe, ft, time)
    for m in sorted({1, workload.horizon_months // 2 or 1, workload.horizon_months}):
        closed, walk = curves.at(m), walked[m]
        if not rounded:
            assert closed == walk
            continue
        bound = _bound(workload, pe, ft, time, m)
        assert closed.finetune_usd is not None and walk.finetune_usd is not None
        assert abs(closed.prompting_usd - walk.prompting_usd) <= bound
        assert abs(closed.finetune_usd - walk.finetune_usd) <= bound
        assert abs(closed.requests - walk.requests) <= Decimal(m) * abs(walk.requests) * (
            Decimal(10) ** (1 - getcontext().prec)
        )


def test_the_horizon_total_costs_the_same_at_any_horizon() -> None:
    """One point is a handful of operations whatever the month (no walk up to it)."""
    workload = Workload(requests_per_month=50_000, monthly_growth=Decimal("0.03"))
    pe = _path(Decimal(0), Decimal(0), Decimal("0.04"), Decimal(50_000))
    ft = _path(Decimal(12_000), Decimal(250), Decimal("0.005"), Decimal(50_000))
    curves = Curves(workload, pe, ft, Timeline(price_factor=monthly_price_factor(Decimal("0.5"))))
    assert "points" not in vars(curves)  # nothing built until the curve is read
    curves.at(600)
    assert "points" not in vars(curves)
    assert len(curves.points) == 25
