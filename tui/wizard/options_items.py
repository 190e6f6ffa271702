"""An option's own costs, up front or a month ("Prompt rewrite" $2,000): one a line, added,
edited and removed by key. Its answer is the list as JSON (`form.data_from_values` reads it
into `[options.ID.upfront_items]`), so saving and unsaved changes work as for any answer."""

from __future__ import annotations

import json
from typing import ClassVar

from textual.binding import Binding, BindingType

from ..state.form import FieldSpec
from .list_row import ListRow

KEYS = "↑/↓ pick · a add · e edit · x remove"


def parse(text: str) -> list[tuple[str, str]]:
    """The (name, USD) pairs of an answer ("" is none)."""
    try:
        items = json.loads(text) if text.strip() else {}
    except ValueError:
        items = {}  # not a list of costs (a file's odd value): refused on the row, none shown
    return [(str(k), str(v)) for k, v in items.items()] if isinstance(items, dict) else []


def _money(text: str) -> str:
    from decimal import Decimal, InvalidOperation

    from engine.money import usd

    try:
        return usd(Decimal(text))
    except InvalidOperation:
        return text


class ItemsRow(ListRow, can_focus=True):
    """The costs one a line (`Prompt rewrite · $2,000`), the one picked bracketed and reversed
    when focused (it reads without colour)."""

    DEFAULT_CSS = """
    ItemsRow { width: 1fr; height: auto; margin: 0 0 1 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Previous cost", show=False),
        Binding("down", "move(1)", "Next cost", show=False),
        Binding("a", "add", "Add a cost", show=False),
        Binding("e,enter", "edit", "Edit the cost", show=False),
        Binding("x,delete", "remove", "Remove the cost", show=False),
    ]

    def __init__(self, spec: FieldSpec, value: str = "") -> None:
        super().__init__(spec._replace(hint=f"{spec.hint} {KEYS}".strip()))
        self.items = parse(value)
        self.at = 0
        """The cost picked, by its place in the list."""

    @property
    def value(self) -> str:
        return json.dumps(dict(self.items)) if self.items else ""

    @value.setter
    def value(self, text: str) -> None:
        self.items = parse(text)
        self.at = min(self.at, max(len(self.items) - 1, 0))
        self.refresh(layout=True)

    @property
    def monthly(self) -> bool:
        return self.spec.path.endswith(".monthly_items")

    def texts(self) -> list[str]:
        return [
            f"{name} · {_money(usd)}" + ("/mo" if self.monthly else "") for name, usd in self.items
        ]

    def picked_at(self) -> int:
        return self.at

    # -- keys ----------------------------------------------------------------------------------

    def action_move(self, by: int) -> None:
        if self.items:
            self.at = max(0, min(len(self.items) - 1, self.at + by))
            self.refresh()

    def _changed(self, items: list[tuple[str, str]], at: int) -> None:
        self.items, self.at = items, max(0, min(at, len(items) - 1))
        self.refresh(layout=True)
        self.answered_now()  # the wizard recomputes, and saves it with the answers

    def _ask(self, title: str, name: str, usd: str, replacing: int | None) -> None:
        from .options_item_dialog import ItemScreen

        taken = {n for i, (n, _) in enumerate(self.items) if i != replacing}

        def done(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            items = list(self.items)
            if replacing is None:
                items.append(answer)
                self._changed(items, len(items) - 1)
            else:
                items[replacing] = answer
                self._changed(items, replacing)

        self.app.push_screen(ItemScreen(title, name, usd, taken), done)

    def action_add(self) -> None:
        when = "a month" if self.monthly else "up front"
        self._ask(f"Add a cost {when}", "", "", None)

    def action_edit(self) -> None:
        if not self.items:
            self.action_add()
            return
        name, usd = self.items[self.at]
        self._ask("Edit the cost", name, usd, self.at)

    def action_remove(self) -> None:
        if not self.items:
            self.notify("No cost to remove: press a to add one.", severity="warning")
            return
        from ..dialogs.confirm import ConfirmScreen

        at = self.at
        name = self.items[at][0]

        def answered(yes: bool | None) -> None:
            if yes and at < len(self.items) and self.items[at][0] == name:
                self._changed(self.items[:at] + self.items[at + 1 :], at)

        self.app.push_screen(ConfirmScreen(f"Remove the cost {name}?"), answered)
