"""Helpers shared by the wizard's tests (a module beside them, no package)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import TunewiseApp, make_app
from tui.launch import example_document

SIZE = (80, 24)
"""The terminal the wizard's tests run in unless they say otherwise: the smallest supported."""

EXAMPLES = Path(__file__).parents[2] / "profiles" / "examples"
RANGES = EXAMPLES / "support-chatbot-ranges.toml"
"""The example with ranges and scenarios (the simulation's tests start from it)."""

THEME = "ansi-dark"
"""16 colours, the same on every machine: snapshots do not depend on the default theme."""

HOSTILE = "Tier [Gold] [/] [@click=app.quit]x \\"
"""User text that would be markup if it were ever rendered as markup."""


def new_app(document: dict[str, Any] | None = None) -> TunewiseApp:
    return make_app(document or example_document("support-chatbot-50k"), theme=THEME)


def hostile_document() -> dict[str, Any]:
    doc = example_document("support-chatbot-50k")
    doc["profile"]["name"] = HOSTILE
    doc["profile"]["notes"] = f"Notes: {HOSTILE}"
    return doc


async def ready(pilot: Pilot[Any]) -> None:
    """Wait for the catalog worker and the first figures."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """The figures, then the simulation the figures started."""
    await ready(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def keys_landed(pilot: Pilot[Any], *, at_most: int = 200) -> None:
    """Every key sent has been handled: the app hands on a key only once the last one has
    landed (`TunewiseApp.held_keys`), a refresh or more each, so a burst takes that many."""
    app = pilot.app
    for _ in range(at_most):
        await pilot.pause()  # the keys sent are read off the queue, or held
        held = getattr(app, "held_keys", None) or getattr(app, "key_in_flight", False)
        if not held and app._message_queue.empty():
            break
    for _ in range(2):
        await pilot.pause()


def freeze(pilot: Pilot[Any]) -> None:
    """No cursor blink in any screen on the stack (snapshots must not depend on timing)."""
    for screen in pilot.app.screen_stack:
        # By class, not a query: the wizard's answers are `AnswerInput`s, which have no
        # `Input` CSS type name (tui/wizard/field.py).
        for widget in screen.walk_children(Input):
            widget.cursor_blink = False


def step_of(path: str) -> int:
    """The index of the wizard step asking the answer at `path` (steps come and go)."""
    from tui.state.steps import STEPS

    return next(i for i, step in enumerate(STEPS) if any(f.path == path for f in step.fields))


VOLUME_STEP = step_of("workload.requests_per_month")
"""The step asking the monthly volume."""


async def to_step(pilot: Pilot[Any], moves: int) -> None:
    """Press Next `moves` times, then let the screen settle."""
    for _ in range(moves):
        await pilot.press("ctrl+n")
    await pilot.pause()


async def focus_field(pilot: Pilot[Any], path: str) -> None:
    """Press tab until the answer at `path` (a field path on the step shown) has focus."""
    from tui.wizard.question import QuestionRow

    for _ in range(40):
        focused = pilot.app.focused
        # A choice is its own row; other answers are inside theirs.
        row = focused if isinstance(focused, QuestionRow) or focused is None else focused.parent
        if isinstance(row, QuestionRow) and row.spec.path == path:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached {path}")


async def type_answer(pilot: Pilot[Any], path: str, text: str) -> None:
    """Focus the input at `path`, clear it and type `text`."""
    await focus_field(pilot, path)
    await pilot.press("end", "ctrl+u", *text)
    await pilot.pause()


async def choose(pilot: Pilot[Any], path: str, label: str) -> None:
    """Pick `label` in the choice at `path` by keyboard: home, then right to the option (a
    long list too: it shows one option at a time, in the same order)."""
    from tui.wizard.choice import Choice

    await focus_field(pilot, path)
    choice = pilot.app.focused
    assert isinstance(choice, Choice), path
    labels = [text for text, _ in choice.options]
    await pilot.press("home", *["right"] * labels.index(label))
    await pilot.pause()


async def tick(pilot: Pilot[Any], path: str, *labels: str) -> None:
    """Tick `labels` in the list at `path` by keyboard (up/down to move, space to tick)."""
    from textual.widgets import SelectionList

    await focus_field(pilot, path)
    ticks = pilot.app.focused
    assert isinstance(ticks, SelectionList)
    prompts = [str(ticks.get_option_at_index(i).prompt) for i in range(ticks.option_count)]
    for label in labels:
        await pilot.press("home", *["down"] * prompts.index(label), "space")
    await pilot.pause()
