"""Properties of the decision rules over every combination of answers, unknowns included."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, get_args

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.assessment import Assessment, TaskType, Technique
from engine.rules import recommend
from engine.rules.practical_003 import valid_use_case
from engine.rules.recommend import volume_floor
from engine.rules.verdict import FINE_TUNE
from tests.test_rules_helpers import facts

ANSWER = st.sampled_from(["yes", "no", "unknown"])
LEVEL = st.sampled_from(["low", "medium", "high", "unknown"])
PCT = st.none() | st.integers(0, 100).map(Decimal)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    data: dict[str, Any] = {
        "use_case": {
            "task": draw(st.sampled_from(get_args(TaskType))),
            "criticality": draw(LEVEL),
            "error_cost": draw(LEVEL),
            **{
                k: draw(ANSWER)
                for k in (
                    "latency_critical",
                    "volume_stable",
                    "knowledge_missing",
                    "knowledge_changes",
                    "primarily_format_or_style",
                    "style_hard_to_specify",
                    "proprietary_domain",
                )
            },
        },
        "evidence": {
            "target_quality_pct": draw(PCT),
            "prompting_quality_pct": draw(PCT),
            "prompting_meets_target": draw(ANSWER),
            "pilot_run": draw(ANSWER),
            "finetuned_quality_pct": draw(PCT),
            "finetuned_meets_target": draw(ANSWER),
            "techniques_tried": draw(
                st.none() | st.lists(st.sampled_from(get_args(Technique)), unique=True).map(tuple)
            ),
        },
        "data": {
            "labelled_examples": draw(st.none() | st.integers(0, 20_000)),
            "label_accuracy_pct": draw(PCT),
            "edge_case_share_pct": draw(PCT),
            "duplicate_share_pct": draw(PCT),
            "synthetic_share_pct": draw(PCT),
            **{
                k: draw(ANSWER)
                for k in (
                    "distribution_match",
                    "consistent_format",
                    "no_leakage",
                    "held_out_eval_set",
                )
            },
        },
        "team": {
            k: draw(ANSWER) for k in ("versioning", "monitoring", "retraining_budget", "fallback")
        },
    }
    try:
        return Assessment.model_validate(data)
    except ValidationError:
        assume(False)
        raise


VOLUMES = st.none() | st.integers(0, 3_000_000)
BREAK_EVEN = st.none() | st.sampled_from(["0", "0.5", "3", "11.9", "12", "40", "80"])


@settings(max_examples=400, deadline=None)
@given(a=assessments(), monthly=VOLUMES, months=BREAK_EVEN, known=st.booleans())
def test_every_combination_yields_a_verdict(
    a: Assessment, monthly: int | None, months: str | None, known: bool
) -> None:
    rec = recommend(a, facts(monthly=monthly, break_even=months, costs_known=known))
    assert rec.verdict in ("prompting", "rag", "fine_tuning", "hybrid", "measure_first")
    assert [fw.id for fw in rec.frameworks] == [
        "flowchart_000",
        "decision_tree_001",
        "litmus_002",
        "practical_003",
        "providers",
    ]
    assert rec.reasons and rec.next_steps
    assert (rec.method is not None or rec.smaller_model is not None) == (rec.verdict in FINE_TUNE)
    for fw in rec.frameworks:
        assert fw.path
        if fw.verdict in ("measure_first", "unknown") and fw.id != "providers":
            assert fw.unknowns, fw.id


def test_all_unknown_measures_first() -> None:
    rec = recommend(Assessment(), facts(monthly=None, costs_known=False))
    assert rec.verdict == "measure_first"
    assert any(s.step is None for s in rec.next_steps)


@settings(max_examples=400, deadline=None)
@given(a=assessments(), monthly=st.integers(0, 10_000), months=BREAK_EVEN)
def test_never_fine_tunes_below_the_floor_without_a_valid_use_case(
    a: Assessment, monthly: int, months: str | None
) -> None:
    f = facts(monthly=monthly, break_even=months)
    assert volume_floor(f)[0] == "yes"
    rec = recommend(a, f)
    if rec.verdict not in FINE_TUNE:
        return
    practical = next(fw for fw in rec.frameworks if fw.id == "practical_003")
    applies = [k for k in ("critical", "style") if valid_use_case(practical, k) == "yes"]
    assert applies, "fine-tuning below the floor without an accuracy or style use case"
    reasons = " ".join(r.text for r in rec.reasons)
    assert "floor" in reasons and "use case" in reasons
    assert "volume_too_low" in {w.code for w in rec.warnings}


@settings(max_examples=200, deadline=None)
@given(
    a=assessments(),
    monthly=VOLUMES,
    months=BREAK_EVEN,
    prompted=st.integers(0, 100),
    worse_by=st.integers(0, 100),
)
def test_a_pilot_no_better_than_prompting_never_fine_tunes(
    a: Assessment, monthly: int | None, months: str | None, prompted: int, worse_by: int
) -> None:
    evidence = a.evidence.model_copy(
        update={
            "target_quality_pct": None,
            "prompting_quality_pct": Decimal(prompted),
            "finetuned_quality_pct": Decimal(max(prompted - worse_by, 0)),
            "pilot_run": "yes",
        }
    )
    a = a.model_copy(update={"evidence": evidence})
    assert a.evidence.pilot_improves() == "no"
    assert recommend(a, facts(monthly=monthly, break_even=months)).verdict not in FINE_TUNE


@settings(max_examples=200, deadline=None)
@given(a=assessments(), monthly=VOLUMES, months=BREAK_EVEN)
def test_knowledge_problems_never_fine_tune_without_rag(
    a: Assessment, monthly: int | None, months: str | None
) -> None:
    assume("yes" in (a.use_case.knowledge_missing, a.use_case.knowledge_changes))
    assert recommend(a, facts(monthly=monthly, break_even=months)).verdict != "fine_tuning"
