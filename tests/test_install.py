"""Install paths: the built wheel carries its data and works from outside the repository;
`--help` of every verb has examples.

The wheel test (marked `slow`: `pytest -m "not slow"` leaves it out locally; CI runs it)
builds a wheel from a copy of the working tree, checks what it carries, installs its
dependencies into a fresh virtual environment, then installs the wheel itself with
`--no-index` (offline, once the dependencies are present) and runs it from a folder outside
the repository, so every file it reads comes from the installed package.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TUNEWISE = Path(sys.executable).with_name("tunewise")
PACKAGES = ("engine", "profiles", "tui")
EXAMPLES_HEADING = re.compile(r"^(?=\S).*\bexamples?\b.*:$")
"""`examples:` or the like ("commands, one example each:"), at the start of a line."""


def _verbs() -> list[str]:
    from tui.cli.parser import parser as build

    parser = build()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def _run(
    argv: Sequence[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=cwd,
        env=env,
    )


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """The environment with nothing that points at the repository or the dev venv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")
    }
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no team price file of the user's
    env["COLUMNS"] = "80"
    return env


# -- help ------------------------------------------------------------------------------------


def test_there_are_verbs() -> None:
    assert {"assess", "prices", "diff", "compare", "show", "examples", "new"} <= set(_verbs())


@pytest.mark.parametrize("verb", [None, *_verbs()])
def test_help_has_examples_and_fits_80_columns(verb: str | None, tmp_path: Path) -> None:
    argv: list[str | Path] = [TUNEWISE, *([verb] if verb else []), "--help"]
    done = _run(argv, env=_clean_env(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    headings = [i for i, line in enumerate(lines) if EXAMPLES_HEADING.match(line)]
    assert headings, f"`tunewise {verb or ''} --help` has no examples section:\n{done.stdout}"
    shown = [line for line in lines[headings[0] + 1 :] if line.startswith("  tunewise")]
    assert shown, f"the examples section shows no command:\n{done.stdout}"
    too_wide = [line for line in done.stdout.splitlines() if len(line) > 80]
    assert not too_wide, f"wider than 80 columns: {too_wide}"


def test_version_is_the_package_version(tmp_path: Path) -> None:
    from engine import __version__

    done = _run([TUNEWISE, "--version"], env=_clean_env(tmp_path), cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"tunewise {__version__}"


# -- the wheel -------------------------------------------------------------------------------


def _copy_tree(dest: Path) -> Path:
    """The working tree's files (tracked and new, not ignored), so a build writes nothing
    into the repository."""
    listed = _run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT)
    if listed.returncode != 0:
        pytest.skip(f"git cannot list the working tree: {listed.stderr.strip()}")
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _can_build_offline() -> bool:
    """setuptools new enough for pyproject and able to build wheels, in this interpreter."""
    try:
        found = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    version = tuple(int(p) for p in re.findall(r"\d+", found)[:2])
    if version >= (70, 1):
        return True
    return version >= (69, 0) and importlib.util.find_spec("wheel") is not None


def _build_wheel(source: Path, out: Path) -> Path:
    argv: list[str | Path] = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", out]
    if _can_build_offline():
        argv.append("--no-build-isolation")
    done = _run([*argv, source], cwd=source)
    assert done.returncode == 0, f"wheel build failed:\n{done.stdout[-2000:]}\n{done.stderr}"
    (wheel,) = out.glob("tunewise-*.whl")
    return wheel


def _requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = zf.read(name).decode()
    return [
        line.split(":", 1)[1].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]


def _site_file(python: Path, module: str, cwd: Path) -> Path:
    done = _run([python, "-c", f"import {module}; print({module}.__file__)"], cwd=cwd)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip())


WIZARD_SMOKE = """
import asyncio
from tui.app import make_app
from tui.launch import example_document

async def main():
    app = make_app(example_document("support-chatbot-50k"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(type(app.screen).__name__, len(app.stylesheet.rules))

asyncio.run(main())
"""


@pytest.mark.slow
def test_wheel_carries_its_data_and_runs_offline_outside_the_repo(tmp_path: Path) -> None:
    wheel = _build_wheel(_copy_tree(tmp_path / "src"), tmp_path / "dist")

    # What the wheel carries: every package, the catalog, the examples, the styles.
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    expected = {"engine/data/catalog.toml"}
    expected |= {f"profiles/examples/{p.name}" for p in (ROOT / "profiles/examples").glob("*.toml")}
    options = (ROOT / "profiles/examples/options").glob("*.toml")
    expected |= {f"profiles/examples/options/{p.name}" for p in options}
    expected |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "tui").rglob("*.tcss")}
    expected |= {
        p.relative_to(ROOT).as_posix()
        for top in PACKAGES
        for p in (ROOT / top).rglob("__init__.py")
        if ".venv" not in p.parts
    }
    assert any(n.startswith("tui/") and n.endswith(".tcss") for n in expected)
    assert len([n for n in expected if n.startswith("profiles/examples/")]) >= 10
    missing = sorted(expected - names)
    assert not missing, f"the wheel lacks {missing}"
    assert not [n for n in names if n.startswith(("tests/", "build/"))]

    # A fresh environment: the dependencies first (from the registry, or pip's cache) ...
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    exe = env_dir / "bin" / "tunewise"
    deps = _run([python, "-m", "pip", "install", "-q", *_requirements(wheel)])
    if deps.returncode != 0:
        pytest.skip(f"could not install the dependencies (no registry?): {deps.stderr[-500:]}")
    # ... then the wheel with no index at all: offline once the dependencies are present.
    offline = _run(
        [python, "-m", "pip", "install", "--no-index", "--find-links", wheel.parent, "tunewise"]
    )
    assert offline.returncode == 0, offline.stderr

    # Everything comes from the installed package, not the repository.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    site = env_dir.resolve()
    for module in ("engine", "profiles.examples", "tui.app"):
        assert site in _site_file(python, module, outside).resolve().parents, module

    env = _clean_env(tmp_path)
    from engine import __version__

    version = _run([exe, "--version"], cwd=outside, env=env)
    assert version.returncode == 0 and version.stdout.strip() == f"tunewise {__version__}"

    listed = _run([exe, "examples"], cwd=outside, env=env)
    assert listed.returncode == 0 and "code-generation" in listed.stdout, listed.stderr

    example = _site_file(python, "profiles.examples", outside).parent / "code-generation.toml"
    assessed = _run([exe, "assess", example, "--format", "json"], cwd=outside, env=env)
    assert assessed.returncode == 0, assessed.stderr
    costs = json.loads(assessed.stdout)["costs"]
    with (ROOT / "profiles/examples/code-generation.toml").open("rb") as fh:
        data = tomllib.load(fh)
    saving = data["prompting"]["inference_monthly_usd"] - data["fine_tuning"]["serving_monthly_usd"]
    assert costs["break_even_months"] == round(data["fine_tuning"]["upfront_usd"] / saving, 2)

    copied = _run(
        [exe, "new", "--from-example", "support-chatbot-10k", "mine.toml"], cwd=outside, env=env
    )
    assert copied.returncode == 0, copied.stderr
    mine = _run([exe, "assess", "mine.toml"], cwd=outside, env=env)
    assert mine.returncode == 0 and "Break-even" in mine.stdout, mine.stderr

    prices = _run([exe, "prices", "a100"], cwd=outside, env=env)  # the packaged catalog.toml
    assert prices.returncode == 0 and prices.stdout.strip(), prices.stderr

    for verb in [None, *_verbs()]:
        helped = _run([exe, *([verb] if verb else []), "--help"], cwd=outside, env=env)
        assert helped.returncode == 0, (verb, helped.stderr)

    # The wizard starts with the packaged styles (a missing .tcss fails at start-up).
    smoke = _run([python, "-c", WIZARD_SMOKE], cwd=outside, env=env)
    assert smoke.returncode == 0, smoke.stderr[-2000:]
    screen, rules = smoke.stdout.split()
    assert screen == "WizardScreen" and int(rules) > 0


