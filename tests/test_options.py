"""Several options in one assessment (issue 18): hybrids against a hand calculation, RAG's
line items, format 3 on disk, and format-2 profiles reading exactly as before."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from engine.pricebook import PriceBook
from engine.result import CostResult, OptionOutcome
from engine.tomlfile import FileError
from profiles.assessed import assess_profile
from profiles.files import FormatUpgrade, load_profile, loads_profile, open_profile, save_profile
from profiles.model import Profile
from profiles.reports import as_json, markdown, text
from profiles.reports.build import assessment_report

EXAMPLES = sorted((Path(__file__).parent.parent / "profiles" / "examples").glob("*.toml"))
FORMAT_2 = [p for p in EXAMPLES if "\nformat = 2\n" in p.read_text(encoding="utf-8")]

HEAD = """[profile]
format = {format}
name = "Options"
assessed_on = 2026-11-22

[workload]
requests_per_month = 100000
instruction_tokens = 500
user_tokens = 100
output_tokens = 200

[prompting]
inference_monthly_usd = 300

[fine_tuning]
serving_monthly_usd = 150
upfront_usd = 12000
"""

OPTIONS = """
[options.ft8b]
kind = "fine_tuning"
name = "Llama 3.1 8B, fine-tuned"
upfront_usd = 5000

[options.ft8b.serving]
kind = "per_token"

[options.ft8b.serving.prices]
input_usd_per_mtok = 0.2
output_usd_per_mtok = 0.2

[options.frontier]
kind = "prompting"
name = "Frontier model, prompted"

[options.frontier.prices]
input_usd_per_mtok = 2.5
output_usd_per_mtok = 10

[options.route]
kind = "routing"
name = "70% to the fine-tune"
first = "ft8b"
second = "frontier"
share_to_first = 0.7
router_usd_per_request = 0.0001

[options.escalate]
kind = "cascade"
name = "Escalate 20%"
first = "ft8b"
second = "frontier"
escalation_share = 0.2
router_usd_per_request = 0

