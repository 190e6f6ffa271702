"""`tunewise diff A [B]`: changed answers, prices and outcomes between two profiles, or one
profile as saved against itself repriced today (`--reprice`)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from engine.errors import InputError
from engine.pricebook import PriceBook
from engine.result import CostResult
from engine.tomlfile import FileError
from profiles.assessed import assess_profile
from profiles.catalogs import CatalogSource
from profiles.diff import diff_profiles
from profiles.files import as_file_error, open_profile
from profiles.model import Profile
from profiles.reports.registry import renderers
from profiles.snapshot import Recommendation, recommendation_of

from .gates import gated
from .output import out

Repriced = tuple[Profile, PriceBook, CostResult, Recommendation | None]


def _repriced(path: Path, profile: Profile, catalog: CatalogSource) -> Repriced:
    """`profile` judged today: today's date, today's catalog prices, today's rules."""
    today = profile.model_copy(
        update={
            "profile": profile.profile.model_copy(update={"assessed_on": date.today()}),
            "prices": None,
            "option_prices": {},
            "result": None,
        }
    )
    try:
        assessed = assess_profile(today, catalog=catalog)
    except InputError as exc:
        raise as_file_error(path, exc, said="repriced today: ") from None
    return today, assessed.book, assessed.result, recommendation_of(assessed.recommendation)


def _stored(profile: Profile) -> Recommendation | None:
    return profile.result.recommendation if profile.result is not None else None


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
    out(renderers("diff")[args.format](d))
    return gated(
        args,
        same=d.same,
        verdict_changed=d.verdict_changed,
        percent=d.max_outcome_percent,
    )
