"""A user's own case from a blank start (issue 13): invoice field extraction for an
accounts-payable team, typed into the wizard at 80×24, costed from the catalog's prices and
saved. Every figure the panel shows is checked against a hand calculation from those prices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from engine.catalog import load_catalog
from profiles.files import load_profile
from tests.tui.wizard_helpers import SIZE, THEME, choose, ready, step_of, to_step, type_answer
from tui.app import make_app
from tui.dialogs.filename import FileNameScreen
from tui.launch import blank_document
from tui.state.evaluation import Evaluation
from tui.wizard.cost_panel import CostPanel

TODAY = date(2026, 12, 3)
MILLION = Decimal(1_000_000)


def panel_text(app: object) -> str:
    panel = app.screen.query_one(CostPanel)  # type: ignore[attr-defined]
    return " ".join(panel.render().plain.split())


async def go_to(pilot: object, path: str) -> None:
    """Move to the step asking `path` from wherever the wizard is."""
    here = pilot.app.wizard.index  # type: ignore[attr-defined]
    await to_step(pilot, step_of(path) - here)  # type: ignore[arg-type]


async def test_a_blank_start_is_dated_today_and_says_what_to_answer() -> None:
    app = make_app(blank_document(TODAY), theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.wizard.answers["profile.assessed_on"] == "2026-12-03"
        assert app.wizard.answers["workload.requests_per_month"] == ""
        text = panel_text(app)
        assert "To cost this, answer: requests a month or a day (Volume and tokens)" in text
        assert "the prompting model or its monthly bill" in text
        assert "$" not in text  # no figure borrowed from an example
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FileNameScreen)  # nothing to save yet, said why


async def test_the_invoice_case_from_a_blank_start_to_a_saved_profile(tmp_path: Path) -> None:
    app = make_app(blank_document(TODAY), theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await type_answer(pilot, "profile.name", "Invoice field extraction")
        await go_to(pilot, "data.labelled_examples")
        await type_answer(pilot, "data.labelled_examples", "2,000")
        await go_to(pilot, "workload.requests_per_day")
        await type_answer(pilot, "workload.requests_per_day", "4000")
        await type_answer(pilot, "workload.instruction_tokens", "300")
        await type_answer(pilot, "workload.example_tokens", "400")
        await type_answer(pilot, "workload.user_tokens", "800")
        await type_answer(pilot, "workload.output_tokens", "300")
        await type_answer(pilot, "workload.monthly_growth", "2%")
        await go_to(pilot, "prompting.model")
        await type_answer(pilot, "prompting.model", "openai:gpt-4.1")
        await type_answer(pilot, "fine_tuning.base_model", "azure:gpt-4.1")
        await choose(pilot, "fine_tuning.serving.kind", "tokens + hourly deployment fee")
        # Until the training is known the upfront is unknown, never $0.
        assert "unknown up front" in panel_text(app) or "unknown once" in panel_text(app)
        await go_to(pilot, "fine_tuning.training.tokens_per_example")
        await type_answer(pilot, "fine_tuning.training.tokens_per_example", "1500")
        await pilot.pause()
        assert not app.wizard.errors, app.wizard.errors

        # The hand calculation, from the prices the catalog has for these models.
        catalog = load_catalog()
        gpt = catalog.base_prices("openai:gpt-4.1", TODAY, "prompting.model")
        azure = catalog.base_prices("azure:gpt-4.1", TODAY, "fine_tuning.base_model")
        fee = catalog.hosting_hourly("azure:gpt-4.1", "fine_tuning.serving").usd
        training = catalog.training_quote("azure:gpt-4.1", "t").per_mtok.usd
        requests = Decimal(4000) * 30
        prompting = requests * (1500 * gpt.input.usd + 300 * gpt.output.usd) / MILLION
        # Fine-tuned: the few-shot examples go, instructions and invoice stay.
        tokens = requests * (1100 * azure.input.usd + 300 * azure.output.usd) / MILLION
        hosting = 1 * 720 * fee  # one deployment, always on: 24 h × 30 days
        upfront = Decimal(2000 * 1500 * 3) * training / MILLION  # examples × tokens × epochs

        ev = app.wizard.evaluation
        assert isinstance(ev, Evaluation)
        r = ev.result
        assert r.prompting.monthly_usd == prompting
        assert r.finetune.monthly_usd == tokens + hosting
        assert r.finetune.upfront_usd == upfront
        items = {i.key: i for i in r.finetune.monthly_items}
        assert items["hosting_hours"].usd == hosting
        assert "720 h" in items["hosting_hours"].formula
        from engine.money import usd

        text = panel_text(app)
        assert f"Prompting {usd(prompting)}/mo" in text
        # Training alone: the parts not typed count $0, and the panel says the sum is partial.
        assert f"Fine-tuning {usd(upfront)} once (partial) + {usd(tokens + hosting)}/mo" in text
        assert "given" not in text  # priced from the answers, not typed bills

        target = tmp_path / "invoices.toml"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await pilot.pause()
    saved = load_profile(target)
    assert saved.profile.assessed_on == TODAY
    assert saved.profile.name == "Invoice field extraction"
    assert saved.data.labelled_examples == 2000
    assert saved.result is not None
    assert saved.result.costs.finetune_upfront == upfront
    assert saved.result.costs.prompting_monthly == prompting


async def test_a_bill_typed_directly_is_marked_given_and_tokens_beside_it_are_flagged() -> None:
    doc = blank_document(TODAY)
    doc.update(
        workload={"requests_per_month": 50_000, "user_tokens": 800, "output_tokens": 100},
        prompting={"model": "openai:gpt-4.1", "inference_monthly_usd": 1500},
        fine_tuning={"serving_monthly_usd": 250, "upfront_usd": 12_000},
    )
    app = make_app(doc, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = panel_text(app)
        assert "Prompting $1,500/mo given" in text
        assert "$250/mo given" in text
        # The tokens typed beside the bill are not priced: said, with what to do about it.
        assert "Prompting uses the bill you gave, not the tokens: clear the bill" in text
        await go_to(pilot, "prompting.inference_monthly_usd")
        await type_answer(pilot, "prompting.inference_monthly_usd", "")
        text = panel_text(app)
        assert "Prompting uses the bill" not in text
        assert "Prompting $120/mo" in text  # 50,000 × (800 × $2 + 100 × $8) / 1M, priced now


async def test_clearing_the_upfront_leaves_break_even_unknown() -> None:
    doc = blank_document(TODAY)
    doc.update(
        workload={"requests_per_month": 50_000},
        prompting={"inference_monthly_usd": 1500},
        fine_tuning={"serving_monthly_usd": 250, "upfront_usd": 12_000},
    )
    app = make_app(doc, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "Break-even 9.6 months" in panel_text(app)
        await go_to(pilot, "fine_tuning.upfront_usd")
        await type_answer(pilot, "fine_tuning.upfront_usd", "")
        text = panel_text(app)
        assert "Break-even unknown" in text
        assert "$0 once" not in text and "Break-even 0" not in text
        assert "fine-tuning unknown" in text


async def test_an_unknown_upfront_is_not_simulated_as_a_sure_payback() -> None:
    """A ranged volume with the upfront unknown: no '100%' payback from an upfront read as
    $0; the panel says the probability is unknown, as `assess` says why in JSON."""
    doc = blank_document(TODAY)
    doc.update(
        workload={"requests_per_month": 50_000},
        prompting={"inference_monthly_usd": 1500},
        fine_tuning={"serving_monthly_usd": 250},
        ranges={"workload.requests_per_month": {"low": 30_000, "high": 80_000}},
    )
    app = make_app(doc, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = panel_text(app)
        assert "Pays back in 24 mo: unknown" in text
        assert "100%" not in text


async def test_errors_name_the_question_not_the_profile_field() -> None:
    doc = blank_document(TODAY)
    doc.update(
        workload={"requests_per_month": 50_000},
        prompting={"inference_monthly_usd": 1500},
        fine_tuning={"serving_monthly_usd": 250, "upfront_usd": 100},
    )
    app = make_app(doc, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await go_to(pilot, "workload.requests_per_day")
        await type_answer(pilot, "workload.requests_per_day", "2000")
        errors = app.wizard.errors
        assert set(errors) == {"workload.requests_per_month", "workload.requests_per_day"}
        for message in errors.values():
            assert message == "give exactly one of the requests a month or the requests a day"


async def test_the_crash_profile_simulates_in_the_wizard() -> None:
    """Issue 13's crash: a ranged volume, 2% growth and Azure's hourly hosting fee gave NaN
    in the panel ('cannot convert float NaN to integer'); it now simulates."""
    doc = blank_document(TODAY)
    doc.update(
        workload={
            "requests_per_day": 4000,
            "instruction_tokens": 300,
            "example_tokens": 400,
            "user_tokens": 800,
            "output_tokens": 300,
            "monthly_growth": "0.02",
        },
        prompting={"model": "openai:gpt-4.1"},
        fine_tuning={
            "base_model": "azure:gpt-4.1",
            "training": {"kind": "hosted", "tokens_per_example": 1500},
            "serving": {"kind": "base_plus_hourly"},
        },
        data={"labelled_examples": 2000},
        ranges={"workload.requests_per_day": {"low": 3000, "high": 6000}},
    )
    app = make_app(doc, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.screen.query_one(CostPanel)
        assert panel.simulation_error == ""
        assert panel.uncertainty is not None
        assert "Pays back in 24 mo: 0%" in panel_text(app)


async def test_a_model_with_no_token_counts_is_not_costed_at_zero() -> None:
    """Priced by tokens with none typed, prompting is not '$0/mo': the panel asks for them."""
    doc = blank_document(TODAY)
    doc.update(
        workload={"requests_per_month": 9000},
        prompting={"model": "openai:gpt-4o"},
        fine_tuning={"base_model": "openai:gpt-4o-mini", "serving": {"kind": "per_token"}},
    )
    app = make_app(doc, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = panel_text(app)
        assert "To cost this, answer: the tokens per request (Volume and tokens)" in text
        assert "$0/mo" not in text
        await go_to(pilot, "workload.user_tokens")
        await type_answer(pilot, "workload.user_tokens", "1000")
        assert "Prompting $22.50/mo" in panel_text(app)  # 9,000 × 1,000 × $2.50/1M
