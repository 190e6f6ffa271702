"""The panel marks the fine-tuning upfront cost partial while a part of it is not given (it
counts $0 then), and drops the mark once each part is answered, 0 included."""

from __future__ import annotations

from typing import Any

from tests.tui.wizard_helpers import SIZE, new_app, ready, step_of, to_step, type_answer
from tui.wizard.cost_panel import CostPanel

PARTS = (
    "fine_tuning.labelled_examples",
    "fine_tuning.data_collection_usd",
    "fine_tuning.engineering_hours",
    "fine_tuning.integration_usd",
    "fine_tuning.change_management_usd",
)


def own_case() -> dict[str, Any]:
    return {
        "profile": {"name": "ICD-10 codes", "assessed_on": "2026-12-03"},
        "workload": {"requests_per_month": 40000, "user_tokens": 2500, "output_tokens": 120},
        "prompting": {"model": "anthropic:claude-sonnet-4-5"},
        "fine_tuning": {
            "base_model": "meta:llama-3.1-8b",
            "method": "lora",
            "serving_monthly_usd": 900,
            "training": {"kind": "gpu", "gpu": "a10g-24gb", "gpu_count": 1, "hours": 12},
        },
    }


def panel_text(app: Any) -> str:
    return " ".join(app.wizard.query_one(CostPanel).render().plain.split())


async def test_partial_until_every_part_is_answered() -> None:
    app = new_app(own_case())
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "$12.07 once (partial) + $900/mo" in panel_text(app)
        await to_step(pilot, step_of(PARTS[0]))
        for path in PARTS:
            await type_answer(pilot, path, "0")
        await pilot.pause()
        text = panel_text(app)
        assert "$12.07 once + $900/mo" in text and "partial" not in text


async def test_engineering_hours_typed_before_their_rate_on_a_ranged_profile() -> None:
    # The keystroke that typed the hours ended the wizard with a ValueError: the panel's
    # simulation ran over the unknown upfront cost because break-even was a known "never".
    doc = own_case()
    doc["fine_tuning"]["serving_monthly_usd"] = 90000
    doc["ranges"] = {"workload.requests_per_month": {"low": 20000, "high": 90000}}
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, step_of("fine_tuning.engineering_hours"))
        await type_answer(pilot, "fine_tuning.engineering_hours", "80")
        await pilot.pause()
        assert app.is_running
        text = panel_text(app)
        assert "never" in text and "Pays back in 24 mo: unknown" in text


async def test_an_unknown_upfront_cost_is_unknown_not_partial() -> None:
    doc = own_case()
    del doc["fine_tuning"]["training"]  # no training: the upfront cost is unknown
    app = new_app(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = panel_text(app)
        assert "unknown once + $900/mo" in text and "partial" not in text
