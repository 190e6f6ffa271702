"""`tunewise assess` output by the names the rest of tunewise imports: the report document
(`profiles.reports.build`) rendered by a registered format (`profiles.reports.registry`)."""

from __future__ import annotations

from typing import Any

from engine.pricebook import PriceBook, price_rows
from engine.result import CostResult
from engine.rules.verdict import Recommendation

from .model import Profile
from .reports import as_json, markdown, text
from .reports.build import assessment_report
from .reports.figures import MONTHS_PLACES, claim_checks, costs_block
from .reports.lines import WIDTH
from .reports.show import summary
from .reports.words import (
    ROLES,
    SOURCES_HEADING,
    SUPPORTS,
    basis_lines,
    cost_fact,
    money_or_unknown,
    months_text,
    payback_words,
    role_words,
    step_words,
    summary_paragraph,
)

__all__ = [
    "MONTHS_PLACES",
    "ROLES",
    "SOURCES_HEADING",
    "SUPPORTS",
    "WIDTH",
    "basis_lines",
    "claim_checks",
    "cost_fact",
    "costs_block",
    "money_or_unknown",
    "months_text",
    "payback_words",
    "price_rows",
    "render_json",
    "render_markdown",
    "render_text",
    "role_words",
    "step_words",
    "summary",
    "summary_paragraph",
    "to_json",
]


def to_json(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> dict[str, Any]:
    return as_json.to_json(assessment_report(profile, result, book, recommendation=recommendation))


def render_json(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> str:
    return as_json.render(assessment_report(profile, result, book, recommendation=recommendation))


def render_text(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> str:
    return text.render(assessment_report(profile, result, book, recommendation=recommendation))


def render_markdown(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> str:
    return markdown.render(assessment_report(profile, result, book, recommendation=recommendation))
