"""The whole list of a long choice (a `Choice` showing one option at a time): ↑/↓ and enter
pick, escape leaves the choice as it was. Loaded when first opened, not at startup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    """Dismisses with the value of the option picked, or None (escape)."""

    DEFAULT_CSS = """
    PickScreen #pick-list { height: auto; max-height: 12; border: none; padding: 0; }
    PickScreen #pick-list:focus > .option-list--option-highlighted { text-style: bold reverse; }
    """

    CSS_PATH = "dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, options: Sequence[tuple[str, str]], value: str, title: str = "") -> None:
        super().__init__()
        self.options = tuple(options)
        self.value = value
        self.title_text = title

    def compose(self) -> ComposeResult:
        values = [value for _, value in self.options]
        listing = OptionList(
            *(
                Option(Content(label), id=str(index))
                for index, (label, _) in enumerate(self.options)
            ),
            id="pick-list",
        )
        listing.highlighted = values.index(self.value) if self.value in values else 0
        with Vertical(classes="dialog"):
            if self.title_text:
                yield Label(Content(self.title_text), classes="dialog--title")
            yield listing
            yield Static(
                Content("↑/↓ move · enter picks · escape keeps it"), classes="dialog--keys"
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.options[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
