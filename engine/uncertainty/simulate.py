"""The seeded Monte Carlo over ranged answers, and the whole uncertainty answer for a profile.

`prepare` (in `setup`) checks the ranges against the inputs once; `simulate` draws the
samples and runs the fast path on each; `uncertainty` adds the percentiles, probabilities,
verdict shares and the tornado, as an `Uncertainty` model. Reproducible: the same seed
gives the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..result import CostResult
from .columns import Array, Num, head, values
from .fastpath import Parts, break_evens, parts_of, totals
from .model import Band, Uncertainty
from .percentiles import QUANTILES, rank, spread, spread_of
from .sampling import Stream
from .sensitivity import summary, thresholds, tornado
from .setup import Setup
from .setup import prepare as prepare  # the simulation's first step, where callers look

DEFAULT_SAMPLES = 10_000
MAX_SAMPLES = 10_000_000
"""About ten minutes of simulation: more is a typo, not a wish."""
DEFAULT_SEED = 0
DEFAULT_SHAPE = "pert"
BAND_SAMPLES = 1_000
"""Samples behind the chart's band (each needs every month)."""
CHUNK = 1 << 16
"""Samples simulated at a time (about 0.5 MB a column): memory does not grow past it."""
KEEP = 1 << 21
"""Up to this many samples, the percentiles come from every sample's figure kept in one
pass (3 × 8 bytes a sample: 48 MiB at most); past it, exact order statistics in passes."""

VerdictOf = Callable[[float, float, float | None], str]
"""(first-month requests, requests a day, break-even months or None) → the verdict."""


@dataclass(frozen=True)
class Chunk:
    """Samples start .. start + len − 1: each one's outcomes, and their costs as columns."""

    start: int
    break_even: Array
    """Months (NaN: never)."""
    prompting_total: Array
    finetune_total: Array
    first: Array
    days: Array
    parts: Parts[Num]
    """Each path's costs; a column where an input behind it is ranged, else a float."""


def streams(setup: Setup, seed: int, shape: str) -> dict[str, Stream]:
    """Each ranged answer's draws, from its dimension of the sequence: its place among the
    ranged answers in sorted order (so the order they are written in does not matter)."""
    out = {}
    for dimension, path in enumerate(sorted(setup.ranges)):
        low, likely, high, own = setup.ranges[path]
        out[path] = Stream(seed, path, dimension, low, likely, high, own or shape)
    return out


def _draws(setup: Setup, found: dict[str, Stream], start: int, stop: int) -> dict[str, Array]:
    import numpy as np

    out = {}
    for path, stream in found.items():
        column = stream.draws(start, stop)
        out[path] = np.rint(column) if path in setup.whole else column  # half to even: round()
    return out


def check_samples(samples: int) -> None:
    """Raises `InputError` (field `samples`) unless 1 ≤ `samples` ≤ `MAX_SAMPLES`."""
    if not 1 <= samples <= MAX_SAMPLES:
        raise InputError("samples", f"must be from 1 to {MAX_SAMPLES:,} (got {samples:,})")


def chunks(
    setup: Setup, *, samples: int, seed: int, shape: str, size: int | None = None
) -> Iterator[Chunk]:
    """The simulation, `size` (`CHUNK`) samples at a time: memory does not grow with
    `samples`. Raises `InputError` (field `samples`) unless 1 ≤ `samples` ≤ `MAX_SAMPLES`."""
    import numpy as np

    check_samples(samples)
    size = size or CHUNK
    found = streams(setup, seed, shape)
    structure = setup.structure
    for start in range(0, samples, size):
        stop = min(samples, start + size)
        count = stop - start
        v: dict[str, Num] = dict(setup.point)
        v.update(_draws(setup, found, start, stop))
        p = parts_of(v, structure)
        with np.errstate(all="ignore"):
            pe, ft = totals(p, structure, setup.horizon)
        yield Chunk(
            start=start,
            break_even=break_evens(p, structure, count),
            prompting_total=values(pe, count),
            finetune_total=values(ft, count),
            first=values(p.first, count),
            days=values(v["workload.days_per_month"], count),
            parts=p,
        )


@dataclass(frozen=True)
class Samples:
    """Per-sample outcomes (parallel lists), and the samples' costs as columns."""

    break_even: list[float | None]
    prompting_total: list[float]
    finetune_total: list[float]
    first: list[float]
    days: list[float]
    parts: Parts[Num]
    """Each path's costs; a column where an input behind it is ranged, else a float."""


def sample_values(setup: Setup, samples: int, seed: int, shape: str) -> dict[str, list[float]]:
    """Each ranged answer's draws (`streams`), all of them as lists."""
    return {
        k: x.tolist() for k, x in _draws(setup, streams(setup, seed, shape), 0, samples).items()
    }


def simulate(
    setup: Setup, *, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, shape: str = "pert"
) -> Samples:
    """Every sample's outcomes at once, as lists (for tests and small counts: `uncertainty`
    streams `chunks` instead and keeps only what its answers need).

    Raises `InputError` (field `samples`) unless 1 ≤ `samples` ≤ `MAX_SAMPLES`."""
    (run,) = chunks(setup, samples=samples, seed=seed, shape=shape, size=max(samples, 1))
    return Samples(
        break_even=[None if math.isnan(b) else b for b in run.break_even.tolist()],
        prompting_total=run.prompting_total.tolist(),
        finetune_total=run.finetune_total.tolist(),
        first=run.first.tolist(),
        days=run.days.tolist(),
        parts=run.parts,
    )


