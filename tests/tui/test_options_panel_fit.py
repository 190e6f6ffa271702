"""The live panel's option rows (issue 18): each option's chance of being the cheapest on a
profile with ranges, from the panel's own simulation, and never a row cut below the panel's
edge: at 60×20 and at 80×24, what fits, then how many more."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from tests.tui.test_options_results import OPTIONS
from tests.tui.wizard_helpers import RANGES, SIZE, new_app, settle
from tui.app import TunewiseApp
from tui.wizard.cost_panel import CostPanel
from tui.wizard.options_panel import MAX_ROWS

MORE: dict[str, Any] = {
    f"extra-{n}": {"kind": "prompting", "name": f"Extra {n}", "inference_monthly_usd": 100 * n}
    for n in range(1, 4)
}
"""Three more options: with the profile's own fine-tune and the two of `OPTIONS`, six rows."""


def ranged(options: dict[str, Any]) -> dict[str, Any]:
    """support-chatbot-ranges (five ranged answers) with `options`."""
    import tomllib

    doc = tomllib.loads(RANGES.read_text(encoding="utf-8"))
    doc["profile"]["format"] = 3
    doc["options"] = copy.deepcopy(options)
    return doc


def inside(app: TunewiseApp) -> tuple[CostPanel, list[str]]:
    """The panel and the lines it draws, checked to fit inside it."""
    panel = app.wizard.query_one(CostPanel)
    width = panel.content_region.width
    lines = [str(line) for line in panel.render().wrap(width)]  # as drawn: long lines wrap
    assert len(lines) <= panel.content_region.height, lines
    return panel, lines


async def test_the_panel_shows_each_options_chance_of_being_cheapest_on_a_ranged_profile() -> None:
    from profiles.ranges import profile_uncertainty

    app = new_app(ranged(OPTIONS))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel, lines = inside(app)
        u = panel.uncertainty
        assert u is not None and u.options
        ev = app.wizard.evaluation
        assert ev is not None
        # The figures the results' How sure and the reports give: same samples and seed.
        a = ev.assessed
        full = profile_uncertainty(a.profile, a.book, a.result, options=a.options)
        assert u.options == full.options
        at = next(i for i, line in enumerate(lines) if line.startswith("Option "))
        assert lines[at].split() == [
            "Option",
            "a",
            "month",
            "up",
            "front",
            "break-even",
            "cheapest",
        ]
        for o in u.options[1:]:  # the baseline has no row
            row = next(line for line in lines[at + 1 :] if line.startswith(o.name[:16]))
            assert row.endswith(f"{round(o.p_cheapest_at_horizon * 100)}%"), row
        mini = next(line for line in lines if line.startswith("GPT-4o mini"))
        assert "$300" in mini and "at once" in mini
        assert any(line.startswith("Verdict:") for line in lines)


async def test_a_profile_without_ranges_has_no_odds_column() -> None:
    from tests.tui.test_options_results import with_options

    app = new_app(with_options())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _, lines = inside(app)
        assert not any("cheapest" in line for line in lines)


async def test_at_60x20_the_rows_that_fit_then_how_many_more() -> None:
    app = new_app(ranged(OPTIONS))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        panel, lines = inside(app)
        assert panel.region.bottom <= 20 - 1  # above the footer
        # Verdict first, the figures kept, the totals on one line, how sure's first line.
        assert lines[0].startswith("Verdict:")
        assert any(line.startswith("At 24 mo: prompting $") for line in lines)
        assert any(line.startswith("Pays back in 24 mo:") for line in lines)
        at = next(i for i, line in enumerate(lines) if line.startswith("Option "))
        rows = lines[at + 1 :]
        assert rows[-1] == "and 2 more options: Results lists all", lines
        assert rows[0].startswith("Fine-tuning (GPT") and rows[0].endswith("%")


