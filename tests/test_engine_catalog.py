"""Catalog resolution: training prices and minimums, GPU prices, memory and capacity checks,
fine-tuning availability and retirement judged at the assessment's date, lazy price data."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine.catalog import Catalog, builtin_data, load_catalog
from engine.catalog.schema import PriceFile
from engine.evaluate import evaluate
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    PromptingPath,
    TokenPrices,
    TokenServing,
    Workload,
)
from engine.pricebook import PriceBook
from engine.result import CostResult, CostWarning

ROOT = Path(__file__).resolve().parents[1]
ON = date(2026, 11, 22)
PRICES = TokenPrices(input_usd_per_mtok=Decimal("0.5"), output_usd_per_mtok=Decimal("1.5"))


@pytest.fixture(autouse=True)
def _no_user_prices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(user_config=False)


def inputs(
    fine_tuning: FineTuningPath,
    *,
    on: date = ON,
    requests: int = 300_000,
    horizon: int = 24,
    prompting: PromptingPath | None = None,
) -> CostInputs:
    return CostInputs(
        assessed_on=on,
        workload=Workload(
            requests_per_month=requests,
            instruction_tokens=200,
            example_tokens=600,
            output_tokens=50,
            horizon_months=horizon,
        ),
        prompting=prompting or PromptingPath(prices=PRICES),
        fine_tuning=fine_tuning,
    )


def run(catalog: Catalog, given: CostInputs) -> tuple[PriceBook, CostResult]:
    book = catalog.resolve(given)
    return book, evaluate(given, book)


def codes(result: CostResult) -> dict[str, CostWarning]:
    return {w.code: w for w in result.warnings}


def upfront(result: CostResult, key: str) -> Any:
    return next(i for i in result.finetune.upfront_items if i.key == key)


# -- hosted training -------------------------------------------------------------------------


def hosted(examples: int, tokens: int, **training: Any) -> FineTuningPath:
    return FineTuningPath(
        base_model="openai:gpt-4o-mini",
        training=HostedTraining(examples=examples, tokens_per_example=tokens, **training),
        serving=TokenServing(),
    )


def test_hosted_training_uses_the_catalog_price_per_training_token(catalog: Catalog) -> None:
    book, result = run(catalog, inputs(hosted(1_000, 500)))
    assert book.training is not None
    assert book.training.per_mtok.usd == Decimal(3)
    assert book.training.per_mtok.as_of == "2025-11"
    assert book.training.min_examples == 10
    item = upfront(result, "training")
    # 1,000 examples × 500 tokens × 3 epochs = 1.5M tokens × $3/1M
    assert item.usd == Decimal("4.5")
    assert "1.5M tok" in item.formula
    assert item.price_source == "OpenAI API pricing, fine-tuning table, as of 2025-11"
    assert result.finetune.upfront_usd == Decimal("4.5")


def test_too_few_examples_warns_with_the_providers_minimum(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(hosted(5, 500)))
    assert "at least 10 examples" in codes(result)["too_few_examples"].message


def team(entries: dict[str, Any]) -> Catalog:
    return Catalog(builtin_data(), PriceFile.model_validate(entries))


MIN_CHARGE_TEAM = {
    "training": [
        {
            "model": "mistral:open-mistral-7b",
            "provider": "mistral",
            "usd_per_mtok": 1,
            "min_charge_usd": 4,
            "source": "mistral-ft-docs",
            "as_of": "undated",
        }
    ]
}


def minimum_charge_case(examples: int) -> CostInputs:
    return inputs(
        FineTuningPath(
            base_model="mistral:open-mistral-7b",
            training=HostedTraining(examples=examples, tokens_per_example=1_000, epochs=1),
            serving_cost_per_request_usd=Decimal("0.0001"),
        )
    )


def test_a_job_below_the_minimum_charge_is_raised_to_it() -> None:
    catalog = team(MIN_CHARGE_TEAM)
    book, result = run(catalog, minimum_charge_case(1_000))  # 1M tokens: $1
    assert book.training is not None and book.training.min_charge is not None
    assert book.training.min_charge.usd == Decimal(4)
    item = upfront(result, "training")
    assert item.usd == Decimal(4)
    assert "$1, raised to the minimum charge $4" in item.formula
    assert "Mistral fine-tuning docs" in (item.price_source or "")


def test_a_job_above_the_minimum_charge_pays_its_price() -> None:
    _, result = run(team(MIN_CHARGE_TEAM), minimum_charge_case(10_000))  # 10M tokens: $10
    item = upfront(result, "training")
    assert item.usd == Decimal(10)
    assert "minimum" not in item.formula


def test_a_minimum_charge_given_in_the_inputs_overrides_the_catalogs(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(hosted(10, 100, min_charge_usd=Decimal(25))))
    item = upfront(result, "training")
    assert item.usd == Decimal(25)
    assert "minimum charge $25" in item.formula


def test_retraining_defaults_to_the_training_cost(catalog: Catalog) -> None:
    path = hosted(1_000, 500).model_copy(update={"retrains_per_year": Decimal(4)})
    _, result = run(catalog, inputs(path))
    retrain = next(i for i in result.finetune.monthly_items if i.key == "retraining")
    assert retrain.usd == Decimal("4.5") * 4 / 12


# -- GPUs --------------------------------------------------------------------------------------


def self_hosted(
    base: str = "meta:llama-3.1-8b", gpu: str = "a100-80gb", **serving: Any
) -> FineTuningPath:
    return FineTuningPath(
        base_model=base,
        method="lora",
        training=GpuTraining(gpu=gpu, hours=Decimal(10)),
        serving=GpuServing(gpu=gpu, **serving),
    )


def test_gpu_price_is_the_median_offer_with_the_range(catalog: Catalog) -> None:
    book, result = run(catalog, inputs(self_hosted()))
    offers = sorted(o.usd_per_hour for o in catalog.gpu_offers["a100-80gb"])
    assert len(offers) >= 3
    gpu = book.training_gpu
    assert gpu is not None
    assert gpu.hour.usd == offers[(len(offers) - 1) // 2]
    assert gpu.hour.usd in (statistics.median_low(offers), statistics.median_high(offers))
    assert gpu.range_note == (f"median of {len(offers)} offers, ${offers[0]}–${offers[-1]}/GPU-h")
    assert gpu.memory_gb == Decimal(80)
    assert gpu.hour.source and gpu.hour.as_of
    assert upfront(result, "training").usd == 10 * gpu.hour.usd


def test_gpu_price_from_one_provider(catalog: Catalog) -> None:
    path = self_hosted(gpu="a10g-24gb")
    path = path.model_copy(
        update={"serving": GpuServing(gpu="a10g-24gb", gpu_provider="aws")}, deep=True
    )
    book, _ = run(catalog, inputs(path))
    assert book.serving_gpu is not None
    assert book.serving_gpu.hour.usd == Decimal("1.006")
    assert "aws" in book.serving_gpu.hour.unit


def test_an_explicit_gpu_price_wins_and_is_cited_as_given(catalog: Catalog) -> None:
    path = self_hosted(usd_per_gpu_hour=Decimal(2), replicas=2, hours_per_month=Decimal(100))
    book, result = run(catalog, inputs(path))
    gpu = book.serving_gpu
    assert gpu is not None
    assert gpu.hour.usd == Decimal(2)
    assert gpu.hour.confidence == "given"
    assert gpu.range_note == ""
    assert gpu.memory_gb == Decimal(80)
    serving = next(i for i in result.finetune.monthly_items if i.key == "gpu_serving")
    assert serving.usd == Decimal(400)  # 2 replicas × 100 h × $2


def test_always_on_serving_is_24_hours_a_day(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(self_hosted(usd_per_gpu_hour=Decimal(1))))
    serving = next(i for i in result.finetune.monthly_items if i.key == "gpu_serving")
    assert serving.usd == Decimal(720)


@pytest.mark.parametrize(
    "serving",
    [
        GpuServing(gpu="a100-80gb", usd_per_gpu_hour=Decimal(1), hours_per_month=Decimal(0)),
        HourlyServing(prices=PRICES, usd_per_hour=Decimal(1), hours_per_month=Decimal(0)),
    ],
)
def test_zero_hours_deployed_costs_nothing_rather_than_always_on(
    catalog: Catalog, serving: GpuServing | HourlyServing
) -> None:
    """`hours_per_month = 0` is an answer (scaled to zero), not "use the default"."""
    path = FineTuningPath(base_model="meta:llama-3.1-8b", method="lora", serving=serving)
    _, result = run(catalog, inputs(path))
    keys = {i.key for i in result.finetune.monthly_items}
    assert not keys & {"gpu_serving", "hosting_hours"}


def test_70b_on_one_a10g_is_too_small(catalog: Catalog) -> None:
    path = self_hosted(base="meta:llama-3.1-70b", gpu="a10g-24gb")
    _, result = run(catalog, inputs(path))
    too_small = [w for w in result.warnings if w.code == "gpu_too_small"]
    fields = {w.field for w in too_small}
    assert fields == {"fine_tuning.training.gpu", "fine_tuning.serving.gpu"}
    serving = next(w for w in too_small if w.field == "fine_tuning.serving.gpu")
    # 70.6B × 2 bytes = 141 GB of weights at 16 bits (plus the KV cache) against 24 GB
    assert "70.6B" in serving.message
    assert "24 GB" in serving.message
    needed = Decimal(serving.message.split("needs about ")[1].split(" GB")[0].replace(",", ""))
    assert needed >= 141


def test_8b_at_4_bit_fits_one_a10g(catalog: Catalog) -> None:
    path = FineTuningPath(
        base_model="meta:llama-3.1-8b",
        method="qlora",
        training=GpuTraining(gpu="a10g-24gb", hours=Decimal(5)),
        serving=GpuServing(gpu="a10g-24gb", precision="4bit"),
    )
    _, result = run(catalog, inputs(path))
    assert "gpu_too_small" not in codes(result)


def test_enough_gpus_per_replica_fit_a_70b_model(catalog: Catalog) -> None:
    path = FineTuningPath(
        base_model="meta:llama-3.1-70b",
        method="qlora",
        training=GpuTraining(gpu="a100-80gb", hours=Decimal(5)),
        serving=GpuServing(gpu="a100-80gb", gpus_per_replica=4),
    )
    _, result = run(catalog, inputs(path))
    assert "gpu_too_small" not in codes(result)


def test_capacity_below_the_average_rate_warns(catalog: Catalog) -> None:
    path = self_hosted(requests_per_second_per_replica=Decimal(1), replicas=2)
    # 10M requests a month ÷ (30 × 86,400 s) ≈ 3.86 req/s > 2 × 1 req/s
    _, result = run(catalog, inputs(path, requests=10_000_000))
    warning = codes(result)["capacity_short"]
    assert warning.field == "fine_tuning.serving.replicas"
    assert "2 req/s" in warning.message
    assert "3.86 req/s" in warning.message
    _, enough = run(catalog, inputs(path, requests=1_000_000))
    assert "capacity_short" not in codes(enough)


def test_closed_weights_cannot_be_fine_tuned_on_your_own_gpus(catalog: Catalog) -> None:
    path = self_hosted(base="openai:gpt-4o-mini", usd_per_gpu_hour=Decimal(1))
    _, result = run(catalog, inputs(path))
    assert codes(result)["closed_weights"].severity == "error"


# -- availability and retirement, judged at the assessment's date ------------------------------


def given_costs(base: str) -> FineTuningPath:
    return FineTuningPath(
        base_model=base,
        method="hosted",
        training_usd=Decimal(100),
        serving=TokenServing(prices=PRICES),
    )


def test_anthropic_as_a_fine_tuning_base_points_to_bedrock(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(given_costs("anthropic:claude-3-haiku")))
    warning = codes(result)["provider_closed"]
    assert warning.field == "fine_tuning.base_model"
    assert "Anthropic" in warning.message
    assert "Bedrock" in warning.message
    assert "Claude 3 Haiku on Amazon Bedrock" in warning.message


def test_bedrock_claude_3_haiku_is_open(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(given_costs("aws:anthropic.claude-3-haiku")))
    assert "provider_closed" not in codes(result)


def test_openai_fine_tuning_is_closed_to_new_users_in_late_2026(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(given_costs("openai:gpt-4o-mini"), on=date(2026, 11, 22)))
    warning = codes(result)["provider_closed"]
    assert "closed to new users" in warning.message
    assert "2026-05-07" in warning.message
    assert "2027-01-06" in warning.message
    assert warning.severity == "warning"


def test_openai_fine_tuning_was_open_at_the_start_of_2026(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(given_costs("openai:gpt-4o-mini"), on=date(2026, 1, 1)))
    assert "provider_closed" not in codes(result)


def test_a_discontinued_offer_is_not_called_discontinued_before_its_date(
    catalog: Catalog,
) -> None:
    """Cohere removed fine-tuning on 2025-09-15: an assessment dated before says it will go,
    not that it has gone."""
    before = run(catalog, inputs(given_costs("cohere:command-r"), on=date(2025, 6, 1)))[1]
    after = run(catalog, inputs(given_costs("cohere:command-r"), on=date(2025, 10, 1)))[1]
    gone = codes(after)["provider_closed"]
    assert gone.severity == "error"
    assert "was discontinued" in gone.message
    assert "2025-09-15" in gone.message
    warning = codes(before).get("provider_closed")
    assert warning is not None
    assert "was discontinued" not in warning.message
    assert "2025-09-15" in warning.message
    assert warning.severity == "warning"


def test_a_model_retiring_within_the_horizon_warns_with_its_date(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(given_costs("openai:gpt-4o-mini")))
    warning = codes(result)["model_retires"]
    assert "2027-01-14" in warning.message
    assert warning.field == "fine_tuning.base_model"


def test_a_model_retiring_after_the_horizon_does_not_warn(catalog: Catalog) -> None:
    _, result = run(catalog, inputs(given_costs("openai:gpt-4o-mini"), horizon=1))
    assert "model_retires" not in codes(result)


@pytest.mark.parametrize(
    ("on", "warns"),
    [
        (date(2025, 1, 14), True),  # the horizon ends on the retirement day
        (date(2025, 1, 20), True),
        (date(2025, 1, 10), False),  # the horizon ends four days before it
        (date(2024, 12, 20), False),
    ],
)
def test_retirement_is_judged_to_the_day(catalog: Catalog, on: date, warns: bool) -> None:
    _, result = run(catalog, inputs(given_costs("openai:gpt-4o-mini"), on=on))
    assert ("model_retires" in codes(result)) == warns


def test_a_retired_prompting_model_is_an_error(catalog: Catalog) -> None:
    pe = PromptingPath(model="openai:gpt-4.1-nano", prices=PRICES)
    _, result = run(catalog, inputs(given_costs("meta:llama-3.1-8b"), prompting=pe))
    warning = codes(result)["model_retired"]
    assert warning.field == "prompting.model"
    assert warning.severity == "error"
    assert "2026-10-23" in warning.message


# -- lazy price data ---------------------------------------------------------------------------

EXPLICIT = """\
[profile]
name = "everything priced in the profile"
assessed_on = 2026-11-22

