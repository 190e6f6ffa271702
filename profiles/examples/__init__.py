"""The guides' worked examples, shipped as profiles: `tunewise examples` lists them."""

from __future__ import annotations

import difflib
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from engine.tomlfile import FileError, read_bytes


def example_files() -> dict[str, Traversable]:
    """`{name: resource}` for every shipped example, sorted by name (the format-3 examples
    with several options are in `options/`, listed by their names alike)."""
    here = files(__name__)
    found = {
        entry.name.removesuffix(".toml"): entry
        for folder in (here, here / "options")
        if folder.is_dir()
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }
    return dict(sorted(found.items()))


def example_bytes(name: str) -> bytes:
    """The shipped example `name`, or `FileError` with a did-you-mean."""
    known = example_files()
    if name.removesuffix(".toml") not in known:
        close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else "; see `tunewise examples`"
        raise FileError(name, f"no such example{hint}")
    return read_bytes(Path(str(known[name.removesuffix(".toml")])))
