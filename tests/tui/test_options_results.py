"""Results with named options (issue 18): the options ranked cheapest at the horizon first,
every curve drawn with its own glyph and the crossings marked, plain text without colour."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from textual.widgets import Static

from tests.tui.wizard_helpers import SIZE, new_app, ready
from tui.launch import example_document
from tui.results.options import CROSS, OptionsResults, draw, glyphs, ranking_lines
from tui.state.option_figures import ranked

OPTIONS: dict[str, Any] = {
    "mini": {
        "kind": "prompting",
        "name": "GPT-4o mini, prompted",
        "inference_monthly_usd": Decimal(300),
    },
    "routing": {
        "kind": "routing",
        "name": "Route 70% to the fine-tune",
        "first": "fine_tuning",
        "second": "baseline",
        "share_to_first": Decimal("0.7"),
        "router_usd_per_request": Decimal("0.0001"),
    },
}
"""Against support-chatbot-50k ($1,500 a month prompted; $250 fine-tuned, $12,000 up front):
the mini model costs $7,200 over 24 months, the fine-tune $18,000, the routing $27,120."""


def with_options() -> dict[str, Any]:
    doc = copy.deepcopy(example_document("support-chatbot-50k"))
    doc["profile"]["format"] = 3
    doc["options"] = copy.deepcopy(OPTIONS)
    return doc


async def test_results_rank_the_options_cheapest_at_the_horizon_first() -> None:
    app = new_app(with_options())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        section = app.screen.query_one(OptionsResults)
        comparison = section.comparison
        order = [o.id for o in ranked(comparison)]
        assert order == ["mini", "fine_tuning", "routing", "baseline"]
        assert order[0] == comparison.cheapest_at_horizon
        text = str(app.screen.query_one("#options-ranking", Static).render())
        lines = text.split("\n")
        first = "1. B GPT-4o mini, prompted · Prompting  $7,200 at 24 months"
        assert lines[0].startswith(first)
        assert lines[1] == "   $300 a month, $0 up front, break-even at once"
        heads = [line for line in lines if line[:1].isdigit()]
        assert [h.split(" · ")[0][5:] for h in heads] == [
            "GPT-4o mini, prompted",
            "Fine-tuning (GPT-3.5 Turbo)",
            "Route 70% to the fine-tune",
            "Prompting (GPT-4)",
        ]
        assert "$27,120 at 24 months" in heads[2]
        assert "break-even never" not in text


def test_the_chart_draws_every_curve_with_its_glyph_and_marks_the_crossings() -> None:
    from profiles.assessed import assess_profile
    from profiles.model import Profile

    comparison = assess_profile(Profile.model_validate(with_options())).options
    lines = draw(comparison, 78, 14)
    assert len(lines) == 14 and all(len(line) <= 78 for line in lines)
    plot = "\n".join(lines[:-3])
    for glyph in glyphs(comparison).values():
        assert glyph in plot, glyph
    # The fine-tune and the routing pay back within the horizon (9.6 and 13.8 months); the
    # mini model from the start, which is no crossing.
    assert plot.count(CROSS) == 2
    assert lines[-1].startswith(f"{CROSS} pays back against the baseline")


def test_ranking_lines_say_where_the_cheapest_changes_with_volume() -> None:
    from profiles.assessed import assess_profile
    from profiles.model import Profile

    doc = with_options()
    del doc["options"]["mini"]
    comparison = assess_profile(Profile.model_validate(doc)).options
    lines = ranking_lines(comparison)
    assert any(
        line.startswith("Above 20,000 requests a month, Fine-tuning (GPT-3.5 Turbo) is cheaper")
        and line.endswith("than Prompting (GPT-4).")
        for line in lines
    ), lines


async def test_an_option_named_like_markup_is_shown_as_written() -> None:
    from tests.tui.wizard_helpers import HOSTILE
    from tui.state.steps import STEPS
    from tui.wizard.options_step import OptionsStep

    doc = with_options()
    doc["options"]["mini"]["name"] = HOSTILE
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press(*["ctrl+n"] * next(i for i, s in enumerate(STEPS) if s.key == "options"))
        await pilot.pause()
        step = app.wizard.query_one(OptionsStep)
        assert HOSTILE in str(step.picker.render())
        panel = str(app.wizard.query_one("#panel").render())
        assert HOSTILE[:19] in panel  # cut to the name's column, as written
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.is_running
        assert HOSTILE in str(app.screen.query_one("#options-ranking", Static).render())
