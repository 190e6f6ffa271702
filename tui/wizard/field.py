"""A question answered in a widget inside its row: a number or text typed, or a list to tick.
(A choice is its own row: `choice_row.py`.) Just over 300 lines: `AnswerInput` and `FieldRow`
call each other, so they share a file rather than import each other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input

from engine.fields import NUMERIC

from ..state.form import FieldSpec
from ..state.typed import (
    NONE,
    NOT_PERCENT,
    ONE_NUMBER,
    is_range,
    is_unknown,
    number_problem,
    parse_number,
    parse_range_text,
    split_list,
)
from ..widgets.visible_input import VisibleInput
from .frames import draw_now
from .keys import run_own_binding
from .question import LABEL_WIDTH, QuestionRow

if TYPE_CHECKING:
    from textual.widgets import SelectionList


class NumberValidator(Validator):
    """A number of the field's kind, or "unknown"/empty (checked again by the model); with
    `ranges`, also a range of them (`8000..12000`, `8000..10000..12000`)."""

    def __init__(self, kind: str, *, ranges: bool = False) -> None:
        super().__init__()
        self.kind = kind
        self.ranges = ranges

    def validate(self, value: str) -> ValidationResult:
        if is_unknown(value):
            return self.success()
        if is_range(value):
            if not self.ranges:
                return self.failure(ONE_NUMBER)
            try:
                parse_range_text(value, self.kind)
            except ValueError as exc:
                return self.failure(str(exc))
            return self.success()
        number = parse_number(value, self.kind)
        if number is None and value.strip().endswith("%") and self.kind in NOT_PERCENT:
            return self.failure(NOT_PERCENT[self.kind])
        if number is None:
            what = "a whole number" if self.kind == "count" else "a number"
            return self.failure(f"type {what} or leave it empty for unknown")
        problem = number_problem(number, self.kind)
        return self.success() if problem is None else self.failure(problem)


class AnswerInput(VisibleInput, inherit_css=False):
    """The answer box of a typed answer: one line, no border, in the row's answer column.

    Its whole style is here (`inherit_css=False`, so `Input`'s bordered CSS is never parsed):
    select it as `AnswerInput`, not `Input`. It scrolls its cursor into view once sized, as the
    first answer is focused before any layout."""

    COMPONENT_CLASSES = Input.COMPONENT_CLASSES
    DEFAULT_CSS = """
    AnswerInput {
        width: 1fr; height: 1; padding: 0 1;
        color: $foreground; background: $boost;
        scrollbar-size-horizontal: 0; pointer: text;
        &:focus { background: $primary 30%; }
        &>.input--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
            text-style: $input-cursor-text-style;
        }
        &>.input--selection {
            background: $input-selection-background;
            color: $input-selection-foreground;
        }
        &>.input--placeholder, &>.input--suggestion { color: $text-disabled; }
        &:ansi {
            background: ansi_default;
            color: ansi_default;
            &:focus { background: $primary 30%; }
            &>.input--cursor { background: ansi_white; color: ansi_black; }
            &>.input--placeholder, &>.input--suggestion { text-style: dim; color: ansi_default; }
        }
    }
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """Not `layout=True` as in `Widget`: the box is fixed by its row, so the extent `Input`
    sets on every key needs a repaint, not a layout of the wizard (docs/benchmarks.md)."""

    def on_input_changed(self, event: Input.Changed) -> None:
        """The key is handled (its cursor has moved): the row answers once the screen has the
        key's repaint, queued before this (`_answered`)."""
        if isinstance(self.parent, FieldRow):
            self.screen.call_later(self._answered)

    def _answered(self) -> None:
        """Draw the key's echo in a frame of its own, then tell the row, whose wizard
        evaluates the answer: the echo never waits for the evaluation, and the figures are
        drawn at the next refresh (docs/benchmarks.md). Keys handled together answer once."""
        row = self.parent
        if not isinstance(row, FieldRow):
            return
        if getattr(self.screen, "answers", {}).get(row.spec.path) == self.value:
            return
        if self.has_focus:
            draw_now(self)
        row.answered_now()

    async def on_key(self, event: events.Key) -> None:
        """Its own keys (End, ←, Backspace…) act now, in order with the letters typed
        (`keys.py`); `Input`'s handler runs after this one and types the letters. (Letters
        that arrive together come as one paste: `TunewiseApp._typed_run`.)"""
        await run_own_binding(self, event)

    def on_resize(self) -> None:
        if self.has_focus:
            self.scroll_to_region(
                Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False
            )


RANGE_PLACEHOLDER = "or low..high"
"""The end of a rangeable number's placeholder when it has no hint line to say so."""

NONE_LABEL = "None tried yet"
"""The `multi` option that answers "none" rather than unknown (nothing ticked)."""


