"""What people type into an answer, read: "unknown", numbers as written (`$1,500`, `5%`),
ranges (`8000..12000`) and lists; each refusal a one-line reason."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from engine.fields import LIMITS

UNKNOWN = frozenset({"", "unknown", "?", "-", "—"})
"""What a person may type for "I don't know": the field is left out of the profile."""
RANGE_SEP = ".."
"""Between the values of a typed range: `8000..12000` or `8000..10000..12000`."""
NONE = "none"
"""A list answer of "none" (an explicit empty list), as opposed to unknown (left out)."""


NOT_PERCENT = {"money": "a dollar amount, not a percentage", "count": "a count, not a percentage"}
"""Kinds a `%` makes no sense for, and the reason one is refused."""


def is_unknown(text: str) -> bool:
    return text.strip().lower() in UNKNOWN


def clean_number(text: str, kind: str = "decimal") -> str:
    """`$1,500` → `1500`, `5%` → `0.05` (a `percent` keeps `94%` as `94`): what people type,
    as the model reads it."""
    raw = text.strip().replace(",", "").replace("_", "").replace("$", "").replace(" ", "")
    if raw.endswith("%") and kind in NOT_PERCENT:
        return raw  # not a number: `1%` of a dollar or of a count means nothing
    if raw.endswith("%") and kind == "percent":
        return raw[:-1]
    if raw.endswith("%"):
        try:
            return format((Decimal(raw[:-1]) / 100).normalize(), "f")
        except InvalidOperation:
            return raw
    return raw


def parse_number(text: str, kind: str) -> Decimal | None:
    """The number typed, or None when it is not one of `kind` (a count must be whole)."""
    try:
        value = Decimal(clean_number(text, kind))
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if kind == "count" and value != value.to_integral_value():
        return None
    return value


ONE_NUMBER = "one number here: ranges are for volumes, tokens and costs"
"""The reason a range is refused on a field the simulation does not range."""
RANGE_FORM = "a range is low..high or low..likely..high"
"""The reason a malformed range is refused (the field's value is shown above it)."""


def is_range(text: str) -> bool:
    """Whether `text` is typed as a range rather than one number."""
    return RANGE_SEP in text


ABOVE = {
    "share": "a fraction from 0 to 1 (or a percentage like 5%)",
    "percent": "a percentage from 0 to 100",
}
"""Why a number above its kind's ceiling is refused."""


def number_problem(value: Decimal, kind: str) -> str | None:
    """Why `value` cannot answer a field of `kind` (its `engine.fields.LIMITS`), or None."""
    low, high = LIMITS.get(kind, (Decimal(0), None))
    if value < low:
        return "cannot be negative"
    if high is not None and value > high:
        return ABOVE.get(kind, f"at most {high}")
    return None


def parse_range_text(
    text: str, kind: str, point: Decimal | None = None
) -> tuple[Decimal, Decimal, Decimal]:
    """`8000..12000` or `8000..10000..12000` as (low, likely, high), each value read as a
    number of `kind` is (`$8,000`, `5%`), by `engine.ranges.bounds` (a count's midpoint is a
    whole number). Raises `ValueError` with a one-line reason."""
    from engine.ranges import LOW_ABOVE_HIGH, bounds

    parts = text.split(RANGE_SEP)
    values = [parse_number(part, kind) if part.strip() else None for part in parts]
    if len(parts) not in (2, 3) or None in values:
        whole = " of whole numbers" if kind == "count" and len(parts) in (2, 3) else ""
        raise ValueError(RANGE_FORM + whole)
    numbers = [v for v in values if v is not None]
    for number in numbers:
        problem = number_problem(number, kind)
        if problem is not None:
            raise ValueError(problem)
    try:
        return bounds(numbers, point, whole=kind == "count")
    except ValueError as exc:
        fix = ": write low..high" if str(exc) == LOW_ABOVE_HIGH else ""
        raise ValueError(f"{exc}{fix}") from None


def split_list(text: str) -> list[str]:
    """A list answer's items: `few_shot,rag` → `["few_shot", "rag"]`; `none` → `[]`."""
    if text.strip().lower() == NONE:
        return []
    return [item.strip() for item in text.split(",") if item.strip()]
