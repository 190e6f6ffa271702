"""The Monte Carlo over ranges: reproducible, stable, exact at points, honest about retirement."""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.errors import InputError
from engine.evaluate import evaluate
from engine.ranges import Range, parse_range
from engine.rules import assess, facts_for
from engine.rules.recommend import recommend
from engine.uncertainty.fastpath import break_even, parts, point_values, totals
from engine.uncertainty.points import inputs_at
from engine.uncertainty.simulate import band, prepare, sample_values, simulate, uncertainty
from engine.uncertainty.verdicts import verdict_function
from profiles.files import evaluate_profile, load_profile
from profiles.model import Profile
from profiles.ranges import apply_scenario, profile_uncertainty
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
RANGES = ROOT / "profiles" / "examples" / "support-chatbot-ranges.toml"
SMALL = settings(deadline=None, max_examples=25)


@pytest.fixture(scope="module")
def example() -> Profile:
    return load_profile(RANGES)


def run(profile: Profile, **options: object):  # type: ignore[no-untyped-def]
    book, result = evaluate_profile(profile)
    return profile_uncertainty(profile, book, result, **options)  # type: ignore[arg-type]


def test_same_seed_same_numbers_other_seed_other_numbers(example: Profile) -> None:
    a, b = run(example, seed=7, samples=2_000), run(example, seed=7, samples=2_000)
    assert a == b
    c = run(example, seed=8, samples=2_000)
    assert c.break_even_months != a.break_even_months


def test_ten_times_the_samples_moves_p50_by_less_than_2_percent(example: Profile) -> None:
    """P50 of break-even and of both totals moves under 2% from 10,000 to 100,000 samples.

    Break-even's P50 is the hard one: about 45% of the cases never pay back, so P50 sits in
    the thin upper tail of the cases that do. The draws are a scrambled Sobol sequence, which
    stratifies pairs of inputs jointly. Measured over seeds 0-19 (10,000 against 100,000):
    Sobol draws move P50 at most 1.56% (mean 0.58%), and P50 at 10,000 samples spreads 0.70%
    (sd) from seed to seed; Latin hypercube draws (each input stratified alone, the previous
    scheme) moved it up to 2.95%, over 2% for 3 seeds of 20, spread 1.25%; plain random draws
    up to 4.73%, spread 1.83%. The estimator was not the problem: nearest-rank, interpolated
    and Hazen quantiles agree to 0.01 months at 10,000 samples."""
    moves = []
    for seed in range(5):
        few, many = (
            run(example, samples=10_000, seed=seed),
            run(example, samples=100_000, seed=seed),
        )
        for name in ("prompting_total", "finetune_total", "break_even_months"):
            a, b = getattr(few, name).p50, getattr(many, name).p50
            assert a is not None and b is not None
            assert abs(a - b) / b < 0.02, (name, seed, a, b)
        a, b = few.break_even_months.p50, many.break_even_months.p50
        moves.append(abs(a - b) / b)
    assert 0 < max(moves) < 0.02, moves


def test_example_gives_percentiles_and_a_payback_probability_in_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["assess", str(RANGES), "--format", "json", "--samples", "3000"]) == 0
    data = json.loads(capsys.readouterr().out)["uncertainty"]
    be = data["break_even_months"]
    assert be["p10"] is not None and be["p50"] is not None and be["p10"] <= be["p50"]
    assert 0 < data["p_payback_within_horizon"] < 1
    assert data["samples"] == 3000 and data["seed"] == 0
    assert set(data["ranged"]) == set(load_profile(RANGES).ranges)


def test_the_tornado_top_input_is_explained_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(RANGES), "--samples", "2000"]) == 0
    out = capsys.readouterr().out
    u = run(load_profile(RANGES), samples=2000)
    top = u.tornado[0]
    assert top.swing_months == max(b.swing_months for b in u.tornado)
    text = " ".join(out.split())
    assert f"What matters most is {top.label}: break-even moves from" in text
    flip = next(t for t in u.thresholds if t.field == top.field)
    assert f"Fine-tuning pays back within 24 months if {flip.text}" in text
    # the threshold is solved: just above and just below it the answer differs
    setup = _setup(load_profile(RANGES))
    assert _pays(setup, top.field, flip.value * 1.001) != _pays(
        setup, top.field, flip.value * 0.999
    )


def _setup(profile: Profile):  # type: ignore[no-untyped-def]
    book, result = evaluate_profile(profile)
    return prepare(profile.cost_inputs(), book, result, profile.ranges)


def _pays(setup, path: str, value: float) -> bool:  # type: ignore[no-untyped-def]
    v = dict(setup.point)
    v[path] = value
    months = break_even(parts(v, setup.structure), setup.structure)
    return months is not None and months <= setup.horizon


