"""The calm box on a step that says what its answers already settle, and the keys to act."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from ..state.settled import Notice

BOX_ROWS = 2
"""Rows the box's border takes (top and bottom) around its lines."""
SIDE_COLUMNS = 4
"""Columns the box's border and padding take beside its lines."""


class SettledNotice(Static):
    """Hidden until the rules find something the step's answers settle. Marked with ▶ and a
    titled border, so it reads the same without colour. When the step is short of rows it
    collapses to one line (`one_line`): the title and the verdict so far, no border, so the
    questions keep the rows (wizard.tcss styles `-one-line`)."""

    DEFAULT_CSS = """
    SettledNotice {
        display: none; height: auto; border: round $accent; padding: 0 1; margin: 0 0 1 0;
    }
    SettledNotice.-shown { display: block; }
    """

    notice: Notice | None = None
    one_line: bool = False
    """Whether the box is collapsed to its one line (set by the step as its height allows)."""

    @property
    def title(self) -> str:
        if self.notice is None:
            return ""
        return "Settled early" if self.notice.settled else "Decided by some guides"

    def lines(self) -> list[Content]:
        """The box's lines in full: one per rule, then the verdict so far and the keys."""
        notice = self.notice
        if notice is None:
            return []
        lines = [Content.assemble(("▶ ", "bold"), line) for line in notice.lines]
        lines.append(
            Content.assemble("So far: ", (notice.verdict, "bold"), ". ctrl+r results, ctrl+n next")
        )
        return lines

    def full_height(self, width: int) -> int:
        """Rows the box takes in full when the step's content is `width` columns wide."""
        if self.notice is None:
            return 0
        inner = max(width - SIDE_COLUMNS, 1)
        return BOX_ROWS + sum(len(line.wrap(inner)) for line in self.lines())

    def show(self, notice: Notice | None, *, one_line: bool | None = None) -> None:
        """Show `notice`, or hide the box (None); in one line or in full (`one_line`)."""
        one_line = self.one_line if one_line is None else one_line
        if notice == self.notice and one_line == self.one_line:
            return
        self.notice = notice
        self.one_line = one_line
        self.set_class(notice is not None, "-shown")
        self.set_class(one_line, "-one-line")
        if notice is None:
            self.update("")
            return
        if one_line:
            self.border_title = None
            self.update(
                Content.assemble(
                    ("▶ ", "bold"),
                    (self.title, "bold"),
                    ": ",
                    (notice.verdict, "bold"),
                    " · ctrl+r results",
                )
            )
            return
        self.border_title = self.title
        self.update(Content("\n").join(self.lines()))
