"""`tunewise assess` output: a short text report, Markdown, or JSON with a stable shape."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from engine.money import number, to_float, usd
from engine.pricebook import PriceBook, Quote
from engine.result import CostResult, LineItem, PathCosts
from engine.rules.verdict import NextStep, Recommendation
from engine.wording import (
    FRAMEWORKS,
    GUIDES,
    VERDICTS,
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

from .model import Profile
from .snapshot import Recommendation as KeptRecommendation

MONTHS_PLACES = 3
WIDTH = 80


def months_text(months: Decimal | None, reason: str | None = None) -> str:
    """`9.6 months`, `never`, or `unknown` when an unknown cost leaves it open (`reason`)."""
    if months is not None:
        return f"{number(months)} months"
    return "never" if reason in (None, "never") else "unknown"


def _months(months: Decimal) -> str:
    text = number(months)
    return f"{text} month" if text == "1" else f"{text} months"


def payback_words(result: CostResult) -> str:
    """Break-even against the horizon, in words: `does not pay back within the 24-month
    horizon (it would take 193 months)`, `9.6 months, within the 24-month horizon`, `never`."""
    months, horizon = result.break_even_months, result.horizon_months
    if months is None:
        if result.break_even_reason in (None, "never"):
            return "never pays back"
        return "unknown"
    if months > horizon:
        return (
            f"does not pay back within the {horizon}-month horizon "
            f"(it would take {number(months, places=0)} months)"
        )
    return f"{_months(months)}, within the {horizon}-month horizon"


def cost_fact(result: CostResult) -> str:
    """The cost fact that weighs most, as a sentence: dearer every month, paying back after
    the horizon, unknown, or paying back within it."""
    pe, ft = result.prompting.monthly_usd, result.finetune.monthly_usd
    horizon = result.horizon_months
    months = result.break_even_months
    if ft > pe:
        return (
            f"Fine-tuning costs more each month than prompting ({usd(ft)} against {usd(pe)}, "
            f"{usd(ft - pe)} more), so it never pays back its upfront cost."
        )
    if months is None and result.break_even_reason not in (None, "never"):
        return (
            f"Fine-tuning would save {usd(pe - ft)} a month ({usd(ft)} against {usd(pe)}), "
            "but whether it pays back is unknown until its upfront cost is known."
        )
    if months is None:
        return (
            f"Fine-tuning saves nothing a month ({usd(ft)} against {usd(pe)}), so it never "
            "pays back."
        )
    if months > horizon:
        return (
            f"Fine-tuning saves {usd(pe - ft)} a month but does not pay back within the "
            f"{horizon}-month horizon (it would take {number(months, places=0)} months)."
        )
    return (
        f"Fine-tuning saves {usd(pe - ft)} a month ({usd(ft)} against {usd(pe)}) and pays "
        f"back in {_months(months)}, within the {horizon}-month horizon."
    )


def step_words(s: NextStep) -> str:
    """A next step as the reader acts on it: where to answer, then what."""
    where = f"fill in {field_words(s.field)}" if s.field else ""
    if s.step is None:
        head = f"{s.title}: {s.text}"
    else:
        head = f"{s.title} (guide 003, step {s.step}): {s.text}"
    head = plain(head)
    return f"{head} — {where}" if where else head


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text[-1:] in ".?!" else text + "."


def _next_words(s: NextStep) -> str:
    """The one thing to do next, short: the field to fill in, or the guide step."""
    if s.field and s.step is None:
        return f"fill in {field_words(s.field)} ({plain(s.text).rstrip('?')}?)"
    first = plain(s.text).split(" — ")[0]
    where = f"; then fill in {field_words(s.field)}" if s.field else ""
    step = "" if s.step is None else f" (guide 003, step {s.step})"
    return f"{_sentence_case(s.title)}{step} — {first}{where}"


SUPPORTS = {
    "fine_tuning": frozenset({"fine_tuning", "hybrid", "ready"}),
    "hybrid": frozenset({"fine_tuning", "hybrid", "ready"}),
    "prompting": frozenset({"prompting", "rag"}),
    "rag": frozenset({"prompting", "rag"}),
    "measure_first": frozenset({"not_ready"}),
}
"""The framework outcomes that argue for each consolidated verdict."""


def _decisive(rec: Recommendation) -> str | None:
    """The reason that decides, when one does: the consolidation's own, or a framework's
    that argues for the verdict (never an undecided one, nor provider availability, which
    only warns)."""
    for r in rec.reasons:
        if r.framework == "providers" or "undecided" in r.text:
            continue
        if r.text.startswith(("no framework can decide", "task table")):
            continue
        opened = r.text.split(": ", 1)[0]
        if opened in VERDICTS and opened not in SUPPORTS.get(rec.verdict, ()):
            continue
        words = reason_words(r.framework, r.text)
        head = " — ".join(words.split(" — ")[:2])
        return head if len(head) <= 240 else head[:239].rsplit(" ", 1)[0] + "…"
    return None


def _sentence_case(title: str) -> str:
    """`Evaluate RAG if Applicable` → `evaluate RAG if applicable` (acronyms kept)."""
    return " ".join(w if w[1:2].isupper() else w.lower() for w in title.split(" "))


def summary_paragraph(
    result: CostResult, rec: Recommendation | None, *, verdict: bool = True
) -> str:
    """The paragraph on top: the verdict, the facts that decide it (the reason that decides,
    the cost, the evidence missing) and the one thing to do next, in plain words. The
    results screen leaves the verdict out (`verdict=False`): its card just above says it."""
    parts: list[str] = []
    if rec is not None and verdict:
        parts.append(f"{verdict_words(rec.verdict)} ({confidence_words(rec.confidence)}).")
    if rec is not None:
        decisive = _decisive(rec)
        if decisive:
            parts.append(_sentence(f"Why: {decisive}"))
    parts.append(cost_fact(result))
    if rec is not None:
        missing = [field_words(s.field) for s in rec.next_steps if s.step is None and s.field]
        missing = list(dict.fromkeys(missing))
        if rec.verdict == "measure_first" and missing:
            more = f"; and {len(missing) - 3} more" if len(missing) > 3 else ""
            parts.append(_sentence(f"Evidence missing: {'; '.join(missing[:3])}{more}"))
        if rec.next_steps:
            parts.append(_sentence(f"Next: {_next_words(rec.next_steps[0])}"))
    return " ".join(parts)


def basis_lines(result: CostResult) -> list[str]:
    """What the figures rest on besides prices: bills typed directly (`Prompting: given:
    $1,500 a month; does not follow volume`) and the costs the answers leave unknown."""
    lines = [
        f"{path}: {costs.given}"
        for path, costs in (("Prompting", result.prompting), ("Fine-tuning", result.finetune))
        if costs.given
    ]
    lines += [f"Unknown {u.message}" for u in result.unknowns]
    return lines


def money_or_unknown(amount: Decimal | None) -> str:
    """`$12,000`, or `unknown` for a cost the answers leave unknown (never `$0`)."""
    return "unknown" if amount is None else usd(amount)


def costs_block(result: CostResult) -> dict[str, Any]:
    """The `costs` object of the JSON output: the figures other tools read."""
    months = result.break_even_months
    return {
        "prompting_monthly": to_float(result.prompting.monthly_usd),
        "finetune_monthly": to_float(result.finetune.monthly_usd),
        "prompting_upfront": to_float(result.prompting.known_upfront),
        "finetune_upfront": _opt(result.finetune.upfront_usd, 6),
        "monthly_saving": to_float(result.monthly_saving_usd),
        "break_even_months": None if months is None else to_float(months, MONTHS_PLACES),
        "break_even_reason": result.break_even_reason,
        "break_even_note": result.break_even_note,
        "horizon_months": result.horizon_months,
        "prompting_total": to_float(result.prompting_total_usd),
        "finetune_total": _opt(result.finetune_total_usd, 6),
        "monthly_requests": to_float(result.monthly_requests),
        "prompting_per_request": _opt(result.prompting.per_request_usd),
        "finetune_per_request": _opt(result.finetune.per_request_usd),
    }


def _opt(value: Decimal | None, places: int = 8) -> float | None:
    return None if value is None else to_float(value, places)


def _items(items: tuple[LineItem, ...]) -> list[dict[str, Any]]:
    return [
        {
            "key": i.key,
            "label": i.label,
            "usd": to_float(i.usd),
            "formula": i.formula,
            "price_source": i.price_source,
            "scales_with_volume": i.scales_with_volume,
        }
        for i in items
    ]


def _path(costs: PathCosts) -> dict[str, Any]:
    return {"monthly": _items(costs.monthly_items), "upfront": _items(costs.upfront_items)}


def price_rows(book: PriceBook) -> Iterator[tuple[str, Quote]]:
    """Every price the evaluation used, named by its role."""
    for role in ("prompting", "fine_tuned"):
        tokens = getattr(book, role)
        if tokens is not None:
            for kind in ("input", "cached_input", "cache_write", "output"):
                quote = getattr(tokens, kind)
                if quote is not None:
                    yield f"{role}.{kind}", quote
    if book.training is not None:
        yield "training.per_mtok", book.training.per_mtok
        if book.training.min_charge is not None:
            yield "training.min_charge", book.training.min_charge
    if book.training_hour is not None:
        yield "training.hour", book.training_hour
    if book.grader is not None:
        yield "grader.input", book.grader.input
        yield "grader.output", book.grader.output
    for role in ("training_gpu", "serving_gpu"):
        gpu = getattr(book, role)
        if gpu is not None:
            yield f"{role}.hour", gpu.hour
    if book.hosting is not None:
        yield "hosting.hour", book.hosting


def claim_checks(profile: Profile, costs: dict[str, Any]) -> list[dict[str, Any]]:
    """Each guide figure beside tunewise's, judged `agrees` or `differs`."""
    out = []
    for claim in profile.claim:
        ours = costs.get(claim.figure)
        out.append(
            {
                "source": claim.source,
                "figure": claim.figure,
                "says": claim.says,
                "computed": ours,
                "quote": claim.quote,
                "verdict": _judge(claim.says, ours),
            }
        )
    return out


