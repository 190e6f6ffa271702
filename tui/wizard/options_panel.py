"""The live panel's option rows: one compact line per named option (name, monthly, up front,
break-even against the baseline), below the panel's own figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from ..state.options import fit, panel_rows

if TYPE_CHECKING:
    from ..state.evaluation import Evaluation

MAX_ROWS = 4
NARROW = 50
"""Narrower than this (the panel beside the questions) an option takes two lines."""
"""Option rows the panel shows at most; more are counted on one line (Results lists all)."""


def has_options(evaluation: Evaluation | None) -> bool:
    """Whether the panel shows option rows: only a profile that names options has them."""
    return evaluation is not None and bool(evaluation.profile.options)


def option_lines(evaluation: Evaluation, width: int) -> list[Content]:
    """The option rows for a panel `width` columns wide inside ([] without named options)."""
    if not has_options(evaluation):
        return []
    try:
        rows = panel_rows(evaluation.assessed.options)
    except Exception as exc:  # the answers' own refusal is marked on its question
        return [Content(f"Options: not costed ({(str(exc).splitlines() or ['refused'])[0]})")]
    if width < NARROW:  # the wide layout's column: the name, then the figures below it
        lines = []
        for row in rows[:MAX_ROWS]:
            lines.append(Content(fit(row.name, width)))
            figures = Content.assemble(
                "  ", (row.monthly, "bold"), f" · {row.upfront} · ", (row.break_even, "bold")
            )
            lines.append(figures.truncate(width, ellipsis=True))
        if len(rows) > MAX_ROWS:
            lines.append(Content(f"and {len(rows) - MAX_ROWS} more: Results lists all"))
        return lines
    wide = width >= 70
    name_width = 20 if wide else max(width - 34, 8)
    lines = []
    for row in rows[:MAX_ROWS]:
        upfront = f"{row.upfront} up front" if wide else row.upfront
        lines.append(
            Content.assemble(
                fit(row.name, name_width).ljust(name_width),
                " ",
                (row.monthly.rjust(10), "bold"),
                f"  {upfront}" if wide else f" {upfront}",
                "  break-even " if wide else " · ",
                (row.break_even, "bold"),
            ).truncate(width, ellipsis=True)
        )
    if len(rows) > MAX_ROWS:
        lines.append(Content(f"and {len(rows) - MAX_ROWS} more options: Results lists all"))
    return lines
