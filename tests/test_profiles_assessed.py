"""The assessment service and the catalog provider: each piece worked out once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import engine.catalog
import engine.rules
from profiles.assessed import assess_profile
from profiles.catalogs import CatalogSource
from profiles.files import load_profile

EXAMPLES = Path(__file__).parents[1] / "profiles" / "examples"


def test_the_rules_run_once_however_often_their_answer_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[Any] = []
    recommend = engine.rules.recommend

    def counted(*args: Any) -> Any:
        runs.append(args)
        return recommend(*args)

    monkeypatch.setattr(engine.rules, "recommend", counted)
    assessed = assess_profile(load_profile(EXAMPLES / "support-chatbot-10k.toml"))
    assert runs == []  # costs first; the rules when first asked
    assert assessed.stale is None  # judges the stored verdict again: the same
    assert assessed.recommendation.verdict == "rag"
    assert assessed.judged is assessed.recommendation
    assert len(runs) == 1


def test_answers_the_rules_refuse_are_said_to_each_caller_without_running_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[Any] = []

    def refuse(*args: Any) -> Any:
        runs.append(args)
        raise ValueError("refused")

    monkeypatch.setattr(engine.rules, "recommend", refuse)
    assessed = assess_profile(load_profile(EXAMPLES / "support-chatbot-10k.toml"))
    assert assessed.judged is None
    with pytest.raises(ValueError, match="refused"):
        _ = assessed.recommendation
    assert len(runs) == 1


def test_a_scenario_is_applied_before_anything_is_priced() -> None:
    profile = load_profile(EXAMPLES / "support-chatbot-ranges.toml")
    name = next(iter(profile.scenarios))
    assessed = assess_profile(profile, scenario=name)
    assert assessed.scenario == name
    assert assessed.profile.profile.name.endswith(f"({name})")
    assert assessed.inputs == assessed.profile.cost_inputs()


def test_a_source_loads_once_per_process_and_only_when_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prices = tmp_path / "team.toml"
    prices.write_text('[[source]]\nid = "ours"\ntitle = "Ours"\n', encoding="utf-8")
    loads: list[Path | None] = []
    load = engine.catalog.load_catalog

    def counted(path: Path | None = None) -> Any:
        loads.append(path)
        return load(path)

    monkeypatch.setattr(engine.catalog, "load_catalog", counted)
    first, second = CatalogSource(prices), CatalogSource(prices)
    assert first.loaded is None and loads == []
    assert first.get() is second.get()
    assert second.loaded is first.get()
    assert loads == [prices]
    # a profile whose price snapshot still fits its answers is priced from it alone
    assessed = assess_profile(
        load_profile(EXAMPLES / "support-chatbot-10k.toml"), catalog=CatalogSource(tmp_path / "x")
    )
    assert assessed.book.prompting_model is not None and loads == [prices]
