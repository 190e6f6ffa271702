"""The results' How sure section gives each option's chance of being cheapest and of paying
back, as `tunewise assess` does (issue 18: the simulation per option, on the screen too)."""

from __future__ import annotations

from pathlib import Path

from profiles.files import load_profile
from tests.tui.wizard_helpers import SIZE, THEME, ready
from tui.app import make_app
from tui.results.screen import ResultsScreen
from tui.results.uncertainty_summary import UncertaintySummary

EXAMPLE = (
    Path(__file__).parents[2] / "profiles" / "examples" / "options" / "medical-options-2026.toml"
)


async def test_the_results_give_each_options_odds(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    ranged = tmp_path / "ranged.toml"
    ranged.write_text(
        text.replace(
            "[use_case]",
            '[ranges]\n\n[ranges."workload.requests_per_day"]\nlow = 300\nhigh = 900\n\n[use_case]',
            1,
        ),
        encoding="utf-8",
    )
    app = make_app(load_profile(ranged), ranged, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.pause()
        summary = screen.query_one(UncertaintySummary)
        u = summary.uncertainty
        assert u is not None and u.options
        words = " ".join(summary.plain.split())
        for o in u.options:
            share = f"{round(o.p_cheapest_at_horizon * 100)}%"
            assert f"{o.name}: {share}" in words
        assert "Gemini 3.5 Flash-Lite, prompted" in words
