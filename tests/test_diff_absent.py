"""`tunewise diff` says "(absent)" for an answer only one file writes, and never lists a key
neither file writes (a default beside a quote the other side lacks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main

EX = Path(__file__).resolve().parents[1] / "profiles" / "examples"
BRAND, CODE = EX / "brand-voice.toml", EX / "code-generation.toml"


def diff(a: Path, b: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["diff", str(a), str(b), *args])
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_an_answer_one_file_leaves_out_reads_absent(capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(BRAND, CODE, capsys)
    assert "  User content tokens: 300 → (absent)" in out
    assert "  Engineering hours: 20 → (absent)" in out
    assert "  Requests a month: (absent) → 500,000" in out
    assert "-100%" not in out.split("\nOutcomes\n")[0]  # no default 0 passed off as the answer
    back = diff(CODE, BRAND, capsys)
    assert "  User content tokens: (absent) → 300" in back


def test_keys_neither_file_writes_are_never_listed(capsys: pytest.CaptureFixture[str]) -> None:
    for a, b in ((BRAND, CODE), (CODE, BRAND)):
        out = diff(a, b, capsys)
        assert "confidence: primary" not in out
        assert "Prompting, input: $0.30 → (absent)" in out or a is CODE


def test_json_has_null_for_the_absent_side(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    data = json.loads(diff(BRAND, CODE, capsys, "--format", "json"))
    change = next(c for c in data["answers"] if c["path"] == "workload.user_tokens")
    assert (change["before"], change["after"], change["delta"]) == ("300", None, "")
    confidences = [c for c in data["prices"] if c["path"].endswith(".confidence")]
    assert [(c["before"], c["after"]) for c in confidences] == [("secondary", None)]  # written
