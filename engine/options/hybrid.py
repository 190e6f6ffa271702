"""Hybrid options: routing (a share of requests to each of two options) and cascade (every
request to the first, an escalation share also to the second), plus the router's cost.

Each part's volume-scaled costs follow its share of the requests; its fixed monthly costs
(always-on GPUs) and its upfront are paid whole, whatever share it serves.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..money import ONE
from ..result import LineItem, PathCosts
from .inputs import CascadeOption, RoutingOption
from .ledger import assemble, per_request_item, share_of

if TYPE_CHECKING:
    from .priced import Priced


def _combine(
    parts: tuple[PathCosts, ...], router: LineItem | None, unit: Decimal, requests: Decimal
) -> PathCosts:
    monthly = [i for p in parts for i in p.monthly_items] + ([router] if router else [])
    return assemble(
        requests,
        monthly,
        [i for p in parts for i in p.upfront_items],
        variable_per_request=sum((p.variable_per_request_usd for p in parts), unit),
        missing=tuple(u for p in parts for u in p.missing),
        given="; ".join(p.given for p in parts if p.given),
    )


def _router(unit: Decimal, requests: Decimal, label: str) -> LineItem | None:
    return per_request_item("router", label, requests, unit) if unit else None


def routing(first: Priced, second: Priced, option: RoutingOption, requests: Decimal) -> PathCosts:
    """`share_to_first` × the first + the rest × the second + the router, a month."""
    s = option.share_to_first
    parts = (
        share_of(first.costs, s, first.id, first.name),
        share_of(second.costs, ONE - s, second.id, second.name),
    )
    unit = option.router_usd_per_request
    return _combine(parts, _router(unit, requests, "Router"), unit, requests)


def cascade(first: Priced, second: Priced, option: CascadeOption, requests: Decimal) -> PathCosts:
    """The first on every request + the second on `escalation_share` of them + the check."""
    parts = (
        share_of(first.costs, ONE, first.id, first.name),
        share_of(second.costs, option.escalation_share, second.id, second.name),
    )
    unit = option.router_usd_per_request
    return _combine(parts, _router(unit, requests, "Escalation check"), unit, requests)
