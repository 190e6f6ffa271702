"""How often each option wins over the simulation's samples (issue 18): its chance of being
the cheapest at the horizon and of paying back against the baseline within it.

It streams the same seeded chunks as `simulate.uncertainty` (`simulate.chunks`, the same
draws for the same seed), so its figures are those samples' and memory stays one chunk.
The baseline and the profile's own fine-tuning path are the fast path's, exactly; a named
option is its upfront, fixed monthly and per-request cost (`PathCosts`) moved by each
sample's volume, growth and price decline, and shifted so that at the answers it totals
what the engine gives. A range on a named option's own answers (or on those of the options
it is built from) moves its costs per sample (`option_costs`: the engine at the corners,
blended); a range on the profile's prompting price or prompt size moves the baseline, not a
named option.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

from ..result import OptionsComparison
from .columns import Array, Num, geo, values
from .fastpath import Parts, parts
from .model import OptionAnswer, OptionOdds
from .option_costs import Grid, grid
from .sampling import Stream
from .setup import Setup

BASELINE = "baseline"
FINE_TUNING = "fine_tuning"


@dataclass(frozen=True)
class Line:
    """A named option's cost, as floats: up front, fixed a month, per request, and the shift
    that makes its total at the horizon the engine's at the answers (retirement, rounding)."""

    id: str
    up: Num
    fixed: Num
    var: Num
    shift: float

    def at(self, p: Parts[Num], month: int) -> Num:
        """Cumulative cost at the end of `month`, without the shift."""
        g = geo((1.0 + p.growth) * p.factor, month)
        return self.up + month * self.fixed + self.var * p.first * g


def lines_of(setup: Setup, comparison: OptionsComparison) -> list[Line] | None:
    """Each named option's line; None when an upfront cost is unknown (nothing to rank)."""
    point = cast("Parts[Num]", parts(setup.point, setup.structure))
    out = []
    for o in comparison.explicit:
        c = o.costs
        if c.upfront_usd is None or o.total_at_horizon_usd is None:
            return None
        line = Line(
            o.id,
            float(c.upfront_usd),
            float(c.fixed_monthly_usd),
            float(c.variable_per_request_usd),
            0.0,
        )
        exact = float(o.total_at_horizon_usd)
        out.append(
            Line(
                line.id,
                line.up,
                line.fixed,
                line.var,
                exact - float(cast(float, line.at(point, setup.horizon))),
            )
        )
    return out


def option_streams(setup: Setup, seed: int, shape: str) -> dict[str, Stream]:
    """Each ranged option answer's draws, from the dimensions after the other ranged
    answers' (sorted): the others keep theirs, so their figures are unchanged by them."""
    first = len(setup.ranges)
    out = {}
    for i, path in enumerate(sorted(setup.option_ranges)):
        low, likely, high, own = setup.option_ranges[path]
        out[path] = Stream(seed, path, first + i, low, likely, high, own or shape)
    return out


def grids(
    setup: Setup, comparison: OptionsComparison, options: Mapping[str, Any]
) -> dict[str, Grid]:
    """Each named option's grid over the ranged answers that reach it (none without any)."""
    if not setup.option_ranges:
        return {}
    reprice = comparison._reprice
    if not callable(reprice):
        from ..errors import InputError

        raise InputError("ranges", "the options' answers are ranged but cannot be priced again")
    point = cast("Parts[Num]", parts(setup.point, setup.structure))
    out = {}
    for o in comparison.explicit:
        found = grid(
            setup,
            o.id,
            options,
            reprice,
            lambda c: float(cast(float, Line("", *c, 0.0).at(point, setup.horizon))),
        )
        if found is not None:
            out[o.id] = found
    return out


def answers(setup: Setup, options: Mapping[str, Any]) -> tuple[OptionAnswer, ...]:
    """The ranged option answers in words (`Route 60% to Flash-Lite: share to the first`)."""
    from ..options.answers import split
    from ..options.words import answer_words

    out = []
    for path in sorted(setup.option_ranges):
        key, rest = split(path)
        low, likely, high, _ = setup.option_ranges[path]
        option = options[key]
        label = answer_words(option.name, option.kind, rest)
        out.append(OptionAnswer(path=path, label=label, low=low, likely=likely, high=high))
    return tuple(out)


def _moved(line: Line, found: Grid, draws: Mapping[str, Array], count: int) -> Line:
    """`line` with each sample's own costs, blended from its grid."""
    up, fixed, var = found.columns(draws, count)
    return replace(line, up=up, fixed=fixed, var=var)


def _baseline_at(p: Parts[Num], month: int) -> Num:
    g = geo((1.0 + p.growth) * p.factor, month)
    return p.pe_up + month * p.pe_fixed + p.pe_var * p.first * g


def option_odds(
    setup: Setup,
    comparison: OptionsComparison,
    *,
    samples: int,
    seed: int,
    shape: str,
    options: Mapping[str, Any] | None = None,
) -> tuple[OptionOdds, ...]:
    """Per option (the baseline first): the share of samples in which it is the cheapest at
    the horizon (ties go to the first listed, as in `engine.options.compare`) and in which it
    pays back against the baseline within the horizon (None for the baseline). Empty when
    the profile names no options beyond its own two paths, or an upfront cost is unknown."""
    import numpy as np

    from .simulate import chunks

    named = lines_of(setup, comparison) if comparison.explicit else None
    if named is None:
        return ()
    found = grids(setup, comparison, options) if options else {}
    drawn = option_streams(setup, seed, shape) if found else {}
    horizon = setup.horizon
    ids = [BASELINE, FINE_TUNING, *(line.id for line in named)]
    cheapest = np.zeros(len(ids), dtype=np.int64)
    paid = np.zeros(len(ids), dtype=np.int64)
    for chunk in chunks(setup, samples=samples, seed=seed, shape=shape):
        p, count = chunk.parts, len(chunk.break_even)
        columns: list[Array] = [chunk.prompting_total, chunk.finetune_total]
        if found:
            draws = {}
            for path, stream in drawn.items():
                column = stream.draws(chunk.start, chunk.start + count)
                draws[path] = np.rint(column) if path in setup.whole else column
            lines = [
                _moved(line, found[line.id], draws, count) if line.id in found else line
                for line in named
            ]
        else:
            lines = named
        with np.errstate(all="ignore"):
            columns += [values(line.at(p, horizon), count) + line.shift for line in lines]
            winner = np.argmin(np.vstack(columns), axis=0)
            cheapest += np.bincount(winner, minlength=len(ids))
            paid[1] += int(np.count_nonzero(chunk.break_even <= horizon))
            for i, line in enumerate(lines, start=2):
                # Paid back in month m when its cumulative cost is down to the baseline's
                # while saving that month (equal costs never pay back, as in the engine),
                # checked month by month: one chunk-sized column at a time.
                done = np.zeros(count, dtype=bool)
                before = values(line.at(p, 0) - _baseline_at(p, 0), count)
                for month in range(1, horizon + 1):
                    gap = values(line.at(p, month) - _baseline_at(p, month), count)
                    done |= (gap <= 0) & (gap < before)
                    before = gap
                paid[i] += int(np.count_nonzero(done))
    names = {o.id: o.name for o in (comparison.baseline, *comparison.options)}
    return tuple(
        OptionOdds(
            id=key,
            name=names[key],
            p_cheapest_at_horizon=round(int(cheapest[i]) / samples, 4),
            p_pays_back=None if key == BASELINE else round(int(paid[i]) / samples, 4),
            interpolation_error=found[key].error if key in found else None,
        )
        for i, key in enumerate(ids)
    )
