"""Benchmark (not a test): `tunewise compare` over 1,000 generated profiles, target < 2 s.

Run: `.venv/bin/python tests/benchmarks/bench_compare.py [COUNT]`. Profiles are written with
price and result snapshots (as `tunewise` saves them), so no price data is loaded. Prints the
wall time of the whole command (a fresh process, start-up included) and its ratio to the target.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count)
        command = [sys.executable, "-m", "tui.cli", "compare", *map(str, paths)]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
            runs.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                sys.exit(f"compare failed: {done.stderr.decode()[:300]}")
        best = min(runs)
        print(
            f"tunewise compare over {count} profiles: best {best:.2f} s of "
            f"{', '.join(f'{r:.2f}' for r in runs)} s; {best / TARGET_SECONDS:.2f}× the "
            f"{TARGET_SECONDS:.0f}-second target ({len(done.stdout.splitlines())} lines out)"
        )


if __name__ == "__main__":
    main()
