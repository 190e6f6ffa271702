"""Nothing from a file reaches the terminal as a control sequence: a terminal-title escape in
every string field a profile and a team price file accept is shown, visibly, on every screen
(wizard steps, panel, results, F2 prices, F3 map, help, browser, compare, notifications),
never sent raw (a price file's source title retitled the terminal from F2, issue #16). With the
markup cases: user text is never markup."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready
from tui.app import TunewiseApp, make_app
from tui.browser.screen import BrowserScreen
from tui.compare.screen import CompareScreen
from tui.dialogs.filename import FileNameScreen
from tui.dialogs.help import HelpScreen
from tui.dialogs.prices import PricesScreen
from tui.flowchart.screen import FlowchartScreen
from tui.results.screen import ResultsScreen
from tui.state.visible import visible

PAYLOAD = "\u001b]0;pwned\u0007\u001b[31mRED"
RAW = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 (newline and tab too: a rendered line has none), DEL and C1."""
EXAMPLE = EXAMPLES / "classification-gpt-4o-mini.toml"
MARKUP = ["Tier [Gold]", "[/]", "[@click=app.quit]x", "trailing \\"]

TEAM_PRICES = tomli_w.dumps(
    {
        "source": [
            {
                "id": "team-deal",
                "title": PAYLOAD,
                "url": f"https://example.com/{PAYLOAD}",
                "note": f"{PAYLOAD} {' '.join(MARKUP)}",
            }
        ],
        "token_price": [
            {
                "model": "openai:gpt-4o-mini",
                "input_usd_per_mtok": 30.0,
                "output_usd_per_mtok": 60.0,
                "source": "team-deal",
                "as_of": "2026-10",
            }
        ],
    }
)
"""A team's standing price file with the payload in its source's strings."""


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _leaves(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _leaves(v, (*path, i))]
    return [path] if isinstance(data, str) else []


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def payload_profile(folder: Path, *, models: bool) -> Path:
    """The example with the payload in every string field that still loads (`models`: the
    model ids too, which the wizard then refuses with the id in its reason)."""
    from profiles.files import load_profile

    data = tomli.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.setdefault("use_case", {}).setdefault("description", "the task")  # step 1 shows it
    trial_path = folder / "trial.toml"
    for path in _leaves(data):
        is_model = path[-1] in ("model", "base_model") and path[0] != "prices"
        if is_model != models and is_model:
            continue
        trial = copy.deepcopy(data)
        text = PAYLOAD if is_model else f"{PAYLOAD} {' '.join(MARKUP)}"
        _set(trial, path, text)
        trial_path.write_text(tomli_w.dumps(trial), encoding="utf-8")
        try:
            load_profile(trial_path)
        except Exception:
            continue  # a field that refuses control characters (or markup): nothing to show
        data = trial
    trial_path.unlink()
    profile = folder / ("payload models.toml" if models else "payload.toml")
    profile.write_text(tomli_w.dumps(data), encoding="utf-8")
    return profile


def raw_lines(app: TunewiseApp) -> list[str]:
    """The lines of the screen shown (toasts included) that hold a raw control character."""
    strips = app.screen._compositor.render_strips()
    lines = ["".join(segment.text for segment in strip) for strip in strips]
    return [repr(line) for line in lines if RAW.search(line)]


RAW_IN_TEXT = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""As `RAW`, but a widget's whole text has newlines between its lines."""


def raw_in_widgets(app: TunewiseApp) -> list[str]:
    """Widgets on the screen (scrolled out of view too) whose text holds a raw control
    character: each widget's `render()`, and an input's drawn value."""
    from textual.widget import Widget
    from textual.widgets import Input

    found = []
    for widget in app.screen.walk_children(Widget, with_self=False):
        try:
            rendered: Any = widget._value if isinstance(widget, Input) else widget.render()
        except Exception:
            continue
        text = getattr(rendered, "plain", rendered)
        if isinstance(text, str) and RAW_IN_TEXT.search(text):
            at = RAW_IN_TEXT.search(text).start()  # type: ignore[union-attr]
            found.append(f"{type(widget).__name__}: {text[max(at - 60, 0) : at + 40]!r}")
    return found


