"""`tunewise` with no command: a new assessment pre-filled from a built-in example."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import tomli

STARTER = "support-chatbot-50k.toml"
"""The built-in example a new assessment starts from, so the panel shows figures at once."""


def starter_document() -> dict[str, Any]:
    """The starter example as data (plain TOML, no pydantic import on the way to the screen)."""
    # find_spec, not importlib.resources: importing `profiles.examples` would import pydantic.
    spec = find_spec("profiles.examples")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    text = (folder / STARTER).read_text(encoding="utf-8")
    data = tomli.loads(text)
    data.pop("claim", None)
    header = data["profile"]
    header["name"] = f"New assessment (from: {header['name']})"
    header["author"] = ""
    return data


def launch(path: Path | None = None) -> int:
    """Run the wizard on `path` (a profile) or a new assessment; the exit status.

    A profile that cannot be read raises `FileError` (one line) before the screen opens."""
    from .app import make_app

    if path is None:
        app = make_app(starter_document())
    else:
        from profiles.files import load_profile

        app = make_app(load_profile(path), path)
    result = app.run()
    return result if isinstance(result, int) else 0


def launch_compare(paths: Sequence[Path]) -> int:
    """`tunewise compare A B …` in a terminal: the compare screen over a new assessment
    (Back leads to the wizard). Files that cannot be opened are named on the screen."""
    from .app import make_app

    app = make_app(starter_document(), compare=paths)
    result = app.run()
    return result if isinstance(result, int) else 0
