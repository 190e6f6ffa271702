"""Inputs and price book at one set of values: how the exact engine is asked about a sample."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..inputs import CostInputs
from ..paths import get_path, set_path
from ..pricebook import PriceBook
from ..ranges import PRICE_PATHS

VOLUME_PATHS = (
    "workload.requests_per_day",
    "workload.requests_per_month",
    "workload.days_per_month",
)
"""Answers that move the first month's volume (days: a daily volume's month)."""


def _patch_book(book: PriceBook, where: tuple[str, ...], value: Decimal) -> PriceBook:
    if len(where) == 1:
        quote = getattr(book, where[0])
        return book.model_copy(update={where[0]: quote.model_copy(update={"usd": value})})
    holder = getattr(book, where[0])
    quote = getattr(holder, where[1])
    new_holder = holder.model_copy(update={where[1]: quote.model_copy(update={"usd": value})})
    return book.model_copy(update={where[0]: new_holder})


def inputs_at(
    inputs: CostInputs, book: PriceBook, values: dict[str, Decimal]
) -> tuple[CostInputs, PriceBook]:
    """`inputs` and `book` with the answers at dotted `values` replaced. A monthly bill given
    directly scales with a changed volume, as the simulation's fast path assumes."""
    data = inputs.model_dump(exclude_unset=True)
    ratio = None
    if any(path in values for path in VOLUME_PATHS):
        w = inputs.workload
        days = values.get("workload.days_per_month", w.days_per_month)
        first = (
            values.get("workload.requests_per_month", w.requests_per_month)
            if w.requests_per_month is not None
            else values.get("workload.requests_per_day", w.requests_per_day or Decimal(0)) * days
        )
        assert first is not None
        ratio = first / w.monthly_requests
    for path, value in values.items():
        where = PRICE_PATHS.get(path)
        if where is not None:
            book = _patch_book(book, where, value)
        field_value: Any = value
        if isinstance(get_path(inputs, path), int):
            field_value = int(value)
        if where is None or get_path(inputs, path) is not None:
            set_path(data, path, field_value)
    if ratio is not None:
        for path in ("prompting.inference_monthly_usd", "fine_tuning.serving_monthly_usd"):
            bill = values.get(path, get_path(inputs, path))
            if bill is not None:
                set_path(data, path, bill * ratio)
    return CostInputs.model_validate(data), book
