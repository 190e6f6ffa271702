"""F1 lists every key, the range syntax and what F4 does; the palette has one help entry."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from tests.tui.wizard_helpers import SIZE, new_app, ready, to_step
from tui.dialogs.help import HelpScreen
from tui.results.screen import ResultsScreen


def help_text(app: Any) -> str:
    assert isinstance(app.screen, HelpScreen)
    rendered = [w.render() for w in app.screen.query("Static")]
    return "\n".join(r.plain for r in rendered if isinstance(r, Content))


async def test_f1_lists_every_key_the_ranges_and_f4() -> None:
    app = new_app()  # no scenarios: F4 is not among the keys active, F1 still explains it
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        for key in ("ctrl+n", "ctrl+b", "ctrl+r", "ctrl+s", "ctrl+o", "ctrl+q", "ctrl+p"):
            assert key in text, key
        for key in ("F1", "F2", "F3", "F4", "F5", "PageDown / PageUp", "tab / shift+tab"):
            assert key in text, key
        assert "Export the results" in text  # `e`, on the results
        assert "low..high" in text and "low..likely..high" in text
        assert "[scenarios]" in text  # what F4 shows, and that it needs them
        assert "does nothing" in text


async def test_f1_on_the_results_lists_e_among_the_keys_here() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("f1")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        assert ("e", "Export: Export the results to a Markdown file") in screen.keys


async def test_the_palette_has_one_help_entry_and_every_action() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, 1)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keys" not in titles
        assert titles.count("Help") == 1
        for title in ("Next", "Back", "Results", "Save", "Open", "Prices", "Map", "Quit"):
            assert titles.count(title) == 1, title


async def test_f4_without_scenarios_says_why_it_does_nothing() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert not app.wizard.scenarios
        await pilot.press("f4")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("has none" in m and "[scenarios]" in m for m in messages), messages
