"""Putting an option's costs together from line items: sums exact, unknowns carried."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..ledger import item as item  # one line item, as every path builds it
from ..money import ZERO, number, percent, usd
from ..result import LineItem, PathCosts, Unknown
from .inputs import Extras


def assemble(
    requests: Decimal,
    monthly: Iterable[LineItem],
    upfront: Iterable[LineItem],
    *,
    variable_per_request: Decimal,
    missing: tuple[Unknown, ...] = (),
    given: str = "",
) -> PathCosts:
    """A `PathCosts` from its line items; what does not scale with volume is fixed."""
    monthly, upfront = tuple(monthly), tuple(upfront)
    total = sum((i.usd for i in monthly), ZERO)
    fixed = sum((i.usd for i in monthly if not i.scales_with_volume), ZERO)
    return PathCosts.model_construct(
        monthly_usd=total,
        monthly_items=monthly,
        upfront_usd=None if missing else sum((i.usd for i in upfront), ZERO),
        upfront_items=upfront,
        per_request_usd=total / requests if requests else None,
        variable_per_request_usd=variable_per_request,
        fixed_monthly_usd=fixed,
        missing=missing,
        given=given,
    )


def with_items(
    costs: PathCosts,
    requests: Decimal,
    *,
    monthly: Iterable[LineItem] = (),
    upfront: Iterable[LineItem] = (),
    per_request: Decimal = ZERO,
) -> PathCosts:
    """`costs` with more line items; `per_request` is the variable cost they add."""
    return assemble(
        requests,
        (*costs.monthly_items, *monthly),
        (*costs.upfront_items, *upfront),
        variable_per_request=costs.variable_per_request_usd + per_request,
        missing=costs.missing,
        given=costs.given,
    )


def with_extras(costs: PathCosts, requests: Decimal, extras: Extras) -> PathCosts:
    """`costs` with the option's own named costs, given."""
    return with_items(
        costs,
        requests,
        monthly=[
            item(f"own.{n}", label, usd_, "given")
            for n, (label, usd_) in enumerate(extras.monthly_items.items())
            if usd_
        ],
        upfront=[
            item(f"own.{n}", label, usd_, "given")
            for n, (label, usd_) in enumerate(extras.upfront_items.items())
            if usd_
        ],
    )


def share_of(costs: PathCosts, share: Decimal, key: str, name: str | None = None) -> PathCosts:
    """`costs` serving `share` of the requests: what scales with volume scales by `share`,
    fixed costs (an always-on GPU) and the upfront stay whole. Items are keyed by the id of
    the option they come from (`mini.input`) and labelled with its name, for people."""

    def part(i: LineItem) -> LineItem:
        scaled = i.scales_with_volume and share != 1
        return i.model_copy(
            update={
                "key": f"{key}.{i.key}",
                "label": f"{name or key}: {i.label}",
                "usd": i.usd * share if scaled else i.usd,
                "formula": f"{percent(share)} × ({i.formula})" if scaled else i.formula,
            }
        )

    monthly = tuple(part(i) for i in costs.monthly_items)
    total = sum((i.usd for i in monthly), ZERO)
    variable = costs.variable_per_request_usd * share
    return PathCosts.model_construct(
        monthly_usd=total,
        monthly_items=monthly,
        upfront_usd=costs.upfront_usd,
        upfront_items=tuple(part(i) for i in costs.upfront_items),
        per_request_usd=None,
        variable_per_request_usd=variable,
        fixed_monthly_usd=costs.fixed_monthly_usd,
        missing=costs.missing,
        given=costs.given,
    )


def per_request_item(key: str, label: str, requests: Decimal, unit: Decimal) -> LineItem:
    """A given cost on every request (`router_usd_per_request`)."""
    return item(
        key,
        label,
        unit * requests,
        f"{number(requests)} req × {usd(unit, cents=False)}, given",
        "given",
        scales=True,
    )
