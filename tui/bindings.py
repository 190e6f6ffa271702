"""The keys active on a screen as F1's help and the command palette list them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

KEY_NAMES = {"question_mark": "?", "pageup": "PageUp", "pagedown": "PageDown", "escape": "Esc"}


def key_name(key: str) -> str:
    """`key` as F1 writes it: `ctrl+n`, `F4`, `PageUp`, `?`."""
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    return key.upper() if key[:1] == "f" and key[1:].isdigit() else key


def described_keys(screen: Screen[Any]) -> list[tuple[str, str, str, Any, str]]:
    """Every action with a key and a description active on `screen`, once each: (keys,
    description, action, node, tooltip), keys joined (`ctrl+n / PageDown`). The screen's and
    the app's keys whether the footer shows them or not; a focused widget's only when shown
    (an input's editing keys stay out: F1 says how to answer in its own lines)."""
    by_action: dict[tuple[str, int], list[Any]] = {}
    for key, active in screen.active_bindings.items():
        b = active.binding
        node = active.node
        if not b.description or not (b.show or node is screen or node is screen.app):
            continue
        entry = by_action.setdefault((b.action, id(node)), [[], b.description, b.action, node, ""])
        entry[0].append(key_name(key))
        entry[4] = entry[4] or (b.tooltip or "")
    return [(" / ".join(k), d, a, n, t) for k, d, a, n, t in by_action.values()]
