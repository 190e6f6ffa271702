"""Bad inputs give one-line errors naming the field, never a traceback: in the models, in
the catalog and through `tunewise assess`. Team price files override and switch off prices."""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from engine.catalog import load_catalog
from engine.errors import InputError
from engine.inputs import (
    CostInputs,
    FineTuningPath,
    GpuServing,
    HostedTraining,
    PromptingPath,
    TokenPrices,
    Workload,
)
from engine.tomlfile import FileError
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
CLASSIFICATION = ROOT / "profiles" / "examples" / "classification-gpt-4o-mini.toml"
ON = date(2026, 11, 22)

GOOD = """\
[profile]
name = "bad inputs"
assessed_on = 2026-11-22

[workload]
requests_per_month = 50000
instruction_tokens = 200
example_tokens = 600
output_tokens = 50

[prompting]
inference_monthly_usd = 1500

[fine_tuning]
upfront_usd = 12000
serving_monthly_usd = 250
"""


@pytest.fixture(autouse=True)
def _no_user_prices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def locs(exc: ValidationError) -> list[str]:
    return [".".join(str(p) for p in e["loc"]) for e in exc.errors()]


# -- the models ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"requests_per_month": -1}, "requests_per_month"),
        ({"requests_per_day": Decimal(-3)}, "requests_per_day"),
        ({"requests_per_month": float("nan")}, "requests_per_month"),
        ({"requests_per_month": Decimal("NaN")}, "requests_per_month"),
        ({"requests_per_month": float("inf")}, "requests_per_month"),
        ({"requests_per_month": "lots"}, "requests_per_month"),
        ({"requests_per_month": 10, "output_tokens": -1}, "output_tokens"),
        ({"requests_per_month": 10, "monthly_growth": float("nan")}, "monthly_growth"),
        ({"requests_per_month": 10, "horizon_months": 0}, "horizon_months"),
    ],
)
def test_bad_workload_values_name_their_field(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Workload(**kwargs)
    assert locs(caught.value) == [field]


def test_both_volumes_is_an_error_naming_both() -> None:
    with pytest.raises(ValidationError) as caught:
        Workload(requests_per_day=10, requests_per_month=300)
    message = str(caught.value)
    assert "requests_per_day" in message
    assert "requests_per_month" in message


@pytest.mark.parametrize("value", ["cheap", float("nan"), float("inf"), -1, "-0.01"])
def test_a_price_must_be_a_finite_non_negative_number(value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        TokenPrices(input_usd_per_mtok=value, output_usd_per_mtok=1)
    assert locs(caught.value) == ["input_usd_per_mtok"]


@pytest.mark.parametrize("share", [Decimal("1.01"), 2, -0.1, float("nan")])
def test_cached_share_is_a_fraction(share: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        PromptingPath(inference_monthly_usd=1, cached_prefix_share=share)
    assert locs(caught.value) == ["cached_prefix_share"]


def test_upfront_given_directly_overrides_the_itemised_parts() -> None:
    """The whole upfront cost is an override (the wizard's 'Or the whole upfront cost'): the
    parts stay in the profile and the line item names what it overrides."""
    path = FineTuningPath(
        upfront_usd=12_000,
        training=HostedTraining(examples=500, tokens_per_example=400),
        engineering_hours=40,
        serving_monthly_usd=250,
    )
    assert path.itemised() == ["training", "engineering_hours"]


def test_unknown_keys_are_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        PromptingPath(inference_monthly_usd=1, modle="openai:gpt-4o")  # type: ignore[call-arg]
    assert locs(caught.value) == ["modle"]


def _inputs(**prompting: Any) -> CostInputs:
    return CostInputs(
        assessed_on=ON,
        workload=Workload(requests_per_month=1000, user_tokens=100, output_tokens=10),
        prompting=PromptingPath(**prompting),
        fine_tuning=FineTuningPath(upfront_usd=100, serving_cost_per_request_usd=Decimal("0.001")),
    )


def test_unknown_model_is_an_input_error_with_did_you_mean() -> None:
    with pytest.raises(InputError) as caught:
        load_catalog(user_config=False).resolve(_inputs(model="openai:gpt-4o-mni"))
    assert caught.value.field == "prompting.model"
    assert "did you mean openai:gpt-4o-mini?" in caught.value.message
    assert "\n" not in str(caught.value)


def test_a_model_id_needs_a_provider() -> None:
    with pytest.raises(InputError) as caught:
        load_catalog(user_config=False).resolve(_inputs(model="gpt-4o-mini"))
    assert caught.value.field == "prompting.model"


def test_unknown_gpu_is_an_input_error_with_did_you_mean() -> None:
    inputs = _inputs(inference_monthly_usd=100).model_copy(
        update={
            "fine_tuning": FineTuningPath(
                method="lora", upfront_usd=100, serving=GpuServing(gpu="a10g-24")
            )
        }
    )
    with pytest.raises(InputError) as caught:
        load_catalog(user_config=False).resolve(inputs)
    assert caught.value.field == "fine_tuning.serving.gpu"
    assert "did you mean a10g-24gb?" in caught.value.message


# -- through the command -----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *needles: str) -> None:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tunewise: ")
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


BAD_PROFILES = {
    "negative-volume": (
        ("requests_per_month = 50000", "requests_per_month = -5"),
        "workload.requests_per_month",
        "requests_per_month =",
    ),
    "nan-volume": (
        ("requests_per_month = 50000", "requests_per_month = nan"),
        "workload.requests_per_month",
        "requests_per_month =",
    ),
    "inf-volume": (
        ("requests_per_month = 50000", "requests_per_month = inf"),
        "workload.requests_per_month",
        "requests_per_month =",
    ),
    "both-volumes": (
        ("requests_per_month = 50000", "requests_per_month = 50000\nrequests_per_day = 10"),
        "requests_per_day",
        "[workload]",
    ),
    "non-numeric-price": (
        (
            "inference_monthly_usd = 1500",
            '[prompting.prices]\ninput_usd_per_mtok = "cheap"\noutput_usd_per_mtok = 1',
        ),
        "prompting.prices.input_usd_per_mtok",
        "input_usd_per_mtok",
    ),
    "cached-share": (
        ("inference_monthly_usd = 1500", "inference_monthly_usd = 1500\ncached_prefix_share = 1.5"),
        "prompting.cached_prefix_share",
        "cached_prefix_share",
    ),
    "unknown-model": (
        ("inference_monthly_usd = 1500", 'model = "openai:gpt-4o-mni"'),
        "prompting.model",
        "model =",
    ),
    "unknown-gpu": (
        (
            "serving_monthly_usd = 250",
            '[fine_tuning.serving]\nkind = "self_hosted"\ngpu = "a10g-24"',
        ),
        "fine_tuning.serving.gpu",
        "gpu =",
    ),
    "unknown-key": (
        ("output_tokens = 50", "output_tokens = 50\noutput_tokenz = 5"),
        "workload.output_tokenz",
        "output_tokenz",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_PROFILES))
def test_a_bad_profile_gives_one_line_naming_file_line_and_field(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (old, new), field, marker = BAD_PROFILES[case]
    assert old in GOOD
    text = GOOD.replace(old, new)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith(marker))
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "assess", str(path))
    assert code == 2
    assert out == ""
    assert_one_line_error(err, f"{path}:{line}:", field)


def test_the_unknown_model_line_suggests_the_right_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "typo.toml"
    path.write_text(
        GOOD.replace("inference_monthly_usd = 1500", 'model = "openai:gpt-4o-mni"'),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "assess", str(path))
    assert code == 2
    assert_one_line_error(err, "did you mean openai:gpt-4o-mini?")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "profile"),
        (b"[profile\nname = 1\n", "not valid TOML"),
        (b"\xff\xfe[profile]\n", "not UTF-8"),
    ],
)
def test_unreadable_profiles_are_one_line(
    content: bytes, needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(content)
    code, _, err = run(capsys, "assess", str(path))
    assert code == 2
    assert_one_line_error(err, str(path), needle)


def test_a_missing_profile_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "assess", str(tmp_path / "nowhere.toml"))
    assert code == 2
    assert_one_line_error(err, "nowhere.toml", "no such file")


