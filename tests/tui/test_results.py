"""The results screen at 80×24: the rules' whole recommendation, and Markdown export that
matches `tunewise assess --format markdown` and never overwrites without asking."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from engine.wording import framework_words, verdict_words
from profiles.files import load_profile
from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready
from tui.app import make_app
from tui.cli import main
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.filename import FileNameScreen
from tui.results.framework_table import FrameworkTable
from tui.results.next_steps import NextSteps
from tui.results.screen import ResultsScreen
from tui.widgets.verdict_card import VerdictCard

EXAMPLE = EXAMPLES / "code-generation.toml"


def assess_markdown(path: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", "markdown"]) == 0
    return out.getvalue()


def assess_json_verdict(path: Path) -> tuple[str, list[str], list[str]]:
    import json

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", "json"]) == 0
    data = json.loads(out.getvalue())
    rec = data["recommendation"]
    return (
        rec["verdict"],
        [f["name"] for f in data["frameworks"]],
        [s["title"] for s in rec["next_steps"]],
    )


async def open_results(pilot) -> ResultsScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("ctrl+r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ResultsScreen)
    return screen


async def test_results_show_the_rules_recommendation_frameworks_and_next_steps() -> None:
    verdict, _frameworks, steps = assess_json_verdict(EXAMPLE)
    app = make_app(load_profile(EXAMPLE), EXAMPLE, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_results(pilot)
        assert screen.recommendation is not None
        assert screen.recommendation.verdict == verdict
        card = screen.query_one(VerdictCard).render().plain  # type: ignore[union-attr]
        assert verdict_words(verdict) in card
        assert f"{screen.recommendation.confidence} confidence" in card
        table = screen.query_one(FrameworkTable).plain
        for fw in screen.recommendation.frameworks:
            assert framework_words(fw.id) in table
        shown_steps = screen.query_one(NextSteps).plain
        for title in steps:
            assert title in shown_steps
        assert screen.query("#flowchart-strip-slot")  # room for the flowchart strip


async def test_export_writes_the_markdown_of_tunewise_assess(isolated: Path) -> None:
    expected = assess_markdown(EXAMPLE)
    app = make_app(load_profile(EXAMPLE), EXAMPLE, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await pilot.press("end", "ctrl+u", *"report.md", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    written = (isolated / "report.md").read_text(encoding="utf-8")
    assert written == expected
    assert "**Recommendation:**" in written


async def test_export_asks_before_overwriting_and_no_keeps_the_file(isolated: Path) -> None:
    target = isolated / "report.md"
    target.write_text("mine\n", encoding="utf-8")
    app = make_app(load_profile(EXAMPLE), EXAMPLE, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", *"report.md", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert target.read_text(encoding="utf-8") == "mine\n"

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", *"report.md", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert target.read_text(encoding="utf-8") == assess_markdown(EXAMPLE)


async def test_export_to_a_missing_folder_says_so_and_keeps_running(isolated: Path) -> None:
    app = make_app(load_profile(EXAMPLE), EXAMPLE, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await open_results(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", *"nowhere/report.md", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert any("Could not write" in str(n.message) for n in app._notifications)
    assert not (isolated / "nowhere").exists()
