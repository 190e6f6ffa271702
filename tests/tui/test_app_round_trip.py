"""Opening a profile in the app and saving it changes nothing: the same bytes, and no question
about overwriting the file that is open (a git diff of a profile shows only what changed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from profiles.files import load_profile
from tests.tui.wizard_helpers import THEME, ready
from tui.app import make_app
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.filename import FileNameScreen

EXAMPLES = sorted((Path(__file__).parents[2] / "profiles" / "examples").glob("*.toml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
async def test_open_then_save_gives_the_same_bytes(example: Path, tmp_path: Path) -> None:
    path = tmp_path / example.name
    shutil.copy(example, path)
    before = path.read_bytes()
    app = make_app(load_profile(path), path, theme=THEME)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FileNameScreen)
        await pilot.press("enter")  # the suggested name is the open file
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert not app.dirty
    assert path.read_bytes() == before


async def test_saving_over_a_file_changed_on_disk_asks_first(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    shutil.copy(EXAMPLES[0], path)
    app = make_app(load_profile(path), path, theme=THEME)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a colleague
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
    assert path.read_text(encoding="utf-8").endswith("\n\n")  # their edit is still there
