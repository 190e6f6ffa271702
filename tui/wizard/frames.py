"""Drawing a frame now, rather than at the screen's next refresh: a key's echo before the
work the key starts (the evaluation, the panel), so the echo never waits for that work."""

from __future__ import annotations

from textual.widget import Widget


def draw_now(widget: Widget) -> None:
    """Draw what is waiting to be drawn on `widget`'s screen (`widget` among it), now.

    Textual 8.2.8's internals, as its pilot uses them (`Pilot.pause`). A frame drawn so
    leaves the screen's refresh timer alone: the next refresh (the figures that follow) is
    drawn at once, not a frame's time later. When `widget`'s own repaint is already on its
    way to the screen as a message, nothing is drawn: that message would take the refresh."""
    screen = widget.screen
    if not screen.is_current:
        return
    if widget._repaint_required:  # not posted yet: this frame takes it
        widget._repaint_required = False
        screen._dirty_widgets.add(widget)
    if widget in screen._dirty_widgets:
        screen._on_timer_update()
