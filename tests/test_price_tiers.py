"""Price tiers from genai-prices' `price_variants` (issue #15): a batch-priced prompting path."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine.catalog import Catalog, builtin_data, genai
from engine.errors import InputError
from profiles.examples.regenerate import HERE as EXAMPLES
from tui.cli import main

ON = date(2026, 12, 1)


def catalog() -> Catalog:
    return Catalog(builtin_data())


def profile(tmp_path: Path, tier: str | None, on: date = ON) -> Path:
    text = (EXAMPLES / "classification-gpt-4o-mini.toml").read_text(encoding="utf-8")
    text = text[: text.index("[prices]")].replace("assessed_on = 2026-11-22", f"assessed_on = {on}")
    if tier:
        text = text.replace(
            '[prompting]\nmodel = "openai:gpt-4o-mini"',
            f'[prompting]\nmodel = "openai:gpt-4o-mini"\ntier = "{tier}"',
        )
    path = tmp_path / f"{tier or 'standard'}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assess(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["assess", str(path), "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_batch_gpt_4o_mini_is_half_the_standard_price() -> None:
    standard = catalog().base_prices("openai:gpt-4o-mini", ON, "prompting.model")
    batch = catalog().base_prices("openai:gpt-4o-mini", ON, "prompting.model", tier="batch")
    assert batch.input.usd * 2 == standard.input.usd == Decimal("0.15")
    assert batch.output.usd * 2 == standard.output.usd
    assert "batch tier" in batch.input.source and "genai-prices" in batch.input.source


def test_a_batch_profile_costs_half_the_standard_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    standard = assess(profile(tmp_path, None), capsys)
    batch = assess(profile(tmp_path, "batch"), capsys)
    half = Decimal(str(standard["costs"]["prompting_monthly"])) / 2
    assert Decimal(str(batch["costs"]["prompting_monthly"])) == half
    sources = {p["source"] for p in batch["prices"] if p["role"].startswith("prompting.")}
    assert all("batch tier" in s for s in sources)


def test_a_tier_the_data_lacks_on_the_date_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        catalog().base_prices(
            "openai:gpt-4o-mini", date(2026, 10, 1), "prompting.model", tier="batch"
        )
    assert caught.value.field == "prompting.tier"
    assert "tiers it prices: standard" in caught.value.message


def test_tiers_listed_by_genai_prices() -> None:
    assert genai.tiers("openai", "gpt-4o-mini", ON)[:2] == ["standard", "batch"]
    assert genai.tiers("openai", "no-such-model", ON) == []


def finetuned_inputs(base: str, tier: str, serving: Any = None) -> Any:
    from engine.inputs import CostInputs, FineTuningPath, PromptingPath, TokenServing, Workload

    return CostInputs(
        assessed_on=ON,
        workload=Workload(requests_per_month=Decimal(1000), user_tokens=500, output_tokens=100),
        prompting=PromptingPath(model="openai:gpt-4o-mini"),
        fine_tuning=FineTuningPath(
            base_model=base, training_usd=Decimal(100), serving=serving or TokenServing(), tier=tier
        ),
    )


@pytest.mark.parametrize("base", ["openai:gpt-4o-mini", "google:gemini-3.5-flash-lite"])
def test_batch_serving_of_a_fine_tuned_model_is_genai_prices_batch_variant(base: str) -> None:
    standard = catalog().resolve(finetuned_inputs(base, "standard")).fine_tuned
    batch = catalog().resolve(finetuned_inputs(base, "batch")).fine_tuned
    assert standard is not None and batch is not None
    assert batch.input.usd * 2 == standard.input.usd
    assert batch.output.usd * 2 == standard.output.usd
    assert "batch tier" in batch.input.source and "genai-prices" in batch.input.source
    assert batch.model == f"{base} (fine-tuned, batch)"


def test_a_tier_genai_prices_lacks_for_a_fine_tune_is_refused() -> None:
    with pytest.raises(InputError) as err:
        catalog().resolve(finetuned_inputs("openai:gpt-4o-mini", "priority"))
    assert err.value.field == "fine_tuning.tier"


def test_a_tier_on_gpu_serving_is_refused() -> None:
    from engine.inputs import GpuServing

    serving = GpuServing(gpu="l4-24gb", usd_per_gpu_hour=Decimal(1))
    with pytest.raises(InputError) as err:
        catalog().resolve(finetuned_inputs("meta:llama-3.1-8b", "batch", serving))
    assert err.value.field == "fine_tuning.tier"
