"""The seeded Monte Carlo over ranged answers, and the whole uncertainty answer for a profile.

`prepare` checks the ranges against the inputs once; `simulate` draws the samples and runs
the fast path on each; `uncertainty` adds the percentiles, probabilities, verdict shares and
the tornado, as an `Uncertainty` model. Reproducible: the same seed gives the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InputError
from ..inputs import CostInputs
from ..pricebook import PriceBook
from ..ranges import NOT_RANGED as NOT_RANGED  # where the wizard's test reads it
from ..ranges import Range, range_problems
from ..result import CostResult
from .columns import Column, Num, head, values
from .fastpath import Parts, Structure, break_evens, parts_of, point_values, totals
from .model import Band, Spread, Uncertainty
from .sampling import DIMENSIONS, draws

DEFAULT_SAMPLES = 10_000
MAX_SAMPLES = 10_000_000
"""About ten minutes of simulation: more is a typo, not a wish."""
DEFAULT_SEED = 0
DEFAULT_SHAPE = "pert"
BAND_SAMPLES = 1_000
"""Samples behind the chart's band (each needs every month)."""

VerdictOf = Callable[[float, float, float | None], str]
"""(first-month requests, requests a day, break-even months or None) → the verdict."""


@dataclass(frozen=True)
class Setup:
    """Everything a simulation reads, checked once."""

    inputs: CostInputs
    book: PriceBook
    structure: Structure
    point: dict[str, float]
    ranges: dict[str, tuple[float, float, float, str | None]]
    """Dotted path → (low, likely, high, shape or None)."""
    whole: frozenset[str]
    """Ranged answers that are whole numbers (draws are rounded)."""
    horizon: int


