"""Loading and saving profiles: one-line errors naming file, line and field; atomic writes.

Public API:
- `load_profile(path)` reads, migrates (in memory) and validates a profile.
- `open_profile(path, catalog=None)` also assesses it (`profiles.assessed.Assessed`) and says
  when the stored result is stale.
- `as_file_error(path, exc)` an assessment's input error as the file's one-line `FileError`.
- `save_profile(profile, path, force=False)` writes it atomically, never over a different file
  unless forced.
- `evaluate_profile(profile, catalog=None)` prices and evaluates it, from its own price
  snapshot when it has one.
- `snapshot_of(assessed)` (or `snapshot(profile, book, result)`) the profile with fresh price
  and result snapshots, the decision rules' recommendation included.

The atomic write itself (temp file, link, fsync, stale temps) is `profiles.atomic`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import __version__
from engine.errors import InputError
from engine.pricebook import PriceBook
from engine.result import CostResult
from engine.tomlfile import (
    FileError,
    find_line,
    parse_toml,
    read_text,
    validate,
)

from .assessed import Assessed, assess_profile
from .atomic import save_bytes
from .catalogs import CatalogSource
from .model import FORMAT, PLAIN_FORMAT, Profile, written_format
from .snapshot import Recommendation, ResultSnapshot, recommendation_of, result_snapshot
from .writer import dumps

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.rules.verdict import Recommendation as RulesRecommendation


TOO_LARGE = "numbers too large to compute with; check the volumes and prices"
"""Said when valid answers compound past what a result can hold (growth over a long horizon)."""


def _migrate_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 → 2: format 2 only added optional sections; the number moves on."""
    return {**data, "profile": {**data["profile"], "format": 2}}


MIGRATIONS = {1: _migrate_1}
"""`MIGRATIONS[n]` turns a format-n document into a format-(n+1) one. Format 3 only adds
`[options.ID]` tables: a format-2 document is read as it is (its options: the baseline, its
`[prompting]`, and one option, its `[fine_tuning]`), and stays format 2 when saved without
options."""


class FormatUpgrade(FileError):
    """Saving options would rewrite a format-2 (or older) file as format 3, which older
    tunewise versions refuse; pass `upgrade=True` once the user has agreed."""

    def __init__(self, path: Path, old: int) -> None:
        super().__init__(
            path,
            f"is profile format {old}; saving its options writes format {FORMAT}, which "
            "tunewise before options cannot read (confirm to upgrade it)",
        )
        self.old = old


def parse(path: Path, text: str) -> dict[str, Any]:
    """TOML with every float as an exact `Decimal`, or a one-line `FileError`."""
    return parse_toml(path, text, parse_float=Decimal)


def _migrate(path: Path, text: str, data: dict[str, Any]) -> dict[str, Any]:
    header = data.get("profile")
    version = header.get("format", FORMAT) if isinstance(header, dict) else FORMAT
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileError(
            path,
            f"profile.format: expected a format number from 1 to {FORMAT} (got {version!r:.40})",
            find_line(text, ("profile", "format")),
        )
    if version > FORMAT:
        raise FileError(
            path,
            f"profile format {version} is newer than this tunewise reads "
            f"(format {FORMAT}); upgrade tunewise to open it",
            find_line(text, ("profile", "format")),
        )
    if version < FORMAT and "options" in data:
        raise FileError(
            path,
            f"options need profile format {FORMAT} (this file says format {version})",
            find_line(text, ("profile", "format")),
        )
    while version < PLAIN_FORMAT:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def loads_profile(path: Path, text: str) -> Profile:
    """Parse, migrate and validate profile `text` read from `path`."""
    return validate(path, text, _migrate(path, text, parse(path, text)), Profile)


def load_profile(path: Path) -> Profile:
    """Read, migrate (in memory only) and validate a profile, or raise `FileError`."""
    path = Path(path)
    return loads_profile(path, read_text(path))


def open_profile(path: Path, catalog: Catalog | CatalogSource | None = None) -> Assessed:
    """Load and assess a profile (`assess_profile`); its `stale` note, checked here, says
    when the stored result disagrees."""
    path = Path(path)
    text = read_text(path)
    profile = loads_profile(path, text)
    try:
        assessed = assess_profile(profile, catalog=catalog)
        # Here, so an error names this file: every figure must be representable in a
        # snapshot, and a stored verdict is judged again for the stale note.
        _ = assessed.costs, assessed.stale
        if profile.options:  # an option that cannot be priced names this file too
            _ = assessed.options
    except (InputError, ArithmeticError) as exc:
        raise as_file_error(path, exc, text=text) from None
    return assessed


def as_file_error(
    path: Path, exc: InputError | ArithmeticError, *, text: str | None = None, said: str = ""
) -> FileError:
    """The one-line `FileError` for a profile at `path` that cannot be assessed: an input
    error at its field's line (`said` goes before its words), figures too large to compute
    with as `TOO_LARGE`. `text` is the file's text when the caller has read it."""
    if isinstance(exc, ArithmeticError):
        return FileError(path, TOO_LARGE)
    if text is None:
        text = read_text(path)
    return FileError(path, f"{said}{exc}", find_line(text, tuple(exc.field.split("."))))


