"""The rules run once per keystroke and not again to save: the wizard keeps the service's
answer (`profiles.assessed.Assessed`) and saving reads it, judged with the app's catalog."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import engine.rules
from profiles.catalogs import CatalogSource
from profiles.files import load_profile
from tests.tui.wizard_helpers import SIZE, THEME, VOLUME_STEP, focus_field, ready, to_step
from tui.app import make_app
from tui.dialogs.filename import FileNameScreen
from tui.launch import example_document

TEAM_PRICES = """\
[[source]]
id = "acme-openai-deal"
title = "Acme's negotiated OpenAI rates"

[[token_price]]
model = "openai:gpt-4o-mini"
input_usd_per_mtok = 0.10
output_usd_per_mtok = 0.40
source = "acme-openai-deal"
as_of = "2026-10"
"""


async def test_one_keystroke_judges_once_and_saving_judges_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prices = tmp_path / "team.toml"
    prices.write_text(TEAM_PRICES, encoding="utf-8")
    runs: list[Any] = []
    """The facts of each run of the rules."""
    catalogs: list[Any] = []
    """The catalog each gathering of the rules' facts read."""
    facts_for, recommend = engine.rules.facts_for, engine.rules.recommend

    def counted_facts(*args: Any) -> Any:
        catalogs.append(args[3])
        return facts_for(*args)

    def counted_recommend(*args: Any) -> Any:
        runs.append(args[1])
        return recommend(*args)

    monkeypatch.setattr(engine.rules, "facts_for", counted_facts)
    monkeypatch.setattr(engine.rules, "recommend", counted_recommend)
    path = tmp_path / "mine.toml"
    doc = example_document("classification-gpt-4o-mini")
    app = make_app(doc, path, catalogs=CatalogSource(prices), theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, VOLUME_STEP)
        await focus_field(pilot, "workload.requests_per_day")
        await pilot.press("end")
        await pilot.pause()
        runs.clear()
        catalogs.clear()
        await pilot.press("0")  # one keystroke: 10,000 requests a day become 100,000
        await pilot.pause()
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.workload.requests_per_day == 100_000
        assert len(runs) == 1
        assert len(catalogs) == 1
        assert catalogs[0] is app.catalog is app.catalogs.get()  # the app's: the team file's
        judged = ev.recommendation
        assert judged is not None

        runs.clear()
        catalogs.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await pilot.press("enter")  # the suggested name is the app's file
        await pilot.pause()
        assert runs == catalogs == []  # the save keeps the keystroke's verdict: no rules again
    saved = load_profile(path)
    assert saved.result is not None and saved.result.recommendation is not None
    assert saved.result.recommendation.verdict == judged.verdict
    assert saved.result.recommendation.confidence == judged.confidence
    assert saved.workload.requests_per_day == 100_000
    assert saved.prices is not None and saved.prices.prompting is not None
    assert saved.prices.prompting.input.usd == Decimal("0.10")  # the team file's price
