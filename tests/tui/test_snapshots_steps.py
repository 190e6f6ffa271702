"""The flowchart steps and the flowchart map at 80×24, and one wide layout (plain `def`
tests; the fixtures and helpers of test_snapshots.py)."""

from __future__ import annotations

import pytest

from tests.tui.test_snapshots import SnapCompare, keys
from tests.tui.wizard_helpers import new_app
from tui.state.steps import STEPS

TO_VOLUME = ["ctrl+n"] * 4
EIGHTY_A_DAY = ["end", "ctrl+u", "2", "4", "0", "0"]
"""2,400 requests a month: below 001's 100 a day, so the volume step says it is settled."""


@pytest.mark.parametrize("index", range(len(STEPS)), ids=[s.key for s in STEPS])
def test_step(snap_compare: SnapCompare, index: int) -> None:
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=keys(*["ctrl+n"] * index))


def test_settled_early_notice(snap_compare: SnapCompare) -> None:
    run = keys(*TO_VOLUME, *EIGHTY_A_DAY)
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_ticking_techniques(snap_compare: SnapCompare) -> None:
    run = keys("ctrl+n", "tab", "tab", "tab", "down", "down", "space")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_flowchart_map(snap_compare: SnapCompare) -> None:
    run = keys(*TO_VOLUME, *EIGHTY_A_DAY, "f3")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_flowchart_map_scrolled_to_the_decision_tree(snap_compare: SnapCompare) -> None:
    run = keys(*TO_VOLUME, *EIGHTY_A_DAY, "f3", "pagedown", "pagedown")
    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=run)


def test_wide_step_with_notice(snap_compare: SnapCompare) -> None:
    run = keys(*TO_VOLUME, *EIGHTY_A_DAY)
    assert snap_compare(new_app(), terminal_size=(120, 40), run_before=run)
