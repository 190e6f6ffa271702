"""One row per profile file for the browser: name, verdict and break-even, read from the
file's stored `[result]` snapshot (computed when the file has none). Runs in a worker; a file
that cannot be read becomes a row with its one-line error, never an exception."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from profiles.catalogs import CatalogSource
    from profiles.model import Profile


@dataclass(frozen=True)
class ProfileRow:
    """What the browser lists for one file."""

    path: Path
    name: str = ""
    verdict: str = ""
    """The stored verdict, or the rules' verdict now when the file stores none ("" unknown)."""
    break_even: str = ""
    """`9.6 mo`, `never`, or "" when unknown."""
    error: str = ""
    """The one-line reason the file cannot be opened ("" when it can)."""
    computed: bool = False
    """True when verdict or break-even were computed because the file stores no snapshot."""


def profile_files(folder: Path) -> list[Path]:
    """The `.toml` files of `folder` (not its subfolders), by name."""
    return sorted(
        (p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file()),
        key=lambda p: p.name.lower(),
    )


def _months(months: object) -> str:
    from engine.money import number

    return "never" if months is None else f"{number(months)} mo"  # type: ignore[arg-type]


def _computed(profile: Profile, catalog: CatalogSource) -> tuple[str, str]:
    """(verdict, break-even) assessed now, for a file without a stored snapshot."""
    from profiles.assessed import assess_profile

    assessed = assess_profile(profile, catalog=catalog)
    return assessed.recommendation.verdict, _months(assessed.result.break_even_months)


def summarise(path: Path, catalog: CatalogSource) -> ProfileRow:
    """The row for `path`; `catalog` is loaded only when a file without a stored verdict
    needs its prices or its rules."""
    from profiles.files import load_profile

    try:
        profile = load_profile(path)
        stored = profile.result
        verdict = stored.recommendation.verdict if stored and stored.recommendation else ""
        break_even = _months(stored.costs.break_even_months) if stored else ""
        computed = False
        if not verdict or not break_even:
            now_verdict, now_break_even = _computed(profile, catalog)
            verdict = verdict or now_verdict
            break_even = break_even or now_break_even
            computed = True
        return ProfileRow(path, profile.profile.name, verdict, break_even, computed=computed)
    except Exception as exc:  # every file gets a row: its one-line reason
        from .comparison import file_error

        return ProfileRow(path, error=file_error(path, exc))
