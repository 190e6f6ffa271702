"""The decision rules' view of one evaluation: the recommendation with every framework's path,
and the facts it read. Computed on demand (the notices, the map, the strip) and kept for the
last evaluation only, so one keystroke runs the rules at most once more."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.rules import Facts, Recommendation

    from ..evaluation import Evaluation


@dataclass(frozen=True)
class Decision:
    """What `engine.rules` says about one evaluation's answers."""

    recommendation: Recommendation
    facts: Facts


_last: tuple[Evaluation, Decision | None] | None = None


def decide(evaluation: Evaluation, catalog: Catalog | None) -> Decision | None:
    """The rules on `evaluation`'s answers, or None when they cannot run (no catalog yet, or
    rules that refuse these answers: the wizard must keep going)."""
    global _last
    if _last is not None and _last[0].result is evaluation.result:
        # The same run: the evaluation with its verdict is a copy of the one judged.
        return _last[1]
    if catalog is None:
        return None
    from engine.rules import facts_for, recommend

    profile = evaluation.profile
    try:
        facts = facts_for(
            profile.cost_inputs(),
            evaluation.result,
            evaluation.book,
            catalog,
            profile.team.providers,
        )
        decision: Decision | None = Decision(recommend(profile.assessment(), facts), facts)
    except (ValueError, ArithmeticError):  # answers the rules refuse: the wizard goes on
        decision = None
    _last = (evaluation, decision)
    return decision
