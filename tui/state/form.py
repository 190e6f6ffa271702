"""Between widgets and the `Profile` model: flat answer values keyed by dotted field path.

Widgets hold strings; `values_from_data` fills them from a profile's data and
`data_from_values` reads them back into profile data (posting's `load_request_model` /
`build_request_model`), which `validation.build_profile` validates. Nothing here imports
pydantic, so the first screen is filled from a TOML document before the engine loads.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NamedTuple

from engine.fields import FIELDS, NUMERIC, Kind, rangeable
from engine.fields import YES_NO as YES_NO
from engine.paths import get_path, set_path, table_for

from .typed import (
    NONE,
    ONE_NUMBER,
    RANGE_SEP,
    clean_number,
    is_range,
    is_unknown,
    parse_range_text,
    split_list,
)

if TYPE_CHECKING:
    pass

SELECTS: frozenset[str] = frozenset({"choice", "answer"})
LISTS: frozenset[str] = frozenset({"multi", "list"})


class FieldSpec(NamedTuple):
    """One question: where its answer goes in the profile and how to ask it (a named tuple:
    a dataclass is compiled at import)."""

    path: str
    """Dotted path in the profile document, e.g. `workload.requests_per_month`."""
    label: str
    hint: str = ""
    kind: Kind = "decimal"
    choices: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs for `choice` and `multi` fields; the value "" (the blank of a
    select) leaves the field out. `answer` fields default to `YES_NO`."""
    placeholder: str = "unknown"

    @property
    def rangeable(self) -> bool:
        """Whether the answer may be typed as a range (low..high), the simulation's input."""
        return rangeable(self.path, self.kind)

    @property
    def options(self) -> tuple[tuple[str, str], ...]:
        """The choices offered, `YES_NO` for an `answer`."""
        return self.choices or (YES_NO if self.kind == "answer" else ())


def ask(path: str, hint: str = "", *, placeholder: str = "unknown") -> FieldSpec:
    """The question for the answer at `path`: its label, kind and choices from the field
    registry (`engine.fields`), with the step's `hint` and `placeholder`."""
    field = FIELDS[path]
    return FieldSpec(path, field.label, hint, field.kind, field.choices, placeholder)


class FormErrors(Exception):
    """Answers the model or the engine refused: field path (or section) → one-line reason."""

    def __init__(self, errors: dict[str, str] | None = None) -> None:
        super().__init__(errors)
        self.errors: dict[str, str] = {} if errors is None else errors

    def __str__(self) -> str:
        return "; ".join(f"{k}: {v}" for k, v in self.errors.items())


DERIVED = ("prices", "option_prices", "result")
"""Snapshot tables of a saved profile: recomputed from the answers, never edited."""


