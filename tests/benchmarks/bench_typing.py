"""Benchmark: 20,000 characters typed at once into an answer (a script, not a timed test).

1. In a pilot at 80×24: 20,000 key events queued at once into the Name answer, to the answer
   whole and the wizard settled. Target: under 2 s (it took 76 s; issue #16).
2. The same for 200 keys, as a ratio: 20,000 keys' time ÷ 100 × 200 keys' time. Target: at most
   1 (no slower per key for a long run than for a short one; each key re-evaluating made it
   quadratic).
3. Where tmux is installed: the real `tunewise` in tmux at 80×24, 20,000 characters sent with
   `send-keys -l` (1,000 at a time), to the last of them on the screen. Target: under 2 s.

    .venv/bin/python tests/benchmarks/bench_typing.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from measurement import ROOT, Measurement, median

TARGET_SECONDS = 2.0
LONG = 20_000
SHORT = 200


async def _typed(count: int) -> float:
    """Seconds from queuing `count` keys into Name to the answer whole and the app settled."""
    from textual import events

    from tui.app import make_app
    from tui.launch import blank_document

    app = make_app(blank_document())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        # A blank assessment: Name has focus first, and is empty.
        start = time.perf_counter()
        for _ in range(count):
            app.post_message(events.Key("x", "x"))
        while len(app.wizard.answers["profile.name"]) < count:
            await asyncio.sleep(0.005)
        await pilot.pause()
        await app.workers.wait_for_complete()
        return time.perf_counter() - start


def _tmux_seconds() -> float | None:
    """The real binary in tmux: seconds from the first `send-keys` to the last character on
    the screen; None without tmux."""
    tmux = shutil.which("tmux")
    binary = Path(sys.executable).with_name("tunewise")
    if tmux is None or not binary.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        env |= {"XDG_CONFIG_HOME": tmp, "HOME": tmp, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        base = [tmux, "-u", "-L", f"tunewise-bench-{uuid.uuid4().hex[:8]}", "-f", os.devnull]

        def run(*args: str) -> str:
            done = subprocess.run([*base, *args], env=env, capture_output=True, text=True)
            return done.stdout

        def wait(ready: str, timeout: float) -> None:
            deadline = time.monotonic() + timeout
            while ready not in run("capture-pane", "-p", "-t", "b"):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"waited {timeout:.0f} s for {ready!r}")
                time.sleep(0.02)

        run("new-session", "-d", "-s", "b", "-x", "80", "-y", "24", f"{binary}; sleep 60")
        try:
            wait("Name of this assessment", 90)  # a blank assessment, Name focused
            text = "x" * (LONG - 3) + "END"
            start = time.perf_counter()
            for i in range(0, LONG, 1000):
                run("send-keys", "-t", "b", "-l", text[i : i + 1000])
            wait("xEND", 300)
            return time.perf_counter() - start
        finally:
            run("kill-server")


def run(*, runs: int = 3, quick: bool = False) -> list[Measurement]:
    if quick:
        runs = 1
    sys.path.insert(0, str(ROOT))
    long = [asyncio.run(_typed(LONG)) for _ in range(runs)]
    short = [asyncio.run(_typed(SHORT)) for _ in range(runs)]
    ratio = median(long) / (LONG / SHORT * median(short))
    found = [
        Measurement(
            name=f"{LONG:,} keys queued into an answer, in a pilot",
            figure=median(long),
            unit="s",
            target=TARGET_SECONDS,
            strict=True,
            detail=f"median of {', '.join(f'{t:.2f}' for t in long)} s",
        ),
        Measurement(
            name=f"{LONG:,} keys' time ÷ {LONG // SHORT} × {SHORT} keys' time",
            figure=ratio,
            unit="ratio",
            target=1.0,
            detail=f"{median(long):.3f} s against {median(short):.3f} s",
        ),
    ]
    seconds = None if quick else _tmux_seconds()
    if seconds is not None:
        found.append(
            Measurement(
                name=f"{LONG:,} characters by tmux send-keys to the tunewise binary, on screen",
                figure=seconds,
                unit="s",
                target=TARGET_SECONDS,
                strict=True,
                detail="one run, 80×24",
            )
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run, no tmux")
    args = parser.parse_args()
    for m in run(quick=args.quick):
        met = "met" if m.met else "MISSED"
        print(f"{m.name}: {m.figure_text()} (target {m.target_text()}, {met}) — {m.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
