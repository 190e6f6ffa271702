"""The guides' own words, kept as data beside the framework that cites them
(`engine/rules/<framework>.toml`): steps, tables and mistakes, row for row."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import tomli as tomllib  # the parser engine.tomlfile has loaded already


def guide_text(framework_id: str) -> dict[str, Any]:
    """The parsed `<framework_id>.toml` shipped inside `engine.rules`."""
    return tomllib.loads((files("engine.rules") / f"{framework_id}.toml").read_text("utf-8"))
