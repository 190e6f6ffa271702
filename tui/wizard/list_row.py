"""A question row whose answer is a list picked by keys, one entry a line, the picked one
bracketed and reversed when focused (it reads without colour): the options picker and an
option's own costs."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size

from .question import LABEL_WIDTH, QuestionRow


class ListRow(QuestionRow):
    """Draws `texts()` beside the question's label, `picked_at()` marked."""

    EMPTY = "None: press a to add one."

    def texts(self) -> list[str]:
        """Each entry as one line of user text (plain: never markup)."""
        raise NotImplementedError

    def picked_at(self) -> int:
        """The picked entry's place in `texts()` (-1 when none)."""
        raise NotImplementedError

    def _lines(self) -> list[Content]:
        texts = self.texts()
        if not texts:
            return [Content(self.EMPTY)]
        style = "bold reverse" if self.has_focus else "bold"
        at = self.picked_at()
        return [
            Content.assemble((f"[{text}]", style)) if i == at else Content(f" {text} ")
            for i, text in enumerate(texts)
        ]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(len(self._lines()), len(self.label_lines())) + len(self.notes(width))

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        labels, answers = self.label_lines(), self._lines()
        lines = []
        for at in range(max(len(labels), len(answers))):
            label = labels[at] if at < len(labels) else Content("")
            text = answers[at] if at < len(answers) else Content("")
            line = Content.assemble(label.pad_right(LABEL_WIDTH - label.cell_length), text)
            lines.append(line.truncate(max(width, LABEL_WIDTH + 1), ellipsis=True))
        return Content("\n").join(lines + self.notes(width))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
