"""Loading and saving profiles: one-line errors naming file, line and field; atomic writes.

Public API:
- `load_profile(path)` reads, migrates (in memory) and validates a profile.
- `open_profile(path, catalog=None)` also recomputes it and says when the stored result is stale.
- `save_profile(profile, path, force=False)` writes it atomically, never over a different file
  unless forced.
- `evaluate_profile(profile, catalog=None)` prices and evaluates it, from its own price
  snapshot when it has one.
- `snapshot(profile, book, result)` the profile with fresh price and result snapshots,
  the decision rules' recommendation included.
- `recommend(profile, book, result, catalog=None)` that recommendation, as a profile keeps it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import __version__
from engine.errors import InputError
from engine.evaluate import evaluate
from engine.inputs import GpuServing, GpuTraining, HostedTraining, HourlyServing, TokenServing
from engine.pricebook import PriceBook
from engine.result import CostResult
from engine.tomlfile import (
    FileError,
    find_line,
    os_reason,
    parse_toml,
    read_bytes,
    read_text,
    validate,
)

from .model import FORMAT, Profile
from .snapshot import (
    Costs,
    Recommendation,
    ResultSnapshot,
    costs_of,
    outcome_differences,
    recommendation_of,
    result_snapshot,
)
from .writer import dumps

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.rules.verdict import Recommendation as RulesRecommendation


TOO_LARGE = "numbers too large to compute with; check the volumes and prices"
"""Said when valid answers compound past what a result can hold (growth over a long horizon)."""


class ProfileExists(FileError):
    """Saving would overwrite a different existing file; pass `force=True` to allow it."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "exists and differs; use --force to overwrite it")


@dataclass(frozen=True)
class Opened:
    """A loaded profile, its evaluation, and whether its stored result was stale."""

    profile: Profile
    book: PriceBook
    result: CostResult
    stale: str | None
    """`stale: computed by tunewise 0.1.0 with prices as of 2025-11; …`, or None."""
    costs: Costs | None = None
    """`costs_of(result)`: the figures as a snapshot keeps them."""


def _migrate_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 1 → 2: format 2 only added optional sections; the number moves on."""
    return {**data, "profile": {**data["profile"], "format": 2}}


MIGRATIONS = {1: _migrate_1}
"""`MIGRATIONS[n]` turns a format-n document into a format-(n+1) one."""


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
    while version < FORMAT:
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


def open_profile(path: Path, catalog: Catalog | None = None) -> Opened:
    """Load and recompute a profile; `stale` says when the stored result disagrees."""
    path = Path(path)
    text = read_text(path)
    profile = loads_profile(path, text)
    try:
        book, result = evaluate_profile(profile, catalog)
        costs = costs_of(result)  # every figure must be representable in a snapshot
        stale = stale_note(profile, book, result, catalog, costs=costs)
        return Opened(profile, book, result, stale, costs)
    except InputError as exc:
        raise FileError(path, str(exc), find_line(text, tuple(exc.field.split(".")))) from None
    except ArithmeticError:
        raise FileError(path, TOO_LARGE) from None


def stale_note(
    profile: Profile,
    book: PriceBook,
    result: CostResult,
    catalog: Catalog | None = None,
    *,
    costs: Costs | None = None,
) -> str | None:
    """One line when the profile's stored result differs from `result`, else None.

    A stored recommendation is judged again by today's rules (with `catalog`, the built-in
    one when None), so a verdict that changed makes the result stale too. `costs` is
    `costs_of(result)` when the caller has it already."""
    stored = profile.result
    if stored is None:
        return None
    judged = None
    if stored.recommendation is not None:
        rec = _assess(profile, book, result, catalog)
        judged = Recommendation.model_construct(verdict=rec.verdict, confidence=rec.confidence)
    fresh = ResultSnapshot.model_construct(  # only what `outcome_differences` compares
        costs=costs or costs_of(result),
        warnings=[w.code for w in result.warnings],
        recommendation=judged,
    )
    changes = outcome_differences(stored, fresh)
    if not changes:
        return None
    who = stored.tunewise or "an unknown version"
    when = stored.prices_as_of or "an unknown date"
    return f"stale: computed by tunewise {who} with prices as of {when}; {'; '.join(changes[:3])}"


def recommend(
    profile: Profile, book: PriceBook, result: CostResult, catalog: Catalog | None = None
) -> Recommendation:
    """The decision rules' recommendation for `profile`'s answers and evaluation, as the
    profile's `[result.recommendation]` keeps it. Loads the built-in catalog when None."""
    return recommendation_of(_assess(profile, book, result, catalog))


