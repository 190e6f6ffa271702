"""Open: the profiles of a folder with verdict and break-even, loaded in a worker. Enter
opens one in the wizard, space marks several, `c` compares the marked ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static
from textual.worker import get_current_worker

from profiles.catalogs import CatalogSource

from ..dialogs.filename import FileNameScreen
from ..state.visible import visible
from ..widgets.verdict_card import words

if TYPE_CHECKING:
    from ..state.profile_rows import ProfileRow

MARK = "●"
"""Shown in the first column of a marked row (the mark reads without colour)."""
COLUMNS = (("", 1), ("File", 18), ("Name", 0), ("Verdict", 13), ("Break-even", 11))
"""(label, width); the name takes the room the others leave."""
PADDING = 2 * len(COLUMNS) + 2
"""The table's cell padding and its scroll bar."""


def shown(path: Path) -> str:
    """`path` relative to the working directory when inside it (shorter, and the same on
    every machine), else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)


def error_text(row: ProfileRow) -> str:
    """The row's one-line error naming the file by its name (the folder is in the title)."""
    where = str(row.path)
    return row.path.name + row.error[len(where) :] if row.error.startswith(where) else row.error


def _cell(text: str, width: int) -> Text:
    """Plain text (never markup, control characters shown) cut to `width` cells."""
    text = visible(text)
    cut = text if len(text) <= width else text[: width - 1] + "…"
    return Text(cut, no_wrap=True, overflow="ellipsis")


class BrowserScreen(Screen[None]):
    """Lists `folder`'s profiles; the app opens the chosen one (asking about unsaved work)."""

    CSS_PATH = "browser.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", priority=True),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare marked"),
        Binding("f", "folder", "Folder"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, folder: Path, catalogs: CatalogSource | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.catalogs = catalogs or CatalogSource()
        """The app's prices, for a file that stores no verdict (and for compare)."""
        self.rows: dict[str, ProfileRow] = {}
        """Loaded rows by file path (the table's row key)."""
        self.marked: list[str] = []
        """Marked rows in the order they were marked (the compare screen's order)."""

    def compose(self) -> ComposeResult:
        yield Label(Content(visible(f"Profiles in {shown(self.folder)}")), id="browser-title")
        table: DataTable[Text] = DataTable(
            id="browser-table", cursor_type="row", zebra_stripes=True
        )
        for label, width in self.widths():
            table.add_column(Text(label), width=width, key=label or "mark")
        yield table
        yield Static(Content("Loading…"), id="browser-detail")
        yield Footer()

    def widths(self) -> list[tuple[str, int]]:
        fixed = sum(w for _, w in COLUMNS) + PADDING
        name = max(16, self.app.size.width - fixed)
        return [(label, width or name) for label, width in COLUMNS]

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.load_rows()

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="browser")
    def load_rows(self) -> None:
        """Summarise each file off the UI thread, adding rows as they come."""
        from ..state.profile_rows import profile_files, summarise

        worker = get_current_worker()
        try:
            files = profile_files(self.folder)
        except OSError as exc:
            self.app.call_from_thread(self._finished, f"Cannot list {self.folder}: {exc}")
            return
        for path in files:
            if worker.is_cancelled:
                return
            row = summarise(path, self.catalogs)
            self.app.call_from_thread(self._add_row, row)
        self.app.call_from_thread(self._finished, "" if files else "No .toml profiles here.")

    def _add_row(self, row: ProfileRow) -> None:
        key = str(row.path)
        self.rows[key] = row
        widths = [w for _, w in self.widths()]
        if row.error:
            cells = ["", row.path.name, f"✗ {error_text(row)}", "error", ""]
        else:
            verdict = words(row.verdict) if row.verdict else "—"
            cells = ["", row.path.name, row.name, verdict, row.break_even or "—"]
        table = self.query_one(DataTable)
        table.add_row(*(_cell(c, w) for c, w in zip(cells, widths, strict=True)), key=key)
        if len(self.rows) == 1:
            self._describe(key)

    def _finished(self, note: str) -> None:
        if note:
            self.query_one("#browser-detail", Static).update(Content(visible(note)))
        elif self.rows:
            self._describe(self._cursor_key() or next(iter(self.rows)))

    # -- the row under the cursor -------------------------------------------------------------

    def _cursor_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._describe(event.row_key.value)

    def _describe(self, key: str) -> None:
        row = self.rows.get(key)
        if row is None:
            return
        if row.error:
            text = f"✗ {error_text(row)}"
        else:
            text = f"{row.name}\n{shown(row.path)}"
            if row.computed:
                text += "\n(no stored result: verdict and break-even computed now)"
        self.query_one("#browser-detail", Static).update(Content(visible(text, keep="\n")))

    # -- actions -------------------------------------------------------------------------------

    def action_open(self) -> None:
        key = self._cursor_key()
        if key is None:
            return
        row = self.rows[key]
        if row.error:
            self.notify(error_text(row), title="Cannot open", severity="error", markup=False)
            return
        open_profile = getattr(self.app, "open_profile", None)
        if open_profile is not None:
            open_profile(row.path)

    def action_mark(self) -> None:
        key = self._cursor_key()
        if key is None or self.rows[key].error:
            return
        table = self.query_one(DataTable)
        if key in self.marked:
            self.marked.remove(key)
            table.update_cell(key, "mark", Text(""))
        else:
            self.marked.append(key)
            table.update_cell(key, "mark", Text(MARK))
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_compare(self) -> None:
        if len(self.marked) < 2:
            self.notify("Mark two or more profiles with space, then press c.", severity="warning")
            return
        from ..compare.screen import CompareScreen

        self.app.push_screen(CompareScreen([Path(k) for k in self.marked], self.catalogs))

    def action_folder(self) -> None:
        self.app.push_screen(FileNameScreen("Browse folder", str(self.folder)), self._chdir)

    def _chdir(self, folder: Path | None) -> None:
        if folder is None:
            return
        if not folder.is_dir():
            self.notify(f"{folder} is not a folder.", severity="error", markup=False)
            return
        self.folder = folder.resolve()
        self.rows.clear()
        self.marked.clear()
        self.query_one("#browser-title", Label).update(Content(f"Profiles in {shown(self.folder)}"))
        self.query_one(DataTable).clear()
        self.query_one("#browser-detail", Static).update(Content("Loading…"))
        self.load_rows()

    def action_back(self) -> None:
        self.app.pop_screen()
