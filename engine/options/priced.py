"""One option priced: its costs and the time effects on its curve (what `costing` returns
and `compare` and `hybrid` read)."""

from __future__ import annotations

from dataclasses import dataclass

from ..breakeven import Timeline
from ..pricebook import PriceBook, Quote
from ..result import CostWarning, PathCosts


@dataclass(frozen=True)
class Priced:
    """One option's costs and the time effects on its curve."""

    id: str
    name: str
    kind: str
    costs: PathCosts
    time: Timeline
    parts: tuple[str, ...] = ()
    """The ids of the options it is built from (a RAG option's generator, a hybrid's two)."""
    warnings: tuple[CostWarning, ...] = ()
    """The cost engine's warnings about it (a GPU too small, a model retiring), and its
    parts'."""
    prices: tuple[tuple[str, Quote], ...] = ()
    """The prices it was costed at that are its own, by role (`prompting.input`,
    `embedding`): its parts list theirs."""
    book: PriceBook | None = None
    """The price book it was costed at, when it was priced itself (not a hybrid): the
    snapshot a saved profile keeps."""
