"""The cost model in plain floats, for the simulation's thousands of samples.

`engine.evaluate` is exact (Decimal, pydantic, line items with formulas) and takes ~165 µs; a
sample needs only a handful of numbers: each path's upfront cost, fixed monthly cost and cost
per request, then break-even (closed form without growth or falling prices; otherwise the
first month whose cumulative saving covers the gap, found by search on the monotone pieces of
the monthly saving) and the totals at the horizon (geometric sums). The formulas mirror
`engine.costs` and `engine.breakeven` line for line; `tests/test_uncertainty_fastpath.py`
proves the two agree within 1e-9 relative at generated points.

`parts_of` and `totals` run on one sample's floats or on every sample at once (`columns`:
an input that is ranged is a column, one that is not stays one float, so nothing that does
not vary is computed per sample). Break-even is found per sample (`break_evens`): in closed
form when nothing changes over time, else by the month search, in arrays where it settles
(`crossings`) and one sample at a time for the rest (`crossing`).

A monthly bill given directly (`inference_monthly_usd`, `serving_monthly_usd`) is the bill at
the profile's own volume: when the volume is sampled, the bill scales with it (the cost per
request stays the profile's).

Over 300 lines: it is one mirror of `engine.costs` and `engine.breakeven` (a profile's fixed
shape `Structure`, a sample's `Parts`, break-even and totals all read the same two), held
against the engine as one by its test; the month searches, which stand alone, are `crossing`
and `crossings`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar, cast

from ..breakeven import Timeline, timeline
from ..inputs import (
    CostInputs,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    HourlyTraining,
)
from ..pricebook import PriceBook
from ..ranges import PRICE_PATHS
from ..result import PathCosts
from .columns import Array, Num, geo, is_column, larger, monthly_factor, values
from .crossing import months
from .crossings import crossings

M = 1_000_000.0


def _flatten(data: Any, prefix: str, out: dict[str, Decimal | int]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}{key}.", out)
    elif isinstance(data, bool) or data is None:
        return
    elif isinstance(data, int | Decimal):
        out[prefix[:-1]] = data


def _book_price(book: PriceBook, where: tuple[str, ...]) -> Decimal | None:
    node: Any = book
    for name in where:
        node = getattr(node, name, None)
        if node is None:
            return None
    usd = getattr(node, "usd", None)
    return usd if isinstance(usd, Decimal) else None


def point_values(inputs: CostInputs, book: PriceBook) -> dict[str, Decimal | int]:
    """Every numeric answer by dotted path (`workload.requests_per_day`), prices from the book."""
    out: dict[str, Decimal | int] = {}
    _flatten(inputs.model_dump(exclude={"assessed_on"}), "", out)
    for path, where in PRICE_PATHS.items():
        price = _book_price(book, where)
        if price is not None:
            out[path] = price
    return out


@dataclass(frozen=True)
class Structure:
    """What the inputs choose (not numbers): which formulas apply."""

    per_month_given: bool
    pe_source: str
    """`monthly`, `per_request` or `tokens`."""
    pe_cached: bool
    pe_write: bool
    """The uncached prefix is billed at a cache-write price (`engine.ledger.token_items`)."""
    upfront_given: bool
    training: str
    """`given`, `hosted`, `gpu`, `hourly` or `none`."""
    grader: bool
    """Hourly training's grader tokens are priced (a grader's prices are in the book)."""
    min_charge: bool
    serving: str
    """`monthly`, `per_request`, `tokens`, `hourly` or `gpu`."""
    ft_cached: bool
    ft_write: bool
    keeps_rag: bool
    ft_instructions: bool
    ft_output: bool
    serving_hours: bool
    retrain_given: bool
    redo_given: bool
    time: Timeline
    point_first: float
    """The profile's own first-month volume (monthly bills given directly are at it)."""

    @classmethod
    def of(cls, inputs: CostInputs, book: PriceBook, ft: PathCosts) -> Structure:
        p, f, w = inputs.prompting, inputs.fine_tuning, inputs.workload
        pe_source = (
            "monthly"
            if p.inference_monthly_usd is not None
            else "per_request"
            if p.cost_per_request_usd is not None
            else "tokens"
        )
        training = (
            "given"
            if f.training_usd is not None
            else "hosted"
            if isinstance(f.training, HostedTraining)
            else "gpu"
            if isinstance(f.training, GpuTraining)
            else "hourly"
            if isinstance(f.training, HourlyTraining)
            else "none"
        )
        serving = (
            "monthly"
            if f.serving_monthly_usd is not None
            else "per_request"
            if f.serving_cost_per_request_usd is not None
            else "gpu"
            if isinstance(f.serving, GpuServing)
            else "hourly"
            if isinstance(f.serving, HourlyServing)
            else "tokens"
        )
        hours = getattr(f.serving, "hours_per_month", None)
        return cls(
            per_month_given=w.requests_per_month is not None,
            pe_source=pe_source,
            # by the price, not the point: a ranged share may be 0 at the point only
            pe_cached=book.prompting is not None and book.prompting.cached_input is not None,
            pe_write=book.prompting is not None and book.prompting.cache_write is not None,
            upfront_given=f.upfront_usd is not None,
            training=training,
            min_charge=book.training is not None and book.training.min_charge is not None,
            grader=book.grader is not None,
            serving=serving,
            ft_cached=book.fine_tuned is not None and book.fine_tuned.cached_input is not None,
            ft_write=book.fine_tuned is not None and book.fine_tuned.cache_write is not None,
            keeps_rag=f.keeps_rag,
            ft_instructions=f.instruction_tokens is not None,
            ft_output=f.output_tokens is not None,
            serving_hours=hours is not None,
            retrain_given=f.usd_per_retrain is not None,
            redo_given=f.redo_usd is not None,
            time=timeline(inputs, book, ft),
            point_first=float(w.monthly_requests),
        )


