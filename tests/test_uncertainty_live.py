"""The cost panel's simulation (`tui.state.how_sure.simulate(..., live=True)`): the same
samples and figures as `tunewise assess`, without the tornado and thresholds it does not show."""

from __future__ import annotations

import importlib
from pathlib import Path

from profiles.catalogs import CatalogSource
from profiles.files import evaluate_profile, load_profile
from profiles.ranges import profile_uncertainty
from tui.launch import example_document
from tui.state.evaluation import assess
from tui.state.form import answers_only, values_from_data
from tui.state.how_sure import simulate
from tui.state.steps import STEPS

ROOT = Path(__file__).resolve().parents[1]
RANGES = ROOT / "profiles" / "examples" / "support-chatbot-ranges.toml"


def test_without_sensitivity_the_same_figures_and_no_tornado() -> None:
    simulate_module = importlib.import_module("engine.uncertainty.simulate")
    profile = load_profile(RANGES)
    book, result = evaluate_profile(profile)
    setup = simulate_module.prepare(profile.cost_inputs(), book, result, profile.ranges)
    full = simulate_module.uncertainty(setup, result, samples=3_000)
    live = simulate_module.uncertainty(setup, result, samples=3_000, sensitivity=False)
    assert full.tornado and full.thresholds
    assert live.tornado == () and live.thresholds == ()
    assert live.model_dump(exclude={"tornado", "thresholds", "summary"}) == full.model_dump(
        exclude={"tornado", "thresholds", "summary"}
    )
    assert full.summary.startswith(live.summary)  # how sure, without what decides it


def test_the_panel_simulates_as_assess_does() -> None:
    specs = {f.path: f for step in STEPS for f in step.fields}
    document = answers_only(example_document("support-chatbot-ranges"))
    values = values_from_data(document, specs)
    kinds = {path: spec.kind for path, spec in specs.items()}
    evaluation = assess(values, document, kinds, CatalogSource().get())
    assert evaluation.setup is not None  # checked once, kept for the panel's run
    live = simulate(evaluation, live=True)
    full = profile_uncertainty(evaluation.profile, evaluation.book, evaluation.result)
    assert live.samples == full.samples and live.seed == full.seed
    assert live.p_payback_within_horizon == full.p_payback_within_horizon
    assert live.break_even_months == full.break_even_months
    assert live.p_payback_before_retirement == full.p_payback_before_retirement
    assert live.tornado == ()
