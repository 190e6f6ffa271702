"""Malformed and hostile profiles: exit 2, one stderr line naming the problem, file untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
BAD = sorted((ROOT / "tests" / "corpus" / "bad").glob("*.toml"))
GOOD = ROOT / "profiles" / "examples" / "support-chatbot-10k.toml"


def _expected(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    assert first.startswith("# expect: "), path
    return first.removeprefix("# expect: ")


def test_the_corpus_is_big_enough() -> None:
    assert len(BAD) >= 50


def _run_and_check(
    argv: list[str], path: Path, expect: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = path.read_bytes()
    mtime = os.stat(path).st_mtime_ns
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert err.startswith(f"tunewise: {path}"), err
    assert expect in err, err
    assert path.read_bytes() == before
    assert os.stat(path).st_mtime_ns == mtime


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_profile_in_diff(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run_and_check(["diff", str(path), str(GOOD)], path, _expected(path), capsys)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_profile_in_compare(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run_and_check(["compare", str(GOOD), str(path)], path, _expected(path), capsys)


def test_ten_megabytes_of_junk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.toml"
    junk.write_bytes(os.urandom(10 * 1024 * 1024))
    _run_and_check(["show", str(junk), "--plain"], junk, "too large", capsys)


def test_ten_megabytes_of_valid_looking_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.toml"
    big.write_text(GOOD.read_text() + "# " + "x" * 10_000_000 + "\n")
    _run_and_check(["diff", str(big), str(GOOD)], big, "too large", capsys)


def test_a_directory_and_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path)]) == 2
    assert main(["show", str(tmp_path / "missing.toml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"tunewise: {tmp_path}: is a directory, not a file",
        f"tunewise: {tmp_path / 'missing.toml'}: no such file",
    ]
