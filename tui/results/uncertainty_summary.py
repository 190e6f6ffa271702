"""How sure the results are: P10 / P50 / P90 of break-even and of both totals at the horizon,
and the probabilities of paying back (filled in when the simulation's worker finishes)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..widgets.wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.uncertainty import Spread, Uncertainty

PENDING = "How sure: simulating the ranges…"


def _months(value: float | None) -> str:
    return "never" if value is None else f"{value:,.1f} mo"


def _usd(value: float | None) -> str:
    from engine.money import usd

    return "—" if value is None else usd(Decimal(round(value)))


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def _row(name: str, spread: Spread, show: object) -> Line:
    cells = [show(v) for v in (spread.p10, spread.p50, spread.p90)]  # type: ignore[operator]
    return Line(f"  {name:<20}" + "".join(f"{c:>12}" for c in cells), hang=22)


def summary_lines(u: Uncertainty) -> list[Line]:
    """The figures as lines (within 80 columns)."""
    scenario = f", scenario {u.scenario}" if u.scenario else ""
    lines = [
        Line(f"How sure ({u.samples:,} samples, seed {u.seed}, {u.shape}{scenario})", style="bold"),
        Line(f"  {'':<20}{'P10':>12}{'P50':>12}{'P90':>12}"),
        _row("Break-even", u.break_even_months, _months),
        _row(f"Prompting at {u.horizon_months} mo", u.prompting_total, _usd),
        _row(f"Fine-tuning at {u.horizon_months} mo", u.finetune_total, _usd),
        Line(f"  Pays back within {u.horizon_months} months: {_pct(u.p_payback_within_horizon)}"),
    ]
    if u.retire_month is not None and u.p_payback_before_retirement is not None:
        lines.append(
            Line(
                f"  Pays back before the base model retires (month {u.retire_month}): "
                f"{_pct(u.p_payback_before_retirement)}",
                indent=2,
                hang=4,
            )
        )
    if u.p_verdict_changes is not None:
        from engine.wording import verdict_words

        shares = ", ".join(
            f"{verdict_words(name)} {_pct(share)}"
            for name, share in sorted(u.verdicts.items(), key=lambda kv: -kv[1])
        )
        lines.append(
            Line(f"  Verdict would change: {_pct(u.p_verdict_changes)} ({shares})", hang=4)
        )
    if u.options:  # each option's odds, as the reports give them
        lines.append(Line(f"  Of the options, cheapest at {u.horizon_months} months:"))
        for o in u.options:
            pays = "" if o.p_pays_back is None else f"; pays back by then {_pct(o.p_pays_back)}"
            lines.append(Line(f"{o.name}: {_pct(o.p_cheapest_at_horizon)}{pays}", indent=4, hang=6))
    return lines


class UncertaintySummary(WrappedText):
    """The simulation's figures; a pending line until `show` is called with them."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__([Line(PENDING)], id=id)
        self.uncertainty: Uncertainty | None = None

    def show(self, uncertainty: Uncertainty | None, error: str = "") -> None:
        """Show `uncertainty`'s figures (or why the simulation failed)."""
        self.uncertainty = uncertainty
        if uncertainty is None:
            self.lines = [Line(f"How sure: the simulation failed: {error}", hang=4)]
        else:
            self.lines = summary_lines(uncertainty)
        self.refresh(layout=True)
