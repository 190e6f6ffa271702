"""The dated, sourced price catalog: `load_catalog()` gives a `Catalog`."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from ..tomlfile import load_model, parse_toml, read_text
from .catalog import Catalog
from .given import split_id
from .schema import CatalogData, PriceFile
from .trusted import construct_catalog

__all__ = ["Catalog", "builtin_data", "load_catalog", "split_id", "user_prices_path"]


@cache
def builtin_data() -> CatalogData:
    """tunewise's own `engine/data/catalog.toml`, shipped with the package (validated by the
    test suite, not at each start: see `trusted`)."""
    # Beside this package, not through importlib.resources (which loads zipfile and its
    # readers): the package is installed as files, as `launch` finds the examples.
    path = Path(__file__).resolve().parents[1] / "data" / "catalog.toml"
    text = read_text(path)
    return construct_catalog(parse_toml(path, text, parse_float=Decimal))


def user_prices_path() -> Path:
    """`prices.toml` in the user's config folder for tunewise (platformdirs: on Linux
    `$XDG_CONFIG_HOME/tunewise`, else `~/.config/tunewise`): a team's standing overrides."""
    from platformdirs import user_config_path

    return user_config_path("tunewise", appauthor=False) / "prices.toml"


def load_catalog(prices: Path | None = None, *, user_config: bool = True) -> Catalog:
    """The built-in catalog overlaid with `prices` (or the user's config file when present).

    Raises `FileError` naming the file and line when a price file is malformed.
    """
    team = None
    if prices is None and user_config and user_prices_path().is_file():
        prices = user_prices_path()
    if prices is not None:
        team = load_model(prices, PriceFile)
    return Catalog(builtin_data() if team is None or team.use_builtin else None, team)
