"""Benchmarks of issue 2 (not timed tests): prints figures and ratios against targets.

    python tests/benchmarks/bench_engine.py [--runs N]

1. One engine evaluation (inputs and resolved prices in hand): target under 1 ms; at the
   600-month horizon (the allowed maximum) too, and ≤ 1.5× the same inputs at 24 months, both
   for the example as it is and with volume growing and API prices falling (issue 19).
2. `tunewise assess` on an example against the floor script `floor_pydantic.py` on the same
   file (TOML read into three nested pydantic models with Decimal and date fields, validated
   and printed), each run as a fresh process, interleaved after a warm-up, median of N:
   target ≤ 1.3× (issue 19).
3. `tunewise assess` on a token-priced example ÷ on a bill-given one: target ≤ 1.1×.
4. `tunewise --help` against `python -c "import argparse"`: target ≤ 1.5×.

`--instructions` adds valgrind's instruction counts beside each start-up ratio (2–4): they do
not move with the machine's load.

`run()` returns them as `Measurement`s for `tests/benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import timeit
from decimal import Decimal
from pathlib import Path
from typing import Any

from measurement import Measurement, interleaved, median, precompile, wall

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"
TOKEN_EXAMPLE = ROOT / "profiles" / "examples" / "classification-gpt-4o-mini.toml"
TARGET_EVALUATE_US = 1000.0
TARGET_HORIZON_RATIO = 1.5
TARGET_ASSESS_RATIO = 1.30
TARGET_TOKEN_RATIO = 1.10
TARGET_HELP_RATIO = 1.50
LONGEST = 600
"""The longest horizon a profile may ask for (months)."""


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


def _per_call_us(inputs: Any, book: Any, *, number: int, repeat: int) -> list[float]:
    from engine.evaluate import evaluate

    evaluate(inputs, book)
    return [
        t / number * 1e6
        for t in timeit.repeat(lambda: evaluate(inputs, book), number=number, repeat=repeat)
    ]


def run_horizon(*, quick: bool = False) -> list[Measurement]:
    """One evaluation at 600 months against the same inputs at 24, batches interleaved: the
    example as it is (no growth) and growing 3% a month with API prices falling 50% a year."""
    from engine.catalog import load_catalog
    from profiles.files import load_profile

    inputs = load_profile(TOKEN_EXAMPLE).cost_inputs()
    book = load_catalog(user_config=False).resolve(inputs)
    number, repeat = (20, 3) if quick else (200, 7)
    out = []
    cases = {
        "as it is": {},
        "growing": {
            "monthly_growth": Decimal("0.03"),
            "api_price_decline_per_year": Decimal("0.5"),
        },
    }
    for label, change in cases.items():
        per: dict[int, list[float]] = {24: [], LONGEST: []}
        for _ in range(repeat):  # interleaved, so both horizons see the same load
            for months in per:
                workload = inputs.workload.model_copy(update={**change, "horizon_months": months})
                at = inputs.model_copy(update={"workload": workload})
                per[months] += _per_call_us(at, book, number=number, repeat=1)
        short, long = median(per[24]), median(per[LONGEST])
        extra = ": 3% a month, API prices falling 50% a year" if change else ""
        out += [
            Measurement(
                name=f"engine evaluate at {LONGEST} months ({label})",
                figure=long,
                unit="µs",
                target=TARGET_EVALUATE_US,
                strict=True,
                detail=f"{TOKEN_EXAMPLE.name} ({label}{extra}), median of {repeat} batches "
                f"of {number} calls",
            ),
            Measurement(
                name=f"engine evaluate, {LONGEST} ÷ 24 months ({label})",
                figure=long / short,
                unit="ratio",
                target=TARGET_HORIZON_RATIO,
                detail=f"{long:.0f} µs ÷ {short:.0f} µs, batches interleaved",
            ),
        ]
    return out


FLOOR = Path(__file__).with_name("floor_pydantic.py")
"""The floor script: a TOML file read into three nested pydantic models, validated, printed."""


def _instructions(argv: list[str]) -> int:
    """valgrind's instruction count for one run of `argv`: the same on every run, whatever the
    machine's load (PYTHONHASHSEED pinned)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    for line in done.stderr.splitlines():
        if "Collected" in line:
            return int(line.split()[-1])
    raise RuntimeError(f"no instruction count in valgrind's output for {argv[1:]}")


