"""A named option's costs at each sample of its own ranged answers (issue 18).

The engine prices an option in Decimal through the catalog: far too slow per sample. An
option's upfront, fixed monthly and per-request costs are multilinear in its own answers
(tokens × prices, shares × costs, documents × tokens × price), so the engine prices it once
at each of the 2^k corners of the k ranged answers that reach it (its own, and those of the
options it is built from), and each sample's costs are the corners' multilinear blend.
Where a cost is not multilinear (a GPU count that steps, a minimum charge) the blend is off:
it is checked against the engine at the answers and at interior points, and the largest gap
found is reported (`OptionOdds.interpolation_error`), never hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..options.answers import split, with_answers
from ..options.inputs import references
from ..result import PathCosts
from .columns import Array
from .setup import Setup

MAX_ANSWERS = 8
"""Ranged answers one option's costs may follow: 2^8 = 256 pricings by the engine. Beyond
it the profile is refused (the fix is in words: fewer ranges on that option's parts)."""
CHECKS = ((0.25,), (0.75,), (0.25, 0.75), (0.75, 0.25))
"""Interior points checked against the engine, as each answer's place in its range (a pair
alternates between the answers): the two diagonals and the two crossed ones."""

Reprice = Callable[[Mapping[str, Any], str], PathCosts]
Costs = tuple[float, float, float]
"""Upfront, fixed a month, per request."""


@dataclass(frozen=True)
class Grid:
    """One option's costs at the corners of its ranged answers."""

    id: str
    paths: tuple[str, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    corners: tuple[Costs, ...]
    """Corner c has answer i at its high when bit i of c is set."""
    error: float = 0.0
    """The largest relative gap found between the blend and the engine (`check`)."""

    def weights(self, x: tuple[float, ...]) -> list[float]:
        """Each corner's weight at the point `x` (one value per answer)."""
        t = [_place(v, lo, hi) for v, lo, hi in zip(x, self.low, self.high, strict=True)]
        return [_weight(c, t) for c in range(len(self.corners))]

    def at(self, x: tuple[float, ...]) -> Costs:
        w = self.weights(x)
        return (
            sum(wi * c[0] for wi, c in zip(w, self.corners, strict=True)),
            sum(wi * c[1] for wi, c in zip(w, self.corners, strict=True)),
            sum(wi * c[2] for wi, c in zip(w, self.corners, strict=True)),
        )

    def columns(self, draws: Mapping[str, Array], count: int) -> tuple[Array, Array, Array]:
        """Each sample's (upfront, fixed, per request), from its answers' draws."""
        import numpy as np

        t = []
        for path, lo, hi in zip(self.paths, self.low, self.high, strict=True):
            span = hi - lo
            place = (draws[path] - lo) / span if span else np.zeros(count)
            t.append(np.clip(place, 0.0, 1.0))
        out = np.zeros((3, count))
        for c, costs in enumerate(self.corners):
            w = np.ones(count)
            for i, ti in enumerate(t):
                w *= ti if (c >> i) & 1 else 1.0 - ti
            out += np.outer(costs, w)
        return out[0], out[1], out[2]


def _place(v: float, lo: float, hi: float) -> float:
    return 0.0 if hi <= lo else min(1.0, max(0.0, (v - lo) / (hi - lo)))


def _weight(corner: int, t: list[float]) -> float:
    w = 1.0
    for i, ti in enumerate(t):
        w *= ti if (corner >> i) & 1 else 1.0 - ti
    return w


def reach(key: str, options: Mapping[str, Any], ranged: Mapping[str, object]) -> tuple[str, ...]:
    """The ranged answers that move option `key`: its own and its parts', sorted."""
    ids, todo = {key}, [key]
    while todo:
        for ref in references(options[todo.pop()]):
            if ref in options and ref not in ids:
                ids.add(ref)
                todo.append(ref)
    return tuple(sorted(p for p in ranged if split(p)[0] in ids))


def _ends(setup: Setup, path: str) -> tuple[float, float]:
    low, _, high, _ = setup.option_ranges[path]
    if path in setup.whole:  # the draws are rounded half to even: so are the corners
        return float(round(low)), float(round(high))
    return low, high


def _price(
    reprice: Reprice, options: Mapping[str, Any], key: str, values: Mapping[str, float]
) -> Costs:
    answers = {p: Decimal(repr(v)) for p, v in values.items()}
    try:
        costs = reprice(with_answers(options, answers), key)
    except InputError as exc:
        first = next(iter(values))
        raise InputError(
            f"ranges.{first}",
            f"{options[key].name} cannot be priced within its ranges: {exc.message}",
        ) from None
    if costs.upfront_usd is None:
        raise InputError(f"ranges.{next(iter(values))}", "an upfront cost is unknown")
    return (
        float(costs.upfront_usd),
        float(costs.fixed_monthly_usd),
        float(costs.variable_per_request_usd),
    )


def grid(
    setup: Setup,
    key: str,
    options: Mapping[str, Any],
    reprice: Reprice,
    total: Callable[[Costs], float],
) -> Grid | None:
    """Option `key`'s grid (None when no ranged answer reaches it), checked against the
    engine at the answers and at `CHECKS`, each gap measured on `total` (its total at the
    horizon at the answers' volume). Raises `InputError` beyond `MAX_ANSWERS`."""
    paths = reach(key, options, setup.option_ranges)
    if not paths:
        return None
    if len(paths) > MAX_ANSWERS:
        raise InputError(
            f"ranges.{paths[MAX_ANSWERS]}",
            f"{len(paths)} ranged answers reach {options[key].name}; its costs follow at most "
            f"{MAX_ANSWERS}: range fewer of its answers or of the options it is built from",
        )
    ends = [_ends(setup, p) for p in paths]
    corners = tuple(
        _price(
            reprice,
            options,
            key,
            {p: ends[i][(c >> i) & 1] for i, p in enumerate(paths)},
        )
        for c in range(1 << len(paths))
    )
    out = Grid(key, paths, tuple(e[0] for e in ends), tuple(e[1] for e in ends), corners)
    points = [tuple(setup.option_point[p] for p in paths)]
    for pattern in CHECKS:
        inside = []
        for i, p in enumerate(paths):
            lo, hi = ends[i]
            v = lo + pattern[i % len(pattern)] * (hi - lo)
            inside.append(float(round(v)) if p in setup.whole else v)
        points.append(tuple(inside))
    worst = 0.0
    for x in points:
        exact = total(_price(reprice, options, key, dict(zip(paths, x, strict=True))))
        gap = abs(total(out.at(x)) - exact)
        worst = max(worst, gap / abs(exact) if exact else gap)
    return Grid(out.id, out.paths, out.low, out.high, out.corners, round(worst, 6))
