"""A profile's ranges and scenarios: applying a scenario, simulating, and saying how sure.

`engine.uncertainty` is imported here only when a profile has ranges, so the plain
`tunewise assess` path never loads it. `profile_uncertainty` is the one call the wizard makes
(in a worker: 10,000 samples take ~0.1 s).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from engine.errors import InputError
from engine.money import number
from engine.paths import set_path
from engine.ranges import SECTIONS

from .model import Profile
from .ranges_snapshot import UncertaintySnapshot

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.pricebook import PriceBook
    from engine.result import CostResult
    from engine.rules.verdict import Recommendation
    from engine.uncertainty import Uncertainty


def apply_scenario(profile: Profile, name: str) -> Profile:
    """`profile` with scenario `name`'s answers in place of its own (their ranges dropped:
    the scenario fixes them). Raises `InputError` naming the scenario in one line."""
    scenarios = profile.scenarios
    if name not in scenarios:
        known = ", ".join(sorted(scenarios)) or "none"
        raise InputError(f"scenarios.{name}", f"no such scenario (this profile has: {known})")
    data = profile.model_dump(exclude_unset=True)
    for path, value in scenarios[name].items():
        parts = path.split(".")
        if parts[0] not in SECTIONS or len(parts) < 2:
            raise InputError(
                f"scenarios.{name}.{path}",
                "a scenario sets answers under workload, prompting or fine_tuning",
            )
        set_path(data, path, value)
    data["ranges"] = {k: v for k, v in data.get("ranges", {}).items() if k not in scenarios[name]}
    if profile.profile.name:
        data["profile"]["name"] = f"{profile.profile.name} ({name})"
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        # the problem in words at its field (str(exc) ends in pydantic's URL)
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(x) for x in error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        raise InputError(f"scenarios.{name}", f"{where}: {message}" if where else message) from None


def profile_uncertainty(
    profile: Profile,
    book: PriceBook,
    result: CostResult,
    *,
    samples: int | None = None,
    seed: int | None = None,
    scenario: str | None = None,
    recommendation: Recommendation | None = None,
    catalog: Catalog | None = None,
    with_band: bool = False,
) -> Uncertainty:
    """Simulate `profile`'s ranges (already evaluated into `book` and `result`)."""
    from engine.uncertainty import DEFAULT_SAMPLES, DEFAULT_SEED, uncertainty
    from engine.uncertainty.simulate import prepare

    inputs = profile.cost_inputs()
    setup = prepare(inputs, book, result, profile.ranges)
    verdict_of = None
    if recommendation is not None and catalog is not None:
        from engine.rules import facts_for
        from engine.uncertainty.verdicts import verdict_function

        facts = facts_for(inputs, result, book, catalog, profile.team.providers)
        verdict_of = verdict_function(profile.assessment(), facts)
    return uncertainty(
        setup,
        result,
        samples=DEFAULT_SAMPLES if samples is None else samples,
        seed=DEFAULT_SEED if seed is None else seed,
        scenario=scenario,
        verdict_of=verdict_of,
        point_verdict=None if recommendation is None else recommendation.verdict,
        with_band=with_band,
    )


