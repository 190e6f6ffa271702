"""Every framework's questions and branches against its guide: one table-driven test per
framework, each row a path through the guide's table and the verdict it must reach."""

from __future__ import annotations

from typing import Any

import pytest

from engine.catalog import load_catalog
from engine.pricebook import Lifecycle
from engine.rules.decision_tree_001 import (
    CHECKLIST,
    TASK_TABLE,
    VOLUME_TABLE,
    decision_tree,
    volume_row,
)
from engine.rules.decision_tree_001 import (
    TREE as TREE_001,
)
from engine.rules.flowchart_000 import TREE as TREE_000
from engine.rules.flowchart_000 import flowchart
from engine.rules.litmus_002 import TREE as TREE_002
from engine.rules.litmus_002 import litmus
from engine.rules.practical_003 import STEPS, practical
from engine.rules.practical_003 import TREE as TREE_003
from engine.rules.providers import providers
from tests.test_rules_helpers import CLEAN_DATA, ON, answers, facts, path_answers

# -- guide 000: the flowchart ----------------------------------------------------------------

MANY = {**CLEAN_DATA, "labelled_examples": 5000}
FEW = {**CLEAN_DATA, "labelled_examples": 200}
MISS = {"target_quality_pct": 95, "prompting_quality_pct": 85}
MEET = {"target_quality_pct": 90, "prompting_quality_pct": 92}

FLOWCHART: list[tuple[str, dict[str, Any], dict[str, Any], str, list[str]]] = [
    # id, answers, facts, verdict, path answers
    ("q1 yes: prompting", {"evidence": MEET}, {}, "prompting", ["yes"]),
    ("q2 no: improve prompts", {"evidence": MISS, "data": FEW}, {}, "prompting", ["no", "no"]),
    (
        "q3 yes: smaller model",
        {"evidence": MISS, "data": MANY, "use_case": {"latency_critical": "yes"}},
        {},
        "fine_tuning",
        ["no", "yes", "yes"],
    ),
    (
        "q4 no: prompting",
        {"evidence": MISS, "data": MANY, "use_case": {"latency_critical": "no"}},
        {"monthly": 500_000},
        "prompting",
        ["no", "yes", "no", "no"],
    ),
    (
        "q5 yes: break-even < 12",
        {"evidence": MISS, "data": MANY, "use_case": {"latency_critical": "no"}},
        {"monthly": 2_000_000, "break_even": "3"},
        "fine_tuning",
        ["no", "yes", "no", "yes", "yes"],
    ),
    (
        "q5 no: break-even 12",
        {"evidence": MISS, "data": MANY, "use_case": {"latency_critical": "no"}},
        {"monthly": 2_000_000, "break_even": "12"},
        "prompting",
        ["no", "yes", "no", "yes", "no"],
    ),
    (
        "q5 never pays back",
        {"evidence": MISS, "data": MANY, "use_case": {"latency_critical": "no"}},
        {"monthly": 2_000_000, "break_even": None},
        "prompting",
        ["no", "yes", "no", "yes", "no"],
    ),
    ("q1 unknown: measure", {}, {}, "measure_first", ["unknown"]),
    (
        "q3 unknown but both branches fine-tune",
        {"evidence": MISS, "data": MANY},
        {"monthly": 2_000_000, "break_even": "1"},
        "fine_tuning",
        ["no", "yes", "unknown", "yes", "yes"],
    ),
    (
        "checklist failure makes the examples not high-quality",
        {"evidence": MISS, "data": {**MANY, "label_accuracy_pct": 90}},
        {},
        "prompting",
        ["no", "no"],
    ),
]


@pytest.mark.parametrize(
    ("given", "known", "verdict", "path"), [r[1:] for r in FLOWCHART], ids=[r[0] for r in FLOWCHART]
)
def test_flowchart_000_branches(
    given: dict[str, Any], known: dict[str, Any], verdict: str, path: list[str]
) -> None:
    result = flowchart(answers(**given), facts(**known))
    assert result.verdict == verdict
    assert path_answers(result) == path
    assert result.source == "000_259747e0270a6b2b.txt"


def test_flowchart_000_reaches_every_leaf() -> None:
    leaves = {
        (node.verdict, node.says)
        for q in TREE_000.values()
        for node in (q.yes, q.no)
        if not isinstance(node, str)
    }
    reached = {
        (flowchart(answers(**g), facts(**k)).verdict, flowchart(answers(**g), facts(**k)).says)
        for _, g, k, _, _ in FLOWCHART
    }
    assert leaves <= reached


def test_flowchart_000_questions_are_the_guides() -> None:
    assert [q.asks for q in TREE_000.values()][:4] == [
        "Does the base model already perform your task well with good prompts?",
        "Do you have 1000+ high-quality training examples?",
        "Is latency critical at scale?",
        "Will you make 1M+ requests/month?",
    ]


