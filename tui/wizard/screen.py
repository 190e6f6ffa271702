"""The questions, one flowchart step at a time, beside the live cost panel.

Over 300 lines: one `Screen` class that holds the answers and keeps steps, panel and
errors in step with them; what it computes is in `tui.state`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input

from ..state.form import FieldSpec, FormErrors, answers_only, values_from_data
from ..state.option_ids import PREFIX
from ..state.steps import STEPS
from ..widgets.progress import ProgressLine
from .choice import Choice
from .cost_panel import CostPanel
from .field import FieldRow
from .question import QuestionRow
from .step import Step

if TYPE_CHECKING:
    from engine.catalog import Catalog

    from ..state.evaluation import Evaluation
    from .options_step import OptionsStep

WIDE_AT = 100
"""From this many columns the panel docks beside the questions (the app's breakpoint)."""
NO_FIGURES = "No figures yet: fix the marked answers."
"""The panel, Results and Save when no answers opened or typed have been valid yet."""


class WizardScreen(Screen[None]):
    """Holds the answers (`answers`, by field path), reads them into a profile on every change
    and keeps the last valid evaluation for the panel and the results. Steps are mounted when
    first shown, so startup composes one page of questions, not all of them."""

    AUTO_FOCUS = "FieldRow > #input, ChoiceRow"
    """The first answer has focus in the first frame (not the step's scroll container,
    which would be focused, restyled with its rows, and unfocused again after it)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: keys typed right after them must reach the next step, not bubble up from
        # the answer that had focus after they are handled. Page up/down stay ordinary (lists
        # and option lists use them).
        Binding("ctrl+n", "next", "Next", priority=True),
        # Tab moves between answers before the next key is handed on, for the same reason:
        # as an ordinary binding it acts only once the answer it leaves has seen the key, and
        # a letter typed right after it went into that answer. No answer here takes Tab.
        Binding("tab", "next_answer", "Next answer", show=False, priority=True),
        Binding("shift+tab", "previous_answer", "Previous answer", show=False, priority=True),
        Binding("pagedown", "next", "Next", show=False),
        Binding("ctrl+b", "back", "Back", priority=True),
        Binding("pageup", "back", "Back", show=False),
        Binding("ctrl+r", "results", "Results", priority=True),
        # F4, not ctrl+e: an answer's input takes ctrl+e (end of line). Shown only for a
        # profile with `[scenarios]` (`check_action`); pressed without, `on_key` says why.
        Binding(
            "f4", "scenario", "Scenario", tooltip="Show the figures of the next named scenario"
        ),
    ]

    def __init__(self, document: Mapping[str, Any], *, example: str | None = None) -> None:
        super().__init__()
        self.example = example
        """The shipped example shown, by name; None for the user's own assessment."""
        self.specs: dict[str, FieldSpec] = {f.path: f for s in STEPS for f in s.fields}
        self.kinds = {path: spec.kind for path, spec in self.specs.items()}
        self.document: dict[str, Any] = {}
        """The profile being edited, as data: fields the wizard does not ask are kept."""
        self.answers: dict[str, str] = {}
        """Every answer as typed, by field path, whether or not its step is mounted."""
        self.set_document(document)
        self.steps = [Step(spec, self.answers) for spec in STEPS]
        """The options step is a plain `Step` until first shown (`_options_step`): its module
        and the options' widgets are not on the first screen's path."""
        self.catalog: Catalog | None = None
        self.evaluation: Evaluation | None = None
        """The last evaluation of valid answers, as typed (what is saved)."""
        self.scenario = ""
        """The profile's named scenario the panel and the results show ("" for the answers
        as typed). A view, not an edit: the answers and what is saved stay as typed."""
        self.shown: Evaluation | None = None
        """What the panel and the results show: `evaluation`, or `scenario` applied to it."""
        self.labels = {path: spec.label for path, spec in self.specs.items()}
        self.errors: dict[str, str] = {}
        """The current answers' refusals, by field path (or section)."""
        self.unanswered = ""
        """What must still be answered before anything can be costed ("" when nothing)."""
        self._resumed = False

    def set_document(self, document: Mapping[str, Any]) -> None:
        self.document = answers_only(document)
        self.answers.clear()
        asked = {p: s for p, s in self.specs.items() if not p.startswith(PREFIX)}
        self.answers.update(values_from_data(self.document, asked))
        self.options_changed()
        if self.document.get("options"):  # the options' code loads only for a profile with them
            from ..state.options import option_answers

            self.answers.update(option_answers(self.document, self.specs))

    def options_changed(self) -> None:
        """Ask the named options' questions: they come and go with the options (the options
        step adds, renames and removes them), references offered by the options' names."""
        for path in [p for p in self.specs if p.startswith(PREFIX)]:
            del self.specs[path]
        if self.document.get("options"):
            from ..state.options import option_specs

            self.specs.update(option_specs(self.document, self.answers))
        self.kinds = {path: spec.kind for path, spec in self.specs.items()}
        self.labels = {path: spec.label for path, spec in self.specs.items()}

    def compose(self) -> ComposeResult:
        # The breakpoint class set before the children exist, so no resize restyles them all.
        wide = self.app.size.width >= WIDE_AT
        self.set_class(wide, "-wide")
        self.set_class(not wide, "-narrow")
        # No containers (wizard.tcss lays out the step and the panel); later steps are
        # mounted, before the panel, when first shown.
        progress = ProgressLine([s.title for s in STEPS] + ["Results"], id="progress")
        if self.example:
            progress.note = f"Example: {self.example}"
        yield progress
        yield Footer(compact=True)  # F1–F4 fit at 80 columns
        yield self.steps[0]
        yield CostPanel(id="panel", classes="-loading")

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume follows the mount, where every widget was just styled: skip the
        whole-screen restyle Textual does on resume that once (later resumes keep it, since
        the theme may have changed under another screen). Runs before `Screen`'s handler."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.call_after_refresh(self._focus_first, self.steps[0])

    # -- model in, model out -------------------------------------------------------------------

    def load(self, document: Mapping[str, Any]) -> None:
        """Show `document`'s answers (in the mounted rows now, in the others when mounted)."""
        self.set_document(document)
        self.query_one(ProgressLine).note = f"Example: {self.example}" if self.example else ""
        self.scenario = ""
        # Another file's figures are no "last valid figures" of this one's answers.
        self.evaluation = self.shown = None
        self.query_one(CostPanel).evaluation = None
        for step in self._mounted_options():
            step.run_worker(step.reload(""), group="options", exclusive=True)
        for row in self.query(QuestionRow):
            if not row.spec.path.startswith(PREFIX):  # the options step re-reads its own
                row.value = self.answers.get(row.spec.path, "")
        self.recompute()
        self.refresh_bindings()  # the new profile may have scenarios, or none

    @property
    def values(self) -> dict[str, str]:
        """The answers as typed, by field path."""
        return dict(self.answers)

    # -- recomputation -------------------------------------------------------------------------

    @on(Input.Changed)
    @on(Choice.Changed)
    @on(FieldRow.Changed)
    def answer_changed(self, event: Input.Changed | Choice.Changed | FieldRow.Changed) -> None:
        # A choice is its own row; an input is inside one; a list's row posts for it.
        control = event.control
        row = control if isinstance(control, QuestionRow) else control.parent
        if isinstance(row, QuestionRow):
            self.answered(row)

    def answered(self, row: QuestionRow) -> None:
        """`row`'s answer changed: recompute unless it is already the answer held (a typed
        answer arrives twice: at once from the input, then as its `Changed` message)."""
        if self.answers.get(row.spec.path) == row.value:
            return
        self.answers[row.spec.path] = row.value
        self.recompute()

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._learn_model_names()
        self.recompute()

    def _learn_model_names(self) -> None:
        """Name the profile's own models as the reports do in the options' references (on
        the catalog's arrival, and each time the options step is shown: the models may have
        changed since)."""
        if self.catalog is None:
            return
        from ..state.options import learn_model_names

        learn_model_names(
            self.catalog,
            (self.answers.get(p, "") for p in ("prompting.model", "fine_tuning.base_model")),
        )
        self.options_changed()
        for step in self._mounted_options():
            self.call_later(step.reload)

    def recompute(self) -> None:
        """Rebuild the profile from the answers and evaluate it; mark what is refused."""
        if self.catalog is None:
            self._mark_rows()  # each answer's own check (a number, a range) needs no prices
            return
        from ..state.evaluation import Unanswered, assess

        panel = self.query_one(CostPanel)
        self.unanswered = ""
        try:
            evaluation = assess(self.answers, self.document, self.kinds, self.catalog)
        except FormErrors as exc:
            from ..state.options import option_errors

            # An option's refusal on its own question, in words.
            self.errors = option_errors(exc.errors, self.specs, self.answers)
            panel.status = NO_FIGURES  # shown while no answers have been valid yet
        except Unanswered as exc:  # not an error on any answer: nothing to cost yet
            self.errors = {}
            self.unanswered = exc.line
            panel.status = exc.line  # shown while there are no figures to keep, stale
        else:
            self.errors = {}
            self.evaluation = evaluation
        self._mark_rows()
        self._settle()
        if not self.errors and not self.unanswered:
            self._show()
        rows = self._rows()
        reasons = [f"fix {row.spec.label}: {row.shown_error}" for row in rows if row.shown_error]
        if self.unanswered and self.evaluation is not None:  # else the panel says it alone
            reasons.append(self.unanswered)
        mounted = {row.spec.path for row in rows}
        for path, message in self.errors.items():
            spec = self.specs.get(path)
            if spec is None:  # a field no question asks: the reason alone, never its path
                reasons.append(message)
            elif path not in mounted:
                reasons.append(f"fix {spec.label}: {message}")
        panel.stale = reasons[0] if reasons else ""

    def _show(self) -> None:
        """Put the evaluation of the scenario chosen (or of the answers) in the panel. After
        `_settle`, so the rules' cache keeps the answers' run for the step's notice."""
        shown = self.evaluation
        if shown is not None and self.scenario and self.catalog is not None:
            from ..state.evaluation import assess

            try:
                shown = assess(
                    self.answers,
                    self.document,
                    self.kinds,
                    self.catalog,
                    scenario=self.scenario,
                    labels=self.labels,
                )
            except FormErrors as exc:  # a scenario these answers refuse: back to the answers
                why = next(iter(exc.errors.values()), "refused")
                self.notify(f"Scenario {self.scenario}: {why}", severity="error", markup=False)
                self.scenario = ""
                shown = self.evaluation
        self.shown = shown
        self.query_one(CostPanel).evaluation = shown

    @property
    def scenarios(self) -> list[str]:
        """The profile's named scenarios, in file order (the wizard does not edit them)."""
        return list(self.document.get("scenarios") or {})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The scenario key is shown only for a profile with scenarios."""
        return bool(self.scenarios) if action == "scenario" else True

    def on_key(self, event: events.Key) -> None:
        """The scenario key on a profile without scenarios: say so (its binding is hidden)."""
        if event.key == "f4" and not self.scenarios:
            event.stop()
            self.notify(
                "F4 shows the profile's named scenarios, and this profile has none "
                "(a [scenarios] table in its file adds them).",
                severity="warning",
            )

    def action_scenario(self) -> None:
        """Show the next scenario's figures: the answers as typed, each scenario, then back."""
        if self.evaluation is None:
            self.notify("No figures yet: prices are loading.", severity="warning")
            return
        if self.errors:
            self.notify("Fix the marked answers first: a scenario applies to them.")
            return
        cycle = ["", *self.scenarios]
        at = cycle.index(self.scenario) if self.scenario in cycle else 0
        self.scenario = cycle[(at + 1) % len(cycle)]
        self._show()
        shown = self.shown
        name = shown.scenario_line if shown is not None and shown.scenario else ""
        self.notify(name or "Scenario: expected (the answers as typed)", markup=False)

    def _settle(self) -> None:
        """Say on the step shown what its answers already settle (tui/state/settled.py)."""
        if self.evaluation is not None:
            self.steps[self.index].settle(self.evaluation, self.catalog)

    def _rows(self) -> list[QuestionRow]:
        """The answer rows of the steps mounted so far (no DOM query: this runs per key)."""
        return [row for step in self.steps if step.is_mounted for row in step.rows]

    def mark_rows(self) -> None:
        """Show each mounted row's refusal (the options step, after mounting its rows)."""
        self._mark_rows()

    def _mark_rows(self) -> None:
        for row in self._rows():
            row.set_error(self.errors.get(row.spec.path))

    # -- navigation ----------------------------------------------------------------------------

    def _options_step(self, index: int) -> OptionsStep:
        """The options step, made from its plain stand-in on first use."""
        from .options_step import OptionsStep

        step = self.steps[index]
        if not isinstance(step, OptionsStep):
            step = self.steps[index] = OptionsStep(step.spec, self.answers)
        return step

    def _mounted_options(self) -> list[OptionsStep]:
        """The options step when it has been shown (then it is an `OptionsStep`)."""
        if not any(s.is_mounted and s.spec.key == "options" for s in self.steps):
            return []  # never shown: its module need not load
        from .options_step import OptionsStep

        return [s for s in self.steps if isinstance(s, OptionsStep) and s.is_mounted]

    @property
    def index(self) -> int:
        return self.query_one(ProgressLine).index

    async def show_step(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        options = STEPS[index].key == "options"
        step: Step = self._options_step(index) if options else self.steps[index]
        for other in self.steps:
            if other is not step and other.is_mounted:
                other.display = False
        step.display = True
        if options:
            self._learn_model_names()
        if not step.is_mounted:
            await self.mount(step, before=self.query_one(CostPanel))
            self._mark_rows()
        self.query_one(ProgressLine).index = index
        self._settle()
        step.scroll_home(animate=False)
        # Focus now, not after a refresh (nor by `focus()`, which queues it): keys typed
        # right after the step's key are already queued and must reach the step shown.
        answer = self._focus_first(step, scroll_visible=False)
        self.call_after_refresh(self._keep_in_view, answer)

    async def action_next_answer(self) -> None:
        await self.steps[self.index].mount_rest()  # the rows below the first screenful
        self.focus_next()

    async def action_previous_answer(self) -> None:
        await self.steps[self.index].mount_rest()
        self.focus_previous()

    async def show_field(self, path: str) -> bool:
        """Show the step that asks the answer at `path` with that answer focused; False when
        no step asks it."""
        for index, spec in enumerate(STEPS):
            if any(f.path == path for f in spec.fields):
                await self.show_step(index)
                step: Step = self.steps[index]
                await step.mount_rest()
                row = next(r for r in step.rows if r.spec.path == path)
                self.set_focus(row.answer, scroll_visible=False)
                self.call_after_refresh(step.keep_in_view)
                return True
        return False

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        """Focus without Textual's own scroll: the step scrolls the focused row into view
        itself, above its notice (`Step.keep_in_view`). Textual's, animated and blind to the
        notice, raced it and left the step wherever the animation was at the time."""
        super().set_focus(widget, scroll_visible=False, from_app_focus=from_app_focus)

    def _focus_first(self, step: Step, *, scroll_visible: bool = True) -> Widget:
        answer = step.rows[0].answer if step.rows else step
        self.set_focus(answer, scroll_visible=scroll_visible)
        return answer

    def _keep_in_view(self, answer: Widget) -> None:
        """Scroll the answer focused by `show_step` into view once the step is laid out."""
        if self.focused is answer:
            answer.scroll_visible(animate=False)

    async def action_next(self) -> None:
        if self.index == len(self.steps) - 1:
            self.action_results()
        else:
            await self.show_step(self.index + 1)

    async def action_back(self) -> None:
        await self.show_step(self.index - 1)

    def action_results(self) -> None:
        if self.evaluation is None:
            why = self.unanswered or (
                NO_FIGURES if self.errors else "No figures yet: prices are loading."
            )
            self.notify(why, severity="warning", markup=False)
            return
        if self.errors or self.unanswered:
            self.notify(
                "Some answers are refused or missing; the results show the last valid figures.",
                severity="warning",
            )
        from ..results.screen import ResultsScreen

        self.app.push_screen(ResultsScreen(self.shown or self.evaluation))
