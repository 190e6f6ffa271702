"""Monthly and upfront costs of each path, as line items that sum exactly to the totals (kept
in `engine.ledger`)."""

from __future__ import annotations

from decimal import Decimal

from .errors import InputError
from .inputs import (
    FineTuningPath,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    HourlyTraining,
    PromptingPath,
    TokenServing,
    Workload,
)
from .ledger import Ledger, direct_monthly, finish, given_note, token_items
from .money import ZERO, counted, number, per_million, tokens, unit_price, usd
from .pricebook import PriceBook
from .result import PathCosts, Unknown

TWELVE = Decimal(12)


def prompting_costs(workload: Workload, path: PromptingPath, book: PriceBook) -> PathCosts:
    requests = workload.monthly_requests
    monthly, upfront = Ledger(requests), Ledger(requests)
    if path.inference_monthly_usd is not None:
        direct_monthly(
            monthly,
            "inference",
            "Inference",
            path.inference_monthly_usd,
            "prompting.inference_monthly_usd",
        )
    elif path.cost_per_request_usd is not None:
        monthly.per_request(
            "inference",
            "Inference",
            path.cost_per_request_usd,
            f"{number(requests)} req × {usd(path.cost_per_request_usd)}, given",
            "given",
        )
    else:
        if book.prompting is None:
            raise InputError("prompting.model", "no prices for the prompting model")
        token_items(
            monthly,
            book.prompting,
            prefix=workload.static_prefix_tokens,
            rest=workload.rag_tokens + workload.user_tokens,
            output=workload.output_tokens,
            cached_share=path.cached_prefix_share,
            field_path="prompting",
        )
    monthly.flat("fixed", "Fixed monthly costs", path.fixed_monthly_usd, "given")
    upfront.flat("prompt_engineering", "Prompt engineering", path.prompt_engineering_usd, "given")
    given = given_note(path.inference_monthly_usd, path.cost_per_request_usd)
    return finish(monthly, upfront, given=given)


def _training(upfront: Ledger, path: FineTuningPath, book: PriceBook) -> Decimal:
    """Adds the training line item; returns its cost (the default cost of a retrain), zero
    when no training is given (the caller marks the upfront unknown then)."""
    training = path.training
    if path.training_usd is not None:
        upfront.flat("training", "Training", path.training_usd, "given")
        return path.training_usd
    if isinstance(training, HostedTraining):
        if book.training is None:
            raise InputError(
                "fine_tuning.training.usd_per_mtok",
                "no training price for the base model; give usd_per_mtok",
            )
        if training.examples is None:
            raise InputError(
                "fine_tuning.training.examples",
                "how many labelled examples the training uses is unknown: "
                "answer the labelled examples you have",
            )
        price = book.training.per_mtok
        count = Decimal(training.examples * training.tokens_per_example * training.epochs)
        cost = per_million(count, price.usd)
        formula = (
            f"{number(training.examples)} examples × {tokens(training.tokens_per_example)}"
            f" × {training.epochs} epochs = {tokens(count)} × {unit_price(price.usd)}/1M"
        )
        floor = book.training.min_charge
        if floor is not None and cost < floor.usd:
            formula += f" = {usd(cost)}, raised to the minimum charge {usd(floor.usd)}"
            cost = floor.usd
        upfront.flat("training", "Training", cost, formula, price.cite())
        return cost
    if isinstance(training, HourlyTraining):
        return _hourly_training(upfront, training, book)
    if isinstance(training, GpuTraining):
        gpu = book.training_gpu
        if gpu is None:
            raise InputError("fine_tuning.training.usd_per_gpu_hour", "no GPU-hour price")
        cost = training.gpu_count * training.hours * gpu.hour.usd
        formula = (
            f"{training.gpu_count} × {gpu.name} × {number(training.hours)} h × "
            f"{unit_price(gpu.hour.usd)}/GPU-h"
        )
        upfront.flat("training", f"Training ({path.method})", cost, formula, gpu.hour.cite())
        return cost
    return ZERO


def _hourly_training(upfront: Ledger, training: HourlyTraining, book: PriceBook) -> Decimal:
    """Reinforcement fine-tuning: training hours at the hourly rate, then the grader's tokens
    at the grader model's prices. Returns the two together (what a retrain repeats)."""
    if book.training_hour is None:
        raise InputError("fine_tuning.training.usd_per_hour", "no price for an hour of training")
    rate = book.training_hour
    cost = training.hours * rate.usd
    upfront.flat(
        "training",
        "Training (RFT)",
        cost,
        f"{number(training.hours)} h × {unit_price(rate.usd)}/h",
        rate.cite(),
    )
    read, written = training.grader_input_tokens, training.grader_output_tokens
    if not read and not written:
        return cost
    grader = book.grader
    if grader is None:
        raise InputError(
            "fine_tuning.training.grader_model",
            "grader tokens need the grader model (or its prices)",
        )
    graded = per_million(Decimal(read), grader.input.usd)
    graded += per_million(Decimal(written), grader.output.usd)
    upfront.flat(
        "grader_tokens",
        "Grader tokens",
        graded,
        f"{tokens(read)} in × {unit_price(grader.input.usd)}/1M + "
        f"{tokens(written)} out × {unit_price(grader.output.usd)}/1M",
        grader.input.cite(),
    )
    return cost + graded


