"""The real `tunewise` binary in a real terminal: tmux at 80×24, driven by keys, read by
capture-pane, under TERM=xterm-256color, TERM=screen and NO_COLOR=1.

On a shipped example (`tunewise open --example`, the README's first command) it presses Next
until the results show, saves with ctrl+s under
a new name, quits with ctrl+q, and checks the screens (cost panel, verdict), the saved file
and the exit status. Every wait polls the screen (generous limits for a slow, shared CI
machine); nothing sleeps a fixed time. Skipped, with the reason, where tmux is absent.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
TUNEWISE = Path(sys.executable).with_name("tunewise")
STARTUP_TIMEOUT = 90.0
STEP_TIMEOUT = 45.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)"),
    pytest.mark.skipif(not TUNEWISE.exists(), reason=f"no tunewise script at {TUNEWISE}"),
]

PROGRESS = re.compile(r"\s(\d+)/(\d+)\s")
COST_PANEL = re.compile(r"Prompting \$[\d,]+(\.\d+)?/mo")
VERDICT = re.compile(r"Verdict: (\S.*)")
SGR = re.compile(r"\x1b\[([\d;]*)m")


class Pane:
    """One tmux session on a private server: keys in, screen text out."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        assert TMUX is not None
        self.base = [TMUX, "-u", "-L", socket, "-f", os.devnull]
        self.env = env
        self.screens: list[str] = []
        """Every screen read, in order: what the test asserts on and prints on failure."""

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "tw", *keys)

    def text(self, text: str) -> None:
        self.tmux("send-keys", "-t", "tw", "-l", text)

    def screen(self, *, escapes: bool = False) -> str:
        text = self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "tw")
        if not escapes:
            self.screens.append(text)
        return text

    def replace_input(self, text: str, *, attempts: int = 6) -> None:
        """Clear the focused input and type `text`, again until the screen shows it all.

        Keys sent before a new dialog has focused its input are dropped (a person cannot
        type that fast after ctrl+s, tmux can), so clear-and-type is repeated: it is the
        same whatever part of an earlier attempt arrived.
        """
        for _ in range(attempts):
            self.keys("C-a", "C-k")
            self.text(text)
            try:
                self.wait_for("the typed text", lambda s: text in s, STEP_TIMEOUT / attempts)
            except AssertionError:
                continue
            return
        raise AssertionError(f"{text!r} never showed in the input:\n{self.screens[-1]}")

    def wait_for(self, what: str, ready: Callable[[str], bool], timeout: float) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if ready(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"waited {timeout:.0f} s for {what}; the screen:\n{screen}")


def _progress(screen: str) -> tuple[int, int] | None:
    first = screen.splitlines()[0] if screen else ""
    found = PROGRESS.search(f" {first} ")
    return (int(found[1]), int(found[2])) if found else None


def _on_results(screen: str) -> bool:
    """Whether `screen` is the results screen (the cost panel has a verdict line too)."""
    first = screen.splitlines()[0] if screen else ""
    return "Results" in first and bool(VERDICT.search(screen))


def _is_grey(index: int) -> bool:
    """Whether 256-colour palette entry `index` is black, white or a grey."""
    if index < 16:
        return index in (0, 7, 8, 15)
    if index >= 232:
        return True
    r, rest = divmod(index - 16, 36)
    g, b = divmod(rest, 6)
    return r == g == b


def _colours(screen_with_escapes: str) -> set[str]:
    """The foreground and background colours an SGR-escaped screen uses, as strings."""
    found = set()
    for params in SGR.findall(screen_with_escapes):
        codes = [int(p) for p in params.split(";") if p]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48) and i + 1 < len(codes) and codes[i + 1] == 5:
                found.add(f"256:{codes[i + 2]}")
                i += 3
            elif code in (38, 48) and i + 1 < len(codes) and codes[i + 1] == 2:
                found.add(f"rgb:{codes[i + 2]},{codes[i + 3]},{codes[i + 4]}")
                i += 5
            else:
                if 30 <= code <= 37 or 40 <= code <= 47:
                    found.add(f"256:{code % 10}")
                elif 90 <= code <= 97 or 100 <= code <= 107:
                    found.add(f"256:{code % 10 + 8}")
                i += 1
    return found


def _hues(colours: set[str]) -> set[str]:
    """The colours that are not black, white or grey."""

    def hued(colour: str) -> bool:
        kind, value = colour.split(":")
        if kind == "256":
            return not _is_grey(int(value))
        return len(set(value.split(","))) > 1

    return {c for c in colours if hued(c)}


TERMINALS = [
    pytest.param({"TERM": "xterm-256color"}, id="xterm-256color"),
    pytest.param({"TERM": "screen"}, id="screen"),
    pytest.param({"TERM": "xterm-256color", "NO_COLOR": "1"}, id="NO_COLOR"),
]


