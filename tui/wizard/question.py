"""What every question of the wizard shows around its answer: the label left of it, and below
it the hint (why it asks, how to answer) and the reason it is refused. The row draws them
itself, as its own text, rather than composing a widget for each."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widget import Widget

from ..state.form import SELECTS, FieldSpec
from ..state.visible import visible

LABEL_WIDTH = 34
"""Columns of the label, left of the answer (the label's own text gets one less)."""

CHOICE_KEYS = "←/→ or first letter."
"""How a choice is answered: the end of its row's hint."""

RANGE_HINT = "Range: low..high."
"""The end of a rangeable number's hint (`8000..12000`, `8000..10000..12000`). Short, so the
hints of the volume step keep to one line at 80 columns."""


def row_id(path: str) -> str:
    """The widget id of the row answering the field at `path` (`field-workload--requests`)."""
    return "field-" + path.replace(".", "--")


def row_hint(spec: FieldSpec) -> str:
    """The line below an answer: why the question is asked, then how to answer it."""
    hint = f"{spec.hint} {CHOICE_KEYS}".strip() if spec.kind in SELECTS else spec.hint
    if hint and spec.rangeable:
        hint = f"{hint} {RANGE_HINT}"
    return hint


class QuestionRow(Widget):
    """A labelled answer to the question `spec`: the base of `FieldRow` (an answer typed or
    ticked, a widget inside the row) and `ChoiceRow` (a choice the row itself is).

    `value` (defined by each) is the answer as text; `set_error` shows a refusal below it and
    gives the row the `-invalid` class.

    A row class with a second widget base (`ChoiceRow(QuestionRow, Choice)`) has Textual CSS
    type names from its first base only: `QuestionRow` selectors and queries match it, the
    second base's (`Choice`) do not, and that base's default CSS is not applied to it."""

    # Style strings, as component classes are styled per row; `$text-muted` ("auto 60%")
    # draws white in a style string, so muted is `$foreground-muted`.
    LABEL_FOCUSED = "bold reverse"
    HINT = "$foreground-muted"
    ERROR = "$text-error"

    value: str
    """The answer as text ("" for unknown). Declared, not defined: each row defines it (a
    `ChoiceRow`'s is `Choice`'s reactive, which a definition here would hide)."""

    def __init__(self, spec: FieldSpec, *args: Any, **kwargs: Any) -> None:
        """`args` and `kwargs` go on to the answer widget's class (`ChoiceRow`'s `Choice`)."""
        super().__init__(*args, id=row_id(spec.path), **kwargs)
        self.spec = spec
        self.shown_error: str | None = None
        """The reason shown below the answer, None when it is not marked."""
        self.hint = row_hint(spec)
        """Why the question is asked and how to answer it, the line below the answer."""

    @property
    def answer(self) -> Widget:
        """The widget that takes the answer's keys (what to focus): the row itself here."""
        return self

    @property
    def answer_focused(self) -> bool:
        """Whether the answer has focus (the label is then shown reversed)."""
        return self.has_focus

    def label_lines(self) -> list[Content]:
        """The label, wrapped to its column; reversed across the column when focused."""
        lines = Content(self.spec.label).wrap(LABEL_WIDTH - 1)
        if self.answer_focused:
            lines = [
                line.pad_right(LABEL_WIDTH - 1 - line.cell_length).stylize(self.LABEL_FOCUSED)
                for line in lines
            ]
        return lines

    def notes(self, width: int) -> list[Content]:
        """The lines below the answer: the hint, then the reason it is refused, wrapped."""
        lines: list[Content] = []
        if self.hint:
            lines += Content(self.hint).stylize(self.HINT).wrap(max(width, 1))
        if self.shown_error is not None:
            # The reason may quote the answer (an unknown model id from a file): never raw.
            error = Content(f"✗ {visible(self.shown_error)}").stylize(self.ERROR)
            lines += error.wrap(max(width, 1))
        return lines

    def check(self, message: str | None) -> str | None:
        """The reason to show for the refusal `message` from the model (None: accepted).
        A row whose answer has a check of its own (a number) puts its reason first."""
        return message

    def set_error(self, message: str | None) -> str | None:
        """Mark the answer refused with `message` (after the row's own `check`), or clear the
        mark (None); the reason shown. Runs for every row on every keystroke: a row whose
        reason is unchanged is left alone."""
        message = self.check(message)
        if message != self.shown_error:
            self.shown_error = message
            self.set_class(message is not None, "-invalid")
            self.refresh(layout=True)  # the reason takes lines below the answer, or gives them
        return message

    def answered_now(self) -> None:
        """Hand the new answer to whoever shows its consequences (the wizard's `answered`):
        a typed answer once its echo is drawn (`AnswerInput._answered`)."""
        answered = getattr(self.screen, "answered", None)
        if callable(answered):
            answered(self)
