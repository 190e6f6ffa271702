"""Every price an option is costed at is listed with its source (the guide's standard: every
price with its source, date and confidence), under the option's name, once: a RAG option on
the baseline adds only its embedding price."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from tui.cli import main

PROFILE = """\
[profile]
format = 3
name = "Clause finder"
assessed_on = 2026-12-03

[workload]
requests_per_day = 1500
instruction_tokens = 800
user_tokens = 300
output_tokens = 400
horizon_months = 12

[prompting]
model = "openai:gpt-4.1"

[fine_tuning]
base_model = "openai:gpt-4.1-mini"
upfront_usd = 500

[fine_tuning.serving]
kind = "per_token"

[options.rag]
kind = "rag"
name = "Clause library [RAG]"
documents = 40000
tokens_per_document = 900
embedding_usd_per_mtok = 0.13
changed_share_per_month = 0
store_monthly_usd = 25
retrieved_tokens = 2000

[options.mistral]
kind = "prompting"
name = "Mistral, prompted"

[options.mistral.prices]
input_usd_per_mtok = 0.4
output_usd_per_mtok = 2
"""


def assess(path: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), *args]) == 0
    return out.getvalue()


def _profile(tmp_path: Path) -> Path:
    path = tmp_path / "clauses.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


def test_each_options_own_prices_are_listed_with_their_source(tmp_path: Path) -> None:
    data = json.loads(assess(_profile(tmp_path), "--format", "json"))
    roles = {p["role"]: p for p in data["prices"]}
    assert roles["options.rag.embedding"]["usd"] == 0.13
    assert roles["options.rag.embedding"]["unit"] == "per 1M embedding tokens"
    assert roles["options.mistral.prompting.input"]["usd"] == 0.4
    assert roles["options.mistral.prompting.output"]["source"] == (
        "given in the profile (options.mistral.prices)"
    )
    # The RAG option answers on the baseline's model: its prices are listed once, as the
    # baseline's.
    assert "options.rag.prompting.input" not in roles
    assert roles["prompting.input"]["usd"] == 2.0


def test_the_text_lists_them_under_the_options_name(tmp_path: Path) -> None:
    text = assess(_profile(tmp_path))
    prices = text.split("\nPrices used\n")[1].split("\n\n")[0]
    lines = [line.strip() for line in prices.splitlines()]
    rag = lines.index("Clause library [RAG]:")
    assert lines[rag + 1].split() == ["Embedding", "$0.13", "per", "1M", "embedding", "tokens"]
    mistral = lines.index("Mistral, prompted:")
    assert lines[mistral + 1].split()[:3] == ["Prompting,", "input", "$0.40"]
    assert lines[mistral + 2] == "given in the profile (prices)"
    markdown = assess(_profile(tmp_path), "--format", "markdown")
    assert "| Clause library \\[RAG\\]: Embedding | $0.13 |" in markdown
