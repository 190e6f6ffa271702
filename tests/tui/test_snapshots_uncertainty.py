"""The results screen of `support-chatbot-ranges` once its simulation has finished: the band
on the chart, the P10/P50/P90 table and the tornado, at 80×24 and one wide (plain `def`
tests; the helpers of test_snapshots_profiles.py)."""

from __future__ import annotations

from pathlib import Path

from profiles.files import load_profile
from tests.tui.test_snapshots import SnapCompare
from tests.tui.test_snapshots_profiles import settled
from tests.tui.wizard_helpers import RANGES, THEME
from tui.app import TunewiseApp, make_app

CHART_AT = 12
"""Lines scrolled at 80×24 to bring the chart and the table below it into view."""


def ranged() -> TunewiseApp:
    return make_app(load_profile(RANGES), RANGES, theme=THEME)


def test_results_band_and_spread(snap_compare: SnapCompare, isolated: Path) -> None:
    run = settled("ctrl+r", "tab", *["down"] * CHART_AT)
    assert snap_compare(ranged(), terminal_size=(80, 24), run_before=run)


def test_results_tornado(snap_compare: SnapCompare, isolated: Path) -> None:
    run = settled("ctrl+r", "tab", *["down"] * (CHART_AT + 22))
    assert snap_compare(ranged(), terminal_size=(80, 24), run_before=run)


def test_results_with_ranges_wide(snap_compare: SnapCompare, isolated: Path) -> None:
    assert snap_compare(ranged(), terminal_size=(130, 60), run_before=settled("ctrl+r"))
