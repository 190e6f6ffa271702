"""Issue 18 item 1: a named option's own answers take ranges and scenarios; the simulation's
odds follow each sample's ranged answers (`engine.uncertainty.option_costs`)."""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from engine.uncertainty import Uncertainty
from engine.uncertainty.model import OptionOdds
from engine.uncertainty.options import option_streams
from engine.uncertainty.simulate import prepare
from profiles.assessed import assess_profile
from profiles.files import loads_profile
from profiles.ranges import apply_scenario
from tui.cli import main

HEAD = """[profile]
format = 3
name = "Option ranges"
assessed_on = 2026-11-22

[workload]
requests_per_month = 100000
instruction_tokens = 500
user_tokens = 100
output_tokens = 200
horizon_months = 12

[prompting]
cost_per_request_usd = 0.003

[fine_tuning]
serving_monthly_usd = 150
upfront_usd = 1000000
"""

ROUTE = """
[options.cheap]
kind = "prompting"
name = "Cheap model"
cost_per_request_usd = 0.001

[options.cheap.upfront_items]
"Prompt rewrite" = 1000

[options.dear]
kind = "prompting"
name = "Dear model"
cost_per_request_usd = 0.005

[options.route]
kind = "routing"
name = "Route to the cheap model"
first = "cheap"
second = "dear"
share_to_first = 0.6
router_usd_per_request = 0
"""

SHARE = """
[ranges."options.route.share_to_first"]
low = 0.2
likely = 0.6
high = 0.95
"""

RAG = """
[options.gen]
kind = "prompting"
name = "Small generator"
cost_per_request_usd = 0.001

[options.rag]
kind = "rag"
name = "Retrieval on the small generator"
generator = "gen"
documents = 2000000
tokens_per_document = 1000
embedding_usd_per_mtok = 1
query_tokens = 0
changed_share_per_month = 0
store_monthly_usd = 0
retrieved_tokens = 500

[ranges."options.rag.documents"]
low = 1000000
high = 5000000
"""


def _simulated(text: str, samples: int = 4000) -> Uncertainty:
    return assess_profile(loads_profile(Path("o.toml"), text)).uncertainty(samples=samples, seed=0)


def _odds(text: str, samples: int = 4000) -> dict[str, OptionOdds]:
    """Each option's odds, by id."""
    return {o.id: o for o in _simulated(text, samples).options}


def _drawn(text: str, path: str, samples: int) -> list[float]:
    """The simulation's own draws of an option answer, as the odds read them."""
    a = assess_profile(loads_profile(Path("o.toml"), text))
    setup = prepare(a.inputs, a.book, a.result, a.profile.ranges, a.profile.options)
    column = option_streams(setup, 0, "pert")[path].draws(0, samples)
    return [round(x) for x in column.tolist()] if path in setup.whole else column.tolist()


def test_a_routing_options_ranged_share_moves_its_payback_as_a_hand_count_says() -> None:
    # A request routed costs s × $0.001 + (1 − s) × $0.005 against $0.003 prompted: at
    # 100,000 a month it saves 400 s − 200 dollars a month, and the cheap model's $1,000 up
    # front (paid whole) comes back within 12 months when 12 (400 s − 200) ≥ 1,000, that
    # is s ≥ 17/24. At the answer (0.6) it never does: only the ranged share can.
    text = HEAD + ROUTE + "\n[ranges]\n" + SHARE
    got = _odds(text)
    drawn = _drawn(text, "options.route.share_to_first", 4000)
    assert len(set(drawn)) > 100  # the share is drawn, not held at its answer
    expected = round(sum(s >= 17 / 24 for s in drawn) / 4000, 4)
    assert 0.05 < expected < 0.5
    route = got["route"]
    assert route.p_pays_back == expected
    assert route.interpolation_error == 0.0
    # the parts are not ranged: their odds stay whole, and they say no interpolation
    assert got["cheap"].p_pays_back == 1.0
    assert got["cheap"].interpolation_error is None
    # reproducible
    assert _odds(text)["route"] == route


