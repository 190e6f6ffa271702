"""Benchmarks of issue 2 (not timed tests): prints figures and ratios against targets.

    python tests/benchmarks/bench_engine.py [--runs N]

1. One engine evaluation (inputs and resolved prices in hand): target well under 1 ms.
2. `tunewise assess` on an example against `python -c "import pydantic, tomllib"`, each run
   as a fresh process the same way, median of N: target ≤ 1.3×.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"
TOKEN_EXAMPLE = ROOT / "profiles" / "examples" / "classification-gpt-4o-mini.toml"


def bench_evaluate() -> float:
    """Median seconds per `evaluate` call over token-priced inputs."""
    from engine.catalog import load_catalog
    from engine.evaluate import evaluate
    from profiles.files import load_profile

    inputs = load_profile(TOKEN_EXAMPLE).cost_inputs()
    book = load_catalog(user_config=False).resolve(inputs)
    evaluate(inputs, book)
    runs = timeit.repeat(lambda: evaluate(inputs, book), number=200, repeat=7)
    return statistics.median(runs) / 200


def _wall(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_assess(runs: int) -> tuple[float, float]:
    """(assess seconds, floor seconds), interleaved so both see the same machine load."""
    exe = str(Path(sys.executable).with_name("tunewise"))
    floor_argv = [sys.executable, "-c", "import pydantic, tomllib"]
    assess_argv = [exe, "assess", str(EXAMPLE), "--format", "json"]
    _wall(floor_argv, 2), _wall(assess_argv, 2)  # warm the file cache
    assess, floor = [], []
    for _ in range(runs):
        assess.append(_wall(assess_argv, 1))
        floor.append(_wall(floor_argv, 1))
    return statistics.median(assess), statistics.median(floor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    per_call = bench_evaluate()
    print(f"engine evaluate: {per_call * 1e6:.0f} µs per call (target well under 1,000 µs)")
    assess, floor = bench_assess(args.runs)
    print(
        f"tunewise assess: {assess * 1e3:.0f} ms; import pydantic, tomllib: {floor * 1e3:.0f} ms;"
        f" ratio {assess / floor:.2f}× (target ≤ 1.30×)"
    )


if __name__ == "__main__":
    main()
