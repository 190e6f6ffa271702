"""Dotted answer paths (`workload.requests_per_day`) into a profile's nested tables.

One walker for every layer: the wizard's form, ranges, scenarios. Pure: no pydantic.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def get_path(data: Any, path: str) -> Any:
    """The value at dotted `path` in nested mappings, or None where any part is missing."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
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