def test_a_rag_options_ranged_documents_move_its_index_build() -> None:
    # The index costs documents × 1,000 tokens × $1/1M = documents / 1,000 dollars up front;
    # the RAG option saves $300 − $100 = $200 a month, $2,400 in 12 months: it pays back
    # when documents ≤ 2,400,000 (its answer, 2,000,000, does).
    text = HEAD + RAG
    got = _odds(text)
    drawn = _drawn(text, "options.rag.documents", 4000)
    expected = round(sum(d <= 2_400_000 for d in drawn) / 4000, 4)
    assert 0.05 < expected < 0.95
    assert got["rag"].p_pays_back == expected
    assert got["rag"].interpolation_error == 0.0


def test_a_cost_that_is_not_multilinear_states_its_gap(tmp_path: Path) -> None:
    """A minimum training charge makes the cost a kink, not a line: the gap is reported."""
    text = (
        HEAD
        + """
[options.ft]
kind = "fine_tuning"
name = "Hosted fine-tune"
serving_cost_per_request_usd = 0.001

[options.ft.training]
kind = "hosted"
examples = 100
tokens_per_example = 1000
usd_per_mtok = 5
min_charge_usd = 500

[ranges."options.ft.training.tokens_per_example"]
low = 100
high = 2000000
"""
    )
    got = _odds(text, samples=500)
    gap = got["ft"].interpolation_error
    assert gap is not None and gap > 0.01
    path = tmp_path / "ft.toml"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--samples", "500"]) == 0
    assert "Hosted fine-tune, its costs per sample: blended" in out.getvalue()


def test_a_scenario_sets_an_options_answer_and_drops_its_range(tmp_path: Path) -> None:
    scenario = '\n[scenarios.high]\n"options.route.share_to_first" = 0.9\n'
    volume = '\n[ranges."workload.requests_per_month"]\nlow = 80000\nhigh = 120000\n'
    text = HEAD + ROUTE + "\n[ranges]\n" + SHARE + volume + scenario
    profile = loads_profile(Path("o.toml"), text)
    high = apply_scenario(profile, "high")
    assert high.options["route"].share_to_first == Decimal("0.9")  # type: ignore[union-attr]
    assert "options.route.share_to_first" not in high.ranges
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--scenario", "high", "--format", "json"]) == 0
    data = json.loads(out.getvalue())
    route = next(o for o in data["options"] if o["id"] == "route")
    # 0.9 × 100,000 × $0.001 + 0.1 × 100,000 × $0.005 = $90 + $50
    assert route["monthly"] == 140
    said = data["uncertainty"]["option_answers"]
    assert said == [
        {
            "path": "options.route.share_to_first",
            "label": "Route to the cheap model: share to the first",
            "low": None,
            "likely": None,
            "high": None,
            "value": 0.9,
        }
    ]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--scenario", "high"]) == 0
    words = " ".join(out.getvalue().split())  # as read, across the lines it wraps to
    assert "Route to the cheap model: share to the first: 90%, set by the scenario" in words
    assert "options.route" not in words


def test_how_sure_and_diff_name_a_ranged_option_answer_in_words(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    text = HEAD + ROUTE + "\n[ranges]\n" + SHARE
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace("high = 0.95", "high = 0.9"), encoding="utf-8")
    for fmt in ("text", "markdown"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["assess", str(a), "--samples", "300", "--format", fmt]) == 0
        words = " ".join(out.getvalue().split())
        assert "Route to the cheap model: share to the first" in words
        assert "ranged 20% to 95%, likely 60%" in words
        assert "options.route" not in words
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["diff", str(a), str(b)])
    diff = out.getvalue()
    assert "range of Route to the cheap model: share to the first, high" in diff, diff
    assert "options.route" not in diff


