"""Ask for one of an option's own costs (add, edit): its name and its USD. Tab moves between
the two, Enter accepts, Escape cancels. The name is user text, kept as typed, never markup."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from ..state.typed import parse_number
from ..widgets.visible_input import VisibleInput
from .options_name import name_problem


def amount_problem(text: str) -> str:
    """Why `text` is not a cost in USD ("" when it is)."""
    value = parse_number(text, "money") if text.strip() else None
    if value is None:
        return "type the cost in USD, e.g. 2000"
    if value < 0:
        return "a cost is not below $0"
    if value > 10**12:
        return "at most $1,000,000,000,000"
    return ""


class ItemScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (name, USD as typed, cleaned), or None."""

    CSS_PATH = "../dialogs/dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, as the option's name dialog: keys typed right after reach the wizard.
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("enter", "accept", "Accept", show=False, priority=True),
    ]

    def __init__(self, title: str, name: str, usd: str, taken: set[str]) -> None:
        super().__init__()
        self.title_text = title
        self.start = (name, usd)
        self.taken = taken
        """The other costs' names in the same list: two of one name would be one."""

    def compose(self) -> ComposeResult:
        name, usd = self.start
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog--title")
            yield Static(Content("Name"))
            yield VisibleInput(value=name, id="item-name", placeholder="e.g. Prompt rewrite")
            yield Static(Content("USD"))
            yield VisibleInput(value=usd, id="item-usd", placeholder="e.g. 2000")
            yield Static(
                Content("Tab: the next box. Enter accepts, Escape cancels."),
                classes="dialog--keys",
            )
            yield Label("", id="item-error", classes="dialog--error", markup=False)
        yield Footer()

    def action_accept(self) -> None:
        name = self.query_one("#item-name", Input).value
        usd = self.query_one("#item-usd", Input).value
        problem = name_problem(name, self.taken, what="another cost")
        where = "#item-name"
        if not problem:
            problem, where = amount_problem(usd), "#item-usd"
        if problem:
            self.query_one("#item-error", Label).update(f"✗ {problem}")
            self.query_one(where, Input).focus()
            return
        value = parse_number(usd, "money")
        assert value is not None
        self.dismiss((name.strip(), format(Decimal(value).normalize(), "f")))

    def action_cancel(self) -> None:
        self.dismiss(None)
