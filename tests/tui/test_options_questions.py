"""What an option really has, asked in the options step at 80×24 by keys only (issue 18): a
hosted fine-tune's training by its parts, a prompting option's price tier and caching, and an
option's own costs added, edited and removed as a list."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from engine.money import usd
from tests.tui.test_options_wizard import add, panel_lines, to_options
from tests.tui.wizard_helpers import HOSTILE, SIZE, new_app, settle, type_answer
from tui.launch import example_document
from tui.wizard.options_item_dialog import ItemScreen
from tui.wizard.options_items import ItemsRow

MODEL, HOSTED = 0, 2
"""The templates' places in the add list (another model, RAG, hosted …)."""
EXAMPLES = 4000
"""The labelled examples the profile says it has: a hosted training's examples when unknown."""


def tokened() -> dict[str, Any]:
    """support-chatbot-50k-2026 (token counts, catalog prices) with 4,000 labelled examples."""
    doc = copy.deepcopy(example_document("support-chatbot-50k-2026"))
    doc.setdefault("data", {})["labelled_examples"] = EXAMPLES
    return doc


def option(app: Any, key: str) -> Any:
    ev = app.wizard.evaluation
    assert ev is not None and not app.wizard.errors, app.wizard.errors
    return next(o for o in ev.assessed.options.options if o.id == key)


def row_of(app: Any, name: str) -> str:
    return next(line for line in panel_lines(app) if line.startswith(name))


async def test_a_hosted_fine_tunes_up_front_is_examples_tokens_epochs_and_price(
    tmp_path: Path,
) -> None:
    app = new_app(tokened())
    async with app.run_test(size=SIZE) as pilot:
        await to_options(pilot)
        await add(pilot, HOSTED, "Tuned mini")
        key = "options.tuned-mini"
        await type_answer(pilot, f"{key}.base_model", "openai:gpt-4.1-mini")
        await type_answer(pilot, f"{key}.training.tokens_per_example", "600")
        await type_answer(pilot, f"{key}.training.usd_per_mtok", "5")
        await settle(pilot)
        # Examples unknown: the profile's; epochs unknown: 3. 4,000 × 600 × 3 = 7.2M tokens.
        by_hand = Decimal(EXAMPLES * 600 * 3) / 1_000_000 * 5
        assert by_hand == Decimal(36)
        tuned = option(app, "tuned-mini")
        assert tuned.costs.upfront_usd == by_hand
        training = next(i for i in tuned.costs.upfront_items if i.key == "training")
        assert "4,000 examples × 600" in training.formula and "3 epochs" in training.formula
        assert "$36 up front" in row_of(app, "Tuned mini")
        # Its own examples and epochs, then the price left to the catalog.
        await type_answer(pilot, f"{key}.training.examples", "1000")
        await type_answer(pilot, f"{key}.training.epochs", "2")
        await settle(pilot)
        assert option(app, "tuned-mini").costs.upfront_usd == Decimal(1000 * 600 * 2) / 10**6 * 5
        await type_answer(pilot, f"{key}.training.usd_per_mtok", "")
        await settle(pilot)
        catalog = app.wizard.catalog
        assert catalog is not None
        price = catalog.training_quote("openai:gpt-4.1-mini", "options")
        floor = price.min_charge.usd if price.min_charge else Decimal(0)
        by_catalog = max(Decimal(1000 * 600 * 2) / 10**6 * price.per_mtok.usd, floor)
        assert option(app, "tuned-mini").costs.upfront_usd == by_catalog
        # The sum given instead: it overrides the training, and says so wherever it shows.
        await type_answer(pilot, f"{key}.upfront_usd", "9000")
        await settle(pilot)
        tuned = option(app, "tuned-mini")
        assert tuned.costs.upfront_usd == Decimal(9000)
        assert "$9,000 up front, given" in row_of(app, "Tuned mini")


async def test_a_prompting_option_on_the_batch_tier_costs_the_catalogs_batch_price() -> None:
    app = new_app(tokened())
    async with app.run_test(size=SIZE) as pilot:
        await to_options(pilot)
        await add(pilot, MODEL, "Batch mini")
        key = "options.batch-mini"
        await type_answer(pilot, f"{key}.model", "openai:gpt-4.1-mini")
        await settle(pilot)
        standard = option(app, "batch-mini").costs.monthly_usd
        tier = app.wizard.query_one("#field-options--batch-mini--tier")
        app.wizard.set_focus(tier)
        await pilot.press("b")  # the first letter of Batch
        await settle(pilot)
        assert app.wizard.answers[f"{key}.tier"] == "batch"
        catalog = app.wizard.catalog
        assert catalog is not None
        on = date(2026, 11, 22)
        quotes = catalog.base_prices("openai:gpt-4.1-mini", on, "options", 800, "batch")
        ev = app.wizard.evaluation
        assert ev is not None
        w = ev.assessed.inputs.workload
        prompt = w.instruction_tokens + w.example_tokens + w.rag_tokens + w.user_tokens
        by_hand = (
            w.monthly_requests
            * (prompt * quotes.input.usd + w.output_tokens * quotes.output.usd)
            / 10**6
        )
        batch = option(app, "batch-mini").costs.monthly_usd
        assert batch == by_hand and batch < standard
        assert f"{usd(batch)}/mo" in row_of(app, "Batch mini")
        # Caching, asked as the Models and prices step asks it.
        await type_answer(pilot, f"{key}.cached_prefix_share", "50%")
        await settle(pilot)
        assert app.wizard.answers[f"{key}.cached_prefix_share"] == "50%"
        assert not app.wizard.errors


