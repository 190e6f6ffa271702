"""One recomputation: answers → profile → the assessment service (`profiles.assessed`).

Imports of the engine happen inside the functions: the catalog worker imports them first, so
the UI thread finds them loaded, and startup imports none of them.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .bridge import Verdict
from .form import FormErrors, data_from_values
from .validation import in_words, locate, validate_answers

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.pricebook import PriceBook
    from engine.result import CostResult
    from engine.rules import Recommendation
    from engine.uncertainty.setup import Setup
    from profiles.assessed import Assessed
    from profiles.model import Profile


UNTITLED = "Untitled assessment"
"""The name a new assessment is evaluated and saved under until the user gives one."""

ESSENTIALS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "workload",
        ("requests_per_month", "requests_per_day"),
        "requests a month or a day (Volume and tokens)",
    ),
    (
        "prompting",
        ("model", "prices", "inference_monthly_usd", "cost_per_request_usd"),
        "the prompting model or its monthly bill (Models and prices)",
    ),
    (
        "fine_tuning",
        ("serving", "serving_monthly_usd", "serving_cost_per_request_usd"),
        "fine-tuning's serving bill or how it is priced (Models and prices)",
    ),
)
"""What must be answered before anything can be costed: a section, the answers any one of
which will do, and what to answer in words with its step (left out is unknown, never zero)."""


class Unanswered(Exception):
    """The answers cannot be costed yet: `needed` names what to answer, in words."""

    def __init__(self, needed: list[str]) -> None:
        super().__init__("; ".join(needed))
        self.needed = needed

    @property
    def line(self) -> str:
        """`To cost this, answer: requests a month or a day (Volume and tokens); …`."""
        return "To cost this, answer: " + "; ".join(self.needed) + "."


TOKENS = ("instruction_tokens", "example_tokens", "rag_tokens", "user_tokens", "output_tokens")
BILLS = ("inference_monthly_usd", "cost_per_request_usd")


def unanswered(data: Mapping[str, Any]) -> list[str]:
    """The essentials the profile document `data` leaves unanswered. Priced by tokens with
    no token count at all, a request would cost $0 only because nothing was typed."""
    needed = [
        what
        for section, keys, what in ESSENTIALS
        if not any((data.get(section) or {}).get(key) is not None for key in keys)
    ]
    prompting, workload = data.get("prompting") or {}, data.get("workload") or {}
    by_tokens = not any(prompting.get(key) is not None for key in BILLS)
    if by_tokens and not any(_counted(workload.get(key)) for key in TOKENS):
        needed.append("the tokens per request (Volume and tokens)")
    return needed


def _counted(value: Any) -> bool:
    """Whether a token answer is a count above zero (the document holds typed text)."""
    try:
        return Decimal(str(value)) > 0
    except (ArithmeticError, ValueError):
        return value is not None


@dataclass(frozen=True)
class Evaluation:
    """Everything the panel, the step notices, the map and the results show for one set of
    valid answers: the service's answer (`assessed`), read, never recomputed."""

    assessed: Assessed
    verdict: Verdict | None
    """The rules' verdict as the panel shows it (None when they cannot judge the answers)."""
    scenario_sets: str = ""
    """What the scenario shown sets, in words (`requests a month 100,000`)."""
    setup: Setup | None = None
    """The ranges checked against the answers (`engine.uncertainty.setup.prepare`), kept for
    the panel's simulation; None without ranges."""

    @property
    def profile(self) -> Profile:
        return self.assessed.profile

    @property
    def book(self) -> PriceBook:
        return self.assessed.book

    @property
    def result(self) -> CostResult:
        return self.assessed.result

    @property
    def scenario(self) -> str:
        """The profile's named scenario these figures are for ("" for the answers as typed)."""
        return self.assessed.scenario

    @property
    def recommendation(self) -> Recommendation | None:
        """The rules' whole recommendation, or None when they cannot judge these answers."""
        return self.assessed.judged

    @property
    def conflicts(self) -> list[str]:
        """Answers typed that a bill given directly overrides, said so the user can choose
        (clear the bill to price by them): a typed answer is never ignored silently."""
        p = self.profile
        w = p.workload
        tokens = w.instruction_tokens + w.example_tokens + w.rag_tokens + w.user_tokens
        tokens += w.output_tokens
        out = []
        if tokens and p.prompting.model and self.result.prompting.given:
            out.append(
                "Prompting uses the bill you gave, not the tokens: clear the bill to price them"
            )
        if tokens and p.fine_tuning.base_model and self.result.finetune.given:
            out.append(
                "Fine-tuning uses the serving bill you gave, not the tokens: clear it to price them"
            )
        return out

    @property
    def scenario_line(self) -> str:
        """`Scenario: high (requests a month 100,000)`, or "" for the answers as typed."""
        if not self.scenario:
            return ""
        sets = f" ({self.scenario_sets})" if self.scenario_sets else ""
        return f"Scenario: {self.scenario}{sets}"


