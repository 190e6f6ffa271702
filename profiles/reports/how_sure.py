"""The report's "How sure" section: the simulation of a profile's ranges, or why there is
none."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from engine.money import number, percent, usd
from engine.result import CostResult

from .document import Bar, HowSure
from .words import sampled_months

if TYPE_CHECKING:
    from engine.uncertainty import Uncertainty


def uncertainty_json(u: Uncertainty) -> dict[str, Any]:
    """The `uncertainty` block of `tunewise assess --format json` (stable keys)."""
    # `options` only when the profile names some: a format-2 answer keeps its keys; the
    # option answers and an option's interpolation gap only when some answer of it is ranged.
    exclude: dict[str, Any] = {"band": True}
    if not u.options:
        exclude["options"] = True
    else:
        plain = {i for i, o in enumerate(u.options) if o.interpolation_error is None}
        if plain:
            exclude["options"] = {i: {"interpolation_error"} for i in plain}
    if not u.option_answers:
        exclude["option_answers"] = True
    return u.model_dump(mode="json", exclude=exclude)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _facts(u: Uncertainty) -> tuple[tuple[str, str], ...]:
    """The section's figures as (what, value), for every rendering alike."""
    be, m = u.break_even_months, sampled_months
    facts = [
        ("Break-even months", f"P10 {m(be.p10)} · P50 {m(be.p50)} · P90 {m(be.p90)}"),
        (f"Pays back within {u.horizon_months} months", _pct(u.p_payback_within_horizon)),
    ]
    if u.retire_month is not None:
        facts.append(
            (
                f"Pays back before the base model retires (month {u.retire_month})",
                _pct(u.p_payback_before_retirement),
            )
        )
    if u.p_verdict_changes is not None:
        facts.append(("Verdict would change", _pct(u.p_verdict_changes)))
    h = u.horizon_months
    for o in u.options:
        pays = "" if o.p_pays_back is None else f" · pays back by then {_pct(o.p_pays_back)}"
        facts.append((o.name, f"cheapest at {h} months {_pct(o.p_cheapest_at_horizon)}{pays}"))
    facts += _option_answers(u)
    return tuple(facts)


def _valued(path: str) -> Callable[[float], str]:
    """How an option's answer at `path` reads: a share as a percentage, money in dollars (a
    router's $0.00005 a request keeps its digits), else a number."""
    parts = path.split(".")
    field = parts[2] if len(parts) > 2 else parts[-1]
    if "share" in parts[-1]:
        return lambda x: percent(Decimal(repr(x)))
    if "usd" in parts[-1] or field in ("upfront_items", "monthly_items"):
        return lambda x: usd(Decimal(repr(x)))
    return lambda x: number(Decimal(repr(x)), places=6)


def _option_answers(u: Uncertainty) -> list[tuple[str, str]]:
    """Each ranged or scenario-set option answer in words, and how near the blended costs
    of an option with ranged answers came to the engine's (`OptionOdds.interpolation_error`)."""

    out = []
    for a in u.option_answers:
        v = _valued(a.path)
        if a.value is not None:
            # the head names the scenario (user text: escaped there, not in a value)
            out.append((a.label, f"{v(a.value)}, set by the scenario"))
        elif a.low is not None and a.high is not None and a.likely is not None:
            out.append((a.label, f"ranged {v(a.low)} to {v(a.high)}, likely {v(a.likely)}"))
    for o in u.options:
        if o.interpolation_error is not None:
            gap = f"{o.interpolation_error * 100:.2f}%"
            out.append(
                (
                    f"{o.name}, its costs per sample",
                    "blended from the exact costs at its ranges' ends; "
                    f"at most {gap} off the exact total at the points checked",
                )
            )
    return out


def how_sure(u: Uncertainty) -> HowSure:
    """The simulation's figures, summary and tornado."""
    return HowSure(
        samples=u.samples,
        seed=u.seed,
        shape=u.shape,
        scenario=u.scenario,
        facts=_facts(u),
        summary=u.summary,
        tornado=tuple(
            Bar(
                label=b.label,
                low=b.low,
                high=b.high,
                break_even_at_low=b.break_even_at_low,
                break_even_at_high=b.break_even_at_high,
            )
            for b in u.tornado
        ),
        data=uncertainty_json(u),
    )


def not_simulated(result: CostResult) -> HowSure:
    """An unknown cost is not simulated as $0: the section says which."""
    why = f"not simulated: {result.unknowns[0].message}"
    data = {"samples": 0, "reason": result.unknowns[0].code, "note": why}
    return HowSure(samples=0, note=why, data=data)
