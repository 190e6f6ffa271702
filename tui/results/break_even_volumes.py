"""The volume at which fine-tuning pays back within 6, 12 and 24 months."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from engine.result import CostResult


def volumes(result: CostResult) -> Content:
    lines = [Content.styled("Fine-tuning pays back within", "bold")]
    lines += [
        Content(f"  {v.within_months:>2} months: {v.note}") for v in result.break_even_volumes
    ]
    return Content("\n").join(lines)


class BreakEvenVolumes(Static):
    """The volume at which fine-tuning pays back within 6, 12 and 24 months."""

    def __init__(self, result: CostResult, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(volumes(result), id=id)