def _against(
    name: str,
    argv: list[str],
    floor_argv: list[str],
    floor_name: str,
    target: float,
    *,
    runs: int,
    instructions: bool,
    about: str,
) -> list[Measurement]:
    """`argv` ÷ `floor_argv` as fresh processes, interleaved after a warm-up (median of
    `runs`); with `instructions`, valgrind's counts for both beside it."""
    times = interleaved(
        {"it": lambda: wall(argv), "floor": lambda: wall(floor_argv)}, repeat=runs, warmup=2
    )
    it, floor = median(times["it"]), median(times["floor"])
    out = [
        Measurement(
            name=f"{name} ÷ {floor_name}",
            figure=it / floor,
            unit="ratio",
            target=target,
            detail=f"{it * 1e3:.0f} ms ÷ {floor * 1e3:.0f} ms, {about}median of {runs}",
        )
    ]
    if instructions:
        it_ir, floor_ir = _instructions(argv), _instructions(floor_argv)
        out.append(
            Measurement(
                name=f"{name} ÷ {floor_name}, instructions (valgrind)",
                figure=it_ir / floor_ir,
                unit="ratio",
                target=target,
                detail=f"{it_ir / 1e6:,.1f}M ÷ {floor_ir / 1e6:,.1f}M instructions",
            )
        )
    return out


def run_assess(
    *, runs: int = 15, quick: bool = False, instructions: bool = False
) -> list[Measurement]:
    """`tunewise assess` against the floor script on the same example (issue 19's floor: issue
    2's `python -c "import pydantic, tomllib"` builds no model, which no program that validates
    can match)."""
    precompile()
    if quick:
        runs = min(runs, 3)
    exe = str(Path(sys.executable).with_name("tunewise"))
    return _against(
        "tunewise assess",
        [exe, "assess", str(EXAMPLE), "--format", "json"],
        [sys.executable, str(FLOOR), str(EXAMPLE)],
        "the pydantic floor script",
        TARGET_ASSESS_RATIO,
        runs=runs,
        instructions=instructions,
        about=f"{EXAMPLE.name}, {FLOOR.name}: TOML into 3 nested models (Decimal, date); ",
    )


def run_help(
    *, runs: int = 15, quick: bool = False, instructions: bool = False
) -> list[Measurement]:
    """`tunewise --help` against `python -c "import argparse"`: the parser without pydantic."""
    precompile()
    if quick:
        runs = min(runs, 3)
    exe = str(Path(sys.executable).with_name("tunewise"))
    return _against(
        "tunewise --help",
        [exe, "--help"],
        [sys.executable, "-c", "import argparse"],
        "python -c 'import argparse'",
        TARGET_HELP_RATIO,
        runs=runs,
        instructions=instructions,
        about="",
    )


def assess_instructions(example: Path) -> int:
    """valgrind's instruction count for one `tunewise assess --format json` of `example`."""
    exe = str(Path(sys.executable).with_name("tunewise"))
    return _instructions([exe, "assess", str(example), "--format", "json"])


def run_token_assess(
    *, runs: int = 15, quick: bool = False, instructions: bool = False
) -> list[Measurement]:
    """`tunewise assess` of a token-priced example ÷ a bill-given one (genai-prices' cost)."""
    precompile()
    if quick:
        runs = min(runs, 3)
    exe = str(Path(sys.executable).with_name("tunewise"))
    times = interleaved(
        {
            name: (lambda e=example: wall([exe, "assess", str(e), "--format", "json"]))
            for name, example in (("token", TOKEN_EXAMPLE), ("bill", EXAMPLE))
        },
        repeat=runs,
        warmup=2,
    )
    token, bill = median(times["token"]), median(times["bill"])
    out = [
        Measurement(
            name="assess, token-priced ÷ bill-given example",
            figure=token / bill,
            unit="ratio",
            target=TARGET_TOKEN_RATIO,
            detail=f"{token * 1e3:.0f} ms ÷ {bill * 1e3:.0f} ms, {TOKEN_EXAMPLE.name} ÷ "
            f"{EXAMPLE.name}, median of {runs}",
        )
    ]
    if instructions:
        token_ir, bill_ir = assess_instructions(TOKEN_EXAMPLE), assess_instructions(EXAMPLE)
        out.append(
            Measurement(
                name="assess, token-priced ÷ bill-given, instructions (valgrind)",
                figure=token_ir / bill_ir,
                unit="ratio",
                target=TARGET_TOKEN_RATIO,
                detail=f"{token_ir / 1e6:,.1f}M ÷ {bill_ir / 1e6:,.1f}M instructions",
            )
        )
    return out


def run(*, runs: int = 15, quick: bool = False, instructions: bool = False) -> list[Measurement]:
    return (
        run_evaluate(quick=quick)
        + run_horizon(quick=quick)
        + run_assess(runs=runs, quick=quick, instructions=instructions)
        + run_token_assess(runs=runs, quick=quick, instructions=instructions)
        + run_help(runs=runs, quick=quick, instructions=instructions)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="few runs, to check it works")
    parser.add_argument("--instructions", action="store_true", help="also valgrind's counts")
    args = parser.parse_args()
    for m in run(runs=args.runs, quick=args.quick, instructions=args.instructions):
        met = "met" if m.met else "MISSED"
        print(f"{m.name}: {m.figure_text()} (target {m.target_text()}, {met}) — {m.detail}")


if __name__ == "__main__":
    main()
