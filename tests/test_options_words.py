"""Issue 18 item 3: the summary and the recommendation of a format-3 profile speak of the
option that implements the verdict, with its own cost; when none does, the next step says
which option to add, in words. Options are named, never shown by id, in text and Markdown."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

from profiles.files import load_profile
from tui.cli import main

MEDICAL = (
    Path(__file__).parents[1] / "profiles" / "examples" / "options" / "medical-options-2026.toml"
)


def assess(path: Path, fmt: str = "text") -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", fmt]) == 0
    return out.getvalue()


def summary_of(text: str) -> str:
    return " ".join(text.split("\n\n")[1].split())


def test_the_summary_uses_the_implementing_options_cost() -> None:
    summary = summary_of(assess(MEDICAL))
    # RAG on the fine-tune: 72 + 67.50 + 0.03 + 70 + 0.12 = $209.65 a month; up front
    # $12,000 + 30M tok × $0.02/1M = $12,000.60; $209.65 - $139.50 = $70.15 more.
    assert (
        "RAG plus fine-tuning (003 Pattern 2) costs $209.65 a month against $139.50 on the "
        "baseline ($70.15 more), so it never pays back its $12,000.60 up front." in summary
    )
    assert "Fine-tuning saves nothing" not in summary


def test_the_recommendation_names_the_option_and_json_its_id() -> None:
    text = assess(MEDICAL)
    rec = text.split("Recommendation:")[1].split("\n\n")[0]
    assert "Option: RAG plus fine-tuning (003 Pattern 2) costs $209.65 a month" in " ".join(
        rec.split()
    )
    data = json.loads(assess(MEDICAL, "json"))
    assert data["recommendation"]["option"] == "rag_ft"
    assert data["verdict_option"]["option"] == "rag_ft"
    # The costs block keeps its meaning: the baseline against the profile's own fine-tune.
    assert data["costs"]["finetune_monthly"] == 139.5
    assert data["costs"]["finetune_upfront"] == 12000


def test_options_are_named_not_shown_by_id() -> None:
    for fmt in ("text", "markdown"):
        body = assess(MEDICAL, fmt).replace("\\_", "_")
        for code in ("rag_ft", "fine_tuning", "lite:", "route:", "| baseline |"):
            assert code not in body, (fmt, code)
        assert re.search(r"^\s+baseline\s{2,}\$", body, re.MULTILINE) is None


def test_break_even_in_the_table_uses_the_reports_month_words() -> None:
    table = assess(MEDICAL).split("Options (break-even")[1].split("\n\n")[0]
    # Routing: $12,000 ÷ ($139.50 - $76.44) = 190.29 months; Flash-Lite: no upfront, cheaper.
    assert "190.29 months" in table and "at once" in table
    assert "0 months" not in table and "190.3 months" not in table


def test_a_late_payback_is_worded_with_its_months_in_brackets(tmp_path: Path) -> None:
    text = MEDICAL.read_text(encoding="utf-8")
    cut = text.index("[options.rag_ft]")
    rest = text[text.index("[options.route]") :]
    path = tmp_path / "route.toml"
    path.write_text(text[:cut] + rest, encoding="utf-8")
    summary = summary_of(assess(path))
    # No RAG on a fine-tune: the routing option implements the hybrid.
    assert (
        "Model routing (003 Pattern 3) costs $76.44 a month against $139.50 on the baseline "
        "($63.06 less) but does not pay back its $12,000 up front within the 24-month horizon "
        "(it would take 190 months)." in summary
    )


def test_no_matching_option_says_which_to_add_in_words(tmp_path: Path) -> None:
    text = MEDICAL.read_text(encoding="utf-8")
    cut = text.index("[options.rag_ft]")
    path = tmp_path / "none.toml"
    path.write_text(text[:cut] + text[text.index("[use_case]") :], encoding="utf-8")
    assert load_profile(path).options.keys() == {"lite"}
    shown = assess(path)
    summary = summary_of(shown)
    assert "Next: add a hybrid option, to cost the hybrid against the baseline" in summary
    assert "kind =" not in summary
    steps = " ".join(shown.split("Next steps")[1].split())
    assert steps.startswith("- Add a hybrid option")
    assert 'In the profile: an [options.NAME] table with kind = "rag"' in steps
    assert re.search(r"\b[a-z]+_[a-z_]+\b", shown.split("Sources")[0].replace("\\_", "_")) is None
    data = json.loads(assess(path, "json"))
    assert data["recommendation"]["option_to_add"][0].startswith("Add a hybrid option")
