"""`tunewise assess FILE`: costs, line items, break-even and verdict of a profile, without the
wizard; with the simulation when the profile has ranges."""

from __future__ import annotations

import argparse
import sys

from .output import EXIT_OK


def assess(args: argparse.Namespace) -> int:
    from engine.errors import InputError
    from profiles.assessed import assess_profile
    from profiles.catalogs import CatalogSource
    from profiles.files import as_file_error, load_profile
    from profiles.reports.build import assessment_report
    from profiles.reports.registry import render

    profile = load_profile(args.file)
    try:
        a = assess_profile(
            profile, scenario=args.scenario, catalog=CatalogSource(args.prices), reprice=True
        )
        report = assessment_report(
            a.profile, a.result, a.book, recommendation=a.recommendation, options=a.options
        )
        if a.profile.ranges:  # engine.uncertainty is imported only for a profile with ranges
            from profiles.ranges import add_uncertainty

            report = add_uncertainty(
                report, a.profile, a.book, a.result, recommendation=a.recommendation,
                facts=a.facts, samples=args.samples, seed=args.seed, scenario=args.scenario,
            )  # fmt: skip
        out = render("assess", args.format, report)
    except InputError as exc:
        raise as_file_error(args.file, exc) from None
    sys.stdout.write(out.rstrip("\n") + "\n")
    return EXIT_OK
