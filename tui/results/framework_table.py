"""Each guide's own verdict and why: the per-framework table of the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..widgets.verdict_card import words
from ..widgets.wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.rules import FrameworkVerdict

INDENT = 4
"""Where a framework's words start, under its name and verdict."""


def framework_lines(frameworks: tuple[FrameworkVerdict, ...]) -> list[Line]:
    """One row per framework (its name and verdict), then its words and what decided it."""
    from engine.wording import framework_words, plain

    lines = [Line("Each guide's verdict", style="bold")]
    for fw in frameworks:
        lines.append(Line(f"{framework_words(fw.id)}: {words(fw.verdict)}", 0, 2, style="bold"))
        lines.append(Line(plain(fw.says), INDENT, INDENT + 2))
        if fw.deciding and fw.deciding not in fw.says:
            lines.append(Line(f"because: {plain(fw.deciding)}", INDENT, INDENT + 2))
        for unknown in fw.unknowns:
            if unknown not in fw.says:
                lines.append(Line(f"open: {plain(unknown)}", INDENT, INDENT + 2))
    return lines


class FrameworkTable(WrappedText):
    """The four guides' frameworks and provider availability, as the rules ran them."""

    def __init__(
        self,
        frameworks: tuple[FrameworkVerdict, ...],
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(framework_lines(frameworks), id=id)
