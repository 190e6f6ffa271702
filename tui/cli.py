"""The `tunewise` command. Headless verbs import no Textual; the wizard loads it on demand.

Exit status: 0 success, 1 a difference found (diff verbs), 2 trouble (bad input, missing file).
User errors print one line on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from engine import __version__
from engine.errors import InputError
from engine.tomlfile import FileError, os_reason
from engine.visible import visible
from profiles.reports.registry import formats, render

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2

EPILOG_ASSESS = """examples:
  tunewise assess profiles/examples/support-chatbot-50k.toml
  tunewise assess profiles/examples/code-generation.toml --format json
  tunewise assess my.toml --prices team.toml --format markdown > report.md"""

EPILOG_MAIN = """commands, one example each:
  tunewise                                   open the wizard
  tunewise assess my.toml                    costs, break-even and verdict
  tunewise prices gpt-4o                     catalog prices with sources
  tunewise diff old.toml new.toml            what changed, and why
  tunewise compare a.toml b.toml c.toml      profiles side by side
  tunewise show my.toml                      a short summary of a profile
  tunewise schema > profile.schema.json      JSON Schema for editors
  tunewise examples                          the shipped example profiles
  tunewise tokens prompt.txt                 token counts of real text
  tunewise new --from-example support-chatbot-10k my.toml

`tunewise COMMAND --help` describes a command and its options.
exit status: 0 success (or same), 1 different (diff, compare), 2 trouble"""

EPILOG_PRICES = """examples:
  tunewise prices               every model the catalog prices
  tunewise prices gpt-4o        models whose id contains gpt-4o
  tunewise prices gpu           GPU-hour offers
  tunewise prices lora          LoRA training offers (also: full, rft, dpo, sft)
  tunewise prices --format json every entry with its confidence and date
  tunewise prices --update      fetch genai-prices' newest data (network)"""


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


