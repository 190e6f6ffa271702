"""Examples on retired models have a current counterpart, or say why not (issue #15)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from engine.catalog import Catalog, builtin_data
from engine.evaluate import evaluate
from profiles.files import load_profile

EXAMPLES = Path(__file__).resolve().parents[1] / "profiles" / "examples"
ALL = sorted(EXAMPLES.glob("*.toml"))
CURRENT = [p for p in ALL if p.stem.endswith("-2026")]


def retired_models(path: Path) -> list[str]:
    profile = load_profile(path)
    inputs = profile.cost_inputs()
    catalog = Catalog(builtin_data())
    models = {inputs.prompting.model, inputs.fine_tuning.base_model} - {None}
    return sorted(m for m in models if m and catalog.retired(m, inputs.assessed_on))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_an_example_on_a_retired_model_names_its_counterpart_or_says_why_none(
    path: Path,
) -> None:
    if not retired_models(path):
        return
    notes = load_profile(path).profile.notes
    named = re.findall(r"[a-z0-9-]+-2026\b", notes)
    assert named or "no 2026 counterpart ships" in notes, notes
    assert all((EXAMPLES / f"{name}.toml").is_file() for name in named), named


def test_the_counterparts_exist() -> None:
    assert {p.stem for p in CURRENT} >= {
        "support-chatbot-50k-2026",
        "support-chatbot-500k-2026",
        "medical-diagnosis-2026",
    }


@pytest.mark.parametrize("path", CURRENT, ids=lambda p: p.stem)
def test_a_counterpart_runs_on_models_served_and_tunable_at_its_date(path: Path) -> None:
    assert retired_models(path) == []
    inputs = load_profile(path).cost_inputs()
    catalog = Catalog(builtin_data())
    provider = (inputs.fine_tuning.base_model or "").partition(":")[0]
    offer = catalog.availability(provider, inputs.assessed_on)
    assert offer is not None and offer.fine_tuning == "open"


@pytest.mark.parametrize(
    ("name", "prompting", "finetune", "months"),
    [
        # 50K × (800 tok × $1.50 + 100 × $9)/1M; 50K × (500 × $0.30 + 100 × $2.50)/1M
        ("support-chatbot-50k-2026", "105", "20", "141.18"),
        ("support-chatbot-500k-2026", "1050", "200", "14.12"),
    ],
)
def test_the_support_chatbot_in_2026_terms(
    name: str, prompting: str, finetune: str, months: str
) -> None:
    path = EXAMPLES / f"{name}.toml"
    inputs = load_profile(path).cost_inputs()
    result = evaluate(inputs, Catalog(builtin_data()).resolve(inputs))
    assert result.prompting.monthly_usd == Decimal(prompting)
    assert result.finetune.monthly_usd == Decimal(finetune)
    assert result.finetune.upfront_usd == Decimal(12_000)
    assert result.break_even_months is not None
    assert round(result.break_even_months, 2) == Decimal(months)
