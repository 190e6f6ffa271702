"""How a diff writes one value and one change: `$1,550/mo`, `+$1,250/mo ($300 → $1,550, +417%)`.

A value's kind (money, a month's money, months or a plain number) comes from the field
registry for answers and from `OUTCOME_KINDS` for outcomes; the diff model and its renderers
(`profiles/diffview.py`) write values through `amount_text`, so both read alike.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from engine.fields import answer_at
from engine.money import months, number, usd

Kind = Literal["text", "number", "usd", "usd_exact", "usd_monthly", "months"]
MONEY: frozenset[str] = frozenset({"usd", "usd_exact", "usd_monthly"})


def show_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return number(Decimal(value), places=6)
    if isinstance(value, float):
        return number(Decimal(repr(value)), places=6)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(show_value(v) for v in value)
    return str(value)


def number_of(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return None


def pct(before: Decimal, after: Decimal) -> Decimal | None:
    return None if before == 0 else (after - before) / abs(before) * 100


def _signed_pct(p: Decimal | None) -> str:
    if p is None:
        return ""
    text = number(p, places=1 if abs(p) < 10 else 0)
    return f", +{text}%" if p > 0 else f", {text}%"


def amount_text(amount: Decimal, kind: str) -> str:
    """An amount of a money kind or of months: `$1,550/mo`, `$0.0137`, `80 months`."""
    if kind == "months":
        return months(amount)
    return usd(amount) + ("/mo" if kind == "usd_monthly" else "")


def delta_text(before: Decimal, after: Decimal, kind: str) -> str:
    """`+$1,250/mo ($300 → $1,550, +417%)`, `-70.4 months (80 → 9.6 months, -88%)`."""
    diff = after - before
    p = _signed_pct(pct(before, after))
    sign = "-" if diff < 0 else "+"
    if kind in MONEY:
        return f"{sign}{amount_text(abs(diff), kind)} ({usd(before)} → {usd(after)}{p})"
    if kind == "months":
        return f"{sign}{months(abs(diff))} ({number(before)} → {months(after)}{p})"
    a, b = number(before, places=6), number(after, places=6)
    return f"{sign}{number(abs(diff), places=6)} ({a} → {b}{p})"


MONEY_KINDS: dict[str, Kind] = {
    "usd": "usd",
    "usd_per_hour": "usd",
    "usd_per_month": "usd_monthly",
    "usd_per_request": "usd_exact",
    "usd_per_mtok": "usd_exact",
}
"""How an answer's money unit (`engine.fields`) reads in a delta: a month's amount takes
`/mo`, a per-request or per-token price keeps its small digits. Other units read as numbers
(the label names them: `Horizon, months`)."""
OUTCOME_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("prompting_monthly", "finetune_monthly", "monthly_saving"), "usd_monthly"),
    **dict.fromkeys(("prompting_upfront", "finetune_upfront"), "usd"),
    **dict.fromkeys(("prompting_total", "finetune_total"), "usd"),
    **dict.fromkeys(("prompting_per_request", "finetune_per_request"), "usd_exact"),
    "break_even_months": "months",
}
"""How each outcome of `costs_of` reads (the others are counts)."""


def kind_of(path: str) -> Kind:
    """How the value at `path` reads: an answer (or a scenario's) by its unit in the field
    registry, an outcome by `OUTCOME_KINDS`, a price book's `usd` as a price per unit."""
    section, _, rest = path.partition(".")
    if section == "costs":
        return OUTCOME_KINDS.get(rest, "number")
    if section in ("prices", "option_prices"):
        return "usd_exact" if path.endswith(".usd") else "number"
    whose, answer = answer_at(path)  # a scenario's answer reads as the answer it sets
    if whose.startswith("scenario") and ".options." in path:
        if ".monthly_items." in path or ".upfront_items." in path:
            return "usd_monthly" if ".monthly_items." in path else "usd"
        return _option_kind(path.rsplit(".", 1)[-1])
    if whose == "range":  # `low..high` text, not one amount
        return "number"
    return "number" if answer is None else MONEY_KINDS.get(answer.unit, "number")


def _option_kind(name: str) -> Kind:
    """How a scenario's value of an option's answer reads, by its name's unit."""
    if name.endswith(("_per_request", "_per_mtok")):
        return "usd_exact" if "usd" in name else "number"
    if name.endswith("_usd"):
        return "usd_monthly" if "monthly" in name else "usd"
    return "number"
