"""Adapters to parts of tunewise being built alongside the wizard: one place to rewire.

- `save`: `profiles.files.save_profile(profile, path, *, force=False)` (raising
  `ProfileExists`), with fresh price and result snapshots from `profiles.files.snapshot`,
  when they exist; otherwise a TOML writer here that never overwrites unless asked.
- `recommend`: `engine.rules.assess(assessment, inputs, result, book, catalog)` when it
  exists, with the profile's answer sections (`use_case`, `evidence`, `data`, `team`) where
  the profile has them and "unknown" otherwise; `None` when the rules are missing or fail
  (they are being built alongside), and the UI says the verdict is not available.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.pricebook import PriceBook
    from engine.result import CostResult
    from profiles.model import Profile

RULES_PENDING = "not available: the decision rules are not built yet"


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


def save(
    profile: Profile,
    path: Path,
    *,
    book: PriceBook | None = None,
    result: CostResult | None = None,
    force: bool = False,
) -> None:
    """Write `profile` (with the snapshots of `book` and `result` when the profile format
    has them) to `path`; raise `ProfileExistsError` rather than overwrite."""
    files = importlib.import_module("profiles.files")
    saver = getattr(files, "save_profile", None)
    if saver is None:
        _write_toml(profile, path, force=force)
        return
    snapshot = getattr(files, "snapshot", None)
    if snapshot is not None and book is not None and result is not None:
        profile = snapshot(profile, book, result)
    exists = getattr(files, "ProfileExists", None)
    try:
        saver(profile, path, force=force)
    except Exception as exc:
        if exists is not None and isinstance(exc, exists):
            raise ProfileExistsError(str(path)) from exc
        raise


def recommend(
    profile: Profile, result: CostResult, book: PriceBook, catalog: Catalog
) -> Verdict | None:
    """The rules' verdict, or None while `engine.rules` is missing or cannot judge."""
    try:
        rules = importlib.import_module("engine.rules")
        answers = importlib.import_module("engine.assessment")
    except ImportError:
        return None
    assess = getattr(rules, "assess", None)
    model = getattr(answers, "Assessment", None)
    if assess is None or model is None:
        return None
    try:
        sections = {
            name: getattr(profile, name)
            for name in model.model_fields
            if getattr(profile, name, None) is not None
        }
        raw = assess(model.model_validate(sections), profile.cost_inputs(), result, book, catalog)
    except Exception:  # rules under construction must not take the wizard down
        return None
    label = str(getattr(raw, "verdict", raw)).replace("_", " ")
    reasons = tuple(str(getattr(r, "text", r)) for r in getattr(raw, "reasons", ()) or ())
    return Verdict(label, str(getattr(raw, "confidence", "") or ""), reasons)
