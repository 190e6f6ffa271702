"""The `tunewise` command's arguments: one sub-parser per verb. Building it imports no pydantic,
so `--help` and a usage error answer before the engine loads."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path

from engine import __version__
from profiles.reports.registry import formats

from . import epilogs
from .gates import add_gates

TYPE_CHECKING = False  # `typing` itself is not imported for `--help`

if TYPE_CHECKING:
    from typing import Any

    Verbs = argparse._SubParsersAction[argparse.ArgumentParser]


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help at most 80 columns wide: long prose lines wrap, indented example lines stay."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("width", max(min(shutil.get_terminal_size().columns, 80) - 2, 40))
        super().__init__(prog, **kwargs)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        for line in text.splitlines():
            if len(indent + line) > width and not line.startswith(" "):
                out += textwrap.wrap(line, width, initial_indent=indent, subsequent_indent=indent)
            else:
                out.append(indent + line)
        return "\n".join(out)


def _sample_count(text: str) -> int:
    """`--samples`: a whole number from 1 to ten million."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= count <= 10_000_000:
        raise argparse.ArgumentTypeError(f"must be from 1 to 10,000,000 (got {count:,})")
    return count


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="tunewise",
        description="Decide between prompting, RAG and fine-tuning for an LLM feature,\n"
        "with exact, sourced costs. Without a command, opens the wizard.",
        epilog=epilogs.MAIN,
        formatter_class=_Help,
    )
    main.add_argument("--version", action="version", version=f"tunewise {__version__}")
    sub = main.add_subparsers(dest="command", metavar="COMMAND")
    _assess(sub)
    _prices(sub)
    _profile_verbs(sub)
    _open(sub)
    _tokens(sub)
    return main


def _assess(sub: Verbs) -> None:
    assess = sub.add_parser(
        "assess",
        help="evaluate a profile without the wizard",
        description="Evaluate a profile: costs, line items, break-even.",
        epilog=epilogs.ASSESS,
        formatter_class=_Help,
    )
    assess.add_argument("file", type=Path, help="profile (.toml)")
    assess.add_argument("--format", choices=formats("assess"), default="text")
    assess.add_argument("--scenario", metavar="NAME", help="use the profile's [scenarios.NAME]")
    assess.add_argument(
        "--samples", type=_sample_count, metavar="N", help="simulation samples (10000)"
    )
    assess.add_argument("--seed", type=int, metavar="N", help="simulation seed (0)")
    assess.add_argument(
        "--prices", type=Path, metavar="FILE", help="team price file overriding the built-in prices"
    )


def _prices(sub: Verbs) -> None:
    prices = sub.add_parser(
        "prices",
        help="list catalog prices with sources and dates",
        description="List models with prices, fine-tuning availability and as-of dates.",
        epilog=epilogs.PRICES,
        formatter_class=_Help,
    )
    prices.add_argument(
        "filter", nargs="?", default="", help="substring of an id, or a method (lora, full, rft)"
    )
    prices.add_argument("--format", choices=formats("prices"), default="text", help="output format")
    prices.add_argument(
        "--update", action="store_true", help="fetch genai-prices' newest data (needs the network)"
    )
    prices.add_argument(
        "--prices", type=Path, metavar="FILE", help="team price file overriding the built-in prices"
    )


