"""Profiles as columns, outcomes and differing answers and prices as rows; a value that
differs from the first profile's is marked `◆` and shown bold reversed (no colour needed)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from ..state.visible import visible

if TYPE_CHECKING:
    from ..state.comparison import Comparison

CHANGED = "◆"
MIN_COLUMN, MAX_COLUMN, MAX_LABEL = 12, 34, 24
CELL_LINES = 3
"""A cell wraps over at most this many lines (the last one cut with …): a long answer
(notes, a description) must not push the rest of the table away."""
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"#{index + 1}"


def _cut(text: str, width: int) -> str:
    text = visible(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def _wrap(text: str, width: int, lines: int = CELL_LINES) -> list[str]:
    """`text` wrapped to `width` over at most `lines` lines; words kept whole when they fit,
    so two values never read the same for being cut at the same place."""
    width = max(width, 1)
    shown = visible(" ".join(text.split()))  # a file's text: control characters shown
    out = textwrap.wrap(shown, width, break_on_hyphens=False) or [""]
    if len(out) > lines:
        out = [*out[: lines - 1], _cut(" ".join(out[lines - 1 :]), width)]
    return out


def _wrap_label(text: str, width: int) -> list[str]:
    """A row's label over as many lines as it needs: words wrap, and a dotted path breaks
    after a `.` or `_` (`workload.` / `requests_per_month`), never inside a word."""
    out: list[str] = []
    for line in _wrap(text, width, lines=99) if " " in text else [text]:
        while len(line) > width:
            cut = max(line.rfind(".", 0, width), line.rfind("_", 0, width))
            cut = cut + 1 if cut > 0 else width
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


def grid(c: Comparison, width: int) -> list[Content]:
    """The table at `width` columns (wider when the profiles need more room): a legend of
    the profiles' names by letter, then one column per letter, cells wrapped, not cut."""
    labels = [r.label for s in c.sections for r in s.rows]
    label_w = min(max([len(x) for x in labels] + [12]), MAX_LABEL) + 2
    n = max(len(c.names), 1)
    column = max(MIN_COLUMN, min(MAX_COLUMN, (width - label_w) // n))
    lines: list[Content] = []
    for i, name in enumerate(c.names):  # the legend: each name whole, wrapped under itself
        for j, part in enumerate(_wrap(name, max(width - 3, 20), lines=2)):
            head = (f"{letter(i):<3}", "bold") if j == 0 else "   "
            lines.append(Content.assemble(head, part))
    lines.append(
        Content.assemble(
            " " * label_w,
            *((f"  {letter(i):<{column - 2}}", "bold") for i in range(len(c.names))),
        )
    )
    for section in c.sections:
        lines.append(Content(""))
        if not section.rows:
            lines.append(Content.styled(f"{section.title}: none", "bold"))
            continue
        lines.append(Content.styled(section.title, "bold"))
        for row in section.rows:
            label = _wrap_label(row.label, label_w - 2)
            cells = [_wrap(cell.text, column - 3) for cell in row.cells]
            for k in range(max(len(label), *(len(x) for x in cells))):
                parts: list[str | tuple[str, str]] = [
                    f"{label[k] if k < len(label) else '':<{label_w}}"
                ]
                for cell, text_lines in zip(row.cells, cells, strict=True):
                    text = text_lines[k] if k < len(text_lines) else ""
                    mark = f"{CHANGED} " if cell.changed and k == 0 else "  "
                    style = "bold reverse" if cell.changed and text else ""
                    parts += [mark, (text, style), " " * (column - 2 - len(text))]
                lines.append(Content.assemble(*parts))
    return lines


class SideBySide(Widget):
    """The comparison's table; as wide as its columns need (the screen scrolls sideways)."""

    DEFAULT_CSS = """
    SideBySide { width: auto; height: auto; }
    """

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.comparison = comparison

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max(len(line.plain) for line in grid(self.comparison, container.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(grid(self.comparison, width))

    def render(self) -> Content:
        return Content("\n").join(grid(self.comparison, self.size.width))

    @property
    def plain(self) -> str:
        return "\n".join(line.plain.rstrip() for line in grid(self.comparison, 78))
