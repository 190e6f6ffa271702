"""Guide 003's worked examples and the disagreement example through `tunewise assess`, and
the closed-offering rule: a fine-tuning verdict names the date, the source and alternatives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.rules import RULES_VERSION, Recommendation, assess
from profiles.files import load_profile
from tui.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "profiles" / "examples"

# name: (verdict, frameworks whose reasons must be named, framework verdicts)
WORKED: dict[str, tuple[str, set[str], dict[str, str]]] = {
    "support-chatbot-10k": (
        "rag",
        {"flowchart_000", "decision_tree_001", "practical_003"},
        {"flowchart_000": "prompting", "decision_tree_001": "prompting", "practical_003": "rag"},
    ),
    "code-generation": (
        "fine_tuning",
        {"practical_003", "litmus_002"},
        {"practical_003": "fine_tuning", "litmus_002": "not_ready", "providers": "closed"},
    ),
    "medical-diagnosis": (
        "hybrid",
        {"practical_003", "decision_tree_001"},
        {"practical_003": "hybrid", "decision_tree_001": "prompting", "providers": "closed"},
    ),
    "brand-voice": (
        "fine_tuning",
        {"practical_003"},
        {"practical_003": "fine_tuning", "flowchart_000": "prompting", "litmus_002": "not_ready"},
    ),
    "legal-documents": (
        "rag",
        {"practical_003", "flowchart_000"},
        {"practical_003": "rag", "flowchart_000": "prompting"},
    ),
}


@pytest.fixture(autouse=True)
def _no_user_prices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def recommend_example(name: str, **answers: dict[str, Any]) -> Recommendation:
    profile = load_profile(EXAMPLES / f"{name}.toml")
    if answers:
        profile = profile.model_copy(
            update={k: getattr(profile, k).model_copy(update=v) for k, v in answers.items()}
        )
    catalog = load_catalog(user_config=False)
    inputs = profile.cost_inputs()
    book = catalog.resolve(inputs)
    return assess(profile.assessment(), inputs, evaluate(inputs, book), book, catalog)


def assess_json(name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = main(["assess", str(EXAMPLES / f"{name}.toml"), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.mark.parametrize("name", sorted(WORKED))
def test_worked_example_verdict(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    verdict, named, framework_verdicts = WORKED[name]
    data = assess_json(name, capsys)
    rec = data["recommendation"]
    assert rec["verdict"] == verdict
    assert rec["rules_version"] == RULES_VERSION
    assert named <= {r["framework"] for r in rec["reasons"]}
    by_id = {fw["id"]: fw for fw in data["frameworks"]}
    assert list(by_id) == [
        "flowchart_000",
        "decision_tree_001",
        "litmus_002",
        "practical_003",
        "providers",
    ]
    for fid, expected in framework_verdicts.items():
        assert by_id[fid]["verdict"] == expected, fid
    for fw in data["frameworks"]:
        assert fw["path"] and {"question", "answer"} <= set(fw["path"][0])
    if verdict in ("fine_tuning", "hybrid"):
        assert rec["method"] in ("hosted", "lora", "qlora", "full")
        assert any(s["step"] == 11 for s in rec["next_steps"])
    else:
        assert rec["method"] is None


def test_legal_documents_warns_against_fine_tuning_for_knowledge() -> None:
    rec = recommend_example("legal-documents")
    assert "fine_tuning_for_knowledge" in {w.code for w in rec.warnings}
    assert rec.next_steps[0].step == 4


def test_brand_voice_below_the_floor_says_why() -> None:
    rec = recommend_example("brand-voice")
    text = " ".join(r.text for r in rec.reasons)
    assert "style replication use case" in text
    assert "floor" in text
    assert {w.code for w in rec.warnings} >= {"volume_too_low"}
    assert any("litmus test (guide 002) says not ready" in d for d in rec.disagreements)


def test_brand_voice_without_the_pilot_measures_first() -> None:
    rec = recommend_example(
        "brand-voice", evidence={"pilot_run": "no", "finetuned_meets_target": "unknown"}
    )
    assert rec.verdict == "measure_first"


def test_medical_diagnosis_warns_about_reasoning_and_explains_the_split() -> None:
    rec = recommend_example("medical-diagnosis")
    assert "fine_tuning_for_reasoning" in {w.code for w in rec.warnings}
    assert any("critical accuracy use case" in d for d in rec.disagreements)


def test_flowchart_says_fine_tune_litmus_says_not_ready(capsys: pytest.CaptureFixture[str]) -> None:
    data = assess_json("flowchart-vs-litmus", capsys)
    rec = data["recommendation"]
    by_id = {fw["id"]: fw["verdict"] for fw in data["frameworks"]}
    assert by_id["flowchart_000"] == "fine_tuning"
    assert by_id["litmus_002"] == "not_ready"
    assert rec["verdict"] == "measure_first"
    assert any("flowchart (guide 000)" in d and "litmus" in d for d in rec["disagreements"])
    assert "fine_tuning_too_early" in {w["code"] for w in rec["warnings"]}


def test_flowchart_vs_litmus_once_ready_fine_tunes() -> None:
    rec = recommend_example(
        "flowchart-vs-litmus",
        evidence={
            "pilot_run": "yes",
            "finetuned_quality_pct": 96,
            "techniques_tried": ("basic", "few_shot", "chain_of_thought", "structured_outputs"),
        },
        team={"versioning": "yes", "retraining_budget": "yes"},
    )
    assert rec.verdict == "fine_tuning"
    assert rec.method == "lora"  # Llama 3.1 8B: LoRA for ≤ 13B (003)
    assert rec.smaller_model is not None  # latency critical: 000's 70B → 8B


def test_closed_offering_names_date_source_and_alternatives() -> None:
    rec = recommend_example("code-generation")
    assert rec.verdict == "fine_tuning"
    closed = [w for w in rec.warnings if w.code == "provider_closed"]
    assert len(closed) == 1
    message = closed[0].message
    assert "closed to new users since 2026-05-07" in message
    assert "as of 2026-11" in message
    assert "OpenAI" in message
    assert "GPT-4.1 on Azure OpenAI" in message and "o4-mini" not in message


def test_anthropic_chosen_but_fine_tuning_needed() -> None:
    rec = recommend_example("brand-voice", team={"providers": ("anthropic",)})
    assert rec.verdict == "fine_tuning"
    codes = {w.code for w in rec.warnings}
    assert {"wrong_provider", "provider_closed"} <= codes
    closed = next(w for w in rec.warnings if w.code == "provider_closed")
    assert "Claude 3 Haiku on Amazon Bedrock" in closed.message


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_show_the_recommendation(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["assess", str(EXAMPLES / "flowchart-vs-litmus.toml"), "--format", fmt])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "Measure first" in out
    for needle in (
        "Flowchart (guide 000)",
        "not ready to fine-tune",
        "Next steps",
        "step 3",
        "disagree",
    ):
        assert needle in out, needle


def test_all_examples_still_give_a_recommendation(capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted(EXAMPLES.glob("*.toml")):
        data = assess_json(path.stem, capsys)
        assert data["recommendation"]["verdict"] in (
            "prompting",
            "rag",
            "fine_tuning",
            "hybrid",
            "measure_first",
        )
