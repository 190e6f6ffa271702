"""Reading TOML files into pydantic models with one-line errors that name file, line and field."""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import tomli
from pydantic import BaseModel, ValidationError

from .visible import visible

M = TypeVar("M", bound=BaseModel)
MAX_BYTES = 1_000_000
"""Larger files are refused before parsing: no assessment or price file is this big."""

# Linear on any line: a lazy name followed by `\s*` was quadratic in a run of spaces.
_HEADER = re.compile(r"^\s*(\[\[?)([^\[\]#]*)\]\]?\s*(#.*)?$")
_HEADER_NAME = re.compile(r"[A-Za-z0-9_.\-\" ]+")
_KEY = re.compile(r"^\s*\"?([A-Za-z0-9_\-]+)\"?\s*=")


class FileError(ValueError):
    """A file tunewise cannot use, said in one line: `path:line: field: what is wrong`."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        # A file name may hold any byte but `/` and NUL, a key name any character: shown
        # escaped, the message stays one line and safe on any screen (CLI or TUI).
        shown = visible(str(path), keep="")
        message = visible(message, keep="")
        where = f"{shown}:{line}" if line else shown
        super().__init__(f"{where}: {message}")
        self.path = Path(path)
        self.line = line
        self.message = message


def find_line(text: str, loc: tuple[str | int, ...]) -> int | None:
    """The line of `loc` (e.g. `("fine_tuning", "training", "epochs")`) in TOML `text`."""
    table: list[str] = []
    counts: dict[str, int] = {}
    best: int | None = None
    depth = 0
    """How many of `loc`'s names the header at `best` matches: the deepest table wins."""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and _HEADER_NAME.fullmatch(header.group(2).strip()):
            names = [p.strip().strip('"') for p in header.group(2).split(".")]
            table = list(names)
            if header.group(1) == "[[":
                key = ".".join(names)
                counts[key] = counts.get(key, -1) + 1
                table.append(str(counts[key]))
            wanted = [str(x) for x in loc]
            # `names` alone: the whole array of tables (`[[gpu_offr]]`, an unknown key).
            if (wanted[: len(table)] == table or wanted == names) and len(table) > depth:
                best, depth = number, len(table)
            continue
        pair = _KEY.match(line)
        if pair and [str(x) for x in loc] == [*table, pair.group(1)]:
            return number
    if len(loc) > 1 and depth < len(loc):  # a key not written: its table's line
        parent = find_line(text, loc[:-1])
        return parent or best
    return best


def _describe(error: dict[str, Any], model: type[BaseModel]) -> str:
    parts = [str(x) for x in error["loc"] if not str(x).startswith("function-after")]
    kind = error["type"]
    given = error.get("input")
    # A table chosen by its `kind` (an option): pydantic names the kind in the path.
    chosen = isinstance(given, dict) and len(parts) > 2 and given.get("kind") == parts[-2]
    if kind == "missing" and chosen:
        del parts[-2]
    loc = ".".join(_clip(p) for p in parts)
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        fields = _fields_at(model, error["loc"][:-1])
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{loc}: unknown key{hint}"
    if kind in ("union_tag_invalid", "literal_error"):
        return _not_one_of(loc, error)
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    if kind == "missing":  # pydantic's "Field required"
        cost = "usd" in parts[-1] if parts else False
        message = "missing: required" + ("; a cost of nothing is written 0" if cost else "")
    shown = ""
    if kind not in ("missing",) and not isinstance(given, dict | list):
        text = repr(given)
        shown = f" (got {text[:40]}{'…' if len(text) > 40 else ''})"
    return f"{loc}: {message}{shown}" if loc else f"{message}{shown}"