def answers_only(document: Mapping[str, Any]) -> dict[str, Any]:
    """`document` without its price and result snapshots (they describe the old answers)."""
    return {k: v for k, v in document.items() if k not in DERIVED}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return format(number.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _answer_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "items" and isinstance(value, Mapping):
        import json  # only for an option's own costs: not on the first screen's path

        return json.dumps({str(k): _text(v) for k, v in value.items()}) if value else ""
    if kind in LISTS and isinstance(value, list | tuple):
        sep = "," if kind == "multi" else ", "
        return sep.join(_text(v) for v in value) if value else NONE
    text = _text(value)
    return "" if kind in SELECTS and is_unknown(text) else text


def values_from_data(
    data: Mapping[str, Any], paths: Iterable[str] | Mapping[str, FieldSpec]
) -> dict[str, str]:
    """The widget text for each field path, "" where the document has no answer (or says
    "unknown" to a select). Pass the specs by path to read lists by their kind."""
    kinds = {p: s.kind for p, s in paths.items()} if isinstance(paths, Mapping) else {}
    ranges = data.get("ranges") or {}
    return {
        path: range_shown(ranges[path], get_path(data, path))
        if path in ranges and kinds.get(path) in NUMERIC
        else _answer_text(get_path(data, path), kinds.get(path, ""))
        for path in paths
    }


def range_shown(entry: Mapping[str, Any], point: Any) -> str:
    """A `[ranges]` entry as the wizard shows it, `25000..50000..80000` (the likely value: the
    entry's own, else the answer's), as `engine.ranges.range_text` writes one."""
    likely = entry.get("likely", point)
    values = [entry.get("low"), likely, entry.get("high")]
    return RANGE_SEP.join(_text(v) for v in values if v is not None)


def _decimal(value: Any) -> Decimal | None:
    """A document's number as a Decimal (None when absent or not a number)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _set_range(
    data: dict[str, Any], base: Mapping[str, Any], path: str, text: str, kind: str
) -> None:
    """Put the typed range `text` for `path` into `data`: the likely value as the answer, and
    low, likely and high in `[ranges]` (its `shape` kept). A range
    equal to the one `base` already holds leaves both as they were, so opening and saving a
    profile writes its ranges back unchanged. Raises `FormErrors` for `path`."""
    if not rangeable(path, kind):
        raise FormErrors({path: ONE_NUMBER})
    point = _decimal(get_path(base, path))
    try:
        low, likely, high = parse_range_text(text, kind, point)
    except ValueError as exc:
        raise FormErrors({path: str(exc)}) from None
    old = (base.get("ranges") or {}).get(path)
    if isinstance(old, Mapping) and point is not None:
        held = tuple(_decimal(old.get(k, point)) for k in ("low", "likely", "high"))
        if held == (low, likely, high):
            return  # `data` is a copy of `base`: answer and entry as they were
    set_path(data, path, _plain(likely))
    entry = {"low": _plain(low), "likely": _plain(likely), "high": _plain(high)}
    if isinstance(old, Mapping) and old.get("shape"):
        entry["shape"] = old["shape"]
    data.setdefault("ranges", {})[path] = entry


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def data_from_values(
    values: Mapping[str, str], base: Mapping[str, Any], kinds: Mapping[str, str]
) -> dict[str, Any]:
    """`base` with every asked field replaced by its answer; unknown answers are left out
    (an empty `kind` drops its whole table, e.g. `fine_tuning.serving`). A number typed as a
    range (`8000..12000`) answers its likely value and sets the field's `[ranges]` entry; one
    typed as a single number (or unknown) drops the entry. Raises `FormErrors` for a range
    that is malformed or on a field that takes none."""
    data: dict[str, Any] = copy.deepcopy(dict(base))
    ranges = data.get("ranges")
    for path, text in values.items():
        kind = kinds.get(path, "text")
        if kind in NUMERIC and is_range(text):
            _set_range(data, base, path, text, kind)
            continue
        if isinstance(ranges, dict) and kind in NUMERIC:
            ranges.pop(path, None)
        *parents, leaf = path.split(".")
        node = table_for(data, path)
        unknown = not text.strip() if kind in {"text", "notes"} else is_unknown(text)
        if unknown:
            if get_path(base, path) == "unknown":
                node[leaf] = "unknown"  # written as unknown in the file: kept as written
                continue
            node.pop(leaf, None)
            if leaf == "kind" and parents:
                owner = get_path(data, ".".join(parents[:-1])) if parents[:-1] else data
                owner.pop(parents[-1], None)
            continue
        if kind == "items":  # an option's own costs: name → USD, as JSON (a name is any text)
            node[leaf] = _items(text)
        elif kind in LISTS:
            node[leaf] = split_list(text)
        elif kind in NUMERIC:
            node[leaf] = clean_number(text, kind)
        else:
            node[leaf] = text.strip()
    if "ranges" in data and not data["ranges"]:
        del data["ranges"]  # the last range typed away: nothing to simulate
    _training_kind(data)
    _drop_empty_tables(data, base)
    return data


def _items(text: str) -> Any:
    """An option's own costs from their answer; text that is not a list of them (a file's
    odd value) as it is, for the model to refuse on its question."""
    try:
        import json

        items = json.loads(text)
    except ValueError:
        return text
    if not isinstance(items, dict):
        return items
    return {str(k): clean_number(str(v), "money") for k, v in items.items()}


GPU_TRAINING = frozenset({"gpu", "gpu_provider", "gpu_count", "hours", "usd_per_gpu_hour"})
"""Answers that only GPU training has: the others (tokens per example, epochs) are hosted."""


def _training_kind(data: dict[str, Any]) -> None:
    """How training is priced follows from what is answered (GPU hours, or tokens per
    example), so the wizard does not ask it; a training left with no answer is dropped. So
    for a fine-tuning option's, but a LoRA template's GPU training (its questions follow it)."""
    own = data.get("fine_tuning")
    options = data.get("options")
    owners = [own, *(options.values() if isinstance(options, dict) else ())]
    for owner in owners:
        training = owner.get("training") if isinstance(owner, dict) else None
        if not isinstance(training, dict):
            continue
        answered = set(training) - {"kind"}
        if not answered and (owner is own or training.get("kind") != "gpu"):
            del owner["training"]
        elif answered and "kind" not in training:
            training["kind"] = "gpu" if answered & GPU_TRAINING else "hosted"


def _drop_empty_tables(data: dict[str, Any], base: Mapping[str, Any]) -> None:
    """Remove the tables that only unknown answers created (`[data]` with nothing known):
    saving must not add empty sections the opened file did not have."""
    for key in list(data):
        value, before = data[key], base.get(key)
        if not isinstance(value, dict):
            continue
        _drop_empty_tables(value, before if isinstance(before, Mapping) else {})
        if not value and key not in base:
            del data[key]
