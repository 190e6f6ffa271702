"""A profile's options costed against its baseline: `options_of(...)` → `OptionsComparison`.

Called once per assessment (`Assessed.options`). A format-2 profile's options are its own two
paths, read from the evaluation as they are (no price is looked up again); a format-3
profile's named options are priced from the catalog.
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


def baseline_name(profile: Profile) -> str:
    model = profile.prompting.model
    return f"Prompting ({model})" if model else "Prompting (today's bill)"


def fine_tuning_name(profile: Profile) -> str:
    base = profile.fine_tuning.base_model
    return f"Fine-tuning ({base})" if base else "Fine-tuning"


def options_of(
    profile: Profile,
    inputs: CostInputs,
    book: PriceBook,
    result: CostResult,
    source: CatalogSource,
) -> OptionsComparison:
    """The baseline, `[fine_tuning]` and every `[options.ID]`, set against the baseline."""
    plain = Timeline(monthly_price_factor(inputs.workload.api_price_decline_per_year))
    ft = result.finetune
    baseline = Priced("baseline", baseline_name(profile), "prompting", result.prompting, plain)
    fine_tuning = Priced(
        "fine_tuning",
        fine_tuning_name(profile),
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
            catalog=source.get(),
            labelled_examples=profile.data.labelled_examples,
        )
        if profile.options
        else {}
    )
    return compare_options(
        inputs.workload, result, priced, baseline=baseline, fine_tuning=fine_tuning
    )