T = TypeVar("T", float, Num)


@dataclass(frozen=True)
class Parts(Generic[T]):
    """The costs of one sample (floats) or of every sample (`Num`: columns where ranged): what
    each path costs up front, fixed a month and per request."""

    first: T
    growth: T
    factor: T
    pe_up: T
    pe_fixed: T
    pe_var: T
    ft_up: T
    ft_fixed: T
    ft_var: T
    redo: T


def _write_price(share: Num, write: Num, input_price: Num) -> Num:
    """The price of the uncached prefix when the provider prices cache writes: the write
    price, but the input price at a share of 0 (no caching, nothing written), as in
    `engine.ledger.token_items`."""
    if is_column(share) or is_column(write) or is_column(input_price):
        import numpy as np

        return np.where(np.asarray(share) > 0, write, input_price)
    return write if share > 0 else input_price


def _tokens(
    prefix: Num,
    rest: Num,
    out: Num,
    share: Num | None,
    write: bool,
    v: Mapping[str, Num],
    p: str,
) -> Num:
    if share is None:
        cost = (prefix + rest) * v[f"{p}.input_usd_per_mtok"] / M
    elif write:
        cached = prefix * share
        price = _write_price(
            share, v[f"{p}.cache_write_usd_per_mtok"], v[f"{p}.input_usd_per_mtok"]
        )
        cost = rest * v[f"{p}.input_usd_per_mtok"] / M
        cost += (prefix - cached) * price / M
        cost += cached * v[f"{p}.cached_input_usd_per_mtok"] / M
    else:
        cached = prefix * share
        cost = (prefix - cached + rest) * v[f"{p}.input_usd_per_mtok"] / M
        cost += cached * v[f"{p}.cached_input_usd_per_mtok"] / M
    return cost + out * v[f"{p}.output_usd_per_mtok"] / M


def parts(v: Mapping[str, float], s: Structure) -> Parts[float]:
    """One sample's costs from its values (`point_values` with the sampled ones replaced)."""
    return cast(Parts[float], parts_of(v, s))  # floats in, floats out (no array anywhere)


