"""The decision rules' view of one evaluation: the recommendation with every framework's path,
and the facts it read, for the notices, the map and the strip. Read from the evaluation (the
rules ran once when it was made), never run again here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.rules import Facts, Recommendation

    from .evaluation import Evaluation


@dataclass(frozen=True)
class Decision:
    """What `engine.rules` says about one evaluation's answers."""

    recommendation: Recommendation
    facts: Facts


def decide(evaluation: Evaluation, catalog: Catalog | None = None) -> Decision | None:
    """The rules' answer kept by `evaluation`, or None when they could not judge its answers
    (the wizard keeps going). `catalog` is unused: the evaluation was judged with its own."""
    recommendation = evaluation.recommendation
    if recommendation is None:
        return None
    return Decision(recommendation, evaluation.assessed.facts)
