"""The flowchart map (F3) and the strip on the results screen: the path this assessment took,
marked without colour, each framework's verdict at its leaf."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.rules import (
    FrameworkVerdict,
    Recommendation,
    assess,
    decision_tree_001,
    flowchart_000,
    litmus_002,
)
from profiles.files import load_profile
from tests.tui.wizard_helpers import SIZE, new_app, ready, type_answer
from tui.flowchart.screen import WIDTH, FlowchartScreen, draw_map, draw_spine, spine
from tui.launch import example_document
from tui.results.flowchart_strip import FlowchartStrip
from tui.results.screen import ResultsScreen
from tui.wizard.screen import WizardScreen

EXAMPLES = sorted((Path(__file__).parents[2] / "profiles" / "examples").glob("*.toml"))
TREES = {
    flowchart_000.ID: flowchart_000.TREE,
    decision_tree_001.ID: decision_tree_001.TREE,
    litmus_002.ID: litmus_002.TREE,
}


def recommendation_of(path: Path) -> Recommendation:
    catalog = load_catalog()
    profile = load_profile(path)
    inputs = profile.cost_inputs()
    book = catalog.resolve(inputs)
    return assess(profile.assessment(), inputs, evaluate(inputs, book), book, catalog)


def lines_of(drawing: list[Content]) -> list[str]:
    return [line.plain for line in drawing]


def styled(line: Content, text: str) -> set[str]:
    """The styles of the spans covering `text` in `line`."""
    start = line.plain.index(text)
    return {
        str(span.style)
        for span in line.spans
        if span.start <= start < span.end or start <= span.start < start + len(text)
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_drawn_framework_marks_its_path_and_its_verdict(example: Path) -> None:
    rec = recommendation_of(example)
    for fw in rec.frameworks:
        if fw.id not in TREES:
            continue
        nodes, _, _ = spine(TREES[fw.id], fw)
        drawing = draw_spine(TREES[fw.id], fw)
        text = "\n".join(lines_of(drawing))
        asked = {s.question for s in fw.path}
        visited = [n for n in nodes if n.taken]
        # Every question marked as on the path was asked by the framework, in order, and
        # the walk goes on down only from a question whose answer led down.
        assert [n.question.asks for n in visited] == [
            s.question for s in fw.path if s.question in {n.question.asks for n in nodes}
        ]
        assert all(n.question.asks in asked for n in visited)
        for above in visited[:-1]:
            assert above.taken == "down", (fw.id, above.question.id)
        reached = text.count("◆ ")
        if fw.verdict in ("measure_first", "unknown"):
            assert reached == 0 and "? unknown, answer this first" in text
        else:
            assert reached == 1
            line = next(line for line in drawing if "◆ " in line.plain)
            assert "reverse" in " ".join(styled(line, "◆ "))  # not colour alone
            says = fw.says.split()[0]
            assert says in text.split("◆ ", 1)[1][:200]


@pytest.mark.parametrize("example", EXAMPLES[:4], ids=[p.stem for p in EXAMPLES[:4]])
def test_the_map_fits_80_columns(example: Path) -> None:
    for line in lines_of(draw_map(recommendation_of(example))):
        assert len(line) <= WIDTH, line


def test_every_framework_has_a_heading_with_its_verdict() -> None:
    rec = recommendation_of(EXAMPLES[0])
    text = "\n".join(lines_of(draw_map(rec)))
    for fw in rec.frameworks:
        assert fw.name in text
    assert text.startswith("Verdict: ")


def drawing_of(app: Any) -> list[str]:
    screen = app.screen
    assert isinstance(screen, FlowchartScreen)
    rendered = screen.query_one("#map-drawing", Static).render()
    assert isinstance(rendered, Content)
    return rendered.plain.splitlines()


def box_line(lines: list[str], start: str) -> str:
    """The first line of the box whose question starts with `start`."""
    return next(line for line in lines if f"Q{start}" in line or start in line)


async def test_f3_draws_the_path_this_assessment_took() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for _ in range(4):
            await pilot.press("ctrl+n")
        await pilot.pause()
        await type_answer(pilot, "workload.requests_per_month", "2400")  # 80 a day
        await pilot.press("f3")
        await pilot.pause()
        lines = drawing_of(app)
        tree = lines.index(next(x for x in lines if x.startswith("Five-question decision tree")))
        q1 = next(x for x in lines[tree:] if "Q1 Is your daily volume" in x)
        q2 = next(x for x in lines[tree:] if "Q2 Do you have 100+" in x)
        assert q1.startswith("▶") and "━no━▶" in q1
        assert "◆ Prompt engineering:" in q1
        assert not q2.startswith("▶") and "○ Prompt engineering" in q2
        assert lines[tree].rstrip().endswith("◆ Prompt engineering")
        flow = next(x for x in lines if "Q1 Does the base model" in x)
        assert flow.startswith("?")  # unknown: where 000 stops
        # Scrolls by keyboard, and goes back where it came from.
        scroll = app.screen.query_one("#map")
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)


async def test_answering_by_keyboard_moves_the_path() -> None:
    doc = example_document("support-chatbot-50k")
    doc.pop("evidence", None)
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_answer(pilot, "evidence.target_quality_pct", "90")
        await type_answer(pilot, "evidence.prompting_quality_pct", "93")
        await pilot.press("f3")
        await pilot.pause()
        lines = drawing_of(app)
        flow = next(x for x in lines if "Q1 Does the base model" in x)
        assert flow.startswith("▶") and "━yes━▶" in flow
        assert "◆ Prompt engineering:" in flow


async def test_the_map_is_in_the_footer_palette_and_help() -> None:
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert "Map" in names
        await pilot.press("f1")
        await pilot.pause()
        rendered = [w.render() for w in app.screen.query("Static")]
        text = "\n".join(r.plain for r in rendered if isinstance(r, Content | Text))
        assert "Map" in text and "f3" in text.lower()


async def test_results_show_the_strip_and_f3_opens_the_map_from_there() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for _ in range(4):
            await pilot.press("ctrl+n")
        await pilot.pause()
        await type_answer(pilot, "workload.requests_per_month", "2400")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        strip = app.screen.query_one(FlowchartStrip)
        text = strip.render().plain
        assert "Decision tree 1✗ ◆ Prompt engineering" in text
        assert "Litmus test 1✗ ◆ Not ready to fine-tune" in text
        assert text.startswith("Path (F3): ")
        assert len(text.splitlines()) <= 4, "at most a line a guide"
        assert not re.search(r"\b00[0-3]\b", text), "guides by name, not number"
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, FlowchartScreen)
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


def test_a_framework_that_stops_marks_the_question_to_answer() -> None:
    rec = recommendation_of(EXAMPLES[0])
    undecided: list[FrameworkVerdict] = [
        fw for fw in rec.frameworks if fw.id in TREES and fw.verdict == "measure_first"
    ]
    for fw in undecided:
        nodes, _, _ = spine(TREES[fw.id], fw)
        stopped = [n for n in nodes if n.taken == "stopped"]
        assert len(stopped) == 1
        assert stopped[0].question.asks in fw.unknowns
