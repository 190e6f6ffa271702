"""Which ranged input decides the answer: the tornado and the thresholds that flip it.

Tornado: each ranged input swung from low to high with every other input at its likely value;
ranked by how far break-even moves. Thresholds: for each input, the value at which fine-tuning
just pays back within the target (the horizon, or the base model's retirement when sooner),
the others at likely. Costs are affine in most single inputs, so the value is solved from two
evaluations and checked; otherwise (growth, falling prices, a minimum charge) by bisection.
"""

from __future__ import annotations

from decimal import Decimal

from ..fields import FIELDS
from ..money import number, tenths, usd
from .fastpath import break_even, parts
from .model import Threshold, TornadoBar
from .setup import Setup

NEVER_FACTOR = 10
"""A 'never' counts as this many horizons when measuring a swing."""
BISECTIONS = 60

LABELS = {  # the sentence words for an input; its unit is the field registry's
    "workload.requests_per_day": "requests a day",
    "workload.requests_per_month": "requests a month",
    "workload.monthly_growth": "monthly volume growth",
    "workload.api_price_decline_per_year": "the yearly fall in API prices",
    "prompting.inference_monthly_usd": "the prompting bill a month",
    "prompting.cost_per_request_usd": "a prompted request's cost",
    "fine_tuning.upfront_usd": "the upfront cost",
    "fine_tuning.serving_monthly_usd": "the fine-tuned serving bill a month",
    "fine_tuning.retrains_per_year": "retrains a year",
    "fine_tuning.usd_per_retrain": "a retrain's cost",
    "fine_tuning.maintenance_monthly_usd": "maintenance a month",
    "fine_tuning.training.usd_per_gpu_hour": "a training GPU hour",
    "fine_tuning.serving.usd_per_gpu_hour": "a serving GPU hour",
    "fine_tuning.training.hours": "training hours",
    "fine_tuning.engineering_hours": "engineering hours",
}


def label(path: str) -> str:
    return LABELS.get(path) or path.rsplit(".", 1)[-1].replace("_", " ")


def show(path: str, value: float) -> str:
    """A value as people read it, by its field's unit: `$1,250`, `8,400`, `65%`."""
    field = FIELDS.get(path)
    if field is not None and field.money:
        if value >= 1:
            return usd(Decimal(repr(round(value, 2))))
        return usd(Decimal(repr(round(value, 6))))
    if field is not None and field.kind == "share":
        return f"{number(Decimal(repr(round(value * 100, 1))))}%"
    return number(Decimal(repr(round(value, 0 if abs(value) >= 100 else 2))))


def _break_even_at(setup: Setup, path: str, value: float) -> float | None:
    v = dict(setup.point)
    v[path] = value
    return break_even(parts(v, setup.structure), setup.structure)


def target_months(setup: Setup) -> int:
    """Pay back within the horizon, or before the base model retires when that is sooner."""
    time = setup.structure.time
    if time.retire_month is not None and 1 <= time.retire_month < setup.horizon:
        return time.retire_month
    return setup.horizon


def _capped(months: float | None, horizon: int) -> float:
    return NEVER_FACTOR * horizon if months is None else min(months, NEVER_FACTOR * horizon)


def tornado(setup: Setup) -> tuple[TornadoBar, ...]:
    bars = []
    for path, (low, likely, high, _) in setup.ranges.items():
        at_low, at_high = _break_even_at(setup, path, low), _break_even_at(setup, path, high)
        swing = abs(_capped(at_high, setup.horizon) - _capped(at_low, setup.horizon))
        bars.append(
            TornadoBar(
                field=path,
                label=label(path),
                low=low,
                likely=likely,
                high=high,
                break_even_at_low=None if at_low is None else round(at_low, 3),
                break_even_at_high=None if at_high is None else round(at_high, 3),
                swing_months=round(swing, 3),
            )
        )
    bars.sort(key=lambda b: (-b.swing_months, b.field))
    return tuple(bars)


def _domain(path: str, low: float, high: float) -> tuple[float, float]:
    """Where a threshold is looked for: the range, widened ten times (shares: 0 to 1)."""
    if path.endswith(("_share", "api_price_decline_per_year")):
        return 0.0, 0.999999
    if path.endswith("monthly_growth"):
        return -0.99, 1.0
    width = max(high - low, abs(high), 1.0)
    return max(0.0, low - 10 * width), high + 10 * width


