"""A toy report format, all in this one module: the cost table as CSV, read from the report
document's typed amounts (a test registers it to show a new format needs nothing else)."""

from __future__ import annotations

from decimal import Decimal

from profiles.reports.document import Costs, Report


def _cell(amount: Decimal | None) -> str:
    return "" if amount is None else str(amount)


def render(report: Report) -> str:
    costs = report.section("costs")
    assert isinstance(costs, Costs)
    lines = ["row,prompting,finetune"]
    lines += [
        f"{r.code},{_cell(r.prompting.amount)},{_cell(r.finetune.amount)}" for r in costs.rows
    ]
    return "\n".join(lines) + "\n"
