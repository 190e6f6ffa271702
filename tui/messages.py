"""App-wide messages: past-tense events posted from workers (the catalog, the simulation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.uncertainty import Uncertainty

    from .state.evaluation import Evaluation


class CatalogLoaded(Message):
    """The price catalog is loaded and the engine imported: figures can be computed."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog


class CatalogFailed(Message):
    """The price catalog could not be loaded (a malformed team price file)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class Simulated(Message):
    """A simulation finished (posted from its worker) for `evaluation`; `uncertainty` is None
    when it failed, with `error` saying why in one line."""

    def __init__(
        self, evaluation: Evaluation, uncertainty: Uncertainty | None, error: str = ""
    ) -> None:
        super().__init__()
        self.evaluation = evaluation
        self.uncertainty = uncertainty
        self.error = error
