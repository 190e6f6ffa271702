"""Text from a file, made safe to draw: every control character shown, never sent to the
terminal. One helper for every screen that shows a file's text (an ESC or BEL in a price
file's source title retitled the terminal from F2 and broke the dialog's border)."""

from __future__ import annotations

import re

from engine.visible import controls, has_controls  # one definition of a control character


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}"  # no picture for these: written as an escape


def _one(match: re.Match[str]) -> str:
    shown = _shown(match)
    return shown if len(shown) == 1 else "\ufffd"


def visible(text: str, *, keep: str = "", one_for_one: bool = False) -> str:
    """`text` with each control character (but those in `keep`, e.g. "\\n" in a paragraph)
    shown as its control picture (␛, ␇, ␊…) or as `\\uXXXX`; `one_for_one`: one character
    for each (U+FFFD where there is no picture), so indexes into `text` still hold (an input
    box's cursor)."""
    if not has_controls(text):
        return text
    shown = _one if one_for_one else _shown
    return controls().sub(lambda m: m.group() if m.group() in keep else shown(m), text)
