"""Adapters to parts of tunewise being built alongside the wizard: one place to rewire.

- `save`: `profiles.files.save_profile(profile, path, *, force=False)` (raising
  `ProfileExists`) when it exists; until then a TOML writer here that never overwrites
  unless asked.
- `recommend`: `engine.rules.recommend(...)` when it exists; until then `None`, and the UI
  says the verdict comes with the decision rules.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.result import CostResult
    from profiles.model import Profile

RULES_PENDING = "the verdict comes with the decision rules (not built yet)"


class ProfileExistsError(FileExistsError):
    """Saving would overwrite a file; ask, then save again with `force=True`."""


@dataclass(frozen=True)
class Verdict:
    """What the decision rules say, reduced to what the wizard shows."""

    label: str
    confidence: str = ""
    reasons: tuple[str, ...] = ()


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _write_toml(profile: Profile, path: Path, *, force: bool) -> None:
    import tomli_w

    from engine import __version__

    data = _plain(profile.model_dump(mode="python", exclude_none=True))
    data["profile"]["tunewise"] = __version__
    text = tomli_w.dumps(data)
    mode = "w" if force else "x"
    try:
        with path.open(mode, encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise ProfileExistsError(str(path)) from None


def save(profile: Profile, path: Path, *, force: bool = False) -> None:
    """Write `profile` to `path`; raise `ProfileExistsError` rather than overwrite."""
    files = importlib.import_module("profiles.files")
    saver = getattr(files, "save_profile", None)
    if saver is None:
        _write_toml(profile, path, force=force)
        return
    exists = getattr(files, "ProfileExists", None)
    try:
        saver(profile, path, force=force)
    except Exception as exc:
        if exists is not None and isinstance(exc, exists):
            raise ProfileExistsError(str(path)) from exc
        raise


def recommend(profile: Profile, result: CostResult) -> Verdict | None:
    """The rules' verdict, or None while `engine.rules` does not exist."""
    try:
        rules = importlib.import_module("engine.rules")
    except ImportError:
        return None
    function = getattr(rules, "recommend", None)
    if function is None:
        return None
    try:
        raw = function(profile, result)
    except TypeError:
        return None
    label = getattr(raw, "label", None) or getattr(raw, "verdict", None) or str(raw)
    reasons = tuple(str(r) for r in getattr(raw, "reasons", ()) or ())
    return Verdict(str(label), str(getattr(raw, "confidence", "") or ""), reasons)
