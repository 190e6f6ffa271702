"""20,000 characters typed at once into an answer (tmux send-keys, a paste the terminal does not
bracket): every character arrives, in order, and the answer changes a few times, not once a key
(one change per key froze the wizard for over a minute, issue #16). The time itself is a
benchmark: `tests/benchmarks/bench_typing.py`."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.message import Message
from textual.widgets import Input

from tests.tui.wizard_helpers import focus_field, new_app, ready, settle
from tui.dialogs.filename import FileNameScreen
from tui.dialogs.help import HelpScreen
from tui.wizard.question import QuestionRow

LONG = 20_000


def keys(text: str) -> list[tuple[str, str | None]]:
    """`text` as the keys a terminal sends for it (key names as Textual's parser gives them)."""
    from textual.keys import _character_to_key

    return [(_character_to_key(c), c) for c in text]


def send(app: Any, *sent: tuple[str, str | None]) -> None:
    """Queue all of `sent` at once, as a terminal's read delivers them."""
    for key, char in sent:
        app.post_message(events.Key(key, char))


@pytest.mark.parametrize("path", ["profile.name", "profile.notes"])
async def test_twenty_thousand_keys_arrive_whole_and_in_few_changes(path: str) -> None:
    changes: list[str] = []

    def hook(message: Message) -> None:
        row = message.input.parent if isinstance(message, Input.Changed) else None
        if isinstance(row, QuestionRow) and row.spec.path == path:
            changes.append(message.value)  # type: ignore[attr-defined]

    app = new_app()
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await ready(pilot)
        await focus_field(pilot, path)
        await pilot.press("end", "ctrl+u")
        await pilot.pause()
        changes.clear()
        text = "".join(chr(ord("a") + i % 26) for i in range(LONG - 3)) + "END"
        send(app, *keys(text))
        await settle(pilot)
        assert app.wizard.answers[path] == text
        values = set(changes)  # each change is seen once per widget it bubbles through
        assert 0 < len(values) <= 20, f"{len(values)} different values for {LONG} keys"
        assert changes[-1] == text
        # Still answering: a key typed now goes in at once.
        await pilot.press("!")
        await pilot.pause()
        assert app.wizard.answers[path] == text + "!"


async def test_keys_that_arrive_together_keep_their_order_and_meaning() -> None:
    """Letters around Tab, shift+tab, End and Backspace: each letter lands where it would have
    landed typed slowly; a letter bound elsewhere ("?" is Help) is typed; after ctrl+s, the
    letters go to the file name."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await focus_field(pilot, "profile.notes")  # the next answer: the task
        await pilot.press("end", "ctrl+u")
        await pilot.pause()
        send(
            app,
            *keys("ab?c" * 30),
            ("backspace", None),
            ("tab", "\t"),
            *keys("task " * 50),
            ("shift+tab", None),
            ("end", None),
            *keys("[/]x"),
        )
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        assert app.wizard.answers["profile.notes"] == ("ab?c" * 30)[:-1] + "[/]x"
        assert app.wizard.answers["use_case.description"] == "task " * 50
        send(app, ("ctrl+s", None), *keys("file.toml"))
        await settle(pilot)
        assert isinstance(app.screen, FileNameScreen)
        assert app.screen.query_one("#filename", Input).value.endswith("file.toml")
        assert app.wizard.answers["profile.notes"] == ("ab?c" * 30)[:-1] + "[/]x"
