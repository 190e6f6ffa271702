"""Malformed and hostile profiles and price files through every verb: exit 2, one stderr line
naming the file and the problem, no traceback, no raw control character, the file untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile_helpers import GOOD, no_app, price_argvs, profile_argvs, refused
from tui.cli import main

__all__ = ["no_app"]

ROOT = Path(__file__).resolve().parents[1]
BAD = sorted((ROOT / "tests" / "corpus" / "bad").glob("*.toml"))
BAD_PRICES = sorted((ROOT / "tests" / "corpus" / "bad-prices").glob("*.toml"))

VALID_AS_A_FILE = {"unknown-model": ("open", "--plain")}
"""Wrong only when priced: `open` shows it in the wizard (the TUI's part of issue #16, item
16) and `show --plain`, the git textconv driver, renders the file as it is without pricing."""


def _expected(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    assert first.startswith("# expect: "), path
    return first.removeprefix("# expect: ")


def test_the_corpus_is_big_enough() -> None:
    assert len(BAD) >= 70
    assert len(BAD_PRICES) >= 10


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
@pytest.mark.usefixtures("no_app")
def test_bad_profile_in_every_verb(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in profile_argvs(path):
        if set(argv) & set(VALID_AS_A_FILE.get(path.stem, ())):
            continue
        refused(argv, path, capsys, _expected(path))


@pytest.mark.parametrize("path", BAD_PRICES, ids=lambda p: p.stem)
def test_bad_price_file_in_every_verb(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in price_argvs(path):
        refused(argv, path, capsys, _expected(path))


def test_ten_megabytes_of_junk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.toml"
    junk.write_bytes(os.urandom(10 * 1024 * 1024))
    refused(["show", str(junk), "--plain"], junk, capsys, "too large")


def test_ten_megabytes_of_valid_looking_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.toml"
    big.write_text(GOOD.read_text() + "# " + "x" * 10_000_000 + "\n")
    refused(["diff", str(big), str(GOOD)], big, capsys, "too large")
    refused(["prices", "--prices", str(big)], big, capsys, "too large")


def test_a_directory_and_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path)]) == 2
    assert main(["show", str(tmp_path / "missing.toml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"tunewise: {tmp_path}: is a directory, not a file",
        f"tunewise: {tmp_path / 'missing.toml'}: no such file",
    ]
