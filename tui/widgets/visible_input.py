"""An `Input` that draws control characters as their pictures: a value from a file (a profile's
text, a file name) never sends ESC or BEL to the terminal, and editing keeps the real value."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Input

from ..state.visible import visible


class VisibleInput(Input):
    """`Input`, drawing each control character as one picture (␛), so the cursor lines up."""

    @property
    def _value(self) -> Text:
        """The value as drawn: control characters as pictures, one character for one."""
        return Text(visible(self.value, one_for_one=True), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        """The cell of `position` in the value as drawn (`_value`). Without `Input`'s tab
        expansion over the whole value, twice a key (a 20,000-character answer: quadratic)."""
        value = self.value
        if value.isascii() and value.isprintable():
            return position
        return cell_len(visible(value[:position], one_for_one=True))
