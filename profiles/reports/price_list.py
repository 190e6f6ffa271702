"""Every price an assessment used, with its source: the profile's own paths', then each named
option's (the report's Prices used, the wizard's F2)."""

from __future__ import annotations

from engine.pricebook import PriceBook, Quote, price_rows
from engine.result import OptionsComparison

from .document import PriceRow
from .words import role_words, source_words


def price_list(book: PriceBook, options: OptionsComparison | None = None) -> tuple[PriceRow, ...]:
    """The profile's own prices, then each named option's that are not already listed (a RAG
    option on the baseline adds only its embedding price)."""

    def row(role: str, q: Quote, code: str, option: str = "") -> PriceRow:
        return PriceRow(
            role=code, label=role_words(role), quote=q, cite=source_words(q.cite()), option=option
        )

    rows = [row(role, q, role) for role, q in price_rows(book)]
    seen = {(role, q.model_dump_json()) for role, q in price_rows(book)}
    for o in options.explicit if options is not None else ():
        for role, q in o.prices:
            key = (role, q.model_dump_json())
            if key not in seen:
                seen.add(key)
                rows.append(row(role, q, f"options.{o.id}.{role}", o.name))
    return tuple(rows)
