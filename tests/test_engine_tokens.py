"""Token counts (`engine.tokens`): exact counts equal the encodings' published reference
counts; the estimate says it is one and which ratio; samples give the mean per request."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from engine import tokens
from engine.catalog import load_catalog
from engine.errors import InputError
from engine.tokens import (
    EXTRA_HINT,
    count_samples,
    count_tokens,
    encoding_for,
    split_samples,
)
from engine.tomlfile import FileError

MIXED = "I'm can't HELLO'S camelCaseWord  123456 \n\n  x"
CJK_EMOJI = "你好，世界 🌍🚀"

# Reference counts. cl100k_base: openai/tiktoken's own tests (tests/test_encoding.py:
# test_simple, test_simple_regex, test_encode_surrogate_pairs). o200k_base: "hello world" is
# [24912, 2375] (tiktoken's README example, widely reproduced); MIXED and CJK_EMOJI: ids
# produced by tiktoken 0.14 in a published known-answer test of another BPE implementation.
REFERENCE = [
    ("o200k_base", "hello world", 2),
    ("o200k_base", MIXED, 15),
    ("o200k_base", CJK_EMOJI, 7),
    ("cl100k_base", "hello world", 2),
    ("cl100k_base", "today\n \n", 2),
    ("cl100k_base", "'rer", 2),
    ("cl100k_base", "👍", 3),
    ("cl100k_base", MIXED, 17),
    ("cl100k_base", CJK_EMOJI, 12),
]
MODEL_OF = {"o200k_base": "openai:gpt-4o", "cl100k_base": "openai:gpt-4"}

exact_only = pytest.mark.skipif(not tokens.has_exact(), reason="tunewise[tokens] not installed")


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if `tunewise[tokens]` were not installed."""
    monkeypatch.setattr(tokens, "has_exact", lambda: False)


@pytest.mark.parametrize(
    ("model", "encoding"),
    [
        ("openai:gpt-4o", "o200k_base"),
        ("openai:gpt-4o-mini", "o200k_base"),
        ("openai:gpt-4o-2024-08-06", "o200k_base"),
        ("openai:gpt-4.1", "o200k_base"),
        ("azure:gpt-4.1", "o200k_base"),
        ("openai:gpt-4.1-nano", "o200k_base"),
        ("openai:o4-mini", "o200k_base"),
        ("azure:o4-mini", "o200k_base"),
        ("openai:o1", "o200k_base"),
        ("openai:o3-mini", "o200k_base"),
        ("openai:gpt-5", "o200k_base"),
        ("openai:gpt-5.1", "o200k_base"),
        ("openai:gpt-4", "cl100k_base"),
        ("openai:gpt-4-turbo", "cl100k_base"),
        ("openai:gpt-3.5-turbo", "cl100k_base"),
        ("azure:gpt-35-turbo", "cl100k_base"),
        ("openai:davinci-002", "cl100k_base"),
        ("anthropic:claude-3-haiku", None),
        ("aws:anthropic.claude-3-haiku", None),
        ("meta:llama-3.1-8b", None),
        ("google:gemini-2.5-flash", None),
        ("openai:gpt-4oops", None),
        ("openai:o10", None),
    ],
)
def test_each_openai_model_has_its_encoding_and_no_other_model_has_one(
    model: str, encoding: str | None
) -> None:
    assert encoding_for(model) == encoding


@exact_only
@pytest.mark.parametrize(("encoding", "text", "expected"), REFERENCE)
def test_exact_counts_equal_the_encodings_reference_counts(
    encoding: str, text: str, expected: int
) -> None:
    counted = count_tokens(text, model=MODEL_OF[encoding])
    assert counted.tokens == expected
    assert counted.exact
    assert counted.method == f"{encoding}, exact"
    assert counted.hint == ""


@exact_only
def test_special_token_text_counts_as_ordinary_text() -> None:
    # Not refused, and not the one special token: a request's text is text.
    assert count_tokens("<|endoftext|>", model="openai:gpt-4o").tokens == 7


@exact_only
def test_a_long_text_counted_in_windows_equals_the_count_of_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(13)
    words = ["alpha", "Beta", "  gamma", "\n", "\n\n", "x.", "123456", "你好", "🌍", " \n ", "I'm"]
    text = "".join(rng.choice(words) + rng.choice([" ", "", "  "]) for _ in range(4000))
    whole = {e: count_tokens(text, model=MODEL_OF[e]).tokens for e in MODEL_OF}
    monkeypatch.setattr(tokens, "WINDOW", 300)
    assert len(tokens._windows(text)) > 40
    assert "".join(tokens._windows(text)) == text
    assert {e: count_tokens(text, model=MODEL_OF[e]).tokens for e in MODEL_OF} == whole


