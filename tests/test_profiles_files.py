"""Profiles on disk: deterministic writes, exact round trips, atomic saves, migration."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.catalog import Catalog
from engine.evaluate import evaluate
from engine.tomlfile import FileError
from profiles.atomic import ProfileExists
from profiles.files import (
    evaluate_profile,
    load_profile,
    open_profile,
    save_profile,
    snapshot,
)
from profiles.model import PLAIN_FORMAT, Header, Profile
from profiles.writer import dumps

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "profiles" / "examples").glob("*.toml"))

MINIMAL = """[profile]
format = 2
name = "NAME"
assessed_on = 2026-11-22

[workload]
requests_per_month = 10000

[prompting]
inference_monthly_usd = 300

[fine_tuning]
serving_monthly_usd = 150
upfront_usd = 12000
"""


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_shipped_examples_load_and_round_trip(path: Path, tmp_path: Path) -> None:
    opened = open_profile(path)
    assert opened.stale is None
    once = tmp_path / "once.toml"
    save_profile(snapshot(opened.profile, opened.book, opened.result), once)
    twice = tmp_path / "twice.toml"
    save_profile(load_profile(once), twice)
    assert once.read_bytes() == twice.read_bytes()


def test_snapshot_evaluates_without_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = open_profile(ROOT / "profiles/examples/classification-gpt-4o-mini.toml")
    path = tmp_path / "p.toml"
    save_profile(snapshot(opened.profile, opened.book, opened.result), path)
    import engine.catalog

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the price snapshot should be enough")

    monkeypatch.setattr(engine.catalog, "load_catalog", refuse)
    book, result = evaluate_profile(load_profile(path))
    assert book == opened.book
    assert result.finetune.monthly_usd == opened.result.finetune.monthly_usd


@pytest.mark.parametrize(
    "name", ["Tier [Gold]", "[/]", "[@click=app.quit]x", "trailing\\", 'quote " and \\n', "ünï ✓"]
)
def test_markup_and_escapes_in_names_are_valid_and_round_trip(name: str, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(MINIMAL.replace("NAME", escaped), encoding="utf-8")
    profile = load_profile(path)
    assert profile.profile.name == name
    out = tmp_path / "out.toml"
    save_profile(profile, out)
    assert load_profile(out).profile.name == name
    assert out.read_bytes() == path.read_bytes()


def test_numbers_are_written_as_people_write_them() -> None:
    from profiles.writer import number

    assert number(Decimal("1E+3")) == "1000"
    assert number(Decimal("300.00")) == "300"
    assert number(Decimal("0.150")) == "0.15"
    assert number(Decimal("1E-7")) == "0.0000001"
    assert number(Decimal("-0")) == "0"
    out = dumps(load_profile(ROOT / "profiles/examples/roi-1m-requests.toml"))
    assert "input_usd_per_mtok = 2.5\n" in out
    assert "requests_per_month = 1000000\n" in out
    assert not [line for line in out.splitlines() if line.startswith("#")]


def test_stale_result_is_said_in_one_line(tmp_path: Path) -> None:
    opened = open_profile(ROOT / "profiles/examples/support-chatbot-10k.toml")
    path = tmp_path / "p.toml"
    save_profile(snapshot(opened.profile, opened.book, opened.result), path)
    edited = path.read_text().replace("inference_monthly_usd = 300", "inference_monthly_usd = 400")
    path.write_text(edited)
    note = open_profile(path).stale
    assert note is not None and "\n" not in note
    assert note.startswith("stale: computed by tunewise 0.1.0 with prices as of ")
    assert "prompting, monthly was $300, now $400" in note


def test_older_format_migrates_in_memory_only(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(MINIMAL.replace("format = 2", "format = 1").replace("NAME", "old"))
    before = path.read_bytes()
    profile = load_profile(path)
    assert profile.profile.format == PLAIN_FORMAT == 2
    assert path.read_bytes() == before
    save_profile(profile, path, force=True)
    assert b"format = 2\n" in path.read_bytes()


def test_newer_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    path.write_text(MINIMAL.replace("format = 2", "format = 4").replace("NAME", "n"))
    with pytest.raises(FileError, match="format 4 is newer"):
        load_profile(path)


def test_save_never_overwrites_a_different_file(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("someone else's notes\n")
    profile = load_profile(ROOT / "profiles/examples/support-chatbot-10k.toml")
    with pytest.raises(ProfileExists, match=r"p\.toml: exists and differs"):
        save_profile(profile, path)
    assert path.read_text() == "someone else's notes\n"
    save_profile(profile, path, force=True)
    assert load_profile(path) == profile
    save_profile(profile, path)  # the same bytes: nothing to refuse
    assert [p.name for p in tmp_path.iterdir()] == ["p.toml"]


def test_save_into_a_missing_directory_is_one_line(tmp_path: Path) -> None:
    profile = load_profile(ROOT / "profiles/examples/support-chatbot-10k.toml")
    with pytest.raises(FileError, match="directory does not exist"):
        save_profile(profile, tmp_path / "nope" / "p.toml")


def test_interrupted_save_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    save_profile(load_profile(ROOT / "profiles/examples/support-chatbot-10k.toml"), path)
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from profiles.files import load_profile, save_profile
        other = load_profile(Path({str(ROOT / "profiles/examples/support-chatbot-50k.toml")!r}))
        os.replace = lambda *a, **k: os._exit(9)   # killed between write and rename
        save_profile(other, Path({str(path)!r}), force=True)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=False)
    assert done.returncode == 9
    assert path.read_bytes() == before
    assert load_profile(path).workload.requests_per_month == 10000


# -- property: any valid assessment survives save → load → save byte-identical ---------------

TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=0, max_size=40
)
MONEY = st.decimals(min_value=0, max_value=10**7, places=4, allow_nan=False, allow_infinity=False)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    volume_key = draw(st.sampled_from(["requests_per_month", "requests_per_day"]))
    workload = {
        volume_key: draw(st.decimals(min_value=1, max_value=10**8, places=2)),
        "output_tokens": draw(st.integers(0, 10_000)),
        "horizon_months": draw(st.integers(1, 120)),
    }
    if draw(st.booleans()):
        workload["monthly_growth"] = draw(st.decimals(min_value=0, max_value=1, places=3))
    prompting = draw(
        st.sampled_from(
            [
                {"inference_monthly_usd": draw(MONEY)},
                {"cost_per_request_usd": draw(MONEY)},
                {
                    "prices": {
                        "input_usd_per_mtok": draw(MONEY),
                        "output_usd_per_mtok": draw(MONEY),
                    }
                },
            ]
        )
    )
    fine_tuning: dict[str, object] = {"serving_monthly_usd": draw(MONEY)}
    if draw(st.booleans()):
        fine_tuning["upfront_usd"] = draw(MONEY)
    else:
        fine_tuning["training_usd"] = draw(MONEY)
        fine_tuning["engineering_hours"] = draw(st.decimals(min_value=0, max_value=1000, places=1))
        fine_tuning["usd_per_engineering_hour"] = draw(MONEY)
    header = {
        "name": draw(TEXT.filter(lambda s: s.strip() != "" or s != "")) or "x",
        "assessed_on": draw(st.dates(date(2020, 1, 1), date(2030, 12, 31))),
        "notes": draw(st.text(st.sampled_from('ab [/]\\"\n\t✓'), max_size=30)),
    }
    claims = [
        {
            "source": draw(TEXT),
            "figure": "break_even_months",
            "says": draw(st.floats(0, 1e6, allow_nan=False, allow_infinity=False)),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    answers: dict[str, object] = {}
    if draw(st.booleans()):  # answers the decision rules read, so verdicts vary
        yes_no = st.sampled_from(["yes", "no", "unknown"])
        answers["use_case"] = {
            "task": draw(st.sampled_from(["unknown", "code_generation", "standard_ner", "chat"])),
            "criticality": draw(st.sampled_from(["low", "high", "unknown"])),
            "knowledge_missing": draw(yes_no),
            "latency_critical": draw(yes_no),
        }
        answers["evidence"] = {
            "prompting_meets_target": draw(yes_no),
            "pilot_run": draw(yes_no),
        }
        answers["team"] = {"providers": draw(st.sampled_from([[], ["openai"], ["together"]]))}
    profile = Profile.model_validate(
        {
            "profile": header,
            "workload": workload,
            "prompting": prompting,
            "fine_tuning": fine_tuning,
            "claim": claims,
            **answers,
        }
    )
    if draw(st.booleans()):
        book = Catalog(None).resolve(profile.cost_inputs())  # given prices only
        profile = snapshot(profile, book, evaluate(profile.cost_inputs(), book))
    return profile


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(profile=profiles())
def test_any_valid_assessment_survives_save_load_save(profile: Profile, tmp_path: Path) -> None:
    first = tmp_path / "first.toml"
    second = tmp_path / "second.toml"
    for p in (first, second):
        if p.exists():
            p.unlink()
    save_profile(profile, first)
    loaded = load_profile(first)
    assert loaded.profile.name == profile.profile.name
    assert loaded.cost_inputs() == profile.cost_inputs()
    save_profile(loaded, second)
    assert first.read_bytes() == second.read_bytes()
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_snapshot_keeps_the_recommendation_and_round_trips(tmp_path: Path) -> None:
    from engine.rules import RULES_VERSION

    opened = open_profile(ROOT / "profiles/examples/flowchart-vs-litmus.toml")
    bare = opened.profile.model_copy(update={"result": None, "prices": None})
    saved = snapshot(bare, opened.book, opened.result)
    rec = saved.result.recommendation if saved.result else None
    assert rec is not None and rec.verdict == "measure_first" and rec.confidence == "medium"
    assert saved.profile.rules == RULES_VERSION and saved.result and saved.result.rules
    codes = [r.code for r in rec.reasons]
    assert len(codes) == len(set(codes))
    assert codes[0] == "litmus_002" and "flowchart_000" in codes and "task_table" in codes
    assert next(r for r in rec.reasons if r.code == "flowchart_000").favours == "fine_tuning"
    path, again = tmp_path / "p.toml", tmp_path / "again.toml"
    save_profile(saved, path)
    text = path.read_text()
    assert '[result.recommendation]\nverdict = "measure_first"\nconfidence = "medium"\n' in text
    assert 'method = ""' not in text and 'favours = ""' not in text  # unset, not empty
    loaded = load_profile(path)
    assert loaded == saved
    save_profile(loaded, again)
    assert again.read_bytes() == path.read_bytes()
    assert open_profile(path).stale is None
    # judge=False leaves the recommendation out; an explicit one is kept as given
    assert snapshot(bare, opened.book, opened.result, judge=False).result.recommendation is None  # type: ignore[union-attr]
    kept = snapshot(bare, opened.book, opened.result, recommendation=rec)
    assert kept == saved


def test_every_example_carries_its_recommendation_and_is_up_to_date() -> None:
    from profiles.examples.regenerate import regenerated

    verdicts = {}
    for path in EXAMPLES:
        profile = load_profile(path)
        assert profile.result is not None and profile.result.recommendation is not None, path
        verdicts[path.stem] = profile.result.recommendation.verdict
        assert profile.result.recommendation.reasons, path
        assert regenerated(path) == path.read_bytes(), (
            f"{path.name}: run profiles.examples.regenerate"
        )
    assert verdicts["support-chatbot-10k"] == "rag"
    assert verdicts["code-generation"] == "fine_tuning"
    assert verdicts["medical-diagnosis"] == "hybrid"


def test_a_changed_verdict_makes_the_result_stale(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    text = (ROOT / "profiles/examples/support-chatbot-10k.toml").read_text()
    path.write_text(text.replace('verdict = "rag"', 'verdict = "prompting"'))
    note = open_profile(path).stale
    assert note is not None and "\n" not in note
    assert note.endswith("; verdict was prompt engineering, now RAG")
    path.write_text(text.replace('confidence = "high"', 'confidence = "low"'))
    assert (open_profile(path).stale or "").endswith("; confidence was low, now high")


def test_the_apps_save_stores_the_recommendation(tmp_path: Path) -> None:
    from tui.state.bridge import save

    opened = open_profile(ROOT / "profiles/examples/support-chatbot-10k.toml")
    bare = opened.profile.model_copy(update={"result": None})
    path = tmp_path / "saved.toml"
    save(bare, path, book=opened.book, result=opened.result)
    assert path.read_bytes() == (ROOT / "profiles/examples/support-chatbot-10k.toml").read_bytes()


def test_hostile_text_in_a_stored_reason_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    text = (ROOT / "profiles/examples/support-chatbot-10k.toml").read_text()
    path.write_text(text.replace('code = "task_table"', 'code = "task table\\u001b[31m"'))
    with pytest.raises(FileError, match=r"result\.recommendation\.reasons\.5\.code"):
        load_profile(path)
    path.write_text(text.replace('text = "task table', 'text = "\\u001b[2Jtask table'))
    with pytest.raises(FileError, match="control character U\\+001B"):
        load_profile(path)


def test_header_has_the_rules_version() -> None:
    assert "rules" in Header.model_fields
