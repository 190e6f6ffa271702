"""Every key and what it does, gathered from the bindings active where help was asked."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

ALWAYS = (
    ("tab / shift+tab", "Next / previous question"),
    ("ctrl+p", "Command palette: every action by name"),
    ("unknown / empty", "Leave an answer out when you do not know it"),
)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "../dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close", priority=True)
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Keys", classes="dialog--title")
            rows = [*self.keys, *ALWAYS]
            width = max(len(k) for k, _ in rows) + 2
            yield Static(Content("\n".join(f"{k:<{width}}{d}" for k, d in rows)))
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
