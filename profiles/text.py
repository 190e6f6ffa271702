"""The text a profile may hold: printable, bounded, never a terminal control sequence."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def printable(text: str) -> str:
    """`text` unchanged, or `ValueError` naming the first control character in it."""
    found = _CONTROL.search(text)
    if found:
        raise ValueError(f"contains control character U+{ord(found.group()):04X}")
    return text


Text = Annotated[str, Field(max_length=10_000), AfterValidator(printable)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(printable)]