def _start(tmp_path: Path, terminal: dict[str, str], *args: str) -> tuple[Pane, Path, Path]:
    """`tunewise ARGS…` in a new tmux pane at 80×24: the pane, its work folder, its exit-status
    file. The pane stays (sleeping) after tunewise ends, so its last screen can still be read.
    """
    work = tmp_path / "work"
    work.mkdir()
    status = tmp_path / "exit-status"
    settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in terminal.items())
    script = tmp_path / "run.sh"
    script.write_text(
        "#!/bin/sh\n"
        f"cd {shlex.quote(str(work))}\n"
        f"env {settings} {shlex.join([str(TUNEWISE), *args])}\n"
        f"echo $? > {shlex.quote(str(status))}\n"
        "sleep 600\n",  # keep the pane (and its last screen) until the test ends
        encoding="utf-8",
    )
    script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX") and k != "NO_COLOR"}
    env |= {
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no team price file of the user's
        "HOME": str(tmp_path),
    }
    pane = Pane(f"tunewise-test-{uuid.uuid4().hex[:8]}", env)
    pane.tmux("new-session", "-d", "-s", "tw", "-x", "80", "-y", "24", str(script))
    return pane, work, status


def _exit_status(pane: Pane, status: Path) -> str:
    """Wait for tunewise to end in `pane`; its exit status."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while not (status.exists() and status.read_text().strip()):
        assert time.monotonic() < deadline, f"tunewise did not quit:\n{pane.screen()}"
        time.sleep(0.2)
    return status.read_text().strip()


def _stop(pane: Pane) -> None:
    """End the pane's private tmux server (only this test's)."""
    subprocess.run([*pane.base, "kill-server"], env=pane.env, capture_output=True, check=False)


@pytest.mark.parametrize("terminal", TERMINALS)
def test_assessment_by_keyboard_in_tmux(terminal: dict[str, str], tmp_path: Path) -> None:
    from profiles.files import load_profile

    pane, work, status = _start(tmp_path, terminal, "open", "--example", "support-chatbot-50k")
    try:
        # The first question with the live cost panel, once the prices have loaded.
        first = pane.wait_for(
            "the cost panel's figures", lambda s: bool(COST_PANEL.search(s)), STARTUP_TIMEOUT
        )
        assert "Costs" in first
        assert "Example: support-chatbot-50k" in first.splitlines()[0]  # said, not hidden
        assert all(len(line) <= 80 for line in first.splitlines())
        assert len(first.rstrip("\n").splitlines()) <= 24
        where = _progress(first)
        assert where is not None and where[0] == 1, first
        total = where[1]
        coloured = pane.screen(escapes=True)

        # Next, until the results screen: the step count is read from the screen.
        screen = first
        for _ in range(total + 2):
            if _on_results(screen):
                break
            before = _progress(screen)

            def moved(s: str, before: tuple[int, int] | None = before) -> bool:
                return _progress(s) != before or _on_results(s)

            pane.keys("C-n")
            screen = pane.wait_for("the next step", moved, STEP_TIMEOUT)
        verdict = VERDICT.search(screen)
        assert verdict, f"no verdict after {total} steps:\n{screen}"
        assert _progress(screen) == (total, total)
        assert "Results" in screen.splitlines()[0]
        assert verdict[1].strip() and "not available" not in verdict[1]
        with_panel = {_progress(s) for s in pane.screens if COST_PANEL.search(s)}
        questions = {(i, total) for i in range(1, total)}
        assert with_panel >= questions, f"no cost panel on steps {questions - with_panel}"

        # Save under a new name (brackets and a space: taken literally, not as markup).
        pane.keys("C-s")
        pane.wait_for("the save dialog", lambda s: "Save profile as" in s, STEP_TIMEOUT)
        pane.replace_input("my [tmux] assessment.toml")
        pane.keys("Enter")
        saved = work / "my [tmux] assessment.toml"
        pane.wait_for(
            "the saved notice", lambda s: "Saved to" in s and saved.exists(), STEP_TIMEOUT
        )

        # Quit: nothing is unsaved, so ctrl+q exits at once with status 0.
        pane.keys("C-q")
        assert _exit_status(pane, status) == "0"
    finally:
        _stop(pane)

    profile = load_profile(saved)
    assert profile.profile.name == "Customer support chatbot, 50K queries a month"
    if terminal.get("NO_COLOR"):
        assert not _hues(_colours(coloured)), "NO_COLOR=1, yet the screen has colours"
    elif terminal["TERM"] == "xterm-256color":
        assert _hues(_colours(coloured)), "no colour at all on a 256-colour terminal"


NAME_ROW = re.compile(r"Name of this assessment\s+(\S.*)")


@pytest.mark.parametrize(
    "raw", [pytest.param("ff", id="0xff"), pytest.param("61 9b 62", id="paste-with-0x9b")]
)
def test_invalid_input_bytes_in_tmux(raw: str, tmp_path: Path) -> None:
    """Bytes that are not UTF-8 on the terminal's input do not end the app (Textual's driver
    decodes strictly, upstream #6456): it goes on taking keys, and quits with status 0."""
    pane, _work, status = _start(tmp_path, {"TERM": "xterm-256color"})
    try:
        pane.wait_for("the first question", lambda s: "Costs" in s and "Name" in s, STARTUP_TIMEOUT)
        pane.keys("-H", *raw.split())
        pane.text("still here")

        def typed(s: str) -> bool:
            found = NAME_ROW.search(s)
            return bool(found and "still here" in found[1])

        screen = pane.wait_for("the keys typed after the bytes", typed, STEP_TIMEOUT)
        assert "\ufffd" in screen, screen  # the invalid byte shown as a replacement character
        assert not status.exists(), f"tunewise ended:\n{screen}"
        pane.keys("C-q")
        pane.wait_for("the quit question", lambda s: "Quit without saving" in s, STEP_TIMEOUT)
        pane.keys("y")
        assert _exit_status(pane, status) == "0"
    finally:
        _stop(pane)


