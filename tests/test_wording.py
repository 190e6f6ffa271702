"""The reader's vocabulary (issue #14): the text and Markdown reports of every shipped example
speak in words, open with a summary, round money one way and name the fields to fill in."""

from __future__ import annotations

import contextlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from engine.money import tenths, usd
from engine.wording import (
    FRAMEWORKS,
    GUIDES,
    VERDICTS,
    field_words,
    plain,
    reason_words,
    verdict_words,
)
from tui.cli import main

HERE = Path(__file__).parents[1] / "profiles" / "examples"
EXAMPLES = sorted([*HERE.glob("*.toml"), *HERE.glob("options/*.toml")])
"""Every shipped example, the format-3 ones with several options (`options/`) included."""

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
"""A code: `measure_first`, `custom_schema_extraction`, `flowchart_000`."""
GUIDE_FILE = re.compile(r"\b00[0-3]_[0-9a-f]{16}(?:\.txt)?\b")
SOURCE_NOTE = re.compile(r"^(?:\*\*)?Sources(?:\*\*)?$", re.MULTILINE)


def assess(path: Path, fmt: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", fmt]) == 0
    return out.getvalue()


def codes_in(text: str) -> list[str]:
    """The codes a reader would see, outside the source note (Markdown escapes `_`)."""
    body = SOURCE_NOTE.split(text)[0].replace("\\_", "_")
    found = SNAKE.findall(body) + GUIDE_FILE.findall(body)
    return found + [fid for fid in FRAMEWORKS if fid in body and "_" in fid]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_reports_speak_in_words(path: Path, fmt: str) -> None:
    text = assess(path, fmt)
    assert codes_in(text) == []
    notes = SOURCE_NOTE.split(text)
    assert len(notes) == 2, "one source note, at the end"
    note = " ".join(notes[1].replace("\\", "").split())
    for guide in GUIDES.values():
        assert guide.file in note and guide.title in note and guide.date in note


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_reports_open_with_a_summary_and_list_each_reason_once(path: Path) -> None:
    data = json.loads(assess(path, "json"))
    rec = data["recommendation"]
    text = assess(path, "text")
    words = verdict_words(rec["verdict"])
    summary = text.split("\n\n")[1]
    assert summary.startswith("Summary\n")
    # The cost fact is the fine-tuning path's, or the option implementing the verdict's.
    chosen = rec.get("option")
    named = {o["id"]: o["name"] for o in (data["baseline"], *data["options"])}
    subject = named.get(chosen, "Fine-tuning")
    assert f"{words} (" in summary and subject in " ".join(summary.split())
    assert f"**Recommendation:** {words} (" in assess(path, "markdown")
    assert "**Summary.**" in assess(path, "markdown").split("**Recommendation:**")[0]
    reasons = [(r["framework"], r["text"]) for r in rec["reasons"]]
    assert len(reasons) == len(set(reasons))
    # JSON keeps its codes
    assert rec["verdict"] in VERDICTS


def test_entity_extraction_summary_says_fine_tuning_costs_more_and_never_pays_back() -> None:
    text = assess(next(p for p in EXAMPLES if p.stem == "entity-extraction-gpt-4o-mini"), "text")
    summary = " ".join(text.split("\n\n")[1].split())
    assert "Fine-tuning costs more each month than prompting" in summary
    assert "never pays back" in summary
    assert "Measure first" in summary


def test_a_late_payback_is_the_headline_cost_fact_with_its_months() -> None:
    text = assess(next(p for p in EXAMPLES if p.stem == "support-chatbot-10k"), "text")
    summary = " ".join(text.split("\n\n")[1].split())
    assert "does not pay back within the 24-month horizon (it would take 80 months)" in summary
    assert "Break-even: does not pay back within the 24-month horizon (it would take 80" in text


def test_next_steps_name_the_wizard_field() -> None:
    text = " ".join(
        assess(next(p for p in EXAMPLES if p.stem == "entity-extraction-gpt-4o-mini"), "text")
        .split("Next steps")[1]
        .split()
    )
    assert (
        "Do you have 100+ high-quality labeled examples? — fill in Data → Labelled examples" in text
    )
    assert "Answer for flowchart" not in text


def test_an_unanswered_checklist_row_names_its_field() -> None:
    from engine.assessment import Assessment
    from engine.rules.decision_tree_001 import high_quality_examples

    a = Assessment.model_validate(
        {
            "data": {
                "labelled_examples": 2000,
                "label_accuracy_pct": 97,
                "distribution_match": "yes",
                "edge_case_share_pct": 15,
                "consistent_format": "yes",
                "no_leakage": "yes",
            }
        }
    )
    answer, because = high_quality_examples(a, 100)
    assert answer == "unknown"
    assert "Diverse examples (Data → Duplicates, %)" in because


def test_a_field_is_worded_where_the_wizard_asks_it() -> None:
    from tui.state.steps import STEPS

    for step in STEPS:
        for f in step.fields:
            assert field_words(f.path) == f"{step.title} → {f.label}", f.path
    assert field_words("data.duplicate_share_pct") == "Data → Duplicates, %"
    assert field_words("fine_tuning.redo_usd") == "fine_tuning.redo_usd"  # not asked


def test_reasons_read_in_words() -> None:
    said = reason_words("litmus_002", "not_ready: If you answered no — q? no (x)")
    assert (
        said == "Litmus test (guide 002): not ready to fine-tune — If you answered no — q? no (x)"
    )
    assert plain("practical_003 say fine_tuning (003_521bd7f750ca3b05.txt)") == (
        "Practical guide (guide 003) say fine-tune (guide 003)"
    )
    assert plain("task table (custom_schema_extraction)") == (
        "task table (entity extraction (custom schema))"
    )


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("1250", "$1,250"),
        ("45.5", "$45.50"),
        ("0.0136667", "$0.0137"),
        ("0.0054", "$0.0054"),
        ("0.00036", "$0.00036"),
        ("0.15", "$0.15"),
        ("-18", "-$18"),
        ("1.875", "$1.88"),
    ],
)
def test_money_is_rounded_one_way(amount: str, shown: str) -> None:
    assert usd(Decimal(amount)) == shown
    assert usd(Decimal(amount), cents=False) == shown


