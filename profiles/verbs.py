"""The profile verbs of the `tunewise` command: diff, compare, show, schema, examples, new.

Each takes the parsed arguments and returns the exit status (0 same, 1 different, 2 trouble);
user errors are raised as `FileError` and printed as one line by `tui.cli`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from engine.errors import InputError
from engine.pricebook import PriceBook
from engine.result import CostResult
from engine.tomlfile import FileError, read_text
from engine.visible import visible

from .assessed import assess_profile
from .catalogs import CatalogSource
from .diff import Comparison, Side, diff_profiles, side
from .files import as_file_error, load_profile, open_profile
from .model import Profile
from .snapshot import Recommendation, recommendation_of

EXIT_OK, EXIT_DIFFERENT = 0, 1


def _out(text: str) -> None:
    """Every verb's output: text from a file never reaches the terminal as a control sequence."""
    sys.stdout.write(visible(text))
    sys.stdout.flush()


Repriced = tuple[Profile, PriceBook, CostResult, Recommendation | None]


def _repriced(path: Path, profile: Profile, catalog: CatalogSource) -> Repriced:
    """`profile` judged today: today's date, today's catalog prices, today's rules."""
    today = profile.model_copy(
        update={
            "profile": profile.profile.model_copy(update={"assessed_on": date.today()}),
            "prices": None,
            "result": None,
        }
    )
    try:
        assessed = assess_profile(today, catalog=catalog)
    except InputError as exc:
        raise as_file_error(path, exc, said="repriced today: ") from None
    return today, assessed.book, assessed.result, recommendation_of(assessed.recommendation)


def diff(args: argparse.Namespace) -> int:
    a = open_profile(args.a)  # the built-in prices: --prices is for --reprice
    if args.b is None:
        if not args.reprice:
            raise FileError(args.a, "diff needs two files, or one with --reprice")
        b_path, b = args.a, a
    else:
        b_path, b = args.b, open_profile(args.b)
    left: Repriced = (a.profile, a.book, a.result, _stored(a.profile))
    right: Repriced = (b.profile, b.book, b.result, _stored(b.profile))
    if args.reprice:
        catalog = CatalogSource(args.prices)
        right = _repriced(b_path, b.profile, catalog)
        if args.b is not None:
            left = _repriced(args.a, a.profile, catalog)
    d = diff_profiles(
        left[:3],
        right[:3],
        paths=(str(args.a), str(b_path) + (" repriced today" if args.reprice else "")),
        stale=(a.stale, b.stale if args.b is not None else None),
        recommendations=(left[3], right[3]),
    )
    render = _renderers("diff")[args.format]
    _out(render(d))
    return _gated(
        args,
        same=d.same,
        verdict_changed=d.verdict_changed,
        percent=d.max_outcome_percent,
    )


def _stored(profile: Profile) -> Recommendation | None:
    return profile.result.recommendation if profile.result is not None else None


def _gated(
    args: argparse.Namespace,
    *,
    same: bool,
    verdict_changed: bool,
    percent: Callable[[], Decimal],
) -> int:
    """0 same, 1 different; with a `--fail-*` gate, 1 only when a gate trips."""
    if args.fail_on or args.fail_above is not None:
        tripped = bool(args.fail_on == "verdict" and verdict_changed)
        if args.fail_above is not None:
            tripped |= percent() > Decimal(str(args.fail_above))
        return EXIT_DIFFERENT if tripped else EXIT_OK
    return EXIT_OK if same else EXIT_DIFFERENT


def compare(args: argparse.Namespace) -> int:
    c = Comparison(rows=open_sides(list(args.files)))
    _out(_renderers("compare")[args.format](c))
    return _gated(
        args,
        same=c.same,
        verdict_changed=c.verdicts_differ,
        percent=c.max_outcome_percent,
    )


def open_sides(paths: list[Path]) -> list[Side]:
    """Open, recompute and stale-check every profile, in order; the first file that cannot
    be used raises its one-line `FileError`."""
    sides, error = _open_chunk(paths)
    if error:
        raise FileError(*error)
    return sides


def _open_chunk(paths: list[Path]) -> tuple[list[Side], tuple[Path, str, int | None] | None]:
    """The sides of `paths` up to the first that fails, and that failure's parts."""
    sides: list[Side] = []
    for path in paths:
        try:
            opened = open_profile(path)
        except FileError as exc:
            return sides, (exc.path, exc.message, exc.line)
        sides.append(
            side(
                opened.profile,
                opened.result,
                path=str(path),
                stale=opened.stale,
                costs=opened.costs,
            )
        )
    return sides, None


def show(args: argparse.Namespace) -> int:
    from .diffview import plain
    from .report import summary

    if args.plain:
        profile = load_profile(args.file)
        note = None
        if profile.prices is not None and profile.result is not None:
            try:
                note = assess_profile(profile).stale
            except (InputError, ArithmeticError) as exc:  # as `open_profile` says it
                raise as_file_error(args.file, exc) from None
        _out(plain(profile, note))
        return EXIT_OK
    opened = open_profile(args.file)
    fresh = recommendation_of(opened.recommendation)
    _out(summary(opened.profile, opened.result, fresh, opened.stale))
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    _out(json.dumps(Profile.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def examples(args: argparse.Namespace) -> int:
    from .examples import example_files
    from .files import loads_profile

    lines = []
    for name, resource in example_files().items():
        profile = loads_profile(Path(name), read_text(Path(str(resource))))
        lines.append(f"{name:<34}{profile.profile.name}")
    _out("\n".join(lines) + "\n")
    return EXIT_OK


def new(args: argparse.Namespace) -> int:
    from .examples import example_bytes
    from .files import save_bytes

    save_bytes(example_bytes(args.from_example), args.file, force=args.force)
    print(f"wrote {args.file} from example {args.from_example}", file=sys.stderr)
    return EXIT_OK


def _renderers(kind: str) -> dict[str, Callable[[Any], str]]:
    from .reports.registry import renderers

    return renderers(kind)
