"""Base inference prices from genai-prices, loaded only when a model must be priced.

genai-prices bundles its data (no network); importing it costs ~200 ms, so nothing here runs
at import time, and its answers are kept between runs (`genai_index`): a model priced before
with the same genai-prices installed does not load it. `tunewise prices --update` (opt-in)
saves newer data, used from then on.

Stays whole at ~300 lines: loading the data and looking prices up in it share its caches
(`_snapshot` feeds the lookups, `reload` after an update clears the lookups' `_by_id`), so a
split would leave two modules reaching into each other's private caches.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from importlib.util import find_spec, module_from_spec
from pathlib import Path
from types import ModuleType
from typing import Any

from . import genai_index
from .genai_index import RATES, Priced, at, raw_rate

RELEASED = {"0.2.3": "2026-11"}
"""Month each pinned genai-prices release was published: the as-of date of its bundled data."""


@dataclass(frozen=True)
class BasePrices:
    model_ref: str
    provider_name: str
    input: Decimal
    cached_input: Decimal | None
    output: Decimal
    source: str
    as_of: str
    effective: date | None = None
    """The day genai-prices says this price took effect, when it dates it."""
    cache_write: Decimal | None = None
    """Writing the prompt cache for 5 minutes (Anthropic: 1.25× input)."""
    cache_write_1h: Decimal | None = None
    """Writing it for an hour (Anthropic: 2× input)."""


def updated_path() -> Path:
    """Where `tunewise prices --update` keeps genai-prices' newer data:
    `genai-prices.json` in the user's data folder for tunewise (platformdirs: on Linux
    `$XDG_DATA_HOME/tunewise`, else `~/.local/share/tunewise`)."""
    from platformdirs import user_data_path

    return user_data_path("tunewise", appauthor=False) / "genai-prices.json"


class _Deferred(ModuleType):
    """`genai_prices` before its `__init__` has run: the first name its data modules do not
    give (`calc_price`, `__version__`, …) runs it, and the package is then the usual one."""

    def __getattr__(self, name: str) -> Any:
        # a submodule, which `from genai_prices import data_snapshot` asks for before importing
        # it, is no reason to run the package
        if find_spec(f"{self.__name__}.{name}") is not None:
            raise AttributeError(name)
        self.__class__ = ModuleType  # type: ignore[assignment]
        spec = self.__spec__
        assert spec is not None and spec.loader is not None
        spec.loader.exec_module(self)
        return getattr(self, name)


def _data_modules() -> None:
    """Lets genai-prices' data modules load without its package `__init__`, which imports its
    network updater (httpx, asyncio, ssl) and reads package metadata: about a third of its
    import, used only by `update`."""
    if "genai_prices" in sys.modules:
        return
    spec = find_spec("genai_prices")
    if spec is None or spec.loader is None:
        return  # not installed: the import below raises as it always did
    package = module_from_spec(spec)
    package.__class__ = _Deferred
    sys.modules["genai_prices"] = package


@cache
def _saved() -> tuple[Any, str] | None:
    """The data `prices --update` saved and the day it was fetched, when there is a file."""
    path = updated_path()
    if not path.is_file():
        return None
    _data_modules()
    from genai_prices import data_snapshot
    from genai_prices.types import _providers_from_raw

    saved = json.loads(path.read_text(encoding="utf-8"))
    snapshot = data_snapshot.DataSnapshot(_providers_from_raw(saved["providers"]), False)
    return snapshot, str(saved["fetched_on"])


@cache
def _snapshot() -> Any:
    saved = _saved()
    if saved is not None:
        return saved[0]
    _data_modules()
    from genai_prices import data_snapshot

    return data_snapshot.get_snapshot()


@cache
def release() -> tuple[str, str]:
    """(`genai-prices 0.2.3`, as-of month) of the installed package, or of the data
    `prices --update` fetched (`genai-prices data fetched 2026-12-03`, `2026-12-03`)."""
    if updated_path().is_file():
        # the day of a saved update is kept in the index: reading it parses all its data
        known, day = genai_index.recorded(_stamp(), "\tfetched on")
        if not (known and isinstance(day, str)):
            saved = _saved()
            day = None if saved is None else saved[1]
            genai_index.record(_stamp(), "\tfetched on", day)
        if day is not None:
            return f"genai-prices data fetched {day}", day
    v = installed_version()
    return f"genai-prices {v}", RELEASED.get(v, "undated")


def installed_version() -> str:
    """The installed genai-prices' version, from the `.dist-info` beside the package (scanning
    every installed distribution's metadata costs ~12 ms; that is the fallback)."""
    spec = find_spec("genai_prices")
    if spec is not None and spec.origin is not None:
        found = list(Path(spec.origin).parents[1].glob("genai_prices-*.dist-info"))
        if len(found) == 1:
            return found[0].name.removeprefix("genai_prices-").removesuffix(".dist-info")
    from importlib.metadata import version

    return version("genai-prices")


