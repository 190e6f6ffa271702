"""Output formats by name, per kind of document: `assess` renders a `Report`, `diff` a
`ProfileDiff`, `compare` a `Comparison`, `prices` a `PriceQuery`. The CLI's `--format`
choices are these names.

A renderer is a function from the document to text, given as itself or as `module:function`
(imported only when that format is asked for, so building the CLI's parser stays cheap).
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # `typing` itself is not imported for `--help`
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Renderer = Callable[[Any], str]

RENDERERS: dict[str, dict[str, Renderer | str]] = {
    "assess": {
        "text": "profiles.reports.text:render",
        "json": "profiles.reports.as_json:render",
        "markdown": "profiles.reports.markdown:render",
    },
    "diff": {
        "text": "profiles.diffview:diff_text",
        "markdown": "profiles.diffview:diff_markdown",
        "json": "profiles.diffview:diff_json",
    },
    "compare": {
        "text": "profiles.diffview:compare_text",
        "markdown": "profiles.diffview:compare_markdown",
        "json": "profiles.diffview:compare_json",
    },
    "prices": {
        "text": "profiles.listing:query_text",
        "json": "profiles.listing:query_json",
    },
}
"""Kind → format name → renderer, in the order `--help` lists them."""


def register(kind: str, name: str, renderer: Renderer | str) -> None:
    """Add (or replace) format `name` for documents of `kind`."""
    RENDERERS.setdefault(kind, {})[name] = renderer


def formats(kind: str) -> tuple[str, ...]:
    """The format names of `kind`, for `--format`'s choices."""
    return tuple(RENDERERS[kind])


def renderer(kind: str, name: str) -> Renderer:
    target = RENDERERS[kind][name]
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        resolved: Renderer = getattr(importlib.import_module(module), attr)
        return resolved
    return target


def renderers(kind: str) -> dict[str, Renderer]:
    """Every format of `kind`, by name."""
    return {name: renderer(kind, name) for name in RENDERERS[kind]}


def render(kind: str, name: str, document: Any) -> str:
    return renderer(kind, name)(document)
