"""Token counts of real text, for a catalog model id: exact where the model's encoding ships
offline, otherwise an estimate that says it is one and which ratio it used.

Exact: OpenAI models (and Azure OpenAI's, the same models) with the optional extra
`tunewise[tokens]` (`bpe-openai`, whose wheel carries the o200k_base and cl100k_base files;
`tiktoken` downloads them at first use and fails offline). The extra is imported only when a
count is asked for (~0.8 s: it loads a 74 MB native library).

Estimate: every other model, and OpenAI's without the extra, gets characters ÷ 4, rounded up:
OpenAI's published rule of thumb for English text ("1 token ~= 4 chars in English", "What are
tokens and how to count them?", https://help.openai.com/en/articles/4936856). Other providers'
tokenizers (Claude's, Gemini's) do not ship offline, and none publishes a ratio against o200k,
so a character ratio is the one figure with a source; it is also the same on every machine,
with or without the extra. Code and non-English text run above it.

Samples: `split_samples` reads a file of requests, one entry each, for the mean per request.

Over 300 lines, kept whole: counting and reading sample files share their `FileError`
wording and one lazily imported module (a count loads `engine.tokens` alone).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .tomlfile import FileError

if TYPE_CHECKING:
    from .catalog import Catalog

Encoding = Literal["o200k_base", "cl100k_base"]

CHARS_PER_TOKEN = 4
"""The estimate's ratio: OpenAI's rule of thumb for English (see the module docstring)."""

EXTRA_HINT = "for exact counts: pip install 'tunewise[tokens]'"
"""What an OpenAI model's estimate says when the extra is missing."""

OPENAI_PROVIDERS = frozenset({"openai", "azure"})
"""Providers serving OpenAI's models under OpenAI's names (Azure OpenAI)."""

PREFIXES: tuple[tuple[str, Encoding], ...] = (
    # Longest first: gpt-4o and gpt-4.1 before gpt-4 (as tiktoken's `model.py` maps them).
    ("gpt-4o", "o200k_base"),
    ("chatgpt-4o", "o200k_base"),
    ("gpt-4.1", "o200k_base"),
    ("gpt-4.5", "o200k_base"),
    ("gpt-5", "o200k_base"),
    ("gpt-oss", "o200k_base"),
    ("o1", "o200k_base"),
    ("o3", "o200k_base"),
    ("o4", "o200k_base"),
    ("gpt-4", "cl100k_base"),
    ("gpt-3.5-turbo", "cl100k_base"),
    ("gpt-35-turbo", "cl100k_base"),  # Azure's name for it
    ("davinci-002", "cl100k_base"),
    ("babbage-002", "cl100k_base"),
    ("text-embedding-3", "cl100k_base"),
    ("text-embedding-ada-002", "cl100k_base"),
)
"""OpenAI model name (or its prefix) → encoding."""

WINDOW = 50_000
"""Characters encoded at a time: `bpe-openai` refuses a text of 1M characters or one giving
more than 200,000 tokens, and a character is at most 4 bytes, so at most 4 tokens."""

TEXT_FIELDS = ("text", "prompt", "input")
"""A JSON Lines object's field counted as its request: the first of these that is a string."""

JSON_LINES = (".jsonl", ".ndjson")
"""Sample files read as JSON Lines; any other file's entries are separated by blank lines."""

MAX_BYTES = 64_000_000
"""Larger files are refused (count a sample of them)."""


@dataclass(frozen=True)
class TokenCount:
    """The tokens of one text and how they were counted."""

    tokens: int
    exact: bool
    """True when counted with the model's own encoding; False for an estimate."""
    method: str
    """In words: "o200k_base, exact" or "estimate: 4 characters a token"."""
    hint: str = ""
    """How to get exact counts when they could be had (an OpenAI model without the extra)."""


@dataclass(frozen=True)
class SampleCounts:
    """The tokens of each entry of a sample of requests, and their mean per request."""

    counts: tuple[int, ...]
    exact: bool
    method: str
    hint: str = ""

    @property
    def entries(self) -> int:
        return len(self.counts)

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> float:
        return self.total / len(self.counts) if self.counts else 0.0

    @property
    def per_request(self) -> int:
        """The mean rounded to a whole token, halves up: what a token field takes."""
        n = len(self.counts)
        return (2 * self.total + n) // (2 * n) if n else 0

    @property
    def smallest(self) -> int:
        return min(self.counts, default=0)

    @property
    def largest(self) -> int:
        return max(self.counts, default=0)


def encoding_for(model: str) -> Encoding | None:
    """The encoding of an OpenAI or Azure OpenAI model id (`openai:gpt-4o` → o200k_base), or
    None for a model without one that ships offline."""
    provider, _, name = model.strip().partition(":")
    if provider.lower() not in OPENAI_PROVIDERS:
        return None
    name = name.lower()
    for prefix, encoding in PREFIXES:
        if name == prefix or name.startswith((f"{prefix}-", f"{prefix}.")):
            return encoding
    return None


def has_exact() -> bool:
    """Whether the extra that counts exactly is installed (without importing it)."""
    from importlib.util import find_spec

    try:
        return find_spec("bpe_openai") is not None
    except (ImportError, ValueError):
        return False


