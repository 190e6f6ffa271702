"""Compare: profiles side by side with what differs highlighted, from the CLI's diff; and the
`open` and `compare` verbs of the command line."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from tests.tui.wizard_helpers import EXAMPLES, SIZE, THEME, ready
from tui import cli
from tui.app import make_app
from tui.cli.compare import in_app as compare_in_app
from tui.cli.parser import parser
from tui.compare.diff_list import DiffList
from tui.compare.screen import CompareScreen
from tui.compare.side_by_side import CHANGED, SideBySide
from tui.launch import example_document
from tui.state.comparison import Comparison
from tui.wizard.screen import WizardScreen

A, B = EXAMPLES / "support-chatbot-10k.toml", EXAMPLES / "support-chatbot-50k.toml"


def cli_diff(a: Path, b: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["diff", str(a), str(b)])
    return out.getvalue()


async def compared(pilot) -> CompareScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def row(c: Comparison, label: str) -> list[tuple[str, bool]]:
    for section in c.sections:
        for r in section.rows:
            if r.label == label:
                return [(cell.text, cell.changed) for cell in r.cells]
    raise AssertionError(f"no row {label}")


async def test_10k_against_50k_shows_the_volume_change_and_break_even_80_to_9_6() -> None:
    app = make_app(example_document("support-chatbot-50k"), theme=THEME, compare=[A, B])
    async with app.run_test(size=SIZE) as pilot:
        screen = await compared(pilot)
        c = screen.comparison
        assert c is not None and not c.errors
        assert row(c, "workload.requests_per_month") == [("10,000", False), ("50,000", True)]
        assert row(c, "break-even") == [("80 months", False), ("9.6 months", True)]
        assert row(c, "horizon") == [("24 months", False), ("24 months", False)]
        table = screen.query_one(SideBySide).plain
        assert f"{CHANGED} 9.6 months" in table and f"{CHANGED} 50,000" in table
        shown = [line.text for line in screen.query_one(DiffList).lines]
        headless = cli_diff(A, B)
        for text in (
            "Requests a month: +40,000 (10,000 → 50,000, +400%)",
            "break-even: -70.4 months (80 → 9.6 months, -88%)",
        ):
            assert f"{CHANGED} {text}" in shown
            assert text in headless  # the same diff as `tunewise diff`
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)


async def test_three_profiles_each_against_the_first(isolated: Path) -> None:
    third = EXAMPLES / "code-generation.toml"
    app = make_app(example_document("support-chatbot-50k"), theme=THEME, compare=[A, B, third])
    async with app.run_test(size=SIZE) as pilot:
        screen = await compared(pilot)
        c = screen.comparison
        assert c is not None and len(c.diffs) == 2
        assert [d.b.path for d in c.diffs] == [str(B), str(third)]
        assert row(c, "break-even") == [
            ("80 months", False),
            ("9.6 months", True),
            ("1.44 months", True),
        ]


async def test_a_file_that_cannot_be_opened_is_named_and_the_rest_compared(
    isolated: Path,
) -> None:
    broken = isolated / "broken.toml"
    broken.write_text("[workload]\nrequests_per_month = -5\n", encoding="utf-8")
    app = make_app(example_document("support-chatbot-50k"), theme=THEME, compare=[A, broken, B])
    async with app.run_test(size=SIZE) as pilot:
        screen = await compared(pilot)
        c = screen.comparison
        assert c is not None
        assert len(c.errors) == 1 and str(broken) in c.errors[0] and "\n" not in c.errors[0]
        assert c.paths == [A, B]
        assert screen.query_one("#compare-status").render().plain.startswith("✗")  # type: ignore[union-attr]


def test_open_parses_and_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    args = parser().parse_args(["open", "mine.toml"])
    assert args.command == "open" and args.file == Path("mine.toml")
    assert cli.main(["open", "missing.toml"]) == cli.EXIT_TROUBLE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.toml" in err


def test_open_runs_the_wizard_on_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path | None] = []

    def launch(path: Path | None = None, **options: object) -> int:
        opened.append(path)
        return 0

    monkeypatch.setattr("tui.launch.launch", launch)
    assert cli.main(["open", str(A)]) == 0
    assert opened == [A]


@pytest.mark.parametrize(
    ("argv", "tty", "in_app"),
    [
        (["compare", "a.toml", "b.toml"], True, True),
        (["compare", "a.toml", "b.toml"], False, False),
        (["compare", "a.toml", "b.toml", "--format", "text"], True, False),
        (["compare", "a.toml", "b.toml", "--format=json"], True, False),
        (["compare", "a.toml", "b.toml", "--fail-on", "verdict"], True, False),
        (["compare", "a.toml", "b.toml", "--fail-above", "10"], True, False),
    ],
)
def test_compare_opens_the_screen_only_at_a_terminal_without_format_or_gates(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], tty: bool, in_app: bool
) -> None:
    launched: list[list[Path]] = []

    def launch_compare(paths: list[Path]) -> int:
        launched.append(paths)
        return 0

    monkeypatch.setattr("tui.launch.launch_compare", launch_compare)
    monkeypatch.setattr("sys.stdout.isatty", lambda: tty)
    monkeypatch.setattr("sys.stdin.isatty", lambda: tty)
    args = parser().parse_args(argv)
    assert compare_in_app(args, argv) is in_app
    if in_app:
        assert cli.main(argv) == 0
        assert launched == [[Path("a.toml"), Path("b.toml")]]
