"""Benchmark: the 10,000-sample Monte Carlo over support-chatbot-ranges (target < 100 ms).

    python tests/benchmarks/bench_simulation.py

Times `engine.uncertainty.simulate.simulate` (draws + fast path + break-even + totals for
every sample) and, separately, the whole `uncertainty` answer (percentiles, verdict cells,
tornado, thresholds). Median of several runs after a warm-up. A figure, not a timed test.

Each run is timed twice over: wall clock (`perf_counter`, what a user waits) and this
process's CPU time (`process_time`, the work done, which other programs on a shared machine
inflate less). The target applies to the wall clock; on a loaded machine read the CPU figure
beside it. `--stages` adds the split between drawing the samples and evaluating them.
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


def _median_ms(call: object, runs: int) -> tuple[float, list[float], float, list[float]]:
    """Median wall and CPU milliseconds of `runs` calls, and the times behind each."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = time.process_time(), time.perf_counter()
        call()  # type: ignore[operator]
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), walls, statistics.median(cpus), cpus


def _times(values: list[float]) -> str:
    return ", ".join(f"{t:.0f}" for t in values)


def run(*, runs: int = 9, quick: bool = False, stages: bool = False) -> list[Measurement]:
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
    whole()
    sim, sim_walls, sim_cpu, sim_cpus = _median_ms(lambda: simulate(setup, samples=SAMPLES), runs)
    full, full_walls, full_cpu, full_cpus = _median_ms(whole, runs)
    ranged = len(setup.ranges)
    out = [
        Measurement(
            name=f"simulate {SAMPLES:,} samples ({ranged} ranged answers), wall",
            figure=sim,
            unit="ms",
            target=TARGET_MS,
            strict=True,
            detail=f"median of {runs}: {_times(sim_walls)} ms wall",
        ),
        Measurement(
            name=f"simulate {SAMPLES:,} samples ({ranged} ranged answers), CPU",
            figure=sim_cpu,
            unit="ms",
            target=TARGET_MS,
            strict=True,
            detail=f"median of {runs}: {_times(sim_cpus)} ms CPU (process_time)",
        ),
        Measurement(
            name=f"whole uncertainty answer, {SAMPLES:,} samples (+ verdicts, tornado), wall",
            figure=full,
            unit="ms",
            target=TARGET_MS * 1.5,
            detail=f"median of {runs}: {_times(full_walls)} ms wall; "
            f"CPU median {full_cpu:.0f} ms ({_times(full_cpus)})",
        ),
    ]
    if stages:
        from engine.uncertainty.simulate import sample_values

        draw, draw_walls, draw_cpu, _ = _median_ms(
            lambda: sample_values(setup, SAMPLES, 0, "pert"), runs
        )
        out.append(
            Measurement(
                name=f"  of which drawing {SAMPLES:,} × {ranged} PERT values (scrambled Sobol)",
                figure=draw,
                unit="ms",
                target=TARGET_MS,
                detail=f"median of {runs}: {_times(draw_walls)} ms wall; CPU {draw_cpu:.0f} ms",
            )
        )
    return out


def main() -> None:
    for m in run(stages="--stages" in sys.argv[1:]):
        print(
            f"{m.name}: {m.figure_text()} ({m.detail}); {m.figure / m.target:.2f}× the "
            f"{m.target_text()} target — {'met' if m.met else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