async def test_at_60x20_without_ranges_the_rows_that_fit() -> None:
    from tests.tui.test_options_results import with_options

    doc = with_options()
    doc["options"].update(copy.deepcopy(MORE))
    app = new_app(doc)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        _, lines = inside(app)
        names = ["Fine-tuning (GPT", "GPT-4o mini", "Route 70%", "Extra 1", "Extra 2"]
        shown = [n for n in names if any(line.startswith(n) for line in lines)]
        assert shown and shown == names[: len(shown)]
        assert lines[-1] == f"and {6 - len(shown)} more options: Results lists all", lines


async def test_at_80x24_six_options_show_four_rows_then_how_many_more() -> None:
    app = new_app(ranged({**OPTIONS, **MORE}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel, lines = inside(app)
        assert panel.region.bottom <= SIZE[1] - 1
        at = next(i for i, line in enumerate(lines) if line.startswith("Option "))
        rows = lines[at + 1 :]
        assert len(rows) - 1 < MAX_ROWS + 1
        assert rows[-1] == f"and {6 - (len(rows) - 1)} more options: Results lists all"
        assert all(row.endswith("%") for row in rows[:-1]), rows
        assert Decimal(0) <= Decimal(rows[0].rsplit(maxsplit=1)[-1][:-1]) <= 100


async def test_a_stale_reason_that_wraps_leaves_the_rows_that_still_fit() -> None:
    app = new_app(ranged({**OPTIONS, **MORE}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.wizard.query_one(CostPanel)
        panel.stale = "fix Model: model ids look like provider:model (openai:gpt-4o-mini), not '6'"
        await pilot.pause()
        _, lines = inside(app)
        assert lines[0].startswith("STALE fix Model") and lines[1] == "not '6'"
        assert lines[-1].startswith("and ") and lines[-1].endswith(
            "more options: Results lists all"
        )


async def test_the_option_being_edited_keeps_its_row_in_view() -> None:
    from tests.tui.test_options_wizard import to_options

    app = new_app(ranged({**OPTIONS, **MORE}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any(line.startswith("Extra 3") for line in inside(app)[1])
        step = await to_options(pilot)
        await pilot.press("down", "down", "down", "down")
        await settle(pilot)
        assert step.picker.picked == "extra-3"
        _, lines = inside(app)
        at = next(i for i, line in enumerate(lines) if line.startswith("Option "))
        rows = lines[at + 1 :]
        more = f"and {6 - (len(rows) - 1)} more options: Results lists all"
        assert rows[-2].startswith("Extra 3") and rows[-1] == more, rows
        assert rows[0].startswith("Fine-tuning (GPT")


async def test_an_options_answer_typed_as_a_range_moves_the_panels_odds() -> None:
    from engine.uncertainty.options import option_odds
    from profiles.ranges import profile_uncertainty
    from tests.tui.test_options_wizard import to_options
    from tests.tui.wizard_helpers import type_answer

    app = new_app(ranged(OPTIONS))
    async with app.run_test(size=SIZE) as pilot:
        await to_options(pilot)
        await pilot.press("down")  # the routing option's questions
        await settle(pilot)
        await type_answer(pilot, "options.routing.share_to_first", "0.1..0.7..0.9")
        await settle(pilot)
        assert not app.wizard.errors, app.wizard.errors
        ev = app.wizard.evaluation
        assert ev is not None and ev.setup is not None
        a = ev.assessed
        assert a.profile.ranges["options.routing.share_to_first"].low == Decimal("0.1")
        u = app.wizard.query_one(CostPanel).uncertainty
        assert u is not None and u.options
        full = profile_uncertainty(a.profile, a.book, a.result, options=a.options)
        assert u.options == full.options  # the reports' odds, the share's range sampled
        fixed = option_odds(
            ev.setup, a.options, samples=u.samples, seed=u.seed, shape=u.shape
        )  # the share left at 70%
        routing = next(o for o in u.options if o.id == "routing")
        assert routing.p_pays_back != next(o for o in fixed if o.id == "routing").p_pays_back
