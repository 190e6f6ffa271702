"""`tunewise tokens`: counts files for a model offline, per file and in total, or per request;
refuses a missing file or an unknown model in one line with exit 2; other verbs never load
the tokenizer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine import tokens
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
TUNEWISE = Path(sys.executable).with_name("tunewise")
MIXED = "I'm can't HELLO'S camelCaseWord  123456 \n\n  x"

exact_only = pytest.mark.skipif(not tokens.has_exact(), reason="tunewise[tokens] not installed")

NO_NETWORK = """\
import socket


class _NoNetwork(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("network disabled by the test")


socket.socket = _NoNetwork
socket.create_connection = lambda *a, **k: _NoNetwork()
"""
"""A `sitecustomize` that makes any socket fail: what runs under it ran offline."""


def _samples(folder: Path) -> Path:
    """Three requests as JSON Lines whose o200k_base reference counts are 2, 15 and 7."""
    path = folder / "requests.jsonl"
    lines = [json.dumps("hello world"), json.dumps({"text": MIXED}), json.dumps("你好，世界 🌍🚀")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@exact_only
def test_the_real_binary_counts_a_sample_file_for_gpt_4o_offline(tmp_path: Path) -> None:
    offline = tmp_path / "offline"
    offline.mkdir()
    (offline / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    samples = _samples(tmp_path)
    (tmp_path / "prompt.txt").write_text("hello world", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(offline), "HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    check = [sys.executable, "-c", "import socket; socket.socket()"]
    refused = subprocess.run(check, env=env, capture_output=True, text=True, check=False)
    assert "network disabled by the test" in refused.stderr  # the guard is in force

    argv = [TUNEWISE, "tokens", "prompt.txt", samples.name, "--model", "openai:gpt-4o"]
    done = subprocess.run(
        [str(a) for a in argv],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    # "hello world" is 2 tokens in o200k_base; the JSON Lines file, counted as one text
    # (no --per-request), is its 3 lines of JSON.
    lines = done.stdout.splitlines()
    assert lines[0] == "tokens for openai:gpt-4o (o200k_base, exact)"
    assert lines[1].split() == ["prompt.txt", "2"]

    argv += ["--per-request", "--format", "json"]
    done = subprocess.run(
        [str(a) for a in argv],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    sample = report["files"][1]
    # The encoding's reference counts: 2, 15 and 7 tokens (see test_engine_tokens.py).
    assert sample == {
        "file": "requests.jsonl",
        "requests": 3,
        "tokens": 24,
        "mean": 8.0,
        "mean_rounded": 8,
        "min": 2,
        "max": 15,
    }
    assert report["method"] == "o200k_base, exact" and report["exact"] is True


@exact_only
def test_files_and_their_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("hello world", encoding="utf-8")
    (tmp_path / "b.txt").write_text(MIXED, encoding="utf-8")
    code, out, err = _run(["tokens", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "tokens for openai:gpt-4o (o200k_base, exact)"  # the default model
    assert [line.split()[-1] for line in lines[1:]] == ["2", "15", "17"]
    assert lines[-1].split()[0] == "total"

    code, out, _ = _run(["tokens", str(tmp_path / "b.txt"), "--model", "azure:gpt-4.1"], capsys)
    assert out.splitlines() == [
        "tokens for azure:gpt-4.1 (o200k_base, exact)",
        f"  {tmp_path / 'b.txt'}  15",
    ]
    code, out, _ = _run(["tokens", str(tmp_path / "b.txt"), "--model", "openai:gpt-4"], capsys)
    assert out.splitlines()[0] == "tokens for openai:gpt-4 (cl100k_base, exact)"
    assert out.split()[-1] == "17"


def test_other_models_are_estimated_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "p.txt").write_text("x" * 401, encoding="utf-8")
    argv = ["tokens", str(tmp_path / "p.txt"), "--model", "anthropic:claude-3-5-sonnet"]
    code, out, err = _run([*argv, "--format", "json"], capsys)
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["exact"] is False
    assert report["method"] == "estimate: 4 characters a token"
    assert report["files"] == [{"file": str(tmp_path / "p.txt"), "tokens": 101}]
    assert report["hint"] is None


def test_without_the_extra_an_openai_model_says_how_to_count_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tokens, "has_exact", lambda: False)
    (tmp_path / "p.txt").write_text("hello world", encoding="utf-8")
    code, out, _ = _run(["tokens", str(tmp_path / "p.txt")], capsys)
    assert code == 0
    assert out.splitlines()[0] == "tokens for openai:gpt-4o (estimate: 4 characters a token)"
    assert out.splitlines()[-1] == "for exact counts: pip install 'tunewise[tokens]'"


def test_per_request_gives_mean_min_and_max_per_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = tmp_path / "requests.txt"
    blocks.write_text("x" * 8 + "\n\n" + "x" * 12 + "\n\n\n" + "x" * 3 + "\n", encoding="utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text('{"prompt": "xxxxxxxx"}\n"xxxxxxxxxxxxxxxx"\n', encoding="utf-8")
    argv = ["tokens", str(blocks), str(lines), "--model", "meta:llama-3.1-8b", "--per-request"]
    code, out, err = _run(argv, capsys)
    assert (code, err) == (0, "")
    rows = out.splitlines()
    assert rows[0] == "tokens for meta:llama-3.1-8b (estimate: 4 characters a token), per request"
    assert rows[1].split() == ["file", "requests", "mean", "min", "max"]
    assert rows[2].split()[1:] == ["3", "2.0", "1", "3"]  # 2, 3 and 1 tokens
    assert rows[3].split()[1:] == ["2", "3.0", "2", "4"]  # 2 and 4 tokens
    assert rows[4].split() == ["all", "files", "5", "2.4", "1", "4"]
    assert rows[5] == "mean per request, rounded: 2"

    code, out, _ = _run([*argv, "--format", "json"], capsys)
    report = json.loads(out)
    assert report["all"] == {
        "requests": 5,
        "tokens": 12,
        "mean": 2.4,
        "mean_rounded": 2,
        "min": 1,
        "max": 4,
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tokens", "missing.txt"], "tunewise: missing.txt: no such file"),
        (["tokens", "."], "tunewise: .: is a directory, not a file"),
        (["tokens", "bad.txt"], "tunewise: bad.txt:2: not UTF-8 text"),
        (
            ["tokens", "ok.txt", "--model", "openai:gpt-4oo"],
            "tunewise: --model: unknown model 'openai:gpt-4oo'; did you mean openai:gpt-4o?",
        ),
        (
            ["tokens", "ok.txt", "--model", "gpt-4o"],
            "tunewise: --model: model ids look like provider:model",
        ),
        (["tokens", "bad.jsonl", "--per-request"], "tunewise: bad.jsonl:2: not JSON"),
        (["tokens", "empty.txt", "--per-request"], "tunewise: empty.txt: no requests in it"),
    ],
)
def test_trouble_is_one_line_and_exit_2(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"fine\n\xff\n")
    (tmp_path / "bad.jsonl").write_text('"fine"\n{oops\n', encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    code, out, err = _run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


PROBE = """\
import sys
from tui.cli import main
main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "bpe_openai" or m == "engine.tokens")
print(loaded, file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("argv", "loaded"),
    [
        (["examples"], "[]"),
        (["tokens", "p.txt", "--model", "meta:llama-3.1-8b"], "['engine.tokens']"),
    ],
)
def test_the_tokenizer_loads_only_for_an_exact_count(
    argv: list[str], loaded: str, tmp_path: Path
) -> None:
    (tmp_path / "p.txt").write_text("hello", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stderr.strip().splitlines()[-1] == loaded, done.stderr


def test_a_dash_counts_the_text_piped_in(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("x" * 10 + "\n\n" + "x" * 2))
    code, out, _ = _run(["tokens", "-", "--model", "meta:llama-3.1-8b", "--per-request"], capsys)
    assert code == 0
    assert out.splitlines()[2].split() == ["(stdin)", "2", "2.0", "1", "3"]