def parts_of(v: Mapping[str, Num], s: Structure) -> Parts[Num]:
    """The costs from values that are floats or columns (every sample at once)."""
    days = v["workload.days_per_month"]
    first = (
        v["workload.requests_per_month"]
        if s.per_month_given
        else v["workload.requests_per_day"] * days
    )
    instr, examples = v["workload.instruction_tokens"], v["workload.example_tokens"]
    rag, user, output = (
        v["workload.rag_tokens"],
        v["workload.user_tokens"],
        v["workload.output_tokens"],
    )
    pe_var: Num
    if s.pe_source == "monthly":
        pe_var = v["prompting.inference_monthly_usd"] / s.point_first
    elif s.pe_source == "per_request":
        pe_var = v["prompting.cost_per_request_usd"]
    else:
        share = v["prompting.cached_prefix_share"] if s.pe_cached else None
        pe_var = _tokens(
            instr + examples, rag + user, output, share, s.pe_write, v, "prompting.prices"
        )
    training: Num = 0.0
    if s.upfront_given:
        ft_up = v["fine_tuning.upfront_usd"]
    else:
        if s.training == "given":
            training = v["fine_tuning.training_usd"]
        elif s.training == "hosted":
            count = (
                v["fine_tuning.training.examples"]
                * v["fine_tuning.training.tokens_per_example"]
                * v["fine_tuning.training.epochs"]
            )
            training = count * v["fine_tuning.training.usd_per_mtok"] / M
            if s.min_charge:
                training = larger(training, v["fine_tuning.training.min_charge_usd"])
        elif s.training == "gpu":
            training = (
                v["fine_tuning.training.gpu_count"]
                * v["fine_tuning.training.hours"]
                * v["fine_tuning.training.usd_per_gpu_hour"]
            )
        elif s.training == "hourly":
            training = v["fine_tuning.training.hours"] * v["fine_tuning.training.usd_per_hour"]
            if s.grader:
                g = "fine_tuning.training.grader"
                training += (
                    v[f"{g}_input_tokens"] * v[f"{g}_prices.input_usd_per_mtok"]
                    + v[f"{g}_output_tokens"] * v[f"{g}_prices.output_usd_per_mtok"]
                ) / M
        ft_up = (
            training
            + v["fine_tuning.data_collection_usd"]
            # An absent rate is simulated only with no hours or labels (an unknown is never run).
            + v["fine_tuning.labelled_examples"] * v.get("fine_tuning.usd_per_label", 0.0)
            + v["fine_tuning.engineering_hours"]
            * v.get("fine_tuning.usd_per_engineering_hour", 0.0)
            + v["fine_tuning.integration_usd"]
            + v["fine_tuning.change_management_usd"]
        )
    ft_fixed: Num = 0.0
    ft_var: Num
    hours = days * 24
    if s.serving == "monthly":
        ft_var = v["fine_tuning.serving_monthly_usd"] / s.point_first
    elif s.serving == "per_request":
        ft_var = v["fine_tuning.serving_cost_per_request_usd"]
    elif s.serving == "gpu":
        ft_var = 0.0
        if s.serving_hours:
            hours = v["fine_tuning.serving.hours_per_month"]
        ft_fixed = (
            v["fine_tuning.serving.replicas"]
            * v["fine_tuning.serving.gpus_per_replica"]
            * hours
            * v["fine_tuning.serving.usd_per_gpu_hour"]
        )
    else:
        ft_instr = v["fine_tuning.instruction_tokens"] if s.ft_instructions else instr
        ft_out = v["fine_tuning.output_tokens"] if s.ft_output else output
        share = v["fine_tuning.cached_prefix_share"] if s.ft_cached else None
        ft_rag = rag if s.keeps_rag else 0.0
        ft_var = _tokens(
            ft_instr, ft_rag + user, ft_out, share, s.ft_write, v, "fine_tuning.serving.prices"
        )
        if s.serving == "hourly":
            if s.serving_hours:
                hours = v["fine_tuning.serving.hours_per_month"]
            ft_fixed = (
                v["fine_tuning.serving.deployments"] * hours * v["fine_tuning.serving.usd_per_hour"]
            )
    retrain = v["fine_tuning.usd_per_retrain"] if s.retrain_given else training
    ft_fixed += (
        v["fine_tuning.maintenance_monthly_usd"]
        + v["fine_tuning.retrains_per_year"] * retrain / 12.0
        + v["fine_tuning.hosting_monthly_usd"]
    )
    return Parts(  # not Parts[Num](…): the generic alias's call costs 4 µs a sample of the tornado
        first=first,
        growth=v["workload.monthly_growth"],
        factor=monthly_factor(v["workload.api_price_decline_per_year"]),
        pe_up=v["prompting.prompt_engineering_usd"],
        pe_fixed=v["prompting.fixed_monthly_usd"],
        pe_var=pe_var,
        ft_up=ft_up,
        ft_fixed=ft_fixed,
        ft_var=ft_var,
        redo=v["fine_tuning.redo_usd"] if s.redo_given else ft_up,
    )


