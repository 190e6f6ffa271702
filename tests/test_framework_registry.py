"""Frameworks are a registry: a toy framework in one module (`tests/toy_framework.py`) and
one registration line shows in `tunewise assess` JSON and Markdown, the profile's reasons,
the wizard's notices and the simulation's thresholds; and the real frameworks declare every
question they walk, with the wizard step that asks it."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.rules import Recommendation, assess, facts_for, frameworks, register, registry
from profiles.files import load_profile
from profiles.snapshot import recommendation_of
from tests import toy_framework as toy
from tui.cli import main

EXAMPLE = Path(__file__).parents[1] / "profiles" / "examples" / "flowchart-vs-litmus.toml"
"""Latency critical and 5,000 labelled examples: the toy walks both questions to `ready`."""


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(registry, "FRAMEWORKS", [*registry.FRAMEWORKS, toy.FRAMEWORK])
    yield


def assess_output(fmt: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(EXAMPLE), "--format", fmt]) == 0
    return out.getvalue()


def recommendation() -> Recommendation:
    catalog = load_catalog()
    profile = load_profile(EXAMPLE)
    inputs = profile.cost_inputs()
    book = catalog.resolve(inputs)
    return assess(profile.assessment(), inputs, evaluate(inputs, book), book, catalog)


def test_the_toy_is_not_there_unless_registered() -> None:
    data = json.loads(assess_output("json"))
    assert toy.ID not in [f["id"] for f in data["frameworks"]]
    assert toy.TREE["latency"].asks not in assess_output("markdown")


@pytest.mark.usefixtures("registered")
def test_a_registered_framework_is_in_assess_json() -> None:
    data = json.loads(assess_output("json"))
    ran = {f["id"]: f for f in data["frameworks"]}
    assert list(ran)[-1] == toy.ID  # after the four guides and the catalog's
    mine = ran[toy.ID]
    assert (mine["name"], mine["source"], mine["verdict"]) == (toy.NAME, "004_toy.txt", "ready")
    assert mine["says"] == "The toy guide says: go ahead"
    assert [s["question"] for s in mine["path"]] == [q.asks for q in toy.TREE.values()]
    assert [s["answer"] for s in mine["path"]] == ["yes", "yes"]
    assert "question_id" not in mine["path"][0]  # the ids are for readers, not the output
    reasons = data["recommendation"]["reasons"]
    assert any(r["framework"] == toy.ID and r["text"].startswith("ready: ") for r in reasons)


@pytest.mark.usefixtures("registered")
def test_a_registered_framework_is_in_assess_markdown() -> None:
    text = assess_output("markdown")
    row = next(line for line in text.splitlines() if line.startswith(f"| {toy.FRAMEWORK.label} |"))
    assert "| Ready to fine-tune |" in row
    assert toy.TREE["latency"].asks in row and toy.TREE["examples"].asks in row


@pytest.mark.usefixtures("registered")
def test_a_gate_shows_but_does_not_vote() -> None:
    with_toy = recommendation()
    assert with_toy.frameworks[-1].id == toy.ID
    registry.FRAMEWORKS.remove(toy.FRAMEWORK)
    without = recommendation()
    assert (with_toy.verdict, with_toy.confidence) == (without.verdict, without.confidence)


@pytest.mark.usefixtures("registered")
def test_the_profile_keeps_the_toys_reason_with_its_code() -> None:
    kept = recommendation_of(recommendation())
    mine = [r for r in kept.reasons if r.code == toy.ID]
    assert len(mine) == 1 and mine[0].favours == "ready"


@pytest.mark.usefixtures("registered")
def test_the_wizard_notice_names_the_toy_on_the_step_that_asks_its_question() -> None:
    from tui.state.decision import Decision
    from tui.state.settled import notice_for

    catalog = load_catalog()
    profile = load_profile(EXAMPLE)
    inputs = profile.cost_inputs()
    book = catalog.resolve(inputs)
    facts = facts_for(inputs, evaluate(inputs, book), book, catalog, profile.team.providers)
    decision = Decision(recommendation(), facts)
    notice = notice_for("data", decision)
    assert notice is not None
    assert any(
        line.startswith("Toy check (guide 004), examples yes → Ready") for line in notice.lines
    )
    volume = notice_for("volume", decision)
    assert volume is None or not any("Toy check" in line for line in volume.lines)


@pytest.mark.usefixtures("registered")
def test_the_simulation_reads_the_toys_thresholds() -> None:
    from engine.uncertainty.verdicts import thresholds

    assert toy.LOUD_MONTHLY in thresholds()[0]


def test_register_refuses_an_id_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "FRAMEWORKS", list(registry.FRAMEWORKS))
    register(toy.FRAMEWORK)
    assert frameworks()[-1] is toy.FRAMEWORK
    with pytest.raises(ValueError, match="already registered"):
        register(toy.FRAMEWORK)


def test_every_walked_question_is_declared_with_the_step_that_asks_it() -> None:
    from tui.state.steps import STEPS

    steps = {s.key for s in STEPS}
    rec = recommendation()
    for fw in rec.frameworks:
        spec = registry.framework(fw.id)
        assert spec is not None
        for step in fw.path:
            if step.question_id:
                asked = spec.questions[step.question_id]
                assert asked.step in steps, (fw.id, step.question_id)
                assert asked.fields, (fw.id, step.question_id)
        if spec.tree is not None:
            assert set(spec.tree) <= set(spec.questions), fw.id
            assert set(spec.answers) == set(spec.tree), fw.id
            assert all(q.id == key for key, q in spec.tree.items()), fw.id


def test_the_registry_is_the_four_guides_then_the_catalog_in_order() -> None:
    assert [f.id for f in frameworks()] == [
        "flowchart_000",
        "decision_tree_001",
        "litmus_002",
        "practical_003",
        "providers",
    ]
    assert [f.code for f in frameworks()] == ["000", "001", "002", "003", ""]


def test_each_guides_label_and_source_is_the_one_wording() -> None:
    from engine.wording import FRAMEWORKS, GUIDES

    for f in registry.guided():
        assert f.guide is not None
        assert GUIDES[f.code] == f.guide
        assert FRAMEWORKS[f.id] == f.label
        assert f.run.__module__ == f"engine.rules.{f.id}"  # one module per framework
