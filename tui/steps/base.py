"""A step of the flowchart: a scrollable page of questions with why it asks them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from ..form import FieldSpec
from ..widgets.field import FieldRow


class Step(VerticalScroll):
    """One page of the wizard. Subclasses set the class variables; the wizard reads `FIELDS`."""

    DEFAULT_CSS = """
    Step { padding: 0 1; }
    Step > .step--title { text-style: bold; color: $accent; }
    Step > .step--why { color: $text-muted; margin: 0 0 1 0; }
    Step > .step--pending { border: round $warning; padding: 0 1; margin: 0 0 1 0; }
    """

    KEY: ClassVar[str] = ""
    """Short id, also the widget id (`volume`)."""
    TITLE: ClassVar[str] = ""
    SHORT: ClassVar[str] = ""
    """The progress line's name for the step."""
    WHY: ClassVar[str] = ""
    """Why the step asks, citing the guide it comes from."""
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()
    PENDING: ClassVar[tuple[str, ...]] = ()
    """Questions that arrive with the decision rules; listed, not asked yet."""

    def __init__(self, answers: Mapping[str, str]) -> None:
        super().__init__(id=f"step-{self.KEY}")
        self.answers = answers
        """The wizard's answers by field path: what each row shows when it is composed."""

    def compose(self) -> ComposeResult:
        yield Label(Content(self.TITLE), classes="step--title")
        yield Static(Content(self.WHY), classes="step--why")
        for spec in self.FIELDS:
            yield FieldRow(spec, self.answers.get(spec.path, ""))
        if self.PENDING:
            lines = "\n".join(f"· {q}" for q in self.PENDING)
            yield Static(
                Content(
                    "Placeholder: these questions come with the decision rules and are "
                    f"not asked yet.\n{lines}"
                ),
                classes="step--pending",
            )
