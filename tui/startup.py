"""Start-up without the cyclic garbage collector, until the first frame is drawn.

What start-up allocates (modules, classes, styles, widgets) lives as long as the app, so a
collection then only walks it and frees nothing: the collector ran dozens of times before the
first frame (docs/benchmarks.md). Paused by the app (and by the CLI before it imports the
app), resumed once the first frame is drawn; a collector the host had turned off stays off.
"""

import gc

_paused = False


def pause_collector() -> None:
    """Turn the cyclic collector off for start-up, if it is on."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Turn the collector back on if `pause_collector` turned it off (once)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
