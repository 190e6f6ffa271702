"""At 80×24 and 60×20 the focused answer stays on screen: a notice never hides it, the panel
keeps its headline, the footer keeps F1–F3 and a resize back restores the layout."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.tui.wizard_helpers import SIZE, new_app, ready
from tui.state.settled import Notice
from tui.state.steps import STEPS
from tui.wizard.cost_panel import CostPanel
from tui.wizard.question import QuestionRow
from tui.wizard.step import Step

SIZES = [SIZE, (60, 20)]

LONG = Notice(
    lines=(
        "Guide two says so at length: " + "a reason that wraps over several lines " * 3,
        "And a second guide agrees, for reasons of its own that also take a line or two.",
    ),
    verdict="RAG (medium confidence)",
    settled=True,
)
"""A notice as long as the rules write, shown on every step (most show none for the
example): the layout, not the rules, is under test."""


@pytest.fixture
def notice_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.state.settled.notice_for", lambda step, decision: LONG)


def shown_step(app: Any) -> Step:
    step: Step = app.wizard.steps[app.wizard.index]
    return step


def focused_row(app: Any) -> QuestionRow | None:
    focused = app.focused
    return next((n for n in focused.ancestors_with_self if isinstance(n, QuestionRow)), None)


def assert_focused_row_visible(app: Any, where: str) -> None:
    """The focused row's first line is on screen, inside the step and above its notice."""
    step = shown_step(app)
    row = focused_row(app)
    assert row is not None, where
    top, bottom = step.region.y, step.region.bottom
    box = step.notice_box
    if box is not None and box.display and box.has_class("-shown"):
        bottom = box.region.y
    assert top <= row.region.y < bottom, (where, row.spec.path, row.region, top, bottom)


async def settle_frames(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()


@pytest.mark.usefixtures("notice_everywhere")
@pytest.mark.parametrize("size", SIZES)
async def test_a_notice_never_hides_the_focused_answer(size: tuple[int, int]) -> None:
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for index in range(len(STEPS)):
            if index:
                await pilot.press("ctrl+n")
            await settle_frames(pilot)
            step = shown_step(app)
            assert step.notice_box is not None and step.notice_box.has_class("-shown")
            assert_focused_row_visible(app, f"step {index + 1}")
            for n in range(len(step.rows) - 1):
                await pilot.press("tab")
                await settle_frames(pilot)
                assert_focused_row_visible(app, f"step {index + 1}, tab {n + 1}")


@pytest.mark.usefixtures("notice_everywhere")
async def test_the_notice_collapses_to_one_line_when_rows_are_short() -> None:
    app = new_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await settle_frames(pilot)
        box = shown_step(app).notice_box
        assert box is not None and box.one_line and box.region.height == 1
        await pilot.resize_terminal(80, 40)
        await settle_frames(pilot)
        assert not box.one_line and box.region.height > 3


@pytest.mark.parametrize("size", SIZES)
async def test_the_panel_headline_shows(size: tuple[int, int]) -> None:
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        panel = app.wizard.query_one(CostPanel)
        visible = panel.region.height - 2  # inside the border
        lines = str(panel.render()).split("\n")
        assert any(line.startswith("Verdict:") for line in lines[:visible]), lines
        assert panel.region.bottom <= size[1] - 1  # above the footer


def footer_text(app: Any) -> str:
    footer = app.screen.query_one(Footer)
    right = footer.region.right
    keys = [k for k in footer.children if k.region.right <= right and k.region.width]
    return " ".join(f"{k.key_display} {k.description}" for k in keys)


@pytest.mark.parametrize("example", ["support-chatbot-50k", "support-chatbot-ranges"])
async def test_the_footer_keeps_the_function_keys_at_80_columns(example: str) -> None:
    from tui.launch import example_document

    app = new_app(example_document(example))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await settle_frames(pilot)
        footer = app.screen.query_one(Footer)
        palette = footer.query_one(".-command-palette")
        shown = [k for k in footer.query(FooterKey) if k is not palette]
        keys = {k.key for k in shown if k.region.right <= palette.region.x}
        assert {"f1", "f2", "f3"} <= keys, keys
        if app.wizard.scenarios:
            assert "f4" in keys
        # Nothing cut: every key ends before the palette's key begins.
        assert all(k.region.right <= palette.region.x for k in shown)


async def test_a_resize_back_to_80x24_leaves_no_blank_rows_in_the_panel() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        panel = app.wizard.query_one(CostPanel)
        before = panel.region
        for size in [(120, 30), SIZE, (60, 20), SIZE, (100, 24), SIZE]:
            await pilot.resize_terminal(*size)
            await settle_frames(pilot)
            if size == SIZE:
                assert panel.region == before, size
                assert panel.region.height - 2 == len(str(panel.render()).split("\n"))