def test_absurd_volumes_are_refused_and_the_largest_allowed_still_computes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trillion requests a month is the ceiling; past it is a typo, said in one line. At the
    ceiling, with the largest growth, every output format gives finite numbers."""
    path = tmp_path / "huge.toml"
    priced = GOOD.replace(
        "inference_monthly_usd = 1500",
        "[prompting.prices]\ninput_usd_per_mtok = 2.5\noutput_usd_per_mtok = 10",
    )
    path.write_text(
        priced.replace("requests_per_month = 50000", "requests_per_month = 1e30"), encoding="utf-8"
    )
    code, _, err = run(capsys, "assess", str(path))
    assert code == 2
    assert_one_line_error(err, str(path), "workload.requests_per_month")
    path.write_text(
        priced.replace(
            "requests_per_month = 50000",
            "requests_per_month = 1e12\nmonthly_growth = 1\nhorizon_months = 600",
        ),
        encoding="utf-8",
    )
    for fmt in ("json", "text", "markdown"):
        code, out, err = run(capsys, "assess", str(path), "--format", fmt)
        assert (code, err) == (0, ""), err
        assert "Infinity" not in out and "inf" not in out.split()
    code, out, _ = run(capsys, "assess", str(path), "--format", "json")
    costs = json.loads(out)["costs"]
    assert costs["monthly_requests"] == 1e12
    assert math.isclose(costs["prompting_monthly"], 1e12 * (800 * 2.5 + 50 * 10) / 1e6)
    assert math.isfinite(costs["prompting_total"])


# -- team price files --------------------------------------------------------------------------

TEAM_PRICES = """\
[[source]]
id = "acme-openai-deal"
title = "Acme's negotiated OpenAI rates"

