"""The options step at 80×24, by keys only (issue 18): a routing option added from its
template, its row in the live panel against a hand calculation from the engine's costs, saved
over a format-2 file as format 3 only after asking; rename; remove, refused while another
option is built from it."""

from __future__ import annotations

import shutil
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from engine.money import usd
from engine.options.inputs import RoutingOption
from profiles.files import load_profile
from tests.tui.wizard_helpers import (
    EXAMPLES,
    SIZE,
    THEME,
    keys_landed,
    ready,
    settle,
    type_answer,
)
from tui.app import TunewiseApp, make_app
from tui.dialogs.confirm import ConfirmScreen
from tui.state.steps import STEPS
from tui.wizard.cost_panel import CostPanel
from tui.wizard.options_name import OptionNameScreen
from tui.wizard.options_step import OptionsPicker, OptionsStep

OPTIONS_STEP = next(i for i, s in enumerate(STEPS) if s.key == "options")
ROUTING = 4
"""The routing template's place in the add list (another model, RAG, hosted, LoRA, routing)."""


def chatbot(tmp_path: Path) -> Path:
    """support-chatbot-50k, a format-2 file: prompting $1,500 a month, fine-tuning $250."""
    path = tmp_path / "chatbot.toml"
    shutil.copy(EXAMPLES / "support-chatbot-50k.toml", path)
    return path


def app_for(path: Path) -> TunewiseApp:
    return make_app(load_profile(path), path, theme=THEME)


async def to_options(pilot: Pilot[Any]) -> OptionsStep:
    await ready(pilot)
    await pilot.press(*["ctrl+n"] * OPTIONS_STEP)
    await settle(pilot)
    step = pilot.app.wizard.steps[OPTIONS_STEP]  # type: ignore[attr-defined]
    assert isinstance(step, OptionsStep) and step.display
    assert isinstance(pilot.app.focused, OptionsPicker)
    return step


async def add(pilot: Pilot[Any], template: int, name: str | None = None) -> None:
    """Add the template at `template` in the list, named `name` (else its default name)."""
    await to_picker(pilot)
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*["down"] * template, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OptionNameScreen)
    if name is not None:
        await pilot.press("ctrl+u", *name)
    await pilot.press("enter")
    await settle(pilot)


async def to_picker(pilot: Pilot[Any]) -> None:
    """Shift+tab back to the list of options (a new option's first question has focus)."""
    for _ in range(12):
        if isinstance(pilot.app.focused, OptionsPicker):
            return
        await pilot.press("shift+tab")
    raise AssertionError("shift+tab never reached the options")


def panel_lines(app: TunewiseApp) -> list[str]:
    panel = app.wizard.query_one(CostPanel)
    inside = panel.region.height - 2
    return str(panel.render()).split("\n")[:inside]


async def test_a_routing_option_added_by_keys_shows_its_row_and_saves_as_format_3(
    tmp_path: Path,
) -> None:
    path = chatbot(tmp_path)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await to_options(pilot)
        await add(pilot, ROUTING)
        wizard = app.wizard
        # The template routes between the fine-tune and the baseline, picked by name.
        assert wizard.answers["options.routing.first"] == "fine_tuning"
        assert wizard.answers["options.routing.second"] == "baseline"
        await type_answer(pilot, "options.routing.share_to_first", "70%")
        await type_answer(pilot, "options.routing.router_usd_per_request", "0.0001")
        await settle(pilot)
        assert not wizard.errors, wizard.errors
        ev = wizard.evaluation
        assert ev is not None
        comparison = ev.assessed.options
        ft = next(o for o in comparison.options if o.id == "fine_tuning").costs.monthly_usd
        base = comparison.baseline.costs.monthly_usd
        router = Decimal("0.0001") * ev.result.monthly_requests
        by_hand = Decimal("0.7") * ft + Decimal("0.3") * base + router
        assert by_hand == Decimal("630")  # 0.7 × $250 + 0.3 × $1,500 + $5
        routing = next(o for o in comparison.options if o.id == "routing")
        assert routing.costs.monthly_usd == by_hand
        # Its row in the panel, inside the panel's height at 80×24, headline kept.
        lines = panel_lines(app)
        row = next(line for line in lines if line.startswith("Routing"))
        assert f"{usd(by_hand)}/mo" in row and "$12,000 up front" in row
        assert "break-even 13.79 months" in row
        assert any(line.startswith("Verdict:") for line in lines)

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the file opened, suggested
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "format 3" in app.screen.question
        assert path.read_bytes() == before  # nothing written before the answer
        await pilot.press("y")
        await pilot.pause()
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["profile"]["format"] == 3
    option = saved["options"]["routing"]
    assert option["name"] == "Routing" and option["kind"] == "routing"
    assert (option["first"], option["second"]) == ("fine_tuning", "baseline")
    assert Decimal(str(option["share_to_first"])) == Decimal("0.7")
    loaded = load_profile(path).options["routing"]
    assert isinstance(loaded, RoutingOption) and loaded.share_to_first == Decimal("0.7")


