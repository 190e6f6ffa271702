"""Every benchmark of tunewise in one run: each figure with its target and whether it is met.

    python tests/benchmarks/run.py                  # the full set, a table
    python tests/benchmarks/run.py --json           # the same, for machines
    python tests/benchmarks/run.py --quick --only engine,assess
    python tests/benchmarks/run.py --only first-screen --instructions   # with valgrind

The benchmarks live in the `bench_*.py` modules beside this file (each also runs on its own);
this runner imports them and calls their `run(...)` functions, which return `Measurement`s.
Timing follows hyperfine: warm-up runs, commands being compared interleaved, medians (the
first screen's ratio is of the fastest runs, the medians' beside it: see bench_tui.py).
Speed targets are checked here, by figures and ratios, never by timed tests.

Exit status: 0 when every benchmark ran (targets met or not; `--strict`: all met), 1 when a
target was missed under `--strict`, 2 when a benchmark failed to run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import inspect
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for _path in (str(HERE), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from measurement import Measurement  # noqa: E402


@dataclass(frozen=True)
class Benchmark:
    key: str
    """The name `--only` takes."""
    title: str
    module: str
    function: str


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark("engine", "engine evaluate, per call", "bench_engine", "run_evaluate"),
    Benchmark("horizon", "engine evaluate at 600 months against 24", "bench_engine", "run_horizon"),
    Benchmark(
        "assess", "tunewise assess against the pydantic floor script", "bench_engine", "run_assess"
    ),
    Benchmark(
        "assess-token",
        "tunewise assess, a token-priced example against a bill-given one",
        "bench_engine",
        "run_token_assess",
    ),
    Benchmark("help", "tunewise --help against import argparse", "bench_engine", "run_help"),
    Benchmark("first-screen", "first screen against a bare app", "bench_tui", "run_first_screen"),
    Benchmark(
        "first-screen-memory", "first screen's memory against a bare app", "bench_memory", "run"
    ),
    Benchmark("keystroke", "keystroke to updated cost panel", "bench_tui", "run_keystroke"),
    Benchmark("typing", "20,000 characters typed at once into an answer", "bench_typing", "run"),
    Benchmark("compare", "tunewise compare over 1,000 profiles", "bench_compare", "run"),
    Benchmark("simulation", "Monte Carlo: 10,000 and 1,000,000 samples", "bench_simulation", "run"),
    Benchmark(
        "simulation-memory",
        "tunewise assess --samples 1M and 10M: peak RSS",
        "bench_simulation",
        "run_memory",
    ),
    Benchmark(
        "typing",
        "typing at 110 and 160 ms a key into a ranged profile",
        "bench_tui",
        "run_typing",
    ),
)
KEYS = tuple(b.key for b in BENCHMARKS)


@dataclass
class Outcome:
    """What one benchmark gave: its measurements, or why there are none."""

    benchmark: Benchmark
    status: str = "ok"
    """"ok", "missing" (no such module yet), "unstructured" (a script without `run()`:
    its printed output is kept) or "error"."""
    measurements: list[Measurement] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.benchmark.key,
            "title": self.benchmark.title,
            "status": self.status,
            "message": self.message,
            "seconds": round(self.seconds, 3),
            "measurements": [m.as_dict() for m in self.measurements],
        }


def _coerce(item: Any) -> Measurement:
    """A `Measurement`, or anything shaped like one (another module's class, a dict)."""
    if isinstance(item, Measurement):
        return item
    get: Callable[[str], Any] = item.get if isinstance(item, dict) else item.__dict__.get
    figure, target = float(get("figure")), float(get("target"))
    met = get("met")
    if met is None and hasattr(item, "met"):
        met = item.met
    strict = get("strict")
    if strict is None:  # infer it from the verdict given: met only strictly under the target
        strict = met is not None and not met and figure <= target
    return Measurement(
        name=str(get("name")),
        figure=figure,
        unit=str(get("unit")),
        target=target,
        detail=str(get("detail") or ""),
        strict=bool(strict),
    )


def _call(function: Callable[..., Any], quick: bool, instructions: bool = False) -> Any:
    """Call a benchmark's `run`, with the options it takes (`quick`, `instructions`)."""
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        parameters = {}  # type: ignore[assignment]
    options = {"quick": quick, "instructions": instructions}
    return function(**{name: value for name, value in options.items() if name in parameters})


def run_one(benchmark: Benchmark, *, quick: bool, instructions: bool = False) -> Outcome:
    outcome = Outcome(benchmark)
    start = time.perf_counter()
    script = HERE / f"{benchmark.module}.py"
    try:
        if not script.exists():
            outcome.status = "missing"
            outcome.message = f"{script.relative_to(ROOT)} does not exist yet"
            return outcome
        module = importlib.import_module(benchmark.module)
        function = getattr(module, benchmark.function, None)
        if function is None:
            outcome.status = "unstructured"
            outcome.message = _script_output(script, quick=quick)
            return outcome
        outcome.measurements = [_coerce(m) for m in _call(function, quick, instructions)]
    except Exception as exc:
        outcome.status = "error"
        lines = traceback.format_exception_only(exc)
        outcome.message = lines[-1].strip()
    finally:
        outcome.seconds = time.perf_counter() - start
    return outcome


def _script_output(script: Path, *, quick: bool) -> str:
    """A benchmark script without `run()`: run it as its author meant and keep what it says."""
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    text = (done.stdout or done.stderr).strip()
    note = f"{script.name} has no `run()` returning Measurements; its output:"
    return f"{note}\n{text}" if text else f"{note} (none, exit {done.returncode})"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "load_average_1m": round(load[0], 2) if load else None,
        "python": platform.python_version(),
    }


