"""Behaviour of the wizard, driven by keyboard at 80×24."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input

from profiles.files import load_profile
from tests.tui.wizard_helpers import (
    HOSTILE,
    SIZE,
    THEME,
    VOLUME_STEP,
    hostile_document,
    new_app,
    ready,
    to_step,
)
from tui.app import make_app
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.filename import FileNameScreen
from tui.launch import example_document
from tui.results.screen import ResultsScreen
from tui.wizard.cost_panel import CostPanel
from tui.wizard.field import FieldRow
from tui.wizard.question import LABEL_WIDTH, QuestionRow
from tui.wizard.screen import WizardScreen


def panel_text(app: App[Any]) -> str:
    panel = app.screen.query_one(CostPanel)
    return panel.render().plain


async def clear_and_type(pilot: Pilot[Any], text: str) -> None:
    await pilot.press("end", "ctrl+u", *text)


async def test_whole_assessment_by_keyboard_to_a_saved_profile(isolated: Path) -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.focused, Input)  # the name, first question of the first step
        await clear_and_type(pilot, "Support bot")
        await to_step(pilot, VOLUME_STEP)
        await clear_and_type(pilot, "120000")  # requests a month, focused on arrival
        await pilot.press("ctrl+n")  # models and prices
        await pilot.pause()
        await pilot.press("tab")  # prompting monthly bill
        await clear_and_type(pilot, "$3,600")
        # fine-tuning costs, team, options, results
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        shown = app.screen.evaluation.result
        assert app.screen.recommendation is not None
        verdict = app.screen.recommendation.verdict
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await clear_and_type(pilot, "bot.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.dirty

    saved = load_profile(isolated / "bot.toml")
    assert saved.profile.name == "Support bot"
    assert saved.workload.requests_per_month == Decimal(120000)
    assert saved.prompting.inference_monthly_usd == Decimal(3600)
    assert saved.prompting.model == "openai:gpt-4"
    assert saved.fine_tuning.upfront_usd == Decimal(12000)
    assert saved.fine_tuning.serving_monthly_usd == Decimal(250)
    assert saved.result is not None and saved.result.recommendation is not None
    assert saved.result.recommendation.verdict == verdict  # the verdict the screen showed

    reopened = make_app(saved, isolated / "bot.toml", theme=THEME)
    async with reopened.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(reopened.screen, ResultsScreen)
        again = reopened.screen.evaluation.result
        assert again.break_even_months == shown.break_even_months
        assert again.prompting_total_usd == shown.prompting_total_usd
        assert reopened.screen.recommendation is not None
        assert reopened.screen.recommendation.verdict == verdict
        assert not reopened.dirty


async def test_one_keystroke_in_the_volume_field_updates_the_panel() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, VOLUME_STEP)
        before = panel_text(app)
        assert "50,000 req/mo" in before
        await pilot.press("end", "0")
        await pilot.pause()
        after = panel_text(app)
        assert after != before
        assert "500,000 req/mo" in after


async def test_an_invalid_value_marks_the_field_and_keeps_the_last_figures() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, VOLUME_STEP)
        before = panel_text(app)
        await pilot.press("end", "x")
        await pilot.pause()
        row = app.screen.query_one("#field-workload--requests_per_month", FieldRow)
        assert row.has_class("-invalid")
        error = row.render().plain.splitlines()[-1]
        assert error.startswith("✗ ") and "number" in error
        assert row.shown_error is not None and row.shown_error in error
        panel = app.screen.query_one(CostPanel)
        assert panel.stale and panel.has_class("-stale")
        assert "STALE" in panel_text(app)
        assert before.splitlines()[0] in panel_text(app)  # the last valid figures stay
        assert app.is_running
        await pilot.press("backspace")
        await pilot.pause()
        assert not row.has_class("-invalid") and not panel.stale


async def test_a_model_level_refusal_is_marked_where_it_is() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, VOLUME_STEP)
        await pilot.press("tab")  # requests a day
        await pilot.press(*"100")  # a month and a day: the model wants exactly one
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        marked = [r.spec.path for r in wizard.query(QuestionRow) if r.has_class("-invalid")]
        assert marked == ["workload.requests_per_month", "workload.requests_per_day"]
        assert app.is_running


async def test_back_and_next_keep_answers() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await clear_and_type(pilot, "Kept")
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+b", "ctrl+b")
        await pilot.pause()
        assert app.wizard.values["profile.name"] == "Kept"


async def test_quitting_with_unsaved_changes_asks_first() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("end", "!")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, WizardScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value == 0


async def test_an_answer_typed_before_the_first_frame_still_asks_before_quitting() -> None:
    """Seen in tmux under load: keys that landed before the first frame's callback were taken
    as the answers as opened, and ctrl+q then quit without asking."""
    app = new_app()
    app.wizard.answers["profile.name"] = "Typed early"  # what a key before the frame does
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_saving_never_overwrites_without_asking(isolated: Path) -> None:
    existing = isolated / "taken.toml"
    existing.write_text("keep me\n", encoding="utf-8")
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await clear_and_type(pilot, "taken.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert existing.read_text(encoding="utf-8") == "keep me\n"
        assert app.dirty or app.path is None
        await pilot.press("ctrl+s")
        await pilot.pause()
        await clear_and_type(pilot, "taken.toml")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert load_profile(existing).workload.requests_per_month == Decimal(50000)


async def test_user_text_is_never_markup() -> None:
    app = new_app(hostile_document())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        title = app.screen.query_one(".results--title").render()
        assert isinstance(title, Content)
        assert title.plain == HOSTILE
        assert app.is_running


async def test_help_lists_every_shown_binding() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()
        rendered = [w.render() for w in app.screen.query("Static")]
        text = "\n".join(r.plain for r in rendered if isinstance(r, Content | Text))
        for description in ("Next", "Back", "Results", "Save", "Prices", "Quit"):
            assert description in text


async def test_a_row_draws_its_label_and_a_muted_hint_below_the_answer() -> None:
    app = make_app(
        example_document("support-chatbot-50k"), theme="textual-dark"
    )  # a theme with muted colours
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        row = app.screen.query_one("#field-profile--notes", FieldRow)
        label, hint = row.render_line(0), row.render_line(1)
        assert label.text.rstrip() == "Notes"
        assert hint.text.startswith(row.hint)
        # The answer starts where the label's column ends, as a choice's options do.
        assert row.answer.region.x - row.content_region.x == LABEL_WIDTH
        # The hint is muted: a colour between the label's and the background.
        label_colour = next(s.style.color for s in label if s.text.strip() and s.style)
        hint_colour = next(s.style.color for s in hint if s.text.strip() and s.style)
        assert label_colour is not None and hint_colour is not None
        # On a dark theme, muted is dimmer than the label's text.
        assert sum(hint_colour.get_truecolor()) < sum(label_colour.get_truecolor())
        # Focus moves the label's mark (reverse, which NO_COLOR keeps) to the focused row.
        name = app.screen.query_one("#field-profile--name", FieldRow)
        assert name.focused_within and not row.focused_within
        assert any(s.style and s.style.reverse for s in name.render_line(0) if s.text.strip())
        assert not any(s.style and s.style.reverse for s in label if s.text.strip())
