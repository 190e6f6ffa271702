"""The simulation's draws (scrambled Sobol) and its break-even search, against first principles."""

from __future__ import annotations

import math
import statistics
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.uncertainty.crossing import _c, _s, crossing, searched
from engine.uncertainty.sampling import (
    BITS,
    DIMENSIONS,
    GRID,
    ROWS,
    SCALE,
    _pert_table,
    directions,
    draws,
    pert,
    sobol_points,
    uniforms,
)

SOME = settings(deadline=None, max_examples=300)


def test_direction_rows_are_well_formed() -> None:
    """Each row `s a m_1 … m_s`: m_k odd and below 2^k, a below 2^(s−1)."""
    for s, a, *m in ROWS:
        assert len(m) == s
        assert 0 <= a < 2 ** max(s - 1, 0)
        assert all(mk % 2 == 1 and mk < 2 ** (k + 1) for k, mk in enumerate(m))
    assert DIMENSIONS >= 40
    assert all(len(set(directions(d))) == BITS for d in (0, 1, DIMENSIONS - 1))


@pytest.mark.parametrize("dimension", [0, 1, 2, 7, DIMENSIONS - 1])
@pytest.mark.parametrize("seed", [0, 3])
def test_every_power_of_two_prefix_has_one_point_per_slice(seed: int, dimension: int) -> None:
    points = sobol_points(seed, "some.field", dimension, 1024)
    for k in range(11):
        slices = [x >> (BITS - k) for x in points[: 2**k]]
        assert sorted(slices) == list(range(2**k)), (k, dimension)


def test_pairs_of_dimensions_are_stratified_jointly() -> None:
    """Dimensions 0 and 1 form a (0, m, 2)-net: 2^m points put one in each 2^a × 2^(m−a)
    box, for every a (Latin hypercube sampling only stratifies each axis alone)."""
    m = 10
    xs = sobol_points(5, "a", 0, 2**m)
    ys = sobol_points(5, "b", 1, 2**m)
    for a in range(m + 1):
        boxes = {(x >> (BITS - a), y >> (BITS - (m - a))) for x, y in zip(xs, ys, strict=True)}
        assert len(boxes) == 2**m, a


def test_same_seed_same_points_other_seed_or_field_other_points() -> None:
    a = uniforms(1, "workload.requests_per_day", 2, 500)
    assert a == uniforms(1, "workload.requests_per_day", 2, 500)
    assert a != uniforms(2, "workload.requests_per_day", 2, 500)
    assert a != uniforms(1, "workload.requests_per_month", 2, 500)
    assert all(0.0 <= u < 1.0 for u in a)
    # a longer run starts with the shorter one
    assert uniforms(1, "workload.requests_per_day", 2, 2000)[:500] == a


def test_triangular_draws_follow_the_distribution() -> None:
    low, likely, high = 10.0, 14.0, 30.0
    xs = sorted(draws(4, "f", 3, 4096, low, likely, high, "triangular"))

    def cdf(x: float) -> float:
        if x <= likely:
            return (x - low) ** 2 / ((high - low) * (likely - low))
        return 1 - (high - x) ** 2 / ((high - low) * (high - likely))

    worst = max(abs(cdf(x) - (i + 0.5) / len(xs)) for i, x in enumerate(xs))
    assert worst < 2e-3  # a net puts the empirical CDF far closer than random draws (~1e-2)
    assert min(xs) >= low and max(xs) <= high


def test_pert_draws_have_the_pert_mean_and_stay_in_range() -> None:
    low, likely, high = 8000.0, 12000.0, 35000.0
    xs = draws(0, "fine_tuning.upfront_usd", 1, 8192, low, likely, high, "pert")
    assert statistics.fmean(xs) == pytest.approx((low + 4 * likely + high) / 6, rel=1e-3)
    assert min(xs) >= low and max(xs) <= high
    assert statistics.median(xs) < statistics.fmean(xs)  # skewed right, as this range is
    assert draws(0, "x", 0, 10, 5.0, 5.0, 5.0, "pert") == [5.0] * 10


@pytest.mark.parametrize(
    ("low", "likely", "high"), [(1.0, 2.0, 5.0), (0.0, 0.0, 1.0), (3.0, 9.0, 9.0), (0.5, 0.65, 0.8)]
)
def test_pert_cells_give_the_table_search_figure(low: float, likely: float, high: float) -> None:
    """The per-cell multiply-add is the same line as searching the tabulated inverse CDF."""
    span = high - low
    table = _pert_table(1 + 4 * (likely - low) / span, 1 + 4 * (high - likely) / span)
    points = [*sobol_points(9, "f", 4, 20000), 0, (1 << BITS) - 1]
    searched_ = [
        low
        + span
        / GRID
        * ((i := bisect_right(table.cdf, u) - 1) + (u - table.cdf[i]) * table.slope[i])
        for u in (x * SCALE for x in points)
    ]
    got = pert(points, low, likely, high)
    assert max(abs(a - b) for a, b in zip(got, searched_, strict=True)) < 1e-12 * span
    assert sum(o is not None for o in table.offset) > 0.8 * len(table.offset)


def _brute(F: float, V: float, r: float, target: float, lo: int, hi: int) -> float | None:
    """The first month m in [lo, hi] with s(m) > 0 and C(m) ≥ target, by looking at each."""
    for m in range(lo, hi + 1):
        if _s(F, V, r, m) > 0 and _c(F, V, r, m) >= target:
            return m - 1 + max(target - _c(F, V, r, m - 1), 0.0) / _s(F, V, r, m)
    return None


@SOME
@given(
    F=st.floats(-5_000, 5_000, allow_subnormal=False),
    V=st.floats(-5_000, 5_000, allow_subnormal=False),
    r=st.one_of(st.floats(0.01, 0.9999), st.floats(1.0001, 1.2), st.sampled_from([1.0, 0.5, 0.9])),
    target=st.floats(-1_000, 200_000, allow_subnormal=False),
    lo=st.integers(1, 30),
    span=st.integers(0, 300),
)
def test_break_even_search_finds_the_first_month_a_scan_finds(
    F: float, V: float, r: float, target: float, lo: int, span: int
) -> None:
    """The written-out path for falling prices and the general search both give exactly the
    month (and the figure) that scanning every month gives."""
    hi = lo + span
    expect = _brute(F, V, r, target, lo, hi)
    for found in (crossing(F, V, r, target, lo, hi), searched(F, V, r, target, lo, hi)):
        if expect is None:
            assert found is None
        else:
            assert found is not None and math.isclose(found, expect, rel_tol=1e-12), (
                found,
                expect,
            )
