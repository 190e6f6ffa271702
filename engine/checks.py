"""Warnings for implausible or risky inputs: GPUs too small, capacity short, closed offerings."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .availability import is_open, offer_text
from .inputs import CostInputs, FineTuningPath, GpuServing, GpuTraining, HostedTraining
from .money import counted, number
from .money import months as months_words
from .pricebook import Availability, GpuQuote, Lifecycle, PriceBook
from .result import CostWarning

SERVING_OVERHEAD = Decimal("1.2")
"""Weights × 1.2 for serving: KV cache and activations on top of the weights (tunewise's rule
of thumb; long contexts and large batches need more)."""
SECONDS_PER_DAY = 86_400


def _fit(
    gpu: GpuQuote | None,
    count: int,
    params_b: Decimal | None,
    rule: Decimal | None,
    what: str,
    field: str,
    overhead: Decimal = Decimal(1),
) -> Iterator[CostWarning]:
    if gpu is None or gpu.memory_gb is None or params_b is None or rule is None:
        return
    needed = params_b * rule * overhead
    have = gpu.memory_gb * count
    if needed > have:
        yield CostWarning.model_construct(
            code="gpu_too_small",
            field=field,
            message=(
                f"{what} a {number(params_b)}B model needs about {number(needed, places=0)} "
                f"GB of GPU memory; {count} × {gpu.name} has {number(have, places=0)} GB"
            ),
        )


def _availability(p: Availability, inputs: CostInputs) -> Iterator[CostWarning]:
    """A closed offering, or one that is discontinued later (the fine-tune loses its host);
    a closure to new users that has not happened yet does not stop this assessment."""
    on = inputs.assessed_on
    if p.fine_tuning == "open" or (is_open(p, on) and p.fine_tuning != "discontinued"):
        return
    yield CostWarning.model_construct(
        code="provider_closed",
        field="fine_tuning.base_model",
        message=offer_text(p, on),
        severity="warning" if is_open(p, on) or p.fine_tuning == "closed_to_new_users" else "error",
    )


def _retirement(model: Lifecycle, inputs: CostInputs, field: str) -> Iterator[CostWarning]:
    if model.retires_on is None:
        return
    on, retires = inputs.assessed_on, model.retires_on
    if retires <= on:
        yield CostWarning.model_construct(
            code="model_retired",
            field=field,
            severity="error",
            message=f"{model.name} was retired on {retires.isoformat()} "
            f"({model.source}, as of {model.as_of})"
            + (
                f"; the provider names {model.replacement_in_words} as its replacement"
                if model.replaced_by
                else ""
            ),
        )
        return
    months = (retires.year - on.year) * 12 + retires.month - on.month
    horizon = inputs.workload.horizon_months
    if months < horizon or (months == horizon and retires.day <= on.day):
        yield CostWarning.model_construct(
            code="model_retires",
            field=field,
            message=(
                f"{model.name} retires on {retires.isoformat()}, about "
                f"{months_words(months, places=0, singular=True)} into "
                f"the {inputs.workload.horizon_months}-month horizon ({model.source}, as of "
                f"{model.as_of}): whatever is built on it must move by then"
                + (
                    f", to {model.replacement_in_words} as the provider suggests"
                    if model.replaced_by
                    else ""
                )
            ),
        )


UPFRONT_PARTS = {
    "data_collection_usd": "data collection",
    "labelled_examples": "labelling",
    "engineering_hours": "engineering",
    "integration_usd": "integration",
    "change_management_usd": "change management",
}
"""The one-off costs beside training that the fine-tuning upfront cost is built from, in words."""


def _parts_not_given(ft: FineTuningPath) -> Iterator[CostWarning]:
    """The upfront parts the answers leave out: counted as $0 in the sum, so said, never
    silent (the whole upfront cost given overrides them all)."""
    if ft.upfront_usd is not None:
        return
    missing = [words for name, words in UPFRONT_PARTS.items() if name not in ft.model_fields_set]
    if missing:
        yield CostWarning.model_construct(
            code="upfront_parts_not_given",
            field="fine_tuning",
            severity="info",
            message=f"Up front leaves out {_listed(missing)}: not given, so counted as $0 "
            "(give each, 0 if there is none, or the whole upfront cost)",
        )


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def cost_warnings(inputs: CostInputs, book: PriceBook) -> tuple[CostWarning, ...]:
    """Every warning once (the same model on both paths retires once)."""
    seen: dict[str, CostWarning] = {}
    for warning in _all(inputs, book):
        seen.setdefault(warning.message, warning)
    return tuple(seen.values())


def _all(inputs: CostInputs, book: PriceBook) -> Iterator[CostWarning]:
    ft = inputs.fine_tuning
    rules = {key: quote.usd for key, quote in book.memory_gb_per_billion.items()}
    params = book.base_model.params_b if book.base_model else None
    if isinstance(ft.training, GpuTraining):
        yield from _fit(
            book.training_gpu,
            ft.training.gpu_count,
            params,
            rules.get(ft.method),
            f"{ft.method} fine-tuning of",
            "fine_tuning.training.gpu",
        )
    if isinstance(ft.serving, GpuServing):
        s = ft.serving
        yield from _fit(
            book.serving_gpu,
            s.gpus_per_replica,
            params,
            rules.get(f"serve_{s.precision}"),
            f"serving (weights + 20% for KV cache) at {s.precision}",
            "fine_tuning.serving.gpu",
            SERVING_OVERHEAD,
        )
        if s.requests_per_second_per_replica is not None:
            average = inputs.workload.monthly_requests / (
                inputs.workload.days_per_month * SECONDS_PER_DAY
            )
            capacity = s.requests_per_second_per_replica * s.replicas
            if capacity < average:
                yield CostWarning.model_construct(
                    code="capacity_short",
                    field="fine_tuning.serving.replicas",
                    message=(
                        f"{counted(s.replicas, 'replica')} × "
                        f"{number(s.requests_per_second_per_replica)} "
                        f"req/s = {number(capacity)} req/s, below the average "
                        f"{number(average)} req/s the workload needs (peaks need more)"
                    ),
                )
    if isinstance(ft.training, HostedTraining) and book.training is not None:
        minimum = book.training.min_examples
        examples = ft.training.examples
        if minimum is not None and examples is not None and examples < minimum:
            yield CostWarning.model_construct(
                code="too_few_examples",
                field="fine_tuning.training.examples",
                message=f"the provider requires at least {minimum} examples; "
                f"{ft.training.examples} given",
            )
    if ft.method != "hosted" and book.base_model is not None and not book.base_model.open_weights:
        yield CostWarning.model_construct(
            code="closed_weights",
            field="fine_tuning.method",
            severity="error",
            message=f"{book.base_model.name} has no open weights: {ft.method} "
            "fine-tuning needs a model you can download; use the "
            "provider's hosted fine-tuning or an open-weight model",
        )
    yield from _parts_not_given(ft)
    if book.provider is not None and ft.method == "hosted":
        yield from _availability(book.provider, inputs)
    if book.base_model is not None:
        yield from _retirement(book.base_model, inputs, "fine_tuning.base_model")
    if book.prompting_model is not None:
        yield from _retirement(book.prompting_model, inputs, "prompting.model")
