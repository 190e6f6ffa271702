"""Ask for an option's name (add, rename): Enter accepts, Escape cancels. The name is user
text, shown and kept as typed, never read as markup."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from ..state.visible import visible
from ..widgets.visible_input import VisibleInput

MAX_NAME = 80
"""The longest name an option may have (the profile's limit)."""


def name_problem(text: str, taken: set[str], what: str = "another option") -> str:
    """Why `text` cannot name an option, or `what` else is named ("" when it can)."""
    name = text.strip()
    if not name:
        return "type a name"
    if len(name) > MAX_NAME:
        return f"at most {MAX_NAME} characters"
    if visible(name) != name:
        return "no control characters"
    if name.casefold() in {t.casefold() for t in taken}:
        return f"{what} has this name"
    return ""


class OptionNameScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (stripped), or None."""

    CSS_PATH = "../dialogs/dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, as the file name's dialog: keys typed right after reach the wizard.
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("enter", "accept", "Accept", show=False, priority=True),
    ]

    def __init__(self, title: str, name: str, taken: set[str]) -> None:
        super().__init__()
        self.title_text = title
        self.suggestion = name
        self.taken = taken
        """The other options' names: two options of one name could not be told apart."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog--title")
            yield VisibleInput(value=self.suggestion, id="option-name", placeholder="name")
            yield Static(Content("Enter accepts, Escape cancels."), classes="dialog--keys")
            yield Label("", id="option-name-error", classes="dialog--error", markup=False)
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        text = self.query_one("#option-name", Input).value
        problem = name_problem(text, self.taken)
        if problem:
            self.query_one("#option-name-error", Label).update(f"✗ {problem}")
            return
        self.dismiss(text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
