"""Keys typed faster than the app reacts (a quick typist, a paste, tmux send-keys) go where
the person meant them: after ctrl+s, into the file name, never into the answer that had focus."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input

from tests.tui.wizard_helpers import focus_field, keys_landed, new_app, ready
from tui.dialogs.filename import FileNameScreen


async def test_keys_right_after_ctrl_s_never_change_an_answer() -> None:
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.focused, Input)  # an answer has focus
        before = dict(app.wizard.answers)
        # All four keys queued at once: none waits for the previous one to be handled.
        for key, char in (("ctrl+s", None), ("x", "x"), ("y", "y"), ("z", "z")):
            app.post_message(events.Key(key, char))
        await keys_landed(pilot)
        assert isinstance(app.screen, FileNameScreen)
        assert app.wizard.answers == before
        assert "xyz" in app.screen.query_one("#filename", Input).value


def send(app: App[Any], *keys: tuple[str, str | None]) -> None:
    """Queue `keys` (key, character) all at once: none waits for the one before it."""
    for key, char in keys:
        app.post_message(events.Key(key, char))


async def test_a_letter_right_after_tab_goes_to_the_next_answer() -> None:
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        name = app.wizard.answers["profile.name"]
        # Tab and a letter arrive together (a paste, a quick typist over SSH): the letter
        # belongs to the answer Tab moved to, not to the one Tab left.
        send(app, ("tab", "\t"), ("x", "x"))
        await keys_landed(pilot)
        assert app.wizard.answers["profile.name"] == name
        assert app.wizard.answers["profile.assessed_on"] == "x"  # selected on focus, replaced
        # And back: shift+tab, End and a letter add the letter to the end of the name.
        send(app, ("shift+tab", None), ("end", None), ("!", "!"))
        await keys_landed(pilot)
        assert app.wizard.answers["profile.name"] == name + "!"
        assert app.wizard.answers["profile.assessed_on"] == "x"


async def test_bound_keys_and_letters_act_in_the_order_typed() -> None:
    """A bound key (End, ←, Backspace) followed at once by a letter: the bound key first,
    in an answer typed (Textual #6605) and in a choice."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        name = app.wizard.answers["profile.name"]
        assert isinstance(app.focused, Input) and app.focused.selected_text == name
        send(app, ("end", None), ("!", "!"), ("left", None), ("?", "?"), ("backspace", None))
        await keys_landed(pilot)
        assert app.wizard.answers["profile.name"] == name + "!"
        await focus_field(pilot, "use_case.criticality")
        send(app, ("end", None), ("l", "l"))  # High, then the letter: Low
        await keys_landed(pilot)
        assert app.wizard.answers["use_case.criticality"] == "low"
        send(app, ("m", "m"), ("home", None), ("right", None))  # Medium, Unknown, Low
        await keys_landed(pilot)
        assert app.wizard.answers["use_case.criticality"] == "low"
