"""The cost model in plain floats, for the simulation's thousands of samples.

`engine.evaluate` is exact (Decimal, pydantic, line items with formulas) and takes ~165 µs; a
sample needs only a handful of numbers: each path's upfront cost, fixed monthly cost and cost
per request, then break-even (closed form without growth or falling prices; otherwise the
first month whose cumulative saving covers the gap, found by search on the monotone pieces of
the monthly saving) and the totals at the horizon (geometric sums). The formulas mirror
`engine.costs` and `engine.breakeven` line for line; `tests/test_uncertainty_fastpath.py`
proves the two agree within 1e-9 relative at generated points.

A monthly bill given directly (`inference_monthly_usd`, `serving_monthly_usd`) is the bill at
the profile's own volume: when the volume is sampled, the bill scales with it (the cost per
request stays the profile's).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..breakeven import LATEST, MAX_MONTHS, Timeline, timeline
from ..inputs import CostInputs, GpuServing, GpuTraining, HostedTraining, HourlyServing
from ..pricebook import PriceBook
from ..result import PathCosts

M = 1_000_000.0
LAST_MONTH = 2 * LATEST + 2 * MAX_MONTHS
"""How far the search looks (past the Decimal engine's doubling limit, LATEST months)."""

PRICE_PATHS: dict[str, tuple[str, ...]] = {
    "prompting.prices.input_usd_per_mtok": ("prompting", "input"),
    "prompting.prices.cached_input_usd_per_mtok": ("prompting", "cached_input"),
    "prompting.prices.output_usd_per_mtok": ("prompting", "output"),
    "fine_tuning.serving.prices.input_usd_per_mtok": ("fine_tuned", "input"),
    "fine_tuning.serving.prices.cached_input_usd_per_mtok": ("fine_tuned", "cached_input"),
    "fine_tuning.serving.prices.output_usd_per_mtok": ("fine_tuned", "output"),
    "fine_tuning.training.usd_per_mtok": ("training", "per_mtok"),
    "fine_tuning.training.min_charge_usd": ("training", "min_charge"),
    "fine_tuning.training.usd_per_gpu_hour": ("training_gpu", "hour"),
    "fine_tuning.serving.usd_per_gpu_hour": ("serving_gpu", "hour"),
    "fine_tuning.serving.usd_per_hour": ("hosting",),
}
"""Input fields whose value the engine reads from the price book (the book holds the given
price when the profile gives one)."""


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
    upfront_given: bool
    training: str
    """`given`, `hosted`, `gpu` or `none`."""
    min_charge: bool
    serving: str
    """`monthly`, `per_request`, `tokens`, `hourly` or `gpu`."""
    ft_cached: bool
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
            pe_cached=bool(p.cached_prefix_share),
            upfront_given=f.upfront_usd is not None,
            training=training,
            min_charge=book.training is not None and book.training.min_charge is not None,
            serving=serving,
            ft_cached=bool(f.cached_prefix_share),
            keeps_rag=f.keeps_rag,
            ft_instructions=f.instruction_tokens is not None,
            ft_output=f.output_tokens is not None,
            serving_hours=hours is not None,
            retrain_given=f.usd_per_retrain is not None,
            redo_given=f.redo_usd is not None,
            time=timeline(inputs, book, ft),
            point_first=float(w.monthly_requests),
        )


@dataclass(frozen=True)
class Parts:
    """One sample's costs: what each path costs up front, fixed a month and per request."""

    first: float
    growth: float
    factor: float
    pe_up: float
    pe_fixed: float
    pe_var: float
    ft_up: float
    ft_fixed: float
    ft_var: float
    redo: float


def _tokens(
    prefix: float, rest: float, out: float, share: float, v: dict[str, float], p: str
) -> float:
    cached = prefix * share
    cost = (prefix - cached + rest) * v[f"{p}.input_usd_per_mtok"] / M
    if cached:
        cost += cached * v[f"{p}.cached_input_usd_per_mtok"] / M
    return cost + out * v[f"{p}.output_usd_per_mtok"] / M


