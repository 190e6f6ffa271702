"""The benchmark runner's output shape (never its figures: speed is checked by the runner)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

RUNNER = Path(__file__).parent / "benchmarks" / "run.py"
MEASUREMENT_KEYS = {"name", "figure", "unit", "target", "comparison", "met", "detail"}


def _runner(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_runner", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_quick_engine_run_prints_every_figure_with_its_target_as_json() -> None:
    done = _runner("--quick", "--json", "--only", "engine")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    assert set(data) >= {"date", "machine", "quick", "benchmarks", "all_met"}
    assert data["quick"] is True
    assert {"cpu", "cpus", "python", "platform"} <= set(data["machine"])
    (bench,) = data["benchmarks"]
    assert bench["key"] == "engine"
    assert bench["status"] == "ok"
    assert bench["measurements"], "the engine benchmark measured nothing"
    for m in bench["measurements"]:
        assert set(m) >= MEASUREMENT_KEYS
        assert isinstance(m["figure"], float) and m["figure"] > 0
        assert isinstance(m["target"], float) and m["target"] > 0
        assert m["unit"] in {"ratio", "µs", "ms", "s"}
        assert m["comparison"] in {"<", "<="}
        met = m["figure"] < m["target"] if m["comparison"] == "<" else m["figure"] <= m["target"]
        assert m["met"] is met
    assert data["all_met"] is all(m["met"] for m in bench["measurements"])


def test_table_names_each_figure_target_and_status() -> None:
    done = _runner("--quick", "--only", "engine")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("tunewise benchmarks, ")
    row = next(line for line in lines if "engine evaluate" in line)
    assert "µs" in row and "< 1000 µs" in row
    assert row.rstrip().endswith(("met", "MISSED"))


def test_unknown_benchmark_is_one_line_error() -> None:
    done = _runner("--only", "nonsense")
    assert done.returncode == 2
    assert "unknown benchmark nonsense" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_listed_benchmark_module_exists_or_reports_missing() -> None:
    runner = _load_runner()
    absent = runner.Benchmark("absent", "a benchmark not written yet", "bench_absent", "run")
    outcome = runner.run_one(absent, quick=True)
    assert outcome.status == "missing"
    assert "bench_absent.py does not exist yet" in outcome.message
    assert outcome.as_dict()["measurements"] == []
    for bench in runner.BENCHMARKS:
        if bench.key == "simulation":
            continue  # another piece of work adds it; until then it reports "missing"
        assert (RUNNER.parent / f"{bench.module}.py").exists(), bench.module


@pytest.mark.parametrize(
    ("item", "met"),
    [
        ({"name": "n", "figure": 2.0, "unit": "s", "target": 2.0, "met": False}, False),
        ({"name": "n", "figure": 2.0, "unit": "s", "target": 2.0, "met": True}, True),
        ({"name": "n", "figure": 3.0, "unit": "ms", "target": 2.0}, False),
    ],
)
def test_measurements_from_other_modules_keep_their_verdict(
    item: dict[str, Any], met: bool
) -> None:
    runner = _load_runner()
    assert runner._coerce(item).met is met


def test_a_benchmark_gets_only_the_options_it_takes() -> None:
    runner = _load_runner()
    seen: list[dict[str, bool]] = []

    def both(*, quick: bool = False, instructions: bool = False) -> list[Any]:
        seen.append({"quick": quick, "instructions": instructions})
        return []

    def quick_only(*, quick: bool = False) -> list[Any]:
        seen.append({"quick": quick})
        return []

    def neither() -> list[Any]:
        seen.append({})
        return []

    for function in (both, quick_only, neither):
        runner._call(function, True, True)
    assert seen == [{"quick": True, "instructions": True}, {"quick": True}, {}]
