"""Each guide's own verdict and why: the per-framework table of the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .verdict_card import words
from .wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.rules import FrameworkVerdict

COLUMN = 15
"""Where the framework's words start: the verdict column is this wide."""


def framework_lines(frameworks: tuple[FrameworkVerdict, ...]) -> list[Line]:
    """One row per framework (verdict, name, source), then its words and what decided it."""
    lines = [Line(f"{'Verdict':<{COLUMN}}Framework and why", style="bold")]
    for fw in frameworks:
        lines.append(
            Line(f"{words(fw.verdict):<{COLUMN}}{fw.name} · {fw.source}", hang=COLUMN, style="bold")
        )
        lines.append(Line(fw.says, COLUMN, COLUMN + 2))
        if fw.deciding and fw.deciding not in fw.says:
            lines.append(Line(f"because: {fw.deciding}", COLUMN, COLUMN + 2))
        for unknown in fw.unknowns:
            if unknown not in fw.says:
                lines.append(Line(f"open: {unknown}", COLUMN, COLUMN + 2))
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
