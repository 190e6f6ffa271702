"""Line items of one path's cost: a ledger that keeps what scales with volume apart from what
does not (`Ledger`), the token items of one request at a model's prices (`token_items`), a
monthly bill given directly (`direct_monthly`), and the path's costs from its two ledgers
(`finish`). `engine.costs` says what each path costs with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .errors import InputError
from .money import ZERO, number, per_million, tokens, unit_price, usd
from .pricebook import TokenQuotes
from .result import LineItem, PathCosts, Unknown


def item(
    key: str,
    label: str,
    amount: Decimal,
    formula: str,
    src: str | None = None,
    *,
    scales: bool = False,
) -> LineItem:
    """One line item (built unvalidated: every caller passes checked figures)."""
    return LineItem.model_construct(
        key=key,
        label=label,
        usd=amount,
        formula=formula,
        price_source=src,
        scales_with_volume=scales,
    )


@dataclass
class Ledger:
    """Line items of one cost, split into what scales with volume and what does not."""

    requests: Decimal
    items: list[LineItem] = field(default_factory=list)
    variable_per_request: Decimal = ZERO
    fixed: Decimal = ZERO

    def per_request(
        self,
        key: str,
        label: str,
        unit_usd: Decimal,
        formula: str,
        src: str,
        amount: Decimal | None = None,
    ) -> None:
        """A cost of `unit_usd` on every request (`amount` this month when given exactly)."""
        self.variable_per_request += unit_usd
        amount = unit_usd * self.requests if amount is None else amount
        self.items.append(item(key, label, amount, formula, src, scales=True))

    def flat(
        self,
        key: str,
        label: str,
        amount: Decimal,
        formula: str,
        src: str | None = None,
    ) -> None:
        """A cost that does not depend on volume (skipped when zero)."""
        if not amount:
            return
        self.fixed += amount
        self.items.append(item(key, label, amount, formula, src))

    @property
    def total(self) -> Decimal:
        return sum((item.usd for item in self.items), ZERO)


def token_items(
    ledger: Ledger,
    quotes: TokenQuotes,
    *,
    prefix: int,
    rest: int,
    output: int,
    cached_share: Decimal,
    field_path: str,
) -> None:
    """Input, cached-input, cache-write and output tokens of one request at `quotes`.

    With a cached share, a request that misses the cache writes the prefix to it: where the
    provider prices that write (Anthropic), the uncached prefix is billed at the write price."""
    cached = prefix * cached_share
    written = prefix - cached if cached and quotes.cache_write is not None else ZERO
    uncached = prefix - cached - written + rest
    req = number(ledger.requests)
    if cached and quotes.cached_input is None:
        raise InputError(
            f"{field_path}.cached_prefix_share",
            f"{quotes.model or 'this model'} has no cached-input price; "
            "set cached_prefix_share to 0 or give cached_input_usd_per_mtok",
        )
    rows = [("input_tokens", "Input tokens", Decimal(uncached), quotes.input)]
    if cached:
        assert quotes.cached_input is not None
        rows.append(("cached_input_tokens", "Cached input tokens", cached, quotes.cached_input))
    if written:
        assert quotes.cache_write is not None
        rows.append(("cache_write_tokens", "Cache writes", written, quotes.cache_write))
    rows.append(("output_tokens", "Output tokens", Decimal(output), quotes.output))
    for key, label, count, quote in rows:
        ledger.per_request(
            key,
            label,
            per_million(count, quote.usd),
            f"{req} req × {tokens(count)} × {unit_price(quote.usd)}/1M",
            quote.cite(),
        )


def direct_monthly(
    ledger: Ledger,
    key: str,
    label: str,
    monthly: Decimal,
    field_path: str,
) -> None:
    if not ledger.requests:
        raise InputError(
            field_path,
            "a monthly bill given directly needs a volume above zero "
            "to scale with; give cost per request instead",
        )
    ledger.per_request(
        key,
        label,
        monthly / ledger.requests,
        f"{usd(monthly)} a month at {number(ledger.requests)} req, given",
        "given",
        amount=monthly,
    )


def finish(
    monthly: Ledger, upfront: Ledger, missing: tuple[Unknown, ...] = (), given: str = ""
) -> PathCosts:
    total = monthly.total
    return PathCosts.model_construct(
        monthly_usd=total,
        monthly_items=tuple(monthly.items),
        upfront_usd=None if missing else upfront.total,
        upfront_items=tuple(upfront.items),
        per_request_usd=total / monthly.requests if monthly.requests else None,
        variable_per_request_usd=monthly.variable_per_request,
        fixed_monthly_usd=monthly.fixed,
        missing=missing,
        given=given,
    )


def given_note(monthly: Decimal | None, per_request: Decimal | None) -> str:
    """How a bill typed directly is labelled wherever it shows ("" when none was)."""
    if monthly is not None:
        return f"given: {usd(monthly)} a month; does not follow volume"
    if per_request is not None:
        return f"given: {usd(per_request, cents=False)} a request; does not follow tokens"
    return ""
