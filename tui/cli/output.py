"""What every verb writes through: exit statuses, the one-line error, and a stdout that shows
control characters from files visibly and says a failed write in one line."""

from __future__ import annotations

import contextlib
import errno
import os
import sys

from engine.visible import visible

TYPE_CHECKING = False  # `typing` itself is not imported for `--help`
if TYPE_CHECKING:
    from typing import Any, TextIO

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


def fail(message: str) -> int:
    """One line on stderr: a newline or ESC in a file or key name is shown escaped."""
    with contextlib.suppress(OSError, OutputError):  # stderr itself may be full or closed
        sys.stderr.write(f"tunewise: {visible(message, keep='')}\n")
        sys.stderr.flush()
    return EXIT_TROUBLE


def out(text: str) -> None:
    """A profile verb's output: text from a file never reaches the terminal as a control code."""
    sys.stdout.write(visible(text))
    sys.stdout.flush()


class OutputError(Exception):
    """Writing the output failed (a full disk, a closed terminal): said in one line."""

    def __init__(self, exc: OSError) -> None:
        from engine.tomlfile import os_reason  # pydantic loads with it: not for `--help`

        super().__init__(f"cannot write the output: {os_reason(exc)}")


class Shown:
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


def tolerant_encoding() -> None:
    """A terminal that cannot show a character (`PYTHONIOENCODING=ascii`, latin-1) gets `?`,
    not a UnicodeEncodeError traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def silence_stdout(stream: TextIO | None) -> None:
    """After stdout failed, point its descriptor at /dev/null so the interpreter's final flush
    of what is still buffered cannot fail again with a second message (Python's SIGPIPE
    advice)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())  # type: ignore[union-attr]
        os.close(devnull)
