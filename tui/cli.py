"""The `tunewise` command. Headless verbs import no Textual; the wizard loads it on demand.

Exit status: 0 success, 1 a difference found (diff verbs), 2 trouble (bad input, missing file).
User errors print one line on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from engine import __version__
from engine.errors import InputError
from engine.tomlfile import FileError, find_line

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2

EPILOG_ASSESS = """examples:
  tunewise assess profiles/examples/support-chatbot-50k.toml
  tunewise assess profiles/examples/code-generation.toml --format json
  tunewise assess my.toml --prices team-prices.toml --format markdown > report.md"""

EPILOG_PRICES = """examples:
  tunewise prices               every model the catalog prices
  tunewise prices gpt-4o        models whose id contains gpt-4o
  tunewise prices gpu           GPU-hour offers"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tunewise",
        description="Decide between prompting, RAG and fine-tuning for an LLM feature, with "
        "exact, sourced costs. Without a command, opens the wizard.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tunewise {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    assess = sub.add_parser(
        "assess",
        help="evaluate a profile without the wizard",
        description="Evaluate a profile: costs, line items, break-even.",
        epilog=EPILOG_ASSESS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    assess.add_argument("file", type=Path, help="profile (.toml)")
    assess.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    assess.add_argument(
        "--prices", type=Path, metavar="FILE", help="team price file overriding the built-in prices"
    )

    prices = sub.add_parser(
        "prices",
        help="list catalog prices with sources and dates",
        description="List models with prices, fine-tuning availability and as-of dates.",
        epilog=EPILOG_PRICES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    prices.add_argument("filter", nargs="?", default="", help="substring of a model or GPU id")
    prices.add_argument(
        "--prices", type=Path, metavar="FILE", help="team price file overriding the built-in prices"
    )
    _profile_verbs(sub)
    return parser


EPILOG_DIFF = """examples:
  tunewise diff support-10k.toml support-50k.toml
  tunewise diff old.toml new.toml --format markdown > comment.md
  tunewise diff mine.toml --reprice          what today's prices change
  tunewise diff a.toml b.toml --fail-on verdict --fail-above 10

exit status: 0 same, 1 different (or past a --fail-* gate), 2 trouble"""


def _profile_verbs(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`diff`, `compare`, `show`, `schema`, `examples`, `new`: profiles as files."""
    raw = argparse.RawDescriptionHelpFormatter
    diff = sub.add_parser(
        "diff",
        help="what changed between two profiles",
        description="Changed answers, prices and outcomes between two profiles.",
        epilog=EPILOG_DIFF,
        formatter_class=raw,
    )
    diff.add_argument("a", type=Path, metavar="A", help="profile (.toml)")
    diff.add_argument("b", type=Path, metavar="B", nargs="?", help="profile (.toml)")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    diff.add_argument(
        "--reprice",
        action="store_true",
        help="re-evaluate against today's catalog (with one file: A as saved against A today)",
    )
    diff.add_argument(
        "--fail-on",
        choices=("verdict",),
        help="exit 1 only when the verdict changed (or a --fail-above gate trips)",
    )
    diff.add_argument(
        "--fail-above",
        type=float,
        metavar="PERCENT",
        help="exit 1 only when a cost outcome moved by more than PERCENT",
    )
    diff.add_argument("--prices", type=Path, metavar="FILE", help="team price file for --reprice")

    compare = sub.add_parser(
        "compare",
        help="several profiles side by side",
        description="Verdict, monthly and upfront costs, break-even and totals, one row each. "
        "Exit 0 when all outcomes agree, 1 when they differ, 2 on trouble.",
    )
    compare.add_argument("files", type=Path, nargs="+", metavar="FILE")
    compare.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    show = sub.add_parser(
        "show",
        help="a profile as tunewise reads it",
        description="Print a profile. --plain gives one `key = value` line per value in a "
        "canonical order, for `git diff` as a textconv driver (see the README).",
    )
    show.add_argument("file", type=Path)
    show.add_argument("--plain", action="store_true", help="canonical line-oriented rendering")

    sub.add_parser(
        "schema",
        help="the profile JSON Schema",
        description="Print the JSON Schema of a profile, for editor validation.",
    )
    sub.add_parser("examples", help="list the shipped example profiles")
    new = sub.add_parser(
        "new",
        help="start a profile from a shipped example",
        description="Copy a shipped example to FILE (see `tunewise examples`).",
    )
    new.add_argument("--from-example", required=True, metavar="NAME")
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _fail(message: str) -> int:
    print(f"tunewise: {message}", file=sys.stderr)
    return EXIT_TROUBLE


def _assess(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from engine.evaluate import evaluate
    from engine.rules import assess
    from profiles.files import load_profile
    from profiles.report import render_json, render_markdown, render_text

    profile = load_profile(args.file)
    inputs = profile.cost_inputs()
    try:
        catalog = load_catalog(args.prices)
        book = catalog.resolve(inputs)
        result = evaluate(inputs, book)
    except InputError as exc:
        text = args.file.read_text(encoding="utf-8")
        raise FileError(args.file, str(exc), find_line(text, tuple(exc.field.split(".")))) from None
    recommendation = assess(profile.assessment(), inputs, result, book, catalog)
    render = {"text": render_text, "json": render_json, "markdown": render_markdown}
    out = render[args.format](profile, result, book, recommendation=recommendation)
    sys.stdout.write(out.rstrip("\n") + "\n")
    return EXIT_OK


def _prices(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from profiles.listing import price_listing

    sys.stdout.write(price_listing(load_catalog(args.prices), args.filter))
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from profiles.verbs import diff

    return diff(args)


def _compare(args: argparse.Namespace) -> int:
    from profiles.verbs import compare

    return compare(args)


def _show(args: argparse.Namespace) -> int:
    from profiles.verbs import show

    return show(args)


def _schema(args: argparse.Namespace) -> int:
    from profiles.verbs import schema

    return schema(args)


def _examples(args: argparse.Namespace) -> int:
    from profiles.verbs import examples

    return examples(args)


def _new(args: argparse.Namespace) -> int:
    from profiles.verbs import new

    return new(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {
        "diff": _diff,
        "compare": _compare,
        "show": _show,
        "schema": _schema,
        "examples": _examples,
        "new": _new,
        "assess": _assess,
        "prices": _prices,
    }
    try:
        if args.command is None:
            from tui.launch import launch

            return launch()
        return handlers[args.command](args)
    except (FileError, InputError) as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
