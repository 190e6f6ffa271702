"""Profiles as columns, outcomes and differing answers and prices as rows; a value that
differs from the first profile's is marked `◆` and shown bold reversed (no colour needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from ..visible import visible

if TYPE_CHECKING:
    from ..comparison import Comparison

CHANGED = "◆"
MIN_COLUMN, MAX_COLUMN, MAX_LABEL = 14, 34, 32
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"#{index + 1}"


def _cut(text: str, width: int) -> str:
    text = visible(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def grid(c: Comparison, width: int) -> list[Content]:
    """The table at `width` columns (wider when the profiles need more room)."""
    labels = [r.label for s in c.sections for r in s.rows]
    label_w = min(max([len(x) for x in labels] + [12]), MAX_LABEL) + 2
    n = max(len(c.names), 1)
    column = max(MIN_COLUMN, min(MAX_COLUMN, (width - label_w) // n))
    lines = [
        Content.assemble(
            " " * label_w,
            *((f"{letter(i):<{column}}", "bold") for i in range(len(c.names))),
        ),
        Content.assemble(
            " " * label_w, *(f"{_cut(name, column - 1):<{column}}" for name in c.names)
        ),
    ]
    for section in c.sections:
        lines.append(Content(""))
        if not section.rows:
            lines.append(Content.styled(f"{section.title}: none", "bold"))
            continue
        lines.append(Content.styled(section.title, "bold"))
        for row in section.rows:
            parts: list[str | tuple[str, str]] = [f"{_cut(row.label, label_w - 2):<{label_w}}"]
            for cell in row.cells:
                text = _cut(cell.text, column - 3)
                if cell.changed:
                    parts += [f"{CHANGED} ", (text, "bold reverse"), " " * (column - 2 - len(text))]
                else:
                    parts.append(f"  {text:<{column - 2}}")
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