def _not_one_of(loc: str, error: dict[str, Any]) -> str:
    """A value outside a fixed set (a table's `kind`, a choice such as `use_case.task`): the
    values allowed, the closest one to what was written."""
    ctx = error.get("ctx") or {}
    if error["type"] == "union_tag_invalid":
        loc = f"{loc}.{_tag_key(error)}".strip(".")
        given, allowed = ctx.get("tag"), ctx.get("expected_tags", "")
    else:
        given, allowed = error.get("input"), ctx.get("expected", "")
    names = _QUOTED.findall(str(allowed))
    close = difflib.get_close_matches(str(given), names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    text = repr(given)
    shown = f"{text[:40]}{'…' if len(text) > 40 else ''}"
    return f"{loc}: {shown} is not one of {', '.join(names)}{hint}"


_QUOTED = re.compile(r"'([^']*)'")


def _tag_key(error: dict[str, Any]) -> str:
    """The key a table is chosen by (`kind`), from pydantic's `union_tag_invalid` error."""
    return str((error.get("ctx") or {}).get("discriminator", "")).strip("'")


def _clip(name: str, limit: int = 60) -> str:
    """A key name as an error shows it: a 50,000-character key must not fill the terminal."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (sub)model at `loc`, for did-you-mean."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_of(field.annotation)
    return list(getattr(current, "model_fields", {}))


def _model_of(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


_WHY = {
    errno.ENOENT: "no such file",
    errno.EISDIR: "is a directory, not a file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links (a symlink loop?)",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENAMETOOLONG: "file name too long",
}


def os_reason(exc: OSError) -> str:
    """An OS error in words, without the errno number and the path."""
    return _WHY.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


NOT_REGULAR = "is not a regular file (a FIFO, device or socket)"


def read_bytes(path: Path) -> bytes:
    """The bytes of `path`, a regular file of at most `MAX_BYTES`, or a one-line `FileError`.

    Every file tunewise reads comes through here. A FIFO or device is refused on `stat`, and
    again by `fstat` on the descriptor (opened non-blocking), so it is never waited on or read
    endlessly; the size is checked while reading (`st_size` is 0 for `/dev/zero`)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        # Refused before opening when it can be: opening a FIFO would release a writer
        # waiting on it, and opening some devices acts. `fstat` below closes the race.
        if not stat.S_ISREG(mode := os.stat(path).st_mode) and not stat.S_ISDIR(mode):
            raise FileError(path, NOT_REGULAR)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None
    except FileError:
        raise
    except ValueError:  # a NUL in a name typed into the wizard (FileError is a ValueError too)
        raise FileError(path, "a file name cannot contain a NUL character") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileError(path, "is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise FileError(path, NOT_REGULAR)
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FileError(path, f"cannot read: {os_reason(exc)}") from None
    finally:
        os.close(fd)
    if left <= 0:
        raise FileError(path, f"too large for a tunewise file (limit {MAX_BYTES:,} bytes)")
    return b"".join(chunks)


def read_text(path: Path) -> str:
    """The UTF-8 text of `path` (see `read_bytes`), or a one-line `FileError`."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileError(path, "not UTF-8 text", line) from None


def parse_toml(
    path: Path, text: str, *, parse_float: Callable[[str], Any] = float
) -> dict[str, Any]:
    """TOML as a dict (floats through `parse_float`), or a one-line `FileError`."""
    try:
        return tomli.loads(text, parse_float=parse_float)
    except tomli.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        message = re.sub(r"\s*\(at end of document\)", " (at the end of the file)", message)
        raise FileError(path, f"not valid TOML: {message}", line) from None
    except RecursionError:  # tomli's own nesting limits (400 levels, 1,000 key parts)
        raise FileError(path, "not valid TOML: nested too deeply") from None
    except ValueError:  # Python's 4,300-digit limit on integer literals (a DoS guard)
        long = re.search(r"[0-9_]{4300,}", text)
        line = text.count("\n", 0, long.start()) + 1 if long else None
        raise FileError(path, "not valid TOML: a number of more than 4,300 digits", line) from None


def validate(path: Path, text: str, data: dict[str, Any], model: type[M]) -> M:
    try:
        return model.model_validate(data)
    except RecursionError:
        raise FileError(path, "nested too deeply to validate") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        loc = tuple(first["loc"])
        if first["type"] == "union_tag_invalid":  # the table's `kind` line
            loc += (_tag_key(dict(first)),)
        raise FileError(
            path, _describe(dict(first), model) + suffix, find_line(text, loc)
        ) from None


def load_model(path: Path, model: type[M]) -> M:
    """Read, parse and validate `path` as `model`, or raise `FileError`."""
    text = read_text(path)
    return validate(path, text, parse_toml(path, text), model)
