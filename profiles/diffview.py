"""Text, Markdown and JSON renderings of a `ProfileDiff`, a `Comparison` and a profile."""

from __future__ import annotations

import json
from decimal import Decimal

from engine.money import number, usd

from .diff import Change, Comparison, ProfileDiff, Side, flatten
from .model import Profile
from .writer import _scalar

GROUPS = (("answers", "Answers"), ("prices", "Prices"), ("outcomes", "Outcomes"))


def _md(text: str) -> str:
    for ch in "\\`*_[]|<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _line(c: Change) -> str:
    if c.delta:
        return f"{c.label}: {c.delta}"
    before = "(absent)" if c.before is None else c.before
    after = "(absent)" if c.after is None else c.after
    if c.path == "warnings":
        return f"warning {'added' if c.before is None else 'gone'}: {c.after or c.before}"
    return f"{c.label}: {before} → {after}"


def _verdict(d: ProfileDiff) -> str | None:
    a, b = d.a.verdict, d.b.verdict
    if a is None and b is None:
        return None
    if d.verdict_changed:
        return f"Verdict: {a or '(none)'} → {b or '(none)'}"
    return f"Verdict: {a} (unchanged)"


def diff_text(d: ProfileDiff) -> str:
    lines = [f"A: {d.a.name}" + (f"  ({d.a.path})" if d.a.path else "")]
    lines.append(f"B: {d.b.name}" + (f"  ({d.b.path})" if d.b.path else ""))
    lines += [f"{s}: {note}" for s, note in (("A", d.a.stale), ("B", d.b.stale)) if note]
    lines += [f"  {c.label}: {c.before} → {c.after}" for c in d.versions]
    if d.same:
        return "\n".join([*lines, "", "Same answers, prices and outcomes."]) + "\n"
    for key, title in GROUPS:
        changes: list[Change] = getattr(d, key)
        lines += ["", title]
        lines += [f"  {_line(c)}" for c in changes] if changes else ["  (no change)"]
    verdict = _verdict(d)
    if verdict:
        lines += ["", verdict]
    if d.reasons:
        lines.append("Reasons that flipped")
        mark = {"added": "+", "removed": "-", "changed": "~"}
        lines += [f"  {mark[r.change]} {r.code}: {r.text}" for r in d.reasons]
    return "\n".join(lines) + "\n"


def diff_markdown(d: ProfileDiff) -> str:
    out = [f"### tunewise diff: {_md(d.a.name)} → {_md(d.b.name)}", ""]
    out += [f"> {_md(note)}" for note in (d.a.stale, d.b.stale) if note]
    if d.same:
        return "\n".join([*out, "Same answers, prices and outcomes."]) + "\n"
    for key, title in GROUPS:
        changes: list[Change] = getattr(d, key)
        out += [f"**{title}**", ""]
        if not changes:
            out += ["No change.", ""]
            continue
        out += ["| | Before | After | Change |", "|---|---:|---:|---|"]
        for c in changes:
            before = "—" if c.before is None else _md(c.before)
            after = "—" if c.after is None else _md(c.after)
            out.append(f"| {_md(c.label)} | {before} | {after} | {_md(c.delta)} |")
        out.append("")
    verdict = _verdict(d)
    if verdict:
        out += [f"**{_md(verdict)}**", ""]
    for r in d.reasons:
        out.append(f"- {r.change}: `{r.code}` {_md(r.text)}")
    return "\n".join(out).rstrip("\n") + "\n"


def diff_json(d: ProfileDiff) -> str:
    data = d.model_dump(mode="json")
    data["same"] = d.same
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _months(m: Decimal | None) -> str:
    return "never" if m is None else f"{number(m)} mo"


def _cells(s: Side) -> list[str]:
    c = s.costs
    return [
        s.verdict or "—",
        usd(c.prompting_monthly),
        usd(c.finetune_monthly),
        usd(c.prompting_upfront),
        usd(c.finetune_upfront),
        _months(c.break_even_months),
        f"{c.horizon_months} mo",
        usd(c.prompting_total),
        usd(c.finetune_total),
    ]


HEADS = [
    "Verdict",
    "PE/mo",
    "FT/mo",
    "PE upfront",
    "FT upfront",
    "Break-even",
    "Horizon",
    "PE total",
    "FT total",
]


def compare_text(c: Comparison) -> str:
    names = [(r.path or r.name) for r in c.rows]
    width = min(max([7, *map(len, names)]), 40)
    rows = [n if len(n) <= width else n[: width - 1] + "…" for n in names]
    table = [["Profile", *HEADS]] + [[rows[i], *_cells(r)] for i, r in enumerate(c.rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = []
    for row in table:
        cells = [row[0].ljust(widths[0])] + [
            v.rjust(w) for v, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    stale = [f"{r.path or r.name}: {r.stale}" for r in c.rows if r.stale]
    return "\n".join(lines + (["", *stale] if stale else [])) + "\n"


def compare_markdown(c: Comparison) -> str:
    out = ["| Profile | " + " | ".join(HEADS) + " |", "|---|" + "---:|" * len(HEADS)]
    for r in c.rows:
        out.append(f"| {_md(r.name)} | " + " | ".join(_md(x) for x in _cells(r)) + " |")
    return "\n".join(out) + "\n"


def compare_json(c: Comparison) -> str:
    data = c.model_dump(mode="json")
    data["same"] = c.same
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def plain(profile: Profile, stale: str | None = None) -> str:
    """One `dotted.key = value` line per value, in the model's order: for `git diff`."""
    lines = [f"# {stale}"] if stale else []
    for key, value in flatten(profile).items():
        lines.append(f"{key} = {_scalar(value)}")
    return "\n".join(lines) + "\n"
