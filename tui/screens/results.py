"""Results: the figures, line items, warnings, break-even volume and the cumulative chart."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from ..bridge import RULES_PENDING
from ..widgets.chart import CostChart
from ..widgets.progress import ProgressLine
from .confirm import ConfirmScreen
from .filename import FileNameScreen

if TYPE_CHECKING:
    from engine.result import LineItem

    from ..evaluation import Evaluation


def slug(name: str) -> str:
    text = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(filter(None, text.split("-")))[:60] or "assessment"


def _items(title: str, items: tuple[LineItem, ...]) -> list[str]:
    from engine.money import usd

    if not items:
        return []
    lines = [title]
    for i in items:
        lines.append(f"  {i.label:<30}{usd(i.usd):>12}")
        lines.append(f"      {i.formula}")
    return lines


class ResultsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+b,pageup", "back", "Back"),
        Binding("e", "export", "Export Markdown"),
    ]

    def __init__(self, evaluation: Evaluation) -> None:
        super().__init__()
        self.evaluation = evaluation

    def compose(self) -> ComposeResult:
        from engine.money import number, usd
        from profiles.report import months_text

        from ..steps import STEPS

        ev = self.evaluation
        r = ev.result
        progress = ProgressLine([s.TITLE for s in STEPS] + ["Results"], id="progress")
        progress.index = len(STEPS)
        yield progress
        with VerticalScroll(id="results"):
            yield Label(Content(ev.profile.profile.name), classes="results--title")
            verdict = ev.verdict.label if ev.verdict else RULES_PENDING
            if ev.verdict and ev.verdict.confidence:
                verdict += f" ({ev.verdict.confidence} confidence)"
            yield Static(Content(f"Verdict: {verdict}"), classes="results--verdict")
            if ev.verdict and ev.verdict.reasons:
                reasons = [f"  · {r}" for r in ev.verdict.reasons]
                yield Static(Content("\n".join(["Why", *reasons])), classes="results--reasons")
            rows = [
                ("", "Prompting", "Fine-tuning"),
                ("Monthly", usd(r.prompting.monthly_usd), usd(r.finetune.monthly_usd)),
                ("Up front", usd(r.prompting.upfront_usd), usd(r.finetune.upfront_usd)),
                (
                    f"Total at {r.horizon_months} months",
                    usd(r.prompting_total_usd),
                    usd(r.finetune_total_usd),
                ),
            ]
            table = "\n".join(f"{a:<22}{b:>14}{c:>14}" for a, b, c in rows)
            yield Static(Content(table), classes="results--table")
            yield Static(
                Content(
                    f"{number(r.monthly_requests)} requests in the first month. "
                    f"Break-even: {months_text(r.break_even_months)} — {r.break_even_note}"
                ),
                classes="results--note",
            )
            yield CostChart(r.cumulative, r.break_even_months, id="chart")
            volumes = [f"  within {v.within_months} months: {v.note}" for v in r.break_even_volumes]
            yield Static(Content("\n".join(["Fine-tuning pays back", *volumes])))
            if r.warnings:
                warnings = [f"  ! {w.message}" for w in r.warnings]
                yield Static(Content("\n".join(["Warnings", *warnings])), classes="results--warn")
            items = [
                *_items("Prompting, monthly", r.prompting.monthly_items),
                *_items("Prompting, up front", r.prompting.upfront_items),
                *_items("Fine-tuning, monthly", r.finetune.monthly_items),
                *_items("Fine-tuning, up front", r.finetune.upfront_items),
            ]
            yield Static(Content("\n".join(items)), classes="results--items")
            if ev.profile.profile.notes:
                yield Static(Content(f"Notes: {ev.profile.profile.notes}"))
        yield Footer()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        name = slug(self.evaluation.profile.profile.name) + ".md"
        self.app.push_screen(FileNameScreen("Export Markdown to", name), self._export_to)

    def _export_to(self, path: Path | None, *, force: bool = False) -> None:
        if path is None:
            return
        from profiles.report import render_markdown

        ev = self.evaluation
        text = render_markdown(ev.profile, ev.result, ev.book)
        try:
            with path.open("w" if force else "x", encoding="utf-8") as fh:
                fh.write(text)
        except FileExistsError:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._export_to(path, force=True)

            self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?"), answered)
            return
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror}", severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", markup=False)