def prepare(
    inputs: CostInputs, book: PriceBook, result: CostResult, ranges: Mapping[str, Range]
) -> Setup:
    """Check `ranges` against the inputs: every key a numeric answer the profile uses, every
    bound a value the answer itself may take (`engine.ranges.range_problems`, as on load).

    Raises `InputError` naming `ranges.<path>` in one line otherwise.
    """
    values = point_values(inputs, book)
    if len(ranges) > DIMENSIONS:
        raise InputError(
            "ranges", f"{len(ranges)} ranged answers; the simulation draws at most {DIMENSIONS}"
        )
    answers = {
        "workload": inputs.workload,
        "prompting": inputs.prompting,
        "fine_tuning": inputs.fine_tuning,
    }
    checked: dict[str, tuple[float, float, float, str | None]] = {}
    whole = set()
    for path, rng in ranges.items():
        field = f"ranges.{path}"
        problems = range_problems(path, rng, answers)
        if problems:
            which, problem = problems[0]
            raise InputError(f"{field}.{which}" if which else field, problem)
        quotes = {"prompting": book.prompting, "fine_tuning": book.fine_tuned}.get(
            path[: -len(".cached_prefix_share")]
        )
        if (
            path.endswith(".cached_prefix_share")
            and rng.high
            and (quotes is None or quotes.cached_input is None)
        ):
            raise InputError(
                f"{field}.high",
                "this model has no cached-input price: a share above 0 cannot be priced",
            )
        if path not in values:
            raise InputError(
                field,
                f"{path} is not a numeric answer this profile gives "
                "(give the answer a value first; a range is around it)",
            )
        low, likely, high = rng.around(Decimal(values[path]))
        if not low <= likely <= high:
            raise InputError(field, f"the answer {likely} is outside its range {low}..{high}")
        if isinstance(values[path], int):
            whole.add(path)
        checked[path] = (float(low), float(likely), float(high), rng.shape)
    return Setup(
        inputs=inputs,
        book=book,
        structure=Structure.of(inputs, book, result.finetune),
        point={k: float(v) for k, v in values.items()},
        ranges=checked,
        whole=frozenset(whole),
        horizon=inputs.workload.horizon_months,
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
    """Each ranged answer's draws, from its dimension of the sequence: its place among the
    ranged answers in sorted order (so the order they are written in does not matter)."""
    out = {}
    for dimension, path in enumerate(sorted(setup.ranges)):
        low, likely, high, own = setup.ranges[path]
        column = draws(seed, path, dimension, samples, low, likely, high, own or shape)
        if path in setup.whole:
            column = [float(round(x)) for x in column]
        out[path] = column
    return out


def simulate(
    setup: Setup, *, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED, shape: str = "pert"
) -> Samples:
    """Run the fast path on `samples` seeded draws, column by column: each ranged input is
    one list, every other input one float, and the formulas run once over the columns.

    Raises `InputError` (field `samples`) unless 1 ≤ `samples` ≤ `MAX_SAMPLES`."""
    if not 1 <= samples <= MAX_SAMPLES:
        raise InputError("samples", f"must be from 1 to {MAX_SAMPLES:,} (got {samples:,})")
    columns = sample_values(setup, samples, seed, shape)
    v: dict[str, Num] = dict(setup.point)
    v.update((name, Column(column)) for name, column in columns.items())
    structure = setup.structure
    p = parts_of(v, structure)
    pe, ft = totals(p, structure, setup.horizon)
    return Samples(
        break_even=break_evens(p, structure, samples),
        prompting_total=values(pe, samples),
        finetune_total=values(ft, samples),
        first=values(p.first, samples),
        days=values(v["workload.days_per_month"], samples),
        parts=p,
    )


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted `values` (inf for never)."""
    rank = max(1, math.ceil(q * len(values)))
    return values[rank - 1]


def spread(values: list[float | None], places: int) -> Spread:
    ordered = sorted(math.inf if v is None else v for v in values)

    def at(q: float) -> float | None:
        x = percentile(ordered, q)
        return None if math.isinf(x) else round(x, places)

    return Spread(p10=at(0.10), p50=at(0.50), p90=at(0.90))


def band(setup: Setup, run: Samples, limit: int = BAND_SAMPLES) -> tuple[Band, ...]:
    """P10/P50/P90 of both cumulative curves at each month, from the first `limit` samples."""
    chosen = Parts[Num](**{k: head(x, limit) for k, x in vars(run.parts).items()})
    count = min(limit, len(run.break_even))
    out = []
    for month in range(setup.horizon + 1):
        pe, ft = totals(chosen, setup.structure, month)
        out.append(
            Band(
                month=month,
                prompting=spread(list[float | None](values(pe, count)), 2),
                finetune=spread(list[float | None](values(ft, count)), 2),
            )
        )
    return tuple(out)


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
) -> Uncertainty:
    """The whole answer: percentiles, probabilities, verdict shares, tornado and thresholds."""
    from .sensitivity import summary, thresholds, tornado

    run = simulate(setup, samples=samples, seed=seed, shape=shape)
    horizon = setup.horizon
    n = len(run.break_even)
    paid = [b for b in run.break_even if b is not None and b <= horizon]
    retire = setup.structure.time.retire_month
    if retire is not None and retire < 0:
        retire = None  # retired before the assessment: a warning says so, no payback race
    before = None
    if retire is not None:
        before = sum(1 for b in run.break_even if b is not None and b <= retire) / n
    verdicts: dict[str, float] = {}
    changes = None
    if verdict_of is not None:
        counts: dict[str, int] = {}
        for first, days, months in zip(run.first, run.days, run.break_even, strict=True):
            verdict = verdict_of(first, first / days, months)
            counts[verdict] = counts.get(verdict, 0) + 1
        verdicts = {k: round(counts[k] / n, 4) for k in sorted(counts)}
        if point_verdict is not None:
            changes = round(1 - counts.get(point_verdict, 0) / n, 4)
    bars = tornado(setup)
    flips = thresholds(setup, bars)
    return Uncertainty(
        samples=n,
        seed=seed,
        shape=shape,
        scenario=scenario,
        ranged=tuple(setup.ranges),
        horizon_months=horizon,
        break_even_months=spread(run.break_even, 3),
        prompting_total=spread(list[float | None](run.prompting_total), 2),
        finetune_total=spread(list[float | None](run.finetune_total), 2),
        p_payback_within_horizon=round(len(paid) / n, 4),
        retire_month=retire,
        p_payback_before_retirement=None if before is None else round(before, 4),
        point_verdict=point_verdict,
        p_verdict_changes=changes,
        verdicts=verdicts,
        tornado=bars,
        thresholds=flips,
        summary=summary(setup, result, bars, flips, len(paid) / n),
        band=band(setup, run) if with_band else (),
    )
