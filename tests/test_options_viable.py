"""An option that cannot be built on the assessment date (a retired model) is warned about in
the report's Warnings, by its name, and never named the cheapest (facts at `assessed_on`)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from tui.cli import main

CARDS = (
    Path(__file__).parents[1] / "profiles" / "examples" / "options" / "guide-000-cost-cards.toml"
)


def assess(path: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), *args]) == 0
    return out.getvalue()


def test_a_retired_models_option_is_never_the_cheapest(tmp_path: Path) -> None:
    # Claude 3.5 Sonnet made the cheapest by a given price of nothing: still left out.
    text = CARDS.read_text(encoding="utf-8")
    text = text.replace(
        "[options.claude.prices]\ninput_usd_per_mtok = 3\noutput_usd_per_mtok = 15",
        "[options.claude.prices]\ninput_usd_per_mtok = 0\noutput_usd_per_mtok = 0",
    )
    assert "output_usd_per_mtok = 0" in text
    cheap = tmp_path / "cards.toml"
    cheap.write_text(text, encoding="utf-8")
    data = json.loads(assess(cheap, "--format", "json"))
    totals = {o["id"]: o["total_at_horizon"] for o in data["options"]}
    assert min(totals, key=lambda k: float("inf" if totals[k] is None else totals[k])) == "claude"
    assert data["cheapest_at_horizon"] != "claude"
    words = " ".join(assess(cheap).split())
    assert "left out, as it cannot be built: Claude 3.5 Sonnet, prompted" in words


def test_option_warnings_are_in_the_warnings_section_by_name() -> None:
    warnings = " ".join(assess(CARDS).split("\nWarnings\n")[1].split("\n\n")[0].split())
    assert "Claude 3.5 Sonnet, prompted: Claude 3.5 Sonnet was retired on 2025-10-28" in warnings
    assert "Llama 3.1 70B, fine-tuned: full fine-tuning of a 70.6B model needs about" in warnings
    assert "about 1 month into the 24-month horizon" in warnings
