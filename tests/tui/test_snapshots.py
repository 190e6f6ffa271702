"""Every screen at 80×24, one wide layout, and hostile user text (plain `def` tests). The
flowchart steps and the map are in test_snapshots_steps.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from tests.tui.wizard_helpers import freeze, hostile_document, new_app, ready

Run = Callable[[Pilot[Any]], Awaitable[None]]
SnapCompare = Callable[..., bool]
"""The `snap_compare` fixture (pytest-textual-snapshot declares it as taking only the app)."""


def keys(*pressed: str) -> Run:
    """Wait for the figures, press `pressed`, freeze the cursor."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        freeze(pilot)
        await pilot.pause()

    return run_before


def test_results(snap_compare: SnapCompare) -> None:
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=keys("ctrl+r"))


def test_results_scrolled_to_line_items(snap_compare: SnapCompare) -> None:
    run = keys("ctrl+r", "tab", "end")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_help(snap_compare: SnapCompare) -> None:
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=keys("f1"))


def test_prices(snap_compare: SnapCompare) -> None:
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=keys("f2"))


def test_save_dialog(snap_compare: SnapCompare) -> None:
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=keys("ctrl+s"))


def test_quit_unsaved_asks(snap_compare: SnapCompare) -> None:
    run = keys("end", "!", "ctrl+q")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_invalid_volume_is_marked_and_panel_stale(snap_compare: SnapCompare) -> None:
    run = keys(*["ctrl+n"] * 4, "end", "x")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_wide_layout(snap_compare: SnapCompare) -> None:
    run = keys(*["ctrl+n"] * 4)
    assert snap_compare(new_app(), terminal_size=(120, 40), run_before=run)


def test_hostile_text_in_the_wizard(snap_compare: SnapCompare) -> None:
    app = new_app(hostile_document())
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys())


def test_hostile_text_in_results(snap_compare: SnapCompare) -> None:
    app = new_app(hostile_document())
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("ctrl+r"))


def test_task_type_list(snap_compare: SnapCompare) -> None:
    """The task type, a long choice, opened to its whole list (enter), the answer highlighted."""
    run = keys("tab", "tab", "tab", "enter")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)
