"""A newcomer's first minutes, as a script: `git clone` of the repository (its committed
HEAD) into a temporary folder, a fresh virtual environment made by the README's install
command (read from the README, so the two cannot drift), then
`tunewise assess profiles/examples/code-generation.toml` there.

Marked `slow` (it installs from the registry): `pytest -m "not slow"` leaves it out locally;
CI runs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "profiles/examples/code-generation.toml"
CODE_BLOCK = re.compile(r"^```(?:sh|bash|console)?\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _readme_commands() -> list[str]:
    """The README's shell code blocks, in order."""
    return [m[1].strip() for m in CODE_BLOCK.finditer((ROOT / "README.md").read_text())]


def _install_command() -> str:
    """The README's first command without its last step, which opens the wizard (on an
    example, by name)."""
    first = _readme_commands()[0]
    assert "\n" not in first, f"the README's first block should be one command line: {first!r}"
    steps = [s.strip() for s in first.split("&&")]
    launch = steps[-1]
    assert re.fullmatch(r"\S*tunewise( open --example [a-z0-9-]+)?", launch), (
        f"it should end by opening the wizard: {first!r}"
    )
    return " && ".join(steps[:-1])


def test_readme_install_command_installs_and_opens_the_wizard() -> None:
    command = _install_command()
    assert "venv" in command and "pip install" in command, command


def test_readme_test_command_is_what_ci_runs() -> None:
    blocks = _readme_commands()
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci" / "run").read_text(), (
        f"the README's test command is not in .ci/run: {test_command}"
    )


def _run(
    command: str | list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        shell=isinstance(command, str),
        executable="/bin/bash" if isinstance(command, str) else None,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.mark.slow
def test_clean_clone_install_and_assess(tmp_path: Path) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")
    }
    # a PATH without the test run's own virtual environment: `python3` is the machine's
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no team price file of the user's
    clone = tmp_path / "tunewise"
    cloned = _run([git, "clone", "--quiet", str(ROOT), str(clone)], tmp_path, env)
    assert cloned.returncode == 0, cloned.stderr
    assert not (clone / ".venv").exists()

    install = _install_command()
    installed = _run(install, clone, env)
    assert installed.returncode == 0, f"`{install}` failed:\n{installed.stderr[-3000:]}"
    exe = clone / ".venv" / "bin" / "tunewise"
    assert exe.exists()

    version = _run([str(exe), "--version"], clone, env)
    assert version.returncode == 0 and version.stdout.startswith("tunewise "), version.stderr

    text = _run([str(exe), "assess", EXAMPLE], clone, env)
    assert text.returncode == 0, text.stderr
    as_json = _run([str(exe), "assess", EXAMPLE, "--format", "json"], clone, env)
    assert as_json.returncode == 0, as_json.stderr
    result = json.loads(as_json.stdout)

    # Guide 003, Example 2: $18,000 up front, $15,000 a month prompting against $2,500 a
    # month fine-tuned: break-even 18,000 ÷ 12,500 = 1.44 months (the guide rounds to 1.4),
    # and fine-tuning is the answer (92% against 70% accuracy at 500K queries a month).
    with (clone / EXAMPLE).open("rb") as fh:
        data = tomllib.load(fh)
    saving = data["prompting"]["inference_monthly_usd"] - data["fine_tuning"]["serving_monthly_usd"]
    months = data["fine_tuning"]["upfront_usd"] / saving
    assert f"{months:.2f}" == "1.44"
    assert result["costs"]["break_even_months"] == round(months, 2)
    assert f"Break-even: {months:.2f} months" in text.stdout
    assert result["recommendation"]["verdict"] == "fine_tuning"
    assert "Recommendation: Fine-tune (" in text.stdout
    (check,) = [c for c in result["guide_checks"] if c["figure"] == "break_even_months"]
    assert check["computed"] == round(months, 2) and check["verdict"] == "agrees"
    assert "Traceback" not in text.stderr + as_json.stderr