[[token_price]]
model = "openai:gpt-4o-mini"
input_usd_per_mtok = 0.10
output_usd_per_mtok = 0.40
source = "acme-openai-deal"
as_of = "2026-10"
"""


def assess_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "assess", *argv, "--format", "json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_a_team_price_file_overrides_catalog_prices_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices = tmp_path / "team.toml"
    prices.write_text(TEAM_PRICES, encoding="utf-8")
    builtin = assess_json(capsys, str(CLASSIFICATION))
    team = assess_json(capsys, str(CLASSIFICATION), "--prices", str(prices))
    assert builtin["costs"]["prompting_monthly"] == 45.0
    # 300,000 requests × (800 tokens × $0.10 + 50 × $0.40) per 1M
    assert team["costs"]["prompting_monthly"] == 30.0
    assert team["costs"]["finetune_monthly"] == builtin["costs"]["finetune_monthly"]
    rows = {row["role"]: row for row in team["prices"]}
    assert rows["prompting.input"]["usd"] == 0.1
    assert rows["prompting.input"]["source"] == "Acme's negotiated OpenAI rates"
    assert rows["prompting.input"]["as_of"] == "2026-10"
    assert "genai-prices" in rows["fine_tuned.input"]["source"]
    items = team["line_items"]["prompting"]["monthly"]
    assert any("Acme's negotiated OpenAI rates" in (i["price_source"] or "") for i in items)


def test_the_user_config_price_file_applies_without_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config" / "tunewise"
    config.mkdir(parents=True)
    (config / "prices.toml").write_text(TEAM_PRICES, encoding="utf-8")
    assert assess_json(capsys, str(CLASSIFICATION))["costs"]["prompting_monthly"] == 30.0


def test_switching_builtin_prices_off_makes_catalog_models_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices = tmp_path / "only-ours.toml"
    prices.write_text("use_builtin = false\n", encoding="utf-8")
    code, out, err = run(capsys, "assess", str(CLASSIFICATION), "--prices", str(prices))
    assert code == 2
    assert out == ""
    assert_one_line_error(err, CLASSIFICATION.name, "prompting.model", "unknown model")


def test_switching_builtin_prices_off_keeps_the_teams_own(tmp_path: Path) -> None:
    prices = tmp_path / "only-ours.toml"
    prices.write_text("use_builtin = false\n" + TEAM_PRICES, encoding="utf-8")
    catalog = load_catalog(prices)
    quotes = catalog.base_prices("openai:gpt-4o-mini", ON, "prompting.model")
    assert quotes.input.usd == Decimal("0.10")
    with pytest.raises(InputError):
        catalog.base_prices("openai:gpt-4o", ON, "prompting.model")


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        (TEAM_PRICES.replace("0.40", '"cheap"'), 8, "token_price.0.output_usd_per_mtok"),
        (TEAM_PRICES.replace('as_of = "2026-10"', 'as_of = "last week"'), 10, "as_of"),
        (TEAM_PRICES.replace("[[token_price]]", "[[token_price]"), 5, "not valid TOML"),
        (TEAM_PRICES + "\n[[gpu_offr]]\n", 12, "gpu_offr: unknown key"),
    ],
)
def test_a_malformed_price_file_is_one_line_with_file_and_line(
    text: str, line: int, needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prices = tmp_path / "team.toml"
    prices.write_text(text, encoding="utf-8")
    with pytest.raises(FileError) as caught:
        load_catalog(prices)
    assert caught.value.line == line
    code, out, err = run(capsys, "assess", str(CLASSIFICATION), "--prices", str(prices))
    assert code == 2
    assert out == ""
    assert_one_line_error(err, f"{prices}:{line}:", needle)


def test_a_missing_price_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "assess", str(CLASSIFICATION), "--prices", str(tmp_path / "none.toml")
    )
    assert code == 2
    assert_one_line_error(err, "none.toml", "no such file")
