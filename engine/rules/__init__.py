"""The decision rules of the four guides, each a small function from the assessment to a
verdict with its path, and one consolidated recommendation (`recommend`).

Pure: no I/O. `facts_for` reads an already-loaded catalog; nothing here loads files.
"""

from __future__ import annotations

from ..assessment import Assessment
from ..catalog import Catalog
from ..inputs import CostInputs
from ..pricebook import PriceBook
from ..result import CostResult
from .facts import Facts, facts_for
from .recommend import RULES_VERSION, recommend, run_frameworks
from .verdict import FrameworkVerdict, Recommendation, Verdict

__all__ = [
    "RULES_VERSION",
    "Facts",
    "FrameworkVerdict",
    "Recommendation",
    "Verdict",
    "assess",
    "facts_for",
    "recommend",
    "run_frameworks",
]


def assess(
    assessment: Assessment,
    inputs: CostInputs,
    result: CostResult | None,
    book: PriceBook | None,
    catalog: Catalog,
) -> Recommendation:
    """The recommendation for one profile's answers and its evaluated costs."""
    facts = facts_for(inputs, result, book, catalog, assessment.team.providers)
    return recommend(assessment, facts)
