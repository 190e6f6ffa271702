"""Everything known about one profile, worked out once: `assess_profile(profile)` → `Assessed`.

The one place the chain profile → cost inputs → price book → cost result → the rules'
recommendation (→ the simulation over its ranges) is written. The CLI verbs, the wizard,
saving, the browser and compare read its answer and recompute none of it. The costs are
computed at once; the rules run on first use (at most once), the simulation when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from engine.evaluate import evaluate

from .catalogs import CatalogSource
from .snapshot import Costs, Recommendation, ResultSnapshot, costs_of, outcome_differences

if TYPE_CHECKING:
    from engine.catalog import Catalog
    from engine.inputs import CostInputs
    from engine.pricebook import PriceBook
    from engine.result import CostResult, CostWarning, OptionsComparison
    from engine.rules import Facts
    from engine.rules import Recommendation as RulesRecommendation
    from engine.rules.verdict import RuleWarning
    from engine.uncertainty import Uncertainty

    from .model import Profile


@dataclass(frozen=True)
class Assessed:
    """One profile assessed: its costs now, the rules' recommendation and the stale note on
    first use (kept), the simulation over its ranges when asked (`uncertainty`)."""

    profile: Profile
    """The profile as assessed: with the scenario applied, when one was asked for."""
    inputs: CostInputs
    book: PriceBook
    result: CostResult
    source: CatalogSource = field(compare=False)
    """Where the prices come from: the rules read it too (lifecycles, availability)."""
    scenario: str = ""
    """The profile's named scenario these figures are for ("" for the answers as given)."""
    repriced: bool = False
    """Priced from the catalog, every stored price snapshot ignored (`tunewise reprice`)."""

    @property
    def catalog(self) -> Catalog:
        """The catalog, loaded now if it was not (the price snapshot may have sufficed)."""
        return self.source.get()

    @cached_property
    def facts(self) -> Facts:
        """What the rules read of the answers, the costs and the catalog."""
        from engine.rules import facts_for

        providers = self.profile.team.providers
        return facts_for(self.inputs, self.result, self.book, self.catalog, providers)

    @cached_property
    def _judged(self) -> RulesRecommendation | Exception:
        """The rules' answer, or what stopped them: kept, so asking again runs nothing."""
        from engine import rules

        try:
            return rules.recommend(self.profile.assessment(), self.facts)
        except Exception as exc:  # raised again to each caller, who decides what it means
            return exc

    @property
    def recommendation(self) -> RulesRecommendation:
        """The rules' recommendation; raises what the rules (or loading the catalog) raised."""
        judged = self._judged
        if isinstance(judged, Exception):
            raise judged
        return judged

    @property
    def judged(self) -> RulesRecommendation | None:
        """The rules' recommendation, or None when they could not judge these answers."""
        judged = self._judged
        return None if isinstance(judged, Exception) else judged

    @property
    def warnings(self) -> tuple[CostWarning | RuleWarning, ...]:
        """The cost engine's warnings, then the rules' (when they could judge)."""
        judged = self.judged
        return (*self.result.warnings, *(judged.warnings if judged is not None else ()))

    @cached_property
    def costs(self) -> Costs:
        """The figures as a result snapshot keeps them (raises `ArithmeticError` for figures
        too large to keep)."""
        return costs_of(self.result)

    @cached_property
    def options(self) -> OptionsComparison:
        """The baseline and every option, costed and set against the baseline (once; a
        format-3 profile's named options are priced from their own price snapshots while
        these fit, else from the catalog). Raises `InputError`
        at `options.ID.field` when an option cannot be priced."""
        from .options import options_of

        return options_of(
            self.profile, self.inputs, self.book, self.result, self.source, reprice=self.repriced
        )

    @cached_property
    def stale(self) -> str | None:
        """One line when the profile's stored result differs from this one, else None. A
        stored recommendation is judged again by today's rules, so a changed verdict is
        stale too."""
        stored = self.profile.result
        if stored is None:
            return None
        judged = None
        if stored.recommendation is not None:
            rec = self.recommendation
            judged = Recommendation.model_construct(verdict=rec.verdict, confidence=rec.confidence)
        fresh = ResultSnapshot.model_construct(  # only what `outcome_differences` compares
            costs=self.costs,
            warnings=[w.code for w in self.result.warnings],
            recommendation=judged,
        )
        changes = outcome_differences(stored, fresh)
        if not changes:
            return None
        who = stored.tunewise or "an unknown version"
        when = stored.prices_as_of or "an unknown date"
        what = "; ".join(changes[:3])
        return f"stale: computed by tunewise {who} with prices as of {when}; {what}"

    def uncertainty(
        self, *, samples: int | None = None, seed: int | None = None, with_band: bool = False
    ) -> Uncertainty:
        """The simulation over the profile's ranges, run when asked (never on its own: 10,000
        samples take ~0.1 s), with how often the verdict changes when the rules could judge."""
        from .ranges import profile_uncertainty

        judged = self.judged
        return profile_uncertainty(
            self.profile,
            self.book,
            self.result,
            samples=samples,
            seed=seed,
            scenario=self.scenario or None,
            recommendation=judged,
            facts=self.facts if judged is not None else None,
            with_band=with_band,
            options=self.options if self.profile.options else None,
        )


def assess_profile(
    profile: Profile,
    *,
    scenario: str | None = None,
    catalog: Catalog | CatalogSource | None = None,
    reprice: bool = False,
) -> Assessed:
    """Assess `profile` (with its `[scenarios.NAME]` applied when `scenario` names one).

    Priced from the profile's own price snapshot while it still fits the answers (no price
    data is loaded), else from `catalog` (the built-in source when None); `reprice` prices
    from the catalog always. Raises `InputError` naming the field when it cannot be priced.
    """
    if scenario is not None:
        from .ranges import apply_scenario

        profile = apply_scenario(profile, scenario)
    from engine.catalog.fit import stored_book_fits

    source = CatalogSource.given(catalog)
    inputs = profile.cost_inputs()
    book = profile.prices
    pe, ft = profile.prompting, profile.fine_tuning
    if reprice or book is None or not stored_book_fits(pe, ft, book):
        book = source.get().resolve(inputs)
    result = evaluate(inputs, book)
    return Assessed(profile, inputs, book, result, source, scenario or "", reprice)