def _percent(text: str) -> float:
    """`--fail-above`: a percentage, 0 or more (`10` or `10%`)."""
    try:
        value = float(text.strip().removesuffix("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more (got {text})")
    return value


def _gates(parser: argparse.ArgumentParser, *, verdict: str, outcome: str) -> None:
    """`--fail-on verdict` and `--fail-above PERCENT`: what lets CI gate on a difference."""
    parser.add_argument(
        "--fail-on",
        choices=("verdict",),
        help=f"exit 1 only when {verdict} (or a --fail-above gate trips)",
    )
    parser.add_argument(
        "--fail-above", type=_percent, metavar="PERCENT", help=f"exit 1 only when {outcome}"
    )


def _sample_count(text: str) -> int:
    """`--samples`: a whole number from 1 to ten million."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= count <= 10_000_000:
        raise argparse.ArgumentTypeError(f"must be from 1 to 10,000,000 (got {count:,})")
    return count


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tunewise",
        description="Decide between prompting, RAG and fine-tuning for an LLM feature,\n"
        "with exact, sourced costs. Without a command, opens the wizard.",
        epilog=EPILOG_MAIN,
        formatter_class=_Help,
    )
    parser.add_argument("--version", action="version", version=f"tunewise {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    assess = sub.add_parser(
        "assess",
        help="evaluate a profile without the wizard",
        description="Evaluate a profile: costs, line items, break-even.",
        epilog=EPILOG_ASSESS,
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

    prices = sub.add_parser(
        "prices",
        help="list catalog prices with sources and dates",
        description="List models with prices, fine-tuning availability and as-of dates.",
        epilog=EPILOG_PRICES,
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
    _profile_verbs(sub)
    _app_verbs(sub)
    _tokens_verb(sub)
    return parser


EPILOG_COMPARE = """examples:
  tunewise compare support-10k.toml support-50k.toml support-500k.toml
  tunewise compare plans/*.toml --format markdown > comment.md
  tunewise compare base.toml cheaper.toml --fail-on verdict
  tunewise compare base.toml *.toml --fail-above 25     gate in CI

The text table has one lettered column per profile (a legend names them) and
fits 80 columns, in blocks when there are many. Gates measure from the first
profile: --fail-on verdict trips when any verdict differs from the others,
--fail-above when an outcome moved by more than PERCENT from the first.

exit status: 0 same, 1 different (or past a --fail-* gate), 2 trouble"""

EPILOG_SHOW = """examples:
  tunewise show my.toml              name, date, verdict, key costs, break-even
  tunewise show my.toml --plain      one `key = value` line per value

git: with these lines `git diff` and `git log -p` show profiles as tunewise
reads them (see the README):
  echo '*.tunewise.toml diff=tunewise' >> .gitattributes
  git config diff.tunewise.textconv "tunewise show --plain"
"""

EPILOG_SCHEMA = """examples:
  tunewise schema > profile.schema.json
  (point an editor's TOML schema setting, e.g. taplo's, at that file)"""

EPILOG_EXAMPLES = """examples:
  tunewise examples
  tunewise new --from-example support-chatbot-50k mine.toml"""

EPILOG_NEW = """examples:
  tunewise new mine.toml                     the wizard on a blank assessment
  tunewise new --from-example support-chatbot-10k mine.toml
  tunewise new --from-example code-generation mine.toml --force

Without --from-example the wizard opens on a new assessment dated today, with
every answer unknown; ctrl+s saves it to FILE. With it, the example is copied
to FILE with its price and result snapshots (with the verdict and its
reasons); edit the answers, then `tunewise assess mine.toml`."""

EPILOG_DIFF = """examples:
  tunewise diff support-10k.toml support-50k.toml
  tunewise diff old.toml new.toml --format markdown > comment.md
  tunewise diff mine.toml --reprice          what today's prices change
  tunewise diff a.toml b.toml --fail-on verdict --fail-above 10

exit status: 0 same, 1 different (or past a --fail-* gate), 2 trouble"""


def _profile_verbs(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`diff`, `compare`, `show`, `schema`, `examples`, `new`: profiles as files."""
    raw = _Help
    diff = sub.add_parser(
        "diff",
        help="what changed between two profiles",
        description="Changed answers, prices and outcomes between two profiles.",
        epilog=EPILOG_DIFF,
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
    _gates(
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
        epilog=EPILOG_COMPARE,
        formatter_class=raw,
    )
    compare.add_argument("files", type=Path, nargs="+", metavar="FILE", help="profile (.toml)")
    compare.add_argument("--format", choices=formats("compare"), default="text")
    _gates(
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
        epilog=EPILOG_SHOW,
        formatter_class=raw,
    )
    show.add_argument("file", type=Path, help="profile (.toml)")
    show.add_argument("--plain", action="store_true", help="canonical line-oriented rendering")

    sub.add_parser(
        "schema",
        help="the profile JSON Schema",
        description="Print the JSON Schema of a profile, for editor validation of "
        "hand-edited files.",
        epilog=EPILOG_SCHEMA,
        formatter_class=raw,
    )
    sub.add_parser(
        "examples",
        help="list the shipped example profiles",
        description="List the guides' worked examples shipped as profiles: name and title.",
        epilog=EPILOG_EXAMPLES,
        formatter_class=raw,
    )
    new = sub.add_parser(
        "new",
        help="start a profile: blank in the wizard, or from an example",
        description="Open the wizard on a blank assessment to be saved as FILE, or copy a "
        "shipped example to FILE (see `tunewise examples`); never overwrites a different "
        "file without --force.",
        epilog=EPILOG_NEW,
        formatter_class=raw,
    )
    new.add_argument("--from-example", metavar="NAME", help="copy this shipped example")
    new.add_argument("file", type=Path, metavar="FILE")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _fail(message: str) -> int:
    """One line on stderr: a newline or ESC in a file or key name is shown escaped."""
    with contextlib.suppress(OSError, OutputError):  # stderr itself may be full or closed
        sys.stderr.write(f"tunewise: {visible(message, keep='')}\n")
        sys.stderr.flush()
    return EXIT_TROUBLE


class OutputError(Exception):
    """Writing the output failed (a full disk, a closed terminal): said in one line."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(f"cannot write the output: {os_reason(exc)}")


class _Shown:
    """The one output path of the headless verbs: a text stream that shows control characters
    from files visibly (`visible`) and turns a failed write into `OutputError`."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if self.stream is None:  # started with the descriptor closed (`>&-`): Python gives None
            raise OutputError(OSError(errno.EBADF, "standard output is closed"))
        try:
            return self.stream.write(visible(text))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from None

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, …
        return getattr(self.stream, name)


def _tolerant_encoding() -> None:
    """A terminal that cannot show a character (`PYTHONIOENCODING=ascii`, latin-1) gets `?`,
    not a UnicodeEncodeError traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _silence_stdout(stream: TextIO | None) -> None:
    """After stdout failed, point its descriptor at /dev/null so the interpreter's final flush
    of what is still buffered cannot fail again with a second message (Python's SIGPIPE
    advice)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())  # type: ignore[union-attr]
        os.close(devnull)


def _assess(args: argparse.Namespace) -> int:
    from profiles.assessed import assess_profile
    from profiles.catalogs import CatalogSource
    from profiles.files import as_file_error, load_profile
    from profiles.reports.build import assessment_report

    profile = load_profile(args.file)
    try:
        a = assess_profile(
            profile, scenario=args.scenario, catalog=CatalogSource(args.prices), reprice=True
        )
        report = assessment_report(a.profile, a.result, a.book, recommendation=a.recommendation)
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


def _prices(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from profiles.listing import PriceQuery

    if args.update:  # the only network use, and only when asked
        from datetime import date

        from profiles.listing import update_prices

        done, line = update_prices(date.today())
        if not done:
            return _fail(line)
        sys.stdout.write(line + "\n")
        return EXIT_OK
    try:
        sys.stdout.write(
            render("prices", args.format, PriceQuery(load_catalog(args.prices), args.filter))
        )
    except InputError as exc:
        return _fail(exc.message)
    return EXIT_OK


PROFILE_VERBS = ("diff", "compare", "show", "schema", "examples")
"""Verbs on profile files: each is the function of that name in `profiles.verbs`."""


def _profile_verb(args: argparse.Namespace) -> int:
    """Run `profiles.verbs.<command>`, imported only when asked for."""
    from profiles import verbs

    verb: Callable[[argparse.Namespace], int] = getattr(verbs, args.command)
    return verb(args)


EPILOG_OPEN = """examples:
  tunewise open my.toml                      the wizard on a saved profile
  tunewise open --example support-chatbot-50k   a shipped example (save a copy)
  tunewise compare a.toml b.toml             in a terminal: the compare screen
  tunewise compare a.toml b.toml | cat       piped: the text table"""


def _app_verbs(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`open`: a profile in the wizard (`compare` opens its screen, see `_compare_in_app`)."""
    opened = sub.add_parser(
        "open",
        help="open a profile in the wizard",
        description="Open a saved profile in the wizard, to review, change and save it.",
        epilog=EPILOG_OPEN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    opened.add_argument("file", type=Path, nargs="?", help="profile (.toml)")
    opened.add_argument(
        "--example", metavar="NAME", help="a shipped example instead (see `tunewise examples`)"
    )


def _open(args: argparse.Namespace) -> int:
    from tui.launch import launch

    if (args.file is None) == (args.example is None):
        return _fail("open: give a profile FILE or --example NAME (one of them)")
    return launch(args.file, example=args.example)


def _new(args: argparse.Namespace) -> int:
    """`new FILE`: the wizard on a blank assessment saved to FILE; with --from-example, the
    example copied to FILE (`profiles.verbs.new`)."""
    if args.from_example is not None:
        return _profile_verb(args)
    if args.file.exists() and not args.force:
        return _fail(f"{args.file}: exists; open it with `tunewise open`, or use --force")
    from tui.launch import launch

    return launch(args.file, new=True)


def _compare_in_app(args: argparse.Namespace, argv: Sequence[str] | None) -> bool:
    """`tunewise compare` shows the compare screen when a person is at a terminal and asked
    for no output format and no gate; otherwise the headless table."""
    raw = list(sys.argv[1:] if argv is None else argv)
    raw = raw[: raw.index("--")] if "--" in raw else raw
    asked = any(a.startswith("--fo") for a in raw)  # --format, however abbreviated
    gated = any(getattr(args, name, None) is not None for name in ("fail_on", "fail_above"))
    return sys.stdout.isatty() and sys.stdin.isatty() and not asked and not gated


EPILOG_TOKENS = """examples:
  tunewise tokens system-prompt.txt few-shot.txt     each file and the total
  tunewise tokens prompt.txt --model anthropic:claude-3-5-sonnet
  tunewise tokens requests.jsonl --per-request       mean, min, max per request
  git show HEAD:prompt.txt | tunewise tokens -       text piped in

OpenAI and Azure OpenAI models are counted exactly, offline, with the
model's own encoding (o200k_base, cl100k_base) once the extra is installed:
  pip install 'tunewise[tokens]'
Other models, and OpenAI's without the extra, get an estimate labelled as
one: 4 characters a token.

--per-request reads one request per entry: in a .jsonl file, one a line (a
JSON string, or an object's "text", "prompt" or "input"); in any other file,
entries separated by a blank line.

exit status: 0 counted, 2 trouble (missing or unreadable file, unknown model)"""


def _tokens_verb(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`tokens`: the token counts of files (a prompt, examples, a sample of requests)."""
    tokens = sub.add_parser(
        "tokens",
        help="count the tokens of files for a model",
        description="Count the tokens of text files for a model: a prompt, the few-shot "
        "examples, or a sample of requests (--per-request: the mean per request), "
        "to fill a profile's token answers.",
        epilog=EPILOG_TOKENS,
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


def _tokens(args: argparse.Namespace) -> int:
    from engine.catalog import load_catalog
    from engine.tokens import check_model
    from profiles.token_counts import count_files, render_json, render_text

    model = check_model(args.model, load_catalog(), field="--model")
    rows, method, hint = count_files(args.files, model=model, per_request=args.per_request)
    render = render_json if args.format == "json" else render_text
    out = render(rows, model=model, method=method, hint=hint, per_request=args.per_request)
    sys.stdout.write(out)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_encoding()
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Shown(real[0]), _Shown(real[1])
    try:
        try:
            code = _main(argv, real)
        except SystemExit:  # argparse: --help, --version or a usage error, already printed
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return code
    except (FileError, InputError) as exc:
        return _fail(str(exc))
    except OutputError as exc:
        _silence_stdout(real[0])
        return _fail(str(exc))
    except BrokenPipeError:  # `tunewise … | head`: the reader has what it wanted
        _silence_stdout(real[0])
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout, sys.stderr = real


def _main(argv: Sequence[str] | None, real: tuple[TextIO | None, TextIO | None]) -> int:
    args = _parser().parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        **dict.fromkeys(PROFILE_VERBS, _profile_verb),
        "assess": _assess,
        "prices": _prices,
        "open": _open,
        "new": _new,
        "tokens": _tokens,
    }
    in_app = args.command is None or (args.command == "compare" and _compare_in_app(args, argv))
    opens_app = args.command == "open" or (args.command == "new" and not args.from_example)
    if in_app or opens_app:
        sys.stdout, sys.stderr = real  # the app draws with escape sequences of its own
    if args.command is None:
        from tui.launch import launch

        return launch()
    if in_app:
        from tui.launch import launch_compare

        return launch_compare(args.files)
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
