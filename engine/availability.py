"""Whether a provider's fine-tuning is open on a date, and the sentence that says so.

One wording for the cost warnings (`engine.checks`) and the providers framework
(`engine.rules.providers`), so a closed offering reads the same everywhere.
"""

from __future__ import annotations

from datetime import date

from .pricebook import Availability

STATUS_TEXT = {
    "open": "is open",
    "closed_to_new_users": "is closed to new users",
    "partner_only": "is not offered on its own API, only through a partner",
    "not_offered": "is not offered",
    "discontinued": "was discontinued",
}
"""How each status reads after `fine-tuning on <provider>`."""

_FUTURE_TEXT = {
    "closed_to_new_users": "closes to new users",
    "discontinued": "is discontinued",
}


def is_open(offer: Availability, on: date) -> bool:
    """Can a new customer create fine-tuning jobs on `on`?"""
    if offer.fine_tuning == "open":
        return True
    if offer.fine_tuning in _FUTURE_TEXT and offer.since is not None:
        return on < offer.since
    return False


def offer_text(offer: Availability, on: date) -> str:
    """`fine-tuning on OpenAI is closed to new users since 2026-05-07 (source, as of …); …`"""
    if is_open(offer, on):
        text = f"fine-tuning on {offer.name} is open on {on.isoformat()}"
        if offer.since is not None and offer.fine_tuning in _FUTURE_TEXT:
            text += f"; on {offer.since.isoformat()} it {_FUTURE_TEXT[offer.fine_tuning]}"
    else:
        when = ""
        if offer.since is not None:
            when = (
                f" on {offer.since}"
                if offer.fine_tuning == "discontinued"
                else f" since {offer.since}"
            )
        text = f"fine-tuning on {offer.name} {STATUS_TEXT[offer.fine_tuning]}{when}"
    text += f" ({offer.source}, as of {offer.as_of})"
    if offer.jobs_until is not None:
        text += (
            f"; existing customers can create jobs until {offer.jobs_until.isoformat()}"
            if on <= offer.jobs_until
            else f"; jobs ended on {offer.jobs_until.isoformat()}"
        )
    if offer.alternatives:
        text += f"; alternatives: {', '.join(offer.alternatives_in_words())}"
    return text
