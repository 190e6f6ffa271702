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

import contextlib
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
    if not _declared():
        return ()
    with contextlib.suppress(ValueError):
        sys.meta_path.remove(_StandIn)  # pydantic's own loader takes its place from now on
    del sys.modules[LOADER]
    real = importlib.import_module(LOADER)
    plugins: Iterable[Any] = real.get_plugins()
    return plugins


@cache
def _declared() -> bool:
    return plugins_declared()


class _StandIn:
    """An import hook giving pydantic the stand-in loader when pydantic imports its own (so
    nothing of pydantic is imported, or in `sys.modules`, before pydantic is)."""

    @classmethod
    def find_spec(cls, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        return ModuleSpec(name, cls) if name == LOADER else None  # type: ignore[arg-type]

    @staticmethod
    def create_module(spec: ModuleSpec) -> None:
        return None

    @staticmethod
    def exec_module(module: ModuleType) -> None:
        module.get_plugins = _get_plugins  # type: ignore[attr-defined]


def skip_lookup_without_plugins() -> None:
    """Stand in for pydantic's plugin loader until it is first asked (nothing is read now)."""
    if LOADER not in sys.modules and _StandIn not in sys.meta_path:
        sys.meta_path.insert(0, _StandIn)