def band(setup: Setup, run: Samples, limit: int = BAND_SAMPLES) -> tuple[Band, ...]:
    """P10/P50/P90 of both cumulative curves at each month, from the first `limit` samples."""
    return _band(setup, run.parts, min(limit, len(run.break_even)))


def _band(setup: Setup, parts: Parts[Num], count: int) -> tuple[Band, ...]:
    import numpy as np

    chosen = Parts[Num](**{k: head(x, count) for k, x in vars(parts).items()})
    out = []
    for month in range(setup.horizon + 1):
        with np.errstate(all="ignore"):
            pe, ft = totals(chosen, setup.structure, month)
        out.append(
            Band(
                month=month,
                prompting=spread(values(pe, count), 2),
                finetune=spread(values(ft, count), 2),
            )
        )
    return tuple(out)


def _tally(counts: dict[str, int], verdict_of: VerdictOf, chunk: Chunk) -> None:
    """Add a chunk's verdicts to `counts` (by cell when `verdict_of` can: `verdicts.Cells`)."""
    daily = chunk.first / chunk.days
    by_cell = getattr(verdict_of, "count", None)
    if by_cell is not None:
        for verdict, k in by_cell(chunk.first, daily, chunk.break_even).items():
            counts[verdict] = counts.get(verdict, 0) + k
        return
    for first, day, months in zip(
        chunk.first.tolist(), daily.tolist(), chunk.break_even.tolist(), strict=True
    ):
        verdict = verdict_of(first, day, None if math.isnan(months) else months)
        counts[verdict] = counts.get(verdict, 0) + 1


def uncertainty(
    setup: Setup,
    result: CostResult,
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
    shape: str = DEFAULT_SHAPE,
    scenario: str | None = None,
    verdict_of: VerdictOf | None = None,
    point_verdict: str | None = None,
    with_band: bool = False,
    sensitivity: bool = True,
) -> Uncertainty:
    """The whole answer: percentiles, probabilities, verdict shares, tornado and thresholds
    (without `sensitivity`, no tornado nor thresholds: the wizard's live panel shows neither,
    and they cost as much as 10,000 samples).

    The samples stream through in chunks; what is kept is counts, the first chunk's costs
    (for the band) and the three figures' percentiles: exact, from every sample's figure up
    to `KEEP` samples, past it by `OrderStatistics` (more passes, memory bounded)."""
    import numpy as np

    check_samples(samples)
    horizon = setup.horizon
    n = samples
    retire = setup.structure.time.retire_month
    if retire is not None and retire < 0:
        retire = None  # retired before the assessment: a warning says so, no payback race
    paid = before = 0
    counts: dict[str, int] = {}
    ranks = [rank(q, n) for q in QUANTILES]
    keep = n <= KEEP
    kept = [np.empty(n if keep else 0) for _ in range(3)]
    from .order import OrderStatistics

    select = [OrderStatistics(n, ranks) for _ in range(3)]
    bands: tuple[Band, ...] = ()
    for chunk in chunks(setup, samples=samples, seed=seed, shape=shape):
        be = chunk.break_even
        with np.errstate(invalid="ignore"):
            paid += int(np.count_nonzero(be <= horizon))
            if retire is not None:
                before += int(np.count_nonzero(be <= retire))
        if verdict_of is not None:
            _tally(counts, verdict_of, chunk)
        if with_band and chunk.start == 0:
            bands = _band(setup, chunk.parts, min(BAND_SAMPLES, len(be)))
        figures = (
            np.where(np.isnan(be), math.inf, be),
            chunk.prompting_total,
            chunk.finetune_total,
        )
        for i, column in enumerate(figures):
            if keep:
                kept[i][chunk.start : chunk.start + len(column)] = column
            else:
                select[i].add(column)
    if keep:
        found = []
        for column in kept:
            column.partition(ranks)
            found.append([float(column[k]) for k in ranks])
        del kept
    else:
        for s in select:
            s.end_pass()
        while not all(s.done for s in select):  # another pass over the same samples
            for chunk in chunks(setup, samples=samples, seed=seed, shape=shape):
                be = np.where(np.isnan(chunk.break_even), math.inf, chunk.break_even)
                for s, column in zip(
                    select, (be, chunk.prompting_total, chunk.finetune_total), strict=True
                ):
                    s.add(column)
            for s in select:
                s.end_pass()
        found = [s.values() for s in select]
    verdicts: dict[str, float] = {}
    changes = None
    if verdict_of is not None:
        verdicts = {k: round(counts[k] / n, 4) for k in sorted(counts)}
        if point_verdict is not None:
            changes = round(1 - counts.get(point_verdict, 0) / n, 4)
    bars = tornado(setup) if sensitivity else ()
    flips = thresholds(setup, bars) if sensitivity else ()
    return Uncertainty(
        samples=n,
        seed=seed,
        shape=shape,
        scenario=scenario,
        ranged=(*setup.ranges, *setup.option_ranges),
        horizon_months=horizon,
        break_even_months=spread_of(found[0], 3),
        prompting_total=spread_of(found[1], 2),
        finetune_total=spread_of(found[2], 2),
        p_payback_within_horizon=round(paid / n, 4),
        retire_month=retire,
        p_payback_before_retirement=None if retire is None else round(before / n, 4),
        point_verdict=point_verdict,
        p_verdict_changes=changes,
        verdicts=verdicts,
        tornado=bars,
        thresholds=flips,
        summary=summary(setup, result, bars, flips, paid / n),
        band=bands,
    )
