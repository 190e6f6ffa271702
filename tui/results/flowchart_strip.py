"""The flowchart map in two lines, for the results screen: each guide's answers along its
path (✓ yes, ✗ no, ? unknown) and where it ended (◆), then the consolidated verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from engine.rules import FrameworkVerdict, Recommendation

MARKS = {"yes": "✓", "no": "✗", "unknown": "?"}

PREFIX = "Path (F3): "
"""The strip's heading, with the key that opens the whole map."""


def _words(verdict: str) -> str:
    from engine.wording import verdict_words

    return verdict_words(verdict)


def path_marks(fw: FrameworkVerdict) -> str:
    """`1✓ 2✗ 3?`: the framework's own questions in the order it asked them (the tables it
    reads afterwards are left out: they annotate, they do not decide)."""
    asked = [s.answer for s in fw.path if s.question_id]
    return " ".join(f"{i}{MARKS.get(a, '·')}" for i, a in enumerate(asked, 1))


def strip_items(rec: Recommendation) -> list[tuple[str, str]]:
    """One item a guide's framework, (path, verdict): (`Decision tree 1✗`, `Prompt
    engineering`); the key to the whole map is in the strip's heading (`PREFIX`)."""
    from engine.rules.registry import framework

    items = []
    for fw in rec.frameworks:
        spec = framework(fw.id)
        if spec is not None and spec.guide is not None:
            items.append((f"{spec.guide.short} {path_marks(fw)}", _words(fw.verdict)))
    return items


def pack(items: list[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Items on lines of at most `width` cells, never split (one per line at worst)."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = len(PREFIX)
    for path, verdict in items:
        size = len(path) + len(verdict) + 3 + (3 if lines[-1] else 0)
        if lines[-1] and used + size > width:
            lines.append([])
            used = len(PREFIX)
            size -= 3
        lines[-1].append((path, verdict))
        used += size
    return lines


class FlowchartStrip(Widget):
    """Two lines (more only when narrow) summarising the map; F3 opens the whole map."""

    DEFAULT_CSS = """
    FlowchartStrip { height: auto; padding: 0 1; }
    """

    def __init__(self, recommendation: Recommendation, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.recommendation = recommendation

    def _lines(self, width: int) -> list[Content]:
        out: list[Content] = []
        for n, line in enumerate(pack(strip_items(self.recommendation), width)):
            head = PREFIX if n == 0 else " " * len(PREFIX)
            pieces: list[tuple[str, str] | str] = [(head, "bold")]
            for i, (path, verdict) in enumerate(line):
                mark = "◆ "
                pieces += [" · " if i else "", f"{path} ", (mark + verdict, "bold")]
            out.append(Content.assemble(*pieces))
        return out

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_region.width or 76))

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._lines(width))
