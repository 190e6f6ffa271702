"""Text from a file, made safe to print: control characters shown, never sent to a terminal."""

from __future__ import annotations

import re
from functools import cache


@cache
def controls() -> re.Pattern[str]:
    """C0, DEL, C1, line/paragraph separators, bidi overrides and lone surrogates: what is
    never sent to a terminal (here, in the wizard's `tui.visible`, and refused in a profile's
    text). Compiled on first use: printable text, the usual case, never needs it."""
    return re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def has_controls(text: str) -> bool:
    """Whether `text` holds a character `controls()` matches (none is printable, so printable
    text is answered without the pattern)."""
    return not text.isprintable() and controls().search(text) is not None


def _shown(match: re.Match[str]) -> str:
    # `\u001b` rather than `\x1b`: the same escape is valid inside a JSON string, so one output
    # path serves text, markdown and JSON, and JSON still decodes to the original text.
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, keep: str = "\n\t") -> str:
    """`text` with every control character except those in `keep` shown as `\\uXXXX`."""
    if text.isprintable():
        return text
    if keep:
        return controls().sub(lambda m: m.group() if m.group() in keep else _shown(m), text)
    return controls().sub(_shown, text)