def test_per_request_costs_read_the_same_in_text_and_markdown() -> None:
    for path in EXAMPLES:
        data = json.loads(assess(path, "json"))["costs"]
        text, md = assess(path, "text"), assess(path, "markdown")
        for key in ("prompting_per_request", "finetune_per_request"):
            if data[key] is None:
                continue
            shown = usd(Decimal(repr(data[key])))
            assert shown in text and shown in md, (path.stem, key, shown)


def _inline(label: str) -> str:
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def test_task_types_and_techniques_read_as_the_wizard_offers_them() -> None:
    from engine.fields import FIELDS
    from engine.wording import TASKS, TECHNIQUES

    tasks = FIELDS["use_case.task"].choices
    ticks = FIELDS["evidence.techniques_tried"].choices

    for label, code in tasks:
        if code:
            assert TASKS[code] == _inline(label), code
    for label, code in ticks:
        assert TECHNIQUES[code] == _inline(label), code


def test_json_keeps_its_codes_and_adds_the_words_beside_them() -> None:
    path = next(p for p in EXAMPLES if p.stem == "flowchart-vs-litmus")
    data = json.loads(assess(path, "json"))
    rec = data["recommendation"]
    assert (rec["verdict"], rec["label"]) == ("measure_first", "Measure first")
    litmus = next(fw for fw in data["frameworks"] if fw["id"] == "litmus_002")
    assert (litmus["verdict"], litmus["verdict_label"]) == ("not_ready", "Not ready to fine-tune")
    assert litmus["label"] == "Litmus test (guide 002)"
    assert data["summary"].startswith("Measure first (medium confidence).")
    steps = [s for s in rec["next_steps"] if s["field"]]
    assert steps and all(s["field_label"] == field_words(s["field"]) for s in steps)


def test_the_wizard_words_option_kinds_as_the_reports_do() -> None:
    from engine.wording import OPTION_KINDS, option_kind_words
    from tui.state.options import KIND_WORDS

    assert KIND_WORDS == OPTION_KINDS
    assert option_kind_words("fine_tuning", inline=True) == "fine-tune"
    assert option_kind_words("rag", inline=True) == "RAG"


def test_diff_how_sure_and_the_wizard_word_an_options_answers_alike() -> None:
    # One wording: diff said "share of requests to the first option" where the wizard asks
    # "Share to the first" and How sure said that.
    from engine.options.words import field_words
    from tui.state.option_questions import HOSTED_TRAINING, MODEL, QUESTIONS

    asked = [(kind, q) for kind, qs in QUESTIONS.items() for q in qs]
    asked += [("fine_tuning", q) for q in (MODEL, *HOSTED_TRAINING)]
    for kind, q in asked:
        if q.kind == "items" or q.field in ("inference_monthly_usd", "upfront_usd"):
            continue  # a list of costs; "Or its …": the wizard's alternative to the line above
        assert field_words(kind, q.field) == q.label[:1].lower() + q.label[1:], (kind, q)


@pytest.mark.parametrize(
    ("months", "table", "prose"),
    [
        (None, "never", "never"),
        (0.02, "<0.1", "under 0.1 months"),  # it read 0, and "0 months" in How sure
        (0.05, "0.1", "0.1 months"),
        (9.64, "9.6", "9.6 months"),
        (0.0, "0", "0 months"),
    ],
)
def test_a_simulated_break_even_within_days_never_reads_zero(
    months: float | None, table: str, prose: str
) -> None:
    assert tenths(months) == table
    assert tenths(months, unit="months") == prose
