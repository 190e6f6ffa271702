"""What a simulation reads, checked once: the ranged answers against the profile's inputs.

Its own module so that the simulation and the sensitivity analysis (both read a `Setup`)
import it one way, not each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..errors import InputError
from ..inputs import CostInputs
from ..options.answers import is_option_path, option_range_problems, split, value_at
from ..pricebook import PriceBook
from ..ranges import Range, range_problems
from ..result import CostResult
from .fastpath import Structure, point_values
from .sampling import DIMENSIONS


@dataclass(frozen=True)
class Setup:
    """Everything a simulation reads, checked once."""

    inputs: CostInputs
    book: PriceBook
    structure: Structure
    point: dict[str, float]
    ranges: dict[str, tuple[float, float, float, str | None]]
    """Dotted path → (low, likely, high, shape or None)."""
    whole: frozenset[str]
    """Ranged answers that are whole numbers (draws are rounded)."""
    horizon: int
    option_ranges: dict[str, tuple[float, float, float, str | None]] = field(default_factory=dict)
    """Ranged answers of named options (`options.ID.field`): they move only those options'
    costs (`engine.uncertainty.options`), drawn after the others' dimensions."""
    option_point: dict[str, float] = field(default_factory=dict)
    """Each ranged option answer's own value (the engine's figures are at it)."""


def prepare(
    inputs: CostInputs,
    book: PriceBook,
    result: CostResult,
    ranges: Mapping[str, Range],
    options: Mapping[str, Any] | None = None,
) -> Setup:
    """Check `ranges` against the inputs: every key a numeric answer the profile uses, every
    bound a value the answer itself may take (`engine.ranges.range_problems`, as on load).
    Ranges on named options' answers are checked against `options` (without it they are
    left out).

    Raises `InputError` naming `ranges.<path>` in one line otherwise.
    """
    values = point_values(inputs, book)
    if len(ranges) > DIMENSIONS:
        raise InputError(
            "ranges", f"{len(ranges)} ranged answers; the simulation draws at most {DIMENSIONS}"
        )
    own = {p: r for p, r in ranges.items() if is_option_path(p)}
    ranges = {p: r for p, r in ranges.items() if p not in own}
    answers = {
        "workload": inputs.workload,
        "prompting": inputs.prompting,
        "fine_tuning": inputs.fine_tuning,
    }
    checked: dict[str, tuple[float, float, float, str | None]] = {}
    whole = set()
    for path, rng in ranges.items():
        field = f"ranges.{path}"
        problems = range_problems(path, rng, answers)
        if problems:
            which, problem = problems[0]
            raise InputError(f"{field}.{which}" if which else field, problem)
        quotes = {"prompting": book.prompting, "fine_tuning": book.fine_tuned}.get(
            path[: -len(".cached_prefix_share")]
        )
        if (
            path.endswith(".cached_prefix_share")
            and rng.high
            and (quotes is None or quotes.cached_input is None)
        ):
            raise InputError(
                f"{field}.high",
                "this model has no cached-input price: a share above 0 cannot be priced",
            )
        if path not in values:
            raise InputError(
                field,
                f"{path} is not a numeric answer this profile gives "
                "(give the answer a value first; a range is around it)",
            )
        low, likely, high = rng.around(Decimal(values[path]))
        if not low <= likely <= high:
            raise InputError(field, f"the answer {likely} is outside its range {low}..{high}")
        if isinstance(values[path], int):
            whole.add(path)
        checked[path] = (float(low), float(likely), float(high), rng.shape)
    option_ranges, option_point = _option_ranges(own, options or {}, whole)
    return Setup(
        option_ranges=option_ranges,
        option_point=option_point,
        inputs=inputs,
        book=book,
        structure=Structure.of(inputs, book, result.finetune),
        point={k: float(v) for k, v in values.items()},
        ranges=checked,
        whole=frozenset(whole),
        horizon=inputs.workload.horizon_months,
    )


def _option_ranges(
    ranges: Mapping[str, Range], options: Mapping[str, Any], whole: set[str]
) -> tuple[dict[str, tuple[float, float, float, str | None]], dict[str, float]]:
    """The ranges on options' answers, checked as on load; `whole` gains the counts."""
    checked: dict[str, tuple[float, float, float, str | None]] = {}
    point: dict[str, float] = {}
    if not options:
        return checked, point
    for path, rng in ranges.items():
        problems = option_range_problems(path, rng, options)
        if problems:
            which, problem = problems[0]
            raise InputError(f"ranges.{path}.{which}" if which else f"ranges.{path}", problem)
        key, rest = split(path)
        value = value_at(options[key], rest)
        low, likely, high = rng.around(Decimal(value))
        if isinstance(value, int):
            whole.add(path)
        checked[path] = (float(low), float(likely), float(high), rng.shape)
        point[path] = float(value)
    return checked, point
