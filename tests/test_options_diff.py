"""Issue 18 item 5: `diff` names the options added, removed and changed and each one's
outcome change in words; `compare` lists each profile's cheapest option and the verdict's;
the `--fail-on verdict` and `--fail-above` gates keep working with options."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from tui.cli import main

MEDICAL = (
    Path(__file__).parents[1] / "profiles" / "examples" / "options" / "medical-options-2026.toml"
)
CHATBOT = Path(__file__).parents[1] / "profiles" / "examples" / "support-chatbot-10k.toml"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    """The medical example with routing at 70%, a dearer vector store and an option added."""
    text = MEDICAL.read_text(encoding="utf-8")
    text = text.replace("share_to_first = 0.6", "share_to_first = 0.7")
    text = text.replace("store_monthly_usd = 70", "store_monthly_usd = 90")
    text = text.replace(
        "[options.route]",
        '[options.pro]\nkind = "prompting"\nmodel = "google:gemini-3.5-flash"\n'
        'name = "Gemini 3.5 Flash, shorter prompt"\ninstruction_tokens = 400\n\n[options.route]',
    )
    path = tmp_path / "changed.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_names_options_added_and_changed_with_outcomes_in_words(changed: Path) -> None:
    code, text = run("diff", str(MEDICAL), str(changed))
    assert code == 1
    assert "option added: Gemini 3.5 Flash, shorter prompt (prompting)" in text
    assert "RAG plus fine-tuning (003 Pattern 2): vector store a month: +$20/mo ($70 → $90" in text
    assert "Model routing (003 Pattern 3): share to the first: +0.1" in text
    # Routing at 70%: 0.7 × $33.15 + 0.3 × $139.50 + $0.75 = $23.205 + $41.85 + $0.75
    # = $65.805, shown $65.80 (half-even); break-even $12,000 ÷ ($139.50 - $65.805)
    # = 162.83 months.
    assert "Model routing (003 Pattern 3), monthly: -$10.64/mo ($76.44 → $65.80, -14%)" in text
    assert "Model routing (003 Pattern 3), break-even: -27.46 months (190.29 → 162.83" in text
    # Its prompt halves: 15,000 × (400 + 2,000 + 400) tok × $1.50/1M + $67.50 = $130.50.
    assert (
        "Gemini 3.5 Flash, shorter prompt, added: $130.50 a month, $0 up front, "
        "break-even at once, $3,132 at 24 months" in text
    )
    body = text.split("\n", 2)[2]
    assert "options." not in body and "rag_ft" not in body and "share_to_first" not in body
    data = json.loads(run("diff", str(MEDICAL), str(changed), "--format", "json")[1])
    paths = {c["path"] for c in data["answers"]}
    assert {"options.pro", "options.route.share_to_first"} <= paths


def test_diff_names_an_option_removed(changed: Path) -> None:
    code, text = run("diff", str(changed), str(MEDICAL))
    assert code == 1
    assert "option removed: Gemini 3.5 Flash, shorter prompt (prompting)" in text
    assert "Gemini 3.5 Flash, shorter prompt, removed: $130.50 a month" in text


def test_gates_keep_working_with_options(changed: Path) -> None:
    a, b = str(MEDICAL), str(changed)
    assert run("diff", a, b, "--fail-on", "verdict")[0] == 0  # the verdict holds
    # The largest outcome change is routing's -14% (monthly and break-even).
    assert run("diff", a, b, "--fail-above", "20")[0] == 0
    assert run("diff", a, b, "--fail-above", "10")[0] == 1
    assert run("compare", a, b, "--fail-on", "verdict", "--format", "text")[0] == 0
    assert run("compare", a, str(CHATBOT), "--fail-on", "verdict", "--format", "text")[0] == 1


def test_compare_lists_each_profiles_cheapest_and_verdicts_option(changed: Path) -> None:
    code, text = run("compare", str(MEDICAL), str(changed), str(CHATBOT), "--format", "text")
    assert code == 1
    assert "A: cheapest at 24 months: Gemini 3.5 Flash-Lite, prompted ($795.60)" in text
    # The vector store's $20 more a month over 24 months: $17,032.20 + $480 = $17,512.20.
    assert "B: the verdict's option: RAG plus fine-tuning (003 Pattern 2) ($17,512.20)" in text
    assert "C: " not in text.split("Options")[1]
    data = json.loads(run("compare", str(MEDICAL), str(CHATBOT), "--format", "json")[1])
    first, plain = data["rows"]
    assert first["options"]["cheapest"] == "lite"
    assert first["options"]["verdict_option"] == "rag_ft"
    assert "options" not in plain  # a format-2 row keeps its keys
    md = run("compare", str(MEDICAL), str(CHATBOT), "--format", "markdown")[1]
    assert "the verdict's option: RAG plus fine-tuning (003 Pattern 2) ($17,032.20)" in md
