"""Dotted answer paths (`workload.requests_per_day`) into a profile's nested tables.

One walker for every layer, over TOML tables or the models they load into: the wizard's
form, ranges, scenarios. Pure: no pydantic.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def get_path(data: Any, path: str) -> Any:
    """The value at dotted `path` in nested tables or models (`""`: `data` itself), or None
    where any part is missing."""
    node: Any = data
    for part in path.split(".") if path else ():
        if isinstance(node, Mapping):
            node = node.get(part)
        elif hasattr(type(node), "model_fields"):  # a pydantic model: its fields by name
            node = getattr(node, part, None)
        else:
            return None
        if node is None:
            return None
    return node


def table_for(data: dict[str, Any], path: str) -> dict[str, Any]:
    """The table that holds the last part of `path`, its parents made where missing."""
    node = data
    for part in path.split(".")[:-1]:
        node = node.setdefault(part, {})
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Put `value` at dotted `path` in `data`, making the tables on the way."""
    table_for(data, path)[path.rsplit(".", 1)[-1]] = value
