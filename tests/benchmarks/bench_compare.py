"""Benchmark (not a test): `tunewise compare` over 1,000 generated profiles, target < 2 s.

Run: `.venv/bin/python tests/benchmarks/bench_compare.py [COUNT]`. Profiles are written with
price and result snapshots (as `tunewise` saves them), so no price data is loaded. Prints the
wall time of the whole command (a fresh process, start-up included; one warm-up run, then the
median of 3) and its ratio to the target. `run()` returns it as a `Measurement` for
`tests/benchmarks/run.py`.
"""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from measurement import Measurement, median, precompile, wall  # noqa: E402

from profiles.files import evaluate_profile, load_profile, save_profile, snapshot  # noqa: E402

TARGET_SECONDS = 2.0


def generate(directory: Path, count: int) -> list[Path]:
    base = load_profile(ROOT / "profiles" / "examples" / "classification-gpt-4o-mini.toml")
    book, _ = evaluate_profile(base)
    paths = []
    for i in range(count):
        workload = base.workload.model_copy(
            update={"requests_per_day": Decimal(1000 + 37 * i), "output_tokens": 50 + i % 200}
        )
        header = base.profile.model_copy(update={"name": f"Variant {i}"})
        profile = base.model_copy(update={"workload": workload, "profile": header, "prices": book})
        _, result = evaluate_profile(profile)
        path = directory / f"p{i:04d}.toml"
        save_profile(snapshot(profile, book, result), path)
        paths.append(path)
    return paths


def run(*, count: int = 1000, runs: int = 3, quick: bool = False) -> list[Measurement]:
    """`tunewise compare` over `count` generated profiles: median wall time of `runs`."""
    precompile()
    if quick:
        count, runs = min(count, 50), 1
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count)
        command = [sys.executable, "-m", "tui.cli", "compare", *map(str, paths)]
        wall(command, cwd=ROOT, ok_codes=(0, 1))  # warm-up
        times = [wall(command, cwd=ROOT, ok_codes=(0, 1)) for _ in range(runs)]
    return [
        Measurement(
            name=f"tunewise compare over {count:,} profiles",
            figure=median(times),
            unit="s",
            target=TARGET_SECONDS,
            strict=True,
            detail=f"median of {', '.join(f'{t:.2f}' for t in times)} s (fresh process)",
        )
    ]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    (m,) = run(count=count)
    print(
        f"tunewise compare over {count} profiles: {m.figure:.2f} s, {m.detail}; "
        f"{m.figure / TARGET_SECONDS:.2f}× the {TARGET_SECONDS:.0f}-second target"
    )


if __name__ == "__main__":
    main()
