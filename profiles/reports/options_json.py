"""The Options section as JSON: `baseline`, `options`, `cheapest_at_horizon` and
`cheapest_by_volume` (keys added beside the report's own, which keep their meaning)."""

from __future__ import annotations

from typing import Any

from engine.money import to_float
from engine.result import OptionOutcome

from .document import Options
from .figures import MONTHS_PLACES, line_items_json, optional_float


def _items(o: OptionOutcome) -> dict[str, Any]:
    return {
        "monthly": line_items_json(o.costs.monthly_items),
        "upfront": line_items_json(o.costs.upfront_items),
    }


def _head(o: OptionOutcome, horizon: int) -> dict[str, Any]:
    c = o.costs
    return {
        "id": o.id,
        "name": o.name,
        "kind": o.kind,
        "monthly": to_float(c.monthly_usd),
        "upfront": optional_float(c.upfront_usd, 6),
        "per_request": optional_float(c.per_request_usd),
        "total_at_horizon": optional_float(o.total_at_horizon_usd, 6),
        "horizon_months": horizon,
    }


def option_json(o: OptionOutcome, horizon: int) -> dict[str, Any]:
    months = o.break_even_months
    return {
        **_head(o, horizon),
        "break_even_months": None if months is None else to_float(months, MONTHS_PLACES),
        "break_even_reason": o.break_even_reason,
        "break_even_note": o.break_even_note,
        "payback_volumes": [
            {
                "within_months": v.within_months,
                "requests_per_month": optional_float(v.requests_per_month),
                "requests_per_day": optional_float(v.requests_per_day),
                "note": v.note,
            }
            for v in o.payback_volumes
        ],
        "unknowns": [u.model_dump() for u in o.costs.missing],
        "given": o.costs.given or None,
        "warnings": [w.model_dump() for w in o.warnings],
        "line_items": _items(o),
    }


def options_json(s: Options) -> dict[str, Any]:
    c = s.comparison
    return {
        "baseline": {**_head(c.baseline, c.horizon_months), "line_items": _items(c.baseline)},
        "options": [option_json(o, c.horizon_months) for o in c.options],
        "cheapest_at_horizon": c.cheapest_at_horizon,
        "cheapest_by_volume": [
            {
                "requests_per_month": to_float(x.requests_per_month),
                "below": x.below,
                "above": x.above,
            }
            for x in c.crossings
        ],
        **({} if s.pick is None else {"verdict_option": s.pick.model_dump()}),
    }
