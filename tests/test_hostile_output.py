"""Nothing from a file reaches the terminal as a control sequence, and output failures are one
line (issue #16, failures 11 and 12): the payload goes into every string field of a profile
and of a price file, through every verb."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w

from tests.hostile_helpers import GOOD, PAYLOAD, RAW, ROOT
from tui.cli import main

Edit = Callable[[dict[str, Any]], None]


def _set(*keys: str | int) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node.setdefault(key, {}) if isinstance(key, str) else node[key]
        node[keys[-1]] = PAYLOAD

    return edit


def _providers(data: dict[str, Any]) -> None:
    data.setdefault("team", {})["providers"] = [PAYLOAD]


def _scenario(data: dict[str, Any]) -> None:
    data["scenarios"] = {PAYLOAD: {"workload.requests_per_month": 20000}}


def _unknown_key(data: dict[str, Any]) -> None:
    data["workload"][PAYLOAD] = 1


FIELDS: dict[str, Edit] = {
    "profile.name": _set("profile", "name"),
    "profile.notes": _set("profile", "notes"),
    "profile.author": _set("profile", "author"),
    "profile.tunewise": _set("profile", "tunewise"),
    "result.tunewise": _set("result", "tunewise"),
    "result.prices_as_of": _set("result", "prices_as_of"),
    "result.break_even_note": _set("result", "break_even_note"),
    "use_case.description": _set("use_case", "description"),
    "team.providers": _providers,
    "claim.source": _set("claim", 0, "source"),
    "claim.quote": _set("claim", 0, "quote"),
    "prices.source": _set("prices", "prompting_model", "source"),
    "prices.name": _set("prices", "prompting_model", "name"),
    "prices.note": _set("prices", "provider", "note"),
    "scenario-name": _scenario,
    "unknown-key-name": _unknown_key,
}


def _profile(tmp_path: Path, edit: Edit) -> Path:
    data = tomli.loads(GOOD.read_text(encoding="utf-8"), parse_float=Decimal)
    edit(data)
    path = tmp_path / "payload.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _clean(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert not RAW.search(out), (argv, out)
    assert not RAW.search(err[:-1]), (argv, err)
    assert "Traceback" not in err
    if code == 2:
        assert err.count("\n") == 1, (argv, err)
    if code != 2 and "json" in argv:
        json.loads(out)  # the escape `\u001b` keeps JSON valid
    return code, out, err


@pytest.mark.parametrize("field", FIELDS)
def test_the_payload_never_reaches_the_terminal(
    field: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _profile(tmp_path, FIELDS[field])
    p, g = str(path), str(GOOD)
    for argv in [
        ["show", p],
        ["show", p, "--plain"],
        ["assess", p],
        ["assess", p, "--format", "json"],
        ["assess", p, "--format", "markdown"],
        ["diff", g, p],
        ["diff", g, p, "--format", "markdown"],
        ["diff", g, p, "--format", "json"],
        ["compare", g, p, "--format", "text"],
        ["compare", g, p, "--format", "markdown"],
        ["compare", g, p, "--format", "json"],
    ]:
        _clean(argv, capsys)


TEAM_PRICES = """[[source]]
id = "deal"
title = "TITLE"
url = "URL"
note = "NOTE"

