"""The terminal driver: Textual's Linux driver, with input that survives invalid UTF-8.

Textual 8.2.8 decodes the terminal's input strictly, so one byte that is not UTF-8 (0xff
typed, a paste with a stray 0x9b) raises in the input thread and ends the app. This driver
decodes the same bytes with `errors="replace"`: the byte arrives as U+FFFD and the app goes on.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

READ_SIZE = 1024 * 4
"""Bytes read from the terminal at a time (as Textual's driver reads)."""


class ForgivingLinuxDriver(LinuxDriver):
    """`LinuxDriver` whose input decoder replaces invalid bytes instead of raising."""

    # Workaround for https://github.com/Textualize/textual/issues/6456 (strict input decoding).
    def run_input_thread(self) -> None:
        """Wait for input and dispatch events: Textual's loop, with a replacing decoder."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode

        def process(
            selector_events: list[tuple[selectors.SelectorKey, int]], final: bool = False
        ) -> None:
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    text = decode(os.read(fileno, READ_SIZE), final=final and last)
                    if not text:
                        break  # stdin is a pipe that has ended
                    for event in parser.feed(text):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
