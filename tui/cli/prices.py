"""`tunewise prices [FILTER]`: catalog prices with sources and dates; `--update` fetches
genai-prices' newest data (the only network use, and only when asked)."""

from __future__ import annotations

import argparse
import sys

from .output import EXIT_OK, fail


def prices(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from engine.errors import InputError
    from profiles.listing import PriceQuery
    from profiles.reports.registry import render

    if args.update:
        from datetime import date

        from profiles.listing import update_prices

        done, line = update_prices(date.today())
        if not done:
            return fail(line)
        sys.stdout.write(line + "\n")
        return EXIT_OK
    try:
        sys.stdout.write(
            render("prices", args.format, PriceQuery(load_catalog(args.prices), args.filter))
        )
    except InputError as exc:
        return fail(exc.message)
    return EXIT_OK
