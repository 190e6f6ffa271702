"""The live cost panel: both paths' money, break-even, the verdict so far and, for a profile
with ranges, how likely fine-tuning is to pay back (simulated in a worker, never blocking)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on, work
from textual.content import Content
from textual.css.scalar import Unit
from textual.reactive import reactive
from textual.widget import Widget
from textual.worker import get_current_worker

from ..messages import Simulated
from ..state.how_sure import can_simulate, has_ranges
from ..state.visible import visible

if TYPE_CHECKING:
    from engine.uncertainty import Uncertainty
    from engine.uncertainty.model import OptionOdds

    from ..state.evaluation import Evaluation

COMPACT_WIDTH = 60
"""Wider than this (docked below the questions) the panel uses fewer, longer lines."""
LOADING = "Loading prices…"
"""The panel's status until the catalog has loaded: it keeps the figures' height meanwhile
(`-loading`, wizard.tcss), so the questions in view are known from the first frame."""
PARTS_NOT_GIVEN = "upfront_parts_not_given"
"""The warning that the fine-tuning upfront cost leaves out parts not given (`engine.checks`;
a copy of the code: the panel's module loads before the engine)."""


def has_options(evaluation: Evaluation | None) -> bool:
    """Whether the panel shows option rows: only a profile that names options has them."""
    return evaluation is not None and bool(evaluation.profile.options)


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
    status: reactive[str] = reactive(LOADING)
    """What the panel is waiting for before it has any figures."""
    uncertainty: reactive[Uncertainty | None] = reactive(None)
    """The last simulation's answer (kept, marked as updating, while the next one runs)."""
    simulating: reactive[bool] = reactive(False)
    """Whether a simulation of the current evaluation is still running."""
    simulation_error: reactive[str] = reactive("")
    """Why the last simulation failed ("" when it did not)."""
    kept_option: reactive[str] = reactive("")
    """The named option being edited (the options step's pick): its row is always shown."""

    def _fit(self) -> None:
        """Lay the wizard out again only when the panel's height follows its lines and their
        count changed: each of its figures is a repaint, and a layout of the wizard costs
        several times one (docs/benchmarks.md)."""
        height = self.styles.height
        if height is None or not height.is_auto:
            return
        width = self.content_size.width
        self.clear_cached_dimensions()  # the lines as they are now
        if not width or self.get_content_height(self.size, self.size, width) != (
            self.content_size.height
        ):
            self.refresh(layout=True)

    def watch_status(self, status: str) -> None:
        if status != LOADING:
            self.remove_class("-loading")
        self._fit()

    def watch_uncertainty(self) -> None:
        self._fit()

    def watch_simulating(self) -> None:
        self._fit()

    def watch_simulation_error(self) -> None:
        self._fit()

    def watch_evaluation(self, evaluation: Evaluation | None) -> None:
        """Simulate the new answers when they have ranges; forget the old answer otherwise.
        A run for older answers is cancelled: its figure is never shown."""
        if evaluation is not None:
            self.remove_class("-loading")
        self.set_class(evaluation is not None and bool(evaluation.scenario), "-scenario")
        self.set_class(has_options(evaluation), "-options")
        self.workers.cancel_group(self, "uncertainty")
        self._fit()
        if not can_simulate(evaluation):
            self.simulating = False
            self.uncertainty = None
            return
        assert evaluation is not None
        self.simulating = True
        # Once these figures are drawn: the run then has the machine to itself (started at
        # once, it shared it with the drawing and finished later; docs/benchmarks.md).
        self.call_after_refresh(self._start, evaluation)

    def _start(self, evaluation: Evaluation) -> None:
        """Simulate `evaluation` unless newer answers came meanwhile (they start their own:
        a burst of keys simulates its last answer only)."""
        if evaluation is self.evaluation:
            self._simulate(evaluation)

    @work(thread=True, exclusive=True, group="uncertainty")
    def _simulate(self, evaluation: Evaluation) -> None:
        from ..state.how_sure import simulate

        worker = get_current_worker()
        try:
            uncertainty = simulate(evaluation, live=True)
            if not worker.is_cancelled:  # each named option's odds, over the same samples
                from ..state.option_odds import with_option_odds

                uncertainty = with_option_odds(evaluation, uncertainty)
        except Exception as exc:  # a failed simulation must never take the wizard down
            first = (str(exc).splitlines() or [type(exc).__name__])[0]
            self.post_message(Simulated(evaluation, None, first))
            return
        if not worker.is_cancelled:
            self.post_message(Simulated(evaluation, uncertainty))

    @on(Simulated)
    def _simulated(self, message: Simulated) -> None:
        message.stop()
        if message.evaluation is not self.evaluation:
            return  # answers changed meanwhile: their own simulation is on its way
        self.simulating = False
        self.simulation_error = message.error
        self.uncertainty = message.uncertainty

    def watch_stale(self, stale: str) -> None:
        self.set_class(bool(stale), "-stale")
        self.border_title = "Costs · stale" if stale else "Costs"
        self._fit()

    def on_mount(self) -> None:
        self.border_title = "Costs"
        self.border_subtitle = "F2 prices"

    _compact: bool | None = None
    """The form last laid out (`render`'s `compact`), None before the first resize."""

    def on_resize(self, event: events.Resize) -> None:
        """Lay out again when the width changes the form: the height was measured with the
        lines of the old width (after a resize from wide to 80 columns the panel kept the
        nine lines' height for its four, two blank rows)."""
        compact = event.size.width > COMPACT_WIDTH
        if self._compact is not None and compact != self._compact:
            # After this layout: a refresh now is folded into the one under way.
            self.call_after_refresh(self.refresh, layout=True)
        self._compact = compact

    def render(self) -> Content:
        if self.evaluation is None:  # no figures yet: what is awaited, and what stops them
            shown = [Content(self.status)] + ([Content(visible(self.stale))] if self.stale else [])
            return Content("\n").join(shown)
        lines: list[Content] = []
        if self.stale:
            # The reason may quote an answer from a file (an unknown model id): never raw.
            lines.append(Content.assemble(("STALE", "bold reverse"), " " + visible(self.stale)))
        if self.evaluation.scenario:  # user text (a scenario's name): plain, never markup
            lines.append(Content.assemble((self.evaluation.scenario_line, "bold")))
        compact = self.size.width > COMPACT_WIDTH
        width = self.content_region.width or self.size.width
        options = has_options(self.evaluation)
        inside = self._inside() if options else None
        head = lines
        room = None
        for tight in (False, True):
            lines = head + self._body(self.evaluation, compact=compact, tight=tight)
            if inside is None:
                break
            # Lines as drawn: a long one (a stale reason) wraps.
            room = inside - sum(len(line.wrap(max(width, 1))) for line in lines)
            if compact or room >= 2:
                break  # else tight: the tall form's totals on one line, for the options' rows
        if options:
            from .options_panel import option_lines  # not on the first screen's path

            odds = self._odds()
            lines += option_lines(
                self.evaluation, width, odds=odds, room=room, keep=self.kept_option
            )
        return Content("\n").join(lines)

    def _body(self, ev: Evaluation, *, compact: bool, tight: bool) -> list[Content]:
        """The figures, the conflicts and how sure: all but the options' rows."""
        figures = self._figures(ev, compact=compact, tight=tight)
        if not compact and self.screen.has_class("-narrow"):
            # Below the questions at 60 columns or fewer the panel is cut to its first lines:
            # the verdict, last of the tall form, leads it there.
            figures.insert(0, figures.pop())
        lines = figures + [Content.assemble(("! ", "bold"), c) for c in ev.conflicts]
        if has_ranges(ev):  # tight: its first line (the spread is in Results)
            lines += self._how_sure(ev, compact=compact)[: 1 if tight else None]
        return lines

    def _inside(self) -> int | None:
        """The lines the panel can show: its height when the layout sets one, else at most
        its `max-height`; None when nothing bounds it."""
        gutter = self.styles.gutter.height
        height = self.styles.height
        if height is not None and not height.is_auto:
            return max(self.size.height - gutter, 0) if self.size.height else None
        most = self.styles.max_height
        if most is None or most.unit != Unit.CELLS:
            return None
        return max(int(most.value) - gutter, 0)

    def _odds(self) -> tuple[OptionOdds, ...] | None:
        """The options' odds for their rows: None without ranges (no column), empty while
        the first simulation runs (`…`); kept while the next one runs, as the rest."""
        ev = self.evaluation
        if not can_simulate(ev):
            return None
        u = self.uncertainty
        if u is None:
            return None if self.simulation_error else ()
        return u.options or None

    def _how_sure(self, ev: Evaluation, *, compact: bool) -> list[Content]:
        """`Pays back in 24 mo: 53% (P10–P90 7.3 mo – never)`, marked while it updates."""
        h = ev.result.horizon_months
        u = self.uncertainty
        if not ev.result.costs_known:  # never simulated over an unknown cost
            return [Content(f"Pays back in {h} mo: unknown")]
        if u is None:
            why = self.simulation_error or "simulating…"
            return [Content(f"Pays back in {h} mo: {why}")]
        be = u.break_even_months
        spread = f"P10–P90 {_months(be.p10)} – {_months(be.p90)}"
        head = Content.assemble(
            f"Pays back in {u.horizon_months} mo: ", (_pct(u.p_payback_within_horizon), "bold")
        )
        retire = ""
        if u.retire_month is not None and u.p_payback_before_retirement is not None:
            retire = f"before the model retires: {_pct(u.p_payback_before_retirement)}"
        updating = " · updating…" if self.simulating else ""
        if compact:
            tail = f" ({spread})" + (f" · {retire}" if retire else "") + updating
            return [Content.assemble(head, tail)]
        lines = [Content.assemble(head, updating), Content(f"  {spread}")]
        if retire:
            lines.append(Content(f"  {retire}"))
        return lines

    def _figures(self, ev: Evaluation, *, compact: bool, tight: bool = False) -> list[Content]:
        from engine.money import months, number, usd
        from profiles.report import money_or_unknown

        from ..state.bridge import RULES_PENDING

        r = ev.result
        pe, ft = r.prompting, r.finetune
        if r.break_even_months is not None:
            be = Content.assemble((months(r.break_even_months), "bold"))
        elif r.break_even_known:
            be = Content.assemble(("never", "bold"), f" — {r.break_even_note}")
        else:
            be = Content.assemble(("unknown", "bold"), f" {r.unknowns[0].message}")
        verdict = RULES_PENDING
        if ev.verdict is not None:
            verdict = ev.verdict.label
            if ev.verdict.confidence:
                verdict += f" ({ev.verdict.confidence} confidence)"
        h = r.horizon_months
        # A bill typed directly is marked wherever it shows: it does not follow the answers.
        pe_given = " (given)" if pe.given else ""
        ft_given = " (given)" if ft.given else ""
        upfront = money_or_unknown(ft.upfront_usd)
        # Parts of the upfront cost not given count $0: the results' warnings name them (an
        # unknown upfront cost is unknown, not partial).
        parts_missing = any(w.code == PARTS_NOT_GIVEN for w in r.warnings)
        partial = " (partial)" if parts_missing and ft.upfront_usd is not None else ""
        totals = (
            f"At {h} months: prompting {usd(r.prompting_total_usd)}, "
            f"fine-tuning {money_or_unknown(r.finetune_total_usd)}"
        )
        if compact:  # one line a path: a given bill is marked `given` after its figure
            return [
                Content.assemble(
                    "Prompting ",
                    (f"{usd(pe.monthly_usd)}/mo", "bold"),
                    " given" if pe.given else "",
                    " · Fine-tuning ",
                    (upfront, "bold"),
                    f" once{partial} + ",
                    (f"{usd(ft.monthly_usd)}/mo", "bold"),
                    " given" if ft.given else "",
                ),
                Content.assemble("Break-even ", be),
                Content(f"{totals} · {number(r.monthly_requests)} req/mo"),
                Content(f"Verdict: {verdict}"),
            ]
        paths = [
            Content.assemble("Prompting   ", (f"{usd(pe.monthly_usd)}/mo", "bold"), pe_given),
            Content.assemble(
                "Fine-tuning ", (upfront, "bold"), " once, partial" if partial else " up front"
            ),
            Content.assemble("            ", (f"{usd(ft.monthly_usd)}/mo", "bold"), ft_given),
            Content.assemble("Break-even  ", be),
        ]
        if tight:  # the named options' rows need the lines (the Volume step has the volume)
            line = Content(totals.replace(f"{h} months:", f"{h} mo:"))
            width = self.content_region.width or self.size.width
            return [*paths, line.truncate(width, ellipsis=True), Content(f"Verdict: {verdict}")]
        return [
            Content(f"{number(r.monthly_requests)} requests/month"),
            *paths,
            Content(f"At {h} months"),
            Content(f"  prompting   {usd(r.prompting_total_usd)}"),
            Content(f"  fine-tuning {money_or_unknown(r.finetune_total_usd)}"),
            Content(f"Verdict: {verdict}"),
        ]


def _months(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f} mo"


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"
