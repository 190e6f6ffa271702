"""The questions, one flowchart step at a time, beside the live cost panel."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Select

from ..form import FieldSpec, FormErrors, values_from_data
from ..steps import STEPS, Step
from ..widgets.cost_panel import CostPanel
from ..widgets.field import FieldRow
from ..widgets.progress import ProgressLine

if TYPE_CHECKING:
    from engine.catalog import Catalog

    from ..evaluation import Evaluation

RESULTS = "results"


class WizardScreen(Screen[None]):
    """Reads the answers into a profile on every change (`values`), pushes a profile into the
    widgets (`load`), and keeps the last valid evaluation for the panel and results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n,pagedown", "next", "Next"),
        Binding("ctrl+b,pageup", "back", "Back"),
        Binding("ctrl+r", "results", "Results"),
    ]

    def __init__(self, document: Mapping[str, Any]) -> None:
        super().__init__()
        self.document = document
        """The profile being edited, as data: fields the wizard does not ask are kept."""
        self.steps = [cls() for cls in STEPS]
        self.specs: dict[str, FieldSpec] = {s.path: s for c in STEPS for s in c.FIELDS}
        self.kinds = {path: spec.kind for path, spec in self.specs.items()}
        self.catalog: Catalog | None = None
        self.evaluation: Evaluation | None = None
        """The last evaluation of valid answers."""
        self.errors: dict[str, str] = {}
        """The current answers' refusals, by field path (or section)."""

    def compose(self) -> ComposeResult:
        yield ProgressLine([s.TITLE for s in self.steps] + ["Results"], id="progress")
        with Container(id="body"):
            with ContentSwitcher(initial=self.steps[0].id, id="steps"):
                yield from self.steps
            yield CostPanel(id="panel")
        yield Footer()

    def on_mount(self) -> None:
        self.load(self.document)
        self.call_after_refresh(self._focus_first, self.steps[0])

    # -- model in, model out -------------------------------------------------------------------

    def load(self, document: Mapping[str, Any]) -> None:
        """Show `document`'s answers in the widgets."""
        self.document = document
        for path, text in values_from_data(document, self.specs).items():
            self.row(path).value = text

    def row(self, path: str) -> FieldRow:
        return self.query_one("#field-" + path.replace(".", "--"), FieldRow)

    @property
    def values(self) -> dict[str, str]:
        """The answers as typed, by field path."""
        return {row.spec.path: row.value for row in self.query(FieldRow)}

    # -- recomputation -------------------------------------------------------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    def answer_changed(self) -> None:
        self.recompute()

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.recompute()

    def recompute(self) -> None:
        """Rebuild the profile from the widgets and evaluate it; mark what is refused."""
        panel = self.query_one(CostPanel)
        if self.catalog is None:
            return
        from ..evaluation import assess

        try:
            evaluation = assess(self.values, self.document, self.kinds, self.catalog)
        except FormErrors as exc:
            self.errors = exc.errors
        else:
            self.errors = {}
            self.evaluation = evaluation
            panel.evaluation = evaluation
        for row in self.query(FieldRow):
            row.set_error(self.errors.get(row.spec.path))
        panel.stale = self._stale_reason()
        panel.refresh(layout=True)

    def _stale_reason(self) -> str:
        if not self.errors:
            return ""
        path, message = next(iter(self.errors.items()))
        spec = self.specs.get(path)
        where = spec.label if spec else path
        return f"fix {where}: {message}"

    # -- navigation ----------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self.query_one(ProgressLine).index

    def show_step(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        self.query_one(ProgressLine).index = index
        self.query_one(ContentSwitcher).current = self.steps[index].id
        step: Step = self.steps[index]
        step.scroll_home(animate=False)
        self.call_after_refresh(self._focus_first, step)

    def _focus_first(self, step: Step) -> None:
        inputs = step.query("Input, Select")
        if inputs:
            inputs.first().focus()
        else:
            step.focus()

    def action_next(self) -> None:
        if self.index == len(self.steps) - 1:
            self.action_results()
        else:
            self.show_step(self.index + 1)

    def action_back(self) -> None:
        self.show_step(self.index - 1)

    def action_results(self) -> None:
        if self.evaluation is None:
            self.notify("No figures yet: prices are loading.", severity="warning")
            return
        if self.errors:
            self.notify(
                "Some answers are refused; the results show the last valid figures.",
                severity="warning",
            )
        from .results import ResultsScreen

        self.app.push_screen(ResultsScreen(self.evaluation))
