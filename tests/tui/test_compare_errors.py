"""The compare screen names the file of every error in one line: a symlink loop, a path
through a file, a folder, a missing file, broken TOML and an unknown key each say which file
(a symlink loop showed bare `[Errno 40] …`, issue #16); the files that open are compared."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static

from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready
from tui.app import make_app
from tui.compare.screen import CompareScreen
from tui.launch import blank_document
from tui.state.comparison import file_error

A, B = EXAMPLES / "support-chatbot-10k.toml", EXAMPLES / "support-chatbot-50k.toml"


def bad_files(folder: Path) -> list[Path]:
    (folder / "loop-a.toml").symlink_to(folder / "loop-b.toml")
    (folder / "loop-b.toml").symlink_to(folder / "loop-a.toml")
    (folder / "folder.toml").mkdir()
    (folder / "broken.toml").write_text("x = [\n", encoding="utf-8")
    (folder / "unknown key.toml").write_text(
        A.read_text(encoding="utf-8") + "\nsurprise = 1\n", encoding="utf-8"
    )
    names = ["loop-a.toml", "folder.toml", "missing.toml", "broken.toml", "unknown key.toml"]
    return [folder / n for n in names] + [folder / "broken.toml" / "inside.toml"]


async def test_every_error_on_the_compare_screen_names_its_file(tmp_path: Path) -> None:
    bad = bad_files(tmp_path)
    app = make_app(blank_document(), theme=THEME, compare=[A, *bad, B])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        errors = screen.comparison.errors
        assert len(errors) == len(bad)
        for path, line in zip(bad, errors, strict=True):
            assert line.startswith(f"{path}:"), line
            assert "\n" not in line and "[Errno" not in line, line
        assert screen.comparison.names and len(screen.comparison.names) == 2
        shown = str(screen.query_one("#compare-status", Static).render())
        assert all(f"✗ {path}" in shown for path in bad), shown


def test_an_os_error_is_its_reason_after_the_file_name() -> None:
    error = OSError(40, "Too many levels of symbolic links", "x.toml")
    assert file_error(Path("dir/x.toml"), error) == "dir/x.toml: Too many levels of symbolic links"
    assert re.fullmatch(r"p\.toml: boom two", file_error(Path("p.toml"), ValueError("boom\ntwo")))
