"""Open (ctrl+o): the browser lists a folder's profiles with verdict and break-even, survives
malformed files, opens one in the wizard (asking about unsaved answers) and compares."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

from textual.widgets import DataTable

from engine.money import number
from engine.wording import verdict_words
from profiles.files import load_profile
from tests.tui.wizard_helpers import EXAMPLES, SIZE, new_app, ready
from tui.browser.screen import BrowserScreen
from tui.cli import main
from tui.compare.screen import CompareScreen
from tui.dialogs.confirm import ConfirmScreen
from tui.results.screen import ResultsScreen
from tui.state.typed import parse_number
from tui.wizard.field import FieldRow
from tui.wizard.screen import WizardScreen

BROKEN = "broken.toml"


def folder_of_examples(root: Path) -> Path:
    """The shipped examples, a malformed profile and a file that is not a profile."""
    folder = root / "profiles"
    folder.mkdir()
    for path in EXAMPLES.glob("*.toml"):
        shutil.copy(path, folder / path.name)
    (folder / BROKEN).write_text('[profile]\nname = "half\n', encoding="utf-8")
    (folder / "readme.txt").write_text("not a profile", encoding="utf-8")
    return folder


def rules_verdict(path: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", "json"]) == 0
    return str(json.loads(out.getvalue())["recommendation"]["verdict"])


def row_cells(screen: BrowserScreen, path: Path) -> list[str]:
    table = screen.query_one(DataTable)
    return [cell.plain for cell in table.get_row(str(path))]


async def open_browser(pilot) -> BrowserScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("ctrl+o")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BrowserScreen)
    return screen


async def move_to(pilot, screen: BrowserScreen, path: Path) -> None:  # type: ignore[no-untyped-def]
    table = screen.query_one(DataTable)
    target = table.get_row_index(str(path))
    await pilot.pause()
    step = "down" if target > table.cursor_row else "up"
    for _ in range(abs(target - table.cursor_row)):
        await pilot.press(step)
    await pilot.pause()
    assert table.cursor_row == target


async def test_lists_every_profile_with_verdict_and_break_even(isolated: Path) -> None:
    folder = folder_of_examples(isolated)
    app = new_app()
    app.path = folder / "mine.toml"  # the browser starts in the current file's folder
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browser(pilot)
        assert screen.folder == folder.resolve()
        listed = {Path(k).name for k in screen.rows}
        assert listed == {p.name for p in folder.glob("*.toml")}  # not readme.txt
        for name in ("support-chatbot-10k.toml", "code-generation.toml"):
            path = folder / name
            stored = load_profile(path).result
            assert stored is not None and stored.costs.break_even_months is not None
            cells = row_cells(screen, path)
            assert cells[2].startswith(load_profile(path).profile.name[:10])
            assert cells[3] == verdict_words(rules_verdict(path))
            assert cells[4] == f"{number(stored.costs.break_even_months)} mo"


async def test_a_malformed_file_is_listed_with_its_one_line_error(isolated: Path) -> None:
    folder = folder_of_examples(isolated)
    app = new_app()
    app.path = folder / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browser(pilot)
        row = screen.rows[str(folder / BROKEN)]
        assert row.error and "\n" not in row.error
        assert BROKEN in row.error
        assert row_cells(screen, folder / BROKEN)[3] == "error"
        await move_to(pilot, screen, folder / BROKEN)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # not opened, still running
        assert any(BROKEN in str(n.message) for n in app._notifications)
        await pilot.press("space")  # a broken file cannot be marked for comparison
        assert str(folder / BROKEN) not in screen.marked


async def test_enter_opens_the_profile_in_the_wizard_with_its_answers(isolated: Path) -> None:
    folder = folder_of_examples(isolated)
    path = folder / "support-chatbot-10k.toml"
    profile = load_profile(path)
    app = new_app()
    app.path = folder / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browser(pilot)
        await move_to(pilot, screen, path)
        await pilot.press("enter")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        assert app.path == path
        assert not app.dirty
        answers = app.wizard.answers
        assert answers["profile.name"] == profile.profile.name
        volume = parse_number(answers["workload.requests_per_month"], "count")
        assert volume == profile.workload.requests_per_month == Decimal(10000)
        shown = app.screen.query_one("#field-profile--name", FieldRow)
        assert shown.value == profile.profile.name
        await pilot.press("ctrl+r")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert results.evaluation.result.break_even_months == Decimal(80)


async def test_unsaved_answers_are_not_replaced_without_asking(isolated: Path) -> None:
    folder = folder_of_examples(isolated)
    path = folder / "support-chatbot-10k.toml"
    app = new_app()
    app.path = folder / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("end", "!")  # the name, changed
        await pilot.pause()
        assert app.dirty
        typed = app.wizard.answers["profile.name"]
        screen = await open_browser(pilot)
        await move_to(pilot, screen, path)
        await pilot.press("enter")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert app.wizard.answers["profile.name"] == typed
        await pilot.press("enter", "y")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.wizard.answers["profile.name"] == load_profile(path).profile.name


async def test_space_marks_and_c_compares_the_marked_profiles(isolated: Path) -> None:
    folder = folder_of_examples(isolated)
    a, b = folder / "support-chatbot-10k.toml", folder / "support-chatbot-50k.toml"
    app = new_app()
    app.path = folder / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("c")  # nothing marked: a notice, no screen
        await pilot.pause()
        assert app.screen is screen
        await move_to(pilot, screen, a)
        await pilot.press("space")
        await move_to(pilot, screen, b)
        await pilot.press("space")
        assert screen.marked == [str(a), str(b)]
        assert row_cells(screen, a)[0] == "●"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.paths == [a, b]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_f_changes_folder(isolated: Path) -> None:
    folder = folder_of_examples(isolated)
    other = isolated / "other"
    other.mkdir()
    shutil.copy(folder / "code-generation.toml", other / "only.toml")
    app = new_app()
    app.path = folder / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("f", "ctrl+u", *"nowhere", "enter")
        await pilot.pause()
        assert screen.folder == folder.resolve()  # refused: not a folder
        await pilot.press("f", "ctrl+u", *"other", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.folder == other.resolve()
        assert list(screen.rows) == [str(other.resolve() / "only.toml")]


async def test_open_is_in_the_command_palette_and_the_help(isolated: Path) -> None:
    from textual.command import CommandPalette

    from tui.dialogs.help import HelpScreen

    folder = folder_of_examples(isolated)
    app = new_app()
    app.path = folder / "mine.toml"
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert "Open" in names and "Results" in names
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert ("ctrl+o", "Open") in [
            (k.lower().replace("^", "ctrl+"), d) for k, d in app.screen.keys
        ]
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Open")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        names = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Open", "Mark", "Compare marked", "Folder"} <= set(names)