def assess(
    values: Mapping[str, str],
    base: Mapping[str, Any],
    kinds: Mapping[str, str],
    catalog: Catalog,
    *,
    scenario: str = "",
    labels: Mapping[str, str] | None = None,
) -> Evaluation:
    """Evaluate the answers, or raise `FormErrors` naming the fields that stop it (a range the
    simulation cannot take, on the field it ranges). With `scenario`, the figures are those of
    the profile's `[scenarios.NAME]` applied to the answers (`tunewise assess --scenario`);
    `labels` (field path → question) name what it sets. The rules run here, once."""
    from engine.errors import InputError
    from profiles.assessed import assess_profile

    if not values.get("profile.name", UNTITLED).strip():
        values = {**values, "profile.name": UNTITLED}
    data = data_from_values(values, base, kinds)  # once per keystroke: checked, then validated
    needed = unanswered(data)
    if needed:
        raise Unanswered(needed)
    profile = validate_answers(data, values)
    sets = ""
    setup = None
    try:
        if scenario:
            sets = scenario_sets(profile.scenarios.get(scenario, {}), labels or {})
        assessed = assess_profile(profile, scenario=scenario or None, catalog=catalog, reprice=True)
        # Checked here so the field is marked, not the panel; an unknown cost is never
        # simulated.
        if assessed.profile.ranges and assessed.result.costs_known:
            from engine.uncertainty.setup import prepare

            p = assessed.profile
            setup = prepare(assessed.inputs, assessed.book, assessed.result, p.ranges, p.options)
        if assessed.profile.options:  # priced now: an option's refusal marks its question
            assessed.options  # noqa: B018
    except InputError as exc:
        ranged = exc.field.removeprefix("ranges.")
        field = ranged if ranged in values else exc.field
        paths = locate(field, exc.message, values)
        raise FormErrors(dict.fromkeys(paths, in_words(exc.message))) from None
    return Evaluation(assessed, verdict_of(assessed), sets, setup)


def scenario_sets(settings: Mapping[str, Decimal], labels: Mapping[str, str]) -> str:
    """`requests a month 100,000`: each answer a scenario sets, by its question."""
    from engine.money import number

    return ", ".join(
        f"{labels.get(path, path).lower()} {number(value)}" for path, value in settings.items()
    )


def verdict_of(assessed: Assessed) -> Verdict | None:
    """The rules' verdict as the panel shows it (the rules run now, once, and never take the
    wizard down: answers they refuse have no verdict)."""
    rec = assessed.judged
    if rec is None:
        return None
    reasons = tuple(str(getattr(r, "text", r)) for r in rec.reasons)
    from engine.wording import verdict_words

    return Verdict(verdict_words(str(rec.verdict)), str(rec.confidence or ""), reasons)


def warm_up(data: Mapping[str, Any]) -> None:
    """Import the engine and build the profile schema (in the catalog worker, off the UI)."""
    import engine.evaluate  # noqa: F401
    import profiles.assessed
    import profiles.report  # noqa: F401
    from profiles.model import Profile

    from .form import answers_only

    with contextlib.suppress(ImportError):
        importlib.import_module("engine.rules")
    with contextlib.suppress(ValueError):
        Profile.model_validate(answers_only(data))