def test_twenty_thousand_characters_sent_at_once_in_tmux(tmp_path: Path) -> None:
    """20,000 characters sent by send-keys (1,000 at a time) into Name all arrive, and the app
    answers the next key: on main it took 76 s (the time is a benchmark: bench_typing.py)."""
    pane, _work, status = _start(tmp_path, {"TERM": "xterm-256color"})
    try:
        pane.wait_for("the first question", lambda s: "Costs" in s and "Name" in s, STARTUP_TIMEOUT)
        text = "x" * 19_997 + "END"
        for i in range(0, len(text), 1000):
            pane.text(text[i : i + 1000])

        def arrived(s: str) -> bool:
            found = NAME_ROW.search(s)
            return bool(found and found[1].rstrip().endswith("xEND"))

        pane.wait_for("the last characters", arrived, STEP_TIMEOUT)
        pane.keys("C-q")
        pane.wait_for("the quit question", lambda s: "Quit without saving" in s, STEP_TIMEOUT)
        pane.keys("y")
        assert _exit_status(pane, status) == "0"
    finally:
        _stop(pane)


def test_a_price_files_escape_sequence_is_shown_not_sent_in_tmux(tmp_path: Path) -> None:
    """F2 with a standing price file whose source title is an OSC (retitle) and SGR sequence:
    the dialog shows it as ␛…, the terminal's title is untouched, and the border is whole."""
    import tomli_w

    payload = "\u001b]0;pwned\u0007\u001b[31mRED"
    prices = tmp_path / "config" / "tunewise" / "prices.toml"
    prices.parent.mkdir(parents=True)
    source = {"id": "team-deal", "title": payload, "note": payload}
    quote = {
        "model": "openai:gpt-4o-mini",
        "input_usd_per_mtok": 0.1,
        "output_usd_per_mtok": 0.4,
        "source": "team-deal",
        "as_of": "2026-10",
    }
    prices.write_text(tomli_w.dumps({"source": [source], "token_price": [quote]}), "utf-8")
    example = ("open", "--example", "classification-gpt-4o-mini")
    pane, _work, status = _start(tmp_path, {"TERM": "xterm-256color"}, *example)
    try:
        pane.wait_for("the cost panel", lambda s: bool(COST_PANEL.search(s)), STARTUP_TIMEOUT)
        pane.keys("F2")
        screen = pane.wait_for("the prices dialog", lambda s: "␛]0;pwned␇" in s, STEP_TIMEOUT)
        assert "pwned" not in pane.tmux("display-message", "-p", "-t", "tw", "#{pane_title}")
        assert all(len(line) <= 80 for line in screen.splitlines()), screen
        lines = screen.splitlines()
        top = next(i for i, line in enumerate(lines) if "Prices, sources" in line) - 1
        bottom = next(i for i in range(top + 1, len(lines)) if "╰" in lines[i])
        left = lines[top].index("╭")
        assert lines[bottom].index("╰") == left, screen  # the left edge is one straight line
        assert all(line[left] == "│" for line in lines[top + 1 : bottom]), screen
        pane.keys("Escape")
        pane.keys("C-q")
        assert _exit_status(pane, status) == "0"
    finally:
        _stop(pane)


@pytest.mark.parametrize(
    ("index", "grey"), [(0, True), (9, False), (16, True), (21, False), (59, True), (244, True)]
)
def test_grey_palette_entries(index: int, grey: bool) -> None:
    assert _is_grey(index) is grey
