"""The decision rules of the four guides, each a framework module registered in
`registry.py` (a function from the assessment to a verdict with its path, its questions and
the wizard steps that ask them), and one consolidated recommendation (`recommend`).

Pure: `facts_for` reads an already-loaded catalog; the only file read is the guides' own
text shipped beside each framework (`guide_text.py`), once, at import.
"""

from __future__ import annotations

from ..assessment import Assessment
from ..catalog import Catalog
from ..inputs import CostInputs
from ..pricebook import PriceBook
from ..result import CostResult
from .facts import Facts, facts_for
from .framework import Asked, Framework, Thresholds
from .recommend import RULES_VERSION, recommend, run_frameworks
from .registry import frameworks, register
from .verdict import FrameworkVerdict, Recommendation, Verdict

__all__ = [
    "RULES_VERSION",
    "Asked",
    "Facts",
    "Framework",
    "FrameworkVerdict",
    "Recommendation",
    "Thresholds",
    "Verdict",
    "assess",
    "facts_for",
    "frameworks",
    "recommend",
    "register",
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
