"""A step of the flowchart: a scrollable page of questions with why it asks them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from ..form import FieldSpec
from ..widgets.field import FieldRow
from .notice import SettledNotice

if TYPE_CHECKING:
    from engine.catalog import Catalog

    from ..evaluation import Evaluation


class Step(VerticalScroll):
    """One page of the wizard. Subclasses set the class variables; the wizard reads `FIELDS`."""

    DEFAULT_CSS = """
    Step { padding: 0 1; }
    Step > .step--title { text-style: bold; color: $accent; }
    Step > .step--why { color: $text-muted; margin: 0 0 1 0; }
    """

    KEY: ClassVar[str] = ""
    """Short id, also the widget id (`volume`)."""
    TITLE: ClassVar[str] = ""
    SHORT: ClassVar[str] = ""
    """The progress line's name for the step."""
    WHY: ClassVar[str] = ""
    """Why the step asks, citing the guide and question it comes from."""
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()

    def __init__(self, answers: Mapping[str, str]) -> None:
        super().__init__(id=f"step-{self.KEY}")
        self.answers = answers
        """The wizard's answers by field path: what each row shows when it is composed."""
        self.rows: list[FieldRow] = []
        """The step's answer rows once composed (the wizard marks them on every keystroke
        without a DOM query)."""

    def compose(self) -> ComposeResult:
        yield Label(Content(self.TITLE), classes="step--title")
        yield Static(Content(self.WHY), classes="step--why")
        yield SettledNotice(id="settled")
        self.rows = [FieldRow(spec, self.answers.get(spec.path, "")) for spec in self.FIELDS]
        yield from self.rows

    def settle(self, evaluation: Evaluation, catalog: Catalog | None) -> None:
        """Show what the answers so far settle (from `engine.rules`), or nothing."""
        from .decision import decide
        from .settled import notice_for

        decision = decide(evaluation, catalog)
        notice = None if decision is None else notice_for(self.KEY, decision)
        self.query_one(SettledNotice).show(notice)
