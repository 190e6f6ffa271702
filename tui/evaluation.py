"""One recomputation: answers → profile → prices → costs (→ verdict, once the rules exist).

Imports of the engine happen inside the functions: the catalog worker imports them first, so
the UI thread finds them loaded, and startup imports none of them.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .bridge import Verdict
from .form import FormErrors, build_profile, locate

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.pricebook import PriceBook
    from engine.result import CostResult
    from profiles.model import Profile


@dataclass(frozen=True)
class Evaluation:
    """Everything the panel and the results screen show for one set of valid answers."""

    profile: Profile
    book: PriceBook
    result: CostResult
    verdict: Verdict | None


def assess(
    values: Mapping[str, str],
    base: Mapping[str, Any],
    kinds: Mapping[str, str],
    catalog: Catalog,
) -> Evaluation:
    """Evaluate the answers, or raise `FormErrors` naming the fields that stop it (a range the
    simulation cannot take, on the field it ranges)."""
    from engine.errors import InputError
    from engine.evaluate import evaluate

    profile = build_profile(values, base, kinds)
    inputs = profile.cost_inputs()
    try:
        book = catalog.resolve(inputs)
        result = evaluate(inputs, book)
        if profile.ranges:  # checked here (~0.2 ms), so the field is marked, not the panel
            from engine.uncertainty.simulate import prepare

            prepare(inputs, book, result, profile.ranges)
    except InputError as exc:
        ranged = exc.field.removeprefix("ranges.")
        field = ranged if ranged in values else exc.field
        paths = locate(field, exc.message, values)
        raise FormErrors(dict.fromkeys(paths, exc.message)) from None
    evaluation = Evaluation(profile, book, result, None)
    return replace(evaluation, verdict=verdict_of(evaluation, catalog))


def verdict_of(evaluation: Evaluation, catalog: Catalog) -> Verdict | None:
    """The rules' verdict, from the same run the step's settled notice reads
    (`steps.decision.decide` keeps it), so a keystroke runs the rules once, not twice."""
    from .steps.decision import decide

    try:
        decision = decide(evaluation, catalog)
    except Exception:  # the rules must never take the wizard down
        return None
    if decision is None:
        return None
    rec = decision.recommendation
    reasons = tuple(str(getattr(r, "text", r)) for r in rec.reasons)
    return Verdict(str(rec.verdict).replace("_", " "), str(rec.confidence or ""), reasons)


def warm_up(data: Mapping[str, Any]) -> None:
    """Import the engine and build the profile schema (in the catalog worker, off the UI)."""
    import engine.evaluate  # noqa: F401
    import profiles.report  # noqa: F401
    from profiles.model import Profile

    from .form import answers_only

    with contextlib.suppress(ImportError):
        importlib.import_module("engine.rules")
    with contextlib.suppress(ValueError):
        Profile.model_validate(answers_only(data))