def test_collapsed_ranges_reproduce_the_point_result(example: Profile) -> None:
    collapsed = example.model_copy(
        update={"ranges": {k: Range(low=v, likely=v, high=v) for k, v in _points(example).items()}}
    )
    book, result = evaluate_profile(collapsed)
    u = profile_uncertainty(collapsed, book, result, samples=500)
    months = result.break_even_months
    expect = None if months is None else round(float(months), 3)
    assert u.break_even_months.p10 == u.break_even_months.p90 == expect
    assert u.prompting_total.p50 == round(float(result.prompting_total_usd), 2)
    assert result.finetune_total_usd is not None
    assert u.finetune_total.p50 == round(float(result.finetune_total_usd), 2)
    paid = months is not None and months <= result.horizon_months
    assert u.p_payback_within_horizon == (1.0 if paid else 0.0)


def _points(profile: Profile) -> dict[str, Decimal]:
    book, _ = evaluate_profile(profile)
    values = point_values(profile.cost_inputs(), book)
    return {k: Decimal(values[k]) for k in profile.ranges}


def test_fast_path_equals_the_exact_engine_at_sampled_points(example: Profile) -> None:
    setup = _setup(example)
    columns = sample_values(setup, 40, 3, "pert")
    inputs = example.cost_inputs()
    for i in range(40):
        values = {k: Decimal(repr(col[i])) for k, col in columns.items()}
        at_inputs, at_book = inputs_at(inputs, setup.book, values)
        exact = evaluate(at_inputs, at_book)
        v = dict(setup.point)
        v.update({k: float(x) for k, x in values.items()})
        p = parts(v, setup.structure)
        be = break_even(p, setup.structure)
        if exact.break_even_months is None:
            assert be is None
        else:
            assert be is not None
            assert math.isclose(be, float(exact.break_even_months), rel_tol=1e-9)
        pe, ft = totals(p, setup.structure, setup.horizon)
        assert math.isclose(pe, float(exact.prompting_total_usd), rel_tol=1e-9)
        assert exact.finetune_total_usd is not None
        assert math.isclose(ft, float(exact.finetune_total_usd), rel_tol=1e-9)


def test_the_band_is_the_spread_of_each_months_totals_sample_by_sample(example: Profile) -> None:
    """The chart's band, computed on columns, equals the scalar fast path run per sample."""
    setup = _setup(example)
    bands = band(setup, simulate(setup, samples=300, seed=2), limit=200)
    assert [b.month for b in bands] == list(range(setup.horizon + 1))
    columns = sample_values(setup, 300, 2, "pert")
    for month in (0, 1, 12, setup.horizon):
        pe, ft = [], []
        for i in range(200):
            v = dict(setup.point)
            v.update({k: c[i] for k, c in columns.items()})
            a, b = totals(parts(v, setup.structure), setup.structure, month)
            pe.append(a)
            ft.append(b)
        pe.sort()
        ft.sort()
        at = bands[month]
        assert (at.prompting.p10, at.prompting.p50, at.prompting.p90) == tuple(
            round(pe[k], 2) for k in (19, 99, 179)
        )
        assert (at.finetune.p10, at.finetune.p50, at.finetune.p90) == tuple(
            round(ft[k], 2) for k in (19, 99, 179)
        )
    assert bands[0].finetune.p10 != bands[0].finetune.p90  # the upfront cost is ranged


def _width(profile: Profile, seed: int) -> float:
    setup = _setup(profile)
    run_ = simulate(setup, samples=400, seed=seed, shape="pert")
    ordered = sorted(math.inf if b is None else b for b in run_.break_even)
    p10, p90 = ordered[39], ordered[359]
    return math.inf if math.isinf(p90) else p90 - p10


@SMALL
@given(
    field=st.sampled_from(
        ["workload.requests_per_month", "fine_tuning.upfront_usd", "prompting.cost_per_request_usd"]
    ),
    lower=st.floats(0, 0.9),
    higher=st.floats(0, 2),
    seed=st.integers(0, 1000),
)
def test_widening_a_range_never_narrows_p10_p90(
    example: Profile, field: str, lower: float, higher: float, seed: int
) -> None:
    rng = example.ranges[field]
    low, high = float(rng.low), float(rng.high)
    wider = Range(
        low=Decimal(repr(round(low * (1 - lower), 6))),
        likely=rng.likely,
        high=Decimal(repr(round(high * (1 + higher), 6))),
    )
    widened = example.model_copy(update={"ranges": {**example.ranges, field: wider}})
    assert _width(widened, seed) >= _width(example, seed)


