"""Results: verdict, a summary paragraph in plain words, reasons, each framework's verdict,
the money, the chart, warnings, next steps and line items; exported to Markdown exactly as
`tunewise assess` writes it.

For a profile with ranges a worker simulates them (the screen shows a pending line until it
finishes): the chart gets its P10–P90 band, and the P10/P50/P90 table, the probabilities and
the tornado chart appear below it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import get_current_worker

from ..dialogs.confirm import ConfirmScreen
from ..dialogs.filename import FileNameScreen
from ..messages import Simulated
from ..state.how_sure import can_simulate
from ..widgets.progress import ProgressLine
from ..widgets.verdict_card import VerdictCard
from ..widgets.wrapped_text import Line, WrappedText
from .break_even_volumes import BreakEvenVolumes
from .chart import CostChart
from .cost_summary import CostSummary
from .flowchart_strip import FlowchartStrip
from .framework_table import FrameworkTable
from .line_items import LineItems
from .next_steps import NextSteps
from .reason_list import ReasonList
from .tornado import TornadoChart
from .uncertainty_summary import UncertaintySummary
from .warning_list import WarningList

if TYPE_CHECKING:
    from engine.result import OptionPick, OptionsComparison
    from engine.rules import Recommendation
    from engine.uncertainty import Uncertainty

    from ..state.evaluation import Evaluation


def slug(name: str) -> str:
    text = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(filter(None, text.split("-")))[:60] or "assessment"


def export_markdown(evaluation: Evaluation, recommendation: Recommendation | None) -> str:
    """The same Markdown as `tunewise assess --format markdown`."""
    from profiles.report import render_markdown

    ev = evaluation
    text = render_markdown(ev.profile, ev.result, ev.book, recommendation=recommendation)
    return text.rstrip("\n") + "\n"


def _options(ev: Evaluation) -> tuple[OptionsComparison | None, OptionPick | None]:
    """A profile's named options and the one implementing the verdict, as the reports have
    them (none for a profile without options, or whose options cannot be priced yet)."""
    if not ev.profile.options:
        return None, None
    from engine.errors import InputError
    from engine.options.verdict import pick_option

    try:
        options = ev.assessed.options
    except InputError:
        return None, None
    rec = ev.recommendation
    return options, None if rec is None else pick_option(rec.verdict, options)


FILL_TOOLTIP = "Go to the answer a numbered next step says to fill in"


class ResultsScreen(Screen[None]):
    CSS_PATH = "results.tcss"
    """Read when the results are first shown, not at startup."""
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: keys typed right after the one that closes the results reach the wizard
        # (without it they went to the closing screen's focused widget and were lost).
        Binding("escape,ctrl+b", "back", "Back", priority=True),
        Binding("pageup", "back", "Back", show=False),
        Binding("e", "export", "Export", tooltip="Export the results to a Markdown file"),
        Binding("1", "fill(1)", "Fill in", key_display="1-9", tooltip=FILL_TOOLTIP),
        *(Binding(str(n), f"fill({n})", "Fill in", show=False) for n in range(2, 10)),
    ]

    def __init__(self, evaluation: Evaluation) -> None:
        super().__init__()
        self.evaluation = evaluation
        self.recommendation = evaluation.recommendation
        """The rules' whole recommendation for `evaluation` (the panel shows only its verdict),
        as `tunewise assess` computes it; None when the rules cannot judge."""
        self.uncertainty: Uncertainty | None = None
        """The simulation of `evaluation`'s ranges, once its worker has finished."""

    def compose(self) -> ComposeResult:
        from profiles.report import summary_paragraph

        from ..state.steps import STEPS

        ev = self.evaluation
        r = ev.result
        rec = self.recommendation
        progress = ProgressLine([s.title for s in STEPS] + ["Results"], id="progress")
        progress.index = len(STEPS)
        yield progress
        with VerticalScroll(id="results"):
            yield Label(Content(ev.profile.profile.name), classes="results--title")
            if ev.scenario:
                yield Label(Content(ev.scenario_line), classes="results--scenario")
            yield VerdictCard(rec, ev.verdict, id="verdict", classes="results--verdict")
            options, pick = _options(ev)
            paragraph = summary_paragraph(r, rec, verdict=False, options=options, pick=pick)
            yield WrappedText([Line(paragraph, 0, 0)], id="summary-words")
            with Container(id="flowchart-strip-slot"):
                if rec is not None:
                    yield FlowchartStrip(rec, id="flowchart-strip")
            yield CostSummary(r, id="summary")
            yield CostChart(r.cumulative, r.break_even_months, id="chart")
            if ev.profile.options:  # named options: each one's curve, then their ranking
                from .options import OptionsResults

                yield OptionsResults(ev.assessed.options, id="options")
            if can_simulate(ev):
                yield UncertaintySummary(id="how-sure")
                yield Container(id="tornado-slot")
            yield BreakEvenVolumes(r, id="volumes")
            if rec is not None:
                yield ReasonList(rec, id="reasons")
                yield FrameworkTable(rec.frameworks, id="frameworks")
            if r.warnings or (rec is not None and rec.warnings):
                yield WarningList(r.warnings, rec.warnings if rec else (), id="warnings")
            if rec is not None and rec.next_steps:
                yield NextSteps(rec.next_steps, id="next-steps")
            yield LineItems(r, id="line-items")
            if ev.profile.profile.notes:
                yield WrappedText([Line(f"Notes: {ev.profile.profile.notes}")], id="notes")
        yield Footer()

    def on_mount(self) -> None:
        if can_simulate(self.evaluation):
            self._simulate(self.evaluation)

    @work(thread=True, exclusive=True, group="uncertainty")
    def _simulate(self, evaluation: Evaluation) -> None:
        """The simulation `tunewise assess` runs (its samples, seed and scenario), with the
        P10/P50/P90 band of both cumulative curves for the chart."""
        try:
            u = evaluation.assessed.uncertainty(with_band=True)
        except Exception as exc:  # a failed simulation must never take the screen down
            first = (str(exc).splitlines() or [type(exc).__name__])[0]
            self.post_message(Simulated(evaluation, None, first))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(Simulated(evaluation, u))

    @on(Simulated)
    async def _simulated(self, message: Simulated) -> None:
        message.stop()
        self.uncertainty = u = message.uncertainty
        self.query_one(UncertaintySummary).show(u, message.error)
        if u is None:
            return
        chart = self.query_one(CostChart)
        chart.add_class("-band")  # one more line for the band's key
        chart.band = u.band
        be = self.evaluation.result.break_even_months
        likely = None if be is None else float(be)
        await self.query_one("#tornado-slot").mount(TornadoChart(u, likely, id="tornado"))

    def action_back(self) -> None:
        self.app.pop_screen()

    async def action_fill(self, number: int) -> None:
        """Back to the wizard, on the answer next step `number` says to fill in."""
        steps = self.recommendation.next_steps if self.recommendation is not None else ()
        field = steps[number - 1].field if 0 < number <= len(steps) else None
        if not field:
            self.notify(f"Next step {number} names no answer to fill in.", severity="warning")
            return
        from engine.wording import field_words

        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        # The wizard below, by what it does (it imports this screen: not imported here).
        show_field = getattr(below, "show_field", None)
        if show_field is None or field not in getattr(below, "specs", {}):
            self.notify(
                f"No wizard step asks {field_words(field)}.", severity="warning", markup=False
            )
            return
        self.app.pop_screen()
        await show_field(field)

    def action_export(self) -> None:
        name = slug(self.evaluation.profile.profile.name) + ".md"
        self.app.push_screen(FileNameScreen("Export Markdown to", name), self._export_to)

    def _export_to(self, path: Path | None, *, force: bool = False) -> None:
        if path is None:
            return
        text = export_markdown(self.evaluation, self.recommendation)
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
            reason = exc.strerror or str(exc)
            self.notify(f"Could not write {path}: {reason}", severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", markup=False)
