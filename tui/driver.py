"""The terminal driver: Textual's Linux driver, with input that survives invalid UTF-8 and
keeps up with long runs of keys.

Textual 8.2.8 decodes the terminal's input strictly, so one byte that is not UTF-8 (0xff
typed, a paste with a stray 0x9b) raises in the input thread and ends the app. This driver
decodes the same bytes with `errors="replace"`: the byte arrives as U+FFFD and the app goes on.

It also hands the app the events of one read together, in one call into the app's loop,
where Textual's driver schedules a coroutine per event: 20,000 characters sent at once
(tmux send-keys, a paste the terminal does not bracket) took 7 s to reach even a bare app.
"""

from __future__ import annotations

import contextlib
import os
import selectors
from codecs import getincrementaldecoder
from typing import Any

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

READ_SIZE = 1024 * 4
"""Bytes read from the terminal at a time (as Textual's driver reads)."""


class ForgivingLinuxDriver(LinuxDriver):
    """`LinuxDriver` whose input decoder replaces invalid bytes instead of raising, and which
    posts a read's events to the app in one batch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._batch: list[Message] | None = None
        """Events parsed from the read being processed (None: send each at once)."""

    def send_message(self, message: Message) -> None:
        """Hold `message` for the read's batch, or send it now outside one."""
        if self._batch is None:
            super().send_message(message)
        else:
            self._batch.append(message)

    def _send_batch(self) -> None:
        """Post the read's events to the app, in order, with one call into its loop."""
        batch, self._batch = self._batch, None
        if batch:
            # RuntimeError: the app's loop has closed, nobody is left to read them.
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._post_batch, batch)

    def _post_batch(self, batch: list[Message]) -> None:
        """In the app's loop: post each event, as `Driver.send_message` does one by one."""
        for message in batch:
            self._app.post_message(message)

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
            self._batch = []
            try:
                for last, (_key, mask) in loop_last(selector_events):
                    if mask & selectors.EVENT_READ:
                        text = decode(os.read(fileno, READ_SIZE), final=final and last)
                        if not text:
                            break  # stdin is a pipe that has ended
                        for event in parser.feed(text):
                            self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
            finally:
                self._send_batch()

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
