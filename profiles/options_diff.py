"""What changed in two profiles' options, as `diff`'s outcome changes: an option added or
removed, each option's monthly, upfront, break-even and total, and the cheapest at the
horizon. Empty unless a side names options, so format-2 diffs read as before."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from engine.money import to_float

from .catalogs import CatalogSource
from .change import Change
from .delta import Kind, delta_text, pct, show_value
from .options import options_of

if TYPE_CHECKING:
    from engine.pricebook import PriceBook
    from engine.result import CostResult, OptionOutcome, OptionsComparison

    from .model import Profile

FIGURES: tuple[tuple[str, str, Kind], ...] = (
    ("monthly", "monthly", "usd_monthly"),
    ("upfront", "up front", "usd"),
    ("break_even", "break-even", "months"),
    ("total", "total at horizon", "usd"),
)


def _figure(o: OptionOutcome, name: str) -> Decimal | None:
    return {
        "monthly": o.costs.monthly_usd,
        "upfront": o.costs.upfront_usd,
        "break_even": o.break_even_months,
        "total": o.total_at_horizon_usd,
    }[name]


def _absent(o: OptionOutcome, name: str) -> str:
    return "never" if name == "break_even" and o.break_even_reason == "never" else "unknown"


def _changes(key: str, x: OptionOutcome, y: OptionOutcome) -> list[Change]:
    out = []
    for name, words, kind in FIGURES:
        a, b = _figure(x, name), _figure(y, name)
        # compared as the JSON keeps them, so rounding noise is not a change
        if (a is None) == (b is None) and (a is None or to_float(a) == to_float(b or a)):
            continue
        both = a is not None and b is not None
        out.append(
            Change(
                group="outcomes",
                path=f"options.{key}.{name}",
                label=f"option {key}, {words}",
                before=_absent(x, name) if a is None else show_value(a),
                after=_absent(y, name) if b is None else show_value(b),
                delta=delta_text(a, b, kind) if a is not None and b is not None else "",
                percent=pct(a, b) if a is not None and b is not None else None,
                kind=kind if both else "text",
            )
        )
    return out


def option_changes(
    a: tuple[Profile, PriceBook, CostResult], b: tuple[Profile, PriceBook, CostResult]
) -> list[Change]:
    """The options' outcome changes from `a` to `b` (none when neither names options)."""
    if not (a[0].options or b[0].options):
        return []
    source = CatalogSource()
    ca, cb = (_comparison(*side, source) for side in (a, b))
    oa, ob = {o.id: o for o in ca.explicit}, {o.id: o for o in cb.explicit}
    out = []
    for key in [*oa, *(k for k in ob if k not in oa)]:
        x, y = oa.get(key), ob.get(key)
        if x is None or y is None:
            out.append(
                Change(
                    group="outcomes",
                    path=f"options.{key}",
                    label=f"option {key}",
                    before=None if x is None else x.name,
                    after=None if y is None else y.name,
                )
            )
        else:
            out += _changes(key, x, y)
    if ca.cheapest_at_horizon != cb.cheapest_at_horizon:
        out.append(
            Change(
                group="outcomes",
                path="options.cheapest_at_horizon",
                label="cheapest at horizon",
                before=ca.cheapest_at_horizon,
                after=cb.cheapest_at_horizon,
            )
        )
    return out


def _comparison(
    profile: Profile, book: PriceBook, result: CostResult, source: CatalogSource
) -> OptionsComparison:
    return options_of(profile, profile.cost_inputs(), book, result, source)
