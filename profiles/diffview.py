"""Text, Markdown and JSON renderings of a `ProfileDiff`, a `Comparison` and a profile."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal

from engine.money import months, usd
from engine.wording import framework_words, verdict_inline, verdict_words

from .delta import amount_text
from .diff import Change, Comparison, ProfileDiff, Side, SideOptions, flatten
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
    before = "(absent)" if c.before is None else _value(c, c.before)
    after = "(absent)" if c.after is None else _value(c, c.after)
    if c.path == "warnings":
        return f"warning {'added' if c.before is None else 'gone'}: {c.label}"
    if c.path.startswith("options.") and c.path.count(".") == 1 and None in (c.before, c.after):
        # An option added or removed (its answers as one line, its outcome in words).
        what = "added" if c.before is None else "removed"
        head = f"option {what}" if c.group == "answers" else f"{c.label}, {what}"
        return f"{head}: {c.after or c.before}"
    return f"{c.label}: {before} → {after}"


def _value(c: Change, value: str) -> str:
    """`value` as people read it: `$300`, `$1,550/mo`, `80 months`, `never`."""
    if value == "never" or c.kind in ("text", "number"):
        return value
    try:
        amount = Decimal(value.replace(",", ""))
    except ArithmeticError:
        return value
    return amount_text(amount, c.kind)


def _who(verdict: str | None, confidence: str) -> str:
    if verdict is None:
        return "(none)"
    words = verdict_words(verdict)
    return f"{words} ({confidence} confidence)" if confidence else words


def _verdict(d: ProfileDiff) -> str | None:
    a, b = d.a.verdict, d.b.verdict
    if a is None and b is None:
        return None
    if d.verdict_changed:
        return f"Verdict: {_who(a, d.a.confidence)} → {_who(b, d.b.confidence)}"
    if d.a.confidence != d.b.confidence:
        was, now = d.a.confidence or "none", d.b.confidence or "none"
        return f"Verdict: {verdict_words(a or '')}, unchanged (confidence {was} → {now})"
    return f"Verdict: {_who(a, d.a.confidence)}, unchanged"


MARK = {"added": "+", "removed": "-"}


def _reason(code: str, favours: str, text: str) -> str:
    """`Litmus test (guide 002), Not ready to fine-tune: …`: the framework and what it favours
    in words (JSON keeps the codes)."""
    who = framework_words(code)
    if favours and text.startswith(favours):
        return f"{who}: {verdict_inline(favours)}{text.removeprefix(favours)}"
    if favours:
        return f"{who}, {verdict_inline(favours)}: {text}"
    return f"{who}: {text}"


def diff_text(d: ProfileDiff) -> str:
    lines = [f"A: {d.a.name}" + (f"  ({d.a.path})" if d.a.path else "")]
    lines.append(f"B: {d.b.name}" + (f"  ({d.b.path})" if d.b.path else ""))
    lines += [f"{s}: {note}" for s, note in (("A", d.a.stale), ("B", d.b.stale)) if note]
    lines += [f"  {c.label}: {c.before} → {c.after}" for c in d.versions]
    if d.same:
        verdict = _verdict(d)
        same = [*lines, "", "Same answers, prices and outcomes."] + ([verdict] if verdict else [])
        return "\n".join(same) + "\n"
    for key, title in GROUPS:
        changes: list[Change] = getattr(d, key)
        lines += ["", title]
        for c in changes:  # a warning's words are prose: wrapped as the reasons are
            if c.path != "warnings":
                lines.append(f"  {_line(c)}")
                continue
            lines += textwrap.wrap(
                _line(c),
                WIDTH,
                initial_indent="  ",
                subsequent_indent="    ",
                break_on_hyphens=False,
                break_long_words=False,
            )
        if not changes:
            lines.append("  (no change)")
    verdict = _verdict(d)
    if verdict:
        lines += ["", verdict]
    if d.reasons:
        lines.append("Reasons that flipped")
        for r in d.reasons:
            lines += textwrap.wrap(
                _reason(r.code, r.favours, r.text),
                WIDTH,
                initial_indent=f"  {MARK[r.change]} ",
                subsequent_indent="    ",
                break_on_hyphens=False,
                break_long_words=False,
            )
    return "\n".join(lines) + "\n"


def diff_markdown(d: ProfileDiff) -> str:
    out = [f"### tunewise diff: {_md(d.a.name)} → {_md(d.b.name)}", ""]
    out += [f"> {_md(note)}" for note in (d.a.stale, d.b.stale) if note]
    if d.a.stale or d.b.stale:
        out.append("")
    if d.same:
        verdict = _verdict(d)
        same = [*out, "Same answers, prices and outcomes."]
        return "\n".join(same + (["", f"**{_md(verdict)}**"] if verdict else [])) + "\n"
    for key, title in GROUPS:
        changes: list[Change] = getattr(d, key)
        out += [f"**{title}**", ""]
        if not changes:
            out += ["No change.", ""]
            continue
        out += ["| | Before | After | Change |", "|---|---:|---:|---|"]
        for c in changes:
            if c.path == "warnings":  # its words in the label; shown before, after, or both
                gone = c.after is None
                before, after = ("shown", "—") if gone else ("—", "shown")
                out.append(f"| Warning: {_md(c.label)} | {before} | {after} | "
                           f"{'gone' if gone else 'added'} |")  # fmt: skip
                continue
            before = "—" if c.before is None else _md(_value(c, c.before))
            after = "—" if c.after is None else _md(_value(c, c.after))
            out.append(f"| {_md(c.label)} | {before} | {after} | {_md(c.delta)} |")
        out.append("")
    verdict = _verdict(d)
    if verdict:
        out += [f"**{_md(verdict)}**", ""]
    if d.reasons:
        out += ["Reasons that flipped:", ""]
    for r in d.reasons:
        out.append(f"- {r.change}: {_md(_reason(r.code, r.favours, r.text))}")
    return "\n".join(out).rstrip("\n") + "\n"


def diff_json(d: ProfileDiff) -> str:
    data = d.model_dump(mode="json")
    for key in ("a", "b"):
        if data[key].get("options") is None:
            data[key].pop("options", None)  # `diff` fills no options: its keys as before
    data["same"] = d.same
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


ROWS: tuple[tuple[str, str], ...] = (
    ("Verdict", "verdict"),
    ("Prompting / month", "prompting_monthly"),
    ("Fine-tuning / month", "finetune_monthly"),
    ("Prompting up front", "prompting_upfront"),
    ("Fine-tuning up front", "finetune_upfront"),
    ("Break-even", "break_even_months"),
    ("Horizon", "horizon_months"),
    ("Prompting total", "prompting_total"),
    ("Fine-tuning total", "finetune_total"),
)
"""The figures `compare` puts side by side, in order: (label, `Costs` field or `verdict`)."""

WIDTH = 80


def _cell(s: Side, key: str) -> str:
    c = s.costs
    if key == "verdict":
        return verdict_words(s.verdict) if s.verdict else "—"
    if key == "horizon_months":
        return f"{c.horizon_months} mo"
    value: Decimal | None = getattr(c, key)
    if value is None:
        return c.absent(key)
    return months(value, unit="mo") if key == "break_even_months" else usd(value)


def column_name(i: int) -> str:
    """`A`, `B`, … `Z`, `AA`, `AB`, …: the i-th profile's column (0-based)."""
    name = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def compare_text(c: Comparison, width: int = WIDTH) -> str:
    """Profiles as lettered columns, figures as rows, in blocks that fit `width` columns; a
    legend above names each letter's profile."""
    names = [column_name(i) for i in range(len(c.rows))]
    tag = max(map(len, names), default=1)
    lines = []
    for name, r in zip(names, c.rows, strict=True):
        where = f"{r.path}  " if r.path and r.path != r.name else ""
        lines.append(_fit(f"{name.ljust(tag)}  {where}{r.name}", width))
    label_width = max(len(label) for label, _ in ROWS)
    columns = [
        (name, [_cell(r, key) for _, key in ROWS]) for name, r in zip(names, c.rows, strict=True)
    ]
    block: list[tuple[str, list[str]]] = []
    used = label_width

    def flush() -> None:
        if not block:
            return
        widths = [max(len(head), *map(len, cells)) for head, cells in block]
        lines.append("")
        heads = [head.rjust(w) for (head, _), w in zip(block, widths, strict=True)]
        lines.append(_fit(" " * label_width + "  " + "  ".join(heads), width))
        for i, (label, _) in enumerate(ROWS):
            cells = [cells[i].rjust(w) for (_, cells), w in zip(block, widths, strict=True)]
            lines.append(_fit(label.ljust(label_width) + "  " + "  ".join(cells), width))
        block.clear()

    for head, cells in columns:
        need = 2 + max(len(head), *map(len, cells))
        if block and used + need > width:
            flush()
            used = label_width
        block.append((head, cells))
        used += need
    flush()
    chosen = [(n, r.options) for n, r in zip(names, c.rows, strict=True) if r.options]
    if chosen:
        lines += ["", "Options"]
        for n, o in chosen:
            for line in option_lines(o):
                lines += textwrap.wrap(
                    f"{n}: {line}", width, initial_indent="  ", subsequent_indent="      "
                )
    notes = [f"{n}: {r.stale}" for n, r in zip(names, c.rows, strict=True) if r.stale]
    if notes:
        lines.append("")
        for note in notes:
            lines += textwrap.wrap(note, width, subsequent_indent="  ") or [note]
    return "\n".join(lines) + "\n"


