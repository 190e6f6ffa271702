"""A list to tick several answers in, that shows which are ticked without colour."""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

from .keys import run_own_binding


class Ticks(SelectionList[str]):
    """`SelectionList` whose button reads `X` when ticked and blank when not (Textual's shows
    `X` on every line and tells them apart by colour alone, lost under NO_COLOR)."""

    DEFAULT_CSS = """
    Ticks:focus > .option-list--option-highlighted { text-style: bold reverse; }
    """

    async def on_key(self, event: events.Key) -> None:
        """Its own keys (↑, ↓, Space…) act now, in the order typed (`keys.py`): the app would
        run them only after a Tab typed next had moved focus to the next answer."""
        if await run_own_binding(self, event):
            event.prevent_default()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        ticked = option.value in self.selected
        segments[1] = Segment("X" if ticked else " ", segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)
