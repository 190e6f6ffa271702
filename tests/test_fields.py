"""The field registry (`engine.fields`): what the wizard asks, the engine validates, the
simulation ranges and a diff prices are one table, read from the engine's own types."""

from __future__ import annotations

import types
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from engine.fields import FIELDS, NOT_RANGED, Field
from engine.paths import get_path, set_path
from engine.ranges import (
    SECTIONS,
    _numeric_paths,
    answer_limits,
    limit_problem,
    parse_range,
    range_problems,
)
from engine.wording import field_words
from profiles.diff import _change
from profiles.model import Profile
from tui.state.form import ask
from tui.state.steps import STEPS
from tui.state.typed import parse_range_text

ASKED = [(step, spec) for step in STEPS for spec in step.fields]


def _annotations(model: type[BaseModel], path: str) -> list[Any]:
    """The annotations the dotted `path` has in `model` (one per member of a union)."""
    owners: list[type[BaseModel]] = [model]
    for depth, name in enumerate(path.split(".")):
        found = [m.model_fields[name].annotation for m in owners if name in m.model_fields]
        if depth == path.count("."):
            return found
        owners = [m for a in found for m in _models(a)]
    return []


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models(arg)]


def _codes(annotation: Any) -> set[str]:
    """The string codes a `Literal` somewhere in `annotation` allows."""
    origin = get_origin(annotation)
    if origin is Literal:
        return {a for a in get_args(annotation) if isinstance(a, str)}
    if origin in (Annotated, Union, types.UnionType, tuple):
        return {c for a in get_args(annotation) for c in _codes(a)}
    return set()


@pytest.mark.parametrize("path", [s.path for _, s in ASKED])
def test_every_wizard_field_is_an_answer_of_the_profile(path: str) -> None:
    assert _annotations(Profile, path), path


def test_every_field_of_the_registry_is_an_answer_of_the_profile() -> None:
    assert [p for p in FIELDS if not _annotations(Profile, p)] == []


def test_the_wizard_asks_each_field_as_the_registry_words_it() -> None:
    for step, spec in ASKED:
        field = FIELDS[spec.path]
        assert (field.step, field.label, field.kind) == (step.title, spec.label, spec.kind)
        assert spec.options == field.choices or field.kind != "choice"
        assert spec.rangeable == field.ranged


@pytest.mark.parametrize("path", [p for p, f in FIELDS.items() if f.choices])
def test_every_choice_is_a_code_of_the_engines_literal(path: str) -> None:
    allowed = set().union(*(_codes(a) for a in _annotations(Profile, path)))
    offered = {code for _, code in FIELDS[path].choices if code}
    # "unknown" is the select's blank; the rest are offered, no more, no fewer
    assert offered == allowed - {"unknown"}, path


@pytest.mark.parametrize("path", [p for p, f in FIELDS.items() if f.ranged])
def test_every_ranged_field_takes_a_range(path: str) -> None:
    limits = answer_limits(path)  # raises for a path the engine does not range
    low = next(v for v in (Decimal(1), Decimal("0.5")) if limit_problem(limits, v) is None)
    rng = parse_range(f"{low}..{low}", field=path)
    assert range_problems(path, rng) == []
    kind = FIELDS[path].kind
    assert parse_range_text(f"{low}..{low}", kind) == (low, low, low)


def test_every_number_the_engine_ranges_is_a_ranged_field() -> None:
    numbers = {p for s, m in SECTIONS.items() for p in _numeric_paths(m, f"{s}.")}
    ranged = {p for p, f in FIELDS.items() if f.ranged}
    assert numbers - NOT_RANGED == ranged
    assert all(FIELDS[p].kind in ("count", "decimal") for p in NOT_RANGED)


def test_a_new_field_is_asked_worded_and_priced_from_its_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    toy = Field("workload.toy_budget_usd", "Toy budget a month", "money", "usd_per_month")
    monkeypatch.setitem(FIELDS, toy.path, toy._replace(step="Volume and tokens"))

    spec = ask(toy.path, "USD.")
    assert (spec.label, spec.kind, spec.rangeable) == ("Toy budget a month", "money", True)
    assert field_words(toy.path) == "Volume and tokens → Toy budget a month"
    change = _change("answers", toy.path, toy.path, Decimal(300), Decimal(1550))
    assert change.kind == "usd_monthly"
    assert change.delta == "+$1,250/mo ($300 → $1,550, +417%)"
    in_scenario = _change("answers", f"scenarios.high.{toy.path}", "", Decimal(1), Decimal(2))
    assert in_scenario.kind == "usd_monthly"


def test_diff_reads_units_from_the_registry_not_the_name() -> None:
    horizon = _change("answers", "workload.horizon_months", "", 24, 36)
    assert (horizon.kind, horizon.delta) == ("number", "+12 (24 → 36, +50%)")
    price = _change("answers", "prompting.prices.input_usd_per_mtok", "", Decimal("0.15"), 1)
    assert price.kind == "usd_exact"


def test_one_walker_reads_and_writes_dotted_paths() -> None:
    data: dict[str, Any] = {"workload": {"requests_per_day": 10}}
    assert get_path(data, "workload.requests_per_day") == 10
    assert get_path(data, "workload.requests_per_day.more") is None
    assert get_path(data, "fine_tuning.training.hours") is None
    set_path(data, "fine_tuning.training.hours", 4)
    assert data["fine_tuning"] == {"training": {"hours": 4}}


def test_the_walker_reads_a_loaded_model_as_its_tables() -> None:
    from engine.inputs import Workload

    workload = Workload(requests_per_day=Decimal(10))
    assert get_path({"workload": workload}, "workload.requests_per_day") == Decimal(10)
    assert get_path(workload, "") is workload
    assert get_path(workload, "no_such_answer") is None
