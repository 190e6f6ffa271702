"""What every benchmark returns, and the timing method they share.

A `Measurement` is one figure with its unit, its target and whether the target is met. The
method is hyperfine's: warm-up runs first (file cache, `.pyc` files), then the commands being
compared run interleaved, one run each in turn, so both see the same machine load; the figure
is the median.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

ROOT = Path(__file__).resolve().parents[2]

T = TypeVar("T")


def precompile() -> None:
    """Write tunewise's `.pyc` files, as an install does, so that no measured run compiles
    source (an environment with PYTHONDONTWRITEBYTECODE set would otherwise compile every
    changed module in every run and charge it to tunewise)."""
    for package in ("engine", "profiles", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


@dataclass(frozen=True)
class Measurement:
    """One benchmark figure against its target."""

    name: str
    """What was measured, e.g. "tunewise assess ÷ python -c 'import pydantic, tomllib'"."""
    figure: float
    unit: str
    """"ratio" for a ratio (×), else a time unit: "µs", "ms" or "s"."""
    target: float
    """The figure must stay at or under this (`strict`: under)."""
    detail: str = ""
    """The raw times behind a ratio, the run count: what a reader needs to trust the figure."""
    strict: bool = False

    @property
    def met(self) -> bool:
        return self.figure < self.target if self.strict else self.figure <= self.target

    @property
    def comparison(self) -> Literal["<", "≤"]:
        return "<" if self.strict else "≤"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["met"] = self.met
        data["comparison"] = "<" if self.strict else "<="
        del data["strict"]
        return data

    def figure_text(self) -> str:
        return _fmt(self.figure, self.unit)

    def target_text(self) -> str:
        return f"{self.comparison} {_fmt(self.target, self.unit)}"


def _fmt(value: float, unit: str) -> str:
    if unit == "ratio":
        return f"{value:.2f}×"
    digits = 0 if value >= 100 else 1 if value >= 10 else 2
    return f"{value:.{digits}f} {unit}"


def wall(argv: Sequence[str], *, ok_codes: tuple[int, ...] = (0,), **kwargs: Any) -> float:
    """Seconds for one run of `argv` as a fresh process (output discarded); fails loudly."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kwargs)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok_codes:
        raise RuntimeError(f"{argv[0]} exited {done.returncode}: {done.stderr.decode()[:300]}")
    return elapsed


def interleaved(
    runs: Mapping[str, Callable[[], T]], *, repeat: int, warmup: int = 1
) -> dict[str, list[T]]:
    """Call each timing function `warmup` times, then `repeat` times in turn; all the times."""
    for _ in range(warmup):
        for timed in runs.values():
            timed()
    times: dict[str, list[T]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, timed in runs.items():
            times[name].append(timed())
    return times


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
