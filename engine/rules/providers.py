"""Provider constraints and lifecycle from the catalog, judged at the assessment's date.

Guide 003 knew one constraint ('Anthropic does not offer fine-tuning'); the catalog adds
what moved since: OpenAI's self-serve fine-tuning closed to new users, discontinued offers,
retirement dates. A fine-tuning verdict on a closed offering names the date, the source and
the alternatives the catalog knows.
"""

from __future__ import annotations

from ..assessment import Assessment
from ..availability import is_open, offer_text
from ..choices import METHODS
from ..pricebook import Lifecycle
from .facts import Facts
from .framework import Framework
from .verdict import FrameworkVerdict, Gate, Step

ID = "providers"
NAME = "Provider availability"
SOURCE = "engine/data/catalog.toml"


def providers(a: Assessment, f: Facts) -> FrameworkVerdict:
    """Can the fine-tuning be done where the team chose to build, on the assessment's date?"""
    chosen = a.team.providers
    m = f.base_model
    if chosen is None and m is not None and m.open_weights and f.method not in (None, "hosted"):
        return _own_weights(f, m)
    judged = [o.provider for o in f.offers] + list(f.unknown_providers)
    if chosen is not None:
        first = Step(
            question="Which providers are chosen?",
            answer=", ".join(chosen) or "none",
            because="answered in the assessment",
            next="judge each at the date",
        )
    elif judged:
        first = Step(
            question="Which providers are chosen?",
            answer="unknown",
            because="not answered",
            next=f"judging the fine-tuning path's provider: {', '.join(judged)}",
        )
    else:
        first = Step(
            question="Which providers are chosen?",
            answer="unknown",
            because="not answered, and the fine-tuning path names no provider",
            next="cannot judge availability",
        )
    path = [first]
    for offer in f.offers:
        ok = is_open(offer, f.on)
        path.append(
            Step(
                question=f"Can a new customer fine-tune on {offer.name} on {f.on.isoformat()}?",
                answer="yes" if ok else "no",
                because=offer_text(offer, f.on),
                next=offer.note,
            )
        )
    for provider in f.unknown_providers:
        path.append(
            Step(
                question=f"Can a new customer fine-tune on {provider}?",
                answer="unknown",
                because="the catalog does not know this provider",
                next="check the provider's own documentation",
            )
        )
    if m is not None and m.retires_on is not None:
        alive = m.retires_on > f.on
        path.append(
            Step(
                question=f"Is {m.name} (the fine-tuning base model) still served on "
                f"{f.on.isoformat()}?",
                answer="yes" if alive else "no",
                because=f"retires on {m.retires_on.isoformat()} ({m.source}, as of {m.as_of})",
                next=("whatever is built on it must move by then" if alive else "retired")
                + (
                    f"; its provider names {m.replacement_in_words} as the replacement"
                    if m.replaced_by
                    else ""
                ),
            )
        )
    verdict: Gate
    if any(is_open(o, f.on) for o in f.offers):
        verdict = "open"
        says = "fine-tuning is available on a judged provider at the assessment's date"
    elif f.offers:
        verdict = "closed"
        says = "; ".join(offer_text(o, f.on) for o in f.offers)
    else:
        verdict = "unknown"
        says = "no provider the catalog knows was judged"
    if m is not None and m.retires_on is not None and m.retires_on <= f.on:
        if verdict == "open":
            says = "the provider still fine-tunes other models, not this one"
        instead = f", replaced by {m.replacement_in_words}" if m.replaced_by else ""
        verdict = "closed"
        says = f"{m.name} was retired on {m.retires_on.isoformat()} ({m.source}){instead}; " + says
    return FrameworkVerdict(
        id=ID, name=NAME, source=SOURCE, verdict=verdict, says=says, path=tuple(path)
    )


def _own_weights(f: Facts, m: Lifecycle) -> FrameworkVerdict:
    """An open-weights base model tuned by the team (LoRA, QLoRA, full): no provider's
    fine-tuning offering can close under it (the model's own provider offers none to judge)."""
    how = METHODS.get(f.method or "", f.method or "")
    step = Step(
        question=f"Can {m.name} be fine-tuned ({how}) without a provider's fine-tuning offer?",
        answer="yes",
        because=f"its weights are open ({m.source}, as of {m.as_of})",
        next="the team trains and serves it where it chooses: no offering to judge",
    )
    return FrameworkVerdict(
        id=ID,
        name=NAME,
        source=SOURCE,
        verdict="open",
        says=f"{m.name} has open weights: {how} needs no provider's fine-tuning offering",
        path=(step,),
    )


FRAMEWORK = Framework(id=ID, name=NAME, guide=None, run=providers, role="catalog")
