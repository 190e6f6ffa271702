"""An option's own costs, up front or a month ("Prompt rewrite" $2,000): one a line, added,
edited and removed by key. Its answer is the list as JSON (`form.data_from_values` reads it
into `[options.ID.upfront_items]`), so saving and unsaved changes work as for any answer."""

from __future__ import annotations

import json
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size

from ..state.form import FieldSpec
from .question import LABEL_WIDTH, QuestionRow

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


class ItemsRow(QuestionRow, can_focus=True):
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

    def _lines(self) -> list[Content]:
        if not self.items:
            return [Content("None: press a to add one.")]
        lines = []
        for at, (name, usd) in enumerate(self.items):
            # The name is user text: plain Content, never markup.
            text = f"{name} · {_money(usd)}" + ("/mo" if self.monthly else "")
            if at == self.at:
                style = "bold reverse" if self.has_focus else "bold"
                lines.append(Content.assemble((f"[{text}]", style)))
            else:
                lines.append(Content(f" {text} "))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._lines()), len(self.label_lines())) + len(self.notes(width))

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        labels, answers = self.label_lines(), self._lines()
        lines = []
        for at in range(max(len(labels), len(answers))):
            label = labels[at] if at < len(labels) else Content("")
            text = answers[at] if at < len(answers) else Content("")
            line = Content.assemble(label.pad_right(LABEL_WIDTH - label.cell_length), text)
            lines.append(line.truncate(max(width, LABEL_WIDTH + 1), ellipsis=True))
        return Content("\n").join(lines + self.notes(width))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

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