[workload]
requests_per_day = 10000
instruction_tokens = 200
example_tokens = 600
output_tokens = 50

[prompting]
model = "openai:gpt-4o-mini"

[prompting.prices]
input_usd_per_mtok = 0.15
output_usd_per_mtok = 0.6

[fine_tuning]
base_model = "meta:llama-3.1-8b"
method = "lora"

[fine_tuning.training]
kind = "gpu"
gpu = "a100-80gb"
hours = 8
usd_per_gpu_hour = 1.5

[fine_tuning.serving]
kind = "self_hosted"
gpu = "a10g-24gb"
usd_per_gpu_hour = 1.0
"""

PROBE = """\
import contextlib, io, json, sys
from tui.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["assess", sys.argv[1], "--format", "json"])
costs = json.loads(out.getvalue())["costs"]
print(json.dumps({
    "code": code,
    "prompting_monthly": costs["prompting_monthly"],
    "loaded": sorted(m for m in ("genai_prices", "textual", "rich") if m in sys.modules),
}))
"""


def test_assess_with_explicit_prices_loads_no_price_data_and_no_ui(tmp_path: Path) -> None:
    profile = tmp_path / "explicit.toml"
    profile.write_text(EXPLICIT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(profile)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"},
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report == {"code": 0, "prompting_monthly": 45.0, "loaded": []}


def test_a_gpu_named_as_people_say_it_points_to_its_catalog_id() -> None:
    from engine.catalog import load_catalog
    from engine.errors import InputError

    with pytest.raises(InputError) as caught:
        load_catalog().gpu_quote("l4", None, None, "fine_tuning.serving", date(2026, 12, 3))
    assert caught.value.message == "unknown GPU 'l4'; did you mean l4-24gb?"


def test_a_known_open_weights_model_without_token_prices_says_so() -> None:
    """Not 'unknown model X; did you mean X?': the model is known, it has no API price."""
    from engine.catalog import load_catalog
    from engine.errors import InputError

    with pytest.raises(InputError) as caught:
        load_catalog().base_prices("meta:llama-3.1-8b", date(2026, 12, 3), "fine_tuning.base_model")
    assert "did you mean" not in caught.value.message
    assert "open-weights model, served on GPU replicas" in caught.value.message


# -- GPU fit with the table's overheads (issue #15) ----------------------------------------------


def gpu_training(base: str, method: str, gpu: str, count: int = 1) -> FineTuningPath:
    return FineTuningPath(
        base_model=base,
        method=method,
        training=GpuTraining(gpu=gpu, gpu_count=count, hours=Decimal(5)),
        serving=TokenServing(prices=PRICES),
    )


@pytest.mark.parametrize(
    ("base", "method", "gpu", "count", "warns"),
    [
        ("meta:llama-3.1-70b", "qlora", "a100-40gb", 1, True),  # table: 70B QLoRA 48 GB
        ("meta:llama-3.1-70b", "lora", "a100-80gb", 2, True),  # table: 70B LoRA 160 GB
        ("meta:llama-3.1-8b", "qlora", "a10g-24gb", 1, False),  # about 7 GB
        ("meta:llama-3.1-70b", "qlora", "a100-80gb", 1, False),
    ],
)
def test_gpu_fit_counts_the_tables_overheads(
    catalog: Catalog, base: str, method: str, gpu: str, count: int, warns: bool
) -> None:
    book, result = run(catalog, inputs(gpu_training(base, method, gpu, count)))
    assert ("gpu_too_small" in codes(result)) is warns
    rule = book.memory_gb_per_billion[method]
    assert rule.source.startswith("LLaMA-Factory")


def test_70b_qlora_needs_about_48_gb(catalog: Catalog) -> None:
    per_billion, note = catalog.gb_per_billion("qlora", Decimal("70.6"))
    assert Decimal(48) <= per_billion * Decimal("70.6") < Decimal(49)
    assert "70B 48 GB" in note and "about 48 GB" in note
    assert catalog.gb_per_billion("serve_4bit", Decimal("70.6")) == (Decimal("0.5"), "")


def test_the_qlora_paper_fits_65b_on_48_gb(catalog: Catalog) -> None:
    per_billion, _ = catalog.gb_per_billion("qlora", Decimal(65))
    assert per_billion * 65 <= 48
