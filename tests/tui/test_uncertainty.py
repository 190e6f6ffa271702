"""How sure, in the wizard: the panel's payback probability (simulated in a worker, marked
while it runs), the results screen's P10/P50/P90, band and tornado, and nothing of the
simulation for a profile without ranges."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

import tui.state.how_sure
from profiles.files import load_profile
from tests.tui.wizard_helpers import (
    EXAMPLES,
    RANGES,
    SIZE,
    THEME,
    VOLUME_STEP,
    settle,
    to_step,
    type_answer,
)
from tui.app import make_app
from tui.results.chart import CostChart
from tui.results.screen import ResultsScreen
from tui.results.tornado import TornadoChart
from tui.results.uncertainty_summary import UncertaintySummary
from tui.wizard.cost_panel import CostPanel

ROOT = Path(__file__).parents[2]
POINTS = EXAMPLES / "code-generation.toml"


def panel_text(pilot: Pilot[Any]) -> str:
    return pilot.app.screen.query_one(CostPanel).render().plain


def pct(value: float) -> str:
    return f"{round(value * 100)}%"


async def test_the_panel_shows_the_payback_probability_once_the_worker_finishes() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(CostPanel)
        assert panel.evaluation is not None and panel.uncertainty is not None
        expected = tui.state.how_sure.simulate(panel.evaluation)  # same seed, same samples
        u = panel.uncertainty
        assert u.p_payback_within_horizon == expected.p_payback_within_horizon
        p10 = expected.break_even_months.p10
        assert p10 is not None
        text = panel_text(pilot)
        line = f"Pays back in {expected.horizon_months} mo: {pct(u.p_payback_within_horizon)}"
        assert line in text
        assert f"P10–P90 {p10:.1f} mo – never" in text  # P90: never pays back
        assert "updating" not in text and "simulating" not in text


async def test_the_panel_marks_the_old_figure_while_the_new_answers_simulate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    gate = threading.Event()
    real = tui.state.how_sure.simulate

    def held(*args: Any, **kwargs: Any) -> Any:
        gate.wait(timeout=30)
        return real(*args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.screen.query_one(CostPanel).uncertainty
        assert before is not None
        monkeypatch.setattr(tui.state.how_sure, "simulate", held)
        await to_step(pilot, VOLUME_STEP)
        await type_answer(pilot, "workload.requests_per_month", "70000")
        panel = app.screen.query_one(CostPanel)
        assert panel.simulating
        assert panel.uncertainty is before  # the old answer, kept and marked
        assert "updating…" in panel_text(pilot)
        assert panel.evaluation is not None
        assert panel.evaluation.profile.workload.requests_per_month == 70000
        gate.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        after = panel.uncertainty
        assert after is not None and not panel.simulating
        # The runs started by the keys before the last one were dropped: the figure shown is
        # the simulation of the answers shown.
        expected = real(panel.evaluation)
        assert after.p_payback_within_horizon == expected.p_payback_within_horizon
        assert after.p_payback_within_horizon > before.p_payback_within_horizon
        assert f"Pays back in 24 mo: {pct(after.p_payback_within_horizon)}" in panel_text(pilot)
        assert "updating" not in panel_text(pilot)


async def test_results_show_the_spread_the_band_and_the_tornado_in_words() -> None:
    app = make_app(load_profile(RANGES), RANGES, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        u = screen.uncertainty
        assert u is not None
        summary = screen.query_one(UncertaintySummary).plain
        for name in ("P10", "P50", "P90"):
            assert name in summary
        p10, p50 = u.break_even_months.p10, u.break_even_months.p50
        assert p10 is not None and p50 is not None
        assert f"{p10:.1f} mo" in summary and f"{p50:.1f} mo" in summary
        assert f"Pays back within 24 months: {pct(u.p_payback_within_horizon)}" in summary
        assert u.p_verdict_changes is not None  # the rules were given: verdict shares
        assert f"Verdict would change: {pct(u.p_verdict_changes)}" in summary
        tornado = screen.query_one(TornadoChart).plain
        top = u.tornado[0]
        assert f"1. {top.label}:" in tornado
        flip = next(t for t in u.thresholds if t.field == top.field)
        words = " ".join(tornado.split())  # the sentence, however it wraps
        assert f"What matters most is {top.label}" in words
        assert flip.text in words
        assert all(len(row) <= 78 for row in tornado.splitlines())
        chart = screen.query_one(CostChart)
        assert chart.band == u.band and len(chart.band) == u.horizon_months + 1
        drawn = chart.render().plain
        assert "░" in drawn or "▓" in drawn
        assert "▒" in drawn or "▓" in drawn
        assert "░ prompting P10–P90" in drawn


async def test_a_profile_without_ranges_simulates_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(tui.state.how_sure, "simulate", lambda *a, **k: calls.append(a))
    app = make_app(load_profile(POINTS), POINTS, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Pays back in" not in panel_text(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert not app.screen.query(UncertaintySummary)
        assert not app.screen.query(TornadoChart)
        assert app.screen.query_one(CostChart).band == ()
    assert calls == []


PROBE = """\
import asyncio, json, sys
from pathlib import Path
from profiles.files import load_profile
from tui.app import make_app

async def main(path):
    app = make_app(load_profile(path), path, theme="ansi-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(2):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.press("ctrl+r")
        for _ in range(2):
            await pilot.pause()
            await app.workers.wait_for_complete()
        shown = type(app.screen).__name__

    loaded = sorted(m for m in sys.modules if m.startswith("engine.uncertainty"))
    print(json.dumps({"screen": shown, "loaded": loaded}))

asyncio.run(main(Path(sys.argv[1])))
"""


def probe(path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_profile_without_ranges_never_imports_engine_uncertainty() -> None:
    points = probe(POINTS)
    assert points["screen"] == "ResultsScreen"
    assert points["loaded"] == []
    ranged = probe(RANGES)  # the same run with ranges does load it: the probe can see it
    assert ranged["screen"] == "ResultsScreen"
    assert "engine.uncertainty" in ranged["loaded"]


def test_the_chart_shades_the_band_and_only_with_one() -> None:
    from engine.catalog import load_catalog
    from engine.evaluate import evaluate
    from engine.uncertainty.model import Band, Spread
    from tui.results.chart import draw

    profile = load_profile(RANGES)
    inputs = profile.cost_inputs()
    book = load_catalog().resolve(inputs)
    result = evaluate(inputs, book)
    points, be = result.cumulative, result.break_even_months
    plain = draw(points, be, 76, 14)
    assert not any(glyph in "".join(plain) for glyph in "░▒▓")
    top = max(float(p.finetune_usd or 0) for p in points) * 2

    def band(prompting: tuple[float, float], finetune: tuple[float, float]) -> list[Band]:
        return [
            Band(
                month=p.month,
                prompting=Spread(p10=prompting[0], p50=prompting[0], p90=prompting[1]),
                finetune=Spread(p10=finetune[0], p50=finetune[0], p90=finetune[1]),
            )
            for p in points
        ]

    # Prompting's band covers the whole plot, fine-tuning's sits at $0: every plot cell that
    # no curve or break-even line holds is shaded, `▓` on the bottom row where both lie.
    lines = draw(points, be, 76, 15, band((0.0, top), (0.0, 0.0)))
    assert len(lines) == 15 and lines[-1].startswith("░ prompting P10–P90")
    plot = [line.split("┤", 1)[1] for line in lines if "┤" in line]
    assert len(plot) == 15 - 4
    for row in plot[:-1]:
        assert set(row) <= set("░ox*│"), row
    assert "▓" in plot[-1] and "░" not in plot[-1]
