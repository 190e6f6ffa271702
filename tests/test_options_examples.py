"""Issue 18 item 6: the guides' examples with several options, shipped like the others, their
figures checked against a hand calculation and their notes saying where the guide is wrong."""

from __future__ import annotations

import contextlib
import io
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from profiles.examples import example_files
from tui.cli import main

ROOT = Path(__file__).parents[1]
OPTIONS = ROOT / "profiles" / "examples" / "options"


def assess(name: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(OPTIONS / f"{name}.toml"), "--format", "json"]) == 0
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["id"]: o for o in (data["baseline"], *data["options"])}


def test_every_options_example_is_shipped_and_listed() -> None:
    names = {p.stem for p in OPTIONS.glob("*.toml")}
    assert {"guide-000-cost-cards", "guide-003-model-routing", "medical-options-2026"} <= names
    assert names <= set(example_files())
    with (ROOT / "pyproject.toml").open("rb") as fh:
        data = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["profiles.examples"]
    assert "options/*.toml" in data


def test_guide_000_cost_cards_recomputed() -> None:
    data = assess("guide-000-cost-cards")
    o = by_id(data)
    # GPT-4o: 100,000 req × 1,000 tok × $2.50/1M = $250; × 50,000 tok × $10/1M = $50,000.
    assert o["baseline"]["monthly"] == 50_250
    # Claude 3.5 Sonnet: 100M tok × $3/1M = $300; 5B tok × $15/1M = $75,000.
    assert o["claude"]["monthly"] == 75_300
    # Not the card's one A10G (24 GB cannot hold 141 GB of weights): 2 × A100 80GB.
    assert o["llama70b"]["monthly"] == 1913.6  # 2 × $1.19 × 720 h + $200 overhead
    # Llama 3.1 8B: 8 × $4 × 2 h = $64 + 20 h × $100 = $2,064; $500 + $200 a month.
    assert (o["fine_tuning"]["upfront"], o["fine_tuning"]["monthly"]) == (2064, 700)
    # Llama 3.1 70B: 8 × $4 × 24 h = $768 + 80 h × $100 = $8,768; $2,000 + $500 a month.
    assert (o["ft70b"]["upfront"], o["ft70b"]["monthly"]) == (8768, 2500)
    # $2,064 ÷ ($50,250 - $700) = 0.0417 months.
    assert o["fine_tuning"]["break_even_months"] == pytest.approx(0.04, abs=0.005)
    # The GPU-fit warning: full fine-tuning of 70.6B × 18 GB = 1,271 GB > 8 × 80 GB.
    codes = [w["code"] for w in o["ft70b"]["warnings"]]
    assert "gpu_too_small" in codes
    assert "1,271 GB" in o["ft70b"]["warnings"][codes.index("gpu_too_small")]["message"]
    own = [w for w in data["warnings"] if not (w["field"] or "").startswith("options.")]
    assert "gpu_too_small" not in [w["code"] for w in own]  # 8B: ~145 GB fits
    # The costs block keeps its meaning: the baseline against the profile's own fine-tune.
    assert data["costs"]["finetune_upfront"] == 2064
    notes = tomllib.loads((OPTIONS / "guide-000-cost-cards.toml").read_text())["profile"]
    for said in ("$25,250", "$37,800", "$50,250", "$75,300", "141 GB", "1,271 GB"):
        assert said in notes["notes"]


def test_guide_003_routing_is_the_shares_of_its_parts_plus_the_router() -> None:
    o = by_id(assess("guide-003-model-routing"))
    small, ft, route = (Decimal(str(o[k]["monthly"])) for k in ("small", "fine_tuning", "route"))
    # 0.6 × $49 + 0.4 × $165 + 100,000 × $0.0001 = $29.40 + $66 + $10 = $105.40.
    assert (small, ft) == (Decimal(49), Decimal(165))
    assert route == Decimal("0.6") * small + Decimal("0.4") * ft + 10 == Decimal("105.40")
    # $12,000 ÷ ($210 - $105.40) = 114.72 months: not within the 24-month horizon.
    assert o["route"]["break_even_months"] == pytest.approx(114.72, abs=0.01)
    # Against the dearest approach (Flash prompted, $210) routing saves 49.8%.
    assert 1 - route / Decimal(o["baseline"]["monthly"]) == pytest.approx(
        Decimal("0.498"), abs=Decimal("0.001")
    )
