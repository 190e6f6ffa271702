"""The layout's import promises, each checked in a fresh interpreter: `tunewise --help` and a
usage error answer without loading pydantic, `typing` or `decimal`, and `tui.state` (the
headless view-state) loads no Textual or Rich."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CLI_PROBE = """\
import json, sys
from tui.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.__stderr__)
"""


def _probe(code: str, *argv: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    report: dict[str, object] = json.loads(done.stderr.strip().splitlines()[-1])
    return report


HEAVY = ("typing", "decimal", "pydantic")
"""What the verbs' code imports when it runs, and `--help` never needs (issue 19: `--help`
≤ 1.5× `import argparse`)."""


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--help"], 0),
        (["assess"], 2),
        (["assess", "--help"], 0),
        (["diff"], 2),
        (["diff", "--help"], 0),
    ],
)
def test_help_and_a_usage_error_load_no_pydantic_typing_or_decimal(
    argv: list[str], code: int
) -> None:
    report = _probe(CLI_PROBE, *argv)
    assert report["code"] == code
    modules = report["modules"]
    assert isinstance(modules, list)
    assert "tui.cli.parser" in modules
    assert [m for m in modules if m.split(".")[0] in HEAVY] == []


def test_a_verb_that_reads_a_profile_does_load_them() -> None:
    """The probe above sees them when they are loaded (the check can fail)."""
    example = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"
    report = _probe(CLI_PROBE, "show", str(example))
    modules = report["modules"]
    assert report["code"] == 0 and isinstance(modules, list)
    assert [m for m in HEAVY if m in modules] == list(HEAVY)


STATE_PROBE = """\
import importlib, json, pkgutil, sys
import tui.state
imported = ["tui.state"]
for info in pkgutil.walk_packages(tui.state.__path__, prefix="tui.state."):
    importlib.import_module(info.name)
    imported.append(info.name)
print(json.dumps({
    "imported": imported,
    "ui": sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich")),
}), file=sys.stderr)
"""


def test_the_view_state_imports_no_textual_or_rich() -> None:
    report = _probe(STATE_PROBE)
    imported = report["imported"]
    assert isinstance(imported, list)
    assert {"tui.state.form", "tui.state.evaluation", "tui.state.steps.volume"} <= set(imported)
    assert report["ui"] == []


CATALOG_PROBE = """\
import json, sys
from engine.catalog import builtin_data
builtin_data()
print(json.dumps({"code": 0, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def test_the_builtin_catalog_loads_without_importlib_resources() -> None:
    """The shipped catalog is read beside the package: `importlib.resources` would load its
    readers and `zipfile` (memory once the wizard's figures show, issue 19)."""
    modules = _probe(CATALOG_PROBE)["modules"]
    assert isinstance(modules, list) and "engine.catalog.trusted" in modules
    assert [m for m in modules if m.startswith(("importlib.resources", "zipfile"))] == []


def test_assess_loads_one_toml_parser() -> None:
    """The rules' guide text is read with the parser the profile was read with (tomli), not
    the standard library's copy of it as well."""
    example = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"
    report = _probe(CLI_PROBE, "assess", str(example), "--format", "json")
    modules = report["modules"]
    assert report["code"] == 0 and isinstance(modules, list)
    assert "engine.rules.guide_text" in modules and "tomli" in modules
    assert "tomllib" not in modules


def test_an_example_opens_without_listing_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first screen reads its example without `example_names` (whose glob compiles a
    pattern at startup); only an unknown name lists them, for its did-you-mean."""
    from engine.tomlfile import FileError
    from tui import launch

    listed: list[int] = []
    names = launch.example_names

    def counted() -> list[str]:
        listed.append(1)
        return names()

    monkeypatch.setattr(launch, "example_names", counted)
    document = launch.example_document("support-chatbot-50k.toml")
    assert document["workload"]["requests_per_month"] == 50_000 and listed == []
    with pytest.raises(FileError, match="did you mean 'support-chatbot-50k'"):
        launch.example_document("support-chatbot-5k")
    assert listed == [1]


FIRST_SCREEN_PROBE = """\
import sys
from tui.app import make_app
from tui.launch import example_document

app = make_app(example_document("support-chatbot-50k"))
modules = sorted(sys.modules)  # before the probe's own json
import json
print(json.dumps({"modules": modules}), file=sys.__stderr__)
"""

OPTIONS_ONLY = (
    "tui.wizard.options_step",
    "tui.wizard.options_panel",
    "tui.state.option_questions",
    "tui.state.option_figures",
    "tui.state.options",
    "json",
)
"""What only a profile with options, or the options step, needs (issue 19: the first screen
within 1.15× a bare Textual app)."""


def test_the_first_screen_of_a_profile_without_options_loads_no_options_code() -> None:
    modules = _probe(FIRST_SCREEN_PROBE)["modules"]
    assert isinstance(modules, list) and "tui.wizard.screen" in modules
    assert [m for m in OPTIONS_ONLY if m in modules] == []
