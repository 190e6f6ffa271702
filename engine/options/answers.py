"""An option's own numeric answers as ranges and scenarios name them: `options.ID.field`,
`options.ID.training.epochs`, `options.ID.monthly_items.Prompt upkeep`.

The id holds no dot and the item tables are fixed names, so everything after
`options.ID.monthly_items.` is the item's label, dots and all: unambiguous. Each answer is
held to its own field's limits (`engine.ranges.walk_limits`), as the profile's sections are.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import InputError
from ..inputs import Usd
from ..ranges import PRICE_PATHS, Range, bound_problems, numeric_paths, walk_limits
from .inputs import Option

PREFIX = "options."
ITEMS = ("upfront_items", "monthly_items")
OPTION: TypeAdapter[Any] = TypeAdapter(Option)
CATALOG_PRICES = frozenset({p.split(".", 1)[1] for p in PRICE_PATHS} | {"embedding_usd_per_mtok"})
"""Prices an option may leave to the catalog (`prices.input_usd_per_mtok`, …)."""
NOT_GIVEN = "not an answer this option gives (give it a value first; a range is around it)"


def is_option_path(path: str) -> bool:
    return path.startswith(PREFIX)


def split(path: str) -> tuple[str, str]:
    """`options.route.share_to_first` → (`route`, `share_to_first`)."""
    key, _, rest = path.removeprefix(PREFIX).partition(".")
    return key, rest


@lru_cache(maxsize=1)
def _usd() -> TypeAdapter[Any]:
    return TypeAdapter(Usd)


def option_limits(path: str, options: Mapping[str, BaseModel]) -> TypeAdapter[Any]:
    """The validator of the option answer at `path`. Raises `InputError` naming `path` for
    an unknown option or answer, or one that is not a number."""
    key, rest = split(path)
    option = options.get(key)
    if option is None:
        known = ", ".join(sorted(options)) or "none"
        raise InputError(path, f"no option {key!r} (this profile has: {known})")
    head, _, label = rest.partition(".")
    if head in ITEMS and label:
        return _usd()
    found = walk_limits(path, [type(option)], option, rest.split(".")) if rest else None
    if found is not None:
        return found
    close = difflib.get_close_matches(
        path, numeric_paths(type(option), f"{PREFIX}{key}."), n=1, cutoff=0.8
    )
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise InputError(path, f"no such answer of a {option.kind} option{hint}")  # type: ignore[attr-defined]


def value_at(option: BaseModel, rest: str) -> Any:
    """The option's own value at `rest` (None where it gives none)."""
    head, _, label = rest.partition(".")
    if head in ITEMS and label:
        return getattr(option, head).get(label)
    node: Any = option
    for name in rest.split("."):
        node = getattr(node, name, None)
        if node is None:
            return None
    return node


def replaced(option: BaseModel, rest: str, value: Decimal) -> Any:
    """`option` with `value` at `rest` (a count rounded half to even, as the draws are),
    without validating again: the value is within the answer's checked limits."""
    head, _, label = rest.partition(".")
    if head in ITEMS and label:
        return option.model_copy(update={head: {**getattr(option, head), label: value}})
    name, _, tail = rest.partition(".")
    if tail:
        return option.model_copy(update={name: replaced(getattr(option, name), tail, value)})
    current = getattr(option, name)
    whole = isinstance(current, int) and not isinstance(current, bool)
    return option.model_copy(update={name: int(value.to_integral_value()) if whole else value})


def put(data: dict[str, Any], rest: str, value: object) -> None:
    """Put `value` at `rest` in an option's dumped table (an item's label kept whole)."""
    head, _, label = rest.partition(".")
    if head in ITEMS and label:
        data.setdefault(head, {})[label] = value
        return
    *parents, last = rest.split(".")
    for name in parents:
        inner = data.get(name)
        data[name] = inner = dict(inner) if isinstance(inner, dict) else {}
        data = inner
    data[last] = value


def dumped(option: BaseModel) -> dict[str, Any]:
    """The option's table as the profile gives it (its kind always: it picks the model)."""
    return {**option.model_dump(exclude_unset=True), "kind": option.kind}  # type: ignore[attr-defined]


def _with_value(option: BaseModel, rest: str, value: Decimal) -> str | None:
    """What the option's own checks say with `value` at `rest` (None: nothing)."""
    data = dumped(option)
    whole = isinstance(value_at(option, rest), int)
    put(data, rest, int(value.to_integral_value()) if whole else value)
    try:
        OPTION.validate_python(data)
    except ValidationError as exc:
        message = str(exc.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        return message[0].lower() + message[1:]
    return None


def option_range_problems(
    path: str, rng: Range, options: Mapping[str, BaseModel]
) -> list[tuple[str, str]]:
    """What is wrong with the range on option answer `path`, as `engine.ranges.range_problems`
    says it: (`low`, `likely`, `high` or "", message)."""
    try:
        limits = option_limits(path, options)
    except InputError as exc:
        return [("", exc.message)]
    key, rest = split(path)
    option = options[key]
    if value_at(option, rest) is None:
        if rest.partition(".")[0] in ITEMS:
            return [("", "no such line item in this option: a range is around a given cost")]
        if rest in CATALOG_PRICES or rest.endswith(("usd_per_gpu_hour", "usd_per_hour")):
            return [
                (
                    "",
                    "a price the catalog supplies for an option is not ranged: give the "
                    "price in the option, and the range around it",
                )
            ]
        return [
            ("", "not an answer this option gives (give it a value first; a range is around it)")
        ]
    return bound_problems(
        rng, limits, lambda value: _with_value(option, rest, value), "this option's answer"
    )


def option_scenario_problems(
    name: str, values: Mapping[str, Decimal], options: Mapping[str, BaseModel]
) -> list[tuple[tuple[str, ...], str, object]]:
    """What is wrong with scenario `name`'s option answers, each at
    (`scenarios`, NAME, `options`, ID, field…), as the profile's errors are placed."""
    out: list[tuple[tuple[str, ...], str, object]] = []
    tables: dict[str, dict[str, Any]] = {}
    for path, value in values.items():
        key, rest = split(path)
        loc = ("scenarios", name, "options", key, *rest.split("."))
        try:
            option_limits(path, options)
        except InputError as exc:
            out.append((loc, exc.message, value))
            continue
        put(tables.setdefault(key, dumped(options[key])), rest, value)
    for key, data in tables.items():
        try:
            OPTION.validate_python(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                where = tuple(str(x) for x in error["loc"])
                if where and where[0] == data["kind"]:
                    where = where[1:]  # the union's tag, not a field of the file
                message = str(error["msg"]).removeprefix("Value error, ")
                loc = ("scenarios", name, "options", key, *where)
                out.append((loc, message, error["input"]))
    return out


def with_answers(options: Mapping[str, Any], values: Mapping[str, Decimal]) -> dict[str, Any]:
    """`options` with `values` (option paths → value) in place, unvalidated (`replaced`)."""
    out = dict(options)
    for path, value in values.items():
        key, rest = split(path)
        out[key] = replaced(out[key], rest, value)
    return out
