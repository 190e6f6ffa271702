"""Keys typed faster than the app reacts (a quick typist, a paste, tmux send-keys) go where
the person meant them: after ctrl+s, into the file name, never into the answer that had focus."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.tui.wizard_helpers import new_app, ready
from tui.screens.filename import FileNameScreen


async def test_keys_right_after_ctrl_s_never_change_an_answer() -> None:
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.focused, Input)  # an answer has focus
        before = dict(app.wizard.answers)
        # All four keys queued at once: none waits for the previous one to be handled.
        for key, char in (("ctrl+s", None), ("x", "x"), ("y", "y"), ("z", "z")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        assert app.wizard.answers == before
        assert "xyz" in app.screen.query_one("#filename", Input).value
