"""`tunewise`'s exit status: 0 after a quit, non-zero after a crash (a crash used to exit 0).

`launch` is run as the CLI runs it, with Textual's headless driver in place of the terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App

from tui.app import TunewiseApp
from tui.driver import ForgivingLinuxDriver
from tui.launch import launch


def _headless(monkeypatch: pytest.MonkeyPatch, after_first_paint: Callable[[Any], None]) -> None:
    """`launch` runs the app headless, and `after_first_paint` runs once the screen is up."""
    monkeypatch.setattr(TunewiseApp, "run", lambda self: App.run(self, headless=True))
    monkeypatch.setattr(TunewiseApp, "_after_first_paint", after_first_paint)


def test_quit_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    _headless(monkeypatch, lambda app: app.exit(0))
    assert launch() == 0


def test_an_exception_exits_non_zero(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    def crash(app: Any) -> None:
        raise RuntimeError("boom")

    _headless(monkeypatch, crash)
    assert launch() != 0
    assert "boom" in capsys.readouterr().err


def test_a_panic_exits_non_zero(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    """A panic is how Textual ends the app when its input thread fails (the invalid-byte crash
    of issue #16): it leaves `return_code` unset, which used to mean exit status 0."""
    _headless(monkeypatch, lambda app: app.panic("input thread failed"))
    assert launch() != 0
    assert "input thread failed" in capsys.readouterr().err


def test_the_terminal_driver_survives_invalid_bytes() -> None:
    from tui.app import make_app
    from tui.launch import blank_document

    assert make_app(blank_document()).driver_class is ForgivingLinuxDriver