def parts(v: dict[str, float], s: Structure) -> Parts:
    """One sample's costs from its values (`point_values` with the sampled ones replaced)."""
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
    if s.pe_source == "monthly":
        pe_var = v["prompting.inference_monthly_usd"] / s.point_first
    elif s.pe_source == "per_request":
        pe_var = v["prompting.cost_per_request_usd"]
    else:
        share = v["prompting.cached_prefix_share"] if s.pe_cached else 0.0
        pe_var = _tokens(instr + examples, rag + user, output, share, v, "prompting.prices")
    training = 0.0
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
                training = max(training, v["fine_tuning.training.min_charge_usd"])
        elif s.training == "gpu":
            training = (
                v["fine_tuning.training.gpu_count"]
                * v["fine_tuning.training.hours"]
                * v["fine_tuning.training.usd_per_gpu_hour"]
            )
        ft_up = (
            training
            + v["fine_tuning.data_collection_usd"]
            + v["fine_tuning.labelled_examples"] * v["fine_tuning.usd_per_label"]
            + v["fine_tuning.engineering_hours"] * v["fine_tuning.usd_per_engineering_hour"]
            + v["fine_tuning.integration_usd"]
            + v["fine_tuning.change_management_usd"]
        )
    ft_fixed = 0.0
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
        share = v["fine_tuning.cached_prefix_share"] if s.ft_cached else 0.0
        ft_rag = rag if s.keeps_rag else 0.0
        ft_var = _tokens(ft_instr, ft_rag + user, ft_out, share, v, "fine_tuning.serving.prices")
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
    decline = v["workload.api_price_decline_per_year"]
    return Parts(
        first=first,
        growth=v["workload.monthly_growth"],
        factor=(1.0 - decline) ** (1.0 / 12.0) if decline else 1.0,
        pe_up=v["prompting.prompt_engineering_usd"],
        pe_fixed=v["prompting.fixed_monthly_usd"],
        pe_var=pe_var,
        ft_up=ft_up,
        ft_fixed=ft_fixed,
        ft_var=ft_var,
        redo=v["fine_tuning.redo_usd"] if s.redo_given else ft_up,
    )


def _geo(r: float, n: int) -> float:
    """Σ r^(m−1) for m = 1..n (inf when it overflows)."""
    if n <= 0:
        return 0.0
    if r == 1.0:
        return float(n)
    try:
        return (r**n - 1.0) / (r - 1.0)
    except OverflowError:
        return math.inf