def screen_text(app: TunewiseApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def look(pilot: Pilot[Any], where: str, seen: dict[str, list[str]]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, TunewiseApp)
    seen[where] = raw_lines(app) + raw_in_widgets(app)


@pytest.fixture
def team_prices(isolated: Path) -> Path:
    """The user's standing price file (`$XDG_CONFIG_HOME/tunewise/prices.toml`)."""
    path = isolated / "config" / "tunewise" / "prices.toml"
    path.parent.mkdir(parents=True)
    path.write_text(TEAM_PRICES, encoding="utf-8")
    return path


def test_visible_shows_every_control_character() -> None:
    assert visible(PAYLOAD) == "␛]0;pwned␇␛[31mRED"
    assert visible("a\nb\tc") == "a␊b␉c"
    assert visible("a\nb", keep="\n") == "a\nb"
    assert visible("\x7f\x9b\u202e") == "␡\\u009b\\u202e"
    assert not RAW.search(visible("".join(map(chr, range(0x00, 0xA0)))))
    assert visible("Tier [Gold] [/]") == "Tier [Gold] [/]"


async def test_a_payload_profile_and_price_file_show_no_raw_control_on_any_screen(
    tmp_path: Path, team_prices: Path
) -> None:
    profile_path = payload_profile(tmp_path, models=False)
    models_path = payload_profile(tmp_path, models=True)
    weird = tmp_path / f"name{PAYLOAD}.toml"
    weird.write_text("x = [\n", encoding="utf-8")  # broken, and named with the payload
    from profiles.files import load_profile

    named = tmp_path / f"saved{PAYLOAD}.toml"  # the open file's name: Save suggests it
    named.write_bytes(profile_path.read_bytes())

    seen: dict[str, list[str]] = {}
    app = make_app(load_profile(named), named, theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await look(pilot, "wizard step 1", seen)
        # The task (use_case.description) as drawn: the escape visible, the markup literal.
        from tui.wizard.field import AnswerInput

        drawn = [i._value.plain for i in app.wizard.query(AnswerInput) if PAYLOAD in i.value]
        assert drawn == ["␛]0;pwned␇␛[31mRED " + " ".join(MARKUP)], drawn
        for step in range(2, len(app.wizard.steps) + 1):
            await pilot.press("ctrl+n")
            await look(pilot, f"wizard step {step}", seen)
        if not isinstance(app.screen, ResultsScreen):
            await pilot.press("ctrl+r")
        await look(pilot, "results", seen)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await look(pilot, "save dialog", seen)
        assert isinstance(app.screen, FileNameScreen)
        assert app.screen.query_one("#filename", Input).value == str(named)  # the real name
        await pilot.press("escape")
        await pilot.press("f2")
        await look(pilot, "F2 prices", seen)
        assert isinstance(app.screen, PricesScreen)
        assert "␛]0;pwned␇␛[31mRED" in screen_text(app), screen_text(app)  # shown, visibly
        await pilot.press("escape")
        await pilot.press("f3")
        await look(pilot, "F3 map", seen)
        assert isinstance(app.screen, FlowchartScreen)
        await pilot.press("escape")
        await pilot.press("f1")
        await look(pilot, "F1 help", seen)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await look(pilot, "browser", seen)
        assert isinstance(app.screen, BrowserScreen)
        app.notify(f"{weird}: a notice", markup=False)
        await look(pilot, "notification", seen)
        await pilot.press("escape")
        app.open_profile(models_path)
        await look(pilot, "refused model ids", seen)
        app.push_screen(CompareScreen([profile_path, models_path, weird, EXAMPLE]))
        await look(pilot, "compare", seen)
    leaks = {where: lines for where, lines in seen.items() if lines}
    assert not leaks, leaks