@cache
def _encoder(name: Encoding) -> Any:
    import warnings

    with warnings.catch_warnings():
        # bpe-openai 0.1.4 reads its data (at import, all of it) with
        # `importlib.resources.open_binary`, deprecated in Python 3.11 and 3.12, not in 3.13.
        warnings.simplefilter("ignore", DeprecationWarning)
        import bpe_openai  # the extra: imported only here, on the first exact count

        return bpe_openai.get_encoding(name)


def _windows(text: str) -> list[str]:
    """`text` in pieces of at most `WINDOW` characters, cut where both encodings' pre-tokenizer
    starts a new piece anyway (after a line break followed by a non-space, else before a space
    followed by a letter), so the counts add up to the whole text's."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > WINDOW:
        end = start + WINDOW
        cut = -1
        at = text.rfind("\n", start + 1, end - 1)
        while at != -1:
            if not text[at + 1].isspace():
                cut = at + 1
                break
            at = text.rfind("\n", start + 1, at)
        if cut == -1:
            at = text.rfind(" ", start + 1, end - 1)
            while at != -1:
                if text[at + 1].isalpha() and not text[at - 1].isspace():
                    cut = at
                    break
                at = text.rfind(" ", start + 1, at)
        if cut == -1:
            cut = end  # no boundary in 50,000 characters: a cut may move a token or so
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _exact(text: str, encoding: Encoding) -> int:
    encoder = _encoder(encoding)
    return sum(len(encoder.encode_ordinary(piece)) for piece in _windows(text) if piece)


def estimate(text: str) -> int:
    """Characters ÷ `CHARS_PER_TOKEN`, rounded up (a non-empty text is at least 1 token)."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def _how(model: str) -> tuple[Encoding | None, str, str]:
    """(encoding or None, method, hint) for `model`."""
    encoding = encoding_for(model)
    method = f"estimate: {CHARS_PER_TOKEN} characters a token"
    if encoding is None:
        return None, method, ""
    if not has_exact():
        return None, method, EXTRA_HINT
    try:
        _encoder(encoding)
    except (ImportError, OSError) as exc:  # installed but unusable here (a broken wheel)
        return None, method, f"{EXTRA_HINT} (bpe-openai did not load: {exc})"
    return encoding, f"{encoding}, exact", ""


def count_tokens(text: str, *, model: str) -> TokenCount:
    """The tokens of `text` for `model` (a catalog id, `openai:gpt-4o`). Special-token text
    such as `<|endoftext|>` counts as the ordinary text it is in a request."""
    encoding, method, hint = _how(model)
    if encoding is None:
        return TokenCount(tokens=estimate(text), exact=False, method=method, hint=hint)
    return TokenCount(tokens=_exact(text, encoding), exact=True, method=method)


def count_samples(entries: Sequence[str], *, model: str) -> SampleCounts:
    """The tokens of each request in `entries`, counted as `count_tokens` counts one."""
    encoding, method, hint = _how(model)
    if encoding is None:
        counts = tuple(estimate(e) for e in entries)
        return SampleCounts(counts=counts, exact=False, method=method, hint=hint)
    counts = tuple(_exact(e, encoding) for e in entries)
    return SampleCounts(counts=counts, exact=True, method=method)


# -- files ---------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """A text file as UTF-8 (a BOM dropped), or a one-line `FileError`."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileError(
                path, f"{size:,} bytes is too large (limit {MAX_BYTES:,}): count a sample"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileError(path, "no such file") from None
    except IsADirectoryError:
        raise FileError(path, "is a directory, not a file") from None
    except PermissionError:
        raise FileError(path, "permission denied") from None
    except OSError as exc:
        raise FileError(path, exc.strerror or "cannot be read") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileError(path, "not UTF-8 text", line) from None


def _json_entry(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for name in TEXT_FIELDS:
            if isinstance(value.get(name), str):
                return str(value[name])
    return None


def split_samples(text: str, *, path: Path) -> list[str]:
    """The requests in a sample file, one entry each.

    JSON Lines (`.jsonl`, `.ndjson`): each non-blank line is a JSON string (the request) or an
    object whose `text`, `prompt` or `input` field (the first that is a string) is the
    request; anything else is refused with its line, rather than counting JSON syntax as
    text. Any other file: entries are separated by one or more blank lines, and each is
    counted as written, inner line breaks included.
    """
    if path.suffix.lower() in JSON_LINES:
        entries: list[str] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FileError(path, f"not JSON: {exc.msg}", number) from None
            entry = _json_entry(value)
            if entry is None:
                fields = ", ".join(TEXT_FIELDS)
                raise FileError(
                    path, f"a JSON string or an object with a {fields} string expected", number
                )
            entries.append(entry)
    else:
        entries = []
        block: list[str] = []
        for line in [*text.splitlines(), ""]:
            if line.strip():
                block.append(line)
            elif block:
                entries.append("\n".join(block))
                block = []
    if not entries:
        raise FileError(path, "no requests in it")
    return entries


def check_model(model: str, catalog: Catalog, *, field: str = "model") -> str:
    """`model` as `catalog` names it (an alias resolved), or an `InputError` saying it is not
    a model the catalog prices, with the nearest id it knows."""
    from datetime import date

    from .catalog import split_id

    model_id = catalog.canonical(model.strip())
    split_id(model_id, field)
    if model_id not in catalog.models and model_id not in catalog.token_prices:
        catalog.base_prices(model_id, date.today(), field)  # refuses an unknown id
    return model_id
