"""The catalog audited as of its review date (issue #15): retirements, alternatives, dates.

Offline and in CI: cross-checks `engine/data/catalog.toml` against genai-prices' own
deprecation flags and fails on a model past its retirement without `retires_on`, an entry
with no source or date, or an `alternatives` entry retired at the review date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from engine.catalog import Catalog, builtin_data, genai
from engine.catalog.schema import CatalogData, ProviderFacts, Sourced
from profiles.examples.regenerate import HERE as EXAMPLES
from profiles.files import load_profile
from tui.cli import main

SOURCED = ("provider", "model", "training", "ft_inference", "hosting", "gpu_offer", "memory_rule")


def data() -> CatalogData:
    return builtin_data()


def sourced_entries() -> list[tuple[str, Sourced]]:
    return [(table, e) for table in SOURCED for e in getattr(data(), table)]


def test_every_entry_has_a_source_and_a_date() -> None:
    sources = {s.id for s in data().source}
    missing = [
        f"{table}: {getattr(e, 'id', None) or getattr(e, 'model', None) or getattr(e, 'gpu', '')}"
        for table, e in sourced_entries()
        if e.source not in sources or not e.as_of or e.as_of == "undated"
    ]
    assert missing == []


def test_genai_prices_deprecated_models_have_a_retirement() -> None:
    """genai-prices marks a model deprecated: the catalog must say when it retired."""
    snapshot = genai._snapshot()
    unmarked = []
    for model in data().model:
        provider, _, name = model.id.partition(":")
        try:
            _, info = snapshot.find_provider_model(
                model.genai_prices_ref or name, None, provider, None
            )
        except LookupError:
            continue
        if info.deprecated and model.retires_on is None:
            unmarked.append(model.id)
    assert unmarked == []


def retired_alternatives(providers: list[ProviderFacts], catalog: Catalog, on: date) -> list[str]:
    return [
        f"{p.id} -> {a}"
        for p in providers
        for a in (catalog.availability(p.id, on) or p).alternatives
        if catalog.retired(a, on)
    ]


@pytest.mark.parametrize("on", [date(2026, 11, 22), date(2026, 12, 3), date(2027, 6, 1)])
def test_no_alternative_is_retired_at_the_date(on: date) -> None:
    catalog = Catalog(data())
    assert retired_alternatives(data().provider, catalog, on) == []


def test_no_alternative_in_the_file_is_retired_at_the_review_date() -> None:
    catalog = Catalog(data())
    on = data().reviewed_on
    stale = [
        f"{p.id} -> {a}" for p in data().provider for a in p.alternatives if catalog.retired(a, on)
    ]
    assert stale == [], "drop retired alternatives from catalog.toml"


def test_retired_alternatives_are_dropped_at_the_assessment_date() -> None:
    catalog = Catalog(data())
    before = catalog.availability("openai", date(2026, 11, 1))
    after = catalog.availability("openai", date(2026, 12, 1))
    assert before is not None and after is not None
    assert "azure:gpt-4.1" in after.alternatives
    assert all(not catalog.retired(a, date(2026, 12, 1)) for a in after.alternatives)
    assert len(after.alternatives) <= len(before.alternatives)


def example_models() -> set[str]:
    ids: set[str] = set()
    for path in EXAMPLES.glob("*.toml"):
        inputs = load_profile(path).cost_inputs()
        ids |= {m for m in (inputs.prompting.model, inputs.fine_tuning.base_model) if m}
    return ids


def test_every_example_and_alternative_model_is_in_the_catalog() -> None:
    catalog = Catalog(data())
    used = example_models() | {a for p in data().provider for a in p.alternatives}
    assert sorted(m for m in used if catalog.canonical(m) not in catalog.models) == []


@pytest.mark.parametrize(
    ("model", "retires_on"),
    [
        ("openai:gpt-4", date(2026, 10, 23)),
        ("openai:gpt-3.5-turbo", date(2026, 10, 23)),
        ("openai:davinci-002", date(2026, 9, 28)),
        ("openai:babbage-002", date(2026, 9, 28)),
        ("azure:o4-mini", date(2026, 11, 19)),
        ("azure:gpt-4.1", date(2027, 4, 14)),
        ("google:gemini-2.5-flash", date(2026, 10, 16)),
    ],
)
def test_reviewed_retirements(model: str, retires_on: date) -> None:
    facts = Catalog(data()).models[model]
    assert facts.retires_on == retires_on
    assert facts.source and facts.as_of != "undated"


# ---- retirements reach the reports -------------------------------------------------------


def gpt4_profile(tmp_path: Path, on: str) -> Path:
    """The support chatbot's answers (prompting on openai:gpt-4), without stored prices."""
    text = (EXAMPLES / "support-chatbot-10k.toml").read_text(encoding="utf-8")
    text = text[: text.index("[prices]")].replace("assessed_on = 2026-11-22", f"assessed_on = {on}")
    path = tmp_path / "gpt4.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_assess_warns_that_the_prompting_model_retired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(gpt4_profile(tmp_path, "2026-12-01"))]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "GPT-4 was retired on 2026-10-23 (OpenAI API deprecations page" in out


def test_assess_before_the_retirement_does_not_say_retired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(gpt4_profile(tmp_path, "2026-06-01"))]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "GPT-4 was retired" not in out
    assert "GPT-4 retires on 2026-10-23" in out


