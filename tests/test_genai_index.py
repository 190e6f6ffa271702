"""genai-prices' answers kept between runs (issue 19): the same quotes as genai-prices itself
for every model the examples use, a damaged or stale index ignored and rebuilt, a cache folder
that cannot be written no trouble, and a priced run that needs neither the package nor the
network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from engine.catalog import genai, genai_index, load_catalog
from profiles.examples.regenerate import HERE as EXAMPLES
from profiles.files import load_profile

ON = date(2026, 11, 22)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    genai.reload()
    yield tmp_path / "tunewise" / "genai-prices-index.json"
    genai.reload()


def straight(
    provider: str, ref: str, on: date, prompt_tokens: int, tier: str
) -> genai.BasePrices | None:
    """genai-prices' quote read straight from its own objects (no index): the reference."""
    found = genai._find(provider, ref)
    if found is None or (tier != "standard" and tier not in genai.tiers(provider, ref, on)):
        return None
    prov, model = found
    when = datetime(on.year, on.month, on.day, tzinfo=UTC)
    prices = model.get_prices(when, genai.TIER_CONTEXT.get(tier))
    rates = {
        name: genai._rate(getattr(prices, attr, None), prompt_tokens)
        for name, attr in (
            ("input", "input_mtok"),
            ("cached_input", "cache_read_mtok"),
            ("output", "output_mtok"),
            ("cache_write", "cache_write_mtok"),
            ("cache_write_1h", "cache_write_1h_mtok"),
        )
    }
    if rates["input"] is None or rates["output"] is None:
        return None
    url = (prov.pricing_urls or [""])[0]
    name, as_of = genai.release()
    source = f"{prov.name} pricing{'' if tier == 'standard' else f', {tier} tier,'} via {name}"
    return genai.BasePrices(
        model_ref=model.id,
        provider_name=prov.name,
        source=source + (f" ({url})" if url else ""),
        as_of=as_of,
        effective=genai._effective(model, on),
        **rates,  # type: ignore[arg-type]
    )


def example_questions() -> list[tuple[str, str, date, str]]:
    """Every (provider, model, day, tier) pricing the shipped examples asks genai-prices."""
    asked: list[tuple[str, str, date, str]] = []
    original = genai_index.key

    def key(provider: str, model_ref: str, on: date, tier: str) -> str:
        asked.append((provider, model_ref, on, tier))
        return original(provider, model_ref, on, tier)

    genai_index.key = key
    try:
        for path in sorted(EXAMPLES.glob("*.toml")):
            inputs = load_profile(path).cost_inputs()
            load_catalog(user_config=False).resolve(inputs)
    finally:
        genai_index.key = original
    return sorted(set(asked))


