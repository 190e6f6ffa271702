"""Saves leave no temp file behind: not on a failure, and not after a `kill -9` once the next
save has run (issue #16, failure 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.tomlfile import FileError
from profiles import atomic
from profiles.atomic import ProfileExists, save_bytes
from tests.hostile_helpers import ROOT


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("fails", ["fsync", "chmod", "replace"])
def test_a_failed_save_removes_its_temp_file(
    fails: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.toml"
    target.write_bytes(b"old\n")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(f"os.{fails}", broken)
    with pytest.raises(FileError, match=r"(?i)cannot write: no space left on device"):
        save_bytes(b"new\n", target, force=True)
    assert target.read_bytes() == b"old\n"
    assert _temps(tmp_path) == []


def test_losing_a_race_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer put a different file there between the check and the link."""
    target = tmp_path / "p.toml"
    real_link = os.link

    def racing(src: str, dst: Path) -> None:
        Path(dst).write_bytes(b"theirs\n")
        real_link(src, dst)

    monkeypatch.setattr("os.link", racing)
    with pytest.raises(ProfileExists):
        save_bytes(b"mine\n", target)
    assert target.read_bytes() == b"theirs\n"
    assert _temps(tmp_path) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_stale_temp_files_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "p.toml"
    dead, alive = _dead_pid(), os.getpid()
    hour_ago = time.time() - atomic.STALE_AFTER_S - 60
    stale = [f".p.toml.{dead}-abcdefgh.tmp", ".p.toml.k2j4_x9q.tmp"]  # killed; older naming
    kept = [
        f".p.toml.{alive}-abcdefgh.tmp",  # a save in progress (this process)
        ".p.toml.zzzzzzzz.tmp",  # older naming, but recent: may be a live old tunewise
        f".other.toml.{dead}-abcdefgh.tmp",  # another file's
        f".p.toml.{dead}-abcdefgh.tmp.bak",  # not our name
        f"p.toml.{dead}-abcdefgh.tmp",  # not hidden: not ours
    ]
    for name in stale + kept:
        (tmp_path / name).write_bytes(b"x")
    os.utime(tmp_path / ".p.toml.k2j4_x9q.tmp", (hour_ago, hour_ago))
    (tmp_path / f".p.toml.{dead}-dirdirdi.tmp").mkdir()  # a directory: never ours
    (tmp_path / f".p.toml.{dead}-linklink.tmp").symlink_to(tmp_path / "elsewhere")
    kept += [f".p.toml.{dead}-dirdirdi.tmp", f".p.toml.{dead}-linklink.tmp"]

    save_bytes(b"new\n", target)

    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*kept, "p.toml"])


KILLER = r"""
import json, os, random, signal, sys, time
from pathlib import Path
from profiles.atomic import save_bytes

target, kills, force = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "force"
old, new = b"A" * 300_000 + b"\n", b"B" * 200_000 + b"\n"
save_bytes(old, target)
seen, partial, left, i = set(), 0, 0, 0
# Until both files have been seen (a loaded machine can land every kill in one phase), up
# to four times the kills asked.
while i < kills or (not {"A", "B"} <= seen and i < 4 * kills):
    i += 1
    pid = os.fork()
    if pid == 0:  # the saver, until killed: replace (--force) or create anew (link)
        while True:
            for data in (new, old):
                if not force:
                    target.unlink(missing_ok=True)
                save_bytes(data, target, force=force)
    time.sleep(random.uniform(0.002, 0.03))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    data = target.read_bytes() if target.exists() else b""  # between unlink and link
    seen.add(data[:1].decode())
    partial += data not in (old, new, b"")
    left += any(p.name.endswith(".tmp") for p in target.parent.iterdir())
print(json.dumps({"partial": partial, "seen": sorted(seen), "kills_leaving_a_temp": left}))
"""


@pytest.mark.parametrize("mode", ["force", "create"])
def test_kill_9_during_saves_leaves_whole_files_and_no_stray_after_the_next_save(
    mode: str, tmp_path: Path
) -> None:
    """50 kills each way: a `--force` replace, and a new file put in place by a hard link."""
    target = tmp_path / "p.toml"
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(target), "50", mode],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["partial"] == 0  # always the whole old or the whole new file
    assert {"A", "B"} <= set(report["seen"])
    assert report["kills_leaving_a_temp"] > 0, "no kill landed mid-save: it proved nothing"
    save_bytes(b"after\n", target, force=True)
    assert _temps(tmp_path) == []
    assert target.read_bytes() == b"after\n"
