"""The cost line items of both paths: amount and the formula behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from engine.result import CostResult, LineItem


def _group(title: str, items: tuple[LineItem, ...]) -> list[Content]:
    from engine.money import usd

    if not items:
        return []
    lines = [Content.styled(title, "bold")]
    for i in items:
        lines.append(Content(f"  {i.label:<30}{usd(i.usd):>14}"))
        lines.append(Content(f"      {i.formula}"))
    return lines


def items(result: CostResult) -> Content:
    lines = [
        *_group("Prompting, monthly", result.prompting.monthly_items),
        *_group("Prompting, up front", result.prompting.upfront_items),
        *_group("Fine-tuning, monthly", result.finetune.monthly_items),
        *_group("Fine-tuning, up front", result.finetune.upfront_items),
    ]
    return Content("\n").join(lines)


class LineItems(Static):
    """Every figure of the summary is a sum of these."""

    def __init__(self, result: CostResult, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(items(result), id=id)
