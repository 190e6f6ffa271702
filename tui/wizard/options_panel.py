"""The live panel's option rows: one compact line per named option (name, monthly, up front,
break-even against the baseline and, for a profile with ranges, its chance of being the
cheapest), below the panel's own figures, as many as the panel has room for."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.content import Content

from ..state.option_figures import fit, panel_rows

if TYPE_CHECKING:
    from engine.uncertainty.model import OptionOdds

    from ..state.evaluation import Evaluation
    from ..state.option_figures import Row

MAX_ROWS = 4
"""Option rows the panel shows at most; more are counted on one line (Results lists all)."""
NARROW = 50
"""Narrower than this (the panel beside the questions) an option takes two lines."""
HEADS = ("a month", "up front", "break-even", "cheapest")
"""The columns of the rows with odds, after the name."""


def option_lines(
    evaluation: Evaluation,
    width: int,
    *,
    odds: Iterable[OptionOdds] | None = None,
    room: int | None = None,
    keep: str = "",
) -> list[Content]:
    """The option rows for a panel `width` columns wide inside ([] without named options),
    each with its chance of being the cheapest when `odds` is given (`…` for an option the
    odds do not have yet), in `room` lines at most (None: no limit); the option `keep` (the
    one being edited) among those shown."""
    if not evaluation.profile.options:
        return []
    try:
        rows = panel_rows(evaluation.assessed.options, odds)
    except Exception as exc:  # the answers' own refusal is marked on its question
        return [Content(f"Options: not costed ({(str(exc).splitlines() or ['refused'])[0]})")]
    if width < NARROW:  # the wide layout's column: the name, then the figures below it
        return _fitted(rows, room, 0, 2, lambda shown: _column(shown, width), keep)
    if odds is not None:
        return _fitted(rows, room, 1, 1, lambda shown: _table(shown, width), keep)
    return _fitted(rows, room, 0, 1, lambda shown: _lines(shown, width), keep)


def _fitted(
    rows: list[Row],
    room: int | None,
    head: int,
    each: int,
    draw: Callable[[list[Row]], list[Content]],
    keep: str = "",
) -> list[Content]:
    """`draw`n rows in `room` lines: all, or as many as fit then how many more (never a row
    cut below the panel's edge); one line counting them when not even one fits."""
    n = len(rows)
    shown = min(n, MAX_ROWS)
    while room is not None and shown and head + each * shown + (shown < n) > room:
        shown -= 1
    if shown == 0:
        if room is not None and room < 1:
            return []
        return [Content(f"{n} option{'s' if n != 1 else ''}: Results lists all")]
    picked = rows[:shown]
    kept = [row for row in rows[shown:] if row.id == keep]
    if kept:  # the option being edited replaces the last row shown: its figures stay in view
        picked = picked[:-1] + kept
    lines = draw(picked)
    if n > shown:
        more = n - shown
        lines.append(
            Content(f"and {more} more option{'s' if more != 1 else ''}: Results lists all")
        )
    return lines


def _upfront(row: Row, *, words: bool) -> str:
    said = f"{row.upfront} up front" if words else row.upfront
    return f"{said}, given" if row.given and words else f"{said} given" if row.given else said


def _column(rows: list[Row], width: int) -> list[Content]:
    lines = []
    for row in rows:
        tail = f" · cheapest {row.cheapest}" if row.cheapest else ""
        lines.append(Content(fit(row.name, max(width - len(tail), 8)) + tail))
        figures = Content.assemble(
            "  ",
            (row.monthly, "bold"),
            f" · {_upfront(row, words=False)} · ",
            (row.break_even, "bold"),
        )
        lines.append(figures.truncate(width, ellipsis=True))
    return lines


def _lines(rows: list[Row], width: int) -> list[Content]:
    wide = width >= 70
    rests = [
        Content.assemble(
            " ",
            (row.monthly.rjust(10), "bold"),
            f"  {_upfront(row, words=True)}" if wide else f" {_upfront(row, words=False)}",
            "  break-even " if wide else " · ",
            (row.break_even, "bold"),
        )
        for row in rows
    ]
    # The names give way to the figures (a given up front is labelled so), one width for all.
    longest = max(rest.cell_length for rest in rests)
    name_width = max(min(20 if wide else width - 34, width - longest), 8)
    return [
        Content.assemble(fit(row.name, name_width).ljust(name_width), rest).truncate(
            width, ellipsis=True
        )
        for row, rest in zip(rows, rests, strict=True)
    ]


def _table(rows: list[Row], width: int) -> list[Content]:
    """A header, then a row per option in columns: the odds need the room of the words."""
    cells = [
        (row.monthly.removesuffix("/mo"), _upfront(row, words=False), row.break_even, row.cheapest)
        for row in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEADS)]
    gap = 2 if width >= 70 else 1
    used = sum(widths) + gap * len(widths)
    name_width = max(min(24, width - used), 8)

    def line(name: str, values: tuple[str, ...], *, bold: bool) -> Content:
        month, up, be, odds = (v.rjust(w) for v, w in zip(values, widths, strict=True))
        be = values[2].ljust(widths[2])
        pad = " " * gap
        style = "bold" if bold else ""
        return Content.assemble(
            fit(name, name_width).ljust(name_width),
            pad,
            (month, style),
            pad + up + pad,
            (be, style),
            pad + odds,
        ).truncate(width, ellipsis=True)

    head = line("Option", HEADS, bold=False).stylize("underline")
    return [head, *(line(r.name, c, bold=True) for r, c in zip(rows, cells, strict=True))]
