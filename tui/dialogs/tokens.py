"""Count the tokens of a file or of pasted text for a model, to fill a token answer.

F5 (or Enter in a box) counts, F6 fills the answer with the count, Escape cancels. A file of
requests, one per entry, gives the mean per request. The count runs off the UI thread: the
exact tokenizer (`tunewise[tokens]`) takes most of a second to load the first time.
"""

from __future__ import annotations

import asyncio
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Static, TextArea

if TYPE_CHECKING:
    from engine.catalog import Catalog

PASTED = Path("pasted.txt")
"""What pasted text is split as with "one request per entry": entries between blank lines."""


def measure(
    *, model: str, path: str, text: str, per_request: bool, catalog: Catalog | None
) -> tuple[int, str]:
    """(the number for the answer, what to show) for a file or pasted text; raises the
    engine's one-line `InputError` or `FileError` for a model or a file it cannot use."""
    from engine.catalog import split_id
    from engine.errors import InputError
    from engine.tokens import (
        check_model,
        count_samples,
        count_tokens,
        read_text,
        split_samples,
    )

    model = model.strip()
    if catalog is not None:
        model = check_model(model, catalog)
    else:
        split_id(model, "model")
    source = Path(path.strip()).expanduser() if path.strip() else None
    if source is not None:
        text = read_text(source)
    elif not text.strip():
        raise InputError("text", "give a file or paste text")
    if per_request:
        sample = count_samples(split_samples(text, path=source or PASTED), model=model)
        shown = (
            f"{sample.per_request:,} tokens a request for {model}: the mean of "
            f"{sample.entries:,} (from {sample.smallest:,} to {sample.largest:,})"
        )
        number, method, hint = sample.per_request, sample.method, sample.hint
    else:
        one = count_tokens(text, model=model)
        shown = f"{one.tokens:,} tokens for {model}"
        number, method, hint = one.tokens, one.method, one.hint
    lines = [shown, method] + ([hint] if hint else [])
    return number, "\n".join(lines)


class TokensScreen(ModalScreen[int | None]):
    """Dismisses with the token count to fill in (a mean per request, rounded), or None."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["dialog.tcss", "tokens.tcss"]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("f5", "count", "Count", priority=True),
        Binding("f6", "use", "Use count", priority=True),
    ]

    def __init__(self, *, label: str, model: str, catalog: Catalog | None = None) -> None:
        super().__init__()
        self.label = label
        """The answer being filled, for the title."""
        self.model = model
        self.catalog = catalog
        """The wizard's catalog (to refuse an unknown model), or None before it loads."""
        self.counted: int | None = None
        """The last count, for F6; None until a count succeeds (and again after a failure)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tokens"):
            yield Label(Content(f"Count tokens: {self.label}"), classes="dialog--title")
            with Horizontal(classes="tokens--row"):
                yield Label("Model", classes="tokens--label")
                yield Input(self.model, placeholder="provider:model", id="model")
            with Horizontal(classes="tokens--row"):
                yield Label("File", classes="tokens--label")
                yield Input(placeholder="path to a text file, or paste below", id="path")
            yield Label("Or paste the text:", classes="tokens--paste")
            yield TextArea(id="text", soft_wrap=True, show_line_numbers=False)
            yield Checkbox(
                "One request per entry (blank lines or .jsonl): the mean",
                id="per-request",
                compact=True,
            )
            yield Static("", id="result", markup=False)
            yield Static(
                Content("F5 or Enter counts · F6 fills the answer · Escape cancels"),
                classes="dialog--keys",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_count()

    def action_count(self) -> None:
        self.counted = None
        self.query_one("#result", Static).update("Counting…")
        self._count(
            model=self.query_one("#model", Input).value,
            path=self.query_one("#path", Input).value,
            text=self.query_one("#text", TextArea).text,
            per_request=self.query_one("#per-request", Checkbox).value,
        )

    @work(exclusive=True, group="tokens")
    async def _count(self, *, model: str, path: str, text: str, per_request: bool) -> None:
        from engine.errors import InputError
        from engine.tomlfile import FileError

        result = self.query_one("#result", Static)
        try:
            number, shown = await asyncio.to_thread(
                measure,
                model=model,
                path=path,
                text=text,
                per_request=per_request,
                catalog=self.catalog,
            )
        except (FileError, InputError) as exc:
            message = exc.message if isinstance(exc, InputError) else str(exc)
            result.update(f"✗ {message}")
            result.add_class("dialog--error")
            return
        result.remove_class("dialog--error")
        result.update(shown)
        self.counted = number

    def action_use(self) -> None:
        if self.counted is None:
            self.notify("Count first (F5).", severity="warning")
            return
        self.dismiss(self.counted)

    def action_cancel(self) -> None:
        self.dismiss(None)
