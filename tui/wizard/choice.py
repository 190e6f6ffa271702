"""A choice from the keyboard on one line: `Unknown  Yes [No]`, or for a long list
`‹ Chat ›  13/14 · enter lists all`.

A light alternative to Textual's `Select` (which composes an overlay, an option list and four
more widgets per field): one widget, one render. A few options (yes / no / unknown, low /
medium / high) are all shown, the chosen one bracketed as well as reversed, so it reads without
colour (`NO_COLOR`). A long list shows the chosen option and where it is in the list; enter,
space or a click opens the whole list (`tui/dialogs/pick.py`).
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
from textual.widget import Widget

from .keys import run_own_binding

GAP = 1
"""Columns between two options (each option also has a column either side for its bracket)."""


class Choice(Widget, can_focus=True):
    """One of `options` ((label, value) pairs), chosen with ←/→ (or h/l), home/end or the
    first letter of an option (again to cycle options sharing that letter). Labels are never
    read as markup. A few options are all shown, wrapping to the next line whole when they do
    not fit; more than `options_fit` allows are shown one at a time (`listed`), and enter,
    space or a click opens the whole list to pick from."""

    DEFAULT_CSS = """
    Choice { width: 1fr; height: auto; }
    """
    # Reversed survives NO_COLOR; style strings, as component classes are styled per choice.
    CHOSEN = "bold reverse"
    WHERE = "$foreground-muted"
    answer_left = 0
    """Columns left of the options (a `ChoiceRow` draws its question's label there)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous option", show=False),
        Binding("right", "move(1)", "Next option", show=False),
        Binding("home", "first", "First option", show=False),
        Binding("end", "last", "Last option", show=False),
        Binding("enter,space", "pick", "List the options", show=False),
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
        label: str = "",
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
        self.label = label
        """What is chosen (the question), the title of a long list opened to pick from."""
        self.listed = not options_fit(self._options)
        """Whether the options are shown one at a time (a long list) rather than all."""
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

    def action_pick(self) -> None:
        """Open the whole list, the chosen option highlighted; what is picked is chosen."""
        if not self.listed:
            return
        from ..dialogs.pick import PickScreen

        def picked(value: str | None) -> None:
            if value is not None:
                self.value = value

        self.app.push_screen(PickScreen(self._options, self.value, self.label), picked)

    async def on_key(self, event: events.Key) -> None:
        """The first letter of an option chooses it (the next one with that letter when
        several share it); otherwise h and l move as ← and →. The choice's own bound keys
        (←, →, Home, End, Enter) act now too, in the order typed (`keys.py`). Other keys go
        on bubbling."""
        if await run_own_binding(self, event):
            event.prevent_default()
            return
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
        x, y = offset.x - self.answer_left, offset.y
        width = self.answer_width(self.content_region.width or self.size.width)
        lines = [[self.index]] if self.listed else self._lines(width)
        if x < 0 or y >= len(lines):
            return  # beside or below the options (a row's label or hint)
        if self.listed:
            self.action_pick()
            return
        for index in lines[y]:
            option = _width(self._options[index][0])
            if 0 <= x < option:  # on this option, not in the gap before it
                self.value = self._values[index]
                return
            x -= option + GAP

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
        if self.listed:
            return max(_width(label) for label, _ in self._options) + 2 + len(self._where())
        return sum(_width(label) for label, _ in self._options) + GAP * (len(self._options) - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.answer_lines(width)) if self.listed else len(self._lines(width))

    def answer_width(self, width: int) -> int:
        """Columns for the options in a content `width`."""
        return max(width - self.answer_left, 1)

    def _where(self) -> str:
        """A long list's place of the chosen option, and how to see them all."""
        return f"  {self.index + 1}/{len(self._options)} · enter lists all"

    def answer_lines(self, width: int) -> list[Content]:
        """The options as shown in `width` columns: a line each (the chosen one reversed), or
        for a long list the chosen one and where it is."""
        chosen = self.index
        style = self.CHOSEN
        if self.listed:
            shown = Content(f"‹ {self._options[chosen][0]} ›").stylize(style)
            where = Content(self._where()).stylize(self.WHERE)
            # Wrapped here, so the row's height counts every line its words take.
            return Content.assemble(shown, where).wrap(max(width, 1))
        rows: list[Content] = []
        for line in self._lines(width):
            parts: list[Content] = []
            for index in line:
                label = self._options[index][0]
                if index == chosen:
                    parts.append(Content(f"[{label}]").stylize(style))
                else:
                    parts.append(Content(f" {label} "))
            rows.append(Content(" " * GAP).join(parts))
        return rows

    def render(self) -> Content:
        return Content("\n").join(self.answer_lines(self.content_region.width or self.size.width))


def _initial(label: str) -> str:
    """The letter that chooses an option: its label's first letter or digit."""
    return next((c.casefold() for c in label if c.isalnum()), "")


def _width(label: str) -> int:
    return Content(label).cell_length + 2


def options_fit(options: Sequence[tuple[str, str]], limit: int = 6) -> bool:
    """Whether a choice among `options` suits this widget (a few, not a long list)."""
    return 0 < len(options) <= limit