def report(outcomes: Sequence[Outcome], *, quick: bool) -> dict[str, Any]:
    measured = [m for o in outcomes for m in o.measurements]
    return {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "quick": quick,
        "benchmarks": [o.as_dict() for o in outcomes],
        "all_met": bool(measured) and all(m.met for m in measured),
    }


def table(outcomes: Sequence[Outcome], data: dict[str, Any]) -> str:
    m = data["machine"]
    head = (
        f"tunewise benchmarks, {data['date']}: {m['cpu']}, {m['cpus']} CPUs, "
        f"load {m['load_average_1m']}, Python {m['python']}"
    )
    if data["quick"]:
        head += " (--quick: few runs, figures are rough)"
    lines = [head, "", f"  {'benchmark':<52}{'figure':>9}{'target':>12}  status"]
    for o in outcomes:
        if o.status != "ok":
            lines.append(f"  {o.benchmark.title:<52}{'':>9}{'':>12}  {o.status}")
            lines += [f"      {line}" for line in o.message.splitlines()]
            continue
        for x in o.measurements:
            status = "met" if x.met else "MISSED"
            lines.append(f"  {x.name[:51]:<52}{x.figure_text():>9}{x.target_text():>12}  {status}")
            if x.detail:
                lines.append(f"      {x.detail}")
    return "\n".join(lines)


def _in_project_venv() -> None:
    """`python tests/benchmarks/run.py` from a Python outside any virtual environment: re-run
    under the project's `.venv`, whose `tunewise` the benchmarks time, when there is one."""
    venv_python = ROOT / ".venv" / "bin" / "python"
    if sys.prefix == sys.base_prefix and venv_python.exists():
        os.execv(venv_python, [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="benchmarks: " + ", ".join(KEYS),
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--quick", action="store_true", help="few runs: to check it works")
    parser.add_argument(
        "--only", metavar="NAMES", help="comma-separated benchmarks to run (default: all)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count instructions under valgrind: the first screen, assess, --help",
    )
    args = parser.parse_args(argv)
    chosen = list(BENCHMARKS)
    if args.only:
        wanted = [k.strip() for k in args.only.split(",") if k.strip()]
        unknown = [k for k in wanted if k not in KEYS]
        if unknown:
            parser.error(f"unknown benchmark {', '.join(unknown)} (known: {', '.join(KEYS)})")
        chosen = [b for b in BENCHMARKS if b.key in wanted]
    outcomes = []
    for benchmark in chosen:
        if not args.json:
            print(f"running {benchmark.key}…", file=sys.stderr, flush=True)
        with contextlib.redirect_stdout(sys.stderr):  # stdout carries the table or JSON only
            outcomes.append(run_one(benchmark, quick=args.quick, instructions=args.instructions))
    data = report(outcomes, quick=args.quick)
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else table(outcomes, data))
    if any(o.status == "error" for o in outcomes):
        return 2
    if args.strict and not data["all_met"]:
        return 1
    return 0


if __name__ == "__main__":
    _in_project_venv()
    sys.exit(main())