class Curve:
    """Monthly saving s(m) = F + V·r^(m−1) and cumulative saving C(n) = n·F + V·Σr^(m−1)."""

    __slots__ = ("F", "V", "r")

    def __init__(self, F: float, V: float, r: float) -> None:
        self.F, self.V, self.r = F, V, r

    def s(self, m: int) -> float:
        if self.V == 0.0 or self.r == 1.0:
            return self.F + self.V
        try:
            return self.F + self.V * self.r ** (m - 1)
        except OverflowError:
            return math.copysign(math.inf, self.V)

    def c(self, n: int) -> float:
        g = _geo(self.r, n)
        if math.isinf(g):
            return math.copysign(math.inf, self.V) if self.V else n * self.F
        return n * self.F + self.V * g

    def positive(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The months in [lo, hi] where s > 0 (s is monotone, so one interval). The edge is
        solved from r^(m−1) = −F/V, then checked on whole months."""
        first, last = self.s(lo) > 0, self.s(hi) > 0
        if first and last:
            return lo, hi
        if not first and not last:
            return None
        ratio = -self.F / self.V  # s changes sign inside, so V ≠ 0 and r ≠ 1
        # ratio ≤ 0 only when r^(m−1) underflows to 0 (F = 0): bisect from the middle instead
        guess = 1 + math.log(ratio) / math.log(self.r) if ratio > 0 else (lo + hi) / 2
        edge = min(max(int(guess), lo), hi)
        if first:  # decreasing: the last positive month, in (ok, bad)
            ok, bad = lo, hi
            if self.s(edge) > 0:
                ok = edge
                bad = min(edge + 2, hi) if self.s(min(edge + 2, hi)) <= 0 else hi
            else:
                bad = edge
                ok = max(edge - 2, lo) if self.s(max(edge - 2, lo)) > 0 else lo
            while bad - ok > 1:
                mid = (ok + bad) // 2
                ok, bad = (mid, bad) if self.s(mid) > 0 else (ok, mid)
            return lo, ok
        bad, ok = lo, hi  # increasing: the first positive month, in (bad, ok)
        if self.s(edge) > 0:
            ok = edge
            bad = max(edge - 2, lo) if self.s(max(edge - 2, lo)) <= 0 else lo
        else:
            bad = edge
            ok = min(edge + 2, hi) if self.s(min(edge + 2, hi)) > 0 else hi
        while ok - bad > 1:
            mid = (ok + bad) // 2
            bad, ok = (bad, mid) if self.s(mid) > 0 else (mid, ok)
        return ok, hi

    def crossing(self, target: float, lo: int, hi: int) -> float | None:
        """Break-even in [lo − 1, hi]: the first month m with s(m) > 0 and C(m) ≥ target,
        interpolated within it; None when there is none."""
        span = self.positive(lo, hi)
        if span is None:
            return None
        a, c = span
        if self.c(c) < target:
            return None
        if self.c(a) >= target:
            m = a
        else:
            # C is increasing where s > 0: start from the linear estimate past month a,
            # gallop to bracket the first month with C ≥ target, then bisect.
            estimate = a + (target - self.c(a)) / self.s(a)
            guess = min(max(math.ceil(estimate) if estimate < c else c, a + 1), c)
            bad, ok, step = a, c, 1
            if self.c(guess) >= target:
                ok = guess
                while ok - step > bad:
                    probe = ok - step
                    if self.c(probe) < target:
                        bad = probe
                        break
                    ok, step = probe, step * 2
            else:
                bad = guess
                while bad + step < ok:
                    probe = bad + step
                    if self.c(probe) >= target:
                        ok = probe
                        break
                    bad, step = probe, step * 2
            while ok - bad > 1:
                mid = (ok + bad) // 2
                bad, ok = (bad, mid) if self.c(mid) >= target else (mid, ok)
            m = ok
        return m - 1 + max(target - self.c(m - 1), 0.0) / self.s(m)


def break_even(p: Parts, s: Structure) -> float | None:
    """Months until fine-tuning pays back (None: never), as `engine.breakeven.break_even`."""
    gap = p.ft_up - p.pe_up
    saving = (p.pe_fixed + p.pe_var * p.first) - (p.ft_fixed + p.ft_var * p.first)
    time = s.time
    plain = p.factor == 1.0 and not time.retiring
    if plain and not p.growth:
        if saving <= 0:
            return None
        return 0.0 if gap <= 0 else gap / saving
    if gap <= 0 and saving >= 0:
        return 0.0
    V = (p.pe_var - p.ft_var) * p.first
    curve = Curve(saving - V, V, (1.0 + p.growth) * p.factor)
    if plain:
        return curve.crossing(gap, 1, LAST_MONTH)
    b = time.retire_month
    assert b is not None or not time.retiring
    if not time.retiring or b is None:
        return curve.crossing(gap, 1, LAST_MONTH)
    before = curve.crossing(gap, 1, b)
    if before is not None or time.at_retirement == "abandon":
        return before
    return curve.crossing(gap + p.redo, b + 1, LAST_MONTH)


def totals(p: Parts, s: Structure, horizon: int) -> tuple[float, float]:
    """Cumulative cost of prompting and of fine-tuning at the end of month `horizon`."""
    r = (1.0 + p.growth) * p.factor
    pe = p.pe_up + horizon * p.pe_fixed + p.pe_var * p.first * _geo(r, horizon)
    ft = p.ft_up + horizon * p.ft_fixed + p.ft_var * p.first * _geo(r, horizon)
    time = s.time
    b = time.retire_month
    if time.retiring and b is not None and b <= horizon:
        if time.at_retirement == "redo":
            ft += p.redo
        elif b < horizon:
            ft_b = p.ft_up + b * p.ft_fixed + p.ft_var * p.first * _geo(r, b)
            pe_b = p.pe_up + b * p.pe_fixed + p.pe_var * p.first * _geo(r, b)
            ft = ft_b + (pe - pe_b)
    return pe, ft
