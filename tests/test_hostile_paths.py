"""Files that are not regular files of a sane size, and TOML that trips Python's own limits:
every verb refuses them in one line naming the file (issue #16, failures 1-5 and 10)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile_helpers import GOOD, ROOT, no_app, price_argvs, profile_argvs, refused
from tui.cli import main

__all__ = ["no_app"]


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A FIFO or device must be refused at once, not waited on: fail after 10 s."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("hung reading a file")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _deep_array(d: Path) -> Path:
    p = d / "deep.toml"
    p.write_text(GOOD.read_text() + "\nx = " + "[" * 402 + "]" * 402 + "\n")
    return p


def _deep_key(d: Path) -> Path:
    p = d / "dotted.toml"
    p.write_text(GOOD.read_text() + "\n" + ".".join(["a"] * 1001) + " = 1\n")
    return p


def _long_int(d: Path) -> Path:
    p = d / "digits.toml"
    p.write_text(GOOD.read_text().replace("[workload]", "[workload]\nx = 1" + "0" * 4400, 1))
    return p


def _header_of_spaces(d: Path) -> Path:
    """Valid TOML whose line-finder regex was quadratic: 9 s for 50,000 spaces on main."""
    p = d / "spaces.toml"
    p.write_text(GOOD.read_text() + '\n["a' + " " * 300_000 + '"]\nx = 1\n')
    return p


def _long_key(d: Path) -> Path:
    p = d / "key.toml"
    p.write_text(GOOD.read_text().replace("[workload]", "[workload]\n" + "k" * 100_000 + " = 1"))
    return p


def _loop(d: Path) -> Path:
    p = d / "loop.toml"
    p.symlink_to(p.name)
    return p


def _through_a_file(d: Path) -> Path:
    (d / "good.toml").write_bytes(GOOD.read_bytes())
    return d / "good.toml" / "x.toml"


def _long_name(d: Path) -> Path:
    return d / ("a" * 300 + ".toml")


def _fifo(d: Path) -> Path:
    p = d / "fifo.toml"
    os.mkfifo(p)
    return p


def _newline_name(d: Path) -> Path:
    return d / "new\nline.toml"


def _escape_name(d: Path) -> Path:
    return d / "\u001b]0;pwned\u0007\u001b[31m.toml"


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "deep-array": (_deep_array, "nested too deeply"),
    "deep-dotted-key": (_deep_key, "nested too deeply"),
    "4400-digit-integer": (_long_int, ":11: not valid TOML: a number of more than 4,300 digits"),
    "header-of-spaces": (
        _header_of_spaces,
        f":{len(GOOD.read_text().splitlines()) + 2}: a" + " " * 58 + "…: unknown key",
    ),
    "100000-character-key": (_long_key, ":11: workload." + "k" * 59 + "…: unknown key"),
    "symlink-loop": (_loop, "symlink loop"),
    "path-through-a-file": (_through_a_file, "not a directory"),
    "300-character-name": (_long_name, "file name too long"),
    "fifo": (_fifo, "not a regular file"),
    "dev-zero": (lambda d: Path("/dev/zero"), "not a regular file"),
    "dev-urandom": (lambda d: Path("/dev/urandom"), "not a regular file"),
    "newline-in-name": (_newline_name, "new\\u000aline.toml: no such file"),
    "escape-in-name": (_escape_name, "\\u001b]0;pwned\\u0007\\u001b[31m.toml: no such file"),
}


PROFILE_ERRORS = {"header-of-spaces", "100000-character-key"}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.usefixtures("no_app")
def test_every_verb_refuses_in_one_line(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, expect = CASES[case]
    path = make(tmp_path)
    for argv in profile_argvs(path):
        refused(argv, path, capsys, expect)
    for argv in price_argvs(path):  # a profile is no price file: a different message
        refused(argv, path, capsys, "" if case in PROFILE_ERRORS else expect)


@pytest.mark.parametrize("case", ["fifo", "300-character-name", "symlink-loop", "dev-zero"])
def test_new_refuses_a_target_it_cannot_save_to(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, expect = CASES[case]
    path = make(tmp_path)
    for force in ([], ["--force"]):
        argv = ["new", "--from-example", "support-chatbot-10k", str(path), *force]
        refused(argv, path, capsys, expect)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_new_never_replaces_a_device(capsys: pytest.CaptureFixture[str]) -> None:
    """`new … /dev/full --force` read the device without a limit; now it is refused."""
    argv = ["new", "--from-example", "support-chatbot-10k", "/dev/full", "--force"]
    err = refused(argv, Path("/dev/full"), capsys)
    assert err == "tunewise: /dev/full: is not a regular file (a FIFO, device or socket)\n"


def test_a_symlink_to_a_good_profile_still_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(GOOD)
    assert main(["show", str(link)]) == 0
    assert capsys.readouterr().err == ""


def test_the_real_binary_refuses_a_fifo_and_a_device(tmp_path: Path) -> None:
    """The console script, not only `main`: no hang, one line each."""
    fifo = _fifo(tmp_path)
    for argv in (["show", str(fifo)], ["assess", "/dev/zero"], ["prices", "--prices", str(fifo)]):
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", *argv],
            capture_output=True,
            text=True,
            timeout=30,
            cwd=ROOT,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr


def test_valid_answers_that_compound_past_any_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """100% growth a month for 600 months is within each answer's limits; `show --plain` (the
    git textconv driver) crashed with decimal.InvalidOperation recomputing the stored result."""
    path = tmp_path / "growth.toml"
    path.write_text(
        GOOD.read_text().replace(
            "horizon_months = 24", "horizon_months = 600\nmonthly_growth = 1", 1
        )
    )
    g = str(GOOD)
    for argv in (["show", str(path), "--plain"], ["show", str(path)], ["diff", g, str(path)]):
        refused(argv, path, capsys, "numbers too large to compute with")


def test_a_fifo_is_refused_without_opening_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening a FIFO would release a writer blocked on it (which then writes into nothing)."""
    fifo = _fifo(tmp_path)
    writer = subprocess.Popen([sys.executable, "-c", f"open({str(fifo)!r}, 'w').write('x')"])
    try:
        refused(["show", str(fifo)], fifo, capsys, "not a regular file")
        with pytest.raises(subprocess.TimeoutExpired):
            writer.wait(timeout=0.5)  # still waiting for a reader
    finally:
        writer.kill()
        writer.wait()


def test_a_nul_in_a_file_name_is_one_line() -> None:
    """Not from the command line (argv cannot hold NUL), but a name typed into the wizard can."""
    from engine.tomlfile import FileError, read_text

    with pytest.raises(FileError, match=r"a\\u0000b.toml: a file name cannot contain a NUL"):
        read_text(Path("a\0b.toml"))
    from profiles.atomic import save_bytes

    with pytest.raises(FileError, match="a file name cannot contain a NUL"):
        save_bytes(b"x", Path("a\0b.toml"))
