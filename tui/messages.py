"""App-wide messages: past-tense events posted from the catalog worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from engine.catalog import Catalog


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
