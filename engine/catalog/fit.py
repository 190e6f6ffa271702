"""Whether a stored price book still prices the cache lifetime, fine-tuned tier and hourly
training the answers choose (a profile's price snapshot is reused only while it does)."""

from __future__ import annotations

from ..inputs import FineTuningPath, HourlyServing, HourlyTraining, PromptingPath, TokenServing
from ..pricebook import PriceBook, TokenQuotes
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