def _tool_from_registry(tool: str, venv: Path) -> str:
    """`tool` installed into a venv of its own from the registry (CI has one, no pipx or uv)."""
    made = _run([sys.executable, "-m", "venv", venv], cwd=venv.parent)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    got = _run([python, "-m", "pip", "install", "-q", tool], cwd=venv.parent)
    if got.returncode != 0:
        pytest.skip(f"no {tool}, and the registry is out of reach: {got.stderr[-300:]}")
    return str(venv / "bin" / tool)


@pytest.mark.slow
@pytest.mark.parametrize("tool", ["pipx", "uv"])
def test_tool_install_from_the_source_tree(tool: str, tmp_path: Path) -> None:
    """`pipx install .` / `uv tool install .` put a working `tunewise` on the PATH."""
    found = shutil.which(tool) or _tool_from_registry(tool, tmp_path / f"{tool}-venv")
    source = _copy_tree(tmp_path / "src")
    env = _clean_env(tmp_path)
    bin_dir = tmp_path / "bin"
    env |= {
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(bin_dir),
        "UV_TOOL_DIR": str(tmp_path / "uv-tools"),
        "UV_TOOL_BIN_DIR": str(bin_dir),
    }
    argv: list[str | Path] = (
        [found, "install", source] if tool == "pipx" else [found, "tool", "install", source]
    )
    done = _run(argv, env=env, cwd=tmp_path)
    if done.returncode != 0 and re.search(r"(?i)network|connect|resolve|offline", done.stderr):
        pytest.skip(f"{tool} could not reach a registry: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr
    exe = bin_dir / "tunewise"
    assessed = _run([exe, "assess", "--help"], env=env, cwd=tmp_path)
    assert assessed.returncode == 0 and "examples:" in assessed.stdout
    listed = _run([exe, "examples"], env=env, cwd=tmp_path)
    assert listed.returncode == 0 and "code-generation" in listed.stdout
