"""Cumulative cost of both paths over the horizon, drawn in text: `o` prompting, `x`
fine-tuning, `│` the break-even month and, for a profile with ranges, each path's P10–P90 band
shaded `░` (prompting), `▒` (fine-tuning), `▓` (both). Glyphs carry the meaning, so NO_COLOR
loses nothing."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from engine.result import MonthPoint
    from engine.uncertainty.model import Band

SHADES = {"prompting": "░", "finetune": "▒"}
"""The band's shading per path; where both bands cover a cell it is `▓`."""
BOTH = "▓"


def _at(points: Sequence[MonthPoint], month: float, attr: str) -> float:
    """Linear interpolation of a cumulative series at a fractional month."""
    lo = min(int(month), len(points) - 1)
    hi = min(lo + 1, len(points) - 1)
    a, b = float(getattr(points[lo], attr)), float(getattr(points[hi], attr))
    return a + (b - a) * (month - lo)


def _band_at(band: Sequence[Band], month: float, path: str) -> tuple[float, float]:
    """P10 and P90 of one path's cumulative cost at a fractional month (interpolated)."""
    lo = min(int(month), len(band) - 1)
    hi = min(lo + 1, len(band) - 1)
    a, b = getattr(band[lo], path), getattr(band[hi], path)
    t = month - lo
    return (a.p10 + (b.p10 - a.p10) * t, a.p90 + (b.p90 - a.p90) * t)


def draw(
    points: Sequence[MonthPoint],
    break_even: Decimal | None,
    width: int,
    height: int,
    band: Sequence[Band] = (),
) -> list[str]:
    """The chart as `height` lines of `width` characters (one more key line with a band)."""
    from engine.money import usd

    horizon = points[-1].month
    # Fine-tuning's curve is absent when its upfront is unknown: only prompting's is drawn.
    tuned = all(p.finetune_usd is not None for p in points)
    top = max(max(float(p.prompting_usd), float(p.finetune_usd or 0)) for p in points) or 1.0
    if band:
        top = max(top, *(max(b.prompting.p90 or 0.0, b.finetune.p90 or 0.0) for b in band))
    labels = [usd(Decimal(round(top))), usd(Decimal(round(top / 2))), "$0"]
    axis = max(len(s) for s in labels) + 1
    plot_w, plot_h = max(width - axis - 1, 10), max(height - 3 - bool(band), 3)
    grid = [[" "] * plot_w for _ in range(plot_h)]

    def row_of(usd_value: float) -> int:
        return plot_h - 1 - round(usd_value / top * (plot_h - 1))

    for col in range(plot_w) if band else ():
        month = col / (plot_w - 1) * horizon
        for path, shade in SHADES.items():
            p10, p90 = _band_at(band, month, path)
            for r in range(row_of(p90), row_of(p10) + 1):
                cell = grid[r][col]
                grid[r][col] = BOTH if cell not in {" ", shade} else shade
    cross = None
    if break_even is not None and break_even <= horizon:
        cross = round(float(break_even) / horizon * (plot_w - 1))
        for row in grid:
            row[cross] = "│"
    for col in range(plot_w):
        month = col / (plot_w - 1) * horizon
        for attr, glyph in (("prompting_usd", "o"), ("finetune_usd", "x"))[: 2 if tuned else 1]:
            r = row_of(_at(points, month, attr))
            cell = grid[r][col]
            grid[r][col] = "*" if cell in {"o", "x"} and cell != glyph else glyph
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
        from engine.money import months

        key += f"  │ break-even {months(break_even)}"
    elif not tuned:
        key = "o prompting  (fine-tuning unknown: its upfront cost is)"
    else:
        key += "  (no break-even within the horizon)"
    lines.append(key[:width])
    if band:
        lines.append("░ prompting P10–P90  ▒ fine-tuning P10–P90  ▓ both"[:width])
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

    band: reactive[tuple[Band, ...]] = reactive(())
    """P10/P50/P90 of both curves per month, from the simulation (empty: no ranges, or not
    simulated yet); drawn as shading behind the curves."""

    def render(self) -> Content:
        size = self.size
        lines = draw(self.points, self.break_even, size.width, size.height, self.band)
        return Content("\n".join(lines))
