"""Every key and what it does: the keys active where help was asked (gathered from their
bindings), then the keys of the other screens, how to answer and the range syntax."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

ELSEWHERE = (
    (
        "F4",
        "Scenario: the panel and the results show the next named scenario of the profile "
        "([scenarios] in its file), then the answers as typed again. Without scenarios it "
        "does nothing, and says so.",
    ),
    ("F5", "Count tokens: on a token answer, fill it in from a file or pasted text"),
    ("e", "Export the results to a Markdown file (on the results)"),
    ("1-9", "Go to the answer a numbered next step says to fill in (on the results)"),
    ("Esc / ctrl+b", "Back to the wizard (results, map, prices; Esc closes any dialog)"),
    ("ctrl+p", "Command palette: every action by name"),
)
"""Keys of other screens and places: listed unless already among the keys active here."""

ANSWERS = (
    ("tab / shift+tab", "Next / previous question"),
    ("PageDown / PageUp", "Next / previous step, as ctrl+n / ctrl+b (in a list: its page)"),
    ("←/→ or a letter", "Pick an option of a choice (the option's first letter)"),
    ("space", "Tick or untick an item of a list"),
    ("unknown / empty", "Leave an answer out when you do not know it"),
    ("low..high", "A range, e.g. 8000..12000: the results simulate how sure they are"),
    ("low..likely..high", "A range with its likeliest value, e.g. 8000..10000..12000"),
)
"""How to answer: the answers' own keys and what a number accepts."""


def _table(rows: list[tuple[str, str]], width: int) -> Content:
    """`rows` as two columns, the second wrapped under itself."""
    lines: list[str] = []
    for key, about in rows:
        wrapped = Content(about).wrap(max(66 - width, 20))
        lines.append(f"{key:<{width}}{wrapped[0].plain}")
        lines += [" " * width + line.plain for line in wrapped[1:]]
    return Content("\n".join(lines))


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close", priority=True)
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys
        """(keys, what they do) active where help was asked."""

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        here = {part for keys, _ in self.keys for part in keys.split(" / ")}
        elsewhere = [(k, d) for k, d in ELSEWHERE if not set(k.split(" / ")) & here]
        return [
            ("Keys here", list(self.keys)),
            ("On other screens", elsewhere),
            ("Answering", list(ANSWERS)),
        ]

    def compose(self) -> ComposeResult:
        sections = [(title, rows) for title, rows in self.sections() if rows]
        width = max(len(k) for _, rows in sections for k, _ in rows) + 2
        with VerticalScroll(classes="dialog"):
            yield Label("Help", classes="dialog--title")
            for title, rows in sections:
                yield Label(title, classes="help--section")
                yield Static(_table(rows, width), classes="help--keys")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
