"""Build the shipped catalog without re-validating it on every start.

`engine/data/catalog.toml` ships inside the package and cannot change after install; the test
suite validates it against `CatalogData` and checks that `construct_catalog` gives an equal
object with the same types in every field. Validating it again at each start would build the
schemas of eleven entry models, a fifth of `tunewise assess`'s own time. Team price files
are user input and are always validated.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from .schema import CatalogData


def _mentions_decimal(annotation: Any) -> bool:
    if annotation is Decimal:
        return True
    if typing.get_origin(annotation) in (typing.Annotated, typing.Union, types.UnionType):
        return any(_mentions_decimal(arg) for arg in typing.get_args(annotation))
    return False


def _item_model(annotation: Any) -> type[BaseModel] | None:
    """`Entry` for a field annotated `list[Entry]`."""
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


@cache
def _decimal_fields(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(n for n, f in model.model_fields.items() if _mentions_decimal(f.annotation))


@cache
def _item_models(model: type[BaseModel]) -> dict[str, type[BaseModel] | None]:
    """`_item_model` of each field of `model`, worked out once per model, not per entry."""
    return {n: _item_model(f.annotation) for n, f in model.model_fields.items()}


def _construct(model: type[BaseModel], data: dict[str, Any]) -> Any:
    decimals = _decimal_fields(model)
    items = _item_models(model)
    values: dict[str, Any] = {}
    for name, value in data.items():
        item = items[name]
        if item is not None:
            value = [_construct(item, entry) for entry in value]
        elif name in decimals and isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        values[name] = value
    return model.model_construct(**values)


def construct_catalog(data: dict[str, Any]) -> CatalogData:
    """`CatalogData` from the parsed shipped file (floats parsed as `Decimal`), unvalidated."""
    result: CatalogData = _construct(CatalogData, data)
    return result
