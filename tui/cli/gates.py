"""`--fail-on verdict` and `--fail-above PERCENT` of `diff` and `compare`: what lets CI gate on a
difference, as options and as the exit status they decide."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .output import EXIT_DIFFERENT, EXIT_OK

TYPE_CHECKING = False  # `decimal` is imported by the gate that compares, not for `--help`
if TYPE_CHECKING:
    from decimal import Decimal


def _percent(text: str) -> float:
    """`--fail-above`: a percentage, 0 or more (`10` or `10%`)."""
    try:
        value = float(text.strip().removesuffix("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more (got {text})")
    return value


def add_gates(parser: argparse.ArgumentParser, *, verdict: str, outcome: str) -> None:
    """The two gate options, their help naming what trips them for this verb."""
    parser.add_argument(
        "--fail-on",
        choices=("verdict",),
        help=f"exit 1 only when {verdict} (or a --fail-above gate trips)",
    )
    parser.add_argument(
        "--fail-above", type=_percent, metavar="PERCENT", help=f"exit 1 only when {outcome}"
    )


def gated(
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
            from decimal import Decimal

            tripped |= percent() > Decimal(str(args.fail_above))
        return EXIT_DIFFERENT if tripped else EXIT_OK
    return EXIT_OK if same else EXIT_DIFFERENT
