"""Both paths side by side (monthly, up front, per request, totals) and the break-even line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from engine.result import CostResult


def summary(result: CostResult) -> Content:
    from engine.money import number, usd
    from profiles.report import basis_lines, money_or_unknown, payback_words

    r = result

    def per_request(value: object) -> str:
        return "—" if value is None else usd(value)  # type: ignore[arg-type]

    rows = [
        ("Monthly", usd(r.prompting.monthly_usd), usd(r.finetune.monthly_usd)),
        (
            "Up front",
            money_or_unknown(r.prompting.upfront_usd),
            money_or_unknown(r.finetune.upfront_usd),
        ),
        (
            "Per request",
            per_request(r.prompting.per_request_usd),
            per_request(r.finetune.per_request_usd),
        ),
        (
            f"Total at {r.horizon_months} months",
            usd(r.prompting_total_usd),
            money_or_unknown(r.finetune_total_usd),
        ),
    ]
    lines = [Content.styled(f"{'':<22}{'Prompting':>14}{'Fine-tuning':>14}", "bold")]
    lines += [Content(f"{a:<22}{b:>14}{c:>14}") for a, b, c in rows]
    lines.append(Content(""))
    lines.append(
        Content.assemble(
            "Break-even: ",
            (payback_words(r), "bold"),
            f" — {r.break_even_note}",
        )
    )
    lines += [Content(line) for line in basis_lines(r)]
    lines.append(Content(f"{number(r.monthly_requests)} requests in the first month."))
    return Content("\n").join(lines)


class CostSummary(Static):
    """The money in one table, and when (if ever) fine-tuning pays back."""

    def __init__(self, result: CostResult, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(summary(result), id=id)
