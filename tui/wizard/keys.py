"""Keys in the order they were typed, for the answer widgets.

Textual runs a focused widget's key bindings (←, End, Backspace…) only once the key has bubbled
up to the app, while the keys a widget handles itself (a letter typed into an input, the first
letter that picks an option) act at once. When keys arrive together (a quick typist over SSH,
a paste, a key macro), "End" then "x" typed into a selected answer put the x first, replacing
the answer instead of adding to it. Textual issue #6605 (open; PR #6631 does the same inside
Textual). Our answer widgets run their own bindings as the key arrives instead.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run `widget`'s own (not priority) binding for `event`'s key now, and stop the key
    there so the app does not run it again; whether a binding ran. Priority bindings have
    already run, at the app, before the key reached the widget."""
    # `_bindings`: the widget's bindings after the app's keymap, as the app itself reads them.
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            return True
    return False
