"""The real `tunewise` binary on a user's own case (issue 13), in tmux at 80×24: a blank start
dated today, the invoice-extraction case typed by keyboard, the panel's figures read off the
screen and checked against a hand calculation from the catalog's prices, then saved."""

from __future__ import annotations

import os
import shlex
import subprocess
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from engine.catalog import load_catalog
from engine.money import usd
from tests.test_tmux import STARTUP_TIMEOUT, STEP_TIMEOUT, TMUX, TUNEWISE, Pane

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)"),
    pytest.mark.skipif(not TUNEWISE.exists(), reason=f"no tunewise script at {TUNEWISE}"),
]
MILLION = Decimal(1_000_000)


def expected_figures(on: date) -> tuple[str, str]:
    """The panel's first line for the invoice case, by hand from the catalog's prices."""
    catalog = load_catalog()
    gpt = catalog.base_prices("openai:gpt-4.1", on, "prompting.model")
    azure = catalog.base_prices("azure:gpt-4.1", on, "fine_tuning.base_model")
    fee = catalog.hosting_hourly("azure:gpt-4.1", "fine_tuning.serving").usd
    training = catalog.training_quote("azure:gpt-4.1", "t").per_mtok.usd
    requests = Decimal(4000 * 30)
    prompting = requests * (1500 * gpt.input.usd + 300 * gpt.output.usd) / MILLION
    served = requests * (1100 * azure.input.usd + 300 * azure.output.usd) / MILLION + 720 * fee
    upfront = Decimal(2000 * 1500 * 3) * training / MILLION
    # Training alone: the upfront parts not typed count $0, so the panel calls it partial.
    return (
        f"Prompting {usd(prompting)}/mo",
        f"Fine-tuning {usd(upfront)} once (partial) + {usd(served)}/mo",
    )


def test_the_invoice_case_from_a_blank_start_in_tmux(tmp_path: Path) -> None:
    from profiles.files import load_profile

    work = tmp_path / "work"
    work.mkdir()
    script = tmp_path / "run.sh"
    script.write_text(
        f"#!/bin/sh\ncd {shlex.quote(str(work))}\n{shlex.quote(str(TUNEWISE))}\nsleep 600\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX") and k != "NO_COLOR"}
    env |= {
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    today = date.today()
    prompting, fine_tuning = expected_figures(today)
    pane = Pane(f"tunewise-own-{uuid.uuid4().hex[:8]}", env)
    pane.tmux("new-session", "-d", "-s", "tw", "-x", "80", "-y", "24", str(script))

    def step(title: str) -> None:
        pane.keys("C-n")
        pane.wait_for(title, lambda s: title in s.splitlines()[0], STEP_TIMEOUT)

    def answer(text: str, shown: str | None = None) -> None:
        pane.text(text)
        pane.wait_for(repr(text), lambda s: (shown or text) in s, STEP_TIMEOUT)

    try:
        first = pane.wait_for(
            "what to answer", lambda s: "To cost this, answer:" in s, STARTUP_TIMEOUT
        )
        assert today.isoformat() in first and "$" not in first
        answer("Invoice field extraction")
        for title in ("Prompting evidence", "Knowledge or behaviour", "Data"):
            step(title)
        answer("2000")
        step("Volume and tokens")
        pane.keys("Tab")  # requests a month → a day
        answer("4000")
        pane.keys("Tab", "Tab", "Tab")  # past the two yes/no questions
        for tokens in ("300", "400"):
            answer(tokens)
            pane.keys("Tab")
        pane.keys("Tab")  # no retrieved context
        answer("800")
        pane.keys("Tab")
        answer("300", "Output tokens")
        pane.keys("Tab")
        answer("2%")
        step("Models and prices")
        answer("openai:gpt-4.1")
        pane.keys("Tab", "Tab", "Tab", "Tab")  # bill, cached share, fixed costs
        answer("azure:gpt-4.1")
        pane.keys("Tab", "Tab", "Tab")  # method, serving bill → serving priced by
        pane.keys("Right", "Right")  # tokens + hourly deployment fee: the fee is costed
        pane.wait_for("hourly serving", lambda s: "unknown once" in s, STEP_TIMEOUT)
        step("Fine-tuning costs")
        answer("1500")
        screen = pane.wait_for(
            "the figures", lambda s: prompting in s and fine_tuning in s, STEP_TIMEOUT
        )
        assert "given" not in screen

        pane.keys("C-s")
        pane.wait_for("the save dialog", lambda s: "Save profile as" in s, STEP_TIMEOUT)
        pane.replace_input("invoices.toml")
        pane.keys("Enter")
        saved = work / "invoices.toml"
        pane.wait_for("saved", lambda s: "Saved to" in s and saved.exists(), STEP_TIMEOUT)
    finally:
        subprocess.run([*pane.base, "kill-server"], env=env, capture_output=True, check=False)
    profile = load_profile(saved)
    assert profile.profile.assessed_on == today
    assert profile.data.labelled_examples == 2000
    assert profile.result is not None and profile.result.costs.finetune_upfront is not None