def test_the_index_quotes_as_genai_prices_does_for_every_model_the_examples_use(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = example_questions()
    assert len({q[1] for q in questions}) >= 5  # the examples price several models
    assert cache.is_file()
    genai.reload()  # a later run: every answer from the file, genai-prices never asked

    def unasked(*_: Any) -> None:
        raise AssertionError("genai-prices asked although the index holds the answer")

    monkeypatch.setattr(genai, "_priced", unasked)
    answered: list[Any] = []
    for provider, ref, on, tier in questions:
        for prompt_tokens in (0, 250_000):  # below and above Gemini's 200K step
            answered.append(genai.lookup(provider, ref, on, prompt_tokens, tier))
        answered.append(genai.tier_steps(provider, ref, on))
    monkeypatch.undo()
    expected: list[Any] = []
    for provider, ref, on, tier in questions:
        for prompt_tokens in (0, 250_000):
            expected.append(straight(provider, ref, on, prompt_tokens, tier))
        expected.append(genai.tier_steps(provider, ref, on))
    assert answered == expected
    assert any(quote is not None for quote in answered)


def test_tiers_and_unknown_models_are_answered_as_genai_prices_does(cache: Path) -> None:
    cases = [
        ("openai", "gpt-4o-mini", "batch"),
        ("openai", "gpt-4o-mini", "priority"),
        ("google", "gemini-2.5-pro", "standard"),
        ("openai", "no-such-model", "standard"),
    ]
    first = [genai.lookup(p, m, ON, 250_000, t) for p, m, t in cases]
    genai.reload()
    again = [genai.lookup(p, m, ON, 250_000, t) for p, m, t in cases]
    assert first == again == [straight(p, m, ON, 250_000, t) for p, m, t in cases]
    batch, priority = again[0], again[1]
    assert again[-1] is None and batch is not None and priority is not None
    assert batch.input < priority.input
    assert genai.tier_steps("google", "gemini-2.5-pro", ON)  # a step above 200K tokens


def test_a_damaged_index_is_ignored_and_rewritten(cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text("{not json", encoding="utf-8")
    found = genai.lookup("openai", "gpt-4o-mini", ON)
    assert found == straight("openai", "gpt-4o-mini", ON, 0, "standard")
    assert (
        "gpt-4o-mini"
        in json.loads(cache.read_text(encoding="utf-8"))["answers"][
            genai_index.key("openai", "gpt-4o-mini", ON, "standard")
        ]["model_ref"]
    )


def test_a_damaged_entry_is_asked_again(cache: Path) -> None:
    genai.lookup("openai", "gpt-4o-mini", ON)
    data = json.loads(cache.read_text(encoding="utf-8"))
    question = genai_index.key("openai", "gpt-4o-mini", ON, "standard")
    data["answers"][question] = {"rates": {"input": "not a number"}}
    cache.write_text(json.dumps(data), encoding="utf-8")
    genai.reload()
    assert genai.lookup("openai", "gpt-4o-mini", ON) == straight(
        "openai", "gpt-4o-mini", ON, 0, "standard"
    )


def test_an_index_of_another_genai_prices_is_not_trusted(cache: Path) -> None:
    genai.lookup("openai", "gpt-4o-mini", ON)
    data = json.loads(cache.read_text(encoding="utf-8"))
    question = genai_index.key("openai", "gpt-4o-mini", ON, "standard")
    data["answers"][question]["rates"]["input"] = "999"  # what an older release said
    data["fingerprint"][1] = "0.0.1"
    cache.write_text(json.dumps(data), encoding="utf-8")
    genai.reload()
    found = genai.lookup("openai", "gpt-4o-mini", ON)
    assert found is not None and found.input == Decimal("0.15")
    rebuilt = json.loads(cache.read_text(encoding="utf-8"))
    assert rebuilt["fingerprint"][1] == genai.installed_version()
    assert rebuilt["answers"][question]["rates"]["input"] == "0.15"


def test_the_fingerprint_follows_the_data_file(cache: Path, tmp_path: Path) -> None:
    updated = tmp_path / "saved.json"
    before = genai_index.fingerprint("0.2.3", updated)
    updated.write_text("{}", encoding="utf-8")
    assert genai_index.fingerprint("0.2.3", updated) != before
    assert before[2] is not None  # genai-prices' bundled data file was found and stat'ed


def test_a_cache_folder_that_cannot_be_written_still_prices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # its "folder" is a file
    genai.reload()
    try:
        found = genai.lookup("openai", "gpt-4o-mini", ON)
        assert found == straight("openai", "gpt-4o-mini", ON, 0, "standard")
        assert not list(tmp_path.glob("**/genai-prices-index*"))
    finally:
        genai.reload()


def test_the_day_of_a_saved_update_is_kept_with_the_answers(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    saved = genai.updated_path()
    saved.parent.mkdir(parents=True)
    update = Path(__file__).parent / "data" / "genai-prices-update.json"
    raw = json.loads(update.read_text(encoding="utf-8"))
    saved.write_text(
        json.dumps({"fetched_on": "2026-12-01", "url": "u", "providers": raw}), encoding="utf-8"
    )
    genai.reload()
    first = genai.lookup("openai", "gpt-4o-mini", ON)
    assert first is not None and "genai-prices data fetched 2026-12-01" in first.source
    genai.reload()

    def unread() -> None:
        raise AssertionError("the saved update was read although the index holds the answer")

    monkeypatch.setattr(genai, "_saved", unread)
    monkeypatch.setattr(genai, "_snapshot", unread)
    assert genai.lookup("openai", "gpt-4o-mini", ON) == first
    assert genai.release() == ("genai-prices data fetched 2026-12-01", "2026-12-01")
    monkeypatch.undo()  # before the fixture's reload clears the real caches


OFFLINE = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("no network in this test")

socket.socket.connect = refuse
socket.create_connection = refuse
from tui.cli import main
code = main(["assess", sys.argv[1], "--format", "json"])
print(code, "genai_prices" in sys.modules, file=sys.stderr)
"""


def test_a_priced_run_needs_no_network_and_a_later_one_not_the_package(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    example = str(EXAMPLES / "classification-gpt-4o-mini.toml")

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", OFFLINE, example],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **env},
        )
        return done.stderr.strip().splitlines()[-1]

    assert run() == "0 True"  # the first run asks genai-prices, offline
    assert run() == "0 False"  # the next one finds every answer in the index
