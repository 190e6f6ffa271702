"""`tunewise show`, `schema` and `examples`: one profile, the profile format, the shipped
profiles, each printed as text."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .output import EXIT_OK, out


def show(args: argparse.Namespace) -> int:
    """A short summary of a profile as computed today; `--plain`: one `key = value` a line
    (git's textconv driver)."""
    from engine.errors import InputError
    from profiles.assessed import assess_profile
    from profiles.diffview import plain
    from profiles.files import as_file_error, load_profile, open_profile
    from profiles.report import summary
    from profiles.snapshot import recommendation_of

    if args.plain:
        profile = load_profile(args.file)
        note = None
        if profile.prices is not None and profile.result is not None:
            try:
                note = assess_profile(profile).stale
            except (InputError, ArithmeticError) as exc:  # as `open_profile` says it
                raise as_file_error(args.file, exc) from None
        out(plain(profile, note))
        return EXIT_OK
    opened = open_profile(args.file)
    fresh = recommendation_of(opened.recommendation)
    out(summary(opened.profile, opened.result, fresh, opened.stale))
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    from profiles.model import Profile

    out(json.dumps(Profile.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def examples(args: argparse.Namespace) -> int:
    from engine.tomlfile import read_text
    from profiles.examples import example_files
    from profiles.files import loads_profile

    lines = []
    for name, resource in example_files().items():
        profile = loads_profile(Path(name), read_text(Path(str(resource))))
        lines.append(f"{name:<34}{profile.profile.name}")
    out("\n".join(lines) + "\n")
    return EXIT_OK
