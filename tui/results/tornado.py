"""What moves break-even most, as a text tornado chart: one bar per ranged answer, spanning the
break-even months between its low and its high value (the others at their likely values).

`L` marks the end reached at the answer's low value, `H` at its high value, `│` the break-even
of the likely answers and `»` never (or beyond the horizon): letters carry the meaning, so
NO_COLOR loses nothing. The top answer is explained in words below the bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from engine.money import tenths

from ..widgets.wrapped_text import Line, wrap

if TYPE_CHECKING:
    from engine.uncertainty import TornadoBar, Uncertainty

INDENT = 3
"""Bars start under the answer's name, after its number."""


def _col(months: float | None, horizon: int, width: int) -> int:
    """The column of a break-even month on a bar `width` wide; never or beyond: the last."""
    if months is None or months > horizon:
        return width - 1
    return round(months / horizon * (width - 2))


def bar(b: TornadoBar, likely_months: float | None, horizon: int, width: int) -> str:
    """One bar of `width` characters."""
    cells = [" "] * width
    lo, hi = _col(b.break_even_at_low, horizon, width), _col(b.break_even_at_high, horizon, width)
    for c in range(min(lo, hi), max(lo, hi) + 1):
        cells[c] = "━"
    if likely_months is not None and likely_months <= horizon:
        cells[_col(likely_months, horizon, width)] = "│"
    cells[lo], cells[hi] = "L", "H"
    if cells[-1] == " ":
        cells[-1] = "·"
    return "".join(cells)


def _months(value: float | None) -> str:
    return tenths(value, unit="months")


def axis(horizon: int, width: int) -> str:
    """Month labels under the bars' columns: 0, half the horizon, the horizon, » never."""
    cells = [" "] * width
    half = horizon // 2
    for months, text, anchor in ((0, "0", 0), (half, str(half), len(str(half)) // 2)):
        at = _col(months, horizon, width) - anchor
        cells[at : at + len(text)] = text
    end = str(horizon)
    at = _col(horizon, horizon, width) - len(end) + 1
    cells[at : at + len(end)] = end
    cells[-1] = "»"
    return "".join(cells)


def tornado_rows(u: Uncertainty, likely_months: float | None, width: int) -> list[str]:
    """The chart as lines of at most `width` characters (words wrapped to fit)."""
    from engine.uncertainty.sensitivity import show

    bar_w = max(width - INDENT, 16)
    h = u.horizon_months
    likely = "never" if likely_months is None else f"{likely_months:,.1f} months"
    pad = " " * INDENT
    head = [
        Line("What moves break-even most (each answer low → high, the others at likely)"),
        Line(f"L at the low answer, H at the high, │ likely answers ({likely}), » never"),
    ]
    rows = [text for text, _ in wrap(head, width)] + [pad + axis(h, bar_w)]
    for n, b in enumerate(u.tornado, 1):
        words = (
            f"{n}. {b.label}: L {show(b.field, b.low)} → {_months(b.break_even_at_low)}, "
            f"H {show(b.field, b.high)} → {_months(b.break_even_at_high)}"
        )
        rows += [text for text, _ in wrap([Line(words, hang=INDENT)], width)]
        rows.append(pad + bar(b, likely_months, h, bar_w))
    rows.append("")
    rows += [text for text, _ in wrap([Line("In words: " + u.summary, hang=2)], width)]
    return [row[:width] for row in rows]


class TornadoChart(Widget):
    """The tornado of one simulation; its height is what it takes at the width given."""

    DEFAULT_CSS = """
    TornadoChart { height: auto; }
    """

    def __init__(
        self,
        uncertainty: Uncertainty,
        likely_months: float | None,
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        super().__init__(id=id)
        self.uncertainty = uncertainty
        self.likely_months = likely_months
        """Break-even months of the point answers (the `│` on every bar)."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(tornado_rows(self.uncertainty, self.likely_months, width))

    def render(self) -> Content:
        rows = tornado_rows(self.uncertainty, self.likely_months, self.size.width)
        return Content("\n".join(rows))

    @property
    def plain(self) -> str:
        """The chart at 80 columns less padding (for tests)."""
        return "\n".join(tornado_rows(self.uncertainty, self.likely_months, 78))
