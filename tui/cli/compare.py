"""`tunewise compare FILE…`: several profiles side by side (the headless table; at a terminal
without `--format` or a gate, `tui.cli.run` opens the compare screen instead)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from profiles.diff import Comparison, Side, side
from profiles.files import open_profile
from profiles.reports.registry import renderers

from .gates import gated
from .output import out


def compare(args: argparse.Namespace) -> int:
    c = Comparison(rows=open_sides(list(args.files)))
    out(renderers("compare")[args.format](c))
    return gated(
        args,
        same=c.same,
        verdict_changed=c.verdicts_differ,
        percent=c.max_outcome_percent,
    )


def open_sides(paths: list[Path]) -> list[Side]:
    """Open, recompute and stale-check every profile, in order; the first file that cannot
    be used raises its one-line `FileError`."""
    from profiles.options_diff import side_options

    sides: list[Side] = []
    for path in paths:
        opened = open_profile(path)
        one = side(
            opened.profile,
            opened.result,
            path=str(path),
            stale=opened.stale,
            costs=opened.costs,
        )
        if opened.profile.options:
            one = one.model_copy(update={"options": side_options(opened.options, one.verdict)})
        sides.append(one)
    return sides


def in_app(args: argparse.Namespace, argv: Sequence[str] | None) -> bool:
    """`tunewise compare` shows the compare screen when a person is at a terminal and asked
    for no output format and no gate; otherwise the headless table."""
    raw = list(sys.argv[1:] if argv is None else argv)
    raw = raw[: raw.index("--")] if "--" in raw else raw
    asked = any(a.startswith("--fo") for a in raw)  # --format, however abbreviated
    gated = any(getattr(args, name, None) is not None for name in ("fail_on", "fail_above"))
    return sys.stdout.isatty() and sys.stdin.isatty() and not asked and not gated
