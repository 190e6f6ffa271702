"""Each named option keeps the prices it was costed at (`[option_prices.ID]`), as the profile
keeps `[prices]`: a saved assessment gives the same figures after the catalog moves, until
the option's answers change or it is repriced; a diff shows an option's price change under
the option's name, among the prices, not the answers."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from engine.catalog import Catalog
from profiles.assessed import assess_profile
from profiles.catalogs import CatalogSource
from profiles.files import load_profile, open_profile, save_profile, snapshot_of
from profiles.writer import dumps
from tui.cli import main

ROUTING = (
    Path(__file__).parents[1] / "profiles" / "examples" / "options" / "guide-003-model-routing.toml"
)
STORED = "[option_prices.small.prompting.input]\nusd = 0.3\n"
"""Flash-Lite's input price as the example keeps it: the catalog's on 2026-12-01."""


def run(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(args)) in (0, 1)  # `diff` exits 1 when the profiles differ
    return out.getvalue()


def _moved(tmp_path: Path, name: str = "moved.toml") -> Path:
    """The example as if Flash-Lite had cost $0.40 a million input tokens when it was saved."""
    text = ROUTING.read_text(encoding="utf-8")
    assert STORED in text
    path = tmp_path / name
    path.write_text(text.replace(STORED, STORED.replace("0.3", "0.4")), encoding="utf-8")
    return path


def _monthly(path: Path) -> float:
    """The option's monthly cost as `diff`, `compare` and the browser read a saved profile."""
    small = next(o for o in open_profile(path).options.explicit if o.id == "small")
    return float(small.costs.monthly_usd)


def test_an_option_is_costed_at_its_saved_prices_until_repriced(tmp_path: Path) -> None:
    # 100,000 requests × (800 × $0.40 + 100 × $2.50) / 1M = $57 (the catalog's $0.30: $49).
    moved = _moved(tmp_path)
    assert _monthly(moved) == 57
    assert _monthly(ROUTING) == 49
    # `assess` prices from the catalog, the profile's own paths and its options alike.
    data = json.loads(run("assess", str(moved), "--format", "json"))
    assert next(o["monthly"] for o in data["options"] if o["id"] == "small") == 49
    repriced = run("diff", str(moved), "--reprice")
    assert "Gemini 3.5 Flash-Lite, prompted: Prompting, input: -$0.10 ($0.40 → $0.30" in repriced


def test_an_option_whose_model_changed_is_priced_from_the_catalog(tmp_path: Path) -> None:
    moved = _moved(tmp_path)
    text = moved.read_text(encoding="utf-8")
    text = text.replace(
        'model = "google:gemini-3.5-flash-lite"\nkind = "prompting"',
        'model = "google:gemini-3.5-flash"\nkind = "prompting"',
    )
    moved.write_text(text, encoding="utf-8")
    # Now prompted Gemini 3.5 Flash at $1.50 / $9: 100,000 × (800 × 1.5 + 100 × 9) / 1M.
    assert _monthly(moved) == 210


def test_saving_keeps_each_priced_options_book_and_reads_back_byte_for_byte(
    tmp_path: Path,
) -> None:
    saved = tmp_path / "saved.toml"
    save_profile(snapshot_of(open_profile(ROUTING)), saved)
    text = saved.read_text(encoding="utf-8")
    assert "[option_prices.small.prompting.input]\nusd = 0.3\n" in text
    assert "[option_prices.route" not in text  # a hybrid has no prices of its own
    assert dumps(load_profile(saved)) == text
    plain = tmp_path / "plain.toml"
    example = ROUTING.parent.parent / "support-chatbot-50k.toml"
    save_profile(snapshot_of(open_profile(example)), plain)
    assert "option_prices" not in plain.read_text(encoding="utf-8")


class NoCatalog(CatalogSource):
    def get(self) -> Catalog:
        raise AssertionError("the catalog was loaded")


def test_snapshots_that_fit_load_no_price_data() -> None:
    assessed = assess_profile(load_profile(ROUTING), catalog=NoCatalog())
    assert assessed.options.cheapest_at_horizon == "small"


def test_a_diff_lists_an_options_price_change_by_its_name(tmp_path: Path) -> None:
    out = run("diff", str(ROUTING), str(_moved(tmp_path)))
    prices = out.split("\nPrices\n")[1].split("\n\n")[0]
    assert "Gemini 3.5 Flash-Lite, prompted: Prompting, input: +$0.10 ($0.30 → $0.40" in prices
    assert "option_prices" not in out