[options.docs]
kind = "rag"
name = "Frontier with retrieval"
generator = "frontier"
documents = 10000
tokens_per_document = 800
embedding_usd_per_mtok = 0.02
changed_share_per_month = 0.25
store_monthly_usd = 50
retrieved_tokens = 1000
"""


def _profile(options: str = OPTIONS, fmt: int = 3) -> Profile:
    return loads_profile(Path("options.toml"), HEAD.format(format=fmt) + options)


def _by_id(options: str = OPTIONS) -> dict[str, OptionOutcome]:
    comparison = assess_profile(_profile(options)).options
    return {o.id: o for o in (comparison.baseline, *comparison.options)}


def test_routing_70_30_is_the_shares_of_each_plus_the_router_by_hand() -> None:
    o = _by_id()
    # By hand, per request: the fine-tune reads 600 and writes 200 tokens at $0.20/1M each:
    # $0.00016, so $16 a month at 100,000 requests; the frontier model $0.0015 + $0.002 =
    # $0.0035, so $350 a month; the router $0.0001 a request, $10 a month.
    assert o["ft8b"].costs.monthly_usd == Decimal("16")
    assert o["frontier"].costs.monthly_usd == Decimal("350")
    assert o["route"].costs.monthly_usd == Decimal("126.2")  # 0.7 × 16 + 0.3 × 350 + 10
    assert o["route"].costs.monthly_usd == (
        Decimal("0.7") * o["ft8b"].costs.monthly_usd
        + Decimal("0.3") * o["frontier"].costs.monthly_usd
        + Decimal("10")
    )
    assert o["route"].costs.upfront_usd == Decimal("5000")  # the fine-tune is built whole
    router = next(i for i in o["route"].costs.monthly_items if i.key == "router")
    assert router.usd == Decimal("10") and router.scales_with_volume


def test_cascade_pays_the_first_on_every_request_and_the_second_on_the_escalated_share() -> None:
    o = _by_id()
    assert o["escalate"].costs.monthly_usd == Decimal("86")  # 16 + 0.2 × 350
    assert o["escalate"].costs.per_request_usd == Decimal("0.00086")


def test_hybrid_keeps_fixed_costs_whole_and_scales_only_volume_costs() -> None:
    gpu = OPTIONS.replace(
        '[options.ft8b.serving]\nkind = "per_token"\n\n[options.ft8b.serving.prices]\n'
        "input_usd_per_mtok = 0.2\noutput_usd_per_mtok = 0.2\n",
        "hosting_monthly_usd = 1000\nserving_cost_per_request_usd = 0.00016\n",
    )
    o = _by_id(gpu)
    assert o["ft8b"].costs.monthly_usd == Decimal("1016")
    # 0.7 × $16 of requests + the whole $1,000 a month + 0.3 × $350 + the router's $10
    assert o["route"].costs.monthly_usd == Decimal("1126.2")


def test_rag_option_itemises_index_build_reembedding_store_and_query_embeddings() -> None:
    rag = _by_id()["docs"].costs
    up = {i.key: i for i in rag.upfront_items}
    monthly = {i.key: i for i in rag.monthly_items}
    # 10,000 documents × 800 tokens = 8M tokens at $0.02/1M
    assert up["index_build"].usd == Decimal("0.16")
    assert "10,000 documents × 800 tok = 8M tok × $0.02/1M" in up["index_build"].formula
    assert monthly["reembedding"].usd == Decimal("0.04")  # a quarter of 8M tokens a month
    assert "25% of 8M tok a month" in monthly["reembedding"].formula
    assert monthly["vector_store"].usd == Decimal("50")
    # every request embeds its 100 user tokens: 10M tokens a month
    assert monthly["query_embedding"].usd == Decimal("0.2")
    assert monthly["query_embedding"].scales_with_volume
    # the frontier model reads the 1,000 retrieved tokens too: 1,600 in × $2.50 + 200 out × $10
    assert monthly["input_tokens"].usd == Decimal("400")
    assert rag.monthly_usd == Decimal("400") + Decimal("200") + Decimal("50.24")
    assert rag.upfront_usd == Decimal("0.16")


def test_rag_embedding_price_comes_from_genai_prices() -> None:
    priced = OPTIONS.replace(
        "embedding_usd_per_mtok = 0.02", 'embedding_model = "openai:text-embedding-3-small"'
    )
    item = next(i for i in _by_id(priced)["docs"].costs.upfront_items if i.key == "index_build")
    assert item.usd == Decimal("0.16")
    assert item.price_source is not None and "genai-prices" in item.price_source


def test_options_json_has_the_issue_keys_and_break_even_against_the_baseline() -> None:
    a = assess_profile(_profile())
    data = as_json.to_json(assessment_report(a.profile, a.result, a.book, options=a.options))
    assert data["baseline"]["id"] == "baseline"
    keys = {"id", "name", "kind", "monthly", "upfront", "per_request", "break_even_months",
            "total_at_horizon", "payback_volumes"}  # fmt: skip
    assert all(keys <= set(o) for o in data["options"])
    route = next(o for o in data["options"] if o["id"] == "route")
    # $5,000 more up front ÷ ($300 − $126.20) saved a month
    assert route["break_even_months"] == pytest.approx(5000 / 173.8, abs=1e-3)
    assert route["total_at_horizon"] == pytest.approx(5000 + 24 * 126.2)
    assert data["cheapest_at_horizon"] == "ft8b"  # $5,000 + 24 × $16 = $5,384
    assert [v["within_months"] for v in route["payback_volumes"]] == [6, 12, 24]


def test_text_and_markdown_show_the_options_table_with_rag_formulas() -> None:
    a = assess_profile(_profile())
    report = assessment_report(a.profile, a.result, a.book, options=a.options)
    shown = text.render(report)
    assert "Options (break-even against the baseline)" in shown
    assert "Index build (embeddings)" in shown and "8M tok × $0.02/1M" in shown
    assert "| Frontier with retrieval | RAG |" in markdown.render(report)


def test_a_copy_of_fine_tuning_as_an_option_gives_the_evaluations_own_figures() -> None:
    copy = (
        '\n[options.copy]\nkind = "fine_tuning"\nname = "Copy"\n'
        "serving_monthly_usd = 150\nupfront_usd = 12000\n"
    )
    a = assess_profile(_profile(copy))
    ft, same = a.options.options
    assert same.id == "copy"
    assert same.break_even_months == ft.break_even_months == a.result.break_even_months
    assert same.total_at_horizon_usd == a.result.finetune_total_usd
    assert same.payback_volumes == a.result.break_even_volumes


def test_an_unknown_upfront_is_never_zero() -> None:
    unknown = (
        '\n[options.label]\nkind = "fine_tuning"\nname = "To label"\n'
        "serving_monthly_usd = 100\ntraining_usd = 500\nlabelled_examples = 1000\n"
    )
    a = assess_profile(_profile(unknown))
    label = a.options.options[-1]
    assert label.costs.upfront_usd is None and label.total_at_horizon_usd is None
    assert label.break_even_months is None
    assert label.break_even_reason == "labelling_price_unknown"
    assert a.options.cheapest_at_horizon is None


@pytest.mark.parametrize("path", FORMAT_2, ids=lambda p: p.stem)
def test_format_2_examples_read_as_baseline_and_one_fine_tuning_option(path: Path) -> None:
    a = open_profile(path)
    report = assessment_report(a.profile, a.result, a.book, options=a.options)
    data = as_json.to_json(report)
    costs = data["costs"]
    (only,) = data["options"]
    assert only["id"] == "fine_tuning" and data["baseline"]["id"] == "baseline"
    assert only["monthly"] == costs["finetune_monthly"]
    assert only["upfront"] == costs["finetune_upfront"]
    assert only["break_even_months"] == costs["break_even_months"]
    assert only["total_at_horizon"] == costs["finetune_total"]
    assert data["baseline"]["total_at_horizon"] == costs["prompting_total"]
    # text and Markdown read as before: no options section without named options
    assert "Options (break-even" not in text.render(report)
    assert "**Options**" not in markdown.render(report)
    # the JSON only adds keys
    without = report.model_copy(
        update={"sections": tuple(s for s in report.sections if s.kind != "options")}
    )
    added = {"baseline", "options", "cheapest_at_horizon", "cheapest_by_volume"}
    kept = {k: v for k, v in data.items() if k not in added}
    assert json.dumps(kept) == json.dumps(as_json.to_json(without))


def test_format_3_round_trips_and_a_profile_without_options_stays_format_2(
    tmp_path: Path,
) -> None:
    path = tmp_path / "o.toml"
    save_profile(_profile(), path)
    assert b"format = 3\n" in path.read_bytes()
    again = load_profile(path)
    assert again.options == _profile().options
    plain = tmp_path / "plain.toml"
    save_profile(_profile("", fmt=3), plain)
    assert b"format = 2\n" in plain.read_bytes()


def test_saving_options_over_a_format_2_file_asks_first(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(HEAD.format(format=2))
    before = path.read_bytes()
    with pytest.raises(FormatUpgrade, match="format 2; saving its options writes format 3"):
        save_profile(_profile(), path, force=True)
    assert path.read_bytes() == before
    save_profile(_profile(), path, force=True, upgrade=True)
    assert b"format = 3\n" in path.read_bytes()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('\n[options.x]\nkind = "routing"\nname = "x"\nfirst = "nope"\nsecond = "baseline"\n'
         "router_usd_per_request = 0\nshare_to_first = 0.5\n", "no option 'nope'"),
        ('\n[options.x]\nkind = "cascade"\nname = "x"\nfirst = "x"\nsecond = "baseline"\n'
         "router_usd_per_request = 0\nescalation_share = 0.5\n", "built from itself"),
        ('\n[options.baseline]\nkind = "prompting"\nname = "x"\ncost_per_request_usd = 1\n',
         "pick another id"),
    ],
)  # fmt: skip
def test_option_references_are_checked_on_load(options: str, message: str) -> None:
    with pytest.raises(FileError, match=message):
        _profile(options)


def test_a_format_2_file_with_options_is_refused() -> None:
    with pytest.raises(FileError, match="options need profile format 3"):
        _profile(OPTIONS, fmt=2)


def test_the_hybrid_patterns_example_points_the_verdict_at_rag_plus_fine_tuning() -> None:
    path = EXAMPLES[0].parent / "options" / "medical-options-2026.toml"
    a = open_profile(path)
    assert a.stale is None
    data = as_json.to_json(
        assessment_report(a.profile, a.result, a.book, recommendation=a.recommendation)
    )
    assert [o["id"] for o in data["options"]] == ["fine_tuning", "lite", "rag_ft", "route"]
    assert data["verdict_option"]["verdict"] == "hybrid"
    assert data["verdict_option"]["option"] == "rag_ft"
    assert FORMAT_2 == EXAMPLES  # the shipped examples stay format 2


def test_diff_shows_each_options_outcome_change_and_added_options(tmp_path: Path) -> None:
    from profiles.diff import diff_profiles

    def evaluated(options: str) -> tuple[Profile, PriceBook, CostResult]:
        a = assess_profile(_profile(options))
        return a.profile, a.book, a.result

    moved = OPTIONS.replace("share_to_first = 0.7", "share_to_first = 0.8")
    changes = {c.path: c for c in diff_profiles(evaluated(OPTIONS), evaluated(moved)).outcomes}
    # 0.8 × 16 + 0.2 × 350 + 10 = $92.80 a month, from $126.20
    assert changes["options.route.monthly"].before == "126.2"
    assert changes["options.route.monthly"].after == "92.8"
    assert "options.ft8b.monthly" not in changes
    gone = diff_profiles(evaluated(OPTIONS), evaluated("")).outcomes
    assert {c.path for c in gone} >= {"options.route", "options.docs"}


def test_a_fine_tuning_option_on_a_gpu_too_small_warns_at_its_own_field() -> None:
    big = (
        '\n[options.big]\nkind = "fine_tuning"\nname = "Llama 3.1 70B, LoRA"\n'
        'base_model = "meta:llama-3.1-70b"\nmethod = "lora"\nupfront_usd = 4000\n\n'
        '[options.big.serving]\nkind = "self_hosted"\ngpu = "a10g-24gb"\nusd_per_gpu_hour = 1\n'
        '\n[options.mix]\nkind = "routing"\nname = "Mix"\nfirst = "big"\nsecond = "baseline"\n'
        "share_to_first = 0.5\nrouter_usd_per_request = 0\n"
    )
    o = _by_id(big)
    fields = {w.field for w in o["big"].warnings if w.code == "gpu_too_small"}
    assert fields == {"options.big.serving.gpu"}
    # a hybrid built on it carries it; the always-on GPU is paid whole: 720 h × $1
    assert o["mix"].warnings == o["big"].warnings
    gpu = next(i for i in o["mix"].costs.monthly_items if i.key == "big.gpu_serving")
    assert gpu.usd == Decimal("720")


@pytest.mark.parametrize("name", ["Tier [Gold]", "[/]", "[@click=app.quit]x", "trailing\\\\"])
def test_option_names_are_shown_as_written(name: str) -> None:
    named = OPTIONS.replace('name = "Escalate 20%"', f'name = "{name}"')
    a = assess_profile(_profile(named))
    report = assessment_report(a.profile, a.result, a.book, options=a.options)
    shown = name.replace("\\\\", "\\")
    assert f"\n{shown} (cascade)\n" in text.render(report)
    assert json.loads(as_json.render(report))["options"][4]["name"] == shown


def test_a_control_character_in_an_option_name_is_refused() -> None:
    with pytest.raises(FileError, match="control character U\\+001B"):
        _profile(OPTIONS.replace('name = "Escalate 20%"', 'name = "a\\u001b[31m"'))
