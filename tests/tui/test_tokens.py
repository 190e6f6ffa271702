"""The token counter (tui/dialogs/tokens.py): a file or pasted text counted for a model, the
count (or mean per request) filled into a token answer with F5 … F6, at 80×24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, TextArea

from engine import tokens
from engine.catalog import load_catalog
from tests.tui.wizard_helpers import SIZE, VOLUME_STEP, focus_field, new_app, ready, to_step
from tui.dialogs.tokens import TokensScreen
from tui.wizard.field import FieldRow
from tui.wizard.screen import WizardScreen

MIXED = "I'm can't HELLO'S camelCaseWord  123456 \n\n  x"
"""15 tokens in o200k_base, 17 in cl100k_base (tiktoken's reference counts)."""

exact_only = pytest.mark.skipif(not tokens.has_exact(), reason="tunewise[tokens] not installed")


class Host(App[None]):
    """A bare app that opens the counter and keeps what it returns."""

    def __init__(self, model: str, *, catalog: bool = True) -> None:
        super().__init__()
        self.model = model
        self.with_catalog = catalog
        self.returned: list[int | None] = []

    def on_mount(self) -> None:
        catalog = load_catalog(user_config=False) if self.with_catalog else None
        screen = TokensScreen(label="Instruction tokens", model=self.model, catalog=catalog)
        self.push_screen(screen, self.returned.append)


def _result(pilot: Pilot[Any]) -> str:
    return str(pilot.app.screen.query_one("#result", Static).render())


async def _count(pilot: Pilot[Any]) -> None:
    await pilot.press("f5")
    await pilot.pause()
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause()


@exact_only
async def test_a_file_counted_exactly_and_used(tmp_path: Path) -> None:
    prompt = tmp_path / "prompt.txt"
    prompt.write_text(MIXED, encoding="utf-8")
    app = Host("openai:gpt-4.1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TokensScreen)
        assert app.focused is app.screen.query_one("#path", Input)
        app.screen.query_one("#path", Input).value = str(prompt)
        await pilot.press("enter")  # Enter in a box counts too
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert _result(pilot).splitlines() == ["15 tokens for openai:gpt-4.1", "o200k_base, exact"]
        await pilot.press("f6")
        await pilot.pause()
    assert app.returned == [15]


@exact_only
async def test_pasted_text_typed_into_the_box() -> None:
    app = Host("openai:gpt-4o")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.set_focus(app.screen.query_one("#text", TextArea))
        await pilot.press(*"hello world")
        await _count(pilot)
        assert _result(pilot).splitlines()[0] == "2 tokens for openai:gpt-4o"


async def test_a_file_of_requests_gives_the_mean_per_request(tmp_path: Path) -> None:
    samples = tmp_path / "requests.txt"
    samples.write_text("x" * 8 + "\n\n" + "x" * 12 + "\n\n" + "x" * 3 + "\n", encoding="utf-8")
    app = Host("anthropic:claude-3-5-sonnet")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(samples)
        await pilot.click("#per-request")
        assert app.screen.query_one("#per-request", Checkbox).value
        await _count(pilot)
        assert _result(pilot).splitlines() == [
            "2 tokens a request for anthropic:claude-3-5-sonnet: the mean of 3 (from 1 to 3)",
            "estimate: 4 characters a token",
        ]
        await pilot.press("f6")
        await pilot.pause()
    assert app.returned == [2]


async def test_without_the_extra_it_says_how_to_count_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tokens, "has_exact", lambda: False)
    app = Host("openai:gpt-4o", catalog=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#text", TextArea).text = "hello world"
        await _count(pilot)
        assert _result(pilot).splitlines() == [
            "3 tokens for openai:gpt-4o",
            "estimate: 4 characters a token",
            "for exact counts: pip install 'tunewise[tokens]'",
        ]


@pytest.mark.parametrize(
    ("model", "path", "expected"),
    [
        ("openai:gpt-4oo", "", "✗ unknown model 'openai:gpt-4oo'; did you mean openai:gpt-4o?"),
        ("openai:gpt-4o", "missing.txt", "✗ missing.txt: no such file"),
        ("openai:gpt-4o", "", "✗ give a file or paste text"),
        ("gpt-4o", "", "✗ model ids look like provider:model"),
    ],
)
async def test_what_it_cannot_count_is_said_in_one_line_and_nothing_is_filled(
    model: str, path: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = Host(model)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#path", Input).value = path
        await _count(pilot)
        assert _result(pilot).startswith(expected)
        assert "\n" not in _result(pilot)
        await pilot.press("f6")  # no count: stays open
        await pilot.pause()
        assert isinstance(app.screen, TokensScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.returned == [None]


@exact_only
async def test_f5_on_a_token_answer_fills_it_from_a_file(tmp_path: Path) -> None:
    prompt = tmp_path / "prompt.txt"
    prompt.write_text(MIXED, encoding="utf-8")
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await to_step(pilot, VOLUME_STEP)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        await pilot.press("f5")  # the first answer (requests a month) is not a token answer
        await pilot.pause()
        assert app.screen is wizard
        await focus_field(pilot, "workload.instruction_tokens")
        assert "count_tokens" in {b.binding.action for b in wizard.active_bindings.values()}
        await pilot.press("f5")
        await pilot.pause()
        counter = app.screen
        assert isinstance(counter, TokensScreen)
        # The profile's prompting model (openai:gpt-4: cl100k_base) is the one counted for.
        assert counter.query_one("#model", Input).value == "openai:gpt-4"
        counter.query_one("#path", Input).value = str(prompt)
        await _count(pilot)
        assert _result(pilot).splitlines()[:2] == [
            "17 tokens for openai:gpt-4",
            "cl100k_base, exact",
        ]
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen is wizard
        row = app.focused.parent if app.focused else None
        assert isinstance(row, FieldRow) and row.spec.path == "workload.instruction_tokens"
        assert row.value == "17"
        assert wizard.answers["workload.instruction_tokens"] == "17"
