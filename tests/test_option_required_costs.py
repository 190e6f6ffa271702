"""A RAG option's vector store and share of documents changed a month, and a hybrid's router,
are answers the file must state: absent, they are refused in one line naming the answer,
never read as 0 (0 is written when true)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from tui.cli import main

HEAD = """\
[profile]
format = 3
name = "Required costs"
assessed_on = 2026-12-01

[workload]
requests_per_month = 10000
horizon_months = 12

[prompting]
cost_per_request_usd = 0.01

[fine_tuning]
serving_cost_per_request_usd = 0.002
upfront_usd = 1000
"""
RAG = """
[options.docs]
kind = "rag"
name = "Docs"
documents = 1000
tokens_per_document = 500
embedding_usd_per_mtok = 0.02
retrieved_tokens = 800
changed_share_per_month = 0.1
"""
ROUTE = """
[options.route]
kind = "routing"
name = "Route"
first = "fine_tuning"
second = "baseline"
share_to_first = 0.5
"""


COST = "missing: required; a cost of nothing is written 0"


@pytest.mark.parametrize(
    ("option", "field", "said"),
    [
        (RAG, "options.docs.store_monthly_usd", COST),
        (ROUTE, "options.route.router_usd_per_request", COST),
        (
            RAG.replace("changed_share_per_month = 0.1\n", "store_monthly_usd = 0\n"),
            "options.docs.changed_share_per_month",
            "missing: required",
        ),
    ],
)
def test_an_absent_store_change_or_router_is_refused_in_one_line(
    tmp_path: Path, option: str, field: str, said: str
) -> None:
    path = tmp_path / "p.toml"
    path.write_text(HEAD + option, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["assess", str(path)]) == 2
    assert err.getvalue().strip() == f"tunewise: {path}:17: {field}: {said}"


@pytest.mark.parametrize(
    "option",
    [RAG + "store_monthly_usd = 0\n", ROUTE + "router_usd_per_request = 0\n"],
)
def test_zero_written_is_an_answer(tmp_path: Path, option: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(HEAD + option, encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["assess", str(path)]) == 0
