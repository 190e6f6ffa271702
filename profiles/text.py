"""The text a profile may hold: printable, bounded, never a terminal control sequence."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from engine.visible import controls


def printable(text: str) -> str:
    """`text` unchanged, or `ValueError` naming the first control character in it."""
    if text.isprintable():  # no control character is printable: the pattern is not needed
        return text
    found = next((m for m in controls().finditer(text) if m.group() not in "\t\n"), None)
    if found:
        raise ValueError(f"contains control character U+{ord(found.group()):04X}")
    return text


Text = Annotated[str, Field(max_length=10_000), AfterValidator(printable)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(printable)]