TIE = 1e-12
"""Relative size below which the difference of two float costs is rounding, not a saving:
where the Decimal engine sees equal bills (an exact 0, "never"), a float residue of 1e-18
must not become a break-even some hundreds of months out."""


def _difference(a: Num, b: Num) -> Num:
    """`a − b`, element-wise, 0 where it is within `TIE` of the larger of the two."""
    if not is_column(a) and not is_column(b):
        d = a - b
        return 0.0 if abs(d) <= TIE * max(abs(a), abs(b)) else d
    import numpy as np

    diff = a - b
    return np.where(np.abs(diff) <= TIE * np.maximum(np.abs(a), np.abs(b)), 0.0, diff)


def _savings(p: Parts[Num]) -> tuple[Num, Num]:
    """The first month's saving and its volume-scaled part, rounding residues taken as 0."""
    pe_v, ft_v = p.pe_var * p.first, p.ft_var * p.first
    return _difference(p.pe_fixed + pe_v, p.ft_fixed + ft_v), _difference(pe_v, ft_v)


def break_even(p: Parts[float], s: Structure) -> float | None:
    """Months until fine-tuning pays back (None: never), as `engine.breakeven.break_even`."""
    saving, V = cast(tuple[float, float], _savings(cast(Parts[Num], p)))
    simple = p.factor == 1.0 and not p.growth and not s.time.retiring
    r = (1.0 + p.growth) * p.factor
    return months(p.ft_up - p.pe_up, saving, V, r, p.redo, simple, s.time)


def break_evens(p: Parts[Num], s: Structure, count: int) -> Array:
    """`break_even` of every sample (NaN: never): vectorised where the answer is settled in
    arrays (`crossings`), the scalar search for the rest (a retirement, rare edges)."""
    import numpy as np

    saving, V = _savings(p)
    r = (1.0 + p.growth) * p.factor
    time = s.time
    with np.errstate(all="ignore"):
        gaps = values(p.ft_up - p.pe_up, count)
        savings = values(saving, count)
        closed = np.where(savings <= 0, np.nan, np.where(gaps <= 0, 0.0, gaps / savings))
        if not time.retiring and not is_column(r) and r == 1.0 and not p.growth:
            return closed
        vs, rs = values(V, count), values(r, count)
        if time.retiring:
            simple = np.zeros(count, dtype=bool)
        else:
            simple = (values(p.factor, count) == 1.0) & (values(p.growth, count) == 0.0)
        out = np.where(simple, closed, np.nan)
        zero = ~simple & (gaps <= 0) & (savings >= 0)
        out[zero] = 0.0
        todo = ~simple & ~zero
        if not time.retiring:
            fast = np.flatnonzero(
                todo & (gaps > 0) & (vs != 0) & (rs > 0) & (rs != 1.0) & (savings > 0)
            )
            if len(fast):
                v = vs[fast]
                found, settled = crossings(savings[fast] - v, v, rs[fast], gaps[fast])
                out[fast[settled]] = found[settled]
                todo[fast[settled]] = False
    rest = np.flatnonzero(todo)
    if len(rest):
        redo = values(p.redo, count)
        for i, g, x, v, q, d in zip(
            rest.tolist(),
            gaps[rest].tolist(),
            savings[rest].tolist(),
            vs[rest].tolist(),
            rs[rest].tolist(),
            redo[rest].tolist(),
            strict=True,
        ):
            found_one = months(g, x, v, q, d, False, time)
            out[i] = math.nan if found_one is None else found_one
    return out


def totals(p: Parts[T], s: Structure, horizon: int) -> tuple[T, T]:
    """Cumulative cost of prompting and of fine-tuning at the end of month `horizon` (of one
    sample, or of every sample as columns)."""
    r = (1.0 + p.growth) * p.factor
    g = geo(r, horizon)
    pe = p.pe_up + horizon * p.pe_fixed + p.pe_var * p.first * g
    ft = p.ft_up + horizon * p.ft_fixed + p.ft_var * p.first * g
    time = s.time
    b = time.retire_month
    if time.retiring and b is not None and b < horizon:  # month b + 1 books the retirement
        if time.at_retirement == "redo":
            ft += p.redo
        else:
            gb = geo(r, b)
            ft_b = p.ft_up + b * p.ft_fixed + p.ft_var * p.first * gb
            pe_b = p.pe_up + b * p.pe_fixed + p.pe_var * p.first * gb
            ft = ft_b + (pe - pe_b)
    return pe, ft
