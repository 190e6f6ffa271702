"""A choice question as one widget: the label, the options beside it and the hint below."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size

from ..state.form import FieldSpec
from .choice import Choice
from .question import LABEL_WIDTH, QuestionRow


class ChoiceRow(QuestionRow, Choice, can_focus=True):
    """A question answered by a `Choice` that is the row itself: it draws the label left of
    the options and the hint and refusal below them (one widget, not a container and two).

    "Unknown" is the option with the empty value (added when the question has none); an
    answer none of the options has (an old or hand-edited profile) reads as unknown."""

    DEFAULT_CSS = """
    ChoiceRow { width: 1fr; height: auto; margin: 0 0 1 0; }
    """
    # The answer's background, as in a `FieldRow`'s input: style strings of the row's text.
    ANSWER = "on $boost"
    ANSWER_FOCUSED = "on $primary 30%"
    ANSWER_REFUSED = "on $error 30%"
    answer_left = LABEL_WIDTH
    # `can_focus=True` above: Textual sets each widget class's own from its first base, here
    # `QuestionRow` (not focusable), not from `Choice`.

    def __init__(self, spec: FieldSpec, value: str = "") -> None:
        options = list(spec.options)
        if not any(not option for _, option in options):
            options.insert(0, ("Unknown", ""))
        known = value in {option for _, option in options}
        super().__init__(spec, options, value=value if known else "", label=spec.label)

    def validate_value(self, value: str) -> str:
        return value if value in self._values else ""

    def watch_value(self, value: str) -> None:
        super().watch_value(value)
        # A longer option's words may take another line: the row's height follows them.
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        answer = super().get_content_height(container, viewport, self.answer_width(width))
        return max(answer, len(self.label_lines())) + len(self.notes(width))

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        answer_width = self.answer_width(width)
        answers = self.answer_lines(answer_width)
        labels = self.label_lines()
        if self.shown_error is not None:
            background = self.ANSWER_REFUSED
        else:
            background = self.ANSWER_FOCUSED if self.has_focus else self.ANSWER
        lines = []
        for at in range(max(len(answers), len(labels))):
            label = labels[at] if at < len(labels) else Content("")
            answer = answers[at] if at < len(answers) else Content("")
            lines.append(
                Content.assemble(
                    label.pad_right(LABEL_WIDTH - label.cell_length),
                    answer.pad_right(answer_width - answer.cell_length).stylize_before(background),
                )
            )
        return Content("\n").join(lines + self.notes(width))

    def on_focus(self) -> None:
        self.refresh()  # the label is reversed and the answer's background changes

    def on_blur(self) -> None:
        self.refresh()
