"""`tunewise prices`: what the catalog knows, with fine-tuning availability and as-of dates."""

from __future__ import annotations

from datetime import date

from engine.catalog import Catalog, split_id
from engine.catalog import genai as genai_prices
from engine.errors import InputError
from engine.money import usd


def _status(catalog: Catalog, provider: str, on: date) -> str:
    p = catalog.availability(provider, on)
    if p is None:
        return "fine-tuning: unknown"
    text = {
        "open": "fine-tuning open",
        "closed_to_new_users": "fine-tuning closed to new users",
        "partner_only": "no fine-tuning on its own API",
        "not_offered": "no fine-tuning",
        "discontinued": "fine-tuning discontinued",
    }[p.fine_tuning]
    if p.since:
        text += f" since {p.since.isoformat()}"
    if p.jobs_until:
        text += f", jobs until {p.jobs_until.isoformat()}"
    if p.alternatives:
        text += f" (alternatives: {', '.join(p.alternatives)})"
    return text


def _model_lines(catalog: Catalog, model_id: str, on: date) -> list[str]:
    facts = catalog.models.get(model_id)
    provider, _ = split_id(model_id, "model")
    lines = [f"{model_id}" + (f"  ({facts.name})" if facts else "")]
    try:
        base = catalog.base_prices(model_id, on, "model")
        lines.append(
            f"    inference  {usd(base.input.usd, cents=False)} in / "
            f"{usd(base.output.usd, cents=False)} out per 1M — {base.input.cite()}"
        )
    except InputError:
        pass
    training = catalog.training.get(model_id)
    if training is not None and training.usd_per_mtok is not None:
        lines.append(
            f"    training   {usd(training.usd_per_mtok, cents=False)} per 1M tokens — "
            f"{catalog.source_title(training)}, as of {training.as_of}"
        )
    if training is not None or model_id in catalog.ft_inference:
        try:
            ft = catalog.finetuned_prices(model_id, on, "model")
            lines.append(
                f"    fine-tuned {usd(ft.input.usd, cents=False)} in / "
                f"{usd(ft.output.usd, cents=False)} out per 1M — {ft.input.cite()}"
            )
        except InputError:
            pass
    offer = catalog.availability(provider)
    closed = offer is not None and offer.fine_tuning != "open"
    if training is not None or model_id in catalog.ft_inference or closed:
        lines.append(f"    {_status(catalog, provider, on)}")
    else:
        lines.append("    no fine-tuning offer in the catalog")
    if facts and facts.retires_on:
        lines.append(
            f"    retires {facts.retires_on.isoformat()} — "
            f"{catalog.source_title(facts)}, as of {facts.as_of}"
        )
    return lines


def price_listing(catalog: Catalog, needle: str = "", on: date | None = None) -> str:
    on = on or date.today()
    needle = needle.lower()
    ids = [m for m in catalog.models if needle in m.lower()]
    if needle and catalog.use_genai:
        known = set(ids)
        ids += [m for m in genai_prices.model_ids() if needle in m.lower() and m not in known][:40]
    out: list[str] = []
    for model_id in ids:
        out += _model_lines(catalog, model_id, on)
    gpus = [
        g
        for g in catalog.gpus.values()
        if not needle or needle in g.id or needle in "gpu" or needle in g.name.lower()
    ]
    if gpus and (needle or not ids):
        out.append("")
    for gpu in gpus if needle else []:
        offers = sorted(catalog.gpu_offers.get(gpu.id, []), key=lambda o: o.usd_per_hour)
        out.append(f"{gpu.id}  ({gpu.name}, {gpu.memory_gb} GB)")
        out += [
            f"    {usd(o.usd_per_hour):>8}/h  {o.provider} {o.offer} — "
            f"{catalog.source_title(o)}, as of {o.as_of}"
            for o in offers
        ]
    if not out:
        return f"no model or GPU matches {needle!r}\n"
    if catalog.reviewed_on:
        out.append(
            f"\ncatalog reviewed {catalog.reviewed_on.isoformat()}; "
            "base prices from {} (data as of {})".format(*genai_prices.release())
        )
    return "\n".join(out) + "\n"
