"""The results' summary of a profile with several options speaks of the option that implements
the verdict, with its cost, as the reports do (issue 18 item 3)."""

from __future__ import annotations

from pathlib import Path

from profiles.files import load_profile
from tests.tui.wizard_helpers import SIZE, THEME, ready
from tui.app import make_app
from tui.results.screen import ResultsScreen
from tui.widgets.wrapped_text import WrappedText

EXAMPLE = (
    Path(__file__).parents[2] / "profiles" / "examples" / "options" / "medical-options-2026.toml"
)


async def test_the_summary_names_the_verdicts_option_and_its_cost() -> None:
    app = make_app(load_profile(EXAMPLE), EXAMPLE, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        words = " ".join(screen.query_one("#summary-words", WrappedText).plain.split())
        assert "RAG plus fine-tuning" in words and "$209.65 a month" in words
        assert "saves nothing a month" not in words
