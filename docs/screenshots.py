"""Write the README's screenshots with Textual's own screenshot: docs/wizard.svg (the volume
step beside the live cost panel) and docs/results.svg, from the built-in example at 100×30.

    .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from tui.app import TunewiseApp, make_app  # noqa: E402
from tui.launch import example_document  # noqa: E402

SIZE = (100, 30)
THEME = "textual-dark"


async def _shoot(keys: list[str], target: Path) -> None:
    app: TunewiseApp = make_app(example_document("support-chatbot-50k"), theme=THEME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for screen in app.screen_stack:  # no cursor blink caught mid-frame
            for widget in screen.query("Input"):
                widget.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()
        app.save_screenshot(filename=target.name, path=str(target.parent))


def volume_keys() -> list[str]:
    """Next until the volume step shows (the number of steps before it may change)."""
    from tui.state.steps import STEPS

    index = next(i for i, s in enumerate(STEPS) if s.key == "volume")
    return ["ctrl+n"] * index


def main() -> None:
    asyncio.run(_shoot(volume_keys(), DOCS / "wizard.svg"))
    asyncio.run(_shoot(["ctrl+r"], DOCS / "results.svg"))
    for name in ("wizard.svg", "results.svg"):
        print(DOCS / name)


if __name__ == "__main__":
    main()
