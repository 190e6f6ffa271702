"""pydantic's plugin lookup, skipped when no installed package declares a plugin.

Before it builds its first validator, pydantic asks `importlib.metadata` for every installed
distribution's `pydantic` entry points: importing it (with email, zipfile, csv, socket) costs a
start-up about 6% of `tunewise assess` and 1 MB. The same answer is read here from the
`entry_points.txt` files themselves, when pydantic first asks: only when none declares a
`[pydantic]` group (and no import hook could add distributions) is the answer "no plugins"
without `importlib.metadata`. Any declared plugin, or anything this cannot read, hands the
question to pydantic's own loader, as if this module were not there.
"""

from __future__ import annotations

import importlib
import os
import sys
from functools import cache
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

TYPE_CHECKING = False  # `typing` is not imported for `tunewise --help`
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

LOADER = "pydantic.plugin._loader"
"""The module `engine`'s import hook (`engine/__init__.py`) asks `find_spec` for."""


def _declares(folder: str) -> bool:
    """Whether a distribution in `folder` (a `sys.path` entry) may declare a pydantic plugin."""
    try:
        names = os.listdir(folder or ".")
    except NotADirectoryError:
        return True  # a zip on the path: its metadata is not read here
    except OSError:
        return False  # absent, as python311.zip usually is
    for name in names:
        if name.endswith((".dist-info", ".egg-info")):
            points = os.path.join(folder, name, "entry_points.txt")
        elif name.endswith(".egg"):
            points = os.path.join(folder, name, "EGG-INFO", "entry_points.txt")
        else:
            continue
        try:
            with open(points, encoding="utf-8", errors="replace") as file:
                if any(line.strip() == "[pydantic]" for line in file):
                    return True
        except OSError:
            continue
    return False


def plugins_declared() -> bool:
    """Whether pydantic could find a plugin (True also when this cannot tell)."""
    hooks = [f for f in sys.meta_path if hasattr(f, "find_distributions") and f is not PathFinder]
    return bool(hooks) or any(_declares(folder) for folder in sys.path)


def _get_plugins() -> Iterable[Any]:
    """pydantic's `get_plugins`, answered without `importlib.metadata` when none is declared
    (asked once, when pydantic builds its first validator); else pydantic's own, loaded now."""
    global _handed_over
    if not _declared():
        return ()
    _handed_over = True  # pydantic's own loader takes the stand-in's place from now on
    del sys.modules[LOADER]
    real = importlib.import_module(LOADER)
    plugins: Iterable[Any] = real.get_plugins()
    return plugins


@cache
def _declared() -> bool:
    return plugins_declared()


_handed_over = False


class _StandIn:
    """The loader of the stand-in module: its `get_plugins` is `_get_plugins`."""

    @staticmethod
    def create_module(spec: ModuleSpec) -> None:
        return None

    @staticmethod
    def exec_module(module: ModuleType) -> None:
        module.get_plugins = _get_plugins  # type: ignore[attr-defined]


def find_spec(name: str) -> ModuleSpec | None:
    """The stand-in for pydantic's plugin loader, as `engine`'s import hook asks for it when
    pydantic imports `name` (None once pydantic's own has been handed the question)."""
    if name != LOADER or _handed_over:
        return None
    return ModuleSpec(name, _StandIn)  # type: ignore[arg-type]
