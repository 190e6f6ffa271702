"""tunewise's own price catalog (`engine/data/catalog.toml`): shape, references and key facts."""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from genai_prices import data_snapshot
from genai_prices.types import TieredPrices

from engine.catalog.schema import (
    CatalogData,
    FineTunedInferencePrice,
    ModelFacts,
    ProviderFacts,
    TrainingPrice,
)

CATALOG_PATH = Path(__file__).resolve().parents[1] / "engine" / "data" / "catalog.toml"
BRACKET_MARK = "Bracket:"
SOURCED_TABLES = (
    "provider",
    "model",
    "training",
    "ft_inference",
    "hosting",
    "gpu_offer",
    "memory_rule",
)
FT_PRICE_FIELDS = {
    "input_usd_per_mtok": "input_mtok",
    "cached_input_usd_per_mtok": "cache_read_mtok",
    "output_usd_per_mtok": "output_mtok",
}


@cache
def raw() -> dict[str, Any]:
    with CATALOG_PATH.open("rb") as f:
        return tomllib.load(f, parse_float=Decimal)


@cache
def catalog() -> CatalogData:
    return CatalogData.model_validate(raw())


def models() -> dict[str, ModelFacts]:
    return {m.id: m for m in catalog().model}


def genai_model_prices(ref: str, provider: str) -> Any | None:
    """genai-prices' prices for `ref` at `provider` on the review date, or None if it has none."""
    snapshot = data_snapshot.get_snapshot()
    try:
        _, info = snapshot.find_provider_model(ref, None, provider, None)
    except LookupError:
        return None
    on = catalog().reviewed_on
    return info.get_prices(datetime(on.year, on.month, on.day, tzinfo=UTC))


def genai_value(prices: Any, field: str) -> Decimal | None:
    value = getattr(prices, field, None)
    if isinstance(value, TieredPrices):
        value = value.base
    return value


def ft_refs(entry: FineTunedInferencePrice) -> list[str]:
    """The names genai-prices might use for a fine-tune of the entry's model."""
    model = models().get(entry.model)
    names = [entry.model.split(":", 1)[1]]
    if model is not None:
        if model.genai_prices_ref:
            names.append(model.genai_prices_ref)
        names += [alias.split(":", 1)[1] for alias in model.aliases]
    return [f"ft:{name}" for name in names]


def is_bracket(model_id: str, provider: str, note: str) -> bool:
    return model_id.startswith(f"{provider}:") and note.startswith(BRACKET_MARK)


# ---- shape ----------------------------------------------------------------------------------


def test_parses_with_tomllib_and_validates() -> None:
    with CATALOG_PATH.open("rb") as f:
        as_floats = tomllib.load(f)
    assert CatalogData.model_validate(as_floats) == catalog()
    assert catalog().reviewed_on == date(2026, 12, 3)


def test_every_table_has_entries() -> None:
    for table in ("source", *SOURCED_TABLES, "gpu"):
        assert getattr(catalog(), table), f"[[{table}]] is empty"


def test_no_as_of_is_later_than_the_review() -> None:
    reviewed = catalog().reviewed_on.isoformat()
    for table in SOURCED_TABLES:
        for entry in getattr(catalog(), table):
            if entry.as_of != "undated":
                assert entry.as_of <= reviewed[: len(entry.as_of)], (table, entry)


# ---- references -----------------------------------------------------------------------------


def test_every_source_reference_resolves() -> None:
    source_ids = {s.id for s in catalog().source}
    for table in SOURCED_TABLES:
        for entry in getattr(catalog(), table):
            assert entry.source in source_ids, f"[[{table}]] cites unknown source {entry.source!r}"


def test_every_source_is_used() -> None:
    used = {entry.source for table in SOURCED_TABLES for entry in getattr(catalog(), table)}
    unused = {s.id for s in catalog().source} - used
    assert not unused, f"sources never cited: {sorted(unused)}"


def test_ids_are_unique_per_table() -> None:
    c = catalog()
    keys: dict[str, list[object]] = {
        "source": [e.id for e in c.source],
        "provider": [e.id for e in c.provider],
        "model": [e.id for e in c.model],
        "hosting": [e.id for e in c.hosting],
        "gpu": [e.id for e in c.gpu],
        # the catalog looks training and fine-tuned prices up by model id alone
        "training": [e.model for e in c.training],
        "ft_inference": [e.model for e in c.ft_inference],
        "gpu_offer": [(e.provider, e.offer) for e in c.gpu_offer],
        "memory_rule": [e.method for e in c.memory_rule],
    }
    for table, values in keys.items():
        duplicates = [k for k, n in Counter(values).items() if n > 1]
        assert not duplicates, f"[[{table}]] repeats {duplicates}"


