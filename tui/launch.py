"""`tunewise` with no command: a new, blank assessment dated today; or an example by name."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import tomli


def blank_document(today: date | None = None) -> dict[str, Any]:
    """A new assessment: dated today, every answer unknown (nothing borrowed from an example)."""
    return {"profile": {"name": "", "assessed_on": today or date.today()}}


def _examples_folder() -> Path:
    # find_spec, not importlib.resources: importing `profiles.examples` would import pydantic.
    spec = find_spec("profiles.examples")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def example_names() -> list[str]:
    return sorted(p.stem for p in _examples_folder().glob("*.toml"))


def example_document(name: str) -> dict[str, Any]:
    """The shipped example `name` as data (plain TOML, no pydantic on the way to the screen),
    without the guide claims it checks; `FileError` with a did-you-mean for an unknown name."""
    name = name.removesuffix(".toml")
    # The folder's listing, not `example_names`: its glob compiles a pattern at startup.
    if f"{name}.toml" not in os.listdir(_examples_folder()):
        known = example_names()
        from engine.tomlfile import FileError  # only on this path: it imports pydantic

        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else "; see `tunewise examples`"
        raise FileError(name, f"no such example{hint}")
    data = tomli.loads((_examples_folder() / f"{name}.toml").read_text(encoding="utf-8"))
    data.pop("claim", None)
    return data


def launch(path: Path | None = None, *, example: str | None = None, new: bool = False) -> int:
    """Run the wizard; the exit status. On `path` (a profile), on the shipped `example`, or on
    a blank assessment dated today (saved to `path` when `new`).

    A profile that cannot be read raises `FileError` (one line) before the screen opens."""
    from .app import make_app

    if example is not None:
        app = make_app(example_document(example), example=example)
    elif path is None or new:
        app = make_app(blank_document(), path)
    else:
        from profiles.files import load_profile

        app = make_app(load_profile(path), path)
    app.run()
    return app.exit_status


def launch_compare(paths: Sequence[Path]) -> int:
    """`tunewise compare A B …` in a terminal: the compare screen over a new assessment
    (Back leads to the wizard). Files that cannot be opened are named on the screen."""
    from .app import make_app

    app = make_app(blank_document(), compare=paths)
    app.run()
    return app.exit_status
