"""One value that differs between two profiles (`Change`), the diff's unit: its own module so
that what adds changes (the options' outcomes) needs not import the whole diff."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_serializer

from .delta import Kind

Group = Literal["answers", "prices", "outcomes"]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Change(Out):
    """One value that differs, with a worded delta for numbers."""

    group: Group
    path: str
    """Dotted path, e.g. `workload.requests_per_month` or `prices.prompting.input.usd`."""
    label: str
    before: str | None
    """As people write it; None when absent on that side."""
    after: str | None
    delta: str = ""
    """`+$1,250/mo ($300 → $1,550, +417%)` for numbers, empty otherwise."""
    kind: Kind = "text"
    """How `before` and `after` read: `usd` and `usd_monthly` take a `$`, `months` a unit."""
    percent: Decimal | None = None
    """Relative change in percent, when both sides are non-zero numbers."""

    @field_serializer("percent", when_used="json")
    def _percent_json(self, value: Decimal | None) -> str | None:
        """Two decimals, plainly written (`66.67`, `400`, `-77.5`)."""
        if value is None:
            return None
        with localcontext(prec=200):
            rounded = value.quantize(Decimal("0.01")).normalize()
        return format(rounded, "f") if rounded else "0"
