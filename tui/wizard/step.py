"""A step of the flowchart: a scrollable page of questions with why it asks them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Static

from ..state.form import SELECTS
from .choice_row import ChoiceRow
from .field import FieldRow
from .question import QuestionRow, row_hint

QUESTION_ROWS = 8
"""Rows the questions keep beside a notice: fewer, and the notice collapses to one line."""
PANEL_LINES = 6
"""The cost panel's least height below the questions on a narrow terminal while the prices
load (`-loading`, wizard.tcss): the questions it leaves in view are known up front."""
WIDE_PANEL_WIDTH = 40
"""The cost panel's width beside the questions on a wide terminal (wizard.tcss)."""

if TYPE_CHECKING:
    from engine.catalog import Catalog

    from ..state.evaluation import Evaluation
    from ..state.form import FieldSpec
    from ..state.steps.spec import StepSpec
    from .notice import SettledNotice


class Step(VerticalScroll):
    """One page of the wizard: the title, why it asks, what is settled so far and a row per
    question of its `spec`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The wizard's PageDown/PageUp (next/previous step): the scroll container's own
        # bindings for them came first in the chain and only scrolled the step. A list with
        # focus keeps its own (it is before the step in the chain).
        Binding("pagedown", "screen.next", "Next", show=False),
        Binding("pageup", "screen.back", "Back", show=False),
    ]

    DEFAULT_CSS = """
    Step { padding: 0 1; }
    Step > .step--why { color: $text-muted; margin: 0 0 1 0; }
    """

    def __init__(self, spec: StepSpec, answers: Mapping[str, str]) -> None:
        super().__init__(id=f"step-{spec.key}")
        self.spec = spec
        self.answers = answers
        """The wizard's answers by field path: what each row shows when it is composed."""
        self.notice_box: SettledNotice | None = None
        """What the answers settle, once there is something to say (`settle`)."""
        self.rows: list[QuestionRow] = []
        """The step's answer rows once mounted (the wizard marks them on every keystroke
        without a DOM query)."""
        self._later: tuple[FieldSpec, ...] = ()
        """The questions below the step's first screenful, mounted just after it is drawn."""
        self._mounting: AwaitMount | None = None

    def compose(self) -> ComposeResult:
        spec = self.spec
        # One widget for the title and why it asks: every widget costs start-up.
        title = Content(spec.title).stylize("bold $accent")
        yield Static(Content.assemble(title, "\n", spec.why), classes="step--why")
        # Rows below what the terminal shows are mounted after the first frame: each row is
        # styled and laid out before anything is drawn (docs/benchmarks.md).
        shown = self._rows_in_view(spec.fields)
        self.rows = [self._row(field) for field in spec.fields[:shown]]
        self._later = spec.fields[shown:]
        yield from self.rows

    def on_mount(self) -> None:
        if self._later:
            self.call_after_refresh(self.mount_rest)

    async def mount_rest(self) -> None:
        """Mount the rows left below the first screenful, once (awaited again, waits for
        them): moving between answers and jumping to one calls it before looking for rows."""
        if self._later:
            rows = [self._row(field) for field in self._later]
            self._later = ()
            self._mounting = self.mount_all(rows)
            self.rows += rows  # in the DOM now: a caller waiting below finds them
            await self._mounting
            mark_rows = getattr(self.screen, "mark_rows", None)
            if callable(mark_rows):
                mark_rows()
        elif self._mounting is not None:
            await self._mounting

    def _rows_in_view(self, fields: tuple[FieldSpec, ...]) -> int:
        """How many of `fields`' rows can show on the terminal, counting the least lines each
        part takes (wrapping only adds lines), so no row in view is left out."""
        width, height = self.app.size
        if self.screen.has_class("-narrow"):
            height -= PANEL_LINES
        else:
            width -= WIDE_PANEL_WIDTH
        width = max(width - 2, 1)  # the step's padding
        top = 1 + -(-len(self.spec.why) // width) + 1  # the title, why it asks, its margin
        top += 2  # the progress line and the footer
        shown = 0
        for field in fields:
            if top >= height:
                break
            shown += 1
            top += 2 + bool(row_hint(field))  # label, hint, margin
        return max(shown, 1)

    def _row(self, field: FieldSpec) -> QuestionRow:
        """The row for `field`: a choice is a row of its own, other answers a row around one."""
        value = self.answers.get(field.path, "")
        return ChoiceRow(field, value) if field.kind in SELECTS else FieldRow(field, value)

    def settle(self, evaluation: Evaluation, catalog: Catalog | None) -> None:
        """Show what the answers so far settle (from `engine.rules`), or nothing."""
        from ..state.decision import decide
        from ..state.settled import notice_for

        decision = decide(evaluation, catalog)
        notice = None if decision is None else notice_for(self.spec.key, decision)
        box = self.notice_box
        if box is None:
            if notice is None:
                return
            # Mounted the first time there is something to say: most steps never have.
            from .notice import SettledNotice

            box = self.notice_box = SettledNotice(id="settled")
            self.mount(box, after=self.children[0])  # below the title and why it asks
        box.show(notice, one_line=self._short_of_rows(box))
        self.call_after_refresh(self.keep_in_view)

    def _short_of_rows(self, box: SettledNotice) -> bool:
        """Whether the notice in full would leave the questions fewer than `QUESTION_ROWS`."""
        if not self.size:  # not laid out yet: decided again on the first resize
            return False
        return self.size.height - box.full_height(self.size.width) < QUESTION_ROWS

    def on_resize(self, event: events.Resize) -> None:
        """Collapse or expand the notice for the new height; keep the focused row in view."""
        box = self.notice_box
        if box is not None and box.notice is not None:
            box.show(box.notice, one_line=self._short_of_rows(box))
        self.call_after_refresh(self.keep_in_view)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual scrolls a focused widget into view only when it is outside the step's
        # region, which includes the rows under the docked notice: check once laid out.
        self.call_after_refresh(self.keep_in_view)

    def keep_in_view(self) -> None:
        """Scroll the focused answer's row (label, answer, hint) into the rows the notice
        leaves: `scroll_to_widget` counts the docked notice's rows (its dock gutter)."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or not self.display:
            return
        row = next((n for n in focused.ancestors_with_self if isinstance(n, QuestionRow)), None)
        if row is None or row.parent is not self:
            return
        self.scroll_to_widget(row, animate=False, immediate=True)
