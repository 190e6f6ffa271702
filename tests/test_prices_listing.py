"""`tunewise prices`: confidence and dates beside every price, search by method, 80 columns,
JSON, unknown ids refused with the nearest ones, and every genai-prices id usable (issue #15)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine.catalog import Catalog, builtin_data, genai
from profiles.examples.regenerate import HERE as EXAMPLES
from tui.cli import main

ON = date(2026, 12, 3)
LABELS = {"list price", "secondary", "illustrative"}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("needle", ["", "gpu", "lora", "openai", "fireworks", "aws", "azure"])
def test_listing_fits_80_columns(needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["prices", needle] if needle else ["prices"], capsys)
    assert code == 0
    assert [line for line in out.splitlines() if len(line) > 80] == []


def test_json_gives_confidence_and_date_for_every_entry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["prices", "--format", "json"], capsys)
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    entries = data["entries"]
    assert len(entries) > 100
    assert {e["confidence"] for e in entries} <= LABELS
    catalog_entries = [e for e in entries if "genai-prices" not in e["source"]]
    assert catalog_entries and all(e["effective"] for e in catalog_entries)
    assert all("effective" in e for e in entries)
    kinds = {e["kind"] for e in entries}
    assert {"training", "gpu-hour", "fine-tuning", "retired"} <= kinds


def test_illustrative_and_list_prices_are_told_apart(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["prices", "azure:gpt-4.1", "--format", "json"], capsys)
    training = [e for e in json.loads(out)["entries"] if e["kind"] == "training"]
    assert [e["confidence"] for e in training] == ["illustrative"]
    _, text, _ = run(["prices", "azure:gpt-4.1"], capsys)
    assert "[illustrative, 2026-02-11]" in text


def test_lora_lists_the_lora_training_offers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["prices", "lora", "--format", "json"], capsys)
    assert code == 0
    training = {e["id"] for e in json.loads(out)["entries"] if e["kind"] == "training"}
    assert {
        "together:lora-up-to-16b",
        "together:lora-17b-to-69b",
        "fireworks:sft-up-to-16b",
        "fireworks:sft-16b-to-80b",
    } <= training


@pytest.mark.parametrize(
    ("method", "offer"), [("full", "together:full-ft"), ("rft", "azure:o4-mini")]
)
def test_methods_are_searchable(
    method: str, offer: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["prices", method, "--format", "json"], capsys)
    entries = json.loads(out)["entries"]
    assert offer in {e["id"] for e in entries}
    assert all(e["method"] == method for e in entries if e["kind"] == "training")


def test_an_id_that_matches_nothing_is_trouble_with_the_nearest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["prices", "azure:gpt-4.1-mini"], capsys)
    assert code == 2 and out == ""
    assert "no model, offer or GPU matches 'azure:gpt-4.1-mini'" in err
    assert "nearest: azure:gpt-4.1" in err


def test_open_weight_models_point_at_their_fine_tuning_offers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(["prices", "meta:llama-3.1-8b"], capsys)
    assert "no fine-tuning offer" not in out
    assert "tunewise prices lora" in out


# ---- every genai-prices id usable -----------------------------------------------------------


def test_every_genai_prices_id_resolves_to_itself() -> None:
    wrong = []
    for model_id in genai.model_ids():
        provider, _, name = model_id.partition(":")
        found = genai._find(provider, name)
        if found is None or (found[0].id, found[1].id) != (provider, name):
            wrong.append(model_id)
    assert wrong == []


def test_every_genai_prices_id_with_token_prices_is_priced_by_tunewise() -> None:
    catalog = Catalog(builtin_data())
    when = datetime(ON.year, ON.month, ON.day, tzinfo=UTC)
    unpriced = []
    for model_id in genai.model_ids():
        provider, _, name = model_id.partition(":")
        found = genai._find(provider, name)
        assert found is not None
        prices = found[1].get_prices(when)
        if getattr(prices, "input_mtok", None) is None or prices.output_mtok is None:
            continue  # embeddings, free tiers, per-image or per-request models
        if model_id in catalog.models or catalog.canonical(model_id) != model_id:
            continue  # the catalog's own entry (its genai_prices_ref) answers for it
        try:
            catalog.base_prices(model_id, ON, "prompting.model")
        except Exception:
            unpriced.append(model_id)
    assert unpriced == []


def test_fireworks_llama_prices_a_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (EXAMPLES / "classification-gpt-4o-mini.toml").read_text(encoding="utf-8")
    text = text[: text.index("[prices]")].replace(
        '[prompting]\nmodel = "openai:gpt-4o-mini"',
        '[prompting]\nmodel = "fireworks:llama-v3p1-8b-instruct"',
    )
    path = tmp_path / "fireworks.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["assess", str(path), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    prompting = [p for p in data["prices"] if p["role"].startswith("prompting.")]
    assert {p["source"].split(" pricing")[0] for p in prompting} == {"Fireworks"}
    # 300,000 requests × (800 input + 50 output) tokens × $0.20 per 1M
    assert Decimal(str(data["costs"]["prompting_monthly"])) == Decimal("51")


def test_tiered_prices_show_every_tier(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["prices", "google:gemini-2.5-pro", "--format", "json"], capsys)
    entries = json.loads(out)["entries"]
    (inference,) = [
        e for e in entries if e["kind"] == "inference" and e["id"] == "google:gemini-2.5-pro"
    ]
    assert "$1.25 in / $10 out per 1M; from 200,000 prompt tokens $2.50 in" in inference["text"]