def _assess(
    profile: Profile, book: PriceBook, result: CostResult, catalog: Catalog | None
) -> RulesRecommendation:
    from engine.rules import assess

    if catalog is None:
        catalog = default_catalog()
    return assess(profile.assessment(), profile.cost_inputs(), result, book, catalog)


def default_catalog() -> Catalog:
    """The built-in catalog (with the user's standing price file), loaded once per process."""
    global _CATALOG
    if _CATALOG is None:
        from engine.catalog import load_catalog

        _CATALOG = load_catalog()
    return _CATALOG


_CATALOG: Catalog | None = None


def _given_prices_match(profile: Profile, book: PriceBook) -> bool:
    """Whether a stored price book still prices what the answers name: the same models and
    the same explicitly given prices (a hand edit after the snapshot makes it unusable)."""
    from engine.catalog.fit import book_fits

    pe, ft = profile.prompting, profile.fine_tuning
    if not book_fits(pe, ft, book):  # cache lifetime, fine-tuned tier, hourly training
        return False
    if pe.model and book.prompting_model and book.prompting_model.model != pe.model:
        return False
    if ft.base_model and book.base_model and book.base_model.model != ft.base_model:
        return False
    needs_prompt = pe.inference_monthly_usd is None and pe.cost_per_request_usd is None
    if needs_prompt and book.prompting is None:
        return False
    if needs_prompt and pe.model and pe.prices is None and book.prompting is not None:
        tier = pe.tier
        stored = (book.prompting.model or "").endswith(f" ({tier})")
        if stored != (tier != "standard"):  # the tier changed since the snapshot
            return False
    if pe.prices is not None and needs_prompt:
        q = book.prompting
        if q is None or (q.input.usd, q.output.usd) != (
            pe.prices.input_usd_per_mtok,
            pe.prices.output_usd_per_mtok,
        ):
            return False
    serving = ft.serving
    if isinstance(serving, TokenServing | HourlyServing):
        if book.fine_tuned is None:
            return False
        if serving.prices is not None and (
            book.fine_tuned.input.usd,
            book.fine_tuned.output.usd,
        ) != (
            serving.prices.input_usd_per_mtok,
            serving.prices.output_usd_per_mtok,
        ):
            return False
    if isinstance(serving, HourlyServing) and (
        book.hosting is None
        or (serving.usd_per_hour is not None and book.hosting.usd != serving.usd_per_hour)
    ):
        return False
    if isinstance(serving, GpuServing) and (
        book.serving_gpu is None
        or (
            serving.usd_per_gpu_hour is not None
            and book.serving_gpu.hour.usd != serving.usd_per_gpu_hour
        )
    ):
        return False
    training = ft.training
    if isinstance(training, HostedTraining) and (
        book.training is None
        or (
            training.usd_per_mtok is not None
            and book.training.per_mtok.usd != training.usd_per_mtok
        )
    ):
        return False
    return not (
        isinstance(training, GpuTraining)
        and (
            book.training_gpu is None
            or (
                training.usd_per_gpu_hour is not None
                and book.training_gpu.hour.usd != training.usd_per_gpu_hour
            )
        )
    )


def evaluate_profile(
    profile: Profile, catalog: Catalog | None = None
) -> tuple[PriceBook, CostResult]:
    """Price and evaluate `profile`. Its own price snapshot is used when it has one that still
    fits the answers (no price data is loaded); otherwise `catalog` (the built-in one when None).

    Raises `InputError` naming the field when the inputs cannot be priced.
    """
    inputs = profile.cost_inputs()
    book = profile.prices
    if book is None or not _given_prices_match(profile, book):
        book = (catalog or default_catalog()).resolve(inputs)
    return book, evaluate(inputs, book)