# -- guide 001: the decision tree and its tables ---------------------------------------------

HIGH = {"monthly": 90_000}  # 3,000/day
TREE: list[tuple[str, dict[str, Any], dict[str, Any], str, list[str]]] = [
    ("q1 no: volume too low", {}, {"monthly": 30_000}, "prompting", ["no"]),
    ("q2 no: collect data", {"data": {"labelled_examples": 50}}, HIGH, "prompting", ["yes", "no"]),
    (
        "q3 no: already good enough",
        {"data": FEW, "evidence": MEET},
        HIGH,
        "prompting",
        ["yes", "yes", "no"],
    ),
    (
        "q3 no: gap of exactly 5 points",
        {"data": FEW, "evidence": {"target_quality_pct": 95, "prompting_quality_pct": 90}},
        HIGH,
        "prompting",
        ["yes", "yes", "no"],
    ),
    (
        "q4 yes: format task",
        {"data": FEW, "evidence": MISS, "use_case": {"task": "structured_output"}},
        HIGH,
        "fine_tuning",
        ["yes", "yes", "yes", "yes"],
    ),
    (
        "q5 yes: pilot confirms",
        {
            "data": FEW,
            "evidence": {**MISS, "finetuned_quality_pct": 93},
            "use_case": {"task": "code_generation"},
        },
        HIGH,
        "fine_tuning",
        ["yes", "yes", "yes", "no", "yes"],
    ),
    (
        "q5 no: fine-tuning does not help",
        {
            "data": FEW,
            "evidence": {**MISS, "finetuned_quality_pct": 84},
            "use_case": {"task": "reasoning"},
        },
        HIGH,
        "prompting",
        ["yes", "yes", "yes", "no", "no"],
    ),
    ("q2 unknown: measure", {}, HIGH, "measure_first", ["yes", "unknown"]),
]


@pytest.mark.parametrize(
    ("given", "known", "verdict", "path"), [r[1:] for r in TREE], ids=[r[0] for r in TREE]
)
def test_decision_tree_001_branches(
    given: dict[str, Any], known: dict[str, Any], verdict: str, path: list[str]
) -> None:
    result = decision_tree(answers(**given), facts(**known))
    assert result.verdict == verdict
    tree_steps = [s for s in result.path if s.question in {q.asks for q in TREE_001.values()}]
    assert [s.answer for s in tree_steps] == path


@pytest.mark.parametrize(
    ("daily", "label"),
    [
        (99, "<100"),
        (100, "100-1,000"),
        (999, "100-1,000"),
        (1000, "1,000-10,000"),
        (10_000, "10,000-100,000"),
        (100_000, ">100,000"),
    ],
)
def test_volume_table_bands(daily: int, label: str) -> None:
    from decimal import Decimal

    assert volume_row(Decimal(daily)).label == label


def test_tables_match_the_guide() -> None:
    assert len(VOLUME_TABLE) == 5
    assert len(TASK_TABLE) == 10
    assert TASK_TABLE["reasoning"].justified == "No — fine-tuning can degrade reasoning"
    assert TASK_TABLE["style_transfer"].delta == "+12-18%"
    assert [c.criterion for c in CHECKLIST] == [
        "Label accuracy",
        "Distribution match",
        "Edge case coverage",
        "Consistent format",
        "No data leakage",
        "Diverse examples",
    ]


def test_decision_tree_001_annotates_with_tables() -> None:
    a = answers(
        use_case={"task": "sentiment_classification", "error_cost": "high"},
        data={**FEW, "duplicate_share_pct": 8},
    )
    result = decision_tree(a, facts(monthly=9_000))
    by_question = {s.question: s for s in result.path}
    assert by_question["Volume decision table: which band?"].answer == "100-1,000/day"
    assert by_question["Quality by task type: is fine-tuning justified?"].answer == "yes"
    dup = next(s for s in result.path if s.question.startswith("Checklist — Diverse examples"))
    assert dup.answer == "no" and "Duplicates cause overfitting" in dup.next


# -- guide 002: the litmus test --------------------------------------------------------------

