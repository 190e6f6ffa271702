"""A toy framework registered with one line (`tests/toy_framework.py`) shows on the results
screen's framework table and strip and on the flowchart map, with its path marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static

from engine.rules import registry
from profiles.files import load_profile
from tests import toy_framework as toy
from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready
from tui.app import make_app
from tui.flowchart.screen import FlowchartScreen
from tui.results.flowchart_strip import FlowchartStrip
from tui.results.framework_table import FrameworkTable
from tui.results.screen import ResultsScreen

EXAMPLE: Path = EXAMPLES / "flowchart-vs-litmus.toml"
"""Latency critical and 5,000 labelled examples: the toy walks both questions to `ready`."""


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "FRAMEWORKS", [*registry.FRAMEWORKS, toy.FRAMEWORK])


async def test_the_toy_is_in_the_results_table_and_strip_and_on_the_map() -> None:
    app = make_app(load_profile(EXAMPLE), EXAMPLE, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        table = screen.query_one(FrameworkTable).plain
        assert f"{toy.FRAMEWORK.label}: Ready to fine-tune" in table
        assert "The toy guide says: go ahead" in table
        strip = " ".join(screen.query_one(FlowchartStrip).render().plain.split())
        assert "Toy check 1✓ 2✓ ◆ Ready to fine-tune" in strip
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, FlowchartScreen)
        drawing = app.screen.query_one("#map-drawing", Static).render()
        assert isinstance(drawing, Content)
        lines = drawing.plain.splitlines()
        head = next(i for i, line in enumerate(lines) if line.startswith(toy.NAME))
        assert lines[head].rstrip().endswith("◆ Ready to fine-tune")
        assert lines[head + 1] == "004_toy.txt"
        below = lines[head:]
        q1 = next(line for line in below if "Q1 Toy question: is latency" in line)
        q2 = next(line for line in below if "Q2 Toy question: are there 1,000" in line)
        assert q1.startswith("▶") and q2.startswith("▶")  # both on the path
        assert "━yes━▶ ◆ Ready to fine-tune:" in q2  # the leaf reached, marked without colour