def option_lines(o: SideOptions) -> list[str]:
    """`cheapest at 24 months: Gemini 3.5 Flash-Lite, prompted ($795.60)` and the verdict's
    option: a profile's options in `compare`, in words."""

    def named(name: str | None, total: Decimal | None) -> str:
        if name is None:
            return "none"
        return name if total is None else f"{name} ({usd(total)})"

    out = [f"cheapest at {o.horizon_months} months: {named(o.cheapest_name, o.cheapest_total)}"]
    if o.verdict_option_name is not None:
        out.append("the verdict's option: " + named(o.verdict_option_name, o.verdict_option_total))
    else:
        out.append("the verdict's option: none among its options")
    return out


def compare_markdown(c: Comparison) -> str:
    """One row per profile, money with `$`; a break-even of `never` points to a footnote
    giving its reason (one footnote per distinct reason)."""
    heads = [label for label, _ in ROWS]
    out = ["| Profile | " + " | ".join(heads) + " |", "|---|---|" + "---:|" * (len(heads) - 1)]
    notes: dict[str, int] = {}
    for r in c.rows:
        cells = []
        for _, key in ROWS:
            cell = _md(_cell(r, key))
            if (
                key == "break_even_months"
                and r.costs.absent(key) == "never"
                and (r.costs.break_even_months is None)
            ):
                n = notes.setdefault(r.break_even_note or "no reason recorded", len(notes) + 1)
                cell += f"[^{n}]"
            cells.append(cell)
        out.append(f"| {_md(r.name)} | " + " | ".join(cells) + " |")
    chosen = [r for r in c.rows if r.options]
    if chosen:
        out += ["", "**Options**", ""]
        out += [
            f"- {_md(r.name)}: {_md('; '.join(option_lines(r.options)))}"
            for r in chosen
            if r.options
        ]
    stale = [f"{_md(r.name)}: {_md(r.stale)}" for r in c.rows if r.stale]
    if stale:
        out += ["", *[f"> {line}" for line in stale]]
    if notes:
        out.append("")
        out += [f"[^{n}]: Never breaks even: {_md(note)}" for note, n in notes.items()]
    return "\n".join(out) + "\n"


def compare_json(c: Comparison) -> str:
    data = c.model_dump(mode="json")
    for row in data["rows"]:
        if row.get("options") is None:
            row.pop("options", None)  # a format-2 profile's row keeps its keys
    data["same"] = c.same
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def plain(profile: Profile, stale: str | None = None) -> str:
    """One `dotted.key = value` line per value, in the model's order: for `git diff`."""
    lines = [f"# {stale}"] if stale else []
    for key, value in flatten(profile).items():
        lines.append(f"{key} = {_scalar(value)}")
    return "\n".join(lines) + "\n"
