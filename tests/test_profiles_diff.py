"""`tunewise diff`, `compare`, `show --plain`, `schema`, `examples` and `new`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profiles.diff import diff_profiles
from profiles.files import load_profile, open_profile, save_profile, snapshot
from profiles.snapshot import Reason, Recommendation
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EX = ROOT / "profiles" / "examples"
TEN, FIFTY = EX / "support-chatbot-10k.toml", EX / "support-chatbot-50k.toml"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_diff_of_the_guides_chatbot_volumes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["diff", str(TEN), str(FIFTY)], capsys)
    assert code == 1 and err == ""
    answers, prices, outcomes = (
        out.split("\nAnswers\n")[1].split("\nPrices\n")[0],
        out.split("\nPrices\n")[1].split("\nOutcomes\n")[0],
        out.split("\nOutcomes\n")[1],
    )
    assert "workload.requests_per_month: +40,000 (10,000 → 50,000, +400%)" in answers
    assert "(no change)" in prices
    assert "prompting, monthly: +$1,200/mo ($300 → $1,500, +400%)" in outcomes
    assert "fine-tuning, monthly: +$100/mo ($150 → $250, +67%)" in outcomes
    assert "break-even: -70.4 months (80 → 9.6 months, -88%)" in outcomes


def test_a_profile_diffed_with_itself_is_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", str(TEN), str(TEN)], capsys)
    assert code == 0
    assert "Same answers, prices and outcomes." in out


def test_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, md, _ = run(["diff", str(TEN), str(FIFTY), "--format", "markdown"], capsys)
    assert code == 1
    assert md.startswith("### tunewise diff: ")
    assert "| break-even | 80 | 9.6 | -70.4 months (80 → 9.6 months, -88%) |" in md
    assert "requests\\_per\\_month" in md  # escaped for GitHub
    code, text, _ = run(["diff", str(TEN), str(FIFTY), "--format", "json"], capsys)
    data = json.loads(text)
    assert code == 1 and data["same"] is False
    be = next(c for c in data["outcomes"] if c["path"] == "costs.break_even_months")
    assert (be["before"], be["after"]) == ("80", "9.6")


def test_fail_gates(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["diff", str(TEN), str(FIFTY), "--fail-on", "verdict"], capsys)[0] == 0
    assert run(["diff", str(TEN), str(FIFTY), "--fail-above", "1000"], capsys)[0] == 0
    assert run(["diff", str(TEN), str(FIFTY), "--fail-above", "50"], capsys)[0] == 1


def test_verdict_change_and_flipped_reasons() -> None:
    a, b = open_profile(TEN), open_profile(FIFTY)
    keep = Recommendation(verdict="prompting", reasons=[Reason(code="low_volume", text="10K/mo")])
    tune = Recommendation(
        verdict="fine_tuning", reasons=[Reason(code="pays_back", text="9.6 months")]
    )
    d = diff_profiles(
        (a.profile, a.book, a.result),
        (b.profile, b.book, b.result),
        recommendations=(keep, tune),
    )
    assert d.verdict_changed
    assert {(r.code, r.change) for r in d.reasons} == {
        ("low_volume", "removed"),
        ("pays_back", "added"),
    }
    from profiles.diffview import diff_text

    text = diff_text(d)
    assert "Verdict: prompting → fine_tuning" in text
    assert "+ pays_back: 9.6 months" in text


def test_changed_prices_are_their_own_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = open_profile(EX / "classification-gpt-4o-mini.toml")
    old = tmp_path / "old.toml"
    save_profile(snapshot(opened.profile, opened.book, opened.result), old)
    new = tmp_path / "new.toml"
    text = old.read_text()
    assert "[prices.prompting.input]\nusd = 0.15\n" in text
    new.write_text(
        text.replace(
            "[prices.prompting.input]\nusd = 0.15\n", "[prices.prompting.input]\nusd = 0.3\n"
        )
    )
    code, out, _ = run(["diff", str(old), str(new)], capsys)
    assert code == 1
    prices = out.split("\nPrices\n")[1].split("\nOutcomes\n")[0]
    assert "prices.prompting.input.usd: +$0.15 ($0.15 → $0.30, +100%)" in prices
    assert "(no change)" in out.split("\nAnswers\n")[1].split("\nPrices\n")[0]
    assert "stale: computed by tunewise" in out


def test_compare_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(TEN), str(FIFTY), str(EX / "code-generation.toml")], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["Profile", "Verdict", "PE/mo"]
    assert "80 mo" in lines[1] and "9.6 mo" in lines[2]
    assert "$15,600" in lines[1]
    assert run(["compare", str(TEN), str(TEN)], capsys)[0] == 0
    code, md, _ = run(["compare", str(TEN), str(FIFTY), "--format", "markdown"], capsys)
    assert md.startswith("| Profile | Verdict |")


def test_show_plain_is_line_oriented(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", str(FIFTY), "--plain"], capsys)
    assert code == 0
    assert "workload.requests_per_month = 50000" in out.splitlines()
    assert all(" = " in line for line in out.splitlines() if not line.startswith("#"))


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    schema = json.loads(out)
    assert code == 0 and {"profile", "workload", "prices", "result"} <= set(schema["properties"])


def test_examples_and_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["examples"], capsys)
    assert code == 0
    assert "support-chatbot-10k" in out and "Customer support chatbot, 10K" in out
    target = tmp_path / "mine.toml"
    assert run(["new", "--from-example", "support-chatbot-10k", str(target)], capsys)[0] == 0
    assert target.read_bytes() == TEN.read_bytes()
    target.write_text("mine\n")
    code, _, err = run(["new", "--from-example", "support-chatbot-50k", str(target)], capsys)
    assert code == 2 and "exists and differs; use --force" in err
    assert target.read_text() == "mine\n"
    assert (
        run(["new", "--from-example", "support-chatbot-50k", str(target), "--force"], capsys)[0]
        == 0
    )
    assert load_profile(target).workload.requests_per_month == 50000
    code, _, err = run(
        ["new", "--from-example", "support-chatbot-10", str(tmp_path / "x.toml")], capsys
    )
    assert code == 2 and "did you mean" in err
