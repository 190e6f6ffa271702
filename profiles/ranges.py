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
from engine.options.answers import dumped, is_option_path, put, split
from engine.paths import set_path
from engine.ranges import SECTIONS

from .model import SCENARIO_SECTIONS, Profile
from .ranges_snapshot import UncertaintySnapshot

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.pricebook import PriceBook
    from engine.result import CostResult, OptionsComparison
    from engine.rules import Facts
    from engine.rules.verdict import Recommendation
    from engine.uncertainty import Uncertainty
    from engine.uncertainty.model import OptionAnswer

    from .reports.document import Report


def apply_scenario(profile: Profile, name: str) -> Profile:
    """`profile` with scenario `name`'s answers in place of its own (their ranges dropped:
    the scenario fixes them). Raises `InputError` naming the scenario in one line."""
    scenarios = profile.scenarios
    if name not in scenarios:
        known = ", ".join(sorted(scenarios)) or "none"
        raise InputError(f"scenarios.{name}", f"no such scenario (this profile has: {known})")
    data = profile.model_dump(exclude_unset=True)
    tables: dict[str, dict[str, Any]] = {}
    for path, value in scenarios[name].items():
        parts = path.split(".")
        if is_option_path(path):
            key, rest = split(path)
            if key not in profile.options:
                raise InputError(f"scenarios.{name}.{path}", f"no option {key!r}")
            if key not in tables:  # its kind kept: it picks the option's model
                tables[key] = data["options"][key] = dumped(profile.options[key])
            table = tables[key]
            put(table, rest, value)  # an item's label may hold dots: kept whole
            continue
        if parts[0] not in SECTIONS or len(parts) < 2:
            raise InputError(f"scenarios.{name}.{path}", SCENARIO_SECTIONS)
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
    facts: Facts | None = None,
    with_band: bool = False,
    options: OptionsComparison | None = None,
) -> Uncertainty:
    """Simulate `profile`'s ranges (already evaluated into `book` and `result`). With the
    rules' `recommendation` and their `facts` (or the `catalog` to gather them), the
    simulation also says how often the verdict changes (`Assessed.uncertainty` passes both);
    with the profile's `options`, how often each is cheapest and pays back."""
    from engine.uncertainty import DEFAULT_SAMPLES, DEFAULT_SEED, uncertainty
    from engine.uncertainty.simulate import prepare

    inputs = profile.cost_inputs()
    setup = prepare(inputs, book, result, profile.ranges, profile.options)
    verdict_of = None
    if recommendation is not None and (facts is not None or catalog is not None):
        from engine.uncertainty.verdicts import verdict_function

        if facts is None:
            from engine.rules import facts_for

            assert catalog is not None
            facts = facts_for(inputs, result, book, catalog, profile.team.providers)
        verdict_of = verdict_function(profile.assessment(), facts)
    u = uncertainty(
        setup,
        result,
        samples=DEFAULT_SAMPLES if samples is None else samples,
        seed=DEFAULT_SEED if seed is None else seed,
        scenario=scenario,
        verdict_of=verdict_of,
        point_verdict=None if recommendation is None else recommendation.verdict,
        with_band=with_band,
    )
    if options is not None and options.explicit:
        from engine.uncertainty.options import answers, option_odds

        odds = option_odds(
            setup, options, samples=u.samples, seed=u.seed, shape=u.shape, options=profile.options
        )
        said = (*answers(setup, profile.options), *_scenario_answers(profile, scenario))
        u = u.model_copy(update={"options": odds, "option_answers": said})
    return u


def _scenario_answers(profile: Profile, scenario: str | None) -> tuple[OptionAnswer, ...]:
    """The option answers scenario `scenario` sets, in words."""
    from engine.options.words import answer_words
    from engine.uncertainty.model import OptionAnswer

    out = []
    for path, value in profile.scenarios.get(scenario or "", {}).items():
        key, rest = split(path)
        option = profile.options.get(key) if is_option_path(path) else None
        if option is not None:
            label = answer_words(option.name, option.kind, rest)
            out.append(OptionAnswer(path=path, label=label, value=float(value)))
    return tuple(out)


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


def add_uncertainty(
    report: Report,
    profile: Profile,
    book: PriceBook,
    result: CostResult,
    **options: Any,
) -> Report:
    """`report` with the "How sure" section added; `options` go to `profile_uncertainty`."""
    from .reports.document import Options
    from .reports.how_sure import how_sure, not_simulated

    if not result.costs_known:  # an unknown cost is not simulated as $0
        return report.adding(not_simulated(result))
    listed = next((s.comparison for s in report.sections if isinstance(s, Options)), None)
    options.setdefault("options", listed)
    return report.adding(how_sure(profile_uncertainty(profile, book, result, **options)))
