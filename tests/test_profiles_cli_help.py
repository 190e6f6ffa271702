"""`tunewise --help` and every verb's help: a description, examples, and 80 columns."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tui.cli import main
from tui.cli.parser import parser

VERBS = ("assess", "prices", "diff", "compare", "show", "schema", "examples", "new")


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_every_verb_has_a_description_and_examples() -> None:
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(VERBS) <= set(sub.choices)
    for name in VERBS:
        verb = sub.choices[name]
        assert verb.description, name
        assert verb.epilog and "examples:" in verb.epilog, name
        assert f"tunewise {name}" in verb.epilog, name


@pytest.mark.parametrize("columns", ["200", "80"])
def test_help_fits_80_columns(
    columns: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for argv in ([], *([v] for v in VERBS)):
        out = _help(list(argv), capsys)
        too_wide = [line for line in out.splitlines() if len(line) > 80]
        assert not too_wide, (argv, too_wide)


def test_top_level_help_lists_every_verb_with_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _help([], capsys)
    examples = out.split("commands, one example each:\n")[1]
    for name in VERBS:
        assert f"\n  tunewise {name} " in examples, name
    assert examples.startswith("  tunewise  ")  # no command: the wizard


def test_a_lone_toml_file_opens_it_like_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tunewise my.toml`, what a newcomer types first, is `tunewise open my.toml`."""
    from tui.cli.run import _shorthand

    assert _shorthand(["my.toml"]) == ["open", "my.toml"]
    assert _shorthand(["assess", "my.toml"]) == ["assess", "my.toml"]
    assert _shorthand(["notes.txt"]) == ["notes.txt"]
    bad = tmp_path / "bad.toml"
    bad.write_text("[profile\n", encoding="utf-8")
    assert main([str(bad)]) == 2  # opened, refused in one line, never a usage error
    err = capsys.readouterr().err
    assert "bad.toml" in err and "invalid choice" not in err and len(err.splitlines()) == 1
