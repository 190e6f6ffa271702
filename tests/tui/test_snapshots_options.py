"""The options step and the results with options at 80×24 (plain `def` tests; the helpers of
test_snapshots.py)."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.tui.test_options_results import with_options
from tests.tui.test_snapshots import SnapCompare, keys
from tests.tui.wizard_helpers import freeze, new_app, ready
from tui.state.steps import STEPS

TO_OPTIONS = ["ctrl+n"] * next(i for i, s in enumerate(STEPS) if s.key == "options")


def test_options_step_with_a_routing_option(snap_compare: SnapCompare) -> None:
    run = keys(*TO_OPTIONS, "down")  # the routing option picked, its questions below
    assert snap_compare(new_app(with_options()), terminal_size=(80, 24), run_before=run)


def test_options_add_list(snap_compare: SnapCompare) -> None:
    run = keys(*TO_OPTIONS, "a")
    assert snap_compare(new_app(with_options()), terminal_size=(80, 24), run_before=run)


async def _to_options_section(pilot: Pilot[Any]) -> None:
    from tui.results.options import OptionsResults

    await ready(pilot)
    await pilot.press("ctrl+r")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#results").scroll_to_widget(
        screen.query_one(OptionsResults), animate=False, top=True
    )
    freeze(pilot)
    await pilot.pause()
    await pilot.pause()


def test_results_with_options(snap_compare: SnapCompare) -> None:
    app = new_app(with_options())
    assert snap_compare(app, terminal_size=(80, 24), run_before=_to_options_section)
