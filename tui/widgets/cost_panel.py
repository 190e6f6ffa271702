"""The live cost panel: both paths' money, break-even and the verdict so far."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ..bridge import RULES_PENDING

if TYPE_CHECKING:
    from ..evaluation import Evaluation

COMPACT_WIDTH = 60
"""Wider than this (docked below the questions) the panel uses fewer, longer lines."""


class CostPanel(Widget, can_focus=False):
    """Shows the last valid `evaluation`; `stale` (a reason) when the answers now differ."""

    DEFAULT_CSS = """
    CostPanel { height: auto; padding: 0 1; border: round $primary; }
    CostPanel.-stale { border: round $warning; }
    """

    evaluation: reactive[Evaluation | None] = reactive(None)
    """The last evaluation that succeeded; kept while the answers are invalid."""
    stale: reactive[str] = reactive("")
    """Why the figures shown are not those of the current answers ("" when they are)."""
    status: reactive[str] = reactive("Loading prices…")
    """What the panel is waiting for before it has any figures."""

    def watch_stale(self, stale: str) -> None:
        self.set_class(bool(stale), "-stale")
        self.border_title = "Costs · stale" if stale else "Costs"

    def on_mount(self) -> None:
        self.border_title = "Costs"
        self.border_subtitle = "F2 prices"

    def render(self) -> Content:
        lines: list[Content] = []
        if self.stale:
            lines.append(Content.assemble(("STALE", "bold reverse"), " " + self.stale))
        if self.evaluation is None:
            lines.append(Content(self.status))
            return Content("\n").join(lines)
        lines += self._figures(self.evaluation, compact=self.size.width > COMPACT_WIDTH)
        return Content("\n").join(lines)

    def _figures(self, ev: Evaluation, *, compact: bool) -> list[Content]:
        from engine.money import number, usd

        r = ev.result
        pe, ft = r.prompting, r.finetune
        if r.break_even_months is None:
            be = Content.assemble(("never", "bold"), f" — {r.break_even_note}")
        else:
            be = Content.assemble((f"{number(r.break_even_months)} months", "bold"))
        verdict = RULES_PENDING
        if ev.verdict is not None:
            verdict = ev.verdict.label
            if ev.verdict.confidence:
                verdict += f" ({ev.verdict.confidence} confidence)"
        h = r.horizon_months
        if compact:
            return [
                Content.assemble(
                    "Prompting ",
                    (f"{usd(pe.monthly_usd)}/mo", "bold"),
                    " · Fine-tuning ",
                    (f"{usd(ft.upfront_usd)}", "bold"),
                    " up front + ",
                    (f"{usd(ft.monthly_usd)}/mo", "bold"),
                    f" · {number(r.monthly_requests)} req/mo",
                ),
                Content.assemble("Break-even ", be),
                Content(
                    f"At {h} months: prompting {usd(r.prompting_total_usd)}, "
                    f"fine-tuning {usd(r.finetune_total_usd)}"
                ),
                Content(f"Verdict: {verdict}"),
            ]
        return [
            Content(f"{number(r.monthly_requests)} requests/month"),
            Content.assemble("Prompting   ", (f"{usd(pe.monthly_usd)}/mo", "bold")),
            Content.assemble("Fine-tuning ", (usd(ft.upfront_usd), "bold"), " up front"),
            Content.assemble("            ", (f"{usd(ft.monthly_usd)}/mo", "bold")),
            Content.assemble("Break-even  ", be),
            Content(f"At {h} months"),
            Content(f"  prompting   {usd(r.prompting_total_usd)}"),
            Content(f"  fine-tuning {usd(r.finetune_total_usd)}"),
            Content(f"Verdict: {verdict}"),
        ]
