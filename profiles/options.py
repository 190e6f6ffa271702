"""A profile's options costed against its baseline: `options_of(...)` → `OptionsComparison`.

Called once per assessment (`Assessed.options`). A format-2 profile's options are its own two
paths, read from the evaluation as they are (no price is looked up again); a format-3
profile's named options are priced from their own snapshots while these fit, else from the
catalog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.breakeven import Timeline, monthly_price_factor, timeline
from engine.options.compare import compare_options
from engine.options.costing import Priced, cost_options

if TYPE_CHECKING:
    from engine.inputs import CostInputs
    from engine.pricebook import PriceBook
    from engine.result import CostResult, OptionsComparison

    from .catalogs import CatalogSource
    from .model import Profile


def baseline_name(profile: Profile, book: PriceBook | None = None) -> str:
    """`Prompting (Gemini 3.5 Flash)`: the model's name when the price book has it."""
    model = profile.prompting.model
    known = book.prompting_model if book is not None else None
    if known is not None and known.name and known.model == model:
        model = known.name
    return f"Prompting ({model})" if model else "Prompting (today's bill)"


def fine_tuning_name(profile: Profile, book: PriceBook | None = None) -> str:
    base = profile.fine_tuning.base_model
    known = book.base_model if book is not None else None
    if known is not None and known.name and known.model == base:
        base = known.name
    return f"Fine-tuning ({base})" if base else "Fine-tuning"


def options_of(
    profile: Profile,
    inputs: CostInputs,
    book: PriceBook,
    result: CostResult,
    source: CatalogSource,
    *,
    reprice: bool = False,
) -> OptionsComparison:
    """The baseline, `[fine_tuning]` and every `[options.ID]`, set against the baseline; each
    named option priced from its `[option_prices.ID]` snapshot while that fits (never when
    `reprice`), else from the catalog."""
    plain = Timeline(monthly_price_factor(inputs.workload.api_price_decline_per_year))
    ft = result.finetune
    baseline = Priced(
        "baseline", baseline_name(profile, book), "prompting", result.prompting, plain
    )
    fine_tuning = Priced(
        "fine_tuning",
        fine_tuning_name(profile, book),
        "fine_tuning",
        ft,
        plain if ft.missing else timeline(inputs, book, ft),
    )
    priced = (
        cost_options(
            inputs,
            profile.options,
            baseline=baseline,
            fine_tuning=fine_tuning,
            catalog=source.get,
            labelled_examples=profile.data.labelled_examples,
            stored={} if reprice else profile.option_prices,
        )
        if profile.options
        else {}
    )
    return compare_options(
        inputs.workload, result, priced, baseline=baseline, fine_tuning=fine_tuning
    )
