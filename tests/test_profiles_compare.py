"""`tunewise compare`: the side-by-side table in 80 columns, Markdown for a pull request, and
the exit status with `--fail-on verdict` / `--fail-above PERCENT` gates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from profiles.diffview import column_name
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
EX = ROOT / "profiles" / "examples"
TEN, FIFTY = EX / "support-chatbot-10k.toml", EX / "support-chatbot-50k.toml"
HUNDRED, FIVE_HUNDRED = EX / "support-chatbot-100k.toml", EX / "support-chatbot-500k.toml"
NEVER = EX / "entity-extraction-gpt-4o-mini.toml"
SAME_COST = EX / "medical-diagnosis.toml"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def row(out: str, label: str) -> list[str]:
    """The cells of the first table row called `label`."""
    for line in out.splitlines():
        if line.startswith(label + " "):
            return re.split(r"\s{2,}", line.removeprefix(label).strip())  # cells: 2+ spaces apart
    raise AssertionError(f"no row {label!r} in\n{out}")


def extreme(tmp_path: Path, name: str, monthly: str) -> Path:
    """The 10K example with a 200-character name and a huge monthly cost."""
    path = tmp_path / f"{name[:8]}.toml"
    text = TEN.read_text()
    text = text.replace(
        'name = "Customer support chatbot, 10K queries a month"', f'name = "{name}"'
    )
    path.write_text(
        text.replace("inference_monthly_usd = 300", f"inference_monthly_usd = {monthly}")
    )
    return path


def test_two_profiles_as_lettered_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["compare", str(TEN), str(FIFTY)], capsys)
    assert code == 1 and err == ""
    lines = out.splitlines()
    for line, path, name in ((lines[0], TEN, "10K"), (lines[1], FIFTY, "50K")):
        full = f"{line[0]}  {path}  Customer support chatbot, {name} queries a month"
        assert line == (full if len(full) <= 80 else full[:79] + "…")
    assert row(out, "Verdict") == ["RAG", "Measure first"]
    assert row(out, "Prompting / month") == ["$300", "$1,500"]
    assert row(out, "Fine-tuning / month") == ["$150", "$250"]
    assert row(out, "Fine-tuning up front") == ["$12,000", "$12,000"]
    assert row(out, "Break-even") == ["80 mo", "9.6 mo"]
    assert row(out, "Prompting total") == ["$7,200", "$36,000"]
    assert row(out, "Fine-tuning total") == ["$15,600", "$18,000"]
    assert max(map(len, lines)) <= 80


def test_six_profiles_fit_80_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [
        TEN,
        FIFTY,
        HUNDRED,
        FIVE_HUNDRED,
        extreme(tmp_path, "N" * 200, "999999999999"),
        extreme(tmp_path, "Tier [Gold] " + "x" * 150, "123456789.5"),
    ]
    code, out, _ = run(["compare", *map(str, files)], capsys)
    assert code == 1
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80
    heads = [
        line.split()
        for line in lines
        if line.startswith(" ") and line.split() and all(w.isupper() for w in line.split())
    ]
    assert [letter for head in heads for letter in head] == list("ABCDEF")
    assert len(heads) >= 2  # wrapped in blocks
    verdicts = [
        cell
        for line in lines
        if line.startswith("Verdict ")
        for cell in re.split(r"\s{2,}", line.removeprefix("Verdict").strip())
    ]
    assert verdicts == ["RAG", "Measure first", "Measure first", "Measure first", "RAG", "RAG"]
    assert "$999,999,999,999" in out and "$123,456,789.50" in out
    legend = [line for line in lines if line[:1] in "EF" and line[1:3] == "  "]
    assert len(legend) == 2 and all(line.endswith("…") for line in legend)  # abbreviated
    # the hand edits left stale snapshots: said below the table, wrapped to 80 columns
    assert "E: stale: computed by tunewise 0.1.0" in out


def test_many_profiles_get_spreadsheet_letters(capsys: pytest.CaptureFixture[str]) -> None:
    assert [column_name(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip
    code, out, _ = run(["compare", *[str(TEN)] * 28], capsys)
    assert code == 0
    assert max(map(len, out.splitlines())) <= 80
    assert f"AB  {TEN}" in out


def test_gates(capsys: pytest.CaptureFixture[str]) -> None:
    def status(*argv: str) -> int:
        return run(["compare", *argv], capsys)[0]

    assert status(str(TEN), str(TEN)) == 0
    assert status(str(TEN), str(TEN), "--fail-on", "verdict", "--fail-above", "0") == 0
    assert status(str(TEN), str(FIFTY)) == 1
    assert status(str(TEN), str(FIFTY), "--fail-on", "verdict") == 1
    # 100K and 500K: both measure_first; every outcome moves by at most +400%
    assert status(str(HUNDRED), str(FIVE_HUNDRED)) == 1
    assert status(str(HUNDRED), str(FIVE_HUNDRED), "--fail-on", "verdict") == 0
    assert status(str(HUNDRED), str(FIVE_HUNDRED), "--fail-above", "400") == 0
    assert status(str(HUNDRED), str(FIVE_HUNDRED), "--fail-above", "399.9") == 1
    # the gates measure from the first profile; a third one past the gate trips it
    assert status(str(HUNDRED), str(HUNDRED), str(FIVE_HUNDRED), "--fail-above", "399") == 1
    assert status(str(HUNDRED), str(HUNDRED), str(FIVE_HUNDRED), "--fail-on", "verdict") == 0
    # a break-even that appears from "never" is an infinite move
    assert status(str(NEVER), str(TEN), "--fail-above", "1000000") == 1


def test_trouble_is_exit_2_whatever_the_gates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[profile\n")
    code, out, err = run(["compare", str(TEN), str(bad), "--fail-on", "verdict"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and str(bad) in err


def test_markdown_for_a_pull_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, md, _ = run(
        ["compare", str(TEN), str(NEVER), str(SAME_COST), "--format", "markdown"], capsys
    )
    assert code == 1
    lines = md.splitlines()
    assert lines[0].startswith("| Profile | Verdict | Prompting / month | Fine-tuning / month |")
    assert lines[1].startswith("|---|---|---:|")
    assert lines[2] == (
        "| Customer support chatbot, 10K queries a month | RAG | $300 | $150 | $0 | $12,000 "
        "| 80 mo | 24 mo | $7,200 | $15,600 |"
    )
    assert "| never[^1] |" in lines[3] and "| never[^2] |" in lines[4]
    assert "[^1]: Never breaks even: fine-tuned tokens cost 2× the base price" in md
    assert "[^2]: Never breaks even: a fine-tuned request costs $0.00221 vs $0.00221" in md
    assert "Measure first" in md
    # one footnote per distinct reason
    code, md, _ = run(["compare", str(NEVER), str(NEVER), "--format", "markdown"], capsys)
    assert md.count("[^1]:") == 1 and "[^2]" not in md and md.count("never[^1]") == 2


def test_json_has_the_same_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(TEN), str(FIFTY), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and data["same"] is False
    assert [r["verdict"] for r in data["rows"]] == ["rag", "measure_first"]
    assert [r["costs"]["break_even_months"] for r in data["rows"]] == ["80", "9.6"]
    assert data["rows"][0]["break_even_note"].startswith("$12,000 more up front")


@pytest.mark.parametrize("verb", ["diff", "compare"])
@pytest.mark.parametrize("percent", ["-5", "nan", "inf", "lots"])
def test_fail_above_takes_only_a_percentage_of_zero_or_more(
    verb: str, percent: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A negative gate would trip on identical profiles: refused, one line, exit 2."""
    same = str(EX / "code-generation.toml")
    with pytest.raises(SystemExit) as exit_:
        main([verb, same, same, "--fail-above", percent, "--format", "text"])
    assert exit_.value.code == 2
    assert "argument --fail-above" in capsys.readouterr().err.strip().splitlines()[-1]


def test_fail_above_accepts_a_percent_sign(capsys: pytest.CaptureFixture[str]) -> None:
    same = str(EX / "code-generation.toml")
    assert main(["diff", same, same, "--fail-above", "10%"]) == 0
