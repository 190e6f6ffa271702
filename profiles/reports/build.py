"""Builds the assessment's report document once, from the profile and its evaluation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from engine.money import number
from engine.pricebook import PriceBook
from engine.result import CostResult, CostWarning, OptionPick, OptionsComparison
from engine.rules.verdict import Recommendation
from engine.wording import (
    GUIDES,
    confidence_words,
    field_words,
    framework_words,
    method_words,
    plain,
    reason_words,
    sentence,
    verdict_inline,
    verdict_words,
)

from ..model import Profile
from .document import (
    CostRow,
    Costs,
    FrameworkRow,
    GuideCheck,
    GuideChecks,
    ItemGroup,
    LineItems,
    Money,
    Options,
    Prices,
    ProfileHead,
    RecommendationPart,
    Report,
    Section,
    Sources,
    Summary,
    Volumes,
    Warnings,
)
from .figures import claim_checks, costs_block
from .price_list import price_list
from .words import (
    basis_lines,
    option_fact,
    option_step,
    payback_words,
    picked,
    step_words,
    summary_paragraph,
)


def assessment_report(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
    options: OptionsComparison | None = None,
) -> Report:
    """Every section of `tunewise assess`'s answer, in reading order. `options` is the
    assessment's own (`Assessed.options`); worked out here from the same function when not
    given, priced from the built-in catalog."""
    if options is None:
        options = _options(profile, result, book)
    h = profile.profile
    pick = _pick(recommendation, options)
    sections: list[Section] = [
        ProfileHead(
            name=h.name, assessed_on=h.assessed_on, monthly_requests=result.monthly_requests
        ),
        Summary(text=summary_paragraph(result, recommendation, options=options, pick=pick)),
    ]
    if recommendation is not None:
        sections.append(recommendation_part(recommendation, options=options, pick=pick))
    sections += [
        Costs(
            rows=cost_rows(result),
            basis=tuple(basis_lines(result)),
            monthly_saving=result.monthly_saving_usd,
            payback=payback_words(result),
            break_even_note=result.break_even_note,
            result=result,
        ),
        LineItems(groups=_groups(result)),
        Volumes(volumes=result.break_even_volumes),
        Options(comparison=options, pick=pick),
        Warnings(warnings=_every_warning(result, options)),
        Prices(rows=price_list(book, options)),
        GuideChecks(
            checks=tuple(
                GuideCheck(**c, words=_claim_words(c))
                for c in claim_checks(profile, costs_block(result))
            )
        ),
        Sources(notes=tuple(f"{g.cite}: file {g.file}" for g in GUIDES.values())),
    ]
    return Report(sections=tuple(sections))


def _every_warning(result: CostResult, options: OptionsComparison) -> tuple[CostWarning, ...]:
    """The profile's warnings, then each named option's own, by the option's name (the
    profile's own fine-tune and baseline warn through `result`)."""
    seen = {w.message for w in result.warnings}
    more = []
    for o in options.options:
        for w in o.warnings:
            if w.message not in seen and w.field and w.field.startswith("options."):
                seen.add(w.message)
                more.append(w.model_copy(update={"message": f"{o.name}: {w.message}"}))
    return (*result.warnings, *more)


def _pick(rec: Recommendation | None, options: OptionsComparison) -> OptionPick | None:
    from engine.options.verdict import pick_option

    return None if rec is None else pick_option(rec.verdict, options)


def _options(profile: Profile, result: CostResult, book: PriceBook) -> OptionsComparison:
    from ..catalogs import CatalogSource
    from ..options import options_of

    return options_of(profile, profile.cost_inputs(), book, result, CatalogSource())


def cost_rows(result: CostResult) -> tuple[CostRow, ...]:
    """Monthly, up front, per request and total at the horizon, for each path."""
    pe, ft = result.prompting, result.finetune
    return (
        CostRow(
            code="monthly",
            label="Monthly",
            prompting=Money(amount=pe.monthly_usd),
            finetune=Money(amount=ft.monthly_usd),
        ),
        CostRow(
            code="upfront",
            label="Up front",
            prompting=Money(amount=pe.upfront_usd),
            finetune=Money(amount=ft.upfront_usd),
        ),
        CostRow(
            code="per_request",
            label="Per request",
            prompting=Money(amount=pe.per_request_usd, absent="—"),
            finetune=Money(amount=ft.per_request_usd, absent="—"),
        ),
        CostRow(
            code="total",
            label=f"Total at {result.horizon_months} months",
            prompting=Money(amount=result.prompting_total_usd),
            finetune=Money(amount=result.finetune_total_usd),
        ),
    )


def _groups(result: CostResult) -> tuple[ItemGroup, ...]:
    return tuple(
        ItemGroup(
            path=path,
            when=when,
            title=f"{title}, {'monthly' if when == 'monthly' else 'up front'}",
            path_words=words,
            items=getattr(costs, f"{when}_items"),
        )
        for path, title, words, costs in (
            ("prompting", "Prompting", "prompting", result.prompting),
            ("finetune", "Fine-tuning", "fine-tuning", result.finetune),
        )
        for when in ("monthly", "upfront")
    )


def recommendation_part(
    rec: Recommendation,
    *,
    options: OptionsComparison | None = None,
    pick: OptionPick | None = None,
) -> RecommendationPart:
    """The rules' answer in words; with `options`, the option that implements the verdict and
    its cost (or, when none does, the option to add as the first next step)."""
    chosen = picked(options, pick)
    option = None
    if chosen is not None and options is not None:
        option = option_fact(chosen, options.baseline, options.horizon_months)
    step = option_step(pick) if options is not None and options.explicit else None
    return RecommendationPart(
        option=option,
        option_id=None if chosen is None else chosen.id,
        option_steps=() if step is None else (step,),
        recommendation=rec,
        verdict_label=verdict_words(rec.verdict),
        verdict=f"{verdict_words(rec.verdict)} ({confidence_words(rec.confidence)})",
        method=None if rec.method is None else method_words(rec.method),
        method_note=plain(rec.method_note),
        smaller_model=plain(rec.smaller_model) if rec.smaller_model else None,
        reasons=tuple(reason_words(r.framework, r.text) for r in rec.reasons),
        disagreements=tuple(sentence(d) for d in rec.disagreements),
        frameworks=tuple(
            FrameworkRow(
                id=fw.id,
                label=framework_words(fw.id),
                verdict_label=verdict_words(fw.verdict),
                verdict_inline=verdict_inline(fw.verdict),
                path=tuple(plain(f"{s.question} → {s.answer}") for s in fw.path),
            )
            for fw in rec.frameworks
        ),
        warnings=tuple(plain(f"{w.message} ({w.source})") for w in rec.warnings),
        next_steps=tuple(step_words(s) for s in rec.next_steps),
        next_step_fields=tuple(field_words(s.field) if s.field else None for s in rec.next_steps),
        rules_version=rec.rules_version,
    )


def _claim_words(check: dict[str, Any]) -> str:
    label = check["figure"].replace("_", " ")
    source = plain(check["source"])
    says = number(Decimal(repr(check["says"])), places=3)
    said = f"{source[:1].upper() + source[1:]} says {label} {says}"
    computed = check["computed"]
    shown = "never (null)" if computed is None else number(Decimal(str(computed)), places=3)
    return {
        "agrees": f"{said}: confirmed ({shown})",
        "differs": f"{said}; the arithmetic gives {shown}",
    }[check["verdict"]]
