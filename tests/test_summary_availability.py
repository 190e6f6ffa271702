"""The summary says when fine-tuning is closed where it would be built (a retired base model,
an offering closed to new users): a meeting should not read 'pays back in 9.6 months' and miss
that it cannot be built. Short: the sources stay in Why."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from tui.cli import main

EXAMPLES = Path(__file__).parents[1] / "profiles" / "examples"


def summary(name: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(EXAMPLES / name)]) == 0
    return " ".join(out.getvalue().split("\nSummary\n")[1].split("\n\n")[0].split())


def test_a_closed_offering_and_a_retired_base_model_are_in_the_summary() -> None:
    text = summary("support-chatbot-50k.toml")
    assert (
        "Availability: GPT-3.5 Turbo was retired on 2026-10-23, replaced by "
        "GPT-4.1 mini; fine-tuning on OpenAI is closed to new users since 2026-05-07; "
        "alternatives: GPT-4.1 on Azure OpenAI." in text
    )
    assert "deprecations page" not in text  # the sources are Why's


def test_an_open_offering_adds_nothing() -> None:
    assert "Availability" not in summary("options/guide-003-model-routing.toml")
