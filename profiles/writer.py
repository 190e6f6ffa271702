"""The one way tunewise writes a profile: deterministic, comment-free, human-readable TOML.

Keys come in the model's field order (scalars of a table before its sub-tables, as TOML
requires), numbers are written as people write them (`300`, `0.15`, never `3E+2` or
`0.15000000000000002`), and only the fields a profile sets are written, so
load → save gives back the same bytes.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
ALWAYS = frozenset({"kind", "format"})
"""Fields written even when left at their default: union tags and the format version."""


def dumps(model: BaseModel) -> str:
    """`model` as TOML text."""
    lines: list[str] = []
    _table(model, [], lines)
    while lines and lines[0] == "":
        lines.pop(0)
    return "\n".join(lines) + "\n"


def _fields(model: BaseModel) -> list[tuple[str, Any]]:
    chosen = model.model_fields_set | (ALWAYS & set(type(model).model_fields))
    return [
        (name, getattr(model, name))
        for name in type(model).model_fields
        if name in chosen and getattr(model, name) is not None
    ]


def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, list | tuple | dict) and not value)


def _is_table(value: Any) -> bool:
    if isinstance(value, BaseModel):
        return True
    if isinstance(value, dict):
        return True
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(v, BaseModel) for v in value)
    )


def _entries(value: BaseModel | dict[str, Any]) -> list[tuple[str, Any]]:
    if isinstance(value, BaseModel):
        return _fields(value)
    return [(str(k), v) for k, v in value.items() if not _absent(v)]


def _table(value: BaseModel | dict[str, Any], path: list[str], lines: list[str]) -> None:
    entries = _entries(value)
    for key, item in entries:
        if not _is_table(item):
            lines.append(f"{_key(key)} = {_scalar(item)}")
    for key, item in entries:
        if not _is_table(item):
            continue
        sub = [*path, _key(key)]
        if isinstance(item, list | tuple):
            for element in item:
                lines += ["", f"[[{'.'.join(sub)}]]"]
                _table(element, sub, lines)
        else:
            lines += ["", f"[{'.'.join(sub)}]"]
            _table(item, sub, lines)


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"a lone surrogate U+{code:04X} cannot be written")
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def number(value: Decimal) -> str:
    """`300`, `0.15`, `0.0000001`: integers as integers, no exponent, no trailing zeros."""
    if not value.is_finite():
        raise ValueError(f"{value} cannot be written in a profile")
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} in a profile")
