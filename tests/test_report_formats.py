"""Output formats are renderers registered by name: a new one is one module plus one
registration line, and becomes a `--format` choice of the verbs that render that document."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from profiles.files import evaluate_profile, load_profile
from profiles.ranges import add_uncertainty
from profiles.reports import registry
from profiles.reports.build import assessment_report
from tests import toy_report_format
from tui.cli import main

EX = Path(__file__).resolve().parents[1] / "profiles" / "examples"
CHATBOT, RANGES = EX / "support-chatbot-50k.toml", EX / "support-chatbot-ranges.toml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_a_toy_format_registered_by_name_is_a_choice_of_assess(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(registry.RENDERERS["assess"], "csv", toy_report_format.render)

    out = run(capsys, "assess", str(CHATBOT), "--format", "csv")
    rows = {line.split(",")[0]: line.split(",")[1:] for line in out.splitlines()[1:]}
    assert out.splitlines()[0] == "row,prompting,finetune"
    assert list(rows) == ["monthly", "upfront", "per_request", "total"]
    costs = json.loads(run(capsys, "assess", str(CHATBOT), "--format", "json"))["costs"]
    assert round(Decimal(rows["monthly"][0]), 6) == Decimal(repr(costs["prompting_monthly"]))
    assert round(Decimal(rows["monthly"][1]), 6) == Decimal(repr(costs["finetune_monthly"]))

    with pytest.raises(SystemExit) as done:
        main(["assess", "--help"])
    assert done.value.code == 0
    assert "--format {text,json,markdown,csv}" in capsys.readouterr().out


def test_an_unregistered_format_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["assess", str(CHATBOT), "--format", "csv"])
    assert done.value.code == 2
    assert "invalid choice: 'csv'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "document", "choices"),
    [
        (["diff", str(CHATBOT), str(RANGES)], "ProfileDiff", "{text,markdown,json,kind}"),
        (["compare", str(CHATBOT), str(RANGES)], "Comparison", "{text,markdown,json,kind}"),
        (["prices", "gpt-4o"], "PriceQuery", "{text,json,kind}"),
    ],
)
def test_the_other_verbs_take_their_formats_from_the_registry(
    argv: list[str],
    document: str,
    choices: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(registry.RENDERERS[argv[0]], "kind", lambda d: type(d).__name__ + "\n")
    main([*argv, "--format", "kind"])
    assert capsys.readouterr().out == document + "\n"
    with pytest.raises(SystemExit):
        main([argv[0], "--help"])
    assert f"--format {choices}" in capsys.readouterr().out


def test_the_simulation_is_a_section_of_the_document_every_format_renders() -> None:
    profile = load_profile(RANGES)
    book, result = evaluate_profile(profile)
    report = add_uncertainty(
        assessment_report(profile, result, book), profile, book, result, samples=200, seed=3
    )
    section = report.section("uncertainty")
    assert section is not None and section.samples == 200
    assert report.sections[-1] is section
    assert json.loads(registry.render("assess", "json", report))["uncertainty"]["samples"] == 200
    assert "\nHow sure (200 samples, seed 3, " in registry.render("assess", "text", report)
    assert "\n**How sure** (200 samples, seed 3, " in registry.render("assess", "markdown", report)


def test_an_unknown_upfront_is_a_section_saying_it_was_not_simulated(tmp_path: Path) -> None:
    text = RANGES.read_text(encoding="utf-8").replace("upfront_usd = 12000\n", "")
    text = text.replace('[ranges."fine_tuning.upfront_usd"]\nlow = 8000\nhigh = 35000\n', "")
    path = tmp_path / "unknown-upfront.toml"
    path.write_text(text, encoding="utf-8")
    profile = load_profile(path)
    book, result = evaluate_profile(profile)
    report = add_uncertainty(assessment_report(profile, result, book), profile, book, result)
    section = report.section("uncertainty")
    assert section is not None and section.samples == 0
    data = json.loads(registry.render("assess", "json", report))["uncertainty"]
    assert data["samples"] == 0 and data["reason"] == "upfront_unknown"
    assert "\n\nHow sure\nnot simulated: " in registry.render("assess", "text", report)
    assert "\n\n**How sure**\nnot simulated: " in registry.render("assess", "markdown", report)