ALL_TRIED = ["basic", "few_shot", "chain_of_thought", "structured_outputs"]
MATURE = {"versioning": "yes", "monitoring": "yes", "retraining_budget": "yes"}
PILOT = {**MISS, "finetuned_quality_pct": 96}
LITMUS: list[tuple[str, dict[str, Any], str, list[str]]] = [
    ("q1 no", {"evidence": {"techniques_tried": ["few_shot"]}}, "not_ready", ["no"]),
    (
        "q2 no",
        {"evidence": {"techniques_tried": ALL_TRIED, "pilot_run": "no"}},
        "not_ready",
        ["yes", "no"],
    ),
    (
        "q3 no",
        {"evidence": {**PILOT, "techniques_tried": ALL_TRIED}, "team": {"versioning": "no"}},
        "not_ready",
        ["yes", "yes", "no"],
    ),
    (
        "all yes",
        {"evidence": {**PILOT, "techniques_tried": ALL_TRIED}, "team": MATURE},
        "ready",
        ["yes", "yes", "yes"],
    ),
    (
        "q1 unknown, q2 no: not ready either way",
        {"evidence": {"pilot_run": "no"}},
        "not_ready",
        ["unknown", "no"],
    ),
    (
        "q3 unknown: undecided",
        {"evidence": {**PILOT, "techniques_tried": ALL_TRIED}},
        "unknown",
        ["yes", "yes", "unknown"],
    ),
]


@pytest.mark.parametrize(
    ("given", "verdict", "path"), [r[1:] for r in LITMUS], ids=[r[0] for r in LITMUS]
)
def test_litmus_002_branches(given: dict[str, Any], verdict: str, path: list[str]) -> None:
    result = litmus(answers(**given), facts())
    assert result.verdict == verdict
    assert path_answers(result) == path


def test_litmus_002_questions_are_the_guides() -> None:
    assert [q.asks.split(",")[0] for q in TREE_002.values()] == [
        "Have you exhausted prompt engineering possibilities",
        "Can you quantify the performance delta between prompted and fine-tuned approaches "
        "in real-world conditions?",
        "Do you possess the operational maturity to manage model lifecycle",
    ]


# -- guide 003: valid use cases --------------------------------------------------------------

PRACTICAL: list[tuple[str, dict[str, Any], dict[str, Any], str, list[str]]] = [
    (
        "structured outputs first",
        {"use_case": {"task": "structured_output"}, "evidence": {"techniques_tried": ["few_shot"]}},
        {},
        "prompting",
        ["unknown", "yes", "no"],
    ),
    (
        "structured outputs tried, still short",
        {
            "use_case": {
                "task": "structured_output",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
            },
            "evidence": {**MISS, "techniques_tried": ["structured_outputs"]},
        },
        {},
        "fine_tuning",
        ["no", "yes", "yes", "yes"],
    ),
    (
        "structured outputs suffice",
        {
            "use_case": {
                "task": "custom_schema_extraction",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
            },
            "evidence": {**MEET, "techniques_tried": ["structured_outputs"]},
        },
        {},
        "prompting",
        ["no", "yes", "yes", "no"],
    ),
    (
        "critical accuracy",
        {
            "use_case": {
                "task": "reasoning",
                "criticality": "high",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
            },
            "evidence": {"target_quality_pct": 99, "prompting_quality_pct": 94},
        },
        {},
        "fine_tuning",
        ["no", "no", "yes"],
    ),
    (
        "style replication",
        {
            "use_case": {
                "task": "style_transfer",
                "criticality": "low",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
            },
            "evidence": {"prompting_meets_target": "no"},
        },
        {"monthly": 1_000},
        "fine_tuning",
        ["no", "no", "no", "yes"],
    ),
    (
        "scale optimization",
        {
            "use_case": {
                "task": "chat",
                "criticality": "low",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
                "style_hard_to_specify": "no",
            },
            "evidence": MEET,
        },
        {"monthly": 100_000, "break_even": "5"},
        "fine_tuning",
        ["no", "no", "no", "no", "yes"],
    ),
    (
        "example 2: high-volume specialised gap",
        {
            "use_case": {
                "task": "code_generation",
                "criticality": "low",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
                "style_hard_to_specify": "no",
                "proprietary_domain": "yes",
            },
            "evidence": {"target_quality_pct": 90, "prompting_quality_pct": 70},
        },
        {"monthly": 500_000, "break_even": "1.4"},
        "fine_tuning",
        ["no", "no", "no", "no", "no", "yes"],
    ),
    (
        "none applies: stop and optimize prompting",
        {
            "use_case": {
                "task": "chat",
                "criticality": "low",
                "knowledge_missing": "no",
                "knowledge_changes": "no",
                "style_hard_to_specify": "no",
                "proprietary_domain": "no",
            },
            "evidence": MISS,
        },
        {"monthly": 500_000, "break_even": "1"},
        "prompting",
        ["no", "no", "no", "no", "no", "no"],
    ),
    (
        "at the 10K floor scale never applies; knowledge → RAG",
        {
            "use_case": {"task": "chat", "knowledge_missing": "yes", "latency_critical": "yes"},
            "evidence": {"prompting_meets_target": "yes"},
        },
        {"monthly": 10_000, "break_even": "80"},
        "rag",
        ["yes", "no", "no", "no", "no", "no"],
    ),
    (
        "critical accuracy with changing knowledge → hybrid",
        {
            "use_case": {"task": "reasoning", "criticality": "high", "knowledge_changes": "yes"},
            "evidence": {"target_quality_pct": 99, "prompting_quality_pct": 94},
        },
        {},
        "hybrid",
        ["yes", "no", "yes"],
    ),
    ("everything unknown: measure", {}, {}, "measure_first", ["unknown", "unknown"]),
]


