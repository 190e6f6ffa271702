"""A profile opened with an answer the wizard refuses (an unknown model id) opens: the answer is
marked on its question with the reason, and the panel, Save, Results, F2 and F3 say what is
wrong, never "Loading prices…" (which it said forever, issue #16)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready, step_of, to_step, type_answer
from tui.app import TunewiseApp, make_app
from tui.dialogs.prices import PricesScreen
from tui.flowchart.screen import FlowchartScreen
from tui.wizard.cost_panel import CostPanel
from tui.wizard.question import QuestionRow
from tui.wizard.screen import NO_FIGURES

GOOD = EXAMPLES / "support-chatbot-50k.toml"
UNKNOWN = "openai:no-such-model"


def bad_profile(folder: Path) -> Path:
    """The example with its prompting model swapped for one no catalog has."""
    text = GOOD.read_text(encoding="utf-8")
    text, count = re.subn(
        r'(\[prompting\][^\[]*?\nmodel = )"[^"]*"', rf'\1"{UNKNOWN}"', text, count=1
    )
    assert count == 1
    path = folder / "bad model.toml"
    path.write_text(text, encoding="utf-8")
    return path


def panel_text(app: TunewiseApp) -> str:
    return app.wizard.query_one(CostPanel).render().plain


def messages(app: TunewiseApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_an_unknown_model_on_open_is_marked_and_said(tmp_path: Path) -> None:
    from profiles.files import load_profile

    path = bad_profile(tmp_path)
    app = make_app(load_profile(path), path, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = panel_text(app)
        assert "Loading prices" not in text
        assert NO_FIGURES in text
        assert f"unknown model '{UNKNOWN}'" in text  # the panel says what is wrong

        for key in ("ctrl+s", "f2", "f3", "ctrl+r"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.wizard, key  # nothing to save, price, map or show
        said = messages(app)
        assert len(said) == 4
        assert not any("loading" in m for m in said), said
        assert all("fix the marked answers" in m for m in said), said

        await to_step(pilot, step_of("prompting.model"))
        row = next(r for r in app.wizard.query(QuestionRow) if r.spec.path == "prompting.model")
        assert row.has_class("-invalid")
        assert row.shown_error is not None and f"unknown model '{UNKNOWN}'" in row.shown_error


async def test_opening_a_refused_profile_drops_the_last_files_figures(tmp_path: Path) -> None:
    """Opened after a valid file, the panel shows none of that file's figures as this one's
    "last valid" figures, and F2 does not show that file's prices."""
    from profiles.files import load_profile

    bad = bad_profile(tmp_path)
    app = make_app(load_profile(GOOD), GOOD, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.wizard.query_one(CostPanel).evaluation is not None
        app.open_profile(bad)
        await ready(pilot)
        assert app.wizard.query_one(CostPanel).evaluation is None
        assert NO_FIGURES in panel_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, PricesScreen)
        assert not isinstance(app.screen, FlowchartScreen)


async def test_fixing_the_answer_brings_the_figures(tmp_path: Path) -> None:
    from profiles.files import load_profile

    path = bad_profile(tmp_path)
    app: Any = make_app(load_profile(path), path, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, step_of("prompting.model"))
        await type_answer(pilot, "prompting.model", "openai:gpt-4")
        await ready(pilot)
        assert app.wizard.errors == {}
        assert "Prompting $" in panel_text(app)
