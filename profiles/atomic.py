"""Writing a file atomically: a temp file in the same directory, fsync, then a link (never
over a file that appeared meanwhile) or, when forced, a rename; never over a different file
unless forced (`ProfileExists`), never over anything but a regular file. Temp files a killed
save left behind are removed by name, owner and pid (`remove_stale_temps`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from engine.tomlfile import FileError, os_reason, read_bytes


class ProfileExists(FileError):
    """Saving would overwrite a different existing file; pass `force=True` to allow it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "exists and differs; use --force to overwrite it")


def save_bytes(data: bytes, path: Path, *, force: bool = False) -> None:
    """Write `data` to `path` atomically: a temp file in the same directory, fsync, rename.

    Raises `ProfileExists` when `path` holds different bytes and `force` is false, and
    `FileError` when `path` is not a regular file or the directory cannot be written. The temp
    file is removed on every failure; stale ones a killed save left are removed first.
    """
    path = Path(path)
    existing = _existing(path)
    if existing is not None:
        if existing == data:
            return
        if not force:
            raise ProfileExists(path)
    try:
        mode = os.stat(path).st_mode & 0o777 if existing is not None else _default_mode()
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None
    remove_stale_temps(path)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent or ".", prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp"
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path, data)
        _fsync_dir(path.parent)
    except FileNotFoundError:
        raise FileError(path, "the directory does not exist") from None
    except OSError as exc:
        raise FileError(path, f"cannot write: {os_reason(exc)}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _existing(path: Path) -> bytes | None:
    """The bytes at `path`, None when nothing is there; `FileError` for anything but a regular
    file (a FIFO or device is never read, a target such as `/dev/full` never replaced)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None
    except ValueError:  # a NUL in a name typed into the wizard
        raise FileError(path, "a file name cannot contain a NUL character") from None
    return read_bytes(path)


STALE_AFTER_S = 3600
"""A temp file of ours older than this is stale even if its pid is alive (pids are reused)."""


def temp_pattern(path: Path) -> re.Pattern[str]:
    """The names `save_bytes` gives its temp files next to `path` (`.NAME.PID-XXXXXXXX.tmp`),
    and the older pid-less `.NAME.XXXXXXXX.tmp`: nothing else is ever removed."""
    return re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp")


def remove_stale_temps(path: Path) -> None:
    """Remove temp files a killed save of `path` left: ours by name, a regular file we own,
    and either its creator's pid is gone (at once: a kill leaves one) or it is older than
    `STALE_AFTER_S` (a reused pid; the pid-less names of older versions). A live save's temp
    file is left alone: its pid is alive and it is seconds old."""
    pattern = temp_pattern(path)
    folder = path.parent or Path(".")
    try:
        names = [n for n in os.listdir(folder) if pattern.fullmatch(n)]
    except OSError:
        return
    now = time.time()
    for name in names:
        match = pattern.fullmatch(name)
        assert match is not None
        candidate = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                continue
            pid = int(match.group(1)) if match.group(1) else None
            old = now - info.st_mtime > STALE_AFTER_S
            if old or (pid is not None and not _alive(pid)):
                os.unlink(candidate)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: someone else's live process
        return True
    return True


def _link_new(tmp: str, path: Path, data: bytes) -> None:
    """Put `tmp` at `path` only if nothing is there (no check-then-write race)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        if read_bytes(path) != data:
            raise ProfileExists(path) from None
    except OSError:  # a filesystem without hard links
        if _existing(path) is not None:
            raise ProfileExists(path) from None
        os.replace(tmp, path)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