def evaluate_profile(
    profile: Profile, catalog: Catalog | None = None
) -> tuple[PriceBook, CostResult]:
    """Price and evaluate `profile` (`assess_profile`): from its own price snapshot when it
    still fits the answers, otherwise from `catalog` (the built-in one when None)."""
    assessed = assess_profile(profile, catalog=catalog)
    return assessed.book, assessed.result


def default_catalog() -> Catalog:
    """The built-in catalog (with the user's standing price file), loaded once per process."""
    return CatalogSource().get()


def snapshot(
    profile: Profile,
    book: PriceBook,
    result: CostResult,
    *,
    recommendation: Recommendation | RulesRecommendation | None = None,
    catalog: Catalog | CatalogSource | None = None,
    judge: bool = True,
) -> Profile:
    """`profile` evaluated into `book` and `result`, with fresh snapshots (`snapshot_of`);
    judged, when no `recommendation` is given, with `catalog` (the built-in one when None)."""
    source = CatalogSource.given(catalog)
    assessed = Assessed(profile, profile.cost_inputs(), book, result, source)
    return snapshot_of(assessed, recommendation=recommendation, judge=judge)


def snapshot_of(
    assessed: Assessed,
    *,
    recommendation: Recommendation | RulesRecommendation | None = None,
    judge: bool = True,
) -> Profile:
    """The assessed profile with fresh price and result snapshots, stamped with this
    tunewise's version.

    The result snapshot keeps the decision rules' recommendation: `recommendation` when given
    (the rules' own or a profile's), else the assessment's own; `judge=False` leaves it out.
    """
    from engine.rules import RULES_VERSION

    profile, book, result = assessed.profile, assessed.book, assessed.result
    if recommendation is None and judge:
        recommendation = assessed.recommendation
    judged = None if isinstance(recommendation, Recommendation) else recommendation
    if recommendation is not None and not isinstance(recommendation, Recommendation):
        rules = recommendation.rules_version
        recommendation = recommendation_of(recommendation)
    else:
        rules = RULES_VERSION if recommendation is not None else ""
    header_update: dict[str, Any] = {
        "format": written_format(profile.options),
        "tunewise": __version__,
    }
    if rules:
        header_update["rules"] = rules
    stored: ResultSnapshot = result_snapshot(
        result,
        book,
        profile.profile.assessed_on,
        tunewise=__version__,
        recommendation=recommendation,
        rules=rules,
    )
    # The simulation runs only for a profile with ranges, and never over an unknown cost.
    if profile.ranges and judge and result.costs_known:
        from .ranges import profile_uncertainty, uncertainty_snapshot

        facts = assessed.facts if judged is not None else None
        u = profile_uncertainty(profile, book, result, recommendation=judged, facts=facts)
        stored = stored.model_copy(update={"uncertainty": uncertainty_snapshot(u)})
    out = profile.model_copy(
        update={
            "profile": profile.profile.model_copy(update=header_update),
            "prices": book,
            "option_prices": _option_books(assessed),
            "result": stored,
        }
    )
    if not out.option_prices:  # no empty `[option_prices]` table in the file
        out.__pydantic_fields_set__.discard("option_prices")
    return out


def _option_books(assessed: Assessed) -> dict[str, PriceBook]:
    """Each named option's price book, to keep beside `[prices]`; the ones already kept when
    an option cannot be priced (its error is reported where it is assessed)."""
    if not assessed.profile.options:
        return {}
    try:
        explicit = assessed.options.explicit
    except InputError:
        return dict(assessed.profile.option_prices)
    return {o.id: o.book for o in explicit if o.book is not None}


def save_profile(
    profile: Profile, path: Path, *, force: bool = False, upgrade: bool = False
) -> None:
    """Write `profile` to `path` atomically in the canonical form, as format 3 when it has
    options and format 2 when it has none (`written_format`).

    Never replaces a different existing file unless `force`; raises `ProfileExists` instead.
    Never rewrites a format-2 file as format 3 unless `upgrade` (even with `force`); raises
    `FormatUpgrade` instead, so the caller can ask first.
    """
    new = written_format(profile.options)
    if profile.profile.format != new:
        profile = profile.model_copy(
            update={"profile": profile.profile.model_copy(update={"format": new})}
        )
    old = _file_format(Path(path))
    if new > PLAIN_FORMAT and old is not None and old < new and not upgrade:
        raise FormatUpgrade(Path(path), old)
    try:
        text = dumps(profile)
    except ValueError as exc:
        raise FileError(path, str(exc)) from None
    save_bytes(text.encode("utf-8"), Path(path), force=force)


def _file_format(path: Path) -> int | None:
    """The format number of the profile at `path`, None when there is none to read."""
    try:
        if not path.is_file():
            return None
        header = parse(path, read_text(path)).get("profile")
    except (OSError, FileError, ValueError):
        return None
    version = header.get("format", PLAIN_FORMAT) if isinstance(header, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None
