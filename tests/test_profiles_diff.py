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
HUNDRED, FIVE_HUNDRED = EX / "support-chatbot-100k.toml", EX / "support-chatbot-500k.toml"


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
    assert "Requests a month: +40,000 (10,000 → 50,000, +400%)" in answers
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
    assert "| break-even | 80 months | 9.6 months | -70.4 months (80 → 9.6 months, -88%) |" in md
    assert "| prompting, monthly | $300/mo | $1,500/mo | +$1,200/mo ($300 → $1,500, +400%) |" in md
    assert "| prompting, total at horizon | $7,200 | $36,000 |" in md
    assert "Requests a month" in md
    code, text, _ = run(["diff", str(TEN), str(FIFTY), "--format", "json"], capsys)
    data = json.loads(text)
    assert code == 1 and data["same"] is False
    be = next(c for c in data["outcomes"] if c["path"] == "costs.break_even_months")
    assert (be["before"], be["after"]) == ("80", "9.6")


def test_fail_gates(capsys: pytest.CaptureFixture[str]) -> None:
    # 10K → 50K: the stored verdict moves (rag → measure_first), outcomes move by ≤ 733%
    assert run(["diff", str(TEN), str(FIFTY), "--fail-on", "verdict"], capsys)[0] == 1
    assert run(["diff", str(TEN), str(FIFTY), "--fail-above", "1000"], capsys)[0] == 0
    assert run(["diff", str(TEN), str(FIFTY), "--fail-above", "700"], capsys)[0] == 1
    assert run(["diff", str(TEN), str(FIFTY), "--fail-above", "50"], capsys)[0] == 1
    # 100K → 500K: different costs, the same verdict
    gate = ["--fail-on", "verdict"]
    assert run(["diff", str(HUNDRED), str(FIVE_HUNDRED), *gate], capsys)[0] == 0
    assert run(["diff", str(HUNDRED), str(FIVE_HUNDRED)], capsys)[0] == 1
    assert (
        run(["diff", str(HUNDRED), str(FIVE_HUNDRED), *gate, "--fail-above", "50"], capsys)[0] == 1
    )


def test_stored_verdict_flip_is_shown_with_the_reasons_that_flipped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["diff", str(TEN), str(FIFTY)], capsys)
    assert code == 1
    verdict = out.split("\nVerdict: ")[1]
    assert verdict.startswith("RAG (high confidence) → Measure first (low confidence)\n")
    flipped = verdict.split("Reasons that flipped\n")[1]
    assert "  - decision, RAG: no framework makes a case for fine-tuning" in flipped
    assert "  + decision, measure first: no framework can decide yet" in flipped
    assert "  - Flowchart (guide 000): prompt engineering: Use Prompt Engineering" in flipped
    assert "  + Flowchart (guide 000): measure first: undecided" in flipped
    # litmus 002 says not_ready on both sides and the provider is closed on both: not flipped
    assert "litmus_002" not in flipped and "providers" not in flipped
    assert all(len(line) <= 80 for line in flipped.splitlines())


def test_a_confidence_change_alone_is_said_but_is_no_verdict_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lower = tmp_path / "lower.toml"
    lower.write_text(TEN.read_text().replace('confidence = "high"', 'confidence = "low"'))
    code, out, _ = run(["diff", str(lower), str(TEN), "--fail-on", "verdict"], capsys)
    assert code == 0
    assert "Verdict: RAG, unchanged (confidence low → high)" in out


def test_text_markdown_and_json_say_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["diff", str(TEN), str(FIFTY)]
    text = run(args, capsys)[1]
    md = run([*args, "--format", "markdown"], capsys)[1].replace("\\", "")
    data = json.loads(run([*args, "--format", "json"], capsys)[1])
    flat_text = " ".join(text.split())
    for group in ("answers", "prices", "outcomes"):
        for change in data[group]:
            if change["delta"]:
                assert f"{change['label']}: {change['delta']}" in text
                assert f"| {change['delta']} |" in md
    money = next(c for c in data["outcomes"] if c["path"] == "costs.prompting_monthly")
    assert (money["before"], money["after"], money["kind"]) == ("300", "1,500", "usd_monthly")
    assert money["delta"] == "+$1,200/mo ($300 → $1,500, +400%)"
    assert (data["a"]["verdict"], data["b"]["verdict"]) == ("rag", "measure_first")
    assert data["verdict_changed"] is True
    assert "RAG (high confidence) → Measure first (low confidence)" in text
    assert "RAG (high confidence) → Measure first (low confidence)" in md
    for r in data["reasons"]:
        assert f"- {r['change']}: " in md  # the framework and what it favours in words
        said = r["text"].removeprefix(r["favours"]) if r["favours"] else r["text"]
        assert " ".join(said.split()) in flat_text  # the text says it; JSON keeps the code


