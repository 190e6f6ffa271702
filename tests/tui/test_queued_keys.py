"""Keys typed right after a screen or dialog closes (a quick typist, a paste, tmux send-keys)
go to the screen shown next: none is lost on the screen that was closing."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.app import App

from tests.tui.wizard_helpers import (
    SIZE,
    keys_landed,
    new_app,
    ready,
    step_of,
    to_step,
    type_answer,
)
from tui.results.next_steps import NextSteps
from tui.results.screen import ResultsScreen
from tui.wizard.question import QuestionRow


def send(app: App[Any], *keys: str) -> None:
    """Queue `keys` all at once: none waits for the one before it."""
    for key in keys:
        app.post_message(events.Key(key, None))


def shown(app: App[Any]) -> object:
    """The screen shown (typed loosely: mypy narrows `app.screen` across the keys sent)."""
    return app.screen


async def drain(pilot: Any) -> None:
    await keys_landed(pilot)


@pytest.mark.parametrize("size", [SIZE, (60, 20)])
async def test_quick_ctrl_b_from_the_results_walk_back_every_step(size: tuple[int, int]) -> None:
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await to_step(pilot, 6)  # step 7
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        send(app, *["ctrl+b"] * 7)  # one closes the results, six walk back from step 7
        await drain(pilot)
        assert shown(app) is app.wizard
        assert app.wizard.index == 0


async def test_results_opened_and_closed_at_once_then_back_twice() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, 3)  # step 4
        send(app, "ctrl+r", "escape", "ctrl+b", "ctrl+b")
        await drain(pilot)
        assert app.screen is app.wizard
        assert app.wizard.index == 1  # step 2


@pytest.mark.parametrize(
    ("opener", "closer"),
    [
        ("f1", "escape"),
        ("f2", "escape"),
        ("f3", "escape"),
        ("f1", "f1"),
        ("f2", "f2"),
        ("f3", "f3"),
    ],
)
async def test_keys_after_a_dialog_closes_reach_the_wizard(opener: str, closer: str) -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, 3)
        send(app, opener)
        await drain(pilot)
        assert app.screen is not app.wizard
        send(app, closer, "ctrl+b", "ctrl+b")
        await drain(pilot)
        assert app.screen is app.wizard
        assert app.wizard.index == 1


async def test_keys_after_saving_reach_the_wizard() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, 3)
        send(app, "ctrl+s")
        await drain(pilot)
        assert app.screen is not app.wizard
        send(app, "enter", "ctrl+b", "ctrl+b")
        await drain(pilot)
        assert app.screen is app.wizard
        assert app.wizard.index == 1


async def test_pagedown_and_pageup_move_between_steps() -> None:
    """As F1 and the README say (the step's scroll bindings used to take them first)."""
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert app.wizard.index == 2
        await pilot.press("pageup")
        await pilot.pause()
        assert app.wizard.index == 1


@pytest.mark.parametrize("opener", ["f1", "f2", "f3"])
async def test_keys_right_after_opening_and_closing_go_where_meant(opener: str) -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, 3)
        before = dict(app.wizard.answers)
        send(app, opener, "x", "escape", "ctrl+b", opener, opener, "ctrl+b")
        await drain(pilot)
        assert app.screen is app.wizard
        assert app.wizard.index == 1
        assert app.wizard.answers == before  # the x went to the screen opened, not an answer


async def test_a_next_steps_number_goes_to_the_answer_it_names() -> None:
    """Next steps name the answer to fill in (issue 14); its number on the results goes there."""
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, 4)
        await type_answer(pilot, "workload.requests_per_month", "60000")
        await pilot.press("ctrl+r")
        await drain(pilot)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.recommendation is not None
        steps = results.recommendation.next_steps
        number, step = next((n, s) for n, s in enumerate(steps, 1) if s.field)
        assert f"(press {number})" in results.query_one(NextSteps).plain
        send(app, str(number))
        await drain(pilot)
        assert app.screen is app.wizard
        focused = app.wizard.focused
        assert focused is not None
        row = next(n for n in focused.ancestors_with_self if isinstance(n, QuestionRow))
        assert row.spec.path == step.field
        assert app.wizard.index == step_of(step.field)
