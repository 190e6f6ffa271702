"""`tunewise --help` loads no more than argparse needs (issue 19: ≤ 1.5× `import argparse`):
neither pydantic nor `typing` and `decimal`, which the verbs' code imports when it runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """\
import json, sys
from tui.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.__stderr__)
"""
HEAVY = ("typing", "decimal", "pydantic")


def _modules(*argv: str) -> tuple[object, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], list(report["modules"])


@pytest.mark.parametrize("argv", [["--help"], ["diff", "--help"], ["assess"]])
def test_help_and_usage_errors_import_no_typing_decimal_or_pydantic(argv: list[str]) -> None:
    code, modules = _modules(*argv)
    assert code in (0, 2)
    assert "tui.cli.parser" in modules
    assert [m for m in HEAVY if m in modules] == []


def test_the_probe_sees_them_when_a_verb_runs() -> None:
    example = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"
    code, modules = _modules("show", str(example))
    assert code == 0
    assert [m for m in HEAVY if m in modules] == list(HEAVY)
