"""Lines of plain text wrapped to the widget's width with hanging indents, so lists of long
sentences (reasons, steps, warnings) stay readable at 80 columns. Never markup."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from ..state.visible import visible


@dataclass(frozen=True)
class Line:
    """One entry: its text, the indent of its first line and of the lines it wraps onto."""

    text: str
    indent: int = 0
    hang: int | None = None
    """Indent of continuation lines; `indent + 2` when None."""
    style: str = ""


def wrap(lines: Iterable[Line], width: int) -> list[tuple[str, str]]:
    """(text, style) rows of `lines` wrapped at `width` columns."""
    out: list[tuple[str, str]] = []
    for line in lines:
        hang = line.indent + 2 if line.hang is None else line.hang
        wrapper = textwrap.TextWrapper(
            width=max(width, hang + 10),
            initial_indent=" " * line.indent,
            subsequent_indent=" " * hang,
            break_on_hyphens=False,
        )
        # Text from files (reasons, warnings, diffs): control characters shown, never raw.
        for n, paragraph in enumerate(visible(line.text, keep="\n").split("\n")):
            if n:
                wrapper.initial_indent = wrapper.subsequent_indent
            rows = wrapper.wrap(paragraph) or [""]
            out += [(row, line.style) for row in rows]
    return out


class WrappedText(Widget):
    """Shows `lines`; its height is what they take at the width it is given."""

    DEFAULT_CSS = """
    WrappedText { height: auto; }
    """

    def __init__(
        self,
        lines: Iterable[Line],
        *,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lines = list(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self.lines, width))

    def render(self) -> Content:
        rows = wrap(self.lines, self.size.width)
        return Content("\n").join(Content.styled(text, style) for text, style in rows)

    @property
    def plain(self) -> str:
        """The text as shown at 80 columns less padding (for tests and exports)."""
        return "\n".join(text for text, _ in wrap(self.lines, 78))
