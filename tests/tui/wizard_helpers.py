"""Helpers shared by the wizard's tests (a module beside them, no package)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import TunewiseApp, make_app
from tui.launch import starter_document

THEME = "ansi-dark"
"""16 colours, the same on every machine: snapshots do not depend on the default theme."""

HOSTILE = "Tier [Gold] [/] [@click=app.quit]x \\"
"""User text that would be markup if it were ever rendered as markup."""


def new_app(document: dict[str, Any] | None = None) -> TunewiseApp:
    return make_app(document or starter_document(), theme=THEME)


def hostile_document() -> dict[str, Any]:
    doc = starter_document()
    doc["profile"]["name"] = HOSTILE
    doc["profile"]["notes"] = f"Notes: {HOSTILE}"
    return doc


async def ready(pilot: Pilot[Any]) -> None:
    """Wait for the catalog worker and the first figures."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def freeze(pilot: Pilot[Any]) -> None:
    """No cursor blink in any screen on the stack (snapshots must not depend on timing)."""
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
