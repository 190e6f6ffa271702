"""Whether a stored price book still prices what the answers name: the models, the prices they
give, the cache lifetime, fine-tuned tier and hourly training they choose (a profile's or an
option's price snapshot is reused only while it does)."""

from __future__ import annotations

from decimal import Decimal

from ..inputs import (
    FineTuningPath,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    HourlyTraining,
    PromptingPath,
    TokenServing,
)
from ..pricebook import PriceBook, Quote, TokenQuotes
from .catalog import TTL_WORDS
from .genai import TIER_CONTEXT as TIERS


def _ttl_fits(quotes: TokenQuotes | None, ttl: str) -> bool:
    write = quotes.cache_write if quotes is not None else None
    if write is None or not any(words in write.unit for words in TTL_WORDS.values()):
        return True  # no write price, or one that is not priced by lifetime
    return TTL_WORDS[ttl] in write.unit


def book_fits(pe: PromptingPath, ft: FineTuningPath, book: PriceBook) -> bool:
    """False when the answers changed one of these choices since `book` was resolved."""
    if not (_ttl_fits(book.prompting, pe.cache_ttl) and _ttl_fits(book.fine_tuned, ft.cache_ttl)):
        return False
    serving = ft.serving
    if isinstance(serving, TokenServing | HourlyServing) and serving.prices is None:
        label = (book.fine_tuned.model if book.fine_tuned is not None else None) or ""
        stored = next(
            (t for t in TIERS if label.endswith((f", {t})", f" ({t})"))), "standard"
        )  # the tier the catalog wrote into the label (`… (fine-tuned, batch)`)
        if stored != ft.tier:
            return False
    training = ft.training
    if not isinstance(training, HourlyTraining):
        return True
    hour = book.training_hour
    if hour is None or (training.usd_per_hour not in (None, hour.usd)):
        return False
    graded = training.grader_input_tokens or training.grader_output_tokens
    if training.grader_prices is not None:
        grader = book.grader
        return grader is not None and (grader.input.usd, grader.output.usd) == (
            training.grader_prices.input_usd_per_mtok,
            training.grader_prices.output_usd_per_mtok,
        )
    if training.grader_model and book.grader is not None:
        return book.grader.model == training.grader_model
    return not (graded or training.grader_model)


def stored_book_fits(pe: PromptingPath, ft: FineTuningPath, book: PriceBook) -> bool:
    """Whether a stored price book still prices what the answers name: the same models and
    the same explicitly given prices (a hand edit after the snapshot makes it unusable)."""
    if not book_fits(pe, ft, book):  # cache lifetime, fine-tuned tier, hourly training
        return False
    if pe.model and book.prompting_model and book.prompting_model.model != pe.model:
        return False
    if ft.base_model and book.base_model and book.base_model.model != ft.base_model:
        return False
    needs_prompt = pe.inference_monthly_usd is None and pe.cost_per_request_usd is None
    if needs_prompt and book.prompting is None:
        return False
    if needs_prompt and pe.model and pe.prices is None and book.prompting is not None:
        tier = pe.tier
        stored = (book.prompting.model or "").endswith(f" ({tier})")
        if stored != (tier != "standard"):  # the tier changed since the snapshot
            return False
    if pe.prices is not None and needs_prompt:
        q = book.prompting
        if q is None or (q.input.usd, q.output.usd) != (
            pe.prices.input_usd_per_mtok,
            pe.prices.output_usd_per_mtok,
        ):
            return False
    serving = ft.serving
    if isinstance(serving, TokenServing | HourlyServing):
        if book.fine_tuned is None:
            return False
        if serving.prices is not None and (
            book.fine_tuned.input.usd,
            book.fine_tuned.output.usd,
        ) != (
            serving.prices.input_usd_per_mtok,
            serving.prices.output_usd_per_mtok,
        ):
            return False
    if isinstance(serving, HourlyServing) and _differs(book.hosting, serving.usd_per_hour):
        return False
    hour = None if book.serving_gpu is None else book.serving_gpu.hour
    if isinstance(serving, GpuServing) and _differs(hour, serving.usd_per_gpu_hour):
        return False
    training = ft.training
    per_mtok = None if book.training is None else book.training.per_mtok
    if isinstance(training, HostedTraining) and _differs(per_mtok, training.usd_per_mtok):
        return False
    hour = None if book.training_gpu is None else book.training_gpu.hour
    return not (isinstance(training, GpuTraining) and _differs(hour, training.usd_per_gpu_hour))


def _differs(quote: Quote | None, given: Decimal | None) -> bool:
    """No stored quote, or one other than the price the answers give."""
    return quote is None or (given is not None and quote.usd != given)
