"""What changed in two profiles' options, as `diff`'s outcome changes: an option added or
removed, each option's monthly, upfront, break-even and total, and the cheapest at the
horizon. Empty unless a side names options, so format-2 diffs read as before."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from engine.money import months, to_float, usd
from engine.options.words import field_words
from engine.wording import option_kind_words

from .catalogs import CatalogSource
from .change import Change, Out
from .delta import Kind, delta_text, pct, show_value
from .options import options_of

if TYPE_CHECKING:
    from engine.pricebook import PriceBook
    from engine.result import CostResult, OptionOutcome, OptionsComparison

    from .model import Profile


class SideOptions(Out):
    """A profile's named options as `compare` shows them: the cheapest at the horizon and the
    one implementing the verdict (ids for tools, names for people; None: none or open)."""

    horizon_months: int
    cheapest: str | None
    cheapest_name: str | None
    cheapest_total: Decimal | None
    verdict_option: str | None
    verdict_option_name: str | None
    verdict_option_total: Decimal | None


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


REFERENCES = frozenset({"generator", "first", "second"})
"""Answers that hold another option's id: shown by that option's name."""


def _names(profile: Profile) -> dict[str, str]:
    from .options import baseline_name, fine_tuning_name

    names = {"baseline": baseline_name(profile), "fine_tuning": fine_tuning_name(profile)}
    return names | {k: o.name for k, o in profile.options.items()}


def option_answers(changes: list[Change], a: Profile, b: Profile) -> list[Change]:
    """`changes` (the diff's answers) with each option's answers in words: an option added or
    removed as one line by its name, a changed answer as `Its name: what` (the JSON keeps the
    dotted path). Changes outside `options.` pass unchanged."""
    if not (a.options or b.options):
        return changes
    na, nb = _names(a), _names(b)
    out: list[Change] = []
    told: set[str] = set()
    for c in changes:
        head, _, rest = c.path.partition(".")
        key, _, field = rest.partition(".")
        if head != "options" or not key:
            out.append(c)
            continue
        x, y = a.options.get(key), b.options.get(key)
        if x is None or y is None:
            if key not in told:
                told.add(key)
                one = y or x
                words = (
                    key
                    if one is None
                    else f"{one.name} ({option_kind_words(one.kind, inline=True)})"
                )
                out.append(
                    Change(
                        group="answers",
                        path=f"options.{key}",
                        label="option",
                        before=None if x is None else words,
                        after=None if y is None else words,
                    )
                )
            continue
        update: dict[str, object] = {"label": f"{y.name}: {field_words(y.kind, field)}"}
        if field in REFERENCES:
            update |= {
                "before": na.get(c.before or "", c.before),
                "after": nb.get(c.after or "", c.after),
            }
        elif field.endswith("_usd") and c.delta and c.before and c.after:
            a_, b_ = Decimal(c.before.replace(",", "")), Decimal(c.after.replace(",", ""))
            money: Kind = "usd_monthly" if "monthly" in field else "usd"
            update |= {"delta": delta_text(a_, b_, money), "kind": money}
        elif field == "kind":
            update |= {
                "before": option_kind_words(c.before, inline=True) if c.before else c.before,
                "after": option_kind_words(c.after, inline=True) if c.after else c.after,
            }
        out.append(c.model_copy(update=update))
    return out


def outcome_words(o: OptionOutcome, horizon: int) -> str:
    """`$76.44 a month, $12,000 up front, break-even 190.29 months`: an option's outcome."""
    up = (
        "unknown up front"
        if o.costs.upfront_usd is None
        else f"{usd(o.costs.upfront_usd)} up front"
    )
    if o.break_even_months is not None:
        be = "at once" if o.break_even_months == 0 else months(o.break_even_months)
    else:
        be = _absent(o, "break_even")
    total = (
        ""
        if o.total_at_horizon_usd is None
        else f", {usd(o.total_at_horizon_usd)} at {horizon} months"
    )
    return f"{usd(o.costs.monthly_usd)} a month, {up}, break-even {be}{total}"


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
                label=f"{y.name}, {words}",
                before=_absent(x, name) if a is None else show_value(a),
                after=_absent(y, name) if b is None else show_value(b),
                delta=delta_text(a, b, kind) if a is not None and b is not None else "",
                percent=pct(a, b) if a is not None and b is not None else None,
                kind=kind if both else "text",
            )
        )
    return out


def comparisons(
    a: tuple[Profile, PriceBook, CostResult], b: tuple[Profile, PriceBook, CostResult]
) -> tuple[OptionsComparison, OptionsComparison] | None:
    """Both sides' options costed (None when neither names options: a format-2 diff)."""
    if not (a[0].options or b[0].options):
        return None
    source = CatalogSource()
    return _comparison(*a, source), _comparison(*b, source)


def option_changes(pair: tuple[OptionsComparison, OptionsComparison] | None) -> list[Change]:
    """The options' outcome changes from one side to the other (none without options)."""
    if pair is None:
        return []
    ca, cb = pair
    oa, ob = {o.id: o for o in ca.explicit}, {o.id: o for o in cb.explicit}
    out = []
    for key in [*oa, *(k for k in ob if k not in oa)]:
        x, y = oa.get(key), ob.get(key)
        if x is None or y is None:
            one = y or x
            out.append(
                Change(
                    group="outcomes",
                    path=f"options.{key}",
                    label=key if one is None else one.name,
                    before=None if x is None else outcome_words(x, ca.horizon_months),
                    after=None if y is None else outcome_words(y, cb.horizon_months),
                )
            )
        else:
            out += _changes(key, x, y)
    if ca.cheapest_at_horizon != cb.cheapest_at_horizon:
        out.append(
            Change(
                group="outcomes",
                path="options.cheapest_at_horizon",
                label="cheapest at the horizon",
                before=_name(ca, ca.cheapest_at_horizon),
                after=_name(cb, cb.cheapest_at_horizon),
            )
        )
    return out


def _name(c: OptionsComparison, key: str | None) -> str:
    """An option's name by its id; `open` when an unknown upfront leaves the cheapest open."""
    if key is None:
        return "open"
    return next((o.name for o in (c.baseline, *c.options) if o.id == key), key)


def _comparison(
    profile: Profile, book: PriceBook, result: CostResult, source: CatalogSource
) -> OptionsComparison:
    return options_of(profile, profile.cost_inputs(), book, result, source)


def side_options(comparison: OptionsComparison, verdict: str | None) -> SideOptions | None:
    """`compare`'s view of a profile's options: the cheapest and the verdict's (None when the
    profile names no options beyond its own two paths)."""
    from engine.options.verdict import pick_option

    if not comparison.explicit:
        return None
    every = {o.id: o for o in (comparison.baseline, *comparison.options)}
    best = every.get(comparison.cheapest_at_horizon or "")
    pick = pick_option(verdict, comparison).option if verdict else None
    chosen = every.get(pick or "")
    return SideOptions(
        horizon_months=comparison.horizon_months,
        cheapest=None if best is None else best.id,
        cheapest_name=None if best is None else best.name,
        cheapest_total=None if best is None else best.total_at_horizon_usd,
        verdict_option=None if chosen is None else chosen.id,
        verdict_option_name=None if chosen is None else chosen.name,
        verdict_option_total=None if chosen is None else chosen.total_at_horizon_usd,
    )
