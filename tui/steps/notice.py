"""The calm box on a step that says what its answers already settle, and the keys to act."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from .settled import Notice


class SettledNotice(Static):
    """Hidden until the rules find something the step's answers settle. Marked with ▶ and a
    titled border, so it reads the same without colour."""

    DEFAULT_CSS = """
    SettledNotice {
        display: none; height: auto; border: round $accent; padding: 0 1; margin: 0 0 1 0;
    }
    SettledNotice.-shown { display: block; }
    """

    notice: Notice | None = None

    def show(self, notice: Notice | None) -> None:
        """Show `notice`, or hide the box (None)."""
        if notice == self.notice:
            return
        self.notice = notice
        self.set_class(notice is not None, "-shown")
        if notice is None:
            self.update("")
            return
        self.border_title = "Settled early" if notice.settled else "Decided by some guides"
        lines = [Content.assemble(("▶ ", "bold"), line) for line in notice.lines]
        lines.append(
            Content.assemble("So far: ", (notice.verdict, "bold"), ". ctrl+r results, ctrl+n next")
        )
        self.update(Content("\n").join(lines))
        focused = self.screen.focused
        if focused is not None:
            self.call_after_refresh(focused.scroll_visible, animate=False)
