"""`tunewise [COMMAND]`: parse, run the verb through the visible stdout, and turn a user error
into one line and exit status 2 (never a traceback). Headless verbs import no Textual."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from engine.errors import InputError

from .output import EXIT_OK, OutputError, Shown, fail, silence_stdout, tolerant_encoding
from .parser import parser

TYPE_CHECKING = False  # `typing` itself is not imported for `--help`
if TYPE_CHECKING:
    from typing import TextIO

VERBS: dict[str, tuple[str, str]] = {
    "assess": ("assess", "assess"),
    "prices": ("prices", "prices"),
    "diff": ("diff", "diff"),
    "compare": ("compare", "compare"),
    "show": ("show", "show"),
    "schema": ("show", "schema"),
    "examples": ("show", "examples"),
    "open": ("start", "open_"),
    "new": ("start", "new"),
    "tokens": ("tokens", "tokens"),
}
"""Verb → (module of `tui.cli`, function): imported only when that verb runs."""


def verb(command: str) -> Callable[[argparse.Namespace], int]:
    module, name = VERBS[command]
    run: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"{__package__}.{module}"), name
    )
    return run


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_encoding()
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Shown(real[0]), Shown(real[1])
    try:
        try:
            code = _main(argv, real)
        except SystemExit:  # argparse: --help, --version or a usage error, already printed
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return code
    except OutputError as exc:
        silence_stdout(real[0])
        return fail(str(exc))
    except BrokenPipeError:  # `tunewise … | head`: the reader has what it wanted
        silence_stdout(real[0])
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except ValueError as exc:  # `FileError` and `InputError`; anything else is a bug, raised
        if not _user_error(exc):
            raise
        return fail(str(exc))
    finally:
        sys.stdout, sys.stderr = real


def _user_error(exc: ValueError) -> bool:
    """A `FileError` or an `InputError`: `engine.tomlfile` (and pydantic with it) is imported
    only here, so `--help` and a usage error never load it."""
    from engine.tomlfile import FileError

    return isinstance(exc, FileError | InputError)


def _shorthand(argv: Sequence[str] | None) -> list[str]:
    """`tunewise FILE.toml` is `tunewise open FILE.toml`: what a newcomer types first."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 1 and args[0].endswith(".toml") and args[0] not in VERBS:
        return ["open", *args]
    return args


def _main(argv: Sequence[str] | None, real: tuple[TextIO | None, TextIO | None]) -> int:
    argv = _shorthand(argv)
    args = parser().parse_args(argv)
    in_app = args.command is None or (args.command == "compare" and _compare_in_app(args, argv))
    opens_app = args.command == "open" or (args.command == "new" and not args.from_example)
    if in_app or opens_app:
        sys.stdout, sys.stderr = real  # the app draws with escape sequences of its own
        from tui.startup import pause_collector

        pause_collector()  # while the app's modules load; the app resumes it once drawn
    if args.command is None:
        from tui.launch import launch

        return launch()
    if in_app:
        from tui.launch import launch_compare

        return launch_compare(args.files)
    return verb(args.command)(args)


def _compare_in_app(args: argparse.Namespace, argv: Sequence[str] | None) -> bool:
    from .compare import in_app

    return in_app(args, argv)
