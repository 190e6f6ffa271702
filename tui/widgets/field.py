"""One question: label, answer (typed, a choice on one line or a list to tick), why-it-asks
hint and a one-line reason when refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input

from ..form import (
    NONE,
    NUMERIC,
    ONE_NUMBER,
    SELECTS,
    FieldSpec,
    is_range,
    is_unknown,
    number_problem,
    parse_number,
    parse_range_text,
    split_list,
)
from .choice import Choice

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
        if number is None:
            what = "a whole number" if self.kind == "count" else "a number"
            return self.failure(f"type {what} or leave it empty for unknown")
        problem = number_problem(number, self.kind)
        return self.success() if problem is None else self.failure(problem)


class AnswerInput(Input):
    """An `Input` that brings its cursor into view when it gets its size: the first answer is
    focused while the screen is composed (before any layout), and `Input` scrolls to the
    cursor only when focused."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """`Input` sets its virtual size on every keystroke, and `Widget` declares it with
    `layout=True`: one key re-laid out the whole wizard (~30 ms from key to frame). An answer's
    box is fixed by its row, so its own scroll extent needs a repaint, not a layout."""

    def watch_value(self, value: str) -> None:
        """Tell the row at once (`Input.Changed` follows as a message, after Textual has drawn
        the key's echo: answering from the message put the new figures a frame later)."""
        row = self.parent
        if isinstance(row, FieldRow):
            row.answered_now()

    def on_resize(self) -> None:
        if self.has_focus:
            self.scroll_to_region(
                Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False
            )


CHOICE_KEYS = "←/→ or first letter."
"""How a choice is answered: the end of its row's hint."""

RANGE_HINT = "Range: low..high."
"""The end of a rangeable number's hint (`8000..12000`, `8000..10000..12000`). Short: a hint
wider than the label column (34) takes two lines in the grid's row height once the row is
laid out again (Textual sizes a spanning cell by each column), a blank line under it."""
RANGE_PLACEHOLDER = "or low..high"
"""The same, after the placeholder, for a rangeable number without a hint line."""

NONE_LABEL = "None tried yet"
"""The `multi` option that answers "none" rather than unknown (nothing ticked)."""


LABEL_WIDTH = 34
"""Columns of the label, left of the answer (the label's own text gets one less)."""


class FieldRow(Widget):
    """A labelled answer. `value` is the text as typed; `set_error` shows a refusal below it.

    One widget around the answer: the row draws its label (left of the answer), its hint and
    its error (below it) itself, rather than composing a `Label` for each. A wizard page has a
    few dozen of these, and every widget is a node Textual mounts, styles and lays out before
    the first frame."""

    DEFAULT_CSS = """
    FieldRow { layout: vertical; height: auto; margin: 0 0 1 0; }
    FieldRow > #input { margin: 0 0 0 34; width: 1fr; }
    FieldRow > Input { border: none; height: 1; padding: 0 1; background: $boost; }
    FieldRow > Input:focus { border: none; background: $primary 30%; }
    FieldRow > Input.-invalid, FieldRow > Input.-invalid:focus {
        border: none; background: $error 30%;
    }
    FieldRow > Choice { background: $boost; }
    FieldRow > Choice:focus { background: $primary 30%; }
    FieldRow > SelectionList { height: auto; max-height: 9; border: none; padding: 0; }
    FieldRow > SelectionList:focus { border: none; background: $primary 15%; }
    """
    # The styles of the row's own text: style strings of the theme's variables (component
    # classes would be styled as a node each, for every row, before the first frame). Muted is
    # `$foreground-muted`: `$text-muted` is "auto 60%", which a style string draws as white.
    LABEL_FOCUSED = "bold reverse"
    HINT = "$foreground-muted"
    ERROR = "$text-error"

    class Changed(Message):
        """A `multi` row's ticks changed (inputs and choices post their own `Changed`)."""

        def __init__(self, row: FieldRow) -> None:
            super().__init__()
            self.row = row

        @property
        def control(self) -> FieldRow:
            return self.row

    def __init__(self, spec: FieldSpec, value: str = "") -> None:
        super().__init__(id="field-" + spec.path.replace(".", "--"))
        self.spec = spec
        self.initial = value
        """The answer shown when the row is first composed."""
        self.shown_error: str | None = None
        """The reason shown below the field, None when it is not marked."""
        self.validator = (
            NumberValidator(spec.kind, ranges=spec.rangeable) if spec.kind in NUMERIC else None
        )
        """A number field's check, as typed (the model checks the answers again)."""
        hint = f"{spec.hint} {CHOICE_KEYS}".strip() if spec.kind in SELECTS else spec.hint
        if hint and spec.rangeable:
            hint = f"{hint} {RANGE_HINT}"
        self.hint = hint
        """Why the question is asked and how to answer it, the line below the answer."""
        self.focused_within = False
        """Whether the answer has focus (the label is then shown reversed)."""

    def compose(self) -> ComposeResult:
        spec = self.spec
        if spec.kind in SELECTS:
            yield self._choice()
        elif spec.kind == "multi":
            yield self._ticks()
        else:
            yield AnswerInput(
                self.initial,
                placeholder=spec.placeholder
                if spec.hint or not spec.rangeable
                # No hint line to say it in: the placeholder does (no row grows).
                else f"{spec.placeholder} {RANGE_PLACEHOLDER}",
                # The row checks the answer (`set_error`). `Input`'s own check would set a
                # class on every input as it is built, styling each one twice at startup.
                validate_on=[],
                id="input",
            )

    # -- the row's own text: label, hint and error ---------------------------------------------

    def _label_lines(self) -> list[Content]:
        return Content(self.spec.label).wrap(LABEL_WIDTH - 1)

    def _notes(self, width: int) -> list[Content]:
        """The lines below the answer: the hint, then the reason it is refused, wrapped."""
        lines: list[Content] = []
        if self.hint:
            lines += Content(self.hint).stylize(self.HINT).wrap(max(width, 1))
        if self.shown_error is not None:
            lines += Content(f"✗ {self.shown_error}").stylize(self.ERROR).wrap(max(width, 1))
        return lines

    def _answer_height(self) -> int:
        children = self.children
        return max(1, children[0].outer_size.height) if children else 1

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        answer = super().get_content_height(container, viewport, width)
        return max(answer, len(self._label_lines())) + len(self._notes(width))

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        labels = self._label_lines()
        if self.focused_within:
            labels = [
                line.pad_right(LABEL_WIDTH - 1 - line.cell_length).stylize(self.LABEL_FOCUSED)
                for line in labels
            ]
        lines = labels + [Content("")] * (self._answer_height() - len(labels))
        return Content("\n").join(lines + self._notes(width))

    def _choice(self) -> Choice:
        """A few options on one line; "unknown" is the option with the empty value."""
        options = list(self.spec.options)
        if not any(not value for _, value in options):
            options.insert(0, ("Unknown", ""))
        known = {value for _, value in options}
        value = self.initial if self.initial in known else ""
        return Choice(options, value=value, label=self.spec.label, id="input")

    def _ticks(self) -> Widget:
        """The `multi` answer: one tick per choice and "none tried yet"; nothing ticked is
        unknown. Imported here: the first step has no such question."""
        from .ticks import Ticks

        ticked = set(split_list(self.initial)) if self.initial else set()
        none = self.initial.strip().lower() == NONE
        options: list[tuple[str, str, bool]] = [(NONE_LABEL, NONE, none)]
        options += [(label, value, value in ticked) for label, value in self.spec.options]
        return Ticks(*options, compact=True, id="input")

    def answered_now(self) -> None:
        """Hand the new answer to whoever shows its consequences (the wizard's `answered`),
        in the same frame as the answer itself."""
        answered = getattr(self.screen, "answered", None)
        if callable(answered):
            answered(self)

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
        if isinstance(widget, Choice):
            return widget.value
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
        if isinstance(widget, Choice):
            widget.value = text if text in {value for _, value in widget.options} else ""
        elif isinstance(widget, Input):
            widget.value = text
        else:
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

    def set_error(self, message: str | None) -> str | None:
        """Mark the field refused with `message` (its own validator's reason first), or clear
        the mark (None); the reason shown."""
        if self.validator is not None:
            # The input's own check, run without `Input.validate` (which resets the input's
            # classes, a restyle): this runs for every row on every keystroke.
            result = self.validator.validate(self.query_one("#input", Input).value)
            if not result.is_valid:
                message = "; ".join(result.failure_descriptions)
        if message == self.shown_error:
            return message
        self.shown_error = message
        invalid = message is not None
        self.set_class(invalid, "-invalid")
        self.query_one("#input").set_class(invalid, "-invalid")
        self.refresh(layout=True)  # the reason takes lines below the answer, or gives them back
        return message