class UpdateFailed(Exception):
    """`prices --update` could not fetch or read genai-prices' data (nothing was changed)."""


def update(today: date) -> tuple[Path, int]:
    """Fetches genai-prices' newest data with its own updater's address and timeouts, checks
    it parses as genai-prices' own data, and saves it for later runs (the only network use in
    tunewise, and only when asked). Returns the file and how many models it prices."""
    import httpx2
    from genai_prices.types import _providers_from_raw
    from genai_prices.update_prices import UpdatePrices

    # UpdatePrices.fetch parses the download but drops the text, which a later run needs.
    updater = UpdatePrices()
    try:
        response = httpx2.get(updater.url, timeout=updater.request_timeout)
        response.raise_for_status()
        raw = json.loads(response.content)
        models = sum(len(p.models) for p in _providers_from_raw(raw))
    except httpx2.HTTPError as exc:
        raise UpdateFailed(f"cannot fetch {updater.url} ({type(exc).__name__}: {exc})") from None
    except ValueError as exc:  # not JSON, or not genai-prices' shape
        first = str(exc).splitlines()[0]
        raise UpdateFailed(f"{updater.url} did not give genai-prices data ({first})") from None
    path = updated_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    partial.write_text(
        json.dumps({"fetched_on": today.isoformat(), "url": updater.url, "providers": raw}),
        encoding="utf-8",
    )
    partial.replace(path)
    reload()
    return path, models


def reload() -> None:
    """Forget the data loaded so far: the next lookup reads the saved update, if any."""
    for cached in (_saved, _snapshot, _by_id, release, _stamp):
        cached.cache_clear()
    genai_index.forget()


def _rate(value: Any, prompt_tokens: int) -> Decimal | None:
    """A price per 1M tokens; tiered prices pick the tier the request's prompt falls in."""
    return at(raw_rate(value), prompt_tokens)


@cache
def _by_id() -> dict[tuple[str, str], tuple[Any, Any]]:
    """Every (provider id, model id) genai-prices lists, to its provider and model."""
    return {(p.id, m.id): (p, m) for p in _snapshot().providers for m in p.models}


def _find(provider: str, model_ref: str) -> tuple[Any, Any] | None:
    """The model by its own id first (the id `tunewise prices` shows: some ids, e.g. Fireworks'
    and Bedrock's regional ones, do not match their own patterns), then by genai-prices'
    matching rules."""
    exact = _by_id().get((provider, model_ref))
    if exact is not None:
        return exact
    try:
        found: tuple[Any, Any] = _snapshot().find_provider_model(model_ref, None, provider, None)
    except LookupError:
        return None
    return found


TIER_CONTEXT = {
    "batch": {"processing": "batch"},
    "flex": {"service_tier": "flex"},
    "priority": {"service_tier": "priority"},
}
"""genai-prices' price context for each tier tunewise offers (`standard` needs none)."""


def tiers(provider: str, model_ref: str, on: date) -> list[str]:
    """The tiers genai-prices prices `model_ref` at on `on` (`standard` always first)."""
    found = _find(provider, model_ref)
    if found is None:
        return []
    when = datetime(on.year, on.month, on.day, tzinfo=UTC)
    live = [
        v.when
        for v in found[1].price_variants or ()
        if v.constraint is None or v.constraint.active(when)
    ]
    return ["standard"] + [tier for tier, ctx in TIER_CONTEXT.items() if ctx in live]