async def _add_item(pilot: Pilot[Any], row: ItemsRow, name: str, amount: str) -> None:
    pilot.app.wizard.set_focus(row)  # type: ignore[attr-defined]
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ItemScreen)
    await pilot.press(*name, "tab", *amount, "enter")
    await settle(pilot)


async def test_an_options_own_cost_added_by_keys_is_saved_and_in_its_monthly(
    tmp_path: Path,
) -> None:
    app = new_app(tokened())
    path = tmp_path / "case.toml"
    async with app.run_test(size=SIZE) as pilot:
        await to_options(pilot)
        await add(pilot, MODEL, "Mini")
        await type_answer(pilot, "options.mini.model", "openai:gpt-4.1-mini")
        await settle(pilot)
        before = option(app, "mini").costs.monthly_usd
        monthly = app.wizard.query_one("#field-options--mini--monthly_items", ItemsRow)
        await _add_item(pilot, monthly, "Router upkeep", "150")
        assert app.wizard.answers["options.mini.monthly_items"] == '{"Router upkeep": "150"}'
        mini = option(app, "mini")
        assert mini.costs.monthly_usd == before + 150
        item = next(i for i in mini.costs.monthly_items if i.label == "Router upkeep")
        assert item.usd == Decimal(150) and item.formula == "given"
        assert f"{usd(before + 150)}/mo" in row_of(app, "Mini")
        await pilot.press("ctrl+r")  # the results list it among the option's line items
        await pilot.pause()
        listed = str(app.screen.query_one("#options-items").render())
        assert "Mini, monthly" in listed and "Router upkeep" in listed and "$150" in listed
        await pilot.press("escape")
        await pilot.pause()
        # A name with markup stays text; a control character is refused, saying why.
        upfront = app.wizard.query_one("#field-options--mini--upfront_items", ItemsRow)
        await _add_item(pilot, upfront, HOSTILE, "2000")
        assert option(app, "mini").costs.upfront_usd == Decimal(2000)
        assert upfront.items == [(HOSTILE.strip(), "2000")]
        assert "Tier [Gold] [/]" in str(upfront.render())
        app.wizard.set_focus(upfront)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        app.screen.query_one("#item-name", Input).value = "Bell\x07"
        await pilot.press("tab", "1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        error = str(app.screen.query_one("#item-error").render())
        assert "no control characters" in error
        await pilot.press("escape")
        await pilot.pause()
        # Edited, then removed after a yes.
        app.wizard.set_focus(upfront)
        await pilot.press("e", "tab", "ctrl+u", *"2500", "enter")
        await settle(pilot)
        assert option(app, "mini").costs.upfront_usd == Decimal(2500)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert option(app, "mini").costs.upfront_usd == Decimal(0)
        assert app.wizard.answers["options.mini.upfront_items"] == ""
        assert app.dirty
        app._save_to(app.wizard.evaluation, path, upgrade=True)  # type: ignore[arg-type]
        await pilot.pause()
        assert not app.dirty
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    items = saved["options"]["mini"]["monthly_items"]
    assert {k: Decimal(str(v)) for k, v in items.items()} == {"Router upkeep": Decimal(150)}
    assert "upfront_items" not in saved["options"]["mini"]


def test_own_costs_go_through_the_answers_whatever_their_names() -> None:
    from tui.state.form import data_from_values
    from tui.state.options import option_answers, option_specs

    name = 'v2.1 "rewrite" [b]\\'
    doc = {"options": {"a": {"kind": "prompting", "name": "A", "upfront_items": {name: 2000}}}}
    specs = option_specs(doc, {})
    answers = option_answers(doc, specs)
    kinds = {path: spec.kind for path, spec in specs.items()}
    data = data_from_values(answers, doc, kinds)
    assert data["options"]["a"]["upfront_items"] == {name: "2000"}
    assert "monthly_items" not in data["options"]["a"]
    # A file's odd value is kept for the model to refuse on its row, which shows none.
    answers["options.a.monthly_items"] = "oops"
    assert data_from_values(answers, doc, kinds)["options"]["a"]["monthly_items"] == "oops"
    assert ItemsRow(specs["options.a.monthly_items"], "oops").items == []
