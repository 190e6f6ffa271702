"""Ranges typed into the wizard (`8000..12000`, `8000..10000..12000`): the answer is the likely
value, the range goes into `[ranges]` so the panel simulates and saving writes it; opening a
profile shows its ranges as typed and saves them back unchanged; a plain number removes one.
Driven by keyboard at 80×24."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

import tui.state.how_sure
from engine.ranges import parse_range, range_text
from profiles.files import load_profile
from tests.tui.wizard_helpers import (
    EXAMPLES,
    RANGES,
    SIZE,
    THEME,
    VOLUME_STEP,
    settle,
    step_of,
    to_step,
    type_answer,
)
from tui.app import make_app
from tui.dialogs.filename import FileNameScreen
from tui.state.steps import STEPS
from tui.state.typed import ONE_NUMBER, parse_range_text
from tui.wizard.cost_panel import CostPanel
from tui.wizard.field import RANGE_PLACEHOLDER, FieldRow
from tui.wizard.question import RANGE_HINT
from tui.wizard.screen import WizardScreen

POINTS = EXAMPLES / "support-chatbot-50k.toml"
EVIDENCE_STEP = step_of("evidence.techniques_tried")
VOLUME = "workload.requests_per_month"


def wizard(pilot: Pilot[Any]) -> WizardScreen:
    screen = pilot.app.screen
    assert isinstance(screen, WizardScreen)
    return screen


def panel(pilot: Pilot[Any]) -> CostPanel:
    return pilot.app.screen.query_one(CostPanel)


def row(pilot: Pilot[Any], path: str) -> FieldRow:
    return pilot.app.screen.query_one("#field-" + path.replace(".", "--"), FieldRow)


def pct(value: float) -> str:
    return f"{round(value * 100)}%"


async def save_as(pilot: Pilot[Any], name: str) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FileNameScreen)
    await pilot.press("end", "ctrl+u", *name, "enter")
    await pilot.pause()


def ranges_table(text: str) -> str:
    """The `[ranges]` tables of a profile file, as written (up to the next other table)."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "[ranges]")
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].startswith("[") and not lines[i].startswith("[ranges.")
        ),
        len(lines),
    )
    return "".join(lines[start:end])


async def test_a_typed_range_simulates_saves_and_reopens(isolated: Path) -> None:
    app = make_app(load_profile(POINTS), POINTS, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert panel(pilot).uncertainty is None  # no ranges: nothing simulated
        await to_step(pilot, VOLUME_STEP)
        await type_answer(pilot, VOLUME, "30,000..50000..90000")
        await settle(pilot)
        ev = panel(pilot).evaluation
        assert ev is not None
        assert ev.profile.workload.requests_per_month == 50000  # the likely value
        rng = ev.profile.ranges[VOLUME]
        assert (rng.low, rng.likely, rng.high) == dec(30000, 50000, 90000)
        u = panel(pilot).uncertainty
        assert u is not None
        expected = tui.state.how_sure.simulate(ev)  # same seed, same samples
        assert u.p_payback_within_horizon == expected.p_payback_within_horizon
        shown = panel(pilot).render().plain
        assert f"Pays back in 24 mo: {pct(u.p_payback_within_horizon)}" in shown
        assert row(pilot, VOLUME).shown_error is None
        await save_as(pilot, "ranged.toml")
        assert not app.dirty

    saved = (isolated / "ranged.toml").read_text(encoding="utf-8")
    data = tomllib.loads(saved)
    assert data["ranges"][VOLUME] == {"low": 30000, "likely": 50000, "high": 90000}
    assert data["workload"]["requests_per_month"] == 50000
    assert '[ranges."workload.requests_per_month"]' in saved
    assert "uncertainty" in data["result"]  # saved with the simulation's snapshot

    reopened = make_app(load_profile(isolated / "ranged.toml"), theme=THEME)
    async with reopened.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        assert row(pilot, VOLUME).query_one("#input", Input).value == "30000..50000..90000"
        assert panel(pilot).uncertainty is not None
        assert not reopened.dirty


async def test_two_values_take_the_answer_as_likely_when_inside_else_the_midpoint() -> None:
    app = make_app(load_profile(POINTS), POINTS, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        await type_answer(pilot, VOLUME, "40000..90000")  # the profile's 50,000 lies inside
        ev = wizard(pilot).evaluation
        assert ev is not None and ev.profile.workload.requests_per_month == 50000
        assert ev.profile.ranges[VOLUME].likely == 50000
        await type_answer(pilot, VOLUME, "60000..90000")  # it does not: the midpoint
        ev = wizard(pilot).evaluation
        assert ev is not None and ev.profile.workload.requests_per_month == 75000
        assert ev.profile.ranges[VOLUME].likely == 75000


async def test_opening_and_saving_writes_the_ranges_back_byte_for_byte(isolated: Path) -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        shown = row(pilot, VOLUME).query_one("#input", Input).value
        profile = load_profile(RANGES)
        assert shown == range_text(profile.ranges[VOLUME], Decimal(50000))
        assert shown == "25000..50000..80000"
        # the fine-tuning upfront cost, on its own step
        await to_step(pilot, step_of("fine_tuning.upfront_usd") - VOLUME_STEP)
        upfront = row(pilot, "fine_tuning.upfront_usd").query_one("#input", Input).value
        assert upfront == "8000..12000..35000"
        await save_as(pilot, "again.toml")
    original = RANGES.read_text(encoding="utf-8")
    saved = (isolated / "again.toml").read_text(encoding="utf-8")
    assert ranges_table(saved) == ranges_table(original)
    assert '[ranges."fine_tuning.upfront_usd"]\nlow = 8000\nhigh = 35000\n' in saved


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("8000..", "a range is low..high or low..likely..high"),
        ("12000..8000", "low is above high: write low..high"),
        ("a..b", "a range is low..high or low..likely..high"),
        ("1..2..3..4", "a range is low..high or low..likely..high"),
        ("8000..13000..12000", "the likely value is outside low..high"),
        ("-5..10", "cannot be negative"),
    ],
)
async def test_a_malformed_range_is_marked_in_one_line_and_keeps_the_figures(
    typed: str, reason: str
) -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        await type_answer(pilot, VOLUME, typed[:-1])
        await settle(pilot)
        before = wizard(pilot).evaluation  # the figures of the last valid answers
        assert before is not None
        await pilot.press(typed[-1])
        await settle(pilot)
        marked = row(pilot, VOLUME)
        assert marked.query_one("#input", Input).value == typed
        assert marked.shown_error == reason
        shown = marked.render().plain.splitlines()
        assert shown[-1] == f"✗ {reason}"  # one line at 80 columns, below the hint
        assert marked.region.height == len(shown) == 3  # answer, hint, reason: no blank line
        assert wizard(pilot).evaluation is before
        assert panel(pilot).evaluation == before
        assert panel(pilot).stale  # the panel says its figures are the last valid ones


