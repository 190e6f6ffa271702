"""The report as plain text (no colour, no markup), 80 columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.money import number, unit_price, usd

from .document import (
    CostRow,
    Costs,
    GuideChecks,
    HowSure,
    LineItems,
    Prices,
    ProfileHead,
    RecommendationPart,
    Report,
    Sources,
    Summary,
    Volumes,
    Warnings,
)
from .lines import WIDTH as WIDTH  # the report's width, read by the listing
from .lines import wrap as wrap  # `show` wraps alike
from .options_text import text_lines
from .words import how_sure_head, money, sampled_months, sampled_value


def cost_table(rows: tuple[CostRow, ...]) -> list[str]:
    lines = [f"{'':<22}{'Prompting':>16}{'Fine-tuning':>16}"]
    return lines + [f"{r.label:<22}{money(r.prompting):>16}{money(r.finetune):>16}" for r in rows]


def _profile(s: ProfileHead) -> list[str]:
    return [
        f"{s.name} — assessed {s.assessed_on.isoformat()}",
        f"{number(s.monthly_requests)} requests in the first month",
        "",
    ]


def _summary(s: Summary) -> list[str]:
    return [s.title, *wrap(s.text, "  ", "  "), ""]


def _recommendation(s: RecommendationPart) -> list[str]:
    lines = [f"Recommendation: {s.verdict}"]
    if s.option:
        lines += wrap(f"Option: {s.option}", "  ", "    ")
    if s.method is not None:
        lines += wrap(f"Method: {s.method} — {s.method_note}", "  ", "    ")
    if s.smaller_model:
        lines += wrap(f"Smaller model: {s.smaller_model}", "  ", "    ")
    lines += ["", "Why"]
    for reason in s.reasons:
        lines += wrap(reason, "  - ", "    ")
    if s.disagreements:
        lines += ["", "Where the frameworks disagree"]
        for d in s.disagreements:
            lines += wrap(d, "  - ", "    ")
    lines += ["", "Frameworks"]
    for fw in s.frameworks:
        lines += wrap(f"{fw.label}: {fw.verdict_inline}", "  ", "    ")
        for step in fw.path:
            lines += wrap(step, "      ", "        ")
    if s.warnings:
        lines += ["", "Warnings from the guides"]
        for w in s.warnings:
            lines += wrap(w, "  ! ", "    ")
    if s.next_steps or s.option_steps:
        lines += ["", "Next steps"]
        for step in (*s.option_steps, *s.next_steps):
            lines += wrap(step, "  - ", "    ")
    return [*lines, f"  (rules {s.rules_version})", ""]


def _costs(s: Costs) -> list[str]:
    lines = cost_table(s.rows)
    for line in s.basis:
        lines += wrap(line, "  ", "    ")
    return [
        *lines,
        "",
        f"Monthly saving: {usd(s.monthly_saving)}",
        *wrap(f"Break-even: {s.payback} — {s.break_even_note}", ""),
        "",
    ]


def _line_items(s: LineItems) -> list[str]:
    lines = []
    for g in s.groups:
        if g.items:
            lines.append(g.title)
            lines += [f"  {i.label:<28}{usd(i.usd):>12}  {i.formula}" for i in g.items]
    return lines


def _volumes(s: Volumes) -> list[str]:
    return ["", s.title, *[f"  {v.within_months:>2} months: {v.note}" for v in s.volumes]]


def _warnings(s: Warnings) -> list[str]:
    if not s.warnings:
        return []
    return ["", s.title, *[line for w in s.warnings for line in wrap(w.message, "  ! ", "    ")]]


def _prices(s: Prices) -> list[str]:
    if not s.rows:
        return []
    lines, option = ["", s.title], ""
    for r in s.rows:
        if r.option != option:
            option = r.option
            lines += wrap(f"{option}:", "  ", "    ")
        pad = "    " if option else "  "
        lines.append(f"{pad}{r.label:<{26 - len(pad)}}{unit_price(r.quote.usd):>10} {r.quote.unit}")
        lines += wrap(r.cite, "      ", "      ")
    return lines


def _checks(s: GuideChecks) -> list[str]:
    if not s.checks:
        return []
    return ["", s.title, *[line for c in s.checks for line in wrap(c.words, "  ", "    ")]]


def _sources(s: Sources) -> list[str]:
    return ["", s.title, *[line for note in s.notes for line in wrap(note, "  ", "    ")]]


def _how_sure(s: HowSure) -> list[str]:
    if not s.samples:
        return ["", s.title, s.note]
    scenario = f", scenario {s.scenario}" if s.scenario else ""
    lines = ["", f"{s.title} {how_sure_head(s, scenario)}"]
    lines += [line for what, value in s.facts for line in wrap(f"{what}: {value}", "  ", "    ")]
    lines += wrap(s.summary, "  ", "  ")
    if s.tornado:
        lines += ["", "What moves break-even most (others at likely)"]
        lines.append(f"  {'Answer':<34}{'low':>10}{'high':>10}{'at low':>9}{'at high':>9}")
        m, v = sampled_months, sampled_value
        for bar in s.tornado:
            lines.append(
                f"  {bar.label[:33]:<34}{v(bar.low):>10}{v(bar.high):>10}"
                f"{m(bar.break_even_at_low):>9}{m(bar.break_even_at_high):>9}"
            )
    return lines


SECTIONS: dict[str, Callable[[Any], list[str]]] = {
    "profile": _profile,
    "summary": _summary,
    "recommendation": _recommendation,
    "costs": _costs,
    "line_items": _line_items,
    "break_even_volumes": _volumes,
    "warnings": _warnings,
    "prices": _prices,
    "guide_checks": _checks,
    "sources": _sources,
    "uncertainty": _how_sure,
    "options": text_lines,
}
"""Each section's lines; a section begins with the blank line that separates it (or ends
with one), as the report has always been laid out."""


def render(report: Report) -> str:
    lines = [line for s in report.sections for line in SECTIONS[s.kind](s)]
    return "\n".join(lines) + "\n"
