"""The results screen speaks the reader's vocabulary (issue #14): no code, no framework id
and no guide file name, and the verdict worded by one definition on the panel, the results
card, the map strip and the Markdown export."""

from __future__ import annotations

import re
from typing import Any

import pytest
from textual.widget import Widget

from engine.wording import FRAMEWORKS, verdict_words
from profiles.files import load_profile
from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready
from tui.app import make_app
from tui.results.flowchart_strip import FlowchartStrip, _words
from tui.results.screen import ResultsScreen, export_markdown
from tui.widgets.verdict_card import VerdictCard, words
from tui.wizard.cost_panel import CostPanel

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
GUIDE_FILE = re.compile(r"\b00[0-3]_[0-9a-f]{16}")
THREE = ("entity-extraction-gpt-4o-mini", "flowchart-vs-litmus", "support-chatbot-10k")


def shown(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    plain = getattr(widget, "plain", None)
    if isinstance(plain, str):
        return plain
    try:
        rendered: Any = widget.render()
    except Exception:
        return ""
    return str(getattr(rendered, "plain", "") or "")


@pytest.mark.parametrize("name", THREE)
async def test_results_speak_in_words_and_word_the_verdict_once(name: str) -> None:
    path = EXAMPLES / f"{name}.toml"
    app = make_app(load_profile(path), path, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.pause()
        panel = shown(app.screen.query_one(CostPanel))
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        rec = screen.recommendation
        assert rec is not None
        text = "\n".join(shown(w) for w in screen.query("#results *"))
        assert SNAKE.findall(text) == []
        assert GUIDE_FILE.findall(text) == []
        assert [fid for fid in FRAMEWORKS if "_" in fid and fid in text] == []

        verdict = verdict_words(rec.verdict)
        assert f"Verdict: {verdict}" in panel
        assert f"Verdict: {verdict} ·" in shown(screen.query_one(VerdictCard))
        assert f"**Recommendation:** {verdict} (" in export_markdown(screen.evaluation, rec)
        strip = shown(screen.query_one(FlowchartStrip))
        for fw in rec.frameworks:
            if fw.id in FRAMEWORKS and fw.id != "providers":
                assert f"◆ {verdict_words(fw.verdict)}" in " ".join(strip.split())
        assert "Fine-tuning" in shown(screen.query_one("#summary-words"))


def test_every_place_words_a_verdict_by_the_one_definition() -> None:
    from tui.state.settled import GUIDE, verdict_text

    for code, wording in {
        "measure_first": "Measure first",
        "fine_tuning": "Fine-tune",
        "rag": "RAG",
        "prompting": "Prompt engineering",
        "not_ready": "Not ready to fine-tune",
    }.items():
        assert verdict_words(code) == wording
        assert words(code) == _words(code) == verdict_text(code) == wording
    assert all(GUIDE[k] == FRAMEWORKS[k] for k in GUIDE)
