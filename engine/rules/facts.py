"""What the rules read besides the answers: volume and break-even from the cost engine,
provider offers and model lifecycle from the catalog, all judged at the assessment's date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..catalog import Catalog, split_id
from ..errors import InputError
from ..inputs import CostInputs
from ..pricebook import Availability, Lifecycle, PriceBook
from ..result import CostResult, Output
from .verdict import Method


class Facts(Output):
    """Cost-engine and catalog facts for one assessment. Every field may be unknown (None),
    so the rules also run before the costs can be computed."""

    on: date
    """The assessment's date: provider availability and retirements are judged then."""
    monthly_requests: Decimal | None = None
    daily_requests: Decimal | None = None
    break_even_months: Decimal | None = None
    """From the cost engine; None when fine-tuning never pays back (see `costs_known`)."""
    break_even_note: str = ""
    costs_known: bool = False
    """Whether the cost engine ran with every cost known: False leaves the break-even
    questions unknown (an unknown upfront is not a "never")."""
    offers: tuple[Availability, ...] = ()
    """The fine-tuning offers of the providers judged (chosen ones, or the fine-tuning path's)."""
    unknown_providers: tuple[str, ...] = ()
    """Providers judged that the catalog does not know."""
    fine_tune_provider: str | None = None
    """The provider of the cost inputs' fine-tuning base model."""
    base_model: Lifecycle | None = None
    """The fine-tuning base model's size, weights and retirement date."""
    method: Method | None = None
    """The fine-tuning method the cost inputs price."""
    horizon_months: int | None = None


def facts_for(
    inputs: CostInputs,
    result: CostResult | None,
    book: PriceBook | None,
    catalog: Catalog,
    providers: tuple[str, ...] | None,
) -> Facts:
    """Gather the facts from an evaluation. `providers` are the team's chosen providers
    (None: judge the fine-tuning base model's provider)."""
    ft_provider = None
    base = inputs.fine_tuning.base_model
    if base:
        try:
            ft_provider = split_id(catalog.canonical(base), "fine_tuning.base_model")[0]
        except InputError:
            ft_provider = None
    judged = providers if providers is not None else ((ft_provider,) if ft_provider else ())
    offers, unknown = [], []
    for provider in judged:
        offer = catalog.availability(provider, inputs.assessed_on)
        if offer is None:
            unknown.append(provider)
        else:
            offers.append(offer)
    w = inputs.workload
    monthly = w.monthly_requests
    return Facts(
        on=inputs.assessed_on,
        monthly_requests=monthly,
        daily_requests=monthly / w.days_per_month,
        break_even_months=None if result is None else result.break_even_months,
        break_even_note="" if result is None else result.break_even_note,
        costs_known=result is not None and result.break_even_known,
        offers=tuple(offers),
        unknown_providers=tuple(unknown),
        fine_tune_provider=ft_provider,
        base_model=catalog.named(book.base_model)
        if book is not None and book.base_model is not None
        else (catalog.lifecycle(base) if base else None),
        method=inputs.fine_tuning.method,
        horizon_months=w.horizon_months,
    )
