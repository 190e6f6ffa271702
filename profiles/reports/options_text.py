"""The Options section in text and Markdown: one row per option (monthly, up front, per
request, break-even against the baseline, total at the horizon), the cheapest at the horizon,
where the cheapest changes with volume, and each named option's line items. Shown only when
the profile names options beyond its `[fine_tuning]`, so a format-2 report reads as before."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from engine.money import months, number, usd
from engine.result import OptionOutcome, OptionPick, OptionsComparison, VolumeCrossing
from engine.wording import option_kind_words, verdict_words

from .document import Options
from .lines import md, wrap
from .words import option_fact


def kind_words(kind: str) -> str:
    return option_kind_words(kind, inline=True)


def _money(amount: object, absent: str = "unknown") -> str:
    from decimal import Decimal

    return usd(amount) if isinstance(amount, Decimal) else absent


def break_even_words(o: OptionOutcome) -> str:
    """`9.6 months`, `at once`, `never`, `unknown`; `—` for the baseline (the report's one
    month formatter, `engine.money.months`)."""
    if o.id == "baseline":
        return "—"
    if o.break_even_months is None and o.break_even_reason not in (None, "never"):
        return "unknown"
    if o.break_even_months == 0:
        return "at once"
    return months(o.break_even_months)


def _cells(o: OptionOutcome) -> tuple[str, str, str, str, str]:
    c = o.costs
    return (
        _money(c.monthly_usd),
        _money(c.upfront_usd),
        _money(c.per_request_usd, "—"),
        break_even_words(o),
        _money(o.total_at_horizon_usd),
    )


def _rows(c: OptionsComparison) -> list[OptionOutcome]:
    return [c.baseline, *c.options]


def _names(c: OptionsComparison) -> dict[str, str]:
    return {o.id: o.name for o in _rows(c)}


def cheapest_lines(c: OptionsComparison, pick: OptionPick | None = None) -> list[str]:
    names = _names(c)
    lines = [f"Cheapest at {c.horizon_months} months: {c.cheapest_note}"]
    if pick is not None and pick.note:
        verdict = verdict_words(pick.verdict)
        lines.append(
            f"The verdict, {verdict}: option {pick.note}"
            if pick.option
            else f"The verdict, {verdict}: no option implements it; {pick.note}"
        )
    lines += [crossing_words(x, names) for x in c.crossings]
    return lines


def crossing_words(x: VolumeCrossing, names: Mapping[str, str]) -> str:
    """`Above 48,170 requests a month, A is cheaper than B`: where the cheapest changes."""
    return (
        f"Above {number(x.requests_per_month, places=0)} requests a month, "
        f"{names.get(x.above, x.above)} is cheaper than {names.get(x.below, x.below)}"
    )


NAME = 22
"""The text table's name column (the figures take the other 56 of 80 columns)."""


def text_lines(s: Options) -> list[str]:

    c = s.comparison
    if not c.explicit:
        return []
    lines = ["", f"{s.title} (break-even against the baseline)"]
    lines.append(
        f"  {'Option':<{NAME}}{'Monthly':>9}{'Up front':>11}{'Per req':>10}{'Break-even':>15}"
        f"{f'At {c.horizon_months} mo':>11}"
    )
    for o in _rows(c):
        m, up, per, be, total = _cells(o)
        # A long name wraps in its column (never cut: two names must stay told apart).
        head, *rest = textwrap.wrap(o.name, NAME - 1, break_on_hyphens=False) or [""]
        lines.append(f"  {head:<{NAME}}{m:>9}{up:>11}{per:>10}{be:>15}{total:>11}")
        lines += [f"    {more}" for more in rest]
    for line in cheapest_lines(c, s.pick):
        lines += wrap(line, "  ", "    ")
    for o in c.explicit:
        lines += ["", *wrap(f"{o.name} ({kind_words(o.kind)})", "")]
        fact = option_fact(o, c.baseline, c.horizon_months)
        lines += wrap(f"Against the baseline: {fact}", "  ", "    ")
        for w in o.warnings:
            lines += wrap(w.message, "  ! ", "    ")
        for when, items in (
            ("monthly", o.costs.monthly_items),
            ("up front", o.costs.upfront_items),
        ):
            if items:
                lines.append(f"  {when.capitalize()}")
                for i in items:
                    # A long label (a hybrid's part: `Its name: Input tokens`) gets its own line.
                    label = i.label if len(i.label) <= 40 else ""
                    if not label:
                        lines += wrap(i.label, "    ", "      ")
                    lines.append(f"    {label:<40}{usd(i.usd):>12}  {i.formula}")
    return lines


def markdown_lines(s: Options) -> list[str]:

    c = s.comparison
    if not c.explicit:
        return []
    out = [
        "",
        f"**{s.title}** (break-even against the baseline)",
        "",
        f"| Option | Kind | Monthly | Up front | Per request | Break-even | "
        f"Total at {c.horizon_months} months |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for o in _rows(c):
        cells = " | ".join(_cells(o))
        out.append(f"| {md(o.name)} | {kind_words(o.kind)} | {cells} |")
    out += ["", *[f"- {md(line)}" for line in cheapest_lines(c, s.pick)]]
    out += ["", "| Option | Line item | When | Amount | How |", "|---|---|---|---:|---|"]
    for o in c.explicit:
        for when, items in (
            ("monthly", o.costs.monthly_items),
            ("up front", o.costs.upfront_items),
        ):
            out += [
                f"| {md(o.name)} | {md(i.label)} | {when} | {usd(i.usd)} | {md(i.formula)} |"
                for i in items
            ]
    return out
