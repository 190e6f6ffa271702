"""Embedding prices: given in the profile, else genai-prices' (it lists embedding models,
priced by input tokens only, which `genai.lookup` does not return: it needs an output price)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from ..catalog.given import split_id
from ..errors import InputError
from ..pricebook import GIVEN, Quote


def embedding_quote(model: str | None, given: Decimal | None, on: date, field: str) -> Quote:
    """The price of embedding 1M tokens, with its source."""
    if given is not None:
        return Quote(
            usd=given, unit="per 1M embedding tokens", as_of=on.isoformat(),
            source=f"{GIVEN} ({field}.embedding_usd_per_mtok)",
            confidence="given",
        )  # fmt: skip
    assert model is not None  # the option's validator asks for one of the two
    from ..catalog import genai

    provider, name = split_id(model, f"{field}.embedding_model")
    found = genai._find(provider, name)  # the same lookup genai.lookup makes
    prices = None
    if found is not None:
        prices = found[1].get_prices(datetime(on.year, on.month, on.day, tzinfo=UTC))
    rate = genai._rate(getattr(prices, "input_mtok", None), 0)
    if found is None or rate is None:
        raise InputError(
            f"{field}.embedding_model",
            f"no embedding price known for {model}; give embedding_usd_per_mtok",
        )
    source, as_of = genai.release()
    url = (found[0].pricing_urls or [""])[0]
    return Quote(
        usd=rate,
        unit="per 1M embedding tokens",
        source=f"{found[0].name} pricing via {source}" + (f" ({url})" if url else ""),
        as_of=as_of,
    )
