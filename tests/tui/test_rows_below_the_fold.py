"""A step mounts the rows the terminal shows before its first frame and the rest right after
it (tui/wizard/step.py): the first frame shows no gap where a row belongs, and no key typed
at once (a quick typist, tmux send-keys) misses a row mounted after it."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events
from textual.app import App

from tests.tui.wizard_helpers import SIZE, keys_landed, new_app, ready
from tui.state.steps import STEPS
from tui.wizard.question import QuestionRow, row_id
from tui.wizard.step import Step

FIRST = STEPS[0]


@pytest.mark.parametrize("size", [SIZE, (60, 20), (120, 40)])
async def test_the_first_frame_fills_the_step_and_the_rest_mount_after_it(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = new_app()
    seen: dict[str, Any] = {}
    display = App._display

    def first_display(self: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and not self._batch_count and not seen:
            step = app.wizard.steps[0]
            seen["rows"] = [row.spec.path for row in step.rows]
            seen["content"] = step.virtual_size.height
            seen["view"] = step.scrollable_content_region.height
        display(self, screen, renderable)

    monkeypatch.setattr(App, "_display", first_display)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        step = app.wizard.steps[0]
        every = [field.path for field in FIRST.fields]
        assert [row.spec.path for row in step.rows] == every
        assert [row.spec.path for row in step.query(QuestionRow)] == every
        # The rows mounted after the first frame show the profile's answers like the others.
        task = step.query_one(f"#{row_id('use_case.task')}", QuestionRow)
        assert task.value == app.wizard.answers["use_case.task"] != ""
    first = seen["rows"]
    assert first == every[: len(first)] and first, "the first rows, in order"
    if size[1] < 40:
        assert len(first) < len(every), "rows below the first screenful wait for it"
    # The rows drawn in the first frame reach the bottom of the step: no gap is shown.
    assert seen["content"] >= seen["view"]


async def test_tab_typed_at_once_reaches_the_rows_mounted_after_the_first_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = new_app()
    display = App._display
    sent: list[str] = []

    def first_display(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and not self._batch_count and not sent:
            # Typed as the first frame is drawn: queued before the rest of the rows mount.
            sent[:] = ["tab"] * (len(FIRST.fields) - 1)
            for key in sent:
                app.post_message(events.Key(key, None))

    monkeypatch.setattr(App, "_display", first_display)
    async with app.run_test(size=SIZE) as pilot:
        await keys_landed(pilot)
        assert app.wizard.focused is not None
        row = next(n for n in app.wizard.focused.ancestors_with_self if isinstance(n, QuestionRow))
        assert row.spec.path == FIRST.fields[-1].path
        app.post_message(events.Key("shift+tab", None))
        await keys_landed(pilot)
        row = next(n for n in app.wizard.focused.ancestors_with_self if isinstance(n, QuestionRow))
        assert row.spec.path == FIRST.fields[-2].path


async def test_mounting_the_rest_twice_mounts_each_row_once() -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        step: Step = app.wizard.steps[0]
        await step.mount_rest()
        await step.mount_rest()
        await pilot.pause()
        assert len(step.query(QuestionRow)) == len(FIRST.fields) == len(step.rows)


async def test_the_panel_keeps_the_figures_height_only_while_the_prices_load() -> None:
    # Kept after loading, a short status ("To cost this, answer: …") sat above blank lines.
    from tui.launch import blank_document
    from tui.wizard.cost_panel import CostPanel

    app = new_app(blank_document())
    async with app.run_test(size=SIZE) as pilot:
        panel = app.wizard.query_one(CostPanel)
        assert panel.has_class("-loading")
        await ready(pilot)
        await pilot.pause()
        assert not panel.has_class("-loading")
        content = panel.render()
        assert content.plain.startswith("To cost this, answer:")
        assert panel.content_size.height == len(content.wrap(panel.content_size.width))