def test_retirement_before_break_even_means_no_payback_before_it(example: Profile) -> None:
    setup = _setup(example)
    earliest = min(b for b in simulate(setup, samples=2000).break_even if b is not None)
    months = max(1, math.floor(earliest) - 1)
    retires = date(2026 + (10 + months) // 12, (10 + months) % 12 + 1, 23)
    for policy in ("ignore", "redo", "abandon"):
        data = example.model_dump(exclude_unset=True)
        data["fine_tuning"] |= {"retires_on": retires, "at_retirement": policy}
        retiring = Profile.model_validate(data)
        u = run(retiring, samples=2000)
        assert u.retire_month == months
        assert u.p_payback_before_retirement == 0.0
    later = example.model_dump(exclude_unset=True)
    later["fine_tuning"]["retires_on"] = date(2040, 1, 1)
    u = run(Profile.model_validate(later), samples=2000)
    assert u.p_payback_before_retirement is not None and u.p_payback_before_retirement > 0


def test_verdict_cells_match_running_the_rules_on_every_sample(example: Profile) -> None:
    book, result = evaluate_profile(example)
    catalog = load_catalog()
    inputs = example.cost_inputs()
    facts = facts_for(inputs, result, book, catalog, example.team.providers)
    cells = verdict_function(example.assessment(), facts)
    setup = _setup(example)
    run_ = simulate(setup, samples=300, seed=5)
    for first, months in zip(run_.first, run_.break_even, strict=True):
        daily = first / 30
        direct = recommend(
            example.assessment(),
            facts.model_copy(
                update={
                    "monthly_requests": Decimal(repr(first)),
                    "daily_requests": Decimal(repr(daily)),
                    "break_even_months": None if months is None else Decimal(repr(months)),
                }
            ),
        ).verdict
        assert cells(first, daily, months) == direct
    rec = assess(example.assessment(), inputs, result, book, catalog)
    u = uncertainty(setup, result, samples=300, seed=5, verdict_of=cells, point_verdict=rec.verdict)
    assert u.p_verdict_changes == pytest.approx(1 - u.verdicts.get(rec.verdict, 0), abs=1e-4)


def test_scenarios_switch_the_volume(capsys: pytest.CaptureFixture[str]) -> None:
    profile = load_profile(RANGES)
    high = apply_scenario(profile, "high")
    assert high.workload.requests_per_month == Decimal(100_000)
    assert "workload.requests_per_month" not in high.ranges
    assert (
        run(high, samples=2000).p_payback_within_horizon
        > run(profile, samples=2000).p_payback_within_horizon
    )
    assert main(["assess", str(RANGES), "--scenario", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "scenarios.nope" in err and "high, low" in err


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("8000..12000", (8000, 10000, 12000)),
        ("8000..9000..12000", (8000, 9000, 12000)),
        ("$1,500..2,500", (1500, 2000, 2500)),
        ("7", (7, 7, 7)),
    ],
)
def test_range_parser(text: str, expect: tuple[int, int, int]) -> None:
    rng = parse_range(text, field="workload.requests_per_day")
    assert (rng.low, rng.likely, rng.high) == tuple(Decimal(x) for x in expect)


@pytest.mark.parametrize("text", ["12000..8000", "a..b", "1..2..3..4", "", "5..1..9", "nan..1"])
def test_range_parser_errors_name_the_field_in_one_line(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_range(text, field="workload.requests_per_day")
    assert caught.value.field == "workload.requests_per_day"
    assert "\n" not in str(caught.value)


def test_a_range_on_an_unknown_answer_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = RANGES.read_text().replace(
        '[ranges."fine_tuning.upfront_usd"]', '[ranges."fine_tuning.training_usd"]'
    )
    path = tmp_path / "p.toml"
    path.write_text(text)
    assert main(["assess", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ranges.fine_tuning.training_usd" in err


def test_plain_profiles_do_not_import_the_simulation() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from tui.cli import main; "
        "main(['assess', 'profiles/examples/support-chatbot-10k.toml', '--format', 'json']); "
        "assert 'engine.uncertainty' not in sys.modules and 'numpy' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("samples", [0, -5, 10_000_001])
def test_a_sample_count_out_of_range_is_refused_naming_it(example: Profile, samples: int) -> None:
    book, result = evaluate_profile(example)
    setup = prepare(example.cost_inputs(), book, result, example.ranges)
    with pytest.raises(InputError, match=r"^samples: must be from 1 to 10,000,000"):
        simulate(setup, samples=samples)


@pytest.mark.parametrize("samples", ["0", "-5", "many"])
def test_assess_with_a_bad_sample_count_is_one_error_line(
    samples: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["assess", str(RANGES), "--samples", samples])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("tunewise assess: error: argument --samples")
