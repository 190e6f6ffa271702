"""The tailored next steps: guide 003's steps and the measurements the other guides ask for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.rules.verdict import NextStep


def step_lines(steps: tuple[NextStep, ...]) -> list[Line]:
    lines = [Line("Next steps", style="bold")]
    for n, s in enumerate(steps, 1):
        where = "Measure" if s.step is None else f"Step {s.step}"
        lines.append(Line(f"{n:>2}. {s.title} ({where})", 0, 4, style="bold"))
        lines.append(Line(s.text, 4, 4))
    return lines


class NextSteps(WrappedText):
    """Numbered, each with guide 003's step number (or `Measure`) and the tailored text."""

    def __init__(self, steps: tuple[NextStep, ...], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(step_lines(steps), id=id)
