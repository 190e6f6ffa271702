"""`tunewise prices`: what the catalog knows, each price with its confidence and date.

Every entry says how far to trust it (`list price`: the provider's own page; `secondary`: a
copy or report; `illustrative`: an example or estimate, not a price to rely on) and the date
it was seen or took effect. Text fits 80 columns; `--format json` gives the same entries.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass
from datetime import date

from engine.catalog import Catalog
from engine.catalog import genai as genai_prices

from .price_entries import price_entries

WIDTH = 80
INDENT = " " * 14


def _title(catalog: Catalog, entry_id: str) -> str:
    facts = catalog.models.get(entry_id)
    gpu = catalog.gpus.get(entry_id)
    if facts is not None:
        return f"{entry_id}  ({facts.name})"
    if gpu is not None:
        return f"{entry_id}  ({gpu.name}, {gpu.memory_gb} GB)"
    return entry_id


def _wrap(text: str, first: str, rest: str = INDENT) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
    )


def price_listing(catalog: Catalog, needle: str = "", on: date | None = None) -> str:
    """The entries as text, grouped by id, within 80 columns."""
    entries = price_entries(catalog, needle, on)
    if not needle:  # GPU offers only when asked for: the full list is long
        entries = [e for e in entries if e.kind != "gpu-hour"]
    out: list[str] = []
    current = None
    for e in entries:
        if e.id != current:
            current = e.id
            out += _wrap(_title(catalog, e.id), "")
        dated = e.effective or "undated"
        out += _wrap(f"{e.text} [{e.confidence}, {dated}]", f"  {e.kind:<11} ")
        out += _wrap(e.source, INDENT)
    if catalog.reviewed_on:
        out.append("")
        out += _wrap(
            f"catalog reviewed {catalog.reviewed_on.isoformat()}; base prices from "
            f"{genai_prices.release()[0]}; [confidence, date the price took effect or was "
            "seen]; --format json for every field",
            "",
            "",
        )
    return "\n".join(out) + "\n"


def price_json(catalog: Catalog, needle: str = "", on: date | None = None) -> str:
    """The entries as JSON: confidence and effective date for every one."""
    entries = price_entries(catalog, needle, on)
    data = {
        "catalog_reviewed_on": catalog.reviewed_on.isoformat() if catalog.reviewed_on else None,
        "genai_prices": genai_prices.release()[0] if catalog.use_genai else None,
        "entries": [asdict(e) for e in entries],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class PriceQuery:
    """What `tunewise prices` was asked: the document its formats render."""

    catalog: Catalog
    needle: str = ""
    on: date | None = None


def query_text(q: PriceQuery) -> str:
    return price_listing(q.catalog, q.needle, q.on)


def query_json(q: PriceQuery) -> str:
    return price_json(q.catalog, q.needle, q.on)


def update_prices(today: date) -> tuple[bool, str]:
    """`tunewise prices --update`: (done, the one line to show). Fetches genai-prices' newest
    data over the network, only when asked; later runs price with it."""
    try:
        path, models = genai_prices.update(today)
    except genai_prices.UpdateFailed as exc:
        return False, f"{exc}; prices unchanged"
    return True, f"genai-prices data fetched {today}: {models:,} models, saved to {path}"
