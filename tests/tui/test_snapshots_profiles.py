"""Results, browser and compare at 80×24 and one wide, with a profile whose name and notes
are hostile text (plain `def` tests; the fixtures and helpers of test_snapshots.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from profiles.files import load_profile, save_profile
from tests.tui.test_snapshots import Run, SnapCompare, keys
from tests.tui.wizard_helpers import EXAMPLES, HOSTILE, THEME, freeze, ready
from tui.app import TunewiseApp, make_app
from tui.launch import example_document

SHOWN = ("support-chatbot-10k.toml", "support-chatbot-50k.toml", "code-generation.toml")


def folder(root: Path) -> Path:
    """Three examples, a hostile one and a malformed file, in `root/profiles`."""
    target = root / "profiles"
    target.mkdir(exist_ok=True)
    for name in SHOWN:
        shutil.copy(EXAMPLES / name, target / name)
    base = load_profile(EXAMPLES / "support-chatbot-10k.toml")
    hostile = base.model_copy(
        update={
            "profile": base.profile.model_copy(
                update={"name": HOSTILE, "notes": f"Notes: {HOSTILE}"}
            )
        }
    )
    save_profile(hostile, target / "hostile.toml")
    (target / "broken.toml").write_text('[profile]\nname = "half\n', encoding="utf-8")
    return target


def settled(*pressed: str) -> Run:
    """Like `keys`, waiting for every worker (the browser's rows, the comparison) after each."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        freeze(pilot)
        await pilot.pause()

    return run_before


def in_folder(root: Path) -> TunewiseApp:
    app = make_app(example_document("support-chatbot-50k"), theme=THEME)
    app.path = folder(root) / "new.toml"
    return app


def comparing(root: Path, *names: str) -> TunewiseApp:
    where = folder(root).relative_to(root)  # as typed on the command line, from the cwd
    return make_app(
        example_document("support-chatbot-50k"), theme=THEME, compare=[where / n for n in names]
    )


def test_results_of_an_opened_profile(snap_compare: SnapCompare, isolated: Path) -> None:
    path = EXAMPLES / "code-generation.toml"
    app = make_app(load_profile(path), path, theme=THEME)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("ctrl+r"))


def test_results_frameworks_and_next_steps(snap_compare: SnapCompare, isolated: Path) -> None:
    path = EXAMPLES / "code-generation.toml"
    app = make_app(load_profile(path), path, theme=THEME)
    run = keys("ctrl+r", "tab", *["down"] * 62)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_results_of_a_hostile_profile_wide(snap_compare: SnapCompare, isolated: Path) -> None:
    path = folder(isolated) / "hostile.toml"
    app = make_app(load_profile(path), path, theme=THEME)
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("ctrl+r", "tab", "end"))


def test_browser(snap_compare: SnapCompare, isolated: Path) -> None:
    assert snap_compare(in_folder(isolated), terminal_size=(80, 24), run_before=settled("ctrl+o"))


def test_browser_with_marks(snap_compare: SnapCompare, isolated: Path) -> None:
    run = settled("ctrl+o", "down", "space", "space", "home")
    assert snap_compare(in_folder(isolated), terminal_size=(80, 24), run_before=run)


def test_browser_wide(snap_compare: SnapCompare, isolated: Path) -> None:
    run = settled("ctrl+o", "down", "down")
    assert snap_compare(in_folder(isolated), terminal_size=(120, 40), run_before=run)


def test_compare(snap_compare: SnapCompare, isolated: Path) -> None:
    app = comparing(isolated, "support-chatbot-10k.toml", "support-chatbot-50k.toml")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled())


def test_compare_hostile_against_50k_scrolled(snap_compare: SnapCompare, isolated: Path) -> None:
    app = comparing(isolated, "hostile.toml", "support-chatbot-50k.toml")
    run = settled(*["pagedown"] * 2)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)


def test_compare_three_wide(snap_compare: SnapCompare, isolated: Path) -> None:
    app = comparing(isolated, *SHOWN, "broken.toml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled())