@pytest.mark.parametrize(
    ("given", "known", "verdict", "path"), [r[1:] for r in PRACTICAL], ids=[r[0] for r in PRACTICAL]
)
def test_practical_003_branches(
    given: dict[str, Any], known: dict[str, Any], verdict: str, path: list[str]
) -> None:
    result = practical(answers(**given), facts(**known))
    assert result.verdict == verdict
    assert path_answers(result) == path


def test_practical_003_reaches_every_leaf() -> None:
    says = {
        node.says for q in TREE_003.values() for node in (q.yes, q.no) if not isinstance(node, str)
    }
    reached: set[str] = set()
    for _, g, k, _, _ in PRACTICAL:
        for step in practical(answers(**g), facts(**k)).path:
            reached.update(s for s in says if s in step.next)
    assert says == reached


def test_the_21_steps() -> None:
    assert sorted(STEPS) == list(range(1, 22))
    assert STEPS[7].bullets[-1] == "If none apply, stop here and optimize prompting further"
    assert STEPS[11].bullets[0] == "Hold out 20% of data for validation"


# -- providers -------------------------------------------------------------------------------


def _offers(*ids: str) -> dict[str, Any]:
    catalog = load_catalog(user_config=False)
    found = [catalog.availability(i) for i in ids]
    return {
        "offers": tuple(o for o in found if o is not None),
        "unknown_providers": tuple(i for i, o in zip(ids, found, strict=True) if o is None),
    }


def test_providers_open() -> None:
    result = providers(answers(team={"providers": ["google"]}), facts(**_offers("google")))
    assert result.verdict == "open"
    assert path_answers(result) == ["google", "yes"]


def test_providers_openai_closed_to_new_users_names_date_source_alternatives() -> None:
    result = providers(answers(), facts(**_offers("openai")))
    assert result.verdict == "closed"
    assert "2026-05-07" in result.says
    assert "2027-01-06" in result.says
    assert "alternatives: GPT-4.1 on Azure OpenAI" in result.says  # by name, not id
    assert "as of 2026-11" in result.says


def test_providers_openai_open_before_the_wind_down() -> None:
    result = providers(
        answers(),
        facts(**_offers("openai")).model_copy(update={"on": ON.replace(year=2026, month=1)}),
    )
    assert result.verdict == "open"


def test_providers_anthropic_partner_only() -> None:
    result = providers(answers(team={"providers": ["anthropic"]}), facts(**_offers("anthropic")))
    assert result.verdict == "closed"
    assert "Claude 3 Haiku on Amazon Bedrock" in result.says


def test_providers_unknown() -> None:
    result = providers(answers(team={"providers": ["acme"]}), facts(**_offers("acme")))
    assert result.verdict == "unknown"
    assert path_answers(result) == ["acme", "unknown"]


def test_providers_retired_base_model_closes() -> None:
    retired = Lifecycle(
        model="openai:gpt-4.1-nano",
        name="GPT-4.1 nano",
        retires_on=ON.replace(month=10, day=23),
        source="reports",
        as_of="2026-11",
    )
    result = providers(
        answers(team={"providers": ["google"]}), facts(base_model=retired, **_offers("google"))
    )
    assert result.verdict == "closed"
    assert "retired on 2026-10-23" in result.says


LLAMA = Lifecycle(
    model="meta:llama-3.1-8b",
    name="Llama 3.1 8B",
    params_b=8,
    open_weights=True,
    source="Meta Llama 3.1 model card",
    as_of="2024-07",
)


def test_providers_open_weights_tuned_by_the_team_need_no_offering() -> None:
    # It asked "Can a new customer fine-tune on meta?" and answered unknown: the weights are
    # open, the team trains them (LoRA on its GPUs), no provider's offering is involved.
    result = providers(answers(), facts(base_model=LLAMA, method="lora", **_offers("meta")))
    assert result.verdict == "open"
    assert path_answers(result) == ["yes"]
    assert "open weights" in result.says and "meta?" not in str(result.path)


def test_providers_open_weights_on_a_hosted_fine_tune_or_chosen_providers_are_judged() -> None:
    hosted = providers(answers(), facts(base_model=LLAMA, method="hosted", **_offers("meta")))
    assert hosted.verdict == "unknown"  # a hosted fine-tune is a provider's offering
    chosen = providers(
        answers(team={"providers": ["openai"]}),
        facts(base_model=LLAMA, method="lora", **_offers("openai")),
    )
    assert chosen.verdict == "closed"  # where the team said it builds
