"""The simulation in chunks: the same answer as all at once, in bounded memory.

`uncertainty` streams `chunks` of samples and keeps only counts and, past `KEEP` samples,
exact order statistics found in passes (`engine.uncertainty.order`). Shrinking `CHUNK`,
`KEEP` and `LIMIT` here puts a few thousand samples through every path the millions take.
"""

from __future__ import annotations

import importlib
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example as known
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.uncertainty.order as order
from engine.catalog import load_catalog
from engine.rules import assess, facts_for
from engine.uncertainty.crossing import LAST_MONTH, crossing
from engine.uncertainty.crossings import crossings
from engine.uncertainty.order import OrderStatistics
from engine.uncertainty.sampling import Stream, draws
from engine.uncertainty.simulate import chunks, prepare, simulate, uncertainty
from engine.uncertainty.verdicts import verdict_function
from profiles.files import evaluate_profile, load_profile
from profiles.model import Profile

# the package exports the function `simulate` under the module's name
simulate_module = importlib.import_module("engine.uncertainty.simulate")
ROOT = Path(__file__).resolve().parents[1]
RANGES = ROOT / "profiles" / "examples" / "support-chatbot-ranges.toml"
SOME = settings(deadline=None, max_examples=60)


@pytest.fixture(scope="module")
def example() -> Profile:
    return load_profile(RANGES)


def _answer(profile: Profile, samples: int, seed: int):  # type: ignore[no-untyped-def]
    book, result = evaluate_profile(profile)
    inputs = profile.cost_inputs()
    catalog = load_catalog()
    rec = assess(profile.assessment(), inputs, result, book, catalog)
    facts = facts_for(inputs, result, book, catalog, profile.team.providers)
    setup = prepare(inputs, book, result, profile.ranges)
    return uncertainty(
        setup,
        result,
        samples=samples,
        seed=seed,
        verdict_of=verdict_function(profile.assessment(), facts),
        point_verdict=rec.verdict,
        with_band=True,
    )


@pytest.mark.parametrize("seed", [0, 3])
def test_streamed_in_passes_is_the_answer_kept_whole(
    example: Profile, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks of 1,000 and exact order statistics in passes (as past 2M samples) give the
    very answer of one chunk with every figure kept: percentiles, shares, verdicts, band."""
    whole = _answer(example, 5_000, seed)
    monkeypatch.setattr(simulate_module, "CHUNK", 1_000)
    monkeypatch.setattr(simulate_module, "KEEP", 100)
    monkeypatch.setattr(order, "LIMIT", 64)
    streamed = _answer(example, 5_000, seed)
    assert streamed == whole
    assert whole.break_even_months.p90 is None  # a tie of 'never's settled by passes too


def test_every_chunk_draws_the_numbers_of_the_whole_run(example: Profile) -> None:
    book, result = evaluate_profile(example)
    setup = prepare(example.cost_inputs(), book, result, example.ranges)
    whole = simulate(setup, samples=3_000, seed=4)
    parts = list(chunks(setup, samples=3_000, seed=4, shape="pert", size=700))
    assert [c.start for c in parts] == list(range(0, 3_000, 700))
    be = np.concatenate([c.break_even for c in parts])
    assert [None if math.isnan(b) else b for b in be.tolist()] == whole.break_even
    assert np.concatenate([c.finetune_total for c in parts]).tolist() == whole.finetune_total


@SOME
@given(
    seed=st.integers(0, 2**16),
    dimension=st.integers(0, 20),
    count=st.integers(1, 5_000),
    size=st.integers(1, 2_000),
    shape=st.sampled_from(["pert", "triangular"]),
)
def test_a_stream_in_any_slices_is_the_draws(
    seed: int, dimension: int, count: int, size: int, shape: str
) -> None:
    stream = Stream(seed, "f.x", dimension, 2.0, 3.0, 11.0, shape)
    sliced = [stream.draws(i, min(count, i + size)) for i in range(0, count, size)]
    assert np.concatenate(sliced).tolist() == draws(
        seed, "f.x", dimension, count, 2.0, 3.0, 11.0, shape
    )


values = st.one_of(
    st.floats(allow_nan=False, allow_infinity=True, width=64),
    st.sampled_from([0.0, 1.5, math.inf, -2.0]),  # ties
)


@SOME
@given(data=st.lists(values, min_size=1, max_size=400), qs=st.lists(st.floats(0, 1), min_size=1))
def test_order_statistics_in_passes_are_the_sorted_values(
    data: list[float], qs: list[float]
) -> None:
    n = len(data)
    ranks = [max(1, math.ceil(q * n)) - 1 for q in qs]
    old = order.LIMIT
    order.LIMIT = 3  # histogram passes even for a few values
    try:
        found = OrderStatistics(n, ranks)
        passes = 0
        while not found.done:
            for i in range(0, n, 37):
                found.add(np.array(data[i : i + 37]))
            found.end_pass()
            passes += 1
    finally:
        order.LIMIT = old
    ordered = sorted(data)
    assert found.values() == [ordered[r] for r in ranks]
    assert passes <= 5


finite = st.floats(-1e6, 1e6, allow_nan=False)


@settings(deadline=None, max_examples=300)
@given(
    F=finite,
    V=finite.filter(lambda v: v != 0),
    r=st.one_of(st.floats(0.5, 0.99999), st.floats(1.00001, 1.2)),
    target=st.floats(1e-3, 1e8),
)
@known(F=1.0, V=-2.2250738585e-313, r=1.125, target=1.0)  # a denormal V: ratio overflows
def test_crossings_in_arrays_are_the_scalar_search(
    F: float, V: float, r: float, target: float
) -> None:
    """Where the arrays settle a break-even (or 'never'), it is the scalar search's answer."""
    found, settled = crossings(*(np.array([x]) for x in (F, V, r, target)))
    if F + V <= 0:
        assert not settled[0]
        return
    scalar = crossing(F, V, r, target, 1, LAST_MONTH)
    if settled[0]:
        if scalar is None:
            assert math.isnan(found[0])
        else:
            assert math.isclose(float(found[0]), scalar, rel_tol=1e-12, abs_tol=1e-12)


def test_verdicts_counted_by_cell_are_the_verdicts_one_by_one(example: Profile) -> None:
    book, result = evaluate_profile(example)
    inputs = example.cost_inputs()
    catalog = load_catalog()
    facts = facts_for(inputs, result, book, catalog, example.team.providers)
    cells = verdict_function(example.assessment(), facts)
    setup = prepare(inputs, book, result, example.ranges)
    (chunk,) = chunks(setup, samples=2_000, seed=1, shape="pert", size=2_000)
    daily = chunk.first / chunk.days
    one: dict[str, int] = {}
    for x, d, m in zip(
        chunk.first.tolist(), daily.tolist(), chunk.break_even.tolist(), strict=True
    ):
        v = cells(x, d, None if math.isnan(m) else m)
        one[v] = one.get(v, 0) + 1
    assert cells.count(chunk.first, daily, chunk.break_even) == one
    assert len(one) > 1


def test_checking_ranges_does_not_import_numpy() -> None:
    """The wizard checks a ranged profile's ranges (`prepare`) on its UI thread at every key:
    numpy (150-250 ms to import) loads only when a simulation runs, in the panel's worker."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from profiles.files import evaluate_profile, load_profile\n"
        "from engine.uncertainty.simulate import prepare\n"
        f"profile = load_profile({str(RANGES)!r})\n"
        "book, result = evaluate_profile(profile)\n"
        "prepare(profile.cost_inputs(), book, result, profile.ranges)\n"
        "assert 'numpy' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
