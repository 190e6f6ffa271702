"""A `%` means something on a share or a percentage, nothing on a dollar amount or a count:
`1%` typed as a per-request cost was read as $0.01 (seen adding a cascade's check cost)."""

from __future__ import annotations

import pytest

from tui.state.typed import clean_number, parse_number
from tui.wizard.field import NumberValidator


@pytest.mark.parametrize(
    ("kind", "reason"),
    [("money", "a dollar amount, not a percentage"), ("count", "a count, not a percentage")],
)
def test_a_percentage_is_refused_where_it_means_nothing(kind: str, reason: str) -> None:
    result = NumberValidator(kind).validate("1%")
    assert not result.is_valid and result.failure_descriptions == [reason]
    assert parse_number("1%", kind) is None


@pytest.mark.parametrize(
    ("kind", "typed", "read"),
    [("share", "5%", "0.05"), ("percent", "94%", "94"), ("decimal", "5%", "0.05")],
)
def test_a_percentage_is_read_where_it_means_something(kind: str, typed: str, read: str) -> None:
    assert NumberValidator(kind).validate(typed).is_valid
    assert clean_number(typed, kind) == read
