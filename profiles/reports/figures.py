"""The report's figures as JSON keeps them (rounded, stable keys), and each guide's figure
judged against tunewise's."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from engine.money import to_float
from engine.result import CostResult, LineItem

from ..model import Profile

MONTHS_PLACES = 3


def costs_block(result: CostResult) -> dict[str, Any]:
    """The `costs` object of the JSON output: the figures other tools read."""
    months = result.break_even_months
    return {
        "prompting_monthly": to_float(result.prompting.monthly_usd),
        "finetune_monthly": to_float(result.finetune.monthly_usd),
        "prompting_upfront": to_float(result.prompting.known_upfront),
        "finetune_upfront": optional_float(result.finetune.upfront_usd, 6),
        "monthly_saving": to_float(result.monthly_saving_usd),
        "break_even_months": None if months is None else to_float(months, MONTHS_PLACES),
        "break_even_reason": result.break_even_reason,
        "break_even_note": result.break_even_note,
        "horizon_months": result.horizon_months,
        "prompting_total": to_float(result.prompting_total_usd),
        "finetune_total": optional_float(result.finetune_total_usd, 6),
        "monthly_requests": to_float(result.monthly_requests),
        "prompting_per_request": optional_float(result.prompting.per_request_usd),
        "finetune_per_request": optional_float(result.finetune.per_request_usd),
    }


def optional_float(value: Decimal | None, places: int = 8) -> float | None:
    return None if value is None else to_float(value, places)


def claim_checks(profile: Profile, costs: dict[str, Any]) -> list[dict[str, Any]]:
    """Each guide figure beside tunewise's, judged `agrees` or `differs`."""
    out = []
    for claim in profile.claim:
        ours = costs.get(claim.figure)
        out.append(
            {
                "source": claim.source,
                "figure": claim.figure,
                "says": claim.says,
                "computed": ours,
                "quote": claim.quote,
                "verdict": _judge(claim.says, ours),
            }
        )
    return out


def _judge(says: float, ours: Any) -> str:
    """`agrees` when tunewise's figure, rounded to the precision the guide wrote, is the
    guide's (or within 1%); otherwise `differs`."""
    if ours is None:
        return "differs"
    stated = Decimal(repr(says))
    exponent = stated.normalize().as_tuple().exponent
    places = Decimal(1).scaleb(min(int(exponent), 0))
    computed = Decimal(str(ours))
    if computed.quantize(places, rounding=ROUND_HALF_UP) == stated.quantize(places):
        return "agrees"
    return "agrees" if abs(computed - stated) <= abs(stated) / 100 else "differs"


def line_items_json(items: tuple[LineItem, ...]) -> list[dict[str, Any]]:
    """Line items as JSON keeps them: one shape for every line item, options' included."""
    return [
        {
            "key": i.key,
            "label": i.label,
            "usd": to_float(i.usd),
            "formula": i.formula,
            "price_source": i.price_source,
            "scales_with_volume": i.scales_with_volume,
        }
        for i in items
    ]
