"""A choice among a few options on one line, chosen from the keyboard: `Unknown  Yes [No]`.

A light alternative to Textual's `Select` (which composes an overlay and an option list per
field) for yes / no / unknown and low / medium / high answers: one widget, one render. The
chosen option is bracketed as well as reversed, so it reads without colour (`NO_COLOR`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

GAP = 1
"""Columns between two options (each option also has a column either side for its bracket)."""


class Choice(Widget, can_focus=True):
    """One of `options` ((label, value) pairs), chosen with ←/→ (or h/l), home/end or the
    first letter of an option (again to cycle options sharing that letter). Labels are never
    read as markup. Options that do not fit the width wrap to the next line, whole."""

    DEFAULT_CSS = """
    Choice { width: 1fr; height: auto; }
    Choice > .choice--chosen { text-style: bold reverse; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice--chosen"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous option", show=False),
        Binding("right", "move(1)", "Next option", show=False),
        Binding("home", "first", "First option", show=False),
        Binding("end", "last", "Last option", show=False),
    ]

    value: reactive[str] = reactive("", init=False)
    """The chosen option's value (one of the options' values)."""

    class Changed(Message):
        """The chosen option changed (by key, by click or by setting `value`)."""

        def __init__(self, choice: Choice, value: str) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self,
        options: Iterable[tuple[str, str]],
        *,
        value: str | None = None,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._options: tuple[tuple[str, str], ...] = tuple(options)
        if not self._options:
            raise ValueError("a Choice needs at least one option")
        self._values = [v for _, v in self._options]
        self.set_reactive(Choice.value, self._options[0][1] if value is None else value)
        self.validate_value(self.value)

    @property
    def options(self) -> tuple[tuple[str, str], ...]:
        """The (label, value) pairs offered, in order."""
        return self._options

    @property
    def index(self) -> int:
        """Where the chosen option is among `options`."""
        return self._values.index(self.value)

    def validate_value(self, value: str) -> str:
        if value not in self._values:
            raise ValueError(f"{value!r} is not one of this choice's options")
        return value

    def watch_value(self, value: str) -> None:
        self.refresh()
        self.post_message(self.Changed(self, value))

    # -- keys and mouse ------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.value = self._values[max(0, min(self.index + step, len(self._values) - 1))]

    def action_first(self) -> None:
        self.value = self._values[0]

    def action_last(self) -> None:
        self.value = self._values[-1]

    def on_key(self, event: events.Key) -> None:
        """The first letter of an option chooses it (the next one with that letter when
        several share it); otherwise h and l move as ← and →. Other keys go on bubbling."""
        char = event.character
        if char is None or len(char) != 1 or not char.isprintable() or char == " ":
            return
        letter = char.casefold()
        starting = [i for i, (label, _) in enumerate(self._options) if _initial(label) == letter]
        if starting:
            after = [i for i in starting if i > self.index]
            self.value = self._values[(after or starting)[0]]
        elif letter in "hl":
            self.action_move(-1 if letter == "h" else 1)
        else:
            return
        event.stop()
        event.prevent_default()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for row, line in enumerate(self._lines(self.content_region.width or self.size.width)):
            if row != offset.y:
                continue
            x = 0
            for index in line:
                width = _width(self._options[index][0])
                if x <= offset.x < x + width:
                    self.value = self._values[index]
                    return
                x += width + GAP

    # -- rendering -----------------------------------------------------------------------------

    def _lines(self, width: int) -> list[list[int]]:
        """Option indexes on each line: as many whole options as fit in `width` columns."""
        lines: list[list[int]] = [[]]
        used = 0
        for index, (label, _) in enumerate(self._options):
            need = _width(label) + (GAP if lines[-1] else 0)
            if lines[-1] and used + need > width:
                lines.append([])
                used, need = 0, _width(label)
            lines[-1].append(index)
            used += need
        return lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(_width(label) for label, _ in self._options) + GAP * (len(self._options) - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        chosen = self.index
        # The rich style: `get_visual_style` leaves out `reverse`, the mark NO_COLOR keeps.
        style = Style.from_rich_style(self.get_component_rich_style("choice--chosen", partial=True))
        rows: list[Content] = []
        for line in self._lines(self.content_region.width or self.size.width):
            parts: list[Content] = []
            for index in line:
                label = self._options[index][0]
                if index == chosen:
                    parts.append(Content(f"[{label}]").stylize(style))
                else:
                    parts.append(Content(f" {label} "))
            rows.append(Content(" " * GAP).join(parts))
        return Content("\n").join(rows)


def _initial(label: str) -> str:
    """The letter that chooses an option: its label's first letter or digit."""
    return next((c.casefold() for c in label if c.isalnum()), "")


def _width(label: str) -> int:
    return Content(label).cell_length + 2


def options_fit(options: Sequence[tuple[str, str]], limit: int = 6) -> bool:
    """Whether a choice among `options` suits this widget (a few, not a long list)."""
    return 0 < len(options) <= limit
