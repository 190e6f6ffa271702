"""Benchmark of the wizard (a script, not a timed test).

1. Time to first screen: a fresh interpreter per run, from just before the process starts to
   the first frame Textual renders for the terminal (headless, 80×24), for the wizard and
   for a bare Textual app (a Header, a Label and a Footer), measured the same way, alternating.
   Target: the wizard's median ≤ 1.15 × the bare app's.
2. Keystroke to updated panel: in a pilot at 80×24, typing in the volume field; the
   recomputation (answers → profile → prices → costs → panel) and the whole round trip
   (key event, recompute, repaint). Target: under 16 ms.

    .venv/bin/python tests/benchmarks/bench_tui.py [--runs 9]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from typing import Any

TARGET_RATIO = 1.15
TARGET_KEY_MS = 16.0


def _child(kind: str, t0: float) -> None:
    """Run one app until it renders its first full frame; print seconds since `t0`.

    The first frame is the first call of `App._display` outside a batch update (where Textual
    writes the screen to the terminal); headless mode skips only the write itself.
    """
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Label

    display = App._display

    def first_display(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and not self._batch_count and not getattr(self, "_seen", 0):
            self._seen = 1  # type: ignore[attr-defined]
            print(time.time() - t0, flush=True)
            self.exit()

    App._display = first_display  # type: ignore[method-assign]

    if kind == "bare":

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Label("Hello")
                yield Footer()

        app: App[Any] = Bare()
    else:
        from tui.app import make_app
        from tui.launch import starter_document

        app = make_app(starter_document())
    app.run(headless=True, size=(80, 24))


def first_screen(kind: str) -> float:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(t0)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1])


async def keystrokes(count: int) -> tuple[list[float], list[float]]:
    from tui.app import make_app
    from tui.launch import starter_document
    from tui.screens.wizard import WizardScreen

    app = make_app(starter_document())
    recompute_ms: list[float] = []
    original = WizardScreen.recompute

    def timed(self: WizardScreen) -> None:
        start = time.perf_counter()
        original(self)
        recompute_ms.append((time.perf_counter() - start) * 1000)

    WizardScreen.recompute = timed  # type: ignore[method-assign]
    round_trip_ms: list[float] = []
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            for _ in range(4):
                await pilot.press("ctrl+n")
            await pilot.pause()
            recompute_ms.clear()
            for i in range(count):
                key = "backspace" if i % 2 else "7"
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                round_trip_ms.append((time.perf_counter() - start) * 1000)
    finally:
        WizardScreen.recompute = original  # type: ignore[method-assign]
    return recompute_ms, round_trip_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "T0"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], float(args.child[1]))
        return 0

    first_screen("bare"), first_screen("tunewise")  # warm the file cache and .pyc files
    bare, wizard = [], []
    for _ in range(args.runs):
        bare.append(first_screen("bare"))
        wizard.append(first_screen("tunewise"))
    b, w = statistics.median(bare), statistics.median(wizard)
    ratio = w / b
    print(f"time to first screen, median of {args.runs} (80x24, headless):")
    print(f"  bare Textual app (Header, Label, Footer): {b * 1000:7.1f} ms")
    print(f"  tunewise wizard:                          {w * 1000:7.1f} ms")
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"  ratio: {ratio:.3f} (target <= {TARGET_RATIO}) {verdict}")

    recompute, round_trip = asyncio.run(keystrokes(args.keys))
    print(f"keystroke in the volume field, {args.keys} keys:")
    for name, values in (("recompute + panel update", recompute), ("pilot round trip", round_trip)):
        median, worst = statistics.median(values), max(values)
        p95 = sorted(values)[int(len(values) * 0.95) - 1]
        ok = "ok" if median < TARGET_KEY_MS else "OVER TARGET"
        print(f"  {name:<26} median {median:6.2f} ms  p95 {p95:6.2f} ms  max {worst:6.2f} ms  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
