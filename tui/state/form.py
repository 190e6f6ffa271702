"""Between widgets and the `Profile` model: flat answer values keyed by dotted field path.

Widgets hold strings; `values_from_data` fills them from a profile's data and `build_profile`
reads them back into a validated `Profile` (posting's `load_request_model` /
`build_request_model`). Nothing here imports pydantic until a profile is built, so the first
screen can be filled from a TOML document before the engine is loaded.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, NamedTuple

from engine.fields import FIELDS, LIMITS, NUMERIC, Kind, rangeable
from engine.fields import YES_NO as YES_NO
from engine.paths import get_path, set_path, table_for

if TYPE_CHECKING:
    from profiles.model import Profile

SELECTS: frozenset[str] = frozenset({"choice", "answer"})
LISTS: frozenset[str] = frozenset({"multi", "list"})
UNKNOWN = frozenset({"", "unknown", "?", "-", "—"})
"""What a person may type for "I don't know": the field is left out of the profile."""
RANGE_SEP = ".."
"""Between the values of a typed range: `8000..12000` or `8000..10000..12000`."""
NONE = "none"
"""A list answer of "none" (an explicit empty list), as opposed to unknown (left out)."""


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


DERIVED = ("prices", "result")
"""Snapshot tables of a saved profile: recomputed from the answers, never edited."""


def answers_only(document: Mapping[str, Any]) -> dict[str, Any]:
    """`document` without its price and result snapshots (they describe the old answers)."""
    return {k: v for k, v in document.items() if k not in DERIVED}


def is_unknown(text: str) -> bool:
    return text.strip().lower() in UNKNOWN


def clean_number(text: str, kind: str = "decimal") -> str:
    """`$1,500` → `1500`, `5%` → `0.05` (a `percent` keeps `94%` as `94`): what people type,
    as the model reads it."""
    raw = text.strip().replace(",", "").replace("_", "").replace("$", "").replace(" ", "")
    if raw.endswith("%") and kind == "percent":
        return raw[:-1]
    if raw.endswith("%"):
        try:
            return format((Decimal(raw[:-1]) / 100).normalize(), "f")
        except InvalidOperation:
            return raw
    return raw


def parse_number(text: str, kind: str) -> Decimal | None:
    """The number typed, or None when it is not one of `kind` (a count must be whole)."""
    try:
        value = Decimal(clean_number(text, kind))
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if kind == "count" and value != value.to_integral_value():
        return None
    return value


ONE_NUMBER = "one number here: ranges are for volumes, tokens and costs"
"""The reason a range is refused on a field the simulation does not range."""
RANGE_FORM = "a range is low..high or low..likely..high"
"""The reason a malformed range is refused (the field's value is shown above it)."""


def is_range(text: str) -> bool:
    """Whether `text` is typed as a range rather than one number."""
    return RANGE_SEP in text


ABOVE = {
    "share": "a fraction from 0 to 1 (or a percentage like 5%)",
    "percent": "a percentage from 0 to 100",
}
"""Why a number above its kind's ceiling is refused."""


def number_problem(value: Decimal, kind: str) -> str | None:
    """Why `value` cannot answer a field of `kind` (its `engine.fields.LIMITS`), or None."""
    low, high = LIMITS.get(kind, (Decimal(0), None))
    if value < low:
        return "cannot be negative"
    if high is not None and value > high:
        return ABOVE.get(kind, f"at most {high}")
    return None


def parse_range_text(
    text: str, kind: str, point: Decimal | None = None
) -> tuple[Decimal, Decimal, Decimal]:
    """`8000..12000` or `8000..10000..12000` as (low, likely, high), each value read as a
    number of `kind` is (`$8,000`, `5%`), by `engine.ranges.bounds` (a count's midpoint is a
    whole number). Raises `ValueError` with a one-line reason."""
    from engine.ranges import LOW_ABOVE_HIGH, bounds

    parts = text.split(RANGE_SEP)
    values = [parse_number(part, kind) if part.strip() else None for part in parts]
    if len(parts) not in (2, 3) or None in values:
        whole = " of whole numbers" if kind == "count" and len(parts) in (2, 3) else ""
        raise ValueError(RANGE_FORM + whole)
    numbers = [v for v in values if v is not None]
    for number in numbers:
        problem = number_problem(number, kind)
        if problem is not None:
            raise ValueError(problem)
    try:
        return bounds(numbers, point, whole=kind == "count")
    except ValueError as exc:
        fix = ": write low..high" if str(exc) == LOW_ABOVE_HIGH else ""
        raise ValueError(f"{exc}{fix}") from None


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


def split_list(text: str) -> list[str]:
    """A list answer's items: `few_shot,rag` → `["few_shot", "rag"]`; `none` → `[]`."""
    if text.strip().lower() == NONE:
        return []
    return [item.strip() for item in text.split(",") if item.strip()]


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
        if kind in LISTS:
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


GPU_TRAINING = frozenset({"gpu", "gpu_provider", "gpu_count", "hours", "usd_per_gpu_hour"})
"""Answers that only GPU training has: the others (tokens per example, epochs) are hosted."""


def _training_kind(data: dict[str, Any]) -> None:
    """How training is priced follows from what is answered (GPU hours, or tokens per
    example), so the wizard does not ask it; a training left with no answer is dropped."""
    training = (data.get("fine_tuning") or {}).get("training")
    if not isinstance(training, dict):
        return
    answered = set(training) - {"kind"}
    if not answered:
        del data["fine_tuning"]["training"]
    elif "kind" not in training:
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


ASKED_FOR: dict[str, str] = {
    "fine_tuning.training.usd_per_mtok": "fine_tuning.base_model",
    "fine_tuning.training.examples": "data.labelled_examples",
    "fine_tuning.serving.prices": "fine_tuning.base_model",
    "fine_tuning.serving.usd_per_hour": "fine_tuning.base_model",
    "fine_tuning.serving.usd_per_gpu_hour": "fine_tuning.serving.gpu",
    "fine_tuning.training.usd_per_gpu_hour": "fine_tuning.training.gpu",
    "fine_tuning.serving": "fine_tuning.serving.kind",
    "prompting.prices": "prompting.model",
}
"""Profile fields the wizard does not ask, and the question whose answer they follow from
(a price the catalog lacks is the base model's): an error there is shown on that question."""


def _locate(loc: tuple[Any, ...], message: str, known: Iterable[str]) -> list[str]:
    """The asked fields an error is about: the loc itself (or the question it follows from),
    else every asked field of the section its message names (`give exactly one of
    requests_per_day or ...` marks both), else the section."""
    known = list(known)
    parts = [str(p) for p in loc if isinstance(p, str)]
    if parts[:1] == ["ranges"]:  # a range's error (`ranges.workload.x.high`) is its answer's
        parts = parts[1:]
    for end in range(len(parts), 0, -1):
        path = ".".join(parts[:end])
        path = ASKED_FOR.get(path, path)
        if path in known:
            return [path]
    section = parts[0] if parts else ""
    words = set(re.findall(r"[a-z_]+", message))
    named = [p for p in known if p.startswith(section + ".") and p.rsplit(".", 1)[-1] in words]
    return named or [".".join(parts) or "profile"]


def locate(field_path: str, message: str, known: Iterable[str]) -> list[str]:
    return _locate(tuple(field_path.split(".")), message, known)


def build_profile(
    values: Mapping[str, str], base: Mapping[str, Any], kinds: Mapping[str, str]
) -> Profile:
    """The validated profile for these answers, or `FormErrors` naming each refused field."""
    return validate_answers(data_from_values(values, base, kinds), values)


def validate_answers(data: Mapping[str, Any], values: Mapping[str, str]) -> Profile:
    """`data` (from `data_from_values`) as a validated profile, or `FormErrors` naming each
    refused field among `values`."""
    from pydantic import ValidationError

    from profiles.model import Profile

    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for err in exc.errors(include_url=False):
            message = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":  # e.g. a serving GPU beside per-token serving
                message = "not used by what is chosen above it (clear it, or change that)"
            for path in _locate(tuple(err["loc"]), message, values):
                # The field names the message ends with find the questions; the question
                # shows the words alone.
                errors.setdefault(path, in_words(message))
        raise FormErrors(errors) from None


_KEY_NOTE = re.compile(r" \((?:[a-z][a-z_]*(?:, )?)+\)$")
"""A message's closing list of profile field names: `… (requests_per_month, …)`."""


def in_words(message: str) -> str:
    """`message` as a question shows it: without the field names it ends with (they found
    the question; the person reads the words)."""
    return _KEY_NOTE.sub("", message)
