"""What the wizard shows of the rules' verdict, and saving a profile from the app.

Imported before the first screen, so nothing here imports pydantic, `profiles` or the engine
at module level.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.pricebook import PriceBook
    from engine.result import CostResult
    from profiles.model import Profile

RULES_PENDING = "not available for these answers"
"""Shown when the decision rules give no verdict (they never take the wizard down)."""


class ProfileExistsError(FileExistsError):
    """Saving would overwrite a file; ask, then save again with `force=True`."""


@dataclass(frozen=True)
class Verdict:
    """What the decision rules say, reduced to what the wizard shows."""

    label: str
    confidence: str = ""
    reasons: tuple[str, ...] = ()


def save(
    profile: Profile,
    path: Path,
    *,
    book: PriceBook | None = None,
    result: CostResult | None = None,
    force: bool = False,
    upgrade: bool = False,
) -> None:
    """Write `profile` with fresh price and result snapshots (when `book` and `result` are
    given) to `path`, atomically; raise `ProfileExistsError` rather than overwrite a file
    that holds something else. A format-2 file is rewritten as format 3 only with `upgrade`
    (else `profiles.files.FormatUpgrade`: ask first)."""
    from profiles.atomic import ProfileExists
    from profiles.files import save_profile, snapshot

    if book is not None and result is not None:
        profile = snapshot(profile, book, result)
    try:
        save_profile(profile, path, force=force, upgrade=upgrade)
    except ProfileExists as exc:
        raise ProfileExistsError(str(path)) from exc