def _serving(monthly: Ledger, workload: Workload, path: FineTuningPath, book: PriceBook) -> None:
    requests = monthly.requests
    serving = path.serving
    if path.serving_monthly_usd is not None:
        direct_monthly(
            monthly,
            "serving",
            "Serving",
            path.serving_monthly_usd,
            "fine_tuning.serving_monthly_usd",
        )
        return
    if path.serving_cost_per_request_usd is not None:
        cost = path.serving_cost_per_request_usd
        monthly.per_request(
            "serving",
            "Serving",
            cost,
            f"{number(requests)} req × {unit_price(cost)}, given",
            "given",
        )
        return
    hours_default = workload.hours_per_month
    if isinstance(serving, TokenServing | HourlyServing):
        if book.fine_tuned is None:
            raise InputError("fine_tuning.serving.prices", "no per-token prices for serving")
        instructions = (
            workload.instruction_tokens
            if path.instruction_tokens is None
            else path.instruction_tokens
        )
        rag = workload.rag_tokens if path.keeps_rag else 0
        output = workload.output_tokens if path.output_tokens is None else path.output_tokens
        token_items(
            monthly,
            book.fine_tuned,
            prefix=instructions,
            rest=rag + workload.user_tokens,
            output=output,
            cached_share=path.cached_prefix_share,
            field_path="fine_tuning",
        )
    if isinstance(serving, HourlyServing):
        if book.hosting is None:
            raise InputError("fine_tuning.serving.usd_per_hour", "no hourly hosting price")
        hours = hours_default if serving.hours_per_month is None else serving.hours_per_month
        cost = serving.deployments * hours * book.hosting.usd
        monthly.flat(
            "hosting_hours",
            "Deployment hosting",
            cost,
            f"{counted(serving.deployments, 'deployment')} × {number(hours)} h × "
            f"{unit_price(book.hosting.usd)}/h",
            book.hosting.cite(),
        )
    if isinstance(serving, GpuServing):
        gpu = book.serving_gpu
        if gpu is None:
            raise InputError("fine_tuning.serving.usd_per_gpu_hour", "no GPU-hour price")
        hours = hours_default if serving.hours_per_month is None else serving.hours_per_month
        count = serving.replicas * serving.gpus_per_replica
        cost = count * hours * gpu.hour.usd
        monthly.flat(
            "gpu_serving",
            "Self-hosted GPUs",
            cost,
            f"{counted(serving.replicas, 'replica')} × "
            f"{counted(serving.gpus_per_replica, 'GPU')} × {gpu.name} × "
            f"{number(hours)} h × {unit_price(gpu.hour.usd)}/GPU-h",
            gpu.hour.cite(),
        )


def _upfront_unknowns(path: FineTuningPath) -> tuple[Unknown, ...]:
    """The parts of the fine-tuning upfront cost the answers leave unknown (never $0)."""
    if path.upfront_usd is not None:
        return ()
    missing = []
    if path.training is None and path.training_usd is None:
        missing.append(
            Unknown.model_construct(
                code="upfront_unknown",
                field="fine_tuning.upfront_usd",
                message="until the fine-tuning upfront cost is known "
                "(its training, or the whole upfront cost)",
            )
        )
    if path.labelled_examples and path.usd_per_label is None:
        missing.append(
            Unknown.model_construct(
                code="labelling_price_unknown",
                field="fine_tuning.usd_per_label",
                message="until the price per label is known "
                f"({number(path.labelled_examples)} examples to label)",
            )
        )
    if path.engineering_hours and path.usd_per_engineering_hour is None:
        missing.append(
            Unknown.model_construct(
                code="engineering_rate_unknown",
                field="fine_tuning.usd_per_engineering_hour",
                message="until the engineering rate is known "
                f"({number(path.engineering_hours)} hours)",
            )
        )
    return tuple(missing)


def finetune_costs(workload: Workload, path: FineTuningPath, book: PriceBook) -> PathCosts:
    requests = workload.monthly_requests
    monthly, upfront = Ledger(requests), Ledger(requests)
    if path.upfront_usd is not None:
        overridden = path.itemised()
        note = f"given; overrides {', '.join(overridden)}" if overridden else "given"
        upfront.flat("upfront", "Upfront", path.upfront_usd, note)
        # A retrain repeats the training, when it is given, even though the whole upfront
        # cost overrides it as a line item.
        training_cost = _training(Ledger(requests), path, book)
    else:
        training_cost = _training(upfront, path, book)
        upfront.flat("data_collection", "Data collection", path.data_collection_usd, "given")
        if path.usd_per_label is not None:
            upfront.flat(
                "labelling",
                "Labelling",
                path.labelled_examples * path.usd_per_label,
                f"{number(path.labelled_examples)} examples × {unit_price(path.usd_per_label)}",
            )
        if path.usd_per_engineering_hour is not None:
            upfront.flat(
                "engineering",
                "Engineering",
                path.engineering_hours * path.usd_per_engineering_hour,
                f"{number(path.engineering_hours)} h × "
                f"{unit_price(path.usd_per_engineering_hour)}/h",
            )
        upfront.flat("integration", "Integration", path.integration_usd, "given")
        upfront.flat(
            "change_management",
            "Training and change management",
            path.change_management_usd,
            "given",
        )
    _serving(monthly, workload, path, book)
    monthly.flat("maintenance", "Maintenance", path.maintenance_monthly_usd, "given")
    retrain = path.usd_per_retrain if path.usd_per_retrain is not None else training_cost
    monthly.flat(
        "retraining",
        "Retraining (spread monthly)",
        path.retrains_per_year * retrain / TWELVE,
        f"{number(path.retrains_per_year)} a year × {usd(retrain)} ÷ 12",
    )
    monthly.flat("hosting_fees", "Hosting and storage fees", path.hosting_monthly_usd, "given")
    given = given_note(path.serving_monthly_usd, path.serving_cost_per_request_usd)
    return finish(monthly, upfront, _upfront_unknowns(path), given)