def snapshot(
    profile: Profile,
    book: PriceBook,
    result: CostResult,
    *,
    recommendation: Recommendation | RulesRecommendation | None = None,
    catalog: Catalog | None = None,
    judge: bool = True,
) -> Profile:
    """`profile` with fresh price and result snapshots, stamped with this tunewise's version.

    The result snapshot keeps the decision rules' recommendation: `recommendation` when given
    (the rules' own or a profile's), else judged here with `catalog` (the built-in one when
    None); `judge=False` leaves it out.
    """
    from engine.rules import RULES_VERSION

    if recommendation is None and judge:
        recommendation = _assess(profile, book, result, catalog)
    judged = None if isinstance(recommendation, Recommendation) else recommendation
    if recommendation is not None and not isinstance(recommendation, Recommendation):
        rules = recommendation.rules_version
        recommendation = recommendation_of(recommendation)
    else:
        rules = RULES_VERSION if recommendation is not None else ""
    header_update: dict[str, Any] = {"format": FORMAT, "tunewise": __version__}
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
    if profile.ranges and judge and result.break_even_known:
        from .ranges import profile_uncertainty, uncertainty_snapshot

        stored = stored.model_copy(
            update={
                "uncertainty": uncertainty_snapshot(
                    profile_uncertainty(
                        profile,
                        book,
                        result,
                        recommendation=judged,
                        catalog=catalog or default_catalog(),
                    )
                )
            }
        )
    return profile.model_copy(
        update={
            "profile": profile.profile.model_copy(update=header_update),
            "prices": book,
            "result": stored,
        }
    )


def save_bytes(data: bytes, path: Path, *, force: bool = False) -> None:
    """Write `data` to `path` atomically: a temp file in the same directory, fsync, rename.

    Raises `ProfileExists` when `path` holds different bytes and `force` is false, and
    `FileError` when `path` is not a regular file or the directory cannot be written. The temp
    file is removed on every failure; stale ones a killed save left are removed first.
    """
    path = Path(path)
    existing = _existing(path)
    if existing is not None:
        if existing == data:
            return
        if not force:
            raise ProfileExists(path)
    try:
        mode = os.stat(path).st_mode & 0o777 if existing is not None else _default_mode()
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None
    remove_stale_temps(path)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent or ".", prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp"
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path, data)
        _fsync_dir(path.parent)
    except FileNotFoundError:
        raise FileError(path, "the directory does not exist") from None
    except OSError as exc:
        raise FileError(path, f"cannot write: {os_reason(exc)}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _existing(path: Path) -> bytes | None:
    """The bytes at `path`, None when nothing is there; `FileError` for anything but a regular
    file (a FIFO or device is never read, a target such as `/dev/full` never replaced)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileError(path, os_reason(exc)) from None
    except ValueError:  # a NUL in a name typed into the wizard
        raise FileError(path, "a file name cannot contain a NUL character") from None
    return read_bytes(path)


STALE_AFTER_S = 3600
"""A temp file of ours older than this is stale even if its pid is alive (pids are reused)."""


def temp_pattern(path: Path) -> re.Pattern[str]:
    """The names `save_bytes` gives its temp files next to `path` (`.NAME.PID-XXXXXXXX.tmp`),
    and the older pid-less `.NAME.XXXXXXXX.tmp`: nothing else is ever removed."""
    return re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp")


def remove_stale_temps(path: Path) -> None:
    """Remove temp files a killed save of `path` left: ours by name, a regular file we own,
    and either its creator's pid is gone (at once: a kill leaves one) or it is older than
    `STALE_AFTER_S` (a reused pid; the pid-less names of older versions). A live save's temp
    file is left alone: its pid is alive and it is seconds old."""
    pattern = temp_pattern(path)
    folder = path.parent or Path(".")
    try:
        names = [n for n in os.listdir(folder) if pattern.fullmatch(n)]
    except OSError:
        return
    now = time.time()
    for name in names:
        match = pattern.fullmatch(name)
        assert match is not None
        candidate = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                continue
            pid = int(match.group(1)) if match.group(1) else None
            old = now - info.st_mtime > STALE_AFTER_S
            if old or (pid is not None and not _alive(pid)):
                os.unlink(candidate)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: someone else's live process
        return True
    return True


def _link_new(tmp: str, path: Path, data: bytes) -> None:
    """Put `tmp` at `path` only if nothing is there (no check-then-write race)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        if read_bytes(path) != data:
            raise ProfileExists(path) from None
    except OSError:  # a filesystem without hard links
        if _existing(path) is not None:
            raise ProfileExists(path) from None
        os.replace(tmp, path)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def save_profile(profile: Profile, path: Path, *, force: bool = False) -> None:
    """Write `profile` to `path` atomically in the canonical form.

    Never replaces a different existing file unless `force`; raises `ProfileExists` instead.
    """
    try:
        text = dumps(profile)
    except ValueError as exc:
        raise FileError(path, str(exc)) from None
    save_bytes(text.encode("utf-8"), Path(path), force=force)
