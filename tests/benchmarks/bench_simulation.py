"""Benchmark: the Monte Carlo over support-chatbot-ranges, its time and its memory.

    python tests/benchmarks/bench_simulation.py [--stages] [--memory]

Targets (issue 19): 10,000 samples ≤ 10 ms; 1,000,000 samples ≤ 1 s; peak RSS of
`tunewise assess --samples 1000000` ≤ 150 MiB and of `--samples 10000000` ≤ 300 MiB.

Times `engine.uncertainty.simulate.simulate` (draws + fast path + break-even + totals for
every sample) and, separately, the whole `uncertainty` answer (percentiles, verdict cells,
tornado, thresholds). Median of several runs after a warm-up. A figure, not a timed test.

Each run is timed twice over: wall clock (`perf_counter`, what a user waits) and this
process's CPU time (`process_time`, the work done, which other programs on a shared machine
inflate less). The target applies to the wall clock; on a loaded machine read the CPU figure
beside it. `--stages` adds the split between drawing the samples and evaluating them.

The times are of the simulation (`simulate`: draws, costs, break-even and totals of every
sample) and of the whole answer (`uncertainty`, streamed in chunks: percentiles, shares,
verdicts, plus the tornado and thresholds, whose cost does not depend on the sample count).
Memory (`run_memory`, `--memory`) is the peak resident set of a fresh `tunewise assess FILE
--samples N` (the CLI as a user runs it: interpreter, pydantic, numpy and the simulation),
read from `getrusage(RUSAGE_CHILDREN)` in a helper process that runs only that command.
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

TARGET_MS = 10.0
SAMPLES = 10_000
MILLION = 1_000_000
TARGET_MILLION_MS = 1_000.0
WHOLE_TARGET_MS = 150.0
MEMORY_TARGETS_MIB = {1_000_000: 150.0, 10_000_000: 300.0}
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
    """The time of 10,000 samples (simulation alone and whole answer) and of 1,000,000."""
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
            target=WHOLE_TARGET_MS,
            detail=f"median of {runs}: {_times(full_walls)} ms wall; "
            f"CPU median {full_cpu:.0f} ms ({_times(full_cpus)})",
        ),
    ]
    million, million_walls, million_cpu, million_cpus = _median_ms(
        lambda: uncertainty(
            setup,
            result,
            samples=MILLION,
            verdict_of=verdict_function(profile.assessment(), facts),
            point_verdict=rec.verdict,
        ),
        3,
    )
    out.append(
        Measurement(
            name=f"whole uncertainty answer, {MILLION:,} samples (streamed in chunks), wall",
            figure=million,
            unit="ms",
            target=TARGET_MILLION_MS,
            detail=f"median of 3: {_times(million_walls)} ms wall; "
            f"CPU median {million_cpu:.0f} ms ({_times(million_cpus)})",
        )
    )
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


def peak_rss_mib(samples: int) -> tuple[float, float]:
    """Peak resident set (MiB) and wall seconds of a fresh `tunewise assess` of the example
    with `samples` samples, measured by a helper process that runs only that command."""
    import subprocess

    cli = "import sys; from tui.cli import main; sys.exit(main())"
    command = [sys.executable, "-c", cli, "assess", str(EXAMPLE), "--samples", str(samples)]
    helper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", helper, *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    return int(out[0]) / 1024, float(out[1])


def run_memory(*, quick: bool = False) -> list[Measurement]:
    """Peak RSS of `tunewise assess --samples N` at 1,000,000 and 10,000,000 samples."""
    out = []
    for samples, target in MEMORY_TARGETS_MIB.items():
        if quick and samples > MILLION:
            continue
        mib, seconds = peak_rss_mib(samples)
        out.append(
            Measurement(
                name=f"tunewise assess --samples {samples:,}: peak RSS",
                figure=mib,
                unit="MiB",
                target=target,
                detail=f"fresh process, getrusage of the child; it took {seconds:.1f} s",
            )
        )
    return out


def main() -> None:
    args = sys.argv[1:]
    found = run(stages="--stages" in args)
    if "--memory" in args:
        found += run_memory()
    for m in found:
        print(
            f"{m.name}: {m.figure_text()} ({m.detail}); {m.figure / m.target:.2f}× the "
            f"{m.target_text()} target — {'met' if m.met else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
