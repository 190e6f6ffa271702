"""Benchmark: the 10,000-sample Monte Carlo over support-chatbot-ranges (target < 100 ms).

    python tests/benchmarks/bench_simulation.py

Times `engine.uncertainty.simulate.simulate` (draws + fast path + break-even + totals for
every sample) and, separately, the whole `uncertainty` answer (percentiles, verdict cells,
tornado, thresholds). Median of several runs after a warm-up. A figure, not a timed test.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for _path in (str(HERE), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from measurement import Measurement  # noqa: E402

TARGET_MS = 100.0
SAMPLES = 10_000
EXAMPLE = ROOT / "profiles" / "examples" / "support-chatbot-ranges.toml"


def _median_ms(call: object, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times


def run(*, runs: int = 7, quick: bool = False) -> list[Measurement]:
    from engine.catalog import load_catalog
    from engine.rules import assess, facts_for
    from engine.uncertainty.simulate import prepare, simulate, uncertainty
    from engine.uncertainty.verdicts import verdict_function
    from profiles.files import evaluate_profile, load_profile

    if quick:
        runs = 3
    profile = load_profile(EXAMPLE)
    book, result = evaluate_profile(profile)
    inputs = profile.cost_inputs()
    setup = prepare(inputs, book, result, profile.ranges)
    catalog = load_catalog()
    rec = assess(profile.assessment(), inputs, result, book, catalog)
    facts = facts_for(inputs, result, book, catalog, profile.team.providers)

    def whole() -> None:
        uncertainty(
            setup,
            result,
            samples=SAMPLES,
            verdict_of=verdict_function(profile.assessment(), facts),
            point_verdict=rec.verdict,
        )

    simulate(setup, samples=SAMPLES)  # warm-up
    sim, sim_times = _median_ms(lambda: simulate(setup, samples=SAMPLES), runs)
    full, full_times = _median_ms(whole, runs)
    ranged = len(setup.ranges)
    return [
        Measurement(
            name=f"simulate {SAMPLES:,} samples ({ranged} ranged answers)",
            figure=sim,
            unit="ms",
            target=TARGET_MS,
            strict=True,
            detail=f"median of {runs}: {', '.join(f'{t:.0f}' for t in sim_times)} ms",
        ),
        Measurement(
            name=f"whole uncertainty answer, {SAMPLES:,} samples (+ verdicts, tornado)",
            figure=full,
            unit="ms",
            target=TARGET_MS * 1.5,
            detail=f"median of {runs}: {', '.join(f'{t:.0f}' for t in full_times)} ms",
        ),
    ]


def main() -> None:
    for m in run():
        print(
            f"{m.name}: {m.figure_text()} ({m.detail}); {m.figure / m.target:.2f}× the "
            f"{m.target_text()} target — {'met' if m.met else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
