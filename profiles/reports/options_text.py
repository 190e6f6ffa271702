"""The Options section in text and Markdown: one row per option (monthly, up front, per
request, break-even against the baseline, total at the horizon), the cheapest at the horizon,
where the cheapest changes with volume, and each named option's line items. Shown only when
the profile names options beyond its `[fine_tuning]`, so a format-2 report reads as before."""

from __future__ import annotations

from engine.money import months, number, usd
from engine.result import OptionOutcome, OptionPick, OptionsComparison
from engine.wording import verdict_words

from .document import Options
from .lines import md, wrap


def _money(amount: object, absent: str = "unknown") -> str:
    from decimal import Decimal

    return usd(amount) if isinstance(amount, Decimal) else absent


def break_even_words(o: OptionOutcome) -> str:
    """`9.6 months`, `never`, `unknown`; `—` for the baseline."""
    if o.id == "baseline":
        return "—"
    if o.break_even_months is None and o.break_even_reason not in (None, "never"):
        return "unknown"
    return months(o.break_even_months, places=1)


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
    for x in c.crossings:
        lines.append(
            f"Above {number(x.requests_per_month, places=0)} requests a month, "
            f"{names[x.above]} is cheaper than {names[x.below]}"
        )
    return lines


def text_lines(s: Options) -> list[str]:

    c = s.comparison
    if not c.explicit:
        return []
    lines = ["", f"{s.title} (break-even against the baseline)"]
    lines.append(
        f"  {'Option':<20} {'Monthly':>9} {'Up front':>10} {'Per req':>9} {'Break-even':>12}"
        f" {f'At {c.horizon_months} mo':>11}"
    )
    for o in _rows(c):
        m, up, per, be, total = _cells(o)
        lines.append(f"  {o.id[:20]:<20} {m:>9} {up:>10} {per:>9} {be:>12} {total:>11}")
    for line in cheapest_lines(c, s.pick):
        lines += wrap(line, "  ", "    ")
    for o in c.explicit:
        lines += ["", *wrap(f"{o.id}: {o.name} ({o.kind})", "")]
        lines += wrap(f"Break-even: {o.break_even_note}", "  ", "    ")
        for w in o.warnings:
            lines += wrap(w.message, "  ! ", "    ")
        for when, items in (
            ("monthly", o.costs.monthly_items),
            ("up front", o.costs.upfront_items),
        ):
            if items:
                lines.append(f"  {when.capitalize()}")
                lines += [f"    {i.label[:40]:<40}{usd(i.usd):>12}  {i.formula}" for i in items]
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
        out.append(f"| {md(o.name)} | {o.kind} | {cells} |")
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