def _dec(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(repr(value))


def uncertainty_snapshot(u: Uncertainty) -> UncertaintySnapshot:
    """The figures `[result.uncertainty]` keeps."""
    be = u.break_even_months
    fields: dict[str, Any] = {
        "samples": u.samples,
        "seed": u.seed,
        "break_even_p10": _dec(be.p10),
        "break_even_p50": _dec(be.p50),
        "break_even_p90": _dec(be.p90),
        "p_payback_within_horizon": _dec(u.p_payback_within_horizon),
        "p_payback_before_retirement": _dec(u.p_payback_before_retirement),
        "p_verdict_changes": _dec(u.p_verdict_changes),
    }
    if u.scenario:
        fields["scenario"] = u.scenario
    if u.tornado:
        fields["top_input"] = u.tornado[0].field
    return UncertaintySnapshot.model_validate({k: v for k, v in fields.items() if v is not None})


def uncertainty_json(u: Uncertainty) -> dict[str, Any]:
    """The `uncertainty` block of `tunewise assess --format json` (stable keys)."""
    return u.model_dump(mode="json", exclude={"band"})


def _m(value: float | None) -> str:
    return "never" if value is None else f"{number(Decimal(repr(value)), places=1)}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _facts(u: Uncertainty) -> list[tuple[str, str]]:
    """The section's figures as (what, value), for the text and Markdown renderings alike."""
    be = u.break_even_months
    facts = [
        ("Break-even months", f"P10 {_m(be.p10)} · P50 {_m(be.p50)} · P90 {_m(be.p90)}"),
        (f"Pays back within {u.horizon_months} months", _pct(u.p_payback_within_horizon)),
    ]
    if u.retire_month is not None:
        facts.append(
            (
                f"Pays back before the base model retires (month {u.retire_month})",
                _pct(u.p_payback_before_retirement),
            )
        )
    if u.p_verdict_changes is not None:
        facts.append(("Verdict would change", _pct(u.p_verdict_changes)))
    return facts


def _title(u: Uncertainty, scenario: str) -> str:
    return f"({u.samples:,} samples, seed {u.seed}, {u.shape}{scenario})"


def uncertainty_text(u: Uncertainty) -> list[str]:
    """The "How sure" section and the tornado table, plain text within 80 columns."""
    from .report import _wrap

    scenario = f", scenario {u.scenario}" if u.scenario else ""
    lines = [f"How sure {_title(u, scenario)}"]
    lines += [f"  {what}: {value}" for what, value in _facts(u)]
    lines += _wrap(u.summary, "  ", "  ")
    if u.tornado:
        lines += ["", "What moves break-even most (others at likely)"]
        lines.append(f"  {'Answer':<34}{'low':>10}{'high':>10}{'at low':>9}{'at high':>9}")
        for bar in u.tornado:
            lines.append(
                f"  {bar.label[:33]:<34}{_short(bar.low):>10}{_short(bar.high):>10}"
                f"{_m(bar.break_even_at_low):>9}{_m(bar.break_even_at_high):>9}"
            )
    return lines


def _short(value: float) -> str:
    return number(Decimal(repr(round(value, 4))), places=4)


def uncertainty_markdown(u: Uncertainty) -> list[str]:
    from .report import _md

    scenario = f", scenario {_md(u.scenario)}" if u.scenario else ""
    out = [f"**How sure** {_title(u, scenario)}", ""]
    out += [f"- {what}: {value}" for what, value in _facts(u)]
    out += ["", _md(u.summary)]
    if u.tornado:
        out += [
            "",
            "| Answer | Low | High | Break-even at low | at high |",
            "|---|---:|---:|---:|---:|",
        ]
        out += [
            f"| {_md(b.label)} | {_short(b.low)} | {_short(b.high)} | "
            f"{_m(b.break_even_at_low)} | {_m(b.break_even_at_high)} |"
            for b in u.tornado
        ]
    return out


def add_uncertainty(
    out: str,
    fmt: str,
    profile: Profile,
    book: PriceBook,
    result: CostResult,
    **options: Any,
) -> str:
    """`tunewise assess` output `out` (text, markdown or json) with the uncertainty section
    added; `options` go to `profile_uncertainty`."""
    import json

    if not result.break_even_known:  # an unknown cost is not simulated as $0
        why = f"not simulated: {result.unknowns[0].message}"
        if fmt == "json":
            data = json.loads(out)
            data["uncertainty"] = {"samples": 0, "reason": result.unknowns[0].code, "note": why}
            return json.dumps(data, indent=2, ensure_ascii=False)
        head = "**How sure**" if fmt == "markdown" else "How sure"
        return out.rstrip("\n") + f"\n\n{head}\n{why}\n"
    u = profile_uncertainty(profile, book, result, **options)
    if fmt == "json":
        data = json.loads(out)
        data["uncertainty"] = uncertainty_json(u)
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    lines = uncertainty_markdown(u) if fmt == "markdown" else uncertainty_text(u)
    return out.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
