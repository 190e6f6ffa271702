"""Ranges: any numeric answer as low / likely / high instead of a point.

A profile keeps its point answers as they are (the point is the *likely* value) and adds an
optional `[ranges]` table keyed by the answer's dotted field path; the wizard types a range as
`8000..12000` (likely: the answer's point value, or the midpoint) or `8000..10000..12000`.
Pure: no I/O, no heavy imports.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from .errors import InputError

Shape = Literal["triangular", "pert"]
TWO = Decimal(2)


class Range(BaseModel):
    """Where a numeric answer probably lies: at least `low`, most likely `likely`, at most
    `high` (`likely` absent: the answer's point value)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    low: Decimal
    likely: Decimal | None = None
    high: Decimal
    shape: Shape | None = None
    """How samples spread between low and high; the simulation's default (PERT) when absent."""

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        for name in ("low", "likely", "high"):
            value = getattr(self, name)
            if value is not None and not value.is_finite():
                raise ValueError(f"{name} must be a finite number")
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        if self.likely is not None and not self.low <= self.likely <= self.high:
            raise ValueError(f"likely ({self.likely}) is outside {self.low}..{self.high}")
        return self

    def around(self, point: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """(low, likely, high), the likely value being `point` when the range gives none."""
        likely = point if self.likely is None else self.likely
        return self.low, likely, self.high

    @property
    def collapsed(self) -> bool:
        return self.low == self.high


def _number(text: str, field: str, whole: str) -> Decimal:
    cleaned = text.strip().replace(",", "").replace("_", "").lstrip("$")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal("NaN")
    if not cleaned or not value.is_finite():
        raise InputError(
            field,
            f"{whole!r:.40} is not a range: write low..high or low..likely..high "
            "(e.g. 8000..12000)",
        )
    return value


def parse_range(text: str, *, field: str, point: Decimal | None = None) -> Range:
    """`8000..12000`, `8000..10000..12000` or `9000` (a point) as a `Range`.

    With two values the likely value is `point` when it lies inside, else the midpoint.
    Raises `InputError` naming `field`, in one line, when `text` is not a range.
    """
    parts = text.split("..")
    if len(parts) > 3:
        raise InputError(field, f"{text!r:.40} has more than three values: low..likely..high")
    values = [_number(p, field, text) for p in parts]
    if len(values) == 1:
        low = likely = high = values[0]
    elif len(values) == 2:
        low, high = values
        likely = point if point is not None and low <= point <= high else (low + high) / TWO
    else:
        low, likely, high = values
    if low > high:
        raise InputError(field, f"{text!r:.40}: low is above high; write low..high")
    if not low <= likely <= high:
        raise InputError(field, f"{text!r:.40}: the likely value is outside low..high")
    return Range(low=low, likely=likely, high=high)


def range_text(rng: Range, point: Decimal | None = None) -> str:
    """The wizard's typed form of `rng`: `8000..10000..12000`."""
    likely = rng.likely if rng.likely is not None else point

    def fmt(d: Decimal) -> str:
        return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))

    if likely is None:
        return f"{fmt(rng.low)}..{fmt(rng.high)}"
    return f"{fmt(rng.low)}..{fmt(likely)}..{fmt(rng.high)}"
