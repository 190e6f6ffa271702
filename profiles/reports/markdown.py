"""The report as Markdown: headings, tables and bullets, user text escaped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.money import number, unit_price, usd

from .document import (
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
from .lines import md as md  # escaped alike everywhere
from .options_text import markdown_lines
from .words import how_sure_head, money, sampled_months, sampled_value


def _profile(s: ProfileHead) -> list[str]:
    return [
        f"## {md(s.name)}",
        "",
        f"Assessed {s.assessed_on.isoformat()}; {number(s.monthly_requests)} requests "
        "in the first month.",
        "",
    ]


def _summary(s: Summary) -> list[str]:
    return [f"**{s.title}.** {md(s.text)}", ""]


def _recommendation(s: RecommendationPart) -> list[str]:
    out = [f"**Recommendation:** {s.verdict}", ""]
    if s.option:
        out += [f"**Option:** {md(s.option)}", ""]
    if s.method is not None:
        out += [f"**Method:** {s.method} — {md(s.method_note)}", ""]
    if s.smaller_model:
        out += [f"**Smaller model:** {md(s.smaller_model)}", ""]
    out += ["**Why**", ""]
    out += [f"- {md(r)}" for r in s.reasons]
    if s.disagreements:
        out += ["", "**Where the frameworks disagree**", ""]
        out += [f"- {md(d)}" for d in s.disagreements]
    out += ["", "| Framework | Verdict | Path |", "|---|---|---|"]
    for fw in s.frameworks:
        path = "<br>".join(md(step) for step in fw.path)
        out.append(f"| {md(fw.label)} | {md(fw.verdict_label)} | {path} |")
    if s.warnings:
        out += ["", "**Warnings from the guides**", ""]
        out += [f"- {md(w)}" for w in s.warnings]
    if s.next_steps or s.option_steps:
        out += ["", "**Next steps**", ""]
        out += [f"- {md(step)}" for step in (*s.option_steps, *s.next_steps)]
    return [*out, "", f"Rules {md(s.rules_version)}.", ""]


def _costs(s: Costs) -> list[str]:
    out = ["| | Prompting | Fine-tuning |", "|---|---:|---:|"]
    out += [f"| {r.label} | {money(r.prompting)} | {money(r.finetune)} |" for r in s.rows]
    return [
        *out,
        "",
        f"**Break-even:** {md(s.payback)} — {md(s.break_even_note)}",
        *[f"- {md(line)}" for line in s.basis],
    ]


def _line_items(s: LineItems) -> list[str]:
    out = ["", "| Line item | Path | Amount | How |", "|---|---|---:|---|"]
    for path in ("prompting", "finetune"):
        for when in ("upfront", "monthly"):
            for g in (g for g in s.groups if g.path == path and g.when == when):
                out += [
                    f"| {md(i.label)} | {g.path_words} | {usd(i.usd)} | {md(i.formula)} |"
                    for i in g.items
                ]
    return out


def _volumes(s: Volumes) -> list[str]:
    out = ["", "| Pays back within | Volume needed |", "|---|---|"]
    return out + [f"| {v.within_months} months | {md(v.note)} |" for v in s.volumes]


def _warnings(s: Warnings) -> list[str]:
    if not s.warnings:
        return []
    return ["", f"**{s.title}**", "", *[f"- {md(w.message)}" for w in s.warnings]]


def _prices(s: Prices) -> list[str]:
    if not s.rows:
        return []
    out = ["", "| Price | USD | Unit | Source |", "|---|---:|---|---|"]
    return out + [
        f"| {md(f'{r.option}: ') if r.option else ''}{r.label} | {unit_price(r.quote.usd)} |"
        f" {r.quote.unit} | {md(r.cite)} |"
        for r in s.rows
    ]


def _checks(s: GuideChecks) -> list[str]:
    if not s.checks:
        return []
    return ["", f"**{s.title}**", "", *[f"- {md(c.words)}" for c in s.checks]]


def _sources(s: Sources) -> list[str]:
    return ["", f"**{s.title}**", "", *[f"- {md(note)}" for note in s.notes]]


def _how_sure(s: HowSure) -> list[str]:
    if not s.samples:
        return ["", f"**{s.title}**", s.note]
    scenario = f", scenario {md(s.scenario)}" if s.scenario else ""
    out = ["", f"**{s.title}** {how_sure_head(s, scenario)}", ""]
    out += [f"- {md(what)}: {value}" for what, value in s.facts]
    out += ["", md(s.summary)]
    if s.tornado:
        out += [
            "",
            "| Answer | Low | High | Break-even at low | at high |",
            "|---|---:|---:|---:|---:|",
        ]
        out += [
            f"| {md(b.label)} | {sampled_value(b.low)} | {sampled_value(b.high)} | "
            f"{sampled_months(b.break_even_at_low)} | {sampled_months(b.break_even_at_high)} |"
            for b in s.tornado
        ]
    return out


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
    "options": markdown_lines,
}
"""Each section's lines, laid out as the Markdown report has always been."""


def render(report: Report) -> str:
    lines = [line for s in report.sections for line in SECTIONS[s.kind](s)]
    return "\n".join(lines) + "\n"
