"""genai-prices' answers kept between runs, so pricing a known model does not load its data.

Loading genai-prices' bundled data costs a token-priced `tunewise assess` about a sixth of
its run. Each question tunewise asked it (a model's prices on a day, at a tier) is recorded
with genai-prices' own answer in one JSON file in the user's cache folder (platformdirs:
`$XDG_CACHE_HOME/tunewise`, else `~/.cache/tunewise`). The file is trusted only for the
genai-prices it was written against: its version, its data file's size and modification
time, and those of the data `prices --update` saved. Anything else — no file, another
fingerprint, a file that does not parse, a folder that cannot be written — means asking
genai-prices itself, as before; nothing here uses the network.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from datetime import date
from decimal import Decimal
from importlib.util import find_spec
from pathlib import Path
from typing import Any, NamedTuple

FORMAT = 1
"""Bumped when what is recorded changes, so older files are rebuilt."""

Rate = Decimal | tuple[Decimal, tuple[tuple[int, Decimal], ...]] | None
"""A price per 1M tokens: flat, or (base, ((prompt tokens from, price), …)) when tiered."""

_lock = threading.Lock()
_answers: dict[str, Any] | None = None
"""The file's answers once read (None: not read yet), shared by every lookup in a run."""


def index_path() -> Path:
    """`genai-prices-index.json` in the user's cache folder for tunewise."""
    from platformdirs import user_cache_path

    return user_cache_path("tunewise", appauthor=False) / "genai-prices-index.json"


def _stat(path: Path) -> list[int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns]


def fingerprint(version: str, updated: Path) -> list[Any]:
    """What the recorded answers depend on: this format, genai-prices' version, its bundled
    data file and the saved update (size and modification time; None when absent)."""
    spec = find_spec("genai_prices")
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    data = _stat(origin.with_name("data.py")) if origin is not None else None
    return [FORMAT, version, data, _stat(updated)]


def key(provider: str, model_ref: str, on: date, tier: str) -> str:
    return f"{provider}\t{model_ref}\t{on.isoformat()}\t{tier}"


def _read(stamp: list[Any]) -> dict[str, Any]:
    """The recorded answers when the file matches `stamp`, else none (it will be rewritten)."""
    try:
        data = json.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("fingerprint") != stamp:
        return {}
    answers = data.get("answers")
    return answers if isinstance(answers, dict) else {}


def recorded(stamp: list[Any], question: str) -> tuple[bool, Any]:
    """(True, the answer recorded for `question`) or (False, None) when there is none."""
    global _answers
    with _lock:
        if _answers is None:
            _answers = _read(stamp)
        if question in _answers:
            return True, _answers[question]
    return False, None


def record(stamp: list[Any], question: str, answer: Any) -> None:
    """Keep `answer` for later runs: written whole to a temporary file, then renamed over
    the index, so a reader never sees half a file; a folder that cannot be written is no
    error (the next run asks genai-prices again)."""
    global _answers
    with _lock:
        if _answers is None:
            _answers = _read(stamp)
        _answers[question] = answer
        text = json.dumps({"fingerprint": stamp, "answers": _answers}, sort_keys=True)
    path = index_path()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".genai-prices-index.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(partial, path)
        except OSError:
            Path(partial).unlink(missing_ok=True)
            raise


def forget() -> None:
    """Read the file again on the next lookup (after `prices --update`, or in tests)."""
    global _answers
    with _lock:
        _answers = None


def encode_rate(rate: Rate) -> Any:
    if rate is None or isinstance(rate, Decimal):
        return None if rate is None else str(rate)
    base, steps = rate
    return {"base": str(base), "tiers": [[start, str(price)] for start, price in steps]}


def decode_rate(value: Any) -> Rate:
    if value is None:
        return None
    if isinstance(value, str):
        return Decimal(value)
    steps = tuple((int(start), Decimal(price)) for start, price in value["tiers"])
    return Decimal(value["base"]), steps


def raw_rate(value: Any) -> Rate:
    """genai-prices' price as tunewise keeps it: flat, or a base with its tiers."""
    if value is None:
        return None
    tiers = getattr(value, "tiers", None)
    if tiers is None:
        return Decimal(value)
    return Decimal(value.base), tuple((int(t.start), Decimal(t.price)) for t in tiers)


def at(rate: Rate, prompt_tokens: int) -> Decimal | None:
    """The price for a request of `prompt_tokens`: the last tier it reaches, else the base."""
    if rate is None or isinstance(rate, Decimal):
        return rate
    price, steps = rate
    for start, tier_price in steps:
        if prompt_tokens >= start:
            price = tier_price
    return price


RATES = {
    "input": "input_mtok",
    "cached_input": "cache_read_mtok",
    "output": "output_mtok",
    "cache_write": "cache_write_mtok",
    "cache_write_1h": "cache_write_1h_mtok",
}
"""tunewise's name for each price genai-prices gives a model, to genai-prices' own."""


class Priced(NamedTuple):
    """genai-prices' answer for a model on a day at a tier, before a prompt size picks the
    tiered prices: what the index keeps."""

    model_ref: str
    provider_name: str
    url: str
    effective: date | None
    rates: dict[str, Rate]

    def encode(self) -> dict[str, Any]:
        return {
            "model_ref": self.model_ref,
            "provider_name": self.provider_name,
            "url": self.url,
            "effective": None if self.effective is None else self.effective.isoformat(),
            "rates": {name: encode_rate(r) for name, r in self.rates.items()},
        }

    @classmethod
    def decode(cls, data: dict[str, Any]) -> Priced:
        effective = data["effective"]
        return cls(
            str(data["model_ref"]),
            str(data["provider_name"]),
            str(data["url"]),
            None if effective is None else date.fromisoformat(effective),
            {name: decode_rate(data["rates"][name]) for name in RATES},
        )
