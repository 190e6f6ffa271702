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
    return parser


def _fail(message: str) -> int:
    print(f"tunewise: {message}", file=sys.stderr)
    return EXIT_TROUBLE


def _assess(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from engine.evaluate import evaluate
    from profiles.files import load_profile
    from profiles.report import render_json, render_markdown, render_text

    profile = load_profile(args.file)
    inputs = profile.cost_inputs()
    try:
        book = load_catalog(args.prices).resolve(inputs)
        result = evaluate(inputs, book)
    except InputError as exc:
        text = args.file.read_text(encoding="utf-8")
        raise FileError(args.file, str(exc), find_line(text, tuple(exc.field.split(".")))) from None
    render = {"text": render_text, "json": render_json, "markdown": render_markdown}
    sys.stdout.write(render[args.format](profile, result, book).rstrip("\n") + "\n")
    return EXIT_OK


def _prices(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from profiles.listing import price_listing

    sys.stdout.write(price_listing(load_catalog(args.prices), args.filter))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"assess": _assess, "prices": _prices}
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
