"""The assessment report as one neutral document: typed sections, built once, that every
format renders (`registry`). Each section has a stable `code` (the JSON's key) and a `title`
in words; money stays `Decimal`, verdicts and roles keep their codes beside their words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from engine.pricebook import Quote
from engine.result import (
    BreakEvenVolume,
    CostResult,
    CostWarning,
    LineItem,
    OptionPick,
    OptionsComparison,
)
from engine.rules.verdict import Recommendation


class Part(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class ProfileHead(Part):
    kind: Literal["profile"] = "profile"
    title: str = "Profile"
    name: str
    assessed_on: date
    monthly_requests: Decimal


class Summary(Part):
    kind: Literal["summary"] = "summary"
    title: str = "Summary"
    text: str
    """The verdict, the facts that decide it and the one thing to do next, in plain words."""


class FrameworkRow(Part):
    id: str
    label: str
    verdict_label: str
    verdict_inline: str
    path: tuple[str, ...]
    """Each question the framework asked and its answer, as `question → answer`."""


class RecommendationPart(Part):
    kind: Literal["recommendation"] = "recommendation"
    title: str = "Recommendation"
    recommendation: Recommendation
    """The rules' answer as they gave it (the JSON's codes)."""
    verdict_label: str
    verdict: str
    """`Fine-tune (high confidence)`: the verdict with its confidence, in words."""
    method: str | None
    method_note: str
    smaller_model: str | None
    reasons: tuple[str, ...]
    disagreements: tuple[str, ...]
    frameworks: tuple[FrameworkRow, ...]
    warnings: tuple[str, ...]
    next_steps: tuple[str, ...]
    next_step_fields: tuple[str | None, ...]
    """The answer each next step asks for, in words (None: none)."""
    rules_version: str
    option: str | None = None
    """The option that implements the verdict and its cost, in words, when the profile names
    options beyond its own two paths (None: the two-path report, as before)."""
    option_id: str | None = None
    """That option's id (the JSON's)."""
    option_steps: tuple[str, ...] = ()
    """When no named option implements the verdict: the one to add, before the guides' steps."""


class Money(Part):
    amount: Decimal | None
    absent: str = "unknown"
    """What to show when the answers leave the amount unknown (`unknown`, `—`)."""


class CostRow(Part):
    code: str
    label: str
    prompting: Money
    finetune: Money


class Costs(Part):
    kind: Literal["costs"] = "costs"
    title: str = "Costs"
    rows: tuple[CostRow, ...]
    basis: tuple[str, ...]
    """What the figures rest on besides prices: bills typed directly, costs left unknown."""
    monthly_saving: Decimal
    payback: str
    break_even_note: str
    result: CostResult
    """The figures behind the rows (the JSON's `costs`, `unknowns`, `given`, `cumulative`)."""


class ItemGroup(Part):
    path: Literal["prompting", "finetune"]
    when: Literal["monthly", "upfront"]
    title: str
    """`Prompting, monthly`."""
    path_words: str
    """`prompting`, `fine-tuning`."""
    items: tuple[LineItem, ...]


class LineItems(Part):
    kind: Literal["line_items"] = "line_items"
    title: str = "Line items"
    groups: tuple[ItemGroup, ...]
    """Prompting monthly and up front, then fine-tuning monthly and up front."""


class Volumes(Part):
    kind: Literal["break_even_volumes"] = "break_even_volumes"
    title: str = "Fine-tuning pays back within"
    volumes: tuple[BreakEvenVolume, ...]


class Warnings(Part):
    kind: Literal["warnings"] = "warnings"
    title: str = "Warnings"
    warnings: tuple[CostWarning, ...]


class PriceRow(Part):
    role: str
    """`fine_tuned.input`: the JSON's code."""
    label: str
    quote: Quote
    cite: str
    option: str = ""
    """The named option whose price it is ("" for the profile's own paths)."""


class Prices(Part):
    kind: Literal["prices"] = "prices"
    title: str = "Prices used"
    rows: tuple[PriceRow, ...]


class GuideCheck(Part):
    source: str
    figure: str
    says: float
    computed: Any
    """tunewise's figure as the JSON's `costs` block has it (None: never)."""
    quote: str
    verdict: Literal["agrees", "differs"]
    words: str


class GuideChecks(Part):
    kind: Literal["guide_checks"] = "guide_checks"
    title: str = "Against the guides"
    checks: tuple[GuideCheck, ...]


class Sources(Part):
    kind: Literal["sources"] = "sources"
    title: str = "Sources"
    notes: tuple[str, ...]


class Bar(Part):
    label: str
    low: float
    high: float
    break_even_at_low: float | None
    break_even_at_high: float | None


class HowSure(Part):
    """The simulation of a profile's ranges, or why there is none (`samples` 0)."""

    kind: Literal["uncertainty"] = "uncertainty"
    title: str = "How sure"
    samples: int
    seed: int | None = None
    shape: str = ""
    scenario: str | None = None
    facts: tuple[tuple[str, str], ...] = ()
    """(what, value): break-even P10/P50/P90 and the chances, in words."""
    summary: str = ""
    tornado: tuple[Bar, ...] = ()
    note: str = ""
    """Why it was not simulated."""
    data: dict[str, Any]
    """The JSON's `uncertainty` block (stable keys)."""


class Options(Part):
    """The baseline and every option, set against it (`engine.options`); text and Markdown
    show it only when the profile names options beyond its `[fine_tuning]`."""

    kind: Literal["options"] = "options"
    title: str = "Options"
    comparison: OptionsComparison
    pick: OptionPick | None = None
    """The option implementing the rules' verdict (None when the rules could not judge)."""


Section = Annotated[
    ProfileHead
    | Summary
    | RecommendationPart
    | Costs
    | LineItems
    | Volumes
    | Warnings
    | Prices
    | GuideChecks
    | Sources
    | HowSure
    | Options,
    Field(discriminator="kind"),
]


class Report(Part):
    """`tunewise assess`'s answer, in the order people read it."""

    sections: tuple[Section, ...]

    def section(self, kind: str) -> Any:
        """The section of that kind, or None."""
        return next((s for s in self.sections if s.kind == kind), None)

    def adding(self, section: Section) -> Report:
        return self.model_copy(update={"sections": (*self.sections, section)})
