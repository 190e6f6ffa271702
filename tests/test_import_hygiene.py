"""`engine` and `profiles` never import the UI: checked in a fresh interpreter, and by
import-linter's contract in `pyproject.toml` when it is installed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UI = ("textual", "rich", "tui")

PROBE = """\
import importlib, json, pkgutil, sys
imported = []
for name in ("engine", "profiles"):
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, prefix=name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({
    "imported": imported,
    "ui": sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "tui")),
}))
"""


def test_importing_every_engine_and_profiles_module_loads_no_ui() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {"engine.evaluate", "engine.catalog.catalog", "profiles.report"} <= set(
        report["imported"]
    )
    assert report["ui"] == []


LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.mark.skipif(
    not LINT_IMPORTS.exists() and shutil.which("lint-imports") is None,
    reason="import-linter is not installed",
)
def test_import_linter_contract_holds() -> None:
    command = str(LINT_IMPORTS) if LINT_IMPORTS.exists() else "lint-imports"
    done = subprocess.run(
        [command, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The headless core never imports the UI KEPT" in done.stdout
