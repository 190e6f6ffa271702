"""The flowchart questions: every answer the rules read, asked once, by keyboard at 80×24;
unknown everywhere; the answers reach the saved profile; settled-early notices."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input

from engine.assessment import Assessment
from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.rules import assess
from profiles.files import load_profile
from profiles.model import Profile
from tests.tui.wizard_helpers import (
    SIZE,
    THEME,
    choose,
    keys_landed,
    new_app,
    ready,
    tick,
    type_answer,
)
from tui.app import make_app
from tui.dialogs.filename import FileNameScreen
from tui.launch import example_document
from tui.results.screen import ResultsScreen
from tui.state.steps import STEPS
from tui.wizard.field import FieldRow
from tui.wizard.notice import SettledNotice
from tui.wizard.question import QuestionRow

STEP = {step.key: i for i, step in enumerate(STEPS)}


async def go_to(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """From the first step, ctrl+n to the step `key`."""
    for _ in range(STEP[key]):
        await pilot.press("ctrl+n")
    await pilot.pause()


def rules_verdict(profile: Profile) -> str:
    """What the decision rules say about a saved profile, computed without the app."""
    catalog = load_catalog()
    inputs = profile.cost_inputs()
    book = catalog.resolve(inputs)
    return assess(profile.assessment(), inputs, evaluate(inputs, book), book, catalog).verdict


def test_every_answer_the_rules_read_is_asked_exactly_once() -> None:
    asked = [spec.path for step in STEPS for spec in step.fields]
    assert len(asked) == len(set(asked))
    for section, info in Assessment.model_fields.items():
        model = info.annotation
        assert model is not None
        for name in model.model_fields:
            assert f"{section}.{name}" in asked, f"{section}.{name} is never asked"


def test_steps_follow_the_flowchart_and_cite_a_guide() -> None:
    assert [s.key for s in STEPS] == [
        "use-case",
        "evidence",
        "knowledge",
        "data",
        "volume",
        "models",
        "fine-tuning-costs",
        "team",
        "options",
    ]
    guides = ("flowchart", "decision tree", "litmus test", "practical guide")
    for step in STEPS:
        # each intro says what a guide holds, in the guide's words, not where it says it
        assert any(g in step.why for g in guides), f"{step.key} names no guide"
        assert re.search(r"(^|[\s(:])'[^']{6,}'", step.why), f"{step.key} quotes no guide"
        assert not re.search(r"question \d|Step \d|00\d's", step.why), step.key
        for spec in step.fields:  # the hints too: words, not guide numbers
            assert not re.search(r"question \d|Step \d|\b00\d\b", spec.hint), spec.path


def test_every_select_offers_unknown_first() -> None:
    for step in STEPS:
        for spec in step.fields:
            if spec.kind in ("answer", "choice") and spec.path.split(".")[0] in (
                "use_case",
                "evidence",
                "data",
                "team",
            ):
                assert spec.options[0] == ("Unknown", ""), spec.path


async def test_only_the_first_step_is_composed_at_startup() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        mounted = [s.spec.key for s in app.wizard.steps if s.is_mounted]
        assert mounted == ["use-case"]


async def test_a_whole_assessment_by_keyboard_saves_every_section(isolated: Path) -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await type_answer(pilot, "profile.name", "Docs assistant")
        await choose(pilot, "use_case.task", "Question answering")
        await choose(pilot, "use_case.criticality", "Medium")
        await choose(pilot, "use_case.error_cost", "Medium")
        await pilot.press("ctrl+n")  # evidence
        await pilot.pause()
        await type_answer(pilot, "evidence.target_quality_pct", "95")
        await type_answer(pilot, "evidence.prompting_quality_pct", "90%")
        await tick(
            pilot,
            "evidence.techniques_tried",
            "Chain of thought",
            "Structured outputs / JSON mode",
            "Few-shot examples",  # already ticked by the example: this unticks it
        )
        await choose(pilot, "evidence.pilot_run", "No")
        await pilot.press("ctrl+n")  # knowledge
        await pilot.pause()
        await choose(pilot, "use_case.knowledge_changes", "Yes")
        await choose(pilot, "use_case.proprietary_domain", "No")
        await pilot.press("ctrl+n")  # data
        await pilot.pause()
        await type_answer(pilot, "data.labelled_examples", "50")
        await choose(pilot, "data.no_leakage", "Yes")
        await type_answer(pilot, "data.duplicate_share_pct", "2")
        await pilot.press("ctrl+n")  # volume
        await pilot.pause()
        await type_answer(pilot, "workload.requests_per_month", "2400")
        await choose(pilot, "use_case.latency_critical", "No")
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # models, fine-tuning costs, team
        await pilot.pause()
        await choose(pilot, "team.versioning", "Yes")
        await choose(pilot, "team.retraining_budget", "No")
        await type_answer(pilot, "team.providers", "azure, google")
        await pilot.press("ctrl+n", "ctrl+n")  # options, results
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        shown = app.screen.evaluation.verdict
        assert shown is not None
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await pilot.press("end", "ctrl+u", *"docs.toml", "enter")
        await pilot.pause()
        assert not app.dirty

    saved = load_profile(isolated / "docs.toml")
    u, e, d, t = saved.use_case, saved.evidence, saved.data, saved.team
    assert (u.task, u.criticality, u.error_cost) == ("question_answering", "medium", "medium")
    assert (u.knowledge_missing, u.knowledge_changes) == ("yes", "yes")  # the example's, kept
    assert (u.proprietary_domain, u.latency_critical) == ("no", "no")
    assert u.style_hard_to_specify == "unknown" and u.volume_stable == "unknown"
    assert e.target_quality_pct == Decimal(95) and e.prompting_quality_pct == Decimal(90)
    assert e.techniques_tried == ("chain_of_thought", "structured_outputs", "rag")
    assert e.pilot_run == "no" and e.finetuned_quality_pct is None
    assert d.labelled_examples == 50 and d.no_leakage == "yes"
    assert d.duplicate_share_pct == Decimal(2) and d.label_accuracy_pct is None
    assert (t.versioning, t.monitoring, t.retraining_budget) == ("yes", "unknown", "no")
    assert t.providers == ("azure", "google")
    assert saved.workload.requests_per_month == Decimal(2400)

    # The verdict the app showed is the rules' verdict for the saved answers: knowledge that
    # changes at 80 requests a day is RAG (003 Step 4; 001's volume floor).
    assert rules_verdict(saved) == "rag"
    assert shown.label == "RAG"

    reopened = make_app(saved, isolated / "docs.toml", theme=THEME)
    async with reopened.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(reopened.screen, ResultsScreen)
        again = reopened.screen.evaluation.verdict
        assert again is not None and again.label == shown.label
        assert not reopened.dirty


def unknown_everywhere() -> dict[str, object]:
    doc = example_document("support-chatbot-50k")
    for section in ("use_case", "evidence", "data", "team"):
        doc.pop(section, None)
    return doc


async def test_unknown_and_none_round_trip_through_every_step(isolated: Path) -> None:
    """Open → visit every step → save gives the same answers: unknown stays unknown (written
    only where the file wrote it), an explicit "none tried yet" stays an empty list, and no
    step marks the profile changed just by being shown."""
    doc = unknown_everywhere()
    doc["evidence"] = {"techniques_tried": []}
    doc["use_case"] = {"criticality": "unknown", "knowledge_missing": "no"}
    source = isolated / "in.toml"
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = app.wizard.values
        for _ in STEPS[1:]:
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert all(s.is_mounted for s in app.wizard.steps)
        assert app.wizard.values == before
        assert not app.dirty
        ev = app.wizard.evaluation
        assert ev is not None
        assert ev.profile.evidence.techniques_tried == ()
        ev.profile.model_dump()  # a valid profile
        from tui.state.bridge import save

        save(ev.profile, source, book=ev.book, result=ev.result)

    saved = load_profile(source)
    assert saved.evidence.techniques_tried == ()
    assert saved.use_case.knowledge_missing == "no"
    assert saved.assessment().data == Assessment().data
    assert saved.assessment().team == Assessment().team
    text = source.read_text(encoding="utf-8")
    assert "techniques_tried = []" in text
    assert 'criticality = "unknown"' in text  # written as unknown in the file: kept so
    assert "\ntask = " not in text  # unknown from the start: nothing written

    reopened = make_app(saved, source, theme=THEME)
    async with reopened.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for _ in STEPS[1:]:
            await pilot.press("ctrl+n")
            await pilot.pause()
        ev = reopened.wizard.evaluation
        assert ev is not None
        assert ev.profile.assessment() == saved.assessment()
        assert not reopened.dirty


async def test_an_answer_set_back_to_unknown_leaves_the_profile() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "knowledge")
        await choose(pilot, "use_case.knowledge_missing", "Unknown")
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.use_case.knowledge_missing == "unknown"
        assert app.wizard.values["use_case.knowledge_missing"] == ""
        await choose(pilot, "use_case.knowledge_missing", "No")
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.use_case.knowledge_missing == "no"


async def test_techniques_none_versus_unknown() -> None:
    doc = unknown_everywhere()
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "evidence")
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.evidence.techniques_tried is None
        await tick(pilot, "evidence.techniques_tried", "None tried yet")
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.evidence.techniques_tried == ()
        await tick(pilot, "evidence.techniques_tried", "RAG")
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.evidence.techniques_tried == ("rag",)
        await tick(pilot, "evidence.techniques_tried", "RAG", "None tried yet")
        ev = app.wizard.evaluation
        assert ev is not None and ev.profile.evidence.techniques_tried is None


async def test_back_and_next_keep_the_new_answers() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "data")
        await type_answer(pilot, "data.labelled_examples", "1200")
        await choose(pilot, "data.consistent_format", "No")
        await pilot.press("ctrl+n", "ctrl+b", "ctrl+b", "ctrl+n")
        await pilot.pause()
        row = app.screen.query_one("#field-data--labelled_examples", FieldRow)
        assert row.value == "1200"
        assert app.screen.query_one("#field-data--consistent_format", QuestionRow).value == "no"


async def test_a_percentage_over_100_and_contradicting_answers_are_marked() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "evidence")
        await type_answer(pilot, "evidence.target_quality_pct", "140")
        row = app.screen.query_one("#field-evidence--target_quality_pct", FieldRow)
        assert row.has_class("-invalid") and "100" in str(row.shown_error)
        await type_answer(pilot, "evidence.target_quality_pct", "90")
        await type_answer(pilot, "evidence.prompting_quality_pct", "95")
        await choose(pilot, "evidence.prompting_meets_target", "No")
        marked = {r.spec.path for r in app.screen.query(QuestionRow) if r.has_class("-invalid")}
        assert "evidence.prompting_meets_target" in marked
        assert "evidence.prompting_quality_pct" in marked
        assert app.is_running
        await choose(pilot, "evidence.prompting_meets_target", "Yes")
        marked = {r.spec.path for r in app.screen.query(QuestionRow) if r.has_class("-invalid")}
        assert not marked


def notice_text(app: object) -> str:
    wizard = app.wizard  # type: ignore[attr-defined]
    notices = wizard.steps[wizard.index].query(SettledNotice)
    # The box is mounted when a step first has something to say, and hidden after.
    if not notices or not notices.first().has_class("-shown"):
        return ""
    notice = notices.first()
    # What it says in full, whether it shows in full or collapsed to one line at 80×24
    # (tests/tui/test_layout.py checks the collapsing).
    return "\n".join([notice.title, *(line.plain for line in notice.lines())])


async def test_under_100_a_day_says_it_is_settled_and_ctrl_r_jumps_to_results() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "volume")
        assert isinstance(app.focused, Input)
        assert notice_text(app) == ""  # 50,000 a month settles nothing yet
        volume = app.wizard.steps[app.wizard.index]
        assert not volume.query(SettledNotice)  # and no box is mounted until something is
        await pilot.press("end", "ctrl+u", *"2400")  # 80 a day
        await pilot.pause()
        text = notice_text(app)
        assert text.startswith("Settled early")
        assert "cannot pay back" in text and "80/day" in text
        assert "Decision tree (guide 001), question 1 no" in text
        assert "ctrl+r" in text and "RAG" in text
        await pilot.press("end", "ctrl+u", *"60000")
        await pilot.pause()
        assert notice_text(app) == ""  # the notice follows the answers
        await pilot.press("end", "ctrl+u", *"2400")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.evaluation.verdict is not None
        assert app.screen.evaluation.verdict.label == "RAG"


async def test_knowledge_that_changes_settles_rag_on_the_knowledge_step() -> None:
    app = new_app(unknown_everywhere())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "knowledge")
        assert notice_text(app) == ""
        await choose(pilot, "use_case.knowledge_changes", "Yes")
        text = notice_text(app)
        assert "Guide 003, step 4, 'Use RAG for knowledge'" in text
        assert "RAG for the knowledge" in text


async def test_prompting_that_meets_the_target_settles_on_the_evidence_step() -> None:
    app = new_app(unknown_everywhere())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "evidence")
        await type_answer(pilot, "evidence.target_quality_pct", "90")
        await type_answer(pilot, "evidence.prompting_quality_pct", "93")
        text = notice_text(app)
        assert text.startswith("Settled early")
        assert "Flowchart (guide 000), question 1 yes → Prompt engineering" in text
        assert "So far: Prompt engineering (" in text


def test_the_steps_load_no_engine_and_no_pydantic_before_the_first_screen() -> None:
    """Only pure data is read on the way: `engine.visible` (one regular expression: what a
    control character is, defined once for the CLI, the screens and the profile check), the
    field registry (`engine.fields`, its choices' codes and words) and the path walker."""
    import subprocess
    import sys

    code = (
        "import sys, tui.app, tui.state.steps, tui.launch\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('engine', 'pydantic', 'profiles') or m == 'textual.widgets._selection_list'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == (
        "['engine', 'engine.choices', 'engine.fields', 'engine.paths', 'engine.visible']"
    )


async def queue_at_once(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Post every key before any is handled (a quick typist, a paste, tmux send-keys)."""
    from textual import events

    for key in keys:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await keys_landed(pilot)


async def test_keys_right_after_ctrl_n_and_ctrl_b_go_to_the_step_shown() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert isinstance(app.focused, Input)
        name = app.wizard.answers["profile.name"]
        await queue_at_once(pilot, "ctrl+n", "4", "2")
        assert app.wizard.index == STEP["evidence"]
        assert app.wizard.answers["profile.name"] == name  # not "…42"
        # The keys went to the next step's first answer (end of its text).
        assert app.wizard.answers["evidence.target_quality_pct"].endswith("42")
        target = app.wizard.answers["evidence.target_quality_pct"]
        await queue_at_once(pilot, "ctrl+b", "x", "y")
        assert app.wizard.index == STEP["use-case"]
        assert app.wizard.answers["evidence.target_quality_pct"] == target
        assert app.wizard.answers["profile.name"].endswith("xy")


async def test_keys_right_after_ctrl_r_never_change_an_answer() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = dict(app.wizard.answers)
        await queue_at_once(pilot, "ctrl+r", "x", "y", "z")
        assert isinstance(app.screen, ResultsScreen)
        assert app.wizard.answers == before
