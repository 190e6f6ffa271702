"""Ranges: any numeric answer as low / likely / high instead of a point.

A profile keeps its point answers as they are (the point is the *likely* value) and adds an
optional `[ranges]` table keyed by the answer's dotted field path; the wizard types a range as
`8000..12000` (likely: the answer's point value, or the midpoint) or `8000..10000..12000`.
Pure: no I/O, no heavy imports.

Over 300 lines by a few, kept whole: the range model, its parser and the limits a range of
each answer must keep are one contract, read together.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, model_validator

from .errors import InputError
from .fields import NOT_RANGED as NOT_RANGED
from .inputs import FineTuningPath, PromptingPath, Workload
from .paths import get_path

Shape = Literal["triangular", "pert"]
TWO = Decimal(2)
SECTIONS: dict[str, type[BaseModel]] = {
    "workload": Workload,
    "prompting": PromptingPath,
    "fine_tuning": FineTuningPath,
}
"""The answers a range or a scenario may vary, by their section of the profile."""
PRICE_PATHS: dict[str, tuple[str, ...]] = {
    "prompting.prices.input_usd_per_mtok": ("prompting", "input"),
    "prompting.prices.cached_input_usd_per_mtok": ("prompting", "cached_input"),
    "prompting.prices.cache_write_usd_per_mtok": ("prompting", "cache_write"),
    "prompting.prices.output_usd_per_mtok": ("prompting", "output"),
    "fine_tuning.serving.prices.input_usd_per_mtok": ("fine_tuned", "input"),
    "fine_tuning.serving.prices.cached_input_usd_per_mtok": ("fine_tuned", "cached_input"),
    "fine_tuning.serving.prices.cache_write_usd_per_mtok": ("fine_tuned", "cache_write"),
    "fine_tuning.serving.prices.output_usd_per_mtok": ("fine_tuned", "output"),
    "fine_tuning.training.usd_per_mtok": ("training", "per_mtok"),
    "fine_tuning.training.min_charge_usd": ("training", "min_charge"),
    "fine_tuning.training.usd_per_gpu_hour": ("training_gpu", "hour"),
    "fine_tuning.training.usd_per_hour": ("training_hour",),
    "fine_tuning.training.grader_prices.input_usd_per_mtok": ("grader", "input"),
    "fine_tuning.training.grader_prices.output_usd_per_mtok": ("grader", "output"),
    "fine_tuning.serving.usd_per_gpu_hour": ("serving_gpu", "hour"),
    "fine_tuning.serving.usd_per_hour": ("hosting",),
}
"""Input fields whose value the engine reads from the price book (the book holds the given
price when the profile gives one): rangeable even when the profile leaves them to the catalog."""
FLOAT_MAX = Decimal("1e300")
"""The simulation draws in floats: a bound beyond this has no float (nor any meaning)."""


class Range(BaseModel):
    """Where a numeric answer probably lies: at least `low`, most likely `likely`, at most
    `high` (`likely` absent: the answer's point value)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    low: Decimal
    likely: Decimal | None = None
    high: Decimal
    shape: Shape | None = None
    """How samples spread between low and high; the simulation's default (PERT) when absent."""

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        for name in ("low", "likely", "high"):
            value = getattr(self, name)
            if value is not None and not (value.is_finite() and abs(value) <= FLOAT_MAX):
                raise ValueError(f"{name} must be a finite number")
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        if self.likely is not None and not self.low <= self.likely <= self.high:
            raise ValueError(f"likely ({self.likely}) is outside {self.low}..{self.high}")
        return self

    def around(self, point: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """(low, likely, high), the likely value being `point` when the range gives none."""
        likely = point if self.likely is None else self.likely
        return self.low, likely, self.high

    @property
    def collapsed(self) -> bool:
        return self.low == self.high


def _number(text: str, field: str, whole: str) -> Decimal:
    cleaned = text.strip().replace(",", "").replace("_", "").lstrip("$")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = Decimal("NaN")
    if not cleaned or not value.is_finite():
        raise InputError(
            field,
            f"{whole!r:.40} is not a range: write low..high or low..likely..high "
            "(e.g. 8000..12000)",
        )
    return value


LOW_ABOVE_HIGH = "low is above high"
LIKELY_OUTSIDE = "the likely value is outside low..high"


def bounds(
    values: Sequence[Decimal], point: Decimal | None = None, *, whole: bool = False
) -> tuple[Decimal, Decimal, Decimal]:
    """(low, likely, high) from one, two or three values read from a typed range. With two
    the likely value is `point` when it lies inside, else the midpoint (rounded when the
    answer is `whole`). Raises `ValueError` with `LOW_ABOVE_HIGH` or `LIKELY_OUTSIDE`."""
    if len(values) == 1:
        low = likely = high = values[0]
    elif len(values) == 2:
        low, high = values
        if point is not None and low <= point <= high:
            likely = point
        else:
            likely = (low + high) / TWO
            likely = likely.to_integral_value() if whole else likely
    else:
        low, likely, high = values
    if low > high:
        raise ValueError(LOW_ABOVE_HIGH)
    if not low <= likely <= high:
        raise ValueError(LIKELY_OUTSIDE)
    return low, likely, high


def parse_range(text: str, *, field: str, point: Decimal | None = None) -> Range:
    """`8000..12000`, `8000..10000..12000` or `9000` (a point) as a `Range`.

    With two values the likely value is `point` when it lies inside, else the midpoint.
    Raises `InputError` naming `field`, in one line, when `text` is not a range.
    """
    parts = text.split("..")
    if len(parts) > 3:
        raise InputError(field, f"{text!r:.40} has more than three values: low..likely..high")
    try:
        low, likely, high = bounds([_number(p, field, text) for p in parts], point)
    except ValueError as exc:
        fix = "; write low..high" if str(exc) == LOW_ABOVE_HIGH else ""
        raise InputError(field, f"{text!r:.40}: {exc}{fix}") from None
    return Range(low=low, likely=likely, high=high)


def range_text(rng: Range, point: Decimal | None = None) -> str:
    """The wizard's typed form of `rng`: `8000..10000..12000`."""
    likely = rng.likely if rng.likely is not None else point

    def fmt(d: Decimal) -> str:
        return format(d.normalize(), "f") if d != d.to_integral_value() else str(int(d))

    if likely is None:
        return f"{fmt(rng.low)}..{fmt(rng.high)}"
    return f"{fmt(rng.low)}..{fmt(likely)}..{fmt(rng.high)}"


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds (`Serving | None` → the three serving models)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models(arg)]


def _base(annotation: Any) -> Any:
    """The type under `Annotated[...]` and `... | None`."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _base(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        kinds = [a for a in get_args(annotation) if a is not type(None)]
        return _base(kinds[0]) if len(kinds) == 1 else None
    return annotation


@lru_cache(maxsize=256)
def _limits(model: type[BaseModel], name: str) -> TypeAdapter[Any] | None:
    """The answer's own validator (its pydantic constraints), or None when it is not a number.
    A count's range may have fractional bounds (draws are rounded): checked as a Decimal."""
    info = model.model_fields[name]
    base = _base(info.annotation)
    if base is bool or base not in (int, Decimal):
        return None
    annotation: Any = info.annotation
    if base is int:  # the same constraints on a Decimal: Count is ge=0, le=10**12
        constraints = [m for a in _annotated_metadata(info.annotation) for m in a]
        annotation = Annotated[Decimal, *constraints] if constraints else Decimal
    return TypeAdapter(Annotated[annotation, *info.metadata] if info.metadata else annotation)


def _annotated_metadata(annotation: Any) -> Iterator[tuple[Any, ...]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        yield get_args(annotation)[1:]
        yield from _annotated_metadata(get_args(annotation)[0])
    elif origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            yield from _annotated_metadata(arg)


def _numeric_paths(model: type[BaseModel], prefix: str) -> Iterator[str]:
    for name, info in model.model_fields.items():
        inner = _models(info.annotation)
        if inner:
            for sub in inner:
                yield from _numeric_paths(sub, f"{prefix}{name}.")
        elif _limits(model, name) is not None:
            yield f"{prefix}{name}"


def walk_limits(
    path: str, candidates: list[type[BaseModel]], node: Any, names: Sequence[str]
) -> TypeAdapter[Any] | None:
    """The validator at `names` under `candidates` (`node`, the model the profile holds,
    picks the member of a union); None when no such answer. Raises `InputError` naming
    `path` when the answer is not a number."""
    for depth, name in enumerate(names):
        owners = [m for m in candidates if name in m.model_fields]
        if node is not None and type(node) in owners:
            owners = [type(node)]  # the serving or training kind the profile chose
        if not owners:
            return None
        if depth == len(names) - 1:
            found = _limits(owners[0], name)
            if found is None:
                raise InputError(path, "not a number: only numeric answers vary")
            return found
        node = getattr(node, name, None)
        candidates = [m for owner in owners for m in _models(owner.model_fields[name].annotation)]
    return None


def numeric_paths(model: type[BaseModel], prefix: str) -> list[str]:
    """Every numeric answer under `model`, as dotted paths starting with `prefix`."""
    return list(_numeric_paths(model, prefix))


def answer_limits(path: str, answers: Mapping[str, Any] | None = None) -> TypeAdapter[Any]:
    """The validator of the numeric answer at dotted `path` (`workload.monthly_growth`): the
    engine's own field constraints, so a range or a scenario is held to the answer's limits.
    `answers` (the profile's sections) picks the member of a union the profile uses.

    Raises `InputError` naming `path` when it is not a numeric answer."""
    section, *names = path.split(".")
    model = SECTIONS.get(section)
    node: Any = None if answers is None else answers.get(section)
    found = walk_limits(path, [] if model is None else [model], node, names)
    if found is not None:
        return found
    known = [p for s, m in SECTIONS.items() for p in _numeric_paths(m, f"{s}.")]
    close = difflib.get_close_matches(path, known, n=1, cutoff=0.8)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise InputError(path, f"no such answer{hint}")


def limit_problem(limits: TypeAdapter[Any], value: Decimal) -> str | None:
    """What is wrong with `value` as the answer `limits` validates, in words (None: nothing)."""
    try:
        limits.validate_python(value)
    except ValidationError as exc:
        message = str(exc.errors(include_url=False)[0]["msg"])
        return message[0].lower() + message[1:]
    return None


def range_problems(
    path: str, rng: Range, answers: Mapping[str, Any] | None = None
) -> list[tuple[str, str]]:
    """What is wrong with the range on `path`, as (`low`, `likely`, `high` or "", message):
    an answer that takes no range, or a bound the answer itself could not be."""
    if path in NOT_RANGED:
        return [("", "the horizon is a choice, not an estimate: give it no range")]
    try:
        limits = answer_limits(path, answers)
    except InputError as exc:
        return [("", exc.message)]

    def check(value: Decimal) -> str | None:
        return None if answers is None else _with_answers(path, value, answers)

    return bound_problems(rng, limits, check, "this profile's answer")


def bound_problems(
    rng: Range, limits: Any, check: Callable[[Decimal], str | None], whose: str
) -> list[tuple[str, str]]:
    """Each of `rng`'s bounds outside the answer's `limits`, or refused by `check` (the
    answer's own model with that value in place), as (`low`/`likely`/`high`, problem)."""
    out = []
    for which in ("low", "likely", "high"):
        value = getattr(rng, which)
        if value is None:
            continue
        problem = limit_problem(limits, value)
        if problem is not None:
            out.append((which, f"outside the answer's own limits: {problem}"))
            continue
        problem = check(value)
        if problem is not None:
            out.append((which, f"not a value {whose} can take: {problem}"))
    return out


def _with_answers(path: str, value: Decimal, answers: Mapping[str, Any]) -> str | None:
    """What the profile's own checks say with `value` in place of the answer at `path` (e.g.
    an itemised cost ranged above 0 beside a whole `upfront_usd`); None when the profile does
    not give the answer itself (a price the catalog supplies)."""
    section, *names = path.split(".")
    model = answers.get(section)
    if not isinstance(model, BaseModel):
        return None
    data = model.model_dump(exclude_unset=True)
    node = get_path(data, ".".join(names[:-1])) if names[:-1] else data
    if not isinstance(node, dict):
        return None
    current = get_path(model, ".".join(names))
    if names[-1] not in node and current is None:
        return None
    # a count's draws are rounded (half to even, as the simulation's round())
    node[names[-1]] = int(value.to_integral_value()) if isinstance(current, int) else value
    try:
        type(model).model_validate(data)
    except ValidationError as exc:
        message = str(exc.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
        return message[0].lower() + message[1:]
    return None
