"""Where the prices come from: the one provider of the price catalog.

A `CatalogSource` is the built-in catalog (with the user's standing price file), a team price
file, or a catalog already in hand. It loads on first use only (a profile with a price
snapshot needs none) and at most once per process per source: the CLI verbs, the wizard, the
browser, compare and saving all ask one.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.catalog import Catalog

_LOADED: dict[tuple[object, ...], Catalog] = {}
"""Catalogs loaded in this process, by source (a price file changed on disk is a new source)."""
_LOCK = threading.Lock()
"""The app's worker and a screen's worker may ask for the same source at once: one loads."""


class CatalogSource:
    """The catalog to price and judge with, loaded lazily (`get`) and kept (`loaded`)."""

    def __init__(self, prices: Path | None = None, *, catalog: Catalog | None = None) -> None:
        self.prices = prices
        """A team price file overriding the built-in prices (None: the built-in catalog with
        the user's standing price file, when there is one)."""
        self._catalog = catalog

    @classmethod
    def given(cls, catalog: Catalog | CatalogSource | None) -> CatalogSource:
        """`catalog` as a source: one already loaded, or the built-in source when None."""
        if isinstance(catalog, CatalogSource):
            return catalog
        return cls(catalog=catalog)

    @property
    def loaded(self) -> Catalog | None:
        """The catalog if this source has been loaded already (never loads it)."""
        return self._catalog or _LOADED.get(self._key())

    def get(self) -> Catalog:
        """The catalog, loaded now if it has not been. Raises `FileError` for a malformed
        price file."""
        if self._catalog is not None:
            return self._catalog
        with _LOCK:
            key = self._key()
            if key not in _LOADED:
                from engine.catalog import load_catalog

                _LOADED[key] = load_catalog(self.prices)
            self._catalog = _LOADED[key]
        return self._catalog

    def _key(self) -> tuple[object, ...]:
        """The price file this source reads (the standing one when none is named), with its
        size and time: the built-in data alone is ("builtin",)."""
        path = self.prices
        if path is None:
            from engine.catalog import user_prices_path

            path = user_prices_path()
            if not path.is_file():
                return ("builtin",)
        try:
            info = path.stat()
        except OSError:  # loading says why, in one line
            return (str(path),)
        return (str(path.resolve()), info.st_size, info.st_mtime_ns)
