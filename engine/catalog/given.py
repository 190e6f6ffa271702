"""What a profile states itself: a model id's provider and name, and prices it gives."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..errors import InputError
from ..inputs import TokenPrices
from ..pricebook import GIVEN, Quote, TokenQuotes


def split_id(model_id: str, field: str) -> tuple[str, str]:
    provider, sep, name = model_id.partition(":")
    if not sep or not provider or not name:
        raise InputError(
            field, f"model ids look like provider:model (openai:gpt-4o-mini), not {model_id!r}"
        )
    return provider, name


def given(usd: Decimal, unit: str, field: str, on: date) -> Quote:
    return Quote(
        usd=usd, unit=unit, source=f"{GIVEN} ({field})", as_of=on.isoformat(), confidence="given"
    )


def given_tokens(prices: TokenPrices, field: str, on: date) -> TokenQuotes:
    cached, write = prices.cached_input_usd_per_mtok, prices.cache_write_usd_per_mtok
    return TokenQuotes(
        input=given(prices.input_usd_per_mtok, "per 1M input tokens", field, on),
        cached_input=None
        if cached is None
        else given(cached, "per 1M cached input tokens", field, on),
        cache_write=None if write is None else given(write, "per 1M cache-write tokens", field, on),
        output=given(prices.output_usd_per_mtok, "per 1M output tokens", field, on),
    )
