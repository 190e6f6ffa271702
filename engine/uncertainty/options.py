"""How often each option wins over the simulation's samples (issue 18): its chance of being
the cheapest at the horizon and of paying back against the baseline within it.

It streams the same seeded chunks as `simulate.uncertainty` (`simulate.chunks`, the same
draws for the same seed), so its figures are those samples' and memory stays one chunk.
The baseline and the profile's own fine-tuning path are the fast path's, exactly; a named
option is its upfront, fixed monthly and per-request cost (`PathCosts`) moved by each
sample's volume, growth and price decline, and shifted so that at the answers it totals
what the engine gives. Its own prices and token counts stay at the answers: a range on the
profile's prompting price or prompt size moves the baseline, not a named option.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from ..result import OptionsComparison
from .columns import Array, Num, geo, values
from .fastpath import Parts, parts
from .model import OptionOdds
from .setup import Setup

BASELINE = "baseline"
FINE_TUNING = "fine_tuning"


@dataclass(frozen=True)
class Line:
    """A named option's cost, as floats: up front, fixed a month, per request, and the shift
    that makes its total at the horizon the engine's at the answers (retirement, rounding)."""

    id: str
    up: float
    fixed: float
    var: float
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
    horizon = setup.horizon
    ids = [BASELINE, FINE_TUNING, *(line.id for line in named)]
    cheapest = np.zeros(len(ids), dtype=np.int64)
    paid = np.zeros(len(ids), dtype=np.int64)
    for chunk in chunks(setup, samples=samples, seed=seed, shape=shape):
        p, count = chunk.parts, len(chunk.break_even)
        columns: list[Array] = [chunk.prompting_total, chunk.finetune_total]
        with np.errstate(all="ignore"):
            columns += [values(line.at(p, horizon), count) + line.shift for line in named]
            winner = np.argmin(np.vstack(columns), axis=0)
            cheapest += np.bincount(winner, minlength=len(ids))
            paid[1] += int(np.count_nonzero(chunk.break_even <= horizon))
            for i, line in enumerate(named, start=2):
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
        )
        for i, key in enumerate(ids)
    )
