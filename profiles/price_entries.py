"""What the catalog knows about a model, GPU or hosting offer, as `Entry` rows: each price with
its confidence, the date it took effect or was seen, and its source (`tunewise prices` lays
them out: `profiles.listing`). Over 300 lines, kept whole: a function for each kind of entry
(inference, training, fine-tuned, status, GPU, hosting) and `price_entries` joining them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TypedDict

from engine.catalog import Catalog, split_id
from engine.catalog import genai as genai_prices
from engine.catalog.schema import Sourced, TrainingPrice
from engine.errors import InputError
from engine.money import unit_price, usd

CONFIDENCE = {
    "primary": "list price",
    "secondary": "secondary",
    "uncertain": "illustrative",
    "given": "given",
}
"""How each catalog confidence reads beside a price."""
METHODS = ("sft", "lora", "full", "dpo", "rft")
"""Training methods `tunewise prices <method>` lists the offers of."""


@dataclass(frozen=True)
class Entry:
    """One line of the listing: a price or a fact about a model, GPU or offer."""

    id: str
    kind: str
    """`inference`, `training`, `fine-tuned`, `hosting`, `gpu-hour`, `fine-tuning`, `retires`."""
    text: str
    source: str
    confidence: str
    """`list price`, `secondary`, `illustrative` (see `CONFIDENCE`)."""
    effective: str | None
    """When the price took effect or was seen (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), if known."""
    usd: dict[str, str] = field(default_factory=dict)
    """The amounts, exact decimal strings, by what they buy (`input_per_mtok`, …)."""
    method: str | None = None
    note: str = ""


class _Cite(TypedDict):
    source: str
    confidence: str
    effective: str | None


def _sourced(catalog: Catalog, entry: Sourced) -> _Cite:
    return {
        "source": catalog.source_title(entry),
        "confidence": CONFIDENCE[entry.confidence],
        "effective": entry.as_of,
    }


def _inference(catalog: Catalog, model_id: str, on: date) -> Entry | None:
    own = catalog.token_prices.get(model_id)
    if own is not None:
        return Entry(
            id=model_id,
            kind="inference",
            text=f"{usd(own.input_usd_per_mtok)} in / {usd(own.output_usd_per_mtok)} out per 1M",
            usd={
                "input_per_mtok": str(own.input_usd_per_mtok),
                "output_per_mtok": str(own.output_usd_per_mtok),
            },
            **_sourced(catalog, own),
        )
    if not catalog.use_genai:
        return None
    provider, name = split_id(model_id, "model")
    facts = catalog.models.get(model_id)
    ref = (facts.genai_prices_ref if facts else None) or name
    found = genai_prices.lookup(provider, ref, on)
    if found is None:
        return None
    release, _ = genai_prices.release()
    steps = "".join(
        f"; from {start:,} prompt tokens {usd(inp)} in / {usd(out)} out"
        for start, inp, out in genai_prices.tier_steps(provider, ref, on)
    )
    return Entry(
        id=model_id,
        kind="inference",
        text=f"{usd(found.input)} in / {usd(found.output)} out per 1M{steps}",
        usd={"input_per_mtok": str(found.input), "output_per_mtok": str(found.output)}
        | {
            key: str(value)
            for key, value in (
                ("cached_input_per_mtok", found.cached_input),
                ("cache_write_per_mtok", found.cache_write),
                ("cache_write_1h_per_mtok", found.cache_write_1h),
            )
            if value is not None
        },
        source=f"{found.provider_name} pricing via {release}",
        confidence=CONFIDENCE["primary"],
        effective=found.effective.isoformat() if found.effective else None,
        note="" if found.effective else f"price undated in {release}",
    )


def _training(catalog: Catalog, key: str, t: TrainingPrice) -> Entry:
    parts, amounts = [], {}
    if t.usd_per_mtok is not None:
        parts.append(f"{unit_price(t.usd_per_mtok)} per 1M tokens")
        amounts["per_mtok"] = str(t.usd_per_mtok)
    if t.usd_per_hour is not None:
        parts.append(f"{unit_price(t.usd_per_hour)} per hour")
        amounts["per_hour"] = str(t.usd_per_hour)
    if t.min_charge_usd is not None:
        parts.append(f"minimum {usd(t.min_charge_usd)} a job")
        amounts["min_charge"] = str(t.min_charge_usd)
    if t.min_examples is not None:
        parts.append(f"at least {t.min_examples} examples")
    return Entry(
        id=key,
        kind="training",
        text=f"{t.method}: " + ", ".join(parts),
        usd=amounts,
        method=t.method,
        note=t.note,
        **_sourced(catalog, t),
    )


def _fine_tuned(catalog: Catalog, model_id: str, on: date) -> Entry | None:
    own = catalog.ft_inference.get(model_id)
    if own is not None and own.serving in ("provisioned", "base_plus_hourly"):
        text = {
            "provisioned": "provisioned / dedicated capacity, billed by the hour",
            "base_plus_hourly": "base token rate + an hourly fee per deployment",
        }[own.serving]
        return Entry(
            id=model_id, kind="fine-tuned", text=text, note=own.note, **_sourced(catalog, own)
        )
    try:
        ft = catalog.finetuned_prices(model_id, on, "model")
    except InputError:
        return None
    quote = ft.input
    release = genai_prices.release()[0]
    from_genai = release in quote.source  # genai-prices does not date its fine-tuned prices
    return Entry(
        id=model_id,
        kind="fine-tuned",
        text=f"{usd(ft.input.usd)} in / {usd(ft.output.usd)} out per 1M",
        usd={"input_per_mtok": str(ft.input.usd), "output_per_mtok": str(ft.output.usd)},
        source=quote.source,
        confidence=CONFIDENCE.get(quote.confidence, quote.confidence),
        effective=None if from_genai else quote.as_of,
        note=f"price undated in {release}" if from_genai else quote.note,
    )


def _status(catalog: Catalog, provider: str, on: date) -> Entry | None:
    p = catalog.availability(provider, on)
    facts = catalog.providers.get(provider)
    if p is None or facts is None:
        return None
    text = {
        "open": "open",
        "closed_to_new_users": "closed to new users",
        "partner_only": "not on its own API",
        "not_offered": "not offered",
        "discontinued": "discontinued",
    }[p.fine_tuning]
    text = f"{p.name}: {text}"
    if p.since:
        text += f" since {p.since.isoformat()}"
    if p.jobs_until:
        text += f"; jobs until {p.jobs_until.isoformat()}"
    if p.alternatives:
        text += f"; alternatives: {', '.join(p.alternatives)}"
    return Entry(
        id=provider, kind="fine-tuning", text=text, note=p.note, **_sourced(catalog, facts)
    )


def _model_entries(catalog: Catalog, model_id: str, on: date) -> list[Entry]:
    facts = catalog.models.get(model_id)
    provider, _ = split_id(model_id, "model")
    out = [e for e in (_inference(catalog, model_id, on),) if e]
    training = catalog.training.get(model_id)
    if training is not None:
        out.append(_training(catalog, model_id, training))
    offered = training is not None or model_id in catalog.ft_inference
    if offered:
        out += [e for e in (_fine_tuned(catalog, model_id, on),) if e]
    status = _status(catalog, provider, on)
    if status is not None and (offered or not status.text.endswith(": open")):
        out.append(replace(status, id=model_id))
    elif facts is not None and facts.open_weights:
        out.append(
            Entry(
                id=model_id,
                kind="fine-tuning",
                text="open weights: train on GPUs (`tunewise prices gpu`) or a hosted "
                "LoRA offer (`tunewise prices lora`)",
                **_sourced(catalog, facts),
            )
        )
    if facts and facts.retires_on:
        verb = "retired" if facts.retires_on <= on else "retires"
        instead = f"; replaced by {facts.replaced_by}" if facts.replaced_by else ""
        out.append(
            Entry(
                id=model_id,
                kind=verb,
                text=facts.retires_on.isoformat() + instead,
                note=facts.note,
                **_sourced(catalog, facts),
            )
        )
    return out


def _brackets(catalog: Catalog) -> list[str]:
    """Training and serving offers that are not models (`together:lora-up-to-16b`)."""
    keys = [k for k in catalog.training if k not in catalog.models]
    keys += [k for k in catalog.ft_inference if k not in catalog.models and k not in keys]
    return keys


def _bracket_entries(catalog: Catalog, key: str, on: date) -> list[Entry]:
    out = []
    if key in catalog.training:
        out.append(_training(catalog, key, catalog.training[key]))
    if key in catalog.ft_inference:
        out += [e for e in (_fine_tuned(catalog, key, on),) if e]
    return out


def _gpu_entries(catalog: Catalog, gpu_id: str) -> list[Entry]:
    offers = sorted(catalog.gpu_offers.get(gpu_id, []), key=lambda o: o.usd_per_hour)
    return [
        Entry(
            id=gpu_id,
            kind="gpu-hour",
            text=f"{unit_price(o.usd_per_hour)}/h {o.provider} {o.offer}",
            usd={"per_hour": str(o.usd_per_hour)},
            note=o.note,
            **_sourced(catalog, o),
        )
        for o in offers
    ]


def _hosting_entries(catalog: Catalog, needle: str) -> list[Entry]:
    out = []
    for h in catalog.hosting.values():
        if needle and needle not in h.id.lower() and needle != h.provider:
            continue
        rate = (
            f"{unit_price(h.usd_per_hour)} per hour"
            if h.usd_per_hour is not None
            else f"{usd(h.usd_per_month or Decimal(0))} a month"
        )
        out.append(
            Entry(
                id=h.id,
                kind="hosting",
                text=f"{rate}: {h.applies_to}",
                usd={
                    "per_hour" if h.usd_per_hour is not None else "per_month": str(
                        h.usd_per_hour if h.usd_per_hour is not None else h.usd_per_month
                    )
                },
                note=h.note,
                **_sourced(catalog, h),
            )
        )
    return out


def price_entries(catalog: Catalog, needle: str = "", on: date | None = None) -> list[Entry]:
    """Every entry matching `needle`: a substring of a model, offer or GPU id, a provider, or a
    training method (`lora`, `full`, `rft`, `dpo`, `sft`). Raises `InputError` naming the
    nearest ids when nothing matches."""
    on = on or date.today()
    needle = needle.lower().strip()
    method = needle if needle in METHODS else None
    ids = [m for m in catalog.models if needle in m.lower()]
    if needle and catalog.use_genai and not method:
        known = set(ids)
        ids += [m for m in genai_prices.model_ids() if needle in m.lower() and m not in known][:40]
    out: list[Entry] = []
    for model_id in ids:
        out += _model_entries(catalog, model_id, on)
    for key in _brackets(catalog):
        if not needle or needle in key.lower():
            out += _bracket_entries(catalog, key, on)
    if method:
        shown = {(e.id, e.kind) for e in out}
        for key, t in catalog.training.items():
            if t.method == method and (key, "training") not in shown:
                out.append(_training(catalog, key, t))
    if needle:
        out += _hosting_entries(catalog, needle)
    gpus = [
        g.id
        for g in catalog.gpus.values()
        if not needle or needle in g.id or needle in "gpu" or needle in g.name.lower()
    ]
    for gpu_id in gpus:
        out += _gpu_entries(catalog, gpu_id)
    if needle and not out:
        every = list(catalog.models) + _brackets(catalog) + list(catalog.gpus)
        if catalog.use_genai:
            every += genai_prices.model_ids()
        close = difflib.get_close_matches(needle, list(dict.fromkeys(every)), n=5, cutoff=0.6)
        hint = f"; nearest: {', '.join(close)}" if close else ""
        raise InputError("filter", f"no model, offer or GPU matches {needle!r}{hint}")
    return out
