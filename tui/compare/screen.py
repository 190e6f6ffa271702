"""Two or more profiles side by side: outcomes, and the answers and prices that differ,
highlighted; below, what changed from the first to each other one (the CLI's diff)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from profiles.catalogs import CatalogSource

from ..state.visible import visible
from .diff_list import DiffList
from .side_by_side import CHANGED, SideBySide

if TYPE_CHECKING:
    from ..state.comparison import Comparison


class CompareScreen(Screen[None]):
    """Opens and compares `paths` in a worker; a file that cannot be opened is named, with
    its one-line error, and the others are compared."""

    CSS_PATH = "compare.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", priority=True),
        Binding("home", "top", "Top", show=False),
        Binding("end", "bottom", "Bottom", show=False),
    ]

    def __init__(self, paths: list[Path], catalogs: CatalogSource | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.catalogs = catalogs or CatalogSource()
        """The app's prices, for files their price snapshots do not price or judge."""
        self.comparison: Comparison | None = None
        """The comparison shown, once the worker has built it."""

    def compose(self) -> ComposeResult:
        title = f"Compare {len(self.paths)} profiles · {CHANGED} differs from A"
        yield Label(Content(title), id="compare-title")
        with ScrollableContainer(id="compare-body"):
            yield Static(Content("Opening the profiles…"), id="compare-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#compare-body").focus()
        self.load()

    @work(thread=True, exclusive=True, group="compare")
    def load(self) -> None:
        from ..state.comparison import build

        comparison = build(self.paths, self.catalogs)
        self.app.call_from_thread(self._show, comparison)

    def _show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        status = self.query_one("#compare-status", Static)
        lines = [f"✗ {visible(e)}" for e in comparison.errors]
        if len(comparison.names) < 2:
            lines.append("Fewer than two profiles could be opened: nothing to compare.")
        if lines:
            status.update(Content("\n".join(lines)))
            status.add_class("-error")
        else:
            status.display = False
        if not comparison.names:
            return
        body = self.query_one("#compare-body")
        body.mount(SideBySide(comparison, id="side-by-side"))
        if comparison.diffs:
            body.mount(DiffList(comparison.diffs, id="diffs"))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_top(self) -> None:
        self.query_one("#compare-body").scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#compare-body").scroll_end(animate=False)
