"""Two or more profiles side by side, built on `profiles.diff` (the CLI's diff): each later
profile is diffed against the first, and a cell is highlighted when that diff lists it.

Pure data for the compare screen; runs in its worker (pydantic and the engine load here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from profiles.assessed import Assessed
    from profiles.catalogs import CatalogSource
    from profiles.diff import ProfileDiff
    from profiles.snapshot import Costs, Recommendation


@dataclass(frozen=True)
class Cell:
    text: str
    changed: bool = False
    """This profile's value differs from the first profile's (the diff lists it)."""


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]


@dataclass
class Comparison:
    """What the compare screen shows."""

    paths: list[Path] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    diffs: list[ProfileDiff] = field(default_factory=list)
    """The first profile against each later one, as `tunewise diff A X` computes it."""
    errors: list[str] = field(default_factory=list)
    """One line per file that could not be opened (it is left out of the comparison)."""


def file_error(path: Path, exc: BaseException) -> str:
    """One line naming `path` for the error that stopped it opening: a `FileError` names its
    file (and line) already; an OS error (a symlink loop, a path through a file) gives its
    reason, not its `[Errno 40] …: 'path'` form."""
    from engine.tomlfile import FileError

    if isinstance(exc, FileError):
        text = str(exc)
    elif isinstance(exc, OSError) and exc.strerror:
        text = f"{path}: {exc.strerror}"
    else:
        text = f"{path}: {str(exc) or type(exc).__name__}"
    return " ".join(text.split())


def _stored_or_judged(opened: Assessed) -> Recommendation | None:
    """The stored recommendation; else the rules' verdict now (None when they cannot judge)."""
    from profiles.snapshot import recommendation_of

    stored = opened.profile.result.recommendation if opened.profile.result else None
    if stored is not None:
        return stored
    try:
        return recommendation_of(opened.recommendation)
    except Exception:  # the rules must not stop a comparison of costs
        return None


def _outcome(name: str, costs: Costs) -> str:
    from engine.money import months, number, usd

    value = getattr(costs, name)
    if value is None and name != "prompting_per_request" and name != "finetune_per_request":
        return costs.absent(name)
    if name in ("break_even_months", "horizon_months"):
        return months(value)
    if name == "monthly_requests":
        return number(value)
    return "—" if value is None else usd(value)


def _only(values: dict[str, Any], keys: set[str]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k in keys}


def build(paths: list[Path], catalog: CatalogSource | None = None) -> Comparison:
    """Open every path (skipping, with its one-line error, those that cannot be opened) and
    lay out outcomes, changed answers and changed prices side by side; priced and judged
    with `catalog` (the built-in source when None), loaded only if a file needs it."""
    from engine.wording import OUTCOMES
    from engine.wording import verdict_words as words
    from profiles.diff import answers_of, diff_profiles, flatten, written
    from profiles.diff import show_value as show
    from profiles.files import open_profile

    out = Comparison()
    opened: list[Assessed] = []
    for path in paths:
        try:
            opened.append(open_profile(path, catalog))
            out.paths.append(path)
        except Exception as exc:  # a bad file is listed, never a crash
            out.errors.append(file_error(path, exc))
    if not opened:
        return out
    recs = [_stored_or_judged(o) for o in opened]
    first = opened[0]
    for o, rec, path in zip(opened[1:], recs[1:], out.paths[1:], strict=True):
        out.diffs.append(
            diff_profiles(
                (first.profile, first.book, first.result),
                (o.profile, o.book, o.result),
                paths=(str(out.paths[0]), str(path)),
                stale=(first.stale, o.stale),
                recommendations=(recs[0], rec),
            )
        )
    out.names = [o.profile.profile.name for o in opened]

    def listed(group: str, path: str) -> list[bool]:
        """Per profile: does the diff from the first one list `path` in `group`?"""
        return [False] + [any(c.path == path for c in getattr(d, group)) for d in out.diffs]

    verdicts = [rec.verdict if rec else "—" for rec in recs]
    verdict_changed = [False] + [d.verdict_changed for d in out.diffs]
    outcome_rows = [
        Row(
            "verdict",
            tuple(Cell(words(v), c) for v, c in zip(verdicts, verdict_changed, strict=True)),
        )
    ]
    costs = [o.costs for o in opened]
    for name, label in OUTCOMES.items():
        if all(getattr(c, name) is None for c in costs):
            continue
        changed = listed("outcomes", f"costs.{name}")
        cells = tuple(Cell(_outcome(name, c), ch) for c, ch in zip(costs, changed, strict=True))
        outcome_rows.append(Row(label, cells))
    out.sections.append(Section("Outcomes", tuple(outcome_rows)))

    # What each file writes: a default it leaves out shows as absent (—), as in the diff.
    sources: dict[str, list[dict[str, Any]]] = {
        "answers": [_only(answers_of(o.profile), written(o.profile)) for o in opened],
        "prices": [_only(flatten(o.book, "prices"), written(o.book, "prices")) for o in opened],
    }
    for group, title in (("answers", "Answers that differ"), ("prices", "Prices that differ")):
        keys: list[str] = []
        for d in out.diffs:
            keys += [c.path for c in getattr(d, group) if c.path not in keys]
        rows = []
        for key in keys:
            if key == "profile.name":  # the legend above the columns names each in full
                continue
            changed = listed(group, key)
            cells = tuple(
                Cell("—" if values.get(key) is None else show(values[key]), ch)
                for values, ch in zip(sources[group], changed, strict=True)
            )
            rows.append(Row(key, cells))
        out.sections.append(Section(title, tuple(rows)))
    return out
