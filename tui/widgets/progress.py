"""Where you are in the flowchart: `● ● ○ …  5/8 Volume and tokens`, glyphs not colours."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class ProgressLine(Widget):
    """One line: a mark per step (done ●, here ◉, to come ○) and the current step's name."""

    DEFAULT_CSS = """
    ProgressLine { height: 1; padding: 0 1; background: $panel; }
    """

    index: reactive[int] = reactive(0)
    """The step shown, 0-based."""
    note: reactive[str] = reactive("")
    """Said at the right (`Example: support-chatbot-50k`): what is being edited, when it is
    not the user's own assessment."""

    def __init__(self, names: list[str], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.names = names

    def render(self) -> Content:
        marks = " ".join(
            "◉" if i == self.index else ("●" if i < self.index else "○")
            for i in range(len(self.names))
        )
        name = self.names[self.index]
        line = Content.assemble(
            (marks, "bold"), f"  {self.index + 1}/{len(self.names)} ", (name, "bold")
        )
        if not self.note:
            return line
        gap = max(self.size.width - 2 - line.cell_length - len(self.note), 2)
        return Content.assemble(line, " " * gap, (self.note, "reverse"))
