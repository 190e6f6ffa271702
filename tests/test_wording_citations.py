"""Guides cited by name, not number (issue 14): the rules' texts say `(003: 'Start with
Prompting. Always.')`; the reader sees `(practical guide: …)`. `guide 003` stays: it is the
short label the source note explains."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from engine.wording import plain
from tui.cli import main

EXAMPLES = sorted((Path(__file__).parents[1] / "profiles" / "examples").glob("*.toml"))
BARE_NUMBER = re.compile(r"(?<![\w.,$/>-])(?<![Gg]uide )00[0-3]\b(?!_)")


@pytest.mark.parametrize(
    ("said", "read"),
    [
        (
            "prompting (003: 'Start with Prompting. Always.')",
            "prompting (practical guide: 'Start with Prompting. Always.')",
        ),
        (
            "(003 Step 13: 'Choose smallest model'; 001: 'Wrong model size')",
            "(practical guide, step 13: 'Choose smallest model'; "
            "decision tree: 'Wrong model size')",
        ),
        ("RAG + fine-tuning, 003 Pattern 2", "RAG + fine-tuning, practical guide, pattern 2"),
        ("001's sentiment row", "decision tree's sentiment row"),
        ("(guide 003, step 5)", "(guide 003, step 5)"),
        ("costs $0.003, 1,003 requests, 2000 tokens", "costs $0.003, 1,003 requests, 2000 tokens"),
    ],
)
def test_a_guide_cited_by_number_reads_as_its_name(said: str, read: str) -> None:
    assert plain(said) == read


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_reports_cite_guides_by_name(path: Path, fmt: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["assess", str(path), "--format", fmt]) == 0
    body = re.split(r"^(?:\*\*)?Sources(?:\*\*)?$", out.getvalue(), flags=re.MULTILINE)[0]
    assert BARE_NUMBER.findall(" ".join(body.split())) == []  # joined: a wrap splits `guide 003`