def _priced(provider: str, model_ref: str, on: date, tier: str) -> Priced | None:
    """genai-prices' own answer (its data loaded): None for a model it does not know, or
    without that tier on that day."""
    found = _find(provider, model_ref)
    if found is None or (tier != "standard" and tier not in tiers(provider, model_ref, on)):
        return None
    prov, model = found
    prices = model.get_prices(
        datetime(on.year, on.month, on.day, tzinfo=UTC), TIER_CONTEXT.get(tier)
    )
    return Priced(
        model.id,
        prov.name,
        (prov.pricing_urls or [""])[0],
        _effective(model, on),
        {name: raw_rate(getattr(prices, attr, None)) for name, attr in RATES.items()},
    )


@cache
def _stamp() -> list[Any]:
    return genai_index.fingerprint(installed_version(), updated_path())


def _answer(provider: str, model_ref: str, on: date, tier: str) -> Priced | None:
    """`_priced`, from the index when it holds the answer, else asked and then recorded."""
    question = genai_index.key(provider, model_ref, on, tier)
    known, answer = genai_index.recorded(_stamp(), question)
    if known:
        try:
            return None if answer is None else Priced.decode(answer)
        except (KeyError, TypeError, ValueError, ArithmeticError):
            pass  # a damaged entry: asked again and rewritten
    priced = _priced(provider, model_ref, on, tier)
    genai_index.record(_stamp(), question, None if priced is None else priced.encode())
    return priced


def lookup(
    provider: str, model_ref: str, on: date, prompt_tokens: int = 0, tier: str = "standard"
) -> BasePrices | None:
    """Prices in force on `on` at `tier`, or None when genai-prices does not know the model
    (or has no such tier for it on that day: see `tiers`)."""
    priced = _answer(provider, model_ref, on, tier)
    if priced is None:
        return None
    inp = at(priced.rates["input"], prompt_tokens)
    out = at(priced.rates["output"], prompt_tokens)
    if inp is None or out is None:
        return None
    name, as_of = release()
    source = f"{priced.provider_name} pricing"
    source += f"{'' if tier == 'standard' else f', {tier} tier,'} via {name}"
    source += f" ({priced.url})" if priced.url else ""
    return BasePrices(
        model_ref=priced.model_ref,
        provider_name=priced.provider_name,
        input=inp,
        cached_input=at(priced.rates["cached_input"], prompt_tokens),
        output=out,
        source=source,
        as_of=as_of,
        effective=priced.effective,
        cache_write=at(priced.rates["cache_write"], prompt_tokens),
        cache_write_1h=at(priced.rates["cache_write_1h"], prompt_tokens),
    )


def _effective(model: Any, on: date) -> date | None:
    """The start date of the dated price in force on `on`, if genai-prices dates it."""
    start = None
    for conditional in model.prices if isinstance(model.prices, list) else ():
        begins = getattr(conditional.constraint, "start_date", None)
        if isinstance(begins, date) and begins <= on and (start is None or begins > start):
            start = begins
    return start


def tier_steps(provider: str, model_ref: str, on: date) -> list[tuple[int, Decimal, Decimal]]:
    """(prompt tokens from, input, output per 1M) for each step above the base price of a
    tiered model (Gemini 2.5 Pro over 200K tokens), empty when its prices are flat."""
    priced = _answer(provider, model_ref, on, "standard")
    if priced is None:
        return []
    inp, out = priced.rates["input"], priced.rates["output"]
    starts = sorted(
        {start for rate in (inp, out) if isinstance(rate, tuple) for start, _ in rate[1]}
    )
    steps = []
    for start in starts:
        at_in, at_out = at(inp, start), at(out, start)
        if at_in is not None and at_out is not None:
            steps.append((start, at_in, at_out))
    return steps


def model_ids(provider: str | None = None) -> list[str]:
    """Every `provider:model` genai-prices knows (for listings and did-you-mean)."""
    return [
        f"{p.id}:{m.id}"
        for p in _snapshot().providers
        if provider is None or p.id == provider
        for m in p.models
    ]
