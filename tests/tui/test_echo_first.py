"""A key's echo is drawn before the answer is evaluated (issue 19): the frame showing the
character typed never waits for the rules, the costs and the panel; their figures follow in
the next frame."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from tests.tui.wizard_helpers import SIZE, VOLUME_STEP, new_app, ready, to_step


@pytest.mark.parametrize("key", ["7", "backspace"])
async def test_the_echo_is_drawn_before_the_answer_is_evaluated(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = new_app()
    frames: list[tuple[object, object]] = []
    """(the focused answer's text, the wizard's evaluation) at each frame drawn."""
    display = App._display

    def noted(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None:
            frames.append((getattr(self.focused, "value", None), app.wizard.evaluation))

    monkeypatch.setattr(App, "_display", noted)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, VOLUME_STEP)
        await pilot.press("end")
        await pilot.pause()
        before = app.wizard.evaluation
        text = str(getattr(app.focused, "value", ""))
        typed = text + "7" if key == "7" else text[:-1]
        frames.clear()
        await pilot.press(key)
        await pilot.pause()
        after = app.wizard.evaluation
        assert before is not None and after is not None and after is not before
        echoed = [evaluation for value, evaluation in frames if value == typed]
        assert echoed[0] is before  # the echo, drawn with the figures as they were
        assert after in echoed  # then the new figures
