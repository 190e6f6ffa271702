"""Volume scenarios in the wizard: F4 shows the answers as typed, then each of the profile's
`[scenarios]` in turn, then the answers again. The panel (and its simulation) and the results
show the scenario's figures, the same as `tunewise assess --scenario NAME`; the answers, the
dirty mark and what is saved stay as typed. Without scenarios the key is hidden and says so."""

from __future__ import annotations

import html
import json
import re
import shutil
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

import tui.cli
from profiles.files import load_profile
from tests.tui.wizard_helpers import EXAMPLES, RANGES, SIZE, THEME, settle
from tui.app import TunewiseApp, make_app
from tui.dialogs.filename import FileNameScreen
from tui.results.screen import ResultsScreen
from tui.results.uncertainty_summary import UncertaintySummary
from tui.wizard.cost_panel import CostPanel
from tui.wizard.question import QuestionRow

POINTS = EXAMPLES / "code-generation.toml"


async def press_and_settle(pilot: Pilot[Any], key: str) -> None:
    await pilot.press(key)
    await settle(pilot)


def panel(app: TunewiseApp) -> CostPanel:
    return app.wizard.query_one(CostPanel)


def cli_json(path: Path, scenario: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """What `tunewise assess FILE --scenario NAME --format json` prints."""
    capsys.readouterr()
    args = ["assess", str(path), "--scenario", scenario, "--format", "json"]
    assert tui.cli.main(args) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def screen_text(app: TunewiseApp) -> str:
    """The characters on screen, as the screenshot draws them."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


def scenarios_of(path: Path) -> dict[str, dict[str, Any]]:
    with path.open("rb") as fh:
        return tomllib.load(fh)["scenarios"]  # type: ignore[no-any-return]


async def test_f4_cycles_the_answers_each_scenario_in_file_order_and_back() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    names = list(scenarios_of(RANGES))
    assert len(names) >= 2
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        typed = panel(app).evaluation
        assert typed is not None and typed.scenario == ""
        first_line = panel(app).render().plain.splitlines()[0]
        assert not first_line.startswith("Scenario")
        seen = []
        for _ in names:
            await press_and_settle(pilot, "f4")
            ev = panel(app).evaluation
            assert ev is not None
            seen.append(ev.scenario)
            assert panel(app).render().plain.splitlines()[0].startswith(f"Scenario: {ev.scenario}")
        assert seen == names
        await press_and_settle(pilot, "f4")  # back to the answers as typed
        ev = panel(app).evaluation
        assert ev is not None and ev.scenario == ""
        assert ev.result == typed.result
        assert panel(app).render().plain.splitlines()[0] == first_line


@pytest.mark.parametrize("name", ["low", "high"])
async def test_the_panel_shows_the_figures_assess_gives_for_the_scenario(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from engine.money import number

    expected = cli_json(RANGES, name, capsys)
    costs, uncertainty = expected["costs"], expected["uncertainty"]
    sets = scenarios_of(RANGES)[name]["workload.requests_per_month"]
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        typed_requests = app.wizard.evaluation.result.monthly_requests  # type: ignore[union-attr]
        while panel(app).evaluation.scenario != name:  # type: ignore[union-attr]
            await press_and_settle(pilot, "f4")
        ev = panel(app).evaluation
        assert ev is not None
        r = ev.result
        assert r.monthly_requests == Decimal(str(sets)) != typed_requests
        assert float(r.monthly_requests) == costs["monthly_requests"]
        assert float(r.prompting.monthly_usd) == costs["prompting_monthly"]
        assert float(r.finetune.monthly_usd) == costs["finetune_monthly"]
        be = None if r.break_even_months is None else round(float(r.break_even_months), 3)
        assert be == costs["break_even_months"]  # low: never pays back
        assert round(float(r.prompting_total_usd), 6) == costs["prompting_total"]
        assert round(float(r.finetune_total_usd or 0), 6) == costs["finetune_total"]
        text = panel(app).render().plain
        assert text.splitlines()[0] == f"Scenario: {name} (requests a month {number(sets)})"
        words = " ".join(text.split())
        if r.break_even_months is None:
            assert f"never — {costs['break_even_note']}" in words
        else:
            assert f"{number(r.break_even_months)} months" in words
        # The other ranges remain: the panel simulates them, as `assess --scenario` does.
        u = panel(app).uncertainty
        assert u is not None and u.scenario == name
        assert "workload.requests_per_month" not in u.ranged
        assert list(u.ranged) == uncertainty["ranged"]
        assert round(u.p_payback_within_horizon, 4) == uncertainty["p_payback_within_horizon"]
        pays = round(uncertainty["p_payback_within_horizon"] * 100)
        payback = f"Pays back in {uncertainty['horizon_months']} mo: {pays}%"
        assert payback in text
        # At 80×24 the panel grows by the scenario's line: none of its figures is cut off.
        on_screen = screen_text(app)
        assert f"Scenario: {name} (requests a month" in on_screen
        assert payback in on_screen


async def test_switching_changes_neither_the_answers_nor_the_dirty_mark() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(4):  # the volume step: the answer a scenario sets is on screen
            await pilot.press("ctrl+n")
        await pilot.pause()
        before = app.wizard.values
        shown = {row.spec.path: row.value for row in app.wizard.query(QuestionRow)}
        assert "workload.requests_per_month" in shown
        for _ in range(3):
            await press_and_settle(pilot, "f4")
            assert app.wizard.values == before
            assert {row.spec.path: row.value for row in app.wizard.query(QuestionRow)} == shown
            assert not app.dirty


async def test_the_results_say_which_scenario_they_show() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        while panel(app).evaluation.scenario != "high":  # type: ignore[union-attr]
            await press_and_settle(pilot, "f4")
        await press_and_settle(pilot, "ctrl+r")
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        assert screen.evaluation.scenario == "high"
        labels = [str(label.render()) for label in screen.query(Label)]
        assert "Scenario: high (requests a month 100,000)" in labels
        assert screen.uncertainty is not None and screen.uncertainty.scenario == "high"
        assert "scenario high" in screen.query_one(UncertaintySummary).plain


async def test_saving_while_a_scenario_shows_writes_the_answers_as_typed(tmp_path: Path) -> None:
    path = tmp_path / RANGES.name
    shutil.copy(RANGES, path)
    before = path.read_bytes()
    app = make_app(load_profile(path), path, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        while panel(app).evaluation.scenario != "high":  # type: ignore[union-attr]
            await press_and_settle(pilot, "f4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await pilot.press("enter")  # over the open file: nothing asked
        await pilot.pause()
        assert not app.dirty
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["workload"]["requests_per_month"] == 50000  # not the scenario's 100,000
    assert saved["result"]["costs"]["monthly_requests"] == 50000
    assert "workload.requests_per_month" in saved["ranges"]  # not dropped by the scenario
    assert saved["profile"]["name"].endswith("with ranges")  # no "(high)"
    assert path.read_bytes() == before


async def test_without_scenarios_the_key_is_hidden_and_changes_nothing() -> None:
    app = make_app(load_profile(POINTS), POINTS, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "f4" not in app.screen.active_bindings
        assert "Scenario" not in [c.title for c in app.get_system_commands(app.screen)]
        before, text = app.wizard.values, panel(app).render().plain
        ev = panel(app).evaluation
        await press_and_settle(pilot, "f4")
        assert panel(app).evaluation is ev
        assert panel(app).render().plain == text
        assert app.wizard.values == before and not app.dirty
        messages = [n.message for n in app._notifications]
        assert any("this profile has none" in m for m in messages)  # says why


async def test_with_scenarios_the_key_is_in_the_footer_palette_and_help() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.active_bindings["f4"].binding.description == "Scenario"
        assert "Scenario" in [c.title for c in app.get_system_commands(app.screen)]


async def test_opening_a_profile_without_scenarios_returns_to_the_answers(tmp_path: Path) -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_and_settle(pilot, "f4")
        assert panel(app).evaluation.scenario  # type: ignore[union-attr]
        app._open(POINTS)
        await settle(pilot)
        ev = panel(app).evaluation
        assert ev is not None and ev.scenario == "" and app.wizard.scenario == ""
        assert "f4" not in app.screen.active_bindings
