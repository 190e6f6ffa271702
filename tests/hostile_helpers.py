"""Running every verb on a hostile file in-process and checking the promise: exit 2, one
stderr line naming the file, no traceback, no raw control character, the file unchanged."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from engine.visible import visible
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "profiles" / "examples" / "support-chatbot-10k.toml"
PAYLOAD = "\u001b]0;pwned\u0007\u001b[31mRED"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character that would reach the terminal (newline and tab are text)."""


def profile_argvs(path: Path) -> list[list[str]]:
    """Every verb that reads a profile, with `path` in each position it can take."""
    p, g = str(path), str(GOOD)
    return [
        ["show", p],
        ["show", p, "--plain"],
        ["assess", p],
        ["assess", p, "--format", "json"],
        ["assess", p, "--format", "markdown"],
        ["diff", p, g],
        ["diff", g, p],
        ["diff", p, "--reprice"],
        ["compare", g, p, "--format", "text"],
        ["open", p],
    ]


def price_argvs(path: Path) -> list[list[str]]:
    """Every verb that reads a price file given with `--prices`."""
    p, g = str(path), str(GOOD)
    return [
        ["prices", "--prices", p],
        ["prices", "gpt", "--prices", p],
        ["assess", g, "--prices", p],
        ["diff", g, "--reprice", "--prices", p],
    ]


def _state(path: Path) -> tuple[int, int, bytes | None] | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    data = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
    return info.st_mode, info.st_mtime_ns, data


class _Opened(Exception):
    """The wizard would have opened: the file was not refused on load."""


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """`tunewise open` refuses a bad file before the app runs; running it fails the test."""
    import tui.app

    def refuse(*args: object, **kwargs: object) -> object:
        raise _Opened

    monkeypatch.setattr(tui.app, "make_app", refuse)


def refused(
    argv: list[str], path: Path, capsys: pytest.CaptureFixture[str], expect: str = ""
) -> str:
    """Run `argv`, assert the promise for `path`, return the stderr line."""
    before = _state(path)
    code = main(argv)
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), (argv, code, out, err)
    assert err.endswith("\n") and err.count("\n") == 1, (argv, err)
    assert "Traceback" not in err, (argv, err)
    assert not RAW.search(err[:-1]), (argv, err)
    assert err.startswith(f"tunewise: {visible(str(path), keep='')}"), (argv, err)
    assert expect in err, (argv, err)
    assert _state(path) == before, argv
    return err
