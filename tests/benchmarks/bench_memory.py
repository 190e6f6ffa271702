"""Benchmark of the wizard's memory (a script, not a timed test): what is resident when the
first screen is drawn, against a bare Textual app (a Header, a Label and a Footer) measured
the same way. Target (issue 19): the wizard ≤ 1.4 × the bare app.

Each figure is read from `/proc/self/status` inside a fresh process (80×24, headless): `VmRSS`
at the first frame Textual renders, and for the wizard also at the first frame after its
catalog has loaded, when the cost panel shows figures (the first screen as a person sees it:
the engine, pydantic and the profile model loaded), with `VmHWM`, the peak so far. Both are
held to the target.

    .venv/bin/python tests/benchmarks/bench_memory.py [--runs 5] [--modules]

`--modules` lists the modules the wizard has imported at its first frame that the bare app
has not. `run()` returns the figures as `Measurement`s for `tests/benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from measurement import Measurement, interleaved, median, precompile

TARGET_RATIO = 1.4
ROOT = Path(__file__).resolve().parents[2]


def _status() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in kB."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def _child(kind: str, modules: bool) -> None:
    """Run one app to its first frame (the wizard: until its figures show too); print JSON."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from textual.app import App

    display = App._display
    seen: dict[str, Any] = {}

    def report(app: App[Any]) -> None:
        print(json.dumps(seen), flush=True)
        app.exit()

    def first_display(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is None or self._batch_count:
            return
        if "first" not in seen:
            seen["first"] = _status()
            if modules:
                seen["modules"] = sorted(sys.modules)
            if kind == "bare":
                report(self)
        elif kind != "bare" and "settled" not in seen and getattr(self, "catalog", None):
            seen["settled"] = _status()
            if modules:
                seen["settled_modules"] = sorted(sys.modules)
            report(self)

    App._display = first_display  # type: ignore[method-assign]

    from first_apps import first_screen_app

    first_screen_app(kind).run(headless=True, size=(80, 24))


def resident(kind: str, *, modules: bool = False) -> dict[str, Any]:
    """The child's figures: {"first": {"VmRSS": kB, "VmHWM": kB}, "settled": …, "modules": …}."""
    argv = [sys.executable, __file__, "--child", kind] + (["--modules"] if modules else [])
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found


def run(*, runs: int = 5, quick: bool = False) -> list[Measurement]:
    """RSS at the first frame, the wizard ÷ the bare app, fresh processes interleaved."""
    precompile()
    if quick:
        runs = min(runs, 2)
    found = interleaved(
        {"bare": lambda: resident("bare"), "wizard": lambda: resident("tunewise")}, repeat=runs
    )

    def mb(kind: str, when: str, key: str = "VmRSS") -> float:
        return float(median([f[when][key] for f in found[kind]])) / 1024

    bare, first = mb("bare", "first"), mb("wizard", "first")
    settled, peak = mb("wizard", "settled"), mb("wizard", "settled", "VmHWM")
    how = f"80x24 headless, median of {runs} interleaved runs"
    return [
        Measurement(
            name="first screen memory ÷ bare app, at the first frame (RSS)",
            figure=first / bare,
            unit="ratio",
            target=TARGET_RATIO,
            detail=f"{first:.1f} MB ÷ {bare:.1f} MB resident when the first frame is drawn "
            f"(the catalog worker still loading the engine); {how}",
        ),
        Measurement(
            name="first screen memory ÷ bare app, figures shown (RSS)",
            figure=settled / bare,
            unit="ratio",
            target=TARGET_RATIO,
            detail=f"{settled:.1f} MB ÷ {bare:.1f} MB resident at the first frame showing the "
            f"cost panel's figures (peak {peak:.1f} MB); {how}",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="few runs, to check it works")
    parser.add_argument("--modules", action="store_true", help="the wizard's extra modules")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.modules)
        return 0
    if args.modules:
        bare = set(resident("bare", modules=True)["modules"])
        wizard = resident("tunewise", modules=True)
        for when, words in (("modules", "at its first frame"), ("settled_modules", "settled")):
            extra = [m for m in wizard[when] if m not in bare]
            print(f"{len(extra)} modules the wizard has {words} and the bare app not:")
            print("\n".join(f"  {m}" for m in extra))
        return 0
    for m in run(runs=args.runs, quick=args.quick):
        met = "met" if m.met else "MISSED"
        print(f"{m.name}: {m.figure_text()} (target {m.target_text()}, {met}) — {m.detail}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