def _solve(setup: Setup, path: str, low: float, high: float, target: int) -> float | None:
    """The value of `path` where 'pays back within `target` months' flips, or None."""

    def pays(x: float) -> bool:
        months = _break_even_at(setup, path, x)
        return months is not None and months <= target

    def gap(x: float) -> float:
        """Cumulative saving at `target` minus the upfront difference (affine in most inputs)."""
        v = dict(setup.point)
        v[path] = x
        p = parts(v, setup.structure)
        r = (1.0 + p.growth) * p.factor
        volume = p.first * (target if r == 1.0 else (r**target - 1.0) / (r - 1.0))
        fixed = (p.pe_fixed - p.ft_fixed) * target
        return fixed + (p.pe_var - p.ft_var) * volume - (p.ft_up - p.pe_up)

    lo_edge, hi_edge = _domain(path, low, high)
    a, b = (low, high) if low < high else (lo_edge, hi_edge)
    if pays(a) == pays(b):
        a, b = lo_edge, hi_edge
        if pays(a) == pays(b):
            return None
    ga, gb = gap(a), gap(b)
    if ga != gb:
        root = a - ga * (b - a) / (gb - ga)
        eps = max(abs(root), 1.0) * 1e-9
        if a <= root <= b and pays(root + eps) != pays(root - eps):
            return root
    for _ in range(BISECTIONS):
        mid = (a + b) / 2
        if pays(mid) == pays(a):
            a = mid
        else:
            b = mid
    return (a + b) / 2


def thresholds(setup: Setup, bars: tuple[TornadoBar, ...]) -> tuple[Threshold, ...]:
    target = target_months(setup)
    out = []
    for bar in bars:
        if bar.low == bar.high:
            continue
        value = _solve(setup, bar.field, bar.low, bar.high, target)
        if value is None:
            continue
        v = dict(setup.point)
        v[bar.field] = value + max(abs(value), 1.0) * 1e-6
        above_pays = break_even(parts(v, setup.structure), setup.structure)
        direction = "above" if above_pays is not None and above_pays <= target else "below"
        plural = bar.label.startswith(("requests", "retrains", "training hours", "engineering"))
        verb = ("exceed" if plural else "exceeds") if direction == "above" else "is under"
        if plural and direction == "below":
            verb = "are under"
        if bar.field.endswith("usd_per_gpu_hour"):
            verb = "costs more than" if direction == "above" else "costs under"
        text = f"{bar.label} {verb} {show(bar.field, value)}"
        out.append(
            Threshold(
                field=bar.field,
                label=bar.label,
                value=round(value, 6),
                direction=direction,
                within_range=bar.low <= value <= bar.high,
                text=text,
            )
        )
    return tuple(out)


def _months(value: float | None) -> str:
    return tenths(value, unit="months")


def summary(
    setup: Setup,
    result: object,
    bars: tuple[TornadoBar, ...],
    flips: tuple[Threshold, ...],
    p_within: float,
) -> str:
    """How sure, and which input decides it, in two or three sentences."""
    target = target_months(setup)
    sentences = [
        f"Fine-tuning pays back within the {setup.horizon}-month horizon in "
        f"{round(p_within * 100)}% of "
        f"{len(setup.ranges) + len(setup.option_ranges) and 'the'} simulated cases."
    ]
    if bars and bars[0].swing_months > 0:
        top = bars[0]
        sentences.append(
            f"What matters most is {top.label}: break-even moves from "
            f"{_months(top.break_even_at_low)} at {show(top.field, top.low)} to "
            f"{_months(top.break_even_at_high)} at {show(top.field, top.high)}."
        )
    inside = [f for f in flips if f.within_range][:2]
    if inside:
        sentences.append(
            f"Fine-tuning pays back within {target} months if "
            + " or ".join(f.text for f in inside)
            + " (the other answers at their likely values)."
        )
    elif flips:
        sentences.append(
            f"No answer flips the {target}-month payback inside its range; the nearest flip: "
            f"{flips[0].text}."
        )
    return " ".join(sentences)