def _judge(says: float, ours: Any) -> str:
    """`agrees` when tunewise's figure, rounded to the precision the guide wrote, is the
    guide's (or within 1%); otherwise `differs`."""
    if ours is None:
        return "differs"
    stated = Decimal(repr(says))
    exponent = stated.normalize().as_tuple().exponent
    places = Decimal(1).scaleb(min(int(exponent), 0))
    computed = Decimal(str(ours))
    if computed.quantize(places, rounding=ROUND_HALF_UP) == stated.quantize(places):
        return "agrees"
    return "agrees" if abs(computed - stated) <= abs(stated) / 100 else "differs"


def to_json(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> dict[str, Any]:
    costs = costs_block(result)
    rules = {} if recommendation is None else recommendation_json(recommendation)
    return {
        "summary": summary_paragraph(result, recommendation),
        **rules,
        "profile": {
            "name": profile.profile.name,
            "assessed_on": profile.profile.assessed_on.isoformat(),
        },
        "costs": costs,
        "line_items": {"prompting": _path(result.prompting), "finetune": _path(result.finetune)},
        "unknowns": [u.model_dump() for u in result.unknowns],
        "given": {
            "prompting": result.prompting.given or None,
            "finetune": result.finetune.given or None,
        },
        "break_even_volumes": [
            {
                "within_months": v.within_months,
                "requests_per_month": _opt(v.requests_per_month),
                "requests_per_day": _opt(v.requests_per_day),
                "note": v.note,
            }
            for v in result.break_even_volumes
        ],
        "cumulative": [
            {
                "month": p.month,
                "requests": to_float(p.requests),
                "prompting": to_float(p.prompting_usd),
                "finetune": _opt(p.finetune_usd, 6),
            }
            for p in result.cumulative
        ],
        "warnings": [w.model_dump() for w in result.warnings],
        "prices": [
            {
                "role": role,
                "usd": to_float(q.usd, 8),
                "unit": q.unit,
                "source": q.source,
                "as_of": q.as_of,
                "confidence": q.confidence,
            }
            for role, q in price_rows(book)
        ],
        "guide_checks": claim_checks(profile, costs),
    }


def render_json(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> str:
    data = to_json(profile, result, book, recommendation=recommendation)
    return json.dumps(data, indent=2, ensure_ascii=False)


def _per_request(value: Decimal | None) -> str:
    return "—" if value is None else usd(value)


def _summary_rows(result: CostResult) -> list[tuple[str, str, str]]:
    pe, ft = result.prompting, result.finetune
    return [
        ("Monthly", usd(pe.monthly_usd), usd(ft.monthly_usd)),
        ("Up front", money_or_unknown(pe.upfront_usd), money_or_unknown(ft.upfront_usd)),
        ("Per request", _per_request(pe.per_request_usd), _per_request(ft.per_request_usd)),
        (
            f"Total at {result.horizon_months} months",
            usd(result.prompting_total_usd),
            money_or_unknown(result.finetune_total_usd),
        ),
    ]


def summary(
    profile: Profile,
    result: CostResult,
    recommendation: KeptRecommendation | None,
    stale: str | None = None,
) -> str:
    """`tunewise show FILE`: who and when, the verdict, the key costs and the break-even,
    as tunewise computes them today; 80 columns, plain text."""
    h = profile.profile
    lines = _wrap(h.name, "")
    by = f" by {h.author}" if h.author else ""
    lines += _wrap(
        f"assessed {h.assessed_on.isoformat()}{by}; "
        f"{number(result.monthly_requests)} requests in the first month",
        "",
    )
    if recommendation is not None:
        confidence = (
            f" ({confidence_words(recommendation.confidence)})" if recommendation.confidence else ""
        )
        method = f", by {method_words(recommendation.method)}" if recommendation.method else ""
        verdict = verdict_words(recommendation.verdict)
        lines += ["", f"Verdict: {verdict}{confidence}{method}"]
        reasons = recommendation.reasons
        for r in [r for r in reasons if r.decisive] or reasons[:1]:
            framework = r.code if r.code in FRAMEWORKS else "recommend"
            lines += _wrap(reason_words(framework, r.text), "  - ", "    ")
    else:
        lines += ["", "Verdict: not judged (no decision rules answer)"]
    lines += ["", f"{'':<22}{'Prompting':>16}{'Fine-tuning':>16}"]
    lines += [
        f"{label:<22}{a:>16}{b:>16}"
        for label, a, b in _summary_rows(result)
        if label != "Per request"
    ]
    for line in basis_lines(result):
        lines += _wrap(line, "  ", "    ")
    lines += ["", *_wrap(f"Break-even: {payback_words(result)} — {result.break_even_note}", "")]
    if stale:
        lines += ["", *_wrap(stale, "", "  ")]
    if h.notes:
        lines += ["", *_wrap(f"Notes: {h.notes}", "", "  ")]
    return "\n".join(lines) + "\n"


SOURCES_HEADING = "Sources"
"""The source note: the only place a guide's file name appears."""

ROLES = {
    "prompting.input": "Prompting, input",
    "prompting.cached_input": "Prompting, cached",
    "prompting.cache_write": "Prompting, cache write",
    "prompting.output": "Prompting, output",
    "fine_tuned.input": "Fine-tuned, input",
    "fine_tuned.cached_input": "Fine-tuned, cached",
    "fine_tuned.cache_write": "Fine-tuned, cache write",
    "fine_tuned.output": "Fine-tuned, output",
    "training.per_mtok": "Training",
    "training.min_charge": "Training, minimum",
    "training.hour": "Training hour",
    "grader.input": "Grader, input",
    "grader.output": "Grader, output",
    "training_gpu.hour": "Training GPU",
    "serving_gpu.hour": "Serving GPU",
    "hosting.hour": "Hosting",
}
"""A price's role (`fine_tuned.input`, the JSON's code) in words."""


def role_words(role: str) -> str:
    return ROLES.get(role, role.replace("_", " ").replace(".", ", "))


def _source_note(g: Any) -> str:
    return f"{g.cite}: file {g.file}"


def _claim_line(check: dict[str, Any]) -> str:
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


def _wrap(text: str, first: str, rest: str = "  ") -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [first]


def render_text(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> str:
    """A short plain-text report (no colour, no markup), 80 columns."""
    h = profile.profile
    lines = [
        f"{h.name} — assessed {h.assessed_on.isoformat()}",
        f"{number(result.monthly_requests)} requests in the first month",
        "",
    ]
    lines += ["Summary", *_wrap(summary_paragraph(result, recommendation), "  ", "  "), ""]
    if recommendation is not None:
        lines += [*recommendation_text(recommendation), ""]
    lines.append(f"{'':<22}{'Prompting':>16}{'Fine-tuning':>16}")
    lines += [f"{label:<22}{a:>16}{b:>16}" for label, a, b in _summary_rows(result)]
    for line in basis_lines(result):
        lines += _wrap(line, "  ", "    ")
    lines += [
        "",
        f"Monthly saving: {usd(result.monthly_saving_usd)}",
        *_wrap(f"Break-even: {payback_words(result)} — {result.break_even_note}", ""),
        "",
    ]
    for title, items in (
        ("Prompting, monthly", result.prompting.monthly_items),
        ("Prompting, up front", result.prompting.upfront_items),
        ("Fine-tuning, monthly", result.finetune.monthly_items),
        ("Fine-tuning, up front", result.finetune.upfront_items),
    ):
        if not items:
            continue
        lines.append(title)
        lines += [f"  {i.label:<28}{usd(i.usd):>12}  {i.formula}" for i in items]
    lines += ["", "Fine-tuning pays back within"]
    lines += [f"  {v.within_months:>2} months: {v.note}" for v in result.break_even_volumes]
    if result.warnings:
        lines += ["", "Warnings"]
        for w in result.warnings:
            lines += _wrap(w.message, "  ! ", "    ")
    rows = list(price_rows(book))
    if rows:
        lines += ["", "Prices used"]
        for role, q in rows:
            lines.append(f"  {role_words(role):<24}{usd(q.usd):>10} {q.unit}")
            lines += _wrap(q.cite(), "      ", "      ")
    checks = claim_checks(profile, costs_block(result))
    if checks:
        lines += ["", "Against the guides"]
        for c in checks:
            lines += _wrap(_claim_line(c), "  ", "    ")
    lines += ["", SOURCES_HEADING]
    lines += [line for g in GUIDES.values() for line in _wrap(_source_note(g), "  ", "    ")]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown tables and emphasis would interpret."""
    for ch in "\\`*_[]|<>":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(
    profile: Profile,
    result: CostResult,
    book: PriceBook,
    *,
    recommendation: Recommendation | None = None,
) -> str:
    h = profile.profile
    out = [
        f"## {_md(h.name)}",
        "",
        f"Assessed {h.assessed_on.isoformat()}; {number(result.monthly_requests)} requests "
        "in the first month.",
        "",
    ]
    out += [f"**Summary.** {_md(summary_paragraph(result, recommendation))}", ""]
    if recommendation is not None:
        out += [*recommendation_markdown(recommendation), ""]
    out += [
        "| | Prompting | Fine-tuning |",
        "|---|---:|---:|",
    ]
    out += [f"| {label} | {a} | {b} |" for label, a, b in _summary_rows(result)]
    out += [
        "",
        f"**Break-even:** {_md(payback_words(result))} — {_md(result.break_even_note)}",
        *[f"- {_md(line)}" for line in basis_lines(result)],
        "",
        "| Line item | Path | Amount | How |",
        "|---|---|---:|---|",
    ]
    for path, costs in (("prompting", result.prompting), ("fine-tuning", result.finetune)):
        for i in (*costs.upfront_items, *costs.monthly_items):
            out.append(f"| {_md(i.label)} | {path} | {usd(i.usd)} | {_md(i.formula)} |")
    out += ["", "| Pays back within | Volume needed |", "|---|---|"]
    out += [f"| {v.within_months} months | {_md(v.note)} |" for v in result.break_even_volumes]
    if result.warnings:
        out += ["", "**Warnings**", ""] + [f"- {_md(w.message)}" for w in result.warnings]
    rows = list(price_rows(book))
    if rows:
        out += ["", "| Price | USD | Unit | Source |", "|---|---:|---|---|"]
        out += [
            f"| {role_words(role)} | {usd(q.usd)} | {q.unit} | {_md(q.cite())} |"
            for role, q in rows
        ]
    checks = claim_checks(profile, costs_block(result))
    if checks:
        out += ["", "**Against the guides**", ""] + [f"- {_md(_claim_line(c))}" for c in checks]
    out += ["", f"**{SOURCES_HEADING}**", ""]
    out += [f"- {_md(_source_note(g))}" for g in GUIDES.values()]
    return "\n".join(out) + "\n"


# -- the recommendation (decision rules) ------------------------------------------------------


def recommendation_json(rec: Recommendation) -> dict[str, Any]:
    """The `recommendation` and `frameworks` blocks of the JSON output."""
    return {
        "recommendation": {
            "verdict": rec.verdict,
            "label": verdict_words(rec.verdict),
            "method": rec.method,
            "method_note": rec.method_note,
            "smaller_model": rec.smaller_model,
            "confidence": rec.confidence,
            "rules_version": rec.rules_version,
            "reasons": [r.model_dump() for r in rec.reasons],
            "disagreements": list(rec.disagreements),
            "warnings": [w.model_dump() for w in rec.warnings],
            "next_steps": [
                {**s.model_dump(), "field_label": field_words(s.field) if s.field else None}
                for s in rec.next_steps
            ],
        },
        "frameworks": [
            {
                "id": fw.id,
                "label": framework_words(fw.id),
                "name": fw.name,
                "source": fw.source,
                "verdict": fw.verdict,
                "verdict_label": verdict_words(fw.verdict),
                "says": fw.says,
                "path": [s.model_dump() for s in fw.path],
                "unknowns": list(fw.unknowns),
            }
            for fw in rec.frameworks
        ],
    }


def _verdict_line(rec: Recommendation) -> str:
    return f"{verdict_words(rec.verdict)} ({confidence_words(rec.confidence)})"


def _framework_row(fw: Any) -> str:
    return f"{framework_words(fw.id)}: {verdict_inline(fw.verdict)}"


def recommendation_text(rec: Recommendation) -> list[str]:
    """The recommendation as plain-text lines, 80 columns."""
    lines = [f"Recommendation: {_verdict_line(rec)}"]
    if rec.method is not None:
        lines += _wrap(
            f"Method: {method_words(rec.method)} — {plain(rec.method_note)}", "  ", "    "
        )
    if rec.smaller_model:
        lines += _wrap(f"Smaller model: {plain(rec.smaller_model)}", "  ", "    ")
    lines += ["", "Why"]
    for r in rec.reasons:
        lines += _wrap(reason_words(r.framework, r.text), "  - ", "    ")
    if rec.disagreements:
        lines += ["", "Where the frameworks disagree"]
        for d in rec.disagreements:
            lines += _wrap(sentence(d), "  - ", "    ")
    lines += ["", "Frameworks"]
    for fw in rec.frameworks:
        lines += _wrap(_framework_row(fw), "  ", "    ")
        for step in fw.path:
            lines += _wrap(plain(f"{step.question} → {step.answer}"), "      ", "        ")
    if rec.warnings:
        lines += ["", "Warnings from the guides"]
        for w in rec.warnings:
            lines += _wrap(plain(f"{w.message} ({w.source})"), "  ! ", "    ")
    if rec.next_steps:
        lines += ["", "Next steps"]
        for s in rec.next_steps:
            lines += _wrap(step_words(s), "  - ", "    ")
    lines.append(f"  (rules {rec.rules_version})")
    return lines


def recommendation_markdown(rec: Recommendation) -> list[str]:
    """The recommendation as Markdown lines."""
    out = [f"**Recommendation:** {_verdict_line(rec)}", ""]
    if rec.method is not None:
        out += [f"**Method:** {method_words(rec.method)} — {_md(plain(rec.method_note))}", ""]
    if rec.smaller_model:
        out += [f"**Smaller model:** {_md(plain(rec.smaller_model))}", ""]
    out += ["**Why**", ""]
    out += [f"- {_md(reason_words(r.framework, r.text))}" for r in rec.reasons]
    if rec.disagreements:
        out += ["", "**Where the frameworks disagree**", ""]
        out += [f"- {_md(sentence(d))}" for d in rec.disagreements]
    out += ["", "| Framework | Verdict | Path |", "|---|---|---|"]
    for fw in rec.frameworks:
        path = "<br>".join(_md(plain(f"{s.question} → {s.answer}")) for s in fw.path)
        out.append(f"| {_md(framework_words(fw.id))} | {_md(verdict_words(fw.verdict))} | {path} |")
    if rec.warnings:
        out += ["", "**Warnings from the guides**", ""]
        out += [f"- {_md(plain(f'{w.message} ({w.source})'))}" for w in rec.warnings]
    if rec.next_steps:
        out += ["", "**Next steps**", ""]
        out += [f"- {_md(step_words(s))}" for s in rec.next_steps]
    out += ["", f"Rules {_md(rec.rules_version)}."]
    return out
