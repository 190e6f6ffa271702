"""Results for a profile with named options: every option's cumulative cost in one chart (a
glyph each, `◆` where an option's curve crosses the baseline's), then the options ranked by
their total at the horizon. Glyphs and names carry the meaning, so NO_COLOR loses nothing."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ..state.option_figures import break_even_words, fit, ranked, upfront_given
from ..state.option_ids import FINE_TUNING
from ..state.options import KIND_WORDS

if TYPE_CHECKING:
    from engine.result import OptionOutcome, OptionsComparison

BASELINE_GLYPH = "o"
GLYPHS = "ABCDEFGHJKLMNPQRSTUVWYZ"
"""The options' curves, in the profile's order (the baseline is `o`, as in the two-path chart;
no I, O or X, which read as other marks)."""
CROSS = "◆"
"""Where an option's curve crosses the baseline's (its break-even)."""


def glyphs(comparison: OptionsComparison) -> dict[str, str]:
    """Each curve's glyph by option id (options past the glyphs share `+`)."""
    out = {comparison.baseline.id: BASELINE_GLYPH}
    for i, o in enumerate(comparison.options):
        out[o.id] = GLYPHS[i] if i < len(GLYPHS) else "+"
    return out


def _at(series: Sequence[Decimal], month: float) -> float:
    lo = min(int(month), len(series) - 1)
    hi = min(lo + 1, len(series) - 1)
    a, b = float(series[lo]), float(series[hi])
    return a + (b - a) * (month - lo)


def draw(comparison: OptionsComparison, width: int, height: int) -> list[str]:
    """The chart as `height` lines at most, `width` characters wide: the curves, the axes
    and a key line (options whose upfront is unknown have no curve)."""
    from engine.money import usd

    horizon = comparison.horizon_months
    marks = glyphs(comparison)
    drawn = [o for o in (comparison.baseline, *comparison.options) if o.cumulative_usd]
    top = max((float(max(o.cumulative_usd)) for o in drawn), default=1.0) or 1.0
    labels = [usd(Decimal(round(top))), usd(Decimal(round(top / 2))), "$0"]
    axis = max(len(s) for s in labels) + 1
    plot_w, plot_h = max(width - axis - 1, 10), max(height - 3, 3)
    grid = [[" "] * plot_w for _ in range(plot_h)]

    def row_of(value: float) -> int:
        return plot_h - 1 - round(value / top * (plot_h - 1))

    for col in range(plot_w):
        month = col / (plot_w - 1) * horizon
        for o in drawn:
            r = row_of(_at(o.cumulative_usd, month))
            cell, mark = grid[r][col], marks[o.id]
            grid[r][col] = "*" if cell not in {" ", mark} else mark
    base = comparison.baseline.cumulative_usd
    for o in comparison.options:
        be = o.break_even_months
        if be is not None and 0 < be <= horizon and base:
            col = round(float(be) / horizon * (plot_w - 1))
            grid[row_of(_at(base, float(be)))][col] = CROSS
    lines = []
    for i, row in enumerate(grid):
        label = {0: labels[0], plot_h // 2: labels[1], plot_h - 1: labels[2]}.get(i, "")
        lines.append(f"{label:>{axis - 1}} ┤{''.join(row)}")
    lines.append(" " * (axis - 1) + " └" + "─" * plot_w)
    end = f"{horizon} months"
    lines.append(" " * (axis + 1) + "0" + end.rjust(plot_w - 1))
    key = f"{CROSS} pays back against the baseline  * curves meet  (names: the list below)"
    lines.append(key[:width])
    return lines


class OptionsChart(Widget):
    """Every option's cumulative cost; redraws to the room it is given."""

    DEFAULT_CSS = """
    OptionsChart { height: 14; }
    """

    def __init__(self, comparison: OptionsComparison, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.comparison = comparison

    def render(self) -> Content:
        return Content("\n".join(draw(self.comparison, self.size.width, self.size.height)))


def ranking_lines(comparison: OptionsComparison, width: int = 78) -> list[str]:
    """`1. o Prompting (openai:gpt-4) · Prompting  $36,000 at 24 months` and the figures
    below it: cheapest at the horizon first, unknown totals last."""
    from engine.money import usd

    marks = glyphs(comparison)
    h = comparison.horizon_months
    named = {o.id: o.name for o in (comparison.baseline, *comparison.options)}
    lines = []
    for at, o in enumerate(ranked(comparison), start=1):
        total = o.total_at_horizon_usd
        said = "unknown" if total is None else usd(total)
        head = f"{at}. {marks[o.id]} {fit(o.name, width - 30)} · {KIND_WORDS.get(o.kind, o.kind)}"
        lines.append(f"{head}  {said} at {h} months")
        upfront = o.costs.upfront_usd
        up = "unknown" if upfront is None else usd(upfront)
        given = ", given" if upfront is not None and upfront_given(o) else ""
        detail = f"   {usd(o.costs.monthly_usd)} a month, {up} up front{given}"
        if o is not comparison.baseline:
            detail += f", break-even {break_even_words(o)}"
        lines.append(detail)
    from profiles.reports.options_text import crossing_words

    lines += [crossing_words(c, named) + "." for c in comparison.crossings]
    return lines


def item_lines(comparison: OptionsComparison) -> list[Content]:
    """Each named option's line items, monthly then up front, with the formula behind each
    (its own costs among them, `given`); the profile's own paths are in the line items below."""
    from engine.money import usd

    lines: list[Content] = []
    for o in comparison.options:
        if o.id == FINE_TUNING:
            continue
        for when, items in (
            ("monthly", o.costs.monthly_items),
            ("up front", o.costs.upfront_items),
        ):
            if not items:
                continue
            # Names and labels are user text: styled and plain, never markup.
            lines.append(Content.styled(f"{o.name}, {when}", "bold"))
            for i in items:
                lines.append(Content(f"  {fit(i.label, 44):<44}{usd(i.usd):>14}"))
                lines.append(Content(f"      {i.formula}"))
    return lines


def _outcome(comparison: OptionsComparison, key: str | None) -> OptionOutcome | None:
    return next((o for o in (comparison.baseline, *comparison.options) if o.id == key), None)


class OptionsResults(Vertical):
    """The options' chart and ranking, shown when the profile names options."""

    DEFAULT_CSS = """
    OptionsResults { height: auto; }
    OptionsResults > .options--title { text-style: bold; margin: 1 0 0 0; }
    """

    def __init__(self, comparison: OptionsComparison, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        c = self.comparison
        best = _outcome(c, c.cheapest_at_horizon)
        title = f"Options at {c.horizon_months} months, cheapest first"
        yield Static(Content(title), classes="options--title")
        yield OptionsChart(c, id="options-chart")
        # Names are user text: plain `Content`, never markup.
        lines = ranking_lines(c)
        if best is None:
            lines.append(f"Cheapest: {c.cheapest_note}")
        yield Static(Content("\n".join(lines)), id="options-ranking")
        items = item_lines(c)
        if items:
            yield Static(Content("Each option's line items"), classes="options--title")
            yield Static(Content("\n").join(items), id="options-items")
