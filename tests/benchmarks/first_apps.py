"""The two apps the first-screen benchmarks start: a bare Textual app (Header, Label, Footer)
and the wizard on an example. Imports only Textual until the wizard is asked for, so both
children load the same before their app."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Hello")
        yield Footer()


def first_screen_app(kind: str) -> App[Any]:
    """`bare`, or the wizard on `support-chatbot-50k` for any other kind."""
    if kind == "bare":
        return Bare()
    from tui.app import make_app
    from tui.launch import example_document

    return make_app(example_document("support-chatbot-50k"))
