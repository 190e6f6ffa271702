"""The tailored next steps: guide 003's steps and the measurements the other guides ask for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..widgets.wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.rules.verdict import NextStep


def step_lines(steps: tuple[NextStep, ...]) -> list[Line]:
    from engine.wording import field_words, plain

    lines = [Line("Next steps", style="bold")]
    for n, s in enumerate(steps, 1):
        where = "" if s.step is None else f" (guide 003, step {s.step})"
        lines.append(Line(f"{n:>2}. {plain(s.title)}{where}", 0, 4, style="bold"))
        lines.append(Line(plain(s.text), 4, 4))
        if s.field:
            key = f" (press {n})" if n < 10 else ""
            lines.append(Line(f"Fill in: {field_words(s.field)}{key}", 4, 4))
    return lines


class NextSteps(WrappedText):
    """Numbered, each with guide 003's step number (or `Measure`) and the tailored text."""

    def __init__(self, steps: tuple[NextStep, ...], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(step_lines(steps), id=id)
