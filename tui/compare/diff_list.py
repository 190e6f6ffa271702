"""What changed from the first profile to each other one, worded as `tunewise diff` words it:
answers, prices and outcomes with their deltas, the verdict, and the reasons that flipped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..widgets.verdict_card import words
from ..widgets.wrapped_text import Line, WrappedText
from .side_by_side import letter

if TYPE_CHECKING:
    from profiles.diff import Change, ProfileDiff

GROUPS = (("answers", "Answers"), ("prices", "Prices"), ("outcomes", "Outcomes"))
MARK = {"added": "+", "removed": "-", "changed": "~"}


def change_text(c: Change) -> str:
    if c.path == "warnings":
        return f"warning {'added' if c.before is None else 'gone'}: {c.label}"
    if c.delta:
        return f"{c.label}: {c.delta}"
    before = "(absent)" if c.before is None else c.before
    after = "(absent)" if c.after is None else c.after
    return f"{c.label}: {before} → {after}"


def diff_lines(diffs: list[ProfileDiff]) -> list[Line]:
    lines: list[Line] = []
    for i, d in enumerate(diffs, start=1):
        if lines:
            lines.append(Line(""))
        lines.append(Line(f"A → {letter(i)}: what changed", style="bold"))
        lines += [
            Line(f"{side} {note}", 1, 3)
            for side, note in (("A", d.a.stale), (letter(i), d.b.stale))
            if note
        ]
        if d.same:
            lines.append(Line("Same answers, prices and outcomes.", 1))
            continue
        for key, title in GROUPS:
            changes: list[Change] = getattr(d, key)
            lines.append(
                Line(
                    f"{title} ({len(changes)})" if changes else f"{title}: no change",
                    1,
                    style="bold" if changes else "",
                )
            )
            lines += [Line(f"◆ {change_text(c)}", 2, 4) for c in changes]
        if d.a.verdict is not None or d.b.verdict is not None:
            if d.verdict_changed:
                a, b = (words(v) if v else "(none)" for v in (d.a.verdict, d.b.verdict))
                text = f"◆ Verdict: {a} → {b}"
            else:
                text = f"Verdict: {words(d.a.verdict or '')} (unchanged)"
            lines.append(Line(text, 1, 3, style="bold"))
        if d.reasons:
            lines.append(Line("Reasons that flipped", 1, style="bold"))
            lines += [Line(f"{MARK[r.change]} {r.code}: {r.text}", 2, 4) for r in d.reasons]
    return lines


class DiffList(WrappedText):
    """The first profile against each other one."""

    def __init__(self, diffs: list[ProfileDiff], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(diff_lines(diffs), id=id)