def test_model_ids_and_aliases_are_unique_and_prefixed() -> None:
    names: list[str] = []
    for model in catalog().model:
        provider = model.id.split(":", 1)[0]
        for name in (model.id, *model.aliases):
            assert name.startswith(f"{provider}:") and name != f"{provider}:", name
        names += [model.id, *model.aliases]
    assert len(names) == len(set(names))


def test_gpu_offers_name_a_gpu() -> None:
    gpu_ids = {g.id for g in catalog().gpu}
    for offer in catalog().gpu_offer:
        assert offer.gpu in gpu_ids, offer


def test_gpu_memory_matches_its_id() -> None:
    for gpu in catalog().gpu:
        assert gpu.id.endswith(f"-{gpu.memory_gb}gb"), gpu


def test_training_and_ft_models_are_models_or_documented_brackets() -> None:
    model_ids = set(models())
    entries = [(e.model, e.provider, e.note) for e in catalog().training]
    entries += [(e.model, e.provider, e.note) for e in catalog().ft_inference]
    for model, provider, note in entries:
        if model in model_ids:
            assert not note.startswith(BRACKET_MARK), model
        else:
            assert is_bracket(model, provider, note), (
                f"{model!r} is neither a [[model]] id nor a documented '{provider}:' bracket"
            )


def test_provider_alternatives_are_models() -> None:
    for provider in catalog().provider:
        for alternative in provider.alternatives:
            assert alternative in models(), (provider.id, alternative)


def test_training_entries_carry_a_price_or_a_minimum() -> None:
    for entry in catalog().training:
        terms = (entry.usd_per_mtok, entry.usd_per_hour, entry.min_charge_usd, entry.min_examples)
        assert any(t is not None for t in terms), entry
    for entry in catalog().training:
        if entry.model in models():
            assert entry.usd_per_mtok is not None or entry.usd_per_hour is not None, entry


def test_ft_inference_prices_match_the_serving_kind() -> None:
    for entry in catalog().ft_inference:
        given = [getattr(entry, f) for f in FT_PRICE_FIELDS if getattr(entry, f) is not None]
        if entry.serving == "per_token":
            assert given, f"{entry.model}: per-token serving without any price"
        else:
            assert not given, f"{entry.model}: {entry.serving} serving must not restate prices"


# ---- genai-prices ---------------------------------------------------------------------------


def test_ft_inference_does_not_repeat_genai_prices() -> None:
    for entry in catalog().ft_inference:
        for ref in ft_refs(entry):
            prices = genai_model_prices(ref, entry.provider)
            if prices is None:
                continue
            for ours, theirs in FT_PRICE_FIELDS.items():
                mine = getattr(entry, ours)
                known = genai_value(prices, theirs)
                if mine is not None and known is not None:
                    assert mine != known, f"{entry.model} {ours} repeats genai-prices {ref}"


def test_ft_gpt_4o_family_keeps_only_cached_input() -> None:
    for model_id, ref in (
        ("openai:gpt-4o", "ft:gpt-4o-2024-08-06"),
        ("openai:gpt-4o-mini", "ft:gpt-4o-mini-2024-07-18"),
    ):
        assert genai_model_prices(ref, "openai") is not None, ref
        (entry,) = [e for e in catalog().ft_inference if e.model == model_id]
        assert entry.input_usd_per_mtok is None
        assert entry.output_usd_per_mtok is None
        assert entry.cached_input_usd_per_mtok is not None


def test_genai_prices_refs_resolve() -> None:
    for model in catalog().model:
        if model.genai_prices_ref:
            provider = model.id.split(":", 1)[0]
            assert genai_model_prices(model.genai_prices_ref, provider) is not None, model.id


def test_worked_example_models_are_present() -> None:
    hosted = [
        "openai:gpt-4",
        "openai:gpt-3.5-turbo",
        "openai:gpt-4o",
        "openai:gpt-4o-mini",
        "anthropic:claude-3-5-sonnet",
        "anthropic:claude-3-haiku",
        "aws:anthropic.claude-3-haiku",
        "google:gemini-2.5-flash",
        "google:gemini-2.5-pro",
        "google:gemini-2.5-flash-lite",
        "google:gemini-2.0-flash",
    ]
    for model_id in hosted:
        model = models()[model_id]
        provider, name = model_id.split(":", 1)
        ref = model.genai_prices_ref or name
        assert genai_model_prices(ref, provider) is not None, model_id
    assert models()["aws:anthropic.claude-3-haiku"].genai_prices_ref is not None


