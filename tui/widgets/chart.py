"""Cumulative cost of both paths over the horizon, drawn in text: `o` prompting, `x`
fine-tuning, `│` the break-even month. Glyphs carry the meaning, so NO_COLOR loses nothing."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from engine.result import MonthPoint


def _at(points: Sequence[MonthPoint], month: float, attr: str) -> float:
    """Linear interpolation of a cumulative series at a fractional month."""
    lo = min(int(month), len(points) - 1)
    hi = min(lo + 1, len(points) - 1)
    a, b = float(getattr(points[lo], attr)), float(getattr(points[hi], attr))
    return a + (b - a) * (month - lo)


def draw(
    points: Sequence[MonthPoint], break_even: Decimal | None, width: int, height: int
) -> list[str]:
    """The chart as `height` lines of `width` characters."""
    from engine.money import usd

    horizon = points[-1].month
    top = max(max(float(p.prompting_usd), float(p.finetune_usd)) for p in points) or 1.0
    labels = [usd(Decimal(round(top))), usd(Decimal(round(top / 2))), "$0"]
    axis = max(len(s) for s in labels) + 1
    plot_w, plot_h = max(width - axis - 1, 10), max(height - 3, 3)
    grid = [[" "] * plot_w for _ in range(plot_h)]
    cross = None
    if break_even is not None and break_even <= horizon:
        cross = round(float(break_even) / horizon * (plot_w - 1))
        for row in grid:
            row[cross] = "│"
    for col in range(plot_w):
        month = col / (plot_w - 1) * horizon
        for attr, glyph in (("prompting_usd", "o"), ("finetune_usd", "x")):
            row = plot_h - 1 - round(_at(points, month, attr) / top * (plot_h - 1))
            cell = grid[row][col]
            grid[row][col] = "*" if cell in {"o", "x"} and cell != glyph else glyph
    lines = []
    for i, row in enumerate(grid):
        label = (
            labels[0]
            if i == 0
            else labels[1]
            if i == plot_h // 2
            else (labels[2] if i == plot_h - 1 else "")
        )
        lines.append(f"{label:>{axis - 1}} ┤{''.join(row)}")
    lines.append(" " * (axis - 1) + " └" + "─" * plot_w)
    end = f"{horizon} months"
    lines.append(" " * (axis + 1) + "0" + end.rjust(plot_w - 1))
    key = "o prompting  x fine-tuning  * both"
    if cross is not None:
        key += f"  │ break-even {break_even:.1f} months"
    else:
        key += "  (no break-even within the horizon)"
    lines.append(key[:width])
    return lines


class CostChart(Widget):
    """The chart of one result; redraws to the room it is given."""

    DEFAULT_CSS = """
    CostChart { height: 14; }
    """

    def __init__(
        self,
        points: Sequence[MonthPoint],
        break_even: Decimal | None,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self.points = points
        self.break_even = break_even

    def render(self) -> Content:
        lines = draw(self.points, self.break_even, self.size.width, self.size.height)
        return Content("\n".join(lines))
