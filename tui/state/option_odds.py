"""Each named option's odds for the live panel: its chance of being the cheapest at the
horizon and of paying back, over the samples the panel's simulation drew (same seed, count
and shape), as `profiles.ranges.profile_uncertainty` gives them to the results and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.uncertainty import Uncertainty

    from .evaluation import Evaluation


def with_option_odds(evaluation: Evaluation, uncertainty: Uncertainty) -> Uncertainty:
    """`uncertainty` with the options' odds added (as it is for a profile without options)."""
    assessed = evaluation.assessed
    if not assessed.profile.options:
        return uncertainty
    comparison = assessed.options
    if not comparison.explicit:
        return uncertainty
    from engine.uncertainty.options import option_odds
    from engine.uncertainty.setup import prepare

    p = assessed.profile
    setup = evaluation.setup or prepare(
        assessed.inputs, assessed.book, assessed.result, p.ranges, p.options
    )
    u = uncertainty
    odds = option_odds(
        setup, comparison, samples=u.samples, seed=u.seed, shape=u.shape, options=p.options
    )
    return u.model_copy(update={"options": odds})
