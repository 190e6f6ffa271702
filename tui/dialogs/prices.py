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


def price_lines(book: PriceBook | None) -> list[str]:
    from engine.money import usd
    from profiles.report import price_rows, role_words

    rows = [] if book is None else list(price_rows(book))
    if not rows:
        return ["No catalog prices used: every figure is given in the profile."]
    lines = []
    for role, quote in rows:
        lines.append(f"{role_words(role):<22}{usd(quote.usd):>10} {quote.unit}")
        lines.append(f"    {quote.cite()}")
    return lines


class PricesScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f2,q", "close", "Close", priority=True)
    ]

    def __init__(self, book: PriceBook | None, note: str = "") -> None:
        super().__init__()
        self.book = book
        self.note = note

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label("Prices, sources and as-of dates", classes="dialog--title")
            if self.note:
                yield Static(Content(visible(self.note)), classes="dialog--keys")
            # Sources come from price files: their text is shown, never sent raw (an OSC
            # sequence in a source title retitled the terminal and broke this border).
            lines = [visible(line) for line in price_lines(self.book)]
            yield Static(Content("\n".join(lines)))
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
