"""Ask for a file name (save, export); Enter accepts, Escape cancels."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from ..widgets.visible_input import VisibleInput


class FileNameScreen(ModalScreen[Path | None]):
    """Dismisses with the path typed (relative to the working directory), or None."""

    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, both: the keys typed right after the one that closes the dialog reach the
        # screen below, not the name's input, which is closing with the dialog.
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("enter", "accept", "Accept", show=False, priority=True),
    ]

    def __init__(self, title: str, suggestion: str) -> None:
        super().__init__()
        self.title_text = title
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog--title")
            # The suggestion is the open file's path: its name may hold control characters.
            yield VisibleInput(value=self.suggestion, id="filename", placeholder="file name")
            yield Static(
                Content(
                    "A relative name is taken from the folder tunewise was started in. "
                    "Enter accepts, Escape cancels."
                ),
                classes="dialog--keys",
            )
            yield Label("", id="filename-error", classes="dialog--error", markup=False)
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        text = self.query_one("#filename", Input).value.strip()
        if not text:
            self.query_one("#filename-error", Label).update("✗ type a file name")
            return
        self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)