[[token_price]]
model = "openai:gpt-4o-mini"
input_usd_per_mtok = 0.10
output_usd_per_mtok = 0.40
source = "deal"
as_of = "2026-10"
note = "NOTE"
"""


def test_a_price_file_payload_never_reaches_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    escaped = json.dumps(PAYLOAD)
    prices = tmp_path / "team.toml"
    prices.write_text(TEAM_PRICES.replace('"TITLE"', escaped).replace('"NOTE"', escaped))
    example = GOOD.parent / "classification-gpt-4o-mini.toml"
    outs = ""
    for argv in [
        ["prices", "--prices", str(prices)],
        ["prices", "gpt-4o-mini", "--prices", str(prices)],
        ["assess", str(example), "--prices", str(prices)],
        ["assess", str(example), "--prices", str(prices), "--format", "markdown"],
        ["assess", str(example), "--prices", str(prices), "--format", "json"],
        ["diff", str(example), "--reprice", "--prices", str(prices)],
    ]:
        outs += _clean(argv, capsys)[1]
    assert "\\u001b]0;pwned\\u0007" in outs


def test_c1_controls_and_del_are_shown_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TOML allows U+009B (a one-byte CSI) and DEL raw in a string, and JSON does not escape
    them: `diff` printed them raw in every format."""
    data = tomli.loads(GOOD.read_text(encoding="utf-8"), parse_float=Decimal)
    data["use_case"]["description"] = "a\x9b31mX\x7fb"
    path = tmp_path / "c1.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert b"\xc2\x9b" in path.read_bytes()
    for fmt in ("text", "json", "markdown"):
        _, out, _ = _clean(["diff", str(GOOD), str(path), "--format", fmt], capsys)
        assert "a\\u009b31mX\\u007fb" in out
    _, out, _ = _clean(["diff", str(GOOD), str(path), "--format", "json"], capsys)
    decoded = json.dumps(json.loads(out), ensure_ascii=False)  # JSON still holds the text
    assert "a\x9b31mX\x7fb" in decoded


def _tunewise(
    *argv: str, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        **kw,
    )


@pytest.mark.parametrize(
    "argv", [["show", str(GOOD)], ["schema"], ["assess", str(GOOD), "--format", "json"]]
)
def test_a_full_disk_is_one_line(argv: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr == "tunewise: cannot write the output: no space left on device\n"


def test_a_terminal_that_cannot_show_a_character(tmp_path: Path) -> None:
    cjk = tmp_path / "cjk.toml"
    cjk.write_text(
        GOOD.read_text(encoding="utf-8").replace(
            'name = "Customer support chatbot, 10K queries a month"',
            'name = "客服聊天机器人 ünïcödé"',
            1,
        ),
        encoding="utf-8",
    )
    for encoding, argv in [
        ("ascii", ["show", str(cjk)]),
        ("ascii", ["show", str(cjk), "--plain"]),
        ("ascii", ["assess", str(cjk), "--format", "json"]),
        ("latin-1", ["compare", str(GOOD), str(cjk), "--format", "text"]),
        ("ascii", ["show", str(tmp_path / "客服.toml")]),
    ]:
        done = _tunewise(*argv, env={"PYTHONIOENCODING": encoding})
        assert "Traceback" not in done.stderr, (argv, done.stderr)
        assert done.returncode in (0, 2), (argv, done.stderr)
        assert "?" in done.stdout or "\\u5ba2" in done.stderr, argv  # replaced, or escaped


def test_a_closed_pipe_is_quiet() -> None:
    """`tunewise schema | head -c 10`: the reader has what it wanted; no second message."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(10)
    child.stdout.close()
    err = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=60) == 0
    assert err == ""


def test_a_file_error_is_one_safe_line_wherever_it_is_shown(tmp_path: Path) -> None:
    """The TUI's browser and compare screen show `str(FileError)` as well as the CLI."""
    from engine.tomlfile import FileError
    from profiles.files import load_profile

    path = _profile(tmp_path, _unknown_key)
    with pytest.raises(FileError) as caught:
        load_profile(path)
    assert not RAW.search(str(caught.value)) and "\n" not in str(caught.value)
    assert "workload.\\u001b]0;pwned\\u0007\\u001b[31mRED: unknown key" in str(caught.value)
    named = FileError(tmp_path / "a\nb.toml", "bad")
    assert str(named) == f"{tmp_path}/a\\u000ab.toml: bad"


@pytest.mark.parametrize(
    ("redirect", "expect"),
    [
        (">&-", "tunewise: cannot write the output: standard output is closed\n"),
        ("2>&-", ""),  # stderr closed too: nothing to say it on, but still exit 2
    ],
)
def test_a_closed_descriptor_is_exit_2_not_a_traceback(redirect: str, expect: str) -> None:
    """Started with stdout (or stderr) closed, Python's `sys.stdout` is None."""
    argv = "schema" if redirect == ">&-" else "show missing.toml"
    done = subprocess.run(
        ["sh", "-c", f'exec "$0" -m tui.cli {argv} {redirect}', sys.executable],
        capture_output=True,  # the shell then closes one of the two
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert done.stderr == expect
