"""How report text is laid out, shared by the text and Markdown renderers and their
sections: the width, the wrap, the Markdown escape."""

from __future__ import annotations

import textwrap

WIDTH = 80


def wrap(text: str, first: str, rest: str = "  ") -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [first]


def md(text: str) -> str:
    """Escape what Markdown tables and emphasis would interpret."""
    for ch in "\\`*_[]|<>":
        text = text.replace(ch, "\\" + ch)
    return text