BAD = {
    "unknown option": (
        '[ranges."options.nope.share_to_first"]\nlow = 0.5\nhigh = 0.8\n',
        "ranges.options.nope.share_to_first: no option 'nope'",
    ),
    "unknown answer": (
        '[ranges."options.route.share_to_frist"]\nlow = 0.5\nhigh = 0.8\n',
        "ranges.options.route.share_to_frist: no such answer",
    ),
    "text answer": (
        '[ranges."options.route.first"]\nlow = 0.5\nhigh = 0.8\n',
        "ranges.options.route.first: not a number",
    ),
    "share 1.5": (
        '[ranges."options.route.share_to_first"]\nlow = 0.5\nhigh = 1.5\n',
        "ranges.options.route.share_to_first.high: outside the answer's own limits",
    ),
    "an item it does not have": (
        '[ranges."options.route.monthly_items.Upkeep"]\nlow = 1\nhigh = 2\n',
        "ranges.options.route.monthly_items.Upkeep: no such line item",
    ),
    "scenario share 1.5": (
        '[scenarios.high]\n"options.route.share_to_first" = 1.5\n',
        "scenarios.high.options.route.share_to_first: ",
    ),
    "scenario unknown option": (
        '[scenarios.high]\n"options.nope.share_to_first" = 0.5\n',
        "scenarios.high.options.nope.share_to_first: no option 'nope'",
    ),
    "scenario text answer": (
        '[scenarios.high]\n"options.route.name" = 0.5\n',
        "scenarios.high.options.route.name: not a number",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_option_range_or_scenario_is_one_line_naming_its_key(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra, said = BAD[case]
    path = tmp_path / "bad.toml"
    path.write_text(HEAD + ROUTE + "\n" + extra, encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert said in err, err


def test_a_count_must_be_whole_in_a_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(HEAD + RAG + '\n[scenarios.big]\n"options.rag.documents" = 2.5\n')
    assert main(["assess", str(path)]) == 2
    assert "scenarios.big.options.rag.documents: " in capsys.readouterr().err


def test_an_options_price_left_to_the_catalog_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEAD
        + """
[options.small]
kind = "prompting"
name = "Small"
model = "openai:gpt-4.1-mini"

[ranges."options.small.prices.input_usd_per_mtok"]
low = 0.1
high = 0.5
"""
    )
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ranges.options.small.prices.input_usd_per_mtok: a price the catalog supplies" in err


def test_a_given_option_price_may_be_ranged() -> None:
    text = (
        HEAD
        + """
[options.small]
kind = "prompting"
name = "Small"

[options.small.prices]
input_usd_per_mtok = 0.4
output_usd_per_mtok = 1.6

[ranges."options.small.prices.input_usd_per_mtok"]
low = 0.1
high = 10
"""
    )
    got = _odds(text, samples=500)
    assert got["small"].interpolation_error == 0.0
    assert 0 < got["small"].p_cheapest_at_horizon < 1


def test_a_line_item_is_ranged_by_its_label_dots_and_all() -> None:
    # The cheap model's $1,000 rewrite (renamed with a dot) ranged $0..$5,000: it saves
    # $200 a month, $2,400 in 12 months, so it pays back when the rewrite costs ≤ $2,400.
    label = "Prompt v1.2 rewrite"
    text = (HEAD + ROUTE).replace('"Prompt rewrite"', f'"{label}"') + (
        f'\n[ranges."options.cheap.upfront_items.{label}"]\nlow = 0\nlikely = 1000\nhigh = 5000\n'
    )
    got = _odds(text)
    drawn = _drawn(text, f"options.cheap.upfront_items.{label}", 4000)
    expected = round(sum(x <= 2400 for x in drawn) / 4000, 4)
    assert 0.05 < expected < 0.95
    assert got["cheap"].p_pays_back == expected
    said = {a.path: a.label for a in _simulated(text).option_answers}
    assert said == {f"options.cheap.upfront_items.{label}": f"Cheap model: {label}, up front"}


def test_ranging_an_options_answer_leaves_the_other_figures_as_they_were() -> None:
    """The option answers draw from the dimensions after the others': the profile's own
    ranged answers keep their draws, so its break-even and totals do not move."""
    volume = '\n[ranges."workload.requests_per_month"]\nlow = 50000\nhigh = 200000\n'
    plain = _simulated(HEAD + ROUTE + "\n[ranges]\n" + volume, samples=2000)
    ranged = _simulated(HEAD + ROUTE + "\n[ranges]\n" + volume + SHARE, samples=2000)
    keep = {"break_even_months", "prompting_total", "finetune_total", "p_payback_within_horizon"}
    assert plain.model_dump(include=keep) == ranged.model_dump(include=keep)
    assert ranged.ranged == ("workload.requests_per_month", "options.route.share_to_first")
    assert plain.options != ranged.options