def test_other_models_get_an_estimate_that_says_its_ratio() -> None:
    counted = count_tokens("x" * 401, model="anthropic:claude-3-5-sonnet")
    assert counted.tokens == 101  # 401 characters ÷ 4, rounded up
    assert not counted.exact
    assert counted.method == "estimate: 4 characters a token"
    assert counted.hint == ""  # nothing to install would make it exact
    assert count_tokens("", model="meta:llama-3.1-8b").tokens == 0
    assert count_tokens("hi", model="meta:llama-3.1-8b").tokens == 1


def test_without_the_extra_an_openai_model_is_estimated_and_says_how_to_count_exactly(
    no_extra: None,
) -> None:
    counted = count_tokens("hello world", model="openai:gpt-4o")
    assert (counted.tokens, counted.exact) == (3, False)
    assert counted.method == "estimate: 4 characters a token"
    assert counted.hint == EXTRA_HINT == "for exact counts: pip install 'tunewise[tokens]'"


def test_without_the_extra_nothing_imports_it(no_extra: None) -> None:
    before = "bpe_openai" in sys.modules
    count_samples(["hello", "world"], model="openai:gpt-4o")
    assert ("bpe_openai" in sys.modules) == before


def test_samples_give_count_mean_min_and_max_per_request() -> None:
    counted = count_samples(["x" * 8, "x" * 12, "x" * 3], model="meta:llama-3.1-8b")
    assert counted.counts == (2, 3, 1)
    assert (counted.entries, counted.total, counted.smallest, counted.largest) == (3, 6, 1, 3)
    assert counted.mean == 2.0
    assert counted.per_request == 2
    halves = count_samples(["x" * 4, "x" * 8], model="meta:llama-3.1-8b")
    assert (halves.mean, halves.per_request) == (1.5, 2)  # halves round up


@exact_only
def test_sample_counts_are_exact_per_entry_for_an_openai_model() -> None:
    counted = count_samples(["hello world", MIXED, CJK_EMOJI], model="azure:gpt-4.1")
    assert counted.counts == (2, 15, 7)
    assert counted.exact and counted.method == "o200k_base, exact"
    assert counted.per_request == 8


def test_entries_separated_by_blank_lines(tmp_path: Path) -> None:
    text = "first request\nstill the first\n\n\n  \nsecond\n\nthird\n"
    assert split_samples(text, path=tmp_path / "samples.txt") == [
        "first request\nstill the first",
        "second",
        "third",
    ]


def test_json_lines_entries_are_strings_or_a_text_prompt_or_input_field(tmp_path: Path) -> None:
    text = "\n".join(
        [
            '"a plain request"',
            '{"text": "from text", "prompt": "not this"}',
            '{"id": 3, "prompt": "from prompt"}',
            "",
            '{"input": "from input", "text": 4}',
        ]
    )
    assert split_samples(text, path=tmp_path / "log.jsonl") == [
        "a plain request",
        "from text",
        "from prompt",
        "from input",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"ok"\n{"messages": []}\n', "log.jsonl:2: a JSON string or an object with a text, prompt"),
        ('"ok"\n"ok"\n{not json\n', "log.jsonl:3: not JSON: Expecting property name"),
        ("42\n", "log.jsonl:1: a JSON string or an object"),
        ("\n\n", "log.jsonl: no requests in it"),
    ],
)
def test_json_lines_refuses_what_it_cannot_count_naming_the_line(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(FileError) as caught:
        split_samples(text, path=Path("log.jsonl"))
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_file_is_read_as_utf8_or_refused_in_one_line(tmp_path: Path) -> None:
    good = tmp_path / "prompt.txt"
    good.write_bytes("\ufeffbonjour\n".encode())
    assert tokens.read_text(good) == "bonjour\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff\n")
    with pytest.raises(FileError, match=r"bad.txt:2: not UTF-8 text$"):
        tokens.read_text(bad)
    with pytest.raises(FileError, match="no such file"):
        tokens.read_text(tmp_path / "missing.txt")
    with pytest.raises(FileError, match="is a directory"):
        tokens.read_text(tmp_path)


def test_check_model_knows_the_catalog_and_refuses_an_unknown_id() -> None:
    catalog = load_catalog(user_config=False)
    assert tokens.check_model("openai:gpt-4o", catalog) == "openai:gpt-4o"
    assert tokens.check_model("meta:llama-3.1-8b", catalog) == "meta:llama-3.1-8b"
    with pytest.raises(InputError, match=r"unknown model 'openai:gpt-4oo'; did you mean"):
        tokens.check_model("openai:gpt-4oo", catalog)
    with pytest.raises(InputError, match="provider:model"):
        tokens.check_model("gpt-4o", catalog)


def test_an_extra_that_does_not_load_falls_back_to_the_estimate_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(name: str) -> None:
        raise ImportError("libc too old")

    monkeypatch.setattr(tokens, "has_exact", lambda: True)
    monkeypatch.setattr(tokens, "_encoder", broken)
    counted = count_tokens("hello world", model="openai:gpt-4o")
    assert (counted.tokens, counted.exact) == (3, False)
    assert counted.hint == f"{EXTRA_HINT} (bpe-openai did not load: libc too old)"
