"""The verbs that start work on a profile: `new FILE` (the wizard on a blank assessment saved
to FILE; with `--from-example NAME`, the example copied to FILE) and `open` (the wizard on one)."""

from __future__ import annotations

import argparse
import sys

from .output import EXIT_OK, fail


def new(args: argparse.Namespace) -> int:
    if args.from_example is not None:
        return _from_example(args)
    if args.file.exists() and not args.force:
        return fail(f"{args.file}: exists; open it with `tunewise open`, or use --force")
    from tui.launch import launch

    return launch(args.file, new=True)


def _from_example(args: argparse.Namespace) -> int:
    from profiles.atomic import save_bytes
    from profiles.examples import example_bytes

    save_bytes(example_bytes(args.from_example), args.file, force=args.force)
    print(f"wrote {args.file} from example {args.from_example}", file=sys.stderr)
    return EXIT_OK


def open_(args: argparse.Namespace) -> int:
    """`tunewise open FILE | --example NAME`: a profile in the wizard."""
    from tui.launch import launch

    if (args.file is None) == (args.example is None):
        return fail("open: give a profile FILE or --example NAME (one of them)")
    return launch(args.file, example=args.example)