def _profile_verbs(sub: Verbs) -> None:
    """`diff`, `compare`, `show`, `schema`, `examples`, `new`: profiles as files."""
    raw = _Help
    diff = sub.add_parser(
        "diff",
        help="what changed between two profiles",
        description="Changed answers, prices and outcomes between two profiles.",
        epilog=epilogs.DIFF,
        formatter_class=raw,
    )
    diff.add_argument("a", type=Path, metavar="A", help="profile (.toml)")
    diff.add_argument("b", type=Path, metavar="B", nargs="?", help="profile (.toml)")
    diff.add_argument("--format", choices=formats("diff"), default="text")
    diff.add_argument(
        "--reprice",
        action="store_true",
        help="re-evaluate against today's catalog (with one file: A as saved against A today)",
    )
    add_gates(
        diff,
        verdict="the verdict changed",
        outcome="a cost outcome moved by more than PERCENT",
    )
    diff.add_argument("--prices", type=Path, metavar="FILE", help="team price file for --reprice")

    compare = sub.add_parser(
        "compare",
        help="several profiles side by side",
        description="Verdict, monthly and upfront costs, break-even and totals at the "
        "horizon of several profiles, side by side.",
        epilog=epilogs.COMPARE,
        formatter_class=raw,
    )
    compare.add_argument("files", type=Path, nargs="+", metavar="FILE", help="profile (.toml)")
    compare.add_argument("--format", choices=formats("compare"), default="text")
    add_gates(
        compare,
        verdict="the verdicts differ",
        outcome="an outcome differs from the first profile's by more than PERCENT",
    )

    show = sub.add_parser(
        "show",
        help="a profile as tunewise reads it",
        description="A short summary of a profile as tunewise computes it today: name, "
        "date, verdict, key costs, break-even, and whether the saved result is stale. "
        "--plain prints one `key = value` line per value in a canonical order instead, "
        "for `git diff` as a textconv driver.",
        epilog=epilogs.SHOW,
        formatter_class=raw,
    )
    show.add_argument("file", type=Path, help="profile (.toml)")
    show.add_argument("--plain", action="store_true", help="canonical line-oriented rendering")

    sub.add_parser(
        "schema",
        help="the profile JSON Schema",
        description="Print the JSON Schema of a profile, for editor validation of "
        "hand-edited files.",
        epilog=epilogs.SCHEMA,
        formatter_class=raw,
    )
    sub.add_parser(
        "examples",
        help="list the shipped example profiles",
        description="List the guides' worked examples shipped as profiles: name and title.",
        epilog=epilogs.EXAMPLES,
        formatter_class=raw,
    )
    new = sub.add_parser(
        "new",
        help="start a profile: blank in the wizard, or from an example",
        description="Open the wizard on a blank assessment to be saved as FILE, or copy a "
        "shipped example to FILE (see `tunewise examples`); never overwrites a different "
        "file without --force.",
        epilog=epilogs.NEW,
        formatter_class=raw,
    )
    new.add_argument("--from-example", metavar="NAME", help="copy this shipped example")
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _open(sub: Verbs) -> None:
    """`open`: a profile in the wizard (`compare` opens its screen, see `compare.in_app`)."""
    opened = sub.add_parser(
        "open",
        help="open a profile in the wizard",
        description="Open a saved profile in the wizard, to review, change and save it.",
        epilog=epilogs.OPEN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    opened.add_argument("file", type=Path, nargs="?", help="profile (.toml)")
    opened.add_argument(
        "--example", metavar="NAME", help="a shipped example instead (see `tunewise examples`)"
    )


def _tokens(sub: Verbs) -> None:
    """`tokens`: the token counts of files (a prompt, examples, a sample of requests)."""
    tokens = sub.add_parser(
        "tokens",
        help="count the tokens of files for a model",
        description="Count the tokens of text files for a model: a prompt, the few-shot "
        "examples, or a sample of requests (--per-request: the mean per request), "
        "to fill a profile's token answers.",
        epilog=epilogs.TOKENS,
        formatter_class=_Help,
    )
    tokens.add_argument("files", type=Path, nargs="+", metavar="FILE", help="text file, or -")
    tokens.add_argument(
        "--model",
        default="openai:gpt-4o",
        metavar="M",
        help="catalog model id, provider:model (openai:gpt-4o)",
    )
    tokens.add_argument(
        "--per-request",
        action="store_true",
        help="each file holds one request per entry: count, mean, min and max per request",
    )
    tokens.add_argument("--format", choices=("text", "json"), default="text")