async def test_declining_the_upgrade_leaves_the_format_2_file_as_it_was(tmp_path: Path) -> None:
    path = chatbot(tmp_path)
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        step = await to_options(pilot)
        note = step.query_one("#options-format")
        assert note.display and "format 3" in str(note.render())
        await add(pilot, ROUTING)
        await type_answer(pilot, "options.routing.share_to_first", "70%")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_rename_changes_the_name_shown_and_offered_but_not_the_id(tmp_path: Path) -> None:
    app = app_for(chatbot(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        step = await to_options(pilot)
        await add(pilot, 2, "Small model")  # a hosted fine-tune
        await add(pilot, ROUTING)
        await to_picker(pilot)
        await pilot.press("up")  # the fine-tune
        await pilot.pause()
        assert step.picker.picked == "small-model"
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Tiny model", "enter")
        await settle(pilot)
        wizard = app.wizard
        assert wizard.answers["options.small-model.name"] == "Tiny model"
        assert ("small-model", "Tiny model", "Fine-tune") in step.picker.entries
        offered = wizard.specs["options.routing.first"].choices
        assert ("Tiny model", "small-model") in offered


async def test_remove_refuses_an_option_another_is_built_from_then_removes_on_yes(
    tmp_path: Path,
) -> None:
    app = app_for(chatbot(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        step = await to_options(pilot)
        await add(pilot, 0, "Mini")  # another model, prompted
        await add(pilot, ROUTING)
        wizard = app.wizard
        # Route to the new model: its first option picked from the list, by name.
        first = wizard.query_one("#field-options--routing--first")
        wizard.set_focus(first)
        labels = [label for label, _ in first.options]  # type: ignore[attr-defined]
        await pilot.press("home", *["right"] * labels.index("Mini"))
        await settle(pilot)
        assert wizard.answers["options.routing.first"] == "mini"
        await to_picker(pilot)
        await pilot.press("up")
        await pilot.pause()
        assert step.picker.picked == "mini"
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)  # refused, not asked
        said = [n.message for n in app._notifications]
        assert any("Mini is not removed: Routing is built from it" in m for m in said), said
        assert "mini" in wizard.document["options"]
        # The routing option goes after a yes; then the model it was built from may go too.
        await pilot.press("down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert "routing" not in wizard.document["options"]
        assert not any(p.startswith("options.routing.") for p in wizard.answers)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert "options" not in wizard.document
        assert step.picker.entries == []
        assert not any(line.startswith("Mini") for line in panel_lines(app))


async def test_the_panel_keeps_its_headline_and_a_row_per_option_at_80x24() -> None:
    from tests.tui.test_options_results import with_options
    from tests.tui.wizard_helpers import new_app

    app = new_app(with_options())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = panel_lines(app)
        assert any(line.startswith("Verdict:") for line in lines), lines
        rows = [line for line in lines if "/mo  " in line and "up front" in line]
        assert [row.split("  ")[0].strip() for row in rows] == [
            "Fine-tuning (GPT-3.…",
            "GPT-4o mini, prompt…",
            "Route 70% to the fi…",
        ]
        assert "break-even at once" in rows[1] and "break-even 13.79 months" in rows[2]
        panel = app.wizard.query_one(CostPanel)
        assert panel.region.bottom <= SIZE[1] - 1  # above the footer


def test_an_option_is_never_offered_to_an_option_it_is_built_from() -> None:
    from tui.state.options import option_specs

    document = {
        "options": {
            "a": {"kind": "routing", "name": "A", "first": "b", "second": "baseline"},
            "b": {"kind": "routing", "name": "B", "first": "c", "second": "baseline"},
            "c": {"kind": "prompting", "name": "C"},
        }
    }
    specs = option_specs(document, {})
    offered = {label for label, _ in specs["options.c.model"].choices}
    assert offered == set()  # a model, not a reference
    # B is built on C; A on B (so on C too): C's references could not name either, but C
    # asks none; B may not pick A, which is built from it.
    b_first = {value for _, value in specs["options.b.first"].choices}
    assert "a" not in b_first and "c" in b_first and "b" not in b_first
    a_first = {value for _, value in specs["options.a.first"].choices}
    assert {"b", "c", "baseline", "fine_tuning"} <= a_first and "a" not in a_first


def test_an_options_refusal_is_on_its_question_in_words() -> None:
    from tui.state.form import FieldSpec
    from tui.state.options import option_errors

    specs = {
        "options.docs.documents": FieldSpec("options.docs.documents", "Documents in the index"),
        "options.mini.model": FieldSpec("options.mini.model", "Model"),
    }
    answers = {"options.docs.name": "Docs", "options.mini.name": "Mini"}
    errors = {
        "options.docs.rag.documents": "Field required",
        "options.mini.model": "say what prompting costs: a catalog model, prices, "
        "inference_monthly_usd or cost_per_request_usd",
        "options.docs.rag": "the share changed is above one",
        "workload.requests_per_month": "must be a number",
    }
    assert option_errors(errors, specs, answers) == {
        "options.docs.documents": "needed to cost this option",
        "options.mini.model": "say what prompting costs: a catalog model, prices, a monthly "
        "bill or a cost per request",
        "options": "Docs: the share changed is above one",
        "workload.requests_per_month": "must be a number",
    }


async def test_a_rag_option_asks_its_questions_and_marks_what_is_missing(tmp_path: Path) -> None:
    from tui.wizard.question import QuestionRow

    app = app_for(chatbot(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await to_options(pilot)
        await add(pilot, 1)  # add RAG, named as offered
        wizard = app.wizard
        row = wizard.query_one("#field-options--with-retrieval--documents", QuestionRow)
        assert row.shown_error == "needed to cost this option"
        assert wizard.answers["options.with-retrieval.generator"] == "baseline"
        await type_answer(pilot, "options.with-retrieval.documents", "10000")
        await type_answer(pilot, "options.with-retrieval.tokens_per_document", "800")
        await type_answer(
            pilot, "options.with-retrieval.embedding_model", "openai:text-embedding-3-small"
        )
        await type_answer(pilot, "options.with-retrieval.retrieved_tokens", "1000")
        await settle(pilot)
        # The vector store's bill and the share changed a month are asked, never taken as 0:
        # "0" must be said.
        store = "options.with-retrieval.store_monthly_usd"
        changed = "options.with-retrieval.changed_share_per_month"
        missing = "needed to cost this option"
        assert wizard.errors == {store: missing, changed: missing}
        await type_answer(pilot, store, "0")
        await type_answer(pilot, changed, "0")
        await settle(pilot)
        assert not wizard.errors, wizard.errors
        assert any(line.startswith("With retrieval") for line in panel_lines(app))


async def test_opening_another_file_shows_its_options_not_the_last_ones(tmp_path: Path) -> None:
    from tests.tui.test_options_results import with_options
    from tests.tui.wizard_helpers import new_app

    app = new_app(with_options())
    async with app.run_test(size=SIZE) as pilot:
        step = await to_options(pilot)
        assert [key for key, _, _ in step.picker.entries] == ["mini", "routing"]
        app._open(chatbot(tmp_path))
        await settle(pilot)
        assert step.picker.entries == [] and step.rows == [step.picker]
        assert not any(p.startswith("options.") for p in app.wizard.answers)
        assert not any(p.startswith("options.") for p in app.wizard.specs)
        assert not app.wizard.errors


async def test_beside_the_questions_an_option_takes_two_lines_that_fit() -> None:
    from tests.tui.test_options_results import with_options
    from tests.tui.wizard_helpers import new_app

    app = new_app(with_options())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.wizard.query_one(CostPanel)
        inside = panel.content_region.width
        lines = str(panel.render()).split("\n")
        at = lines.index("Route 70% to the fine-tune")
        assert lines[at + 1] == "  $630/mo · $12,000 · 13.79 months"
        assert all(len(line) <= inside for line in lines[at - 4 :])


async def test_a_name_typed_at_once_after_picking_a_template_is_the_options_name(
    tmp_path: Path,
) -> None:
    """Keys queued together (a quick typist, tmux send-keys) reach the name dialog as it opens."""
    from textual import events

    app = app_for(chatbot(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        step = await to_options(pilot)
        for key in ["a", *["down"] * ROUTING, "enter", *"Quick", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await keys_landed(pilot)
        await settle(pilot)
        assert ("quick", "Quick", "Routing") in step.picker.entries


def test_a_rag_option_is_answered_only_by_a_model_never_by_a_hybrid() -> None:
    # The engine refuses a routing option as a RAG option's generator: never offer it.
    from tui.state.options import option_specs

    document = {
        "options": {
            "mix": {"kind": "routing", "name": "Mix", "first": "small", "second": "baseline"},
            "small": {"kind": "prompting", "name": "Small"},
            "docs": {"kind": "rag", "name": "Docs"},
        }
    }
    specs = option_specs(document, {})
    answered_by = {value for _, value in specs["options.docs.generator"].choices}
    assert answered_by == {"baseline", "fine_tuning", "small"}
    mix_first = {value for _, value in specs["options.mix.first"].choices}
    assert {"docs", "small", "baseline", "fine_tuning"} <= mix_first