async def test_a_plain_number_removes_the_range_and_the_last_one_stops_the_simulation() -> None:
    app = make_app(load_profile(POINTS), POINTS, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        await type_answer(pilot, VOLUME, "30000..90000")
        await settle(pilot)
        assert panel(pilot).uncertainty is not None
        await type_answer(pilot, VOLUME, "70000")
        await settle(pilot)
        ev = wizard(pilot).evaluation
        assert ev is not None and ev.profile.ranges == {}
        assert ev.profile.workload.requests_per_month == 70000
        assert panel(pilot).uncertainty is None
        assert "Pays back in" not in panel(pilot).render().plain

    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        await type_answer(pilot, VOLUME, "60000")
        await settle(pilot)
        ev = wizard(pilot).evaluation
        assert ev is not None and VOLUME not in ev.profile.ranges
        assert ev.profile.workload.requests_per_month == 60000
        assert len(ev.profile.ranges) == 4  # the others stay, and are still simulated
        assert panel(pilot).uncertainty is not None


async def test_a_range_on_a_field_the_simulation_cannot_range_is_refused() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, EVIDENCE_STEP)
        path = "evidence.prompting_quality_pct"
        await type_answer(pilot, path, "80..90")
        assert row(pilot, path).shown_error == ONE_NUMBER
        await to_step(pilot, VOLUME_STEP - EVIDENCE_STEP)
        await type_answer(pilot, "workload.horizon_months", "12..36")
        assert row(pilot, "workload.horizon_months").shown_error == ONE_NUMBER
        assert wizard(pilot).errors  # so nothing is saved until it is fixed


async def test_rangeable_fields_say_so_without_a_taller_row() -> None:
    app = make_app(load_profile(POINTS), POINTS, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_step(pilot, VOLUME_STEP)
        volume = row(pilot, VOLUME)
        assert volume.render().plain.splitlines()[1:] == [f"Or a day, below. {RANGE_HINT}"]
        assert volume.region.height == 2  # the answer, and the hint on one line
        per_day = row(pilot, "workload.requests_per_day")
        assert not per_day.hint  # no hint line added: the placeholder says it
        assert per_day.region.height == 1
        assert per_day.query_one("#input", Input).placeholder == f"unknown {RANGE_PLACEHOLDER}"
        horizon = row(pilot, "workload.horizon_months").query_one("#input", Input)
        assert RANGE_PLACEHOLDER not in horizon.placeholder


def test_the_rangeable_fields_are_the_simulations() -> None:
    rangeable = {s.path for step in STEPS for s in step.fields if s.rangeable}
    assert VOLUME in rangeable and "fine_tuning.upfront_usd" in rangeable
    assert "workload.horizon_months" not in rangeable
    assert not any(p.startswith(("evidence.", "data.")) for p in rangeable)


@pytest.mark.parametrize(
    "typed", ["8000..12000", "8000..9000..12000", "8000..20000", "0.5..0.8", "1..2"]
)
@pytest.mark.parametrize("point", [None, Decimal(9000), Decimal("0.65")])
def test_the_wizard_reads_a_range_as_the_engine_does(typed: str, point: Decimal | None) -> None:
    rng = parse_range(typed, field="f", point=point)
    assert parse_range_text(typed, "decimal", point) == (rng.low, rng.likely, rng.high)


def dec(*numbers: int) -> tuple[Decimal, ...]:
    return tuple(Decimal(n) for n in numbers)


def test_typed_money_and_percent_ranges_read_as_numbers() -> None:
    assert parse_range_text("$8,000..$12,000", "money") == dec(8000, 10000, 12000)
    assert parse_range_text("50%..80%", "share") == (
        Decimal("0.5"),
        Decimal("0.65"),
        1 * Decimal("0.8"),
    )
    assert parse_range_text("100..201", "count") == dec(100, 150, 201)  # a whole midpoint
    with pytest.raises(ValueError, match="from 0 to 1"):
        parse_range_text("0.5..2", "share")