class FieldRow(QuestionRow):
    """A question answered in a widget inside the row: a typed answer (`AnswerInput`) or a
    list to tick (`Ticks`). `value` is the answer as text.

    One widget around the answer: the row draws its label, hint and error itself
    (`QuestionRow`), as every widget costs start-up (docs/benchmarks.md)."""

    # The answer starts where the label's column ends (a `ChoiceRow` draws its options there).
    DEFAULT_CSS = f"""
    FieldRow {{ layout: vertical; height: auto; margin: 0 0 1 0; }}
    FieldRow > #input {{ margin: 0 0 0 {LABEL_WIDTH}; width: 1fr; }}
    FieldRow.-invalid > AnswerInput, FieldRow.-invalid > AnswerInput:focus {{
        background: $error 30%;
    }}
    FieldRow > SelectionList {{ height: auto; max-height: 9; border: none; padding: 0; }}
    FieldRow > SelectionList:focus {{ border: none; background: $primary 15%; }}
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown on token answers only (`check_action`); the counter is tui/dialogs/tokens.py.
        Binding("f5", "count_tokens", "Count tokens", tooltip="Fill in from a file or text")
    ]

    class Changed(Message):
        """A `multi` row's ticks changed (inputs post their own `Changed`)."""

        def __init__(self, row: FieldRow) -> None:
            super().__init__()
            self.row = row

        @property
        def control(self) -> FieldRow:
            return self.row

    def __init__(self, spec: FieldSpec, value: str = "") -> None:
        super().__init__(spec)
        self.initial = value
        """The answer shown when the row is first composed."""
        self.validator = (
            NumberValidator(spec.kind, ranges=spec.rangeable) if spec.kind in NUMERIC else None
        )
        """A number field's check, as typed (the model checks the answers again)."""
        self.focused_within = False
        """Whether the answer inside has focus (set on its focus and blur, not a class)."""

    def compose(self) -> ComposeResult:
        spec = self.spec
        if spec.kind == "multi":
            yield self._ticks()
        else:
            yield AnswerInput(
                self.initial,
                placeholder=spec.placeholder
                if spec.hint or not spec.rangeable
                # No hint line to say it in: the placeholder does (no row grows).
                else f"{spec.placeholder} {RANGE_PLACEHOLDER}",
                # The row checks the answer (`set_error`): `Input`'s check restyles each box.
                validate_on=[],
                id="input",
            )

    @property
    def answer(self) -> Widget:
        return self.query_one("#input")

    @property
    def answer_focused(self) -> bool:
        return self.focused_within

    def _answer_height(self) -> int:
        children = self.children
        return max(1, children[0].outer_size.height) if children else 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        answer = super().get_content_height(container, viewport, width)
        return max(answer, len(self.label_lines())) + len(self.notes(width))

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        labels = self.label_lines()
        lines = labels + [Content("")] * (self._answer_height() - len(labels))
        return Content("\n").join(lines + self.notes(width))

    def _ticks(self) -> Widget:
        """The `multi` answer: one tick per choice and "none tried yet"; nothing ticked is
        unknown. Imported here: the first step has no such question."""
        from .ticks import Ticks

        ticked = set(split_list(self.initial)) if self.initial else set()
        none = self.initial.strip().lower() == NONE
        options: list[tuple[str, str, bool]] = [(NONE_LABEL, NONE, none)]
        options += [(label, value, value in ticked) for label, value in self.spec.options]
        return Ticks(*options, compact=True, id="input")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F5 counts tokens on a token answer (`workload.*_tokens`), and nowhere else."""
        if action == "count_tokens":
            return self.spec.kind == "count" and self.spec.path.endswith("_tokens")
        return True

    def action_count_tokens(self) -> None:
        """Count a file's or pasted text's tokens for the prompting model; the count (a mean
        per request for a file of requests) becomes this answer."""
        from ..dialogs.tokens import TokensScreen

        answers = getattr(self.screen, "answers", {})
        model = answers.get("prompting.model") or answers.get("fine_tuning.base_model")
        counter = TokensScreen(
            label=self.spec.label,
            model=model or "openai:gpt-4o",
            catalog=getattr(self.screen, "catalog", None),
        )

        def fill(count: int | None) -> None:
            if count is not None:
                self.value = str(count)

        self.app.push_screen(counter, fill)

    def on_descendant_focus(self) -> None:
        # Not `:focus-within` nor a class: either makes Textual restyle the row (and with the
        # pseudo-class every row) whenever focus moves. The label is the row's own text.
        self.focused_within = True
        self.refresh()

    def on_descendant_blur(self) -> None:
        self.focused_within = False
        self.refresh()

    def on_selection_list_selected_changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self))

    @property
    def value(self) -> str:
        widget = self.query_one("#input")
        if isinstance(widget, Input):
            return widget.value
        ticked: set[Any] = set(self._selection_list(widget).selected)
        chosen = [value for _, value in self.spec.options if value in ticked]
        if chosen:
            return ",".join(chosen)
        return NONE if NONE in ticked else ""

    @value.setter
    def value(self, text: str) -> None:
        widget = self.query_one("#input")
        if isinstance(widget, Input):
            widget.value = text
            return
        ticks = self._selection_list(widget)
        wanted = set(split_list(text)) if text.strip().lower() != NONE else {NONE}
        known = {NONE} | {value for _, value in self.spec.options}
        with ticks.prevent(ticks.SelectedChanged):
            ticks.deselect_all()
            for value in wanted & known:
                ticks.select(value)
        self.post_message(self.Changed(self))

    @staticmethod
    def _selection_list(widget: Widget) -> SelectionList[str]:
        from textual.widgets import SelectionList

        assert isinstance(widget, SelectionList)
        return widget

    def check(self, message: str | None) -> str | None:
        """A number's own check first: run without `Input.validate`, which resets the input's
        classes (a restyle), and this runs for every row on every keystroke."""
        if self.validator is not None:
            result = self.validator.validate(self.query_one("#input", Input).value)
            if not result.is_valid:
                return "; ".join(result.failure_descriptions)
        return message
