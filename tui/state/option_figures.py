"""What the live panel and the results show of each option's figures: its row of money, its
break-even in words, its odds over the ranges, the options ranked. The engine is imported
only inside the functions that read figures (the wizard's first screen loads none of it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from decimal import Decimal

    from engine.result import OptionOutcome, OptionsComparison
    from engine.uncertainty.model import OptionOdds

from .option_ids import FINE_TUNING


def break_even_words(outcome: OptionOutcome) -> str:
    """`never`, `at once`, `14 months`, or `unknown`, against the baseline."""
    from engine.money import months

    m = outcome.break_even_months
    if m is None:
        return "never" if outcome.break_even_reason in (None, "never") else "unknown"
    if m <= 0:
        return "at once"
    return months(m, singular=True)  # the panel's and the reports' one rounding


def upfront_given(outcome: OptionOutcome) -> bool:
    """Whether a named option's up front is the sum given rather than its parts' (the
    profile's own fine-tuning path is shown as the panel's figures show it, unmarked)."""
    if outcome.id == FINE_TUNING:
        return False
    return any(i.key == "upfront" for i in outcome.costs.upfront_items)


class Row(NamedTuple):
    """One option as the panel shows it."""

    name: str
    monthly: str
    upfront: str
    break_even: str
    id: str = ""
    cheapest: str = ""
    """Its chance of being the cheapest at the horizon (`62%`), "" when not simulated."""
    given: bool = False
    """Whether `upfront` is the sum given (it is then labelled so)."""


def panel_rows(
    comparison: OptionsComparison, odds: Iterable[OptionOdds] | None = None
) -> list[Row]:
    """The options beyond the baseline, each as a compact row of figures; with `odds` (the
    simulation's), each one's chance of being the cheapest (`…` while it is not known)."""
    from engine.money import usd

    chances = None if odds is None else {o.id: o.p_cheapest_at_horizon for o in odds}
    rows = []
    for o in comparison.options:
        upfront = o.costs.upfront_usd
        cheapest = ""
        if chances is not None:
            chance = chances.get(o.id)
            cheapest = "…" if chance is None else f"{round(chance * 100)}%"
        rows.append(
            Row(
                o.name,
                f"{usd(o.costs.monthly_usd)}/mo",
                "unknown" if upfront is None else usd(upfront),
                break_even_words(o),
                o.id,
                cheapest,
                upfront is not None and upfront_given(o),
            )
        )
    return rows


def ranked(comparison: OptionsComparison) -> list[OptionOutcome]:
    """The baseline and every option, cheapest at the horizon first (unknown totals last)."""
    from decimal import Decimal

    every = [comparison.baseline, *comparison.options]

    def total(o: OptionOutcome) -> tuple[int, Decimal]:
        t = o.total_at_horizon_usd
        return (1, Decimal(0)) if t is None else (0, t)

    return sorted(every, key=total)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis (names in a column)."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"
