"""A redo at the base model's retirement is booked in the month the model retires in, by the
curve, both solvers and the simulation alike (issue 13, item 7; convention in
`engine.breakeven`'s docstring)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from engine.evaluate import evaluate
from engine.uncertainty.fastpath import Structure, break_even, parts, point_values, totals
from profiles.files import evaluate_profile, loads_profile

ON = date(2026, 11, 22)


def _profile(
    *,
    per_month: int,
    retires_on: date,
    pe_per_request: str,
    pe_upfront: int,
    ft_upfront: int,
    ft_per_request: str,
    redo: int | None,
    horizon: int,
) -> str:
    redo_line = "" if redo is None else f"redo_usd = {redo}\n"
    return f"""\
[profile]
name = "Redo at retirement"
assessed_on = {ON.isoformat()}

[workload]
requests_per_month = {per_month}
horizon_months = {horizon}

[prompting]
cost_per_request_usd = {pe_per_request}
prompt_engineering_usd = {pe_upfront}

[fine_tuning]
upfront_usd = {ft_upfront}
serving_cost_per_request_usd = {ft_per_request}
retires_on = {retires_on.isoformat()}
at_retirement = "redo"
{redo_line}"""


def _evaluate(text: str):  # type: ignore[no-untyped-def]
    profile = loads_profile(Path("redo.toml"), text)
    return profile, *evaluate_profile(profile)


def _fast(profile, book, result, month: int):  # type: ignore[no-untyped-def]
    inputs = profile.cost_inputs()
    s = Structure.of(inputs, book, result.finetune)
    p = parts({k: float(v) for k, v in point_values(inputs, book).items()}, s)
    return totals(p, s, month), break_even(p, s)


def test_a_redo_whose_retirement_falls_in_the_first_month_is_booked() -> None:
    """Retirement on 10 December, assessed 22 November: no whole month before it (b = 0), so
    month 1 books the redo. Main dropped it (break-even 10 months, total $12,600)."""
    per_month, pe_each, ft_each = 10_000, Decimal("0.05"), Decimal("0.04")
    pe_up, ft_up, horizon = 2_000, 3_000, 24
    profile, book, result = _evaluate(
        _profile(
            per_month=per_month,
            retires_on=date(2026, 12, 10),
            pe_per_request=str(pe_each),
            pe_upfront=pe_up,
            ft_upfront=ft_up,
            ft_per_request=str(ft_each),
            redo=None,  # the whole upfront cost again
            horizon=horizon,
        )
    )
    pe_month, ft_month = per_month * pe_each, per_month * ft_each  # $500 and $400
    redo = ft_up
    # gap $1,000 + redo $3,000 recovered at $100 a month
    assert result.break_even_months == (ft_up - pe_up + redo) / (pe_month - ft_month) == 40
    assert result.finetune_total_usd == ft_up + redo + horizon * ft_month == 15_600
    assert result.prompting_total_usd == pe_up + horizon * pe_month == 14_000
    assert result.cumulative[0].finetune_usd == ft_up
    assert result.cumulative[1].finetune_usd == ft_up + redo + ft_month
    (pe, ft), months = _fast(profile, book, result, horizon)
    assert (pe, ft, months) == (14_000, 15_600, 40)


def test_the_curve_books_the_redo_when_the_solvers_do() -> None:
    """Retirement 30 May 2027: six whole months (b = 6), so month 7 books the redo. At the
    six-month break-even volume both curves meet at month 6 (main's curve had fine-tuning
    $500 above already, while the solvers said 6.0)."""
    pe_each, ft_each = Decimal("0.05"), Decimal("0.04")
    ft_up, redo, horizon = 1_200, 500, 12
    # the six-month break-even volume: $1,200 ÷ ($0.01 × 6 months) = 20,000 a month
    per_month = ft_up / ((pe_each - ft_each) * 6)
    assert per_month == 20_000
    profile, book, result = _evaluate(
        _profile(
            per_month=int(per_month),
            retires_on=date(2027, 5, 30),
            pe_per_request=str(pe_each),
            pe_upfront=0,
            ft_upfront=ft_up,
            ft_per_request=str(ft_each),
            redo=redo,
            horizon=horizon,
        )
    )
    six = next(v for v in result.break_even_volumes if v.within_months == 6)
    assert six.requests_per_month == per_month
    assert result.break_even_months == 6
    pe_month, ft_month = per_month * pe_each, per_month * ft_each  # $1,000 and $800
    at = {p.month: p for p in result.cumulative}
    assert at[6].prompting_usd == at[6].finetune_usd == 6 * pe_month == ft_up + 6 * ft_month
    assert at[7].finetune_usd == ft_up + redo + 7 * ft_month == 7_300
    assert at[7].prompting_usd == 7_000
    # within 12 months the redo must be covered too: ($1,200 + $500) ÷ ($0.01 × 12)
    twelve = next(v for v in result.break_even_volumes if v.within_months == 12)
    assert twelve.requests_per_month == (ft_up + redo) / ((pe_each - ft_each) * 12)
    for month in (6, 7, horizon):
        (pe, ft), months = _fast(profile, book, result, month)
        assert (pe, ft) == (float(at[month].prompting_usd), float(at[month].finetune_usd))
        assert months == 6


@pytest.mark.parametrize("retires_on", [date(2026, 12, 10), date(2027, 5, 30)])
def test_abandoning_at_retirement_ends_the_saving_in_the_month_it_retires(
    retires_on: date,
) -> None:
    """The same month convention for `abandon`: the volume solver cannot divide by a window
    of no months (b = 0), and the curve's fine-tuned path costs prompting's from month b + 1."""
    text = _profile(
        per_month=20_000,
        retires_on=retires_on,
        pe_per_request="0.05",
        pe_upfront=0,
        ft_upfront=1_200,
        ft_per_request="0.04",
        redo=None,
        horizon=12,
    ).replace('"redo"', '"abandon"')
    profile, book, result = _evaluate(text)
    b = 0 if retires_on.month == 12 else 6
    at = {p.month: p for p in result.cumulative}
    for month in range(b + 1, 13):
        assert at[month].finetune_usd - at[month - 1].finetune_usd == 1_000  # prompting's
    assert result.break_even_months == (None if b == 0 else 6)
    (pe, ft), months = _fast(profile, book, result, 12)
    assert (pe, ft) == (float(at[12].prompting_usd), float(at[12].finetune_usd))
    assert months == result.break_even_months
    exact = evaluate(profile.cost_inputs(), book)
    assert exact.break_even_volumes == result.break_even_volumes
