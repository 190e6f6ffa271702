"""The prices behind the figures: each with its source and as-of date."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from ..state.visible import visible

if TYPE_CHECKING:
    from engine.pricebook import PriceBook
    from engine.result import OptionsComparison


def price_lines(book: PriceBook | None, options: OptionsComparison | None = None) -> list[str]:
    from engine.money import unit_price
    from profiles.reports.price_list import price_list

    rows = () if book is None else price_list(book, options)
    if not rows:
        return ["No catalog prices used: every figure is given in the profile."]
    lines, option = [], ""
    for r in rows:
        if r.option != option:
            option = r.option
            lines.append(f"{option}:")
        pad = "  " if option else ""
        lines.append(f"{pad}{r.label:<{22 - len(pad)}}{unit_price(r.quote.usd):>10} {r.quote.unit}")
        lines.append(f"    {r.cite}")
    return lines


class PricesScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f2,q", "close", "Close", priority=True)
    ]

    def __init__(
        self, book: PriceBook | None, note: str = "", options: OptionsComparison | None = None
    ) -> None:
        super().__init__()
        self.book = book
        self.note = note
        self.options = options

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Prices, sources and as-of dates", classes="dialog--title")
            if self.note:
                yield Static(Content(visible(self.note)), classes="dialog--keys")
            # Sources come from price files: their text is shown, never sent raw (an OSC
            # sequence in a source title retitled the terminal and broke this border).
            lines = [visible(line) for line in price_lines(self.book, self.options)]
            yield Static(Content("\n".join(lines)))
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
