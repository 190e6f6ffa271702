"""Benchmarks of issue 2 (not timed tests): prints figures and ratios against targets.

    python tests/benchmarks/bench_engine.py [--runs N]

1. One engine evaluation (inputs and resolved prices in hand): target under 1 ms.
2. `tunewise assess` on an example against `python -c "import pydantic, tomllib"`, each run
   as a fresh process the same way, interleaved after a warm-up, median of N: target ≤ 1.3×.

`run()` returns both as `Measurement`s for `tests/benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

from measurement import Measurement, interleaved, median, precompile, wall

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"
TOKEN_EXAMPLE = ROOT / "profiles" / "examples" / "classification-gpt-4o-mini.toml"
TARGET_EVALUATE_US = 1000.0
TARGET_ASSESS_RATIO = 1.30


def run_evaluate(*, quick: bool = False) -> list[Measurement]:
    """Median time of one `evaluate` call over token-priced inputs."""
    from engine.catalog import load_catalog
    from engine.evaluate import evaluate
    from profiles.files import load_profile

    inputs = load_profile(TOKEN_EXAMPLE).cost_inputs()
    book = load_catalog(user_config=False).resolve(inputs)
    evaluate(inputs, book)
    number, repeat = (20, 3) if quick else (200, 7)
    batches = timeit.repeat(lambda: evaluate(inputs, book), number=number, repeat=repeat)
    per_call_us = median(batches) / number * 1e6
    return [
        Measurement(
            name="engine evaluate, one call",
            figure=per_call_us,
            unit="µs",
            target=TARGET_EVALUATE_US,
            strict=True,
            detail=f"{TOKEN_EXAMPLE.name}, median of {repeat} batches of {number} calls",
        )
    ]


def run_assess(*, runs: int = 15, quick: bool = False) -> list[Measurement]:
    """`tunewise assess` against the pydantic-import floor, fresh processes, interleaved."""
    precompile()
    if quick:
        runs = min(runs, 3)
    exe = str(Path(sys.executable).with_name("tunewise"))
    floor_argv = [sys.executable, "-c", "import pydantic, tomllib"]
    assess_argv = [exe, "assess", str(EXAMPLE), "--format", "json"]
    times = interleaved(
        {"assess": lambda: wall(assess_argv), "floor": lambda: wall(floor_argv)},
        repeat=runs,
        warmup=2,
    )
    assess, floor = median(times["assess"]), median(times["floor"])
    return [
        Measurement(
            name="tunewise assess ÷ python -c 'import pydantic, tomllib'",
            figure=assess / floor,
            unit="ratio",
            target=TARGET_ASSESS_RATIO,
            detail=f"{assess * 1e3:.0f} ms ÷ {floor * 1e3:.0f} ms, {EXAMPLE.name}, "
            f"median of {runs}",
        )
    ]


def run(*, runs: int = 15, quick: bool = False) -> list[Measurement]:
    return run_evaluate(quick=quick) + run_assess(runs=runs, quick=quick)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="few runs, to check it works")
    args = parser.parse_args()
    for m in run(runs=args.runs, quick=args.quick):
        met = "met" if m.met else "MISSED"
        print(f"{m.name}: {m.figure_text()} (target {m.target_text()}, {met}) — {m.detail}")


if __name__ == "__main__":
    main()