def test_open_weight_models_have_sizes_and_no_genai_ref() -> None:
    expected = {
        "meta:llama-3.1-8b": Decimal("8.03"),
        "meta:llama-3.1-70b": Decimal("70.6"),
        "meta:llama-3.1-405b": Decimal("405"),
        "meta:llama-2-13b": Decimal("13"),
    }
    for model_id, params in expected.items():
        assert models()[model_id].params_b == params
    for model in catalog().model:
        if model.id.startswith("meta:"):
            assert model.open_weights and model.params_b is not None, model.id
            assert model.genai_prices_ref is None, model.id


# ---- key facts ------------------------------------------------------------------------------


def training(model: str, provider: str) -> TrainingPrice:
    (entry,) = [t for t in catalog().training if t.model == model and t.provider == provider]
    return entry


def provider(provider_id: str) -> ProviderFacts:
    (entry,) = [p for p in catalog().provider if p.id == provider_id]
    return entry


def test_gpt_4o_mini_training_costs_3_usd_per_million() -> None:
    entry = training("openai:gpt-4o-mini", "openai")
    assert entry.usd_per_mtok == Decimal("3.00")
    assert entry.min_examples == 10


def test_azure_hosting_is_1_70_per_hour() -> None:
    (entry,) = [h for h in catalog().hosting if h.id == "azure-ft-deployment"]
    assert entry.provider == "azure"
    assert entry.usd_per_hour == Decimal("1.70")


def test_openai_is_closed_to_new_users() -> None:
    openai = provider("openai")
    assert openai.fine_tuning == "closed_to_new_users"
    assert openai.since == date(2026, 5, 7)
    assert openai.jobs_until == date(2027, 1, 6)


def test_anthropic_is_partner_only_via_bedrock() -> None:
    anthropic = provider("anthropic")
    assert anthropic.fine_tuning == "partner_only"
    assert anthropic.alternatives == ["aws:anthropic.claude-3-haiku"]


def test_discontinued_providers_have_dates() -> None:
    assert provider("cohere").fine_tuning == "discontinued"
    assert provider("cohere").since == date(2025, 9, 15)
    assert provider("databricks").fine_tuning == "discontinued"
    assert provider("databricks").since == date(2026, 8, 14)


def test_retirement_dates() -> None:
    assert models()["openai:gpt-4o-mini"].retires_on == date(2027, 1, 14)
    assert models()["openai:gpt-4.1-nano"].retires_on == date(2026, 10, 23)
    assert models()["openai:o4-mini"].retires_on == date(2026, 10, 23)


def test_a10g_has_24_gb() -> None:
    (gpu,) = [g for g in catalog().gpu if g.id == "a10g-24gb"]
    assert gpu.memory_gb == 24


def test_memory_rules() -> None:
    rules = {r.method: r.gb_per_billion_params for r in catalog().memory_rule}
    assert rules == {
        "full": Decimal("18"),
        "lora": Decimal("2"),
        "qlora": Decimal("0.5"),
        "serve_16bit": Decimal("2"),
        "serve_8bit": Decimal("1"),
        "serve_4bit": Decimal("0.5"),
    }


def test_estimates_are_flagged() -> None:
    assert training("aws:anthropic.claude-3-haiku", "aws").confidence == "uncertain"
    assert training("azure:gpt-4.1", "azure").confidence == "uncertain"
    assert training("together:full-ft", "together").confidence == "uncertain"
    assert training("google:gemini-2.5-flash", "google").confidence == "secondary"


def test_shipped_catalog_is_built_as_validation_would_build_it() -> None:
    """`builtin_data` skips validation at run time; it must give exactly what validation gives,
    with the same type in every field (a `2` where a `Decimal` is due would slip through)."""
    from engine.catalog import builtin_data

    built, validated = builtin_data(), catalog()
    assert built == validated
    for table in CatalogData.model_fields:
        got, want = getattr(built, table), getattr(validated, table)
        if not isinstance(want, list):
            assert type(got) is type(want), table
            continue
        assert len(got) == len(want), table
        for a, b in zip(got, want, strict=True):
            assert type(a) is type(b)
            for name in type(b).model_fields:
                assert type(getattr(a, name)) is type(getattr(b, name)), (table, name)
                assert getattr(a, name) == getattr(b, name), (table, name)
