"""The app starts with the cyclic garbage collector paused and turns it back on once its
first frame is drawn (tui/startup.py); a collector the host turned off stays off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from textual.app import App

from tests.tui.wizard_helpers import SIZE, new_app, ready
from tui.app import TunewiseApp


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


async def test_paused_until_the_first_frame_then_on_again(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    during: list[bool] = []
    display = App._display

    def first_display(self: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and not self._batch_count and not during:
            during.append(gc.isenabled())
        display(self, screen, renderable)

    monkeypatch.setattr(App, "_display", first_display)
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert gc.isenabled()
    assert during == [False]
    assert gc.isenabled()


async def test_a_collector_turned_off_by_the_host_stays_off(collector_on: None) -> None:
    gc.disable()
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert not gc.isenabled()
    assert not gc.isenabled()
    gc.enable()


async def test_an_app_ended_before_its_first_frame_turns_it_back_on(
    collector_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TunewiseApp, "_after_first_paint", lambda self: None)  # never drawn
    app = new_app()
    async with app.run_test(size=SIZE):
        assert not gc.isenabled()
    assert gc.isenabled()
