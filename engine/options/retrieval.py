"""A RAG option's own line items: the index built once, re-embedded as documents change, the
vector store, and an embedded query on every request."""

from __future__ import annotations

from decimal import Decimal

from ..money import number, per_million, percent, tokens, unit_price
from ..pricebook import Quote
from ..result import LineItem, PathCosts
from .inputs import RagOption
from .ledger import item, with_items


def index_tokens(option: RagOption) -> Decimal:
    return Decimal(option.documents * option.tokens_per_document)


def with_retrieval(
    generator: PathCosts, option: RagOption, price: Quote, *, requests: Decimal, user_tokens: int
) -> PathCosts:
    """The generator's costs (already priced with the retrieved tokens) plus retrieval's."""
    cite, rate = price.cite(), price.usd
    size = index_tokens(option)
    body = (
        f"{number(option.documents)} documents × {tokens(option.tokens_per_document)}"
        f" = {tokens(size)}"
    )
    upfront = [
        item("index_build", "Index build (embeddings)", per_million(size, rate),
             f"{body} × {unit_price(rate)}/1M", cite),
    ]  # fmt: skip
    monthly: list[LineItem] = []
    share = option.changed_share_per_month
    if share:
        monthly.append(
            item("reembedding", "Re-embedding changed documents", per_million(size * share, rate),
                 f"{percent(share)} of {tokens(size)} a month × {unit_price(rate)}/1M", cite)
        )  # fmt: skip
    if option.store_monthly_usd:
        monthly.append(item("vector_store", "Vector store", option.store_monthly_usd, "given"))
    query = user_tokens if option.query_tokens is None else option.query_tokens
    unit = per_million(Decimal(query), rate)
    if unit:
        monthly.append(
            item("query_embedding", "Query embeddings", unit * requests,
                 f"{number(requests)} req × {tokens(query)} × {unit_price(rate)}/1M", cite,
                 scales=True)
        )  # fmt: skip
    return with_items(generator, requests, monthly=monthly, upfront=upfront, per_request=unit)