@pytest.mark.parametrize("name", ["10k", "50k", "100k", "500k", "ranges"])
def test_support_chatbot_reports_say_gpt_4_retired(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(EXAMPLES / f"support-chatbot-{name}.toml")]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "GPT-4 was retired on 2026-10-23" in out
    assert "azure:o4-mini" not in out


# ---- who fine-tunes, as of December 2026 ---------------------------------------------------


def test_openai_wind_down_has_its_middle_stage() -> None:
    openai = Catalog(data()).providers["openai"]
    assert "2026-07-02" in openai.note and "60 days" in openai.note
    assert "o4-mini retired" in openai.note


def test_anyscale_endpoints_ended() -> None:
    anyscale = Catalog(data()).providers["anyscale"]
    assert anyscale.fine_tuning == "discontinued"
    assert anyscale.since == date(2024, 8, 1)


def test_bedrock_trains_only_its_current_list() -> None:
    catalog = Catalog(data())
    for gone in ("aws:cohere.command-text", "aws:meta.llama2-13b", "aws:meta.llama2-70b"):
        assert gone not in catalog.training and gone not in catalog.ft_inference
    for current in ("aws:amazon.nova-2-lite", "aws:meta.llama3-1-8b-instruct"):
        assert catalog.ft_inference[current].serving == "provisioned"
    assert catalog.models["aws:meta.llama3-2-11b-instruct"].retires_on == date(2026, 7, 7)


def test_fireworks_lora_is_served_on_dedicated_deployments_only() -> None:
    catalog = Catalog(data())
    assert "fireworks:lora-serverless" not in catalog.ft_inference
    assert catalog.ft_inference["fireworks:lora-dedicated"].serving == "provisioned"


def test_google_tunes_on_the_agent_platform() -> None:
    catalog = Catalog(data())
    assert "Agent Platform" in catalog.providers["google"].name
    for model in ("google:gemini-3.5-flash", "google:gemini-3.5-flash-lite"):
        assert catalog.ft_inference[model].serving == "base_rate"
    assert catalog.models["google:gemini-2.0-flash"].retires_on is not None


def test_replacements_are_catalog_models_still_served_at_the_review() -> None:
    catalog = Catalog(data())
    on = data().reviewed_on
    named = {m.id: m.replaced_by for m in data().model if m.replaced_by}
    assert named, "at least the reviewed retirements name their replacement"
    for model, replacement in named.items():
        assert replacement in catalog.models, model
        assert not catalog.retired(replacement, on), model


def test_the_retirement_warning_names_the_replacement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(gpt4_profile(tmp_path, "2026-12-01"))]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "GPT-3.5 Turbo was retired on 2026-10-23" in out
    assert "the provider names GPT-4.1 mini as its replacement" in out


@pytest.mark.parametrize(("on", "offered"), [("2026-12-01", False), ("2026-06-01", True)])
def test_a_refused_base_model_names_no_model_retired_at_the_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], on: str, offered: bool
) -> None:
    """Seen trying a new case: the models offered instead of an unpriceable fine-tune named
    openai:o4-mini, retired on 2026-10-23, for an assessment dated after it."""
    path = tmp_path / "refused.toml"
    path.write_text(
        f'[profile]\nformat = 2\nname = "Triage"\nassessed_on = {on}\n'
        "[workload]\nrequests_per_month = 40000\ninstruction_tokens = 600\noutput_tokens = 150\n"
        '[prompting]\nmodel = "openai:gpt-4.1"\n'
        '[fine_tuning]\nbase_model = "fireworks:llama-v3p1-8b-instruct"\nupfront_usd = 5000\n'
        '[fine_tuning.serving]\nkind = "per_token"\n',
        encoding="utf-8",
    )
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert "models that can be priced so:" in err
    assert ("openai:o4-mini" in err) is offered