def test_verdict_change_and_flipped_reasons() -> None:
    a, b = open_profile(TEN), open_profile(FIFTY)
    keep = Recommendation(
        verdict="prompting",
        reasons=[
            Reason(code="low_volume", text="10K/mo"),
            Reason(code="flowchart_000", favours="prompting", text="prompting: at 333/day"),
            Reason(code="litmus_002", favours="not_ready", text="not_ready: 333/day"),
        ],
    )
    tune = Recommendation(
        verdict="fine_tuning",
        reasons=[
            Reason(code="pays_back", text="9.6 months"),
            Reason(code="flowchart_000", favours="fine_tuning", text="fine_tuning: 1,667/day"),
            Reason(code="litmus_002", favours="not_ready", text="not_ready: 1,667/day"),
        ],
    )
    d = diff_profiles(
        (a.profile, a.book, a.result),
        (b.profile, b.book, b.result),
        recommendations=(keep, tune),
    )
    assert d.verdict_changed
    assert {(r.code, r.change) for r in d.reasons} == {
        ("low_volume", "removed"),
        ("flowchart_000", "removed"),
        ("pays_back", "added"),
        ("flowchart_000", "added"),
    }  # litmus_002 was reworded but still says not_ready: it did not flip
    from profiles.diffview import diff_text

    text = diff_text(d)
    assert "Verdict: Prompt engineering → Fine-tune" in text
    assert "+ pays back: 9.6 months" in text


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
    assert "Prompting, input: +$0.15 ($0.15 → $0.30, +100%)" in prices
    assert "(no change)" in out.split("\nAnswers\n")[1].split("\nPrices\n")[0]
    assert "stale: computed by tunewise" in out


def test_show_plain_is_line_oriented(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", str(FIFTY), "--plain"], capsys)
    assert code == 0
    assert "workload.requests_per_month = 50000" in out.splitlines()
    assert all(" = " in line for line in out.splitlines() if not line.startswith("#"))


def test_show_without_plain_is_a_short_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", str(TEN)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Customer support chatbot, 10K queries a month"
    assert lines[1].startswith("assessed 2026-11-22 by tunewise examples; 10,000 requests")
    assert "Verdict: RAG (high confidence)" in lines
    assert any(line.split() == ["Monthly", "$300", "$150"] for line in lines)
    assert any(line.split() == ["Up", "front", "$0", "$12,000"] for line in lines)
    assert any(
        line.split() == ["Total", "at", "24", "months", "$7,200", "$15,600"] for line in lines
    )
    said = " ".join(" ".join(lines).split())
    assert (
        "Break-even: does not pay back within the 24-month horizon (it would take 80 months)"
        " — $12,000 more up front" in said
    )
    assert all(len(line) <= 80 for line in lines)
    assert "stale" not in out
    assert out != run(["show", str(TEN), "--plain"], capsys)[1]


def test_show_says_when_the_stored_verdict_is_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(TEN.read_text().replace('verdict = "rag"', 'verdict = "fine_tuning"'))
    code, out, _ = run(["show", str(path)], capsys)
    assert code == 0
    assert "Verdict: RAG (high confidence)" in out  # as tunewise judges it today
    assert "stale: computed by tunewise 0.1.0 with prices as of 2026-11; verdict was" in " ".join(
        out.split()
    )
    assert "verdict was fine-tune, now RAG" in " ".join(out.split())


def test_reprice_judges_the_verdict_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.toml"
    text = TEN.read_text()
    decision = 'code = "decision"\nfavours = "rag"\n'
    assert decision in text
    text = text.replace('verdict = "rag"', 'verdict = "fine_tuning"')
    path.write_text(text.replace(decision, 'code = "decision"\nfavours = "fine_tuning"\n'))
    code, out, _ = run(["diff", str(path)], capsys)
    assert code == 2  # one file needs --reprice
    code, out, _ = run(["diff", str(path), "--reprice"], capsys)
    assert code == 1
    assert "A: stale: computed by tunewise 0.1.0" in out
    assert "\nVerdict: Fine-tune (high confidence) → RAG (high confidence)\n" in out
    flipped = out.split("Reasons that flipped\n")[1]
    assert "  - decision, fine-tune: no framework makes a case for fine-tuning" in flipped
    assert "  + decision, RAG: no framework makes a case for fine-tuning" in flipped
    assert "flowchart_000" not in flipped
    code, out, _ = run(["diff", str(TEN), "--reprice", "--fail-on", "verdict"], capsys)
    assert code == 0 and "Verdict: RAG (high confidence), unchanged" in out


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
