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
from engine.rules.verdict import Recommendation

from .model import Profile
from .snapshot import Recommendation as KeptRecommendation

MONTHS_PLACES = 3
WIDTH = 80


def months_text(months: Decimal | None, reason: str | None = None) -> str:
    """`9.6 months`, `never`, or `unknown` when an unknown cost leaves it open (`reason`)."""
    if months is not None:
        return f"{number(months)} months"
    return "never" if reason in (None, "never") else "unknown"


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
            for kind in ("input", "cached_input", "output"):
                quote = getattr(tokens, kind)
                if quote is not None:
                    yield f"{role}.{kind}", quote
    if book.training is not None:
        yield "training.per_mtok", book.training.per_mtok
        if book.training.min_charge is not None:
            yield "training.min_charge", book.training.min_charge
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
    return "—" if value is None else usd(value, cents=False)


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
            f" ({recommendation.confidence} confidence)" if recommendation.confidence else ""
        )
        method = f", method {recommendation.method}" if recommendation.method else ""
        lines += ["", f"Verdict: {recommendation.verdict}{confidence}{method}"]
        reasons = recommendation.reasons
        for r in [r for r in reasons if r.decisive] or reasons[:1]:
            lines += _wrap(r.text, "  - ", "    ")
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
    lines += [
        "",
        *_wrap(
            f"Break-even: {months_text(result.break_even_months, result.break_even_reason)}"
            f" — {result.break_even_note}",
            "",
        ),
    ]
    if stale:
        lines += ["", *_wrap(stale, "", "  ")]
    if h.notes:
        lines += ["", *_wrap(f"Notes: {h.notes}", "", "  ")]
    return "\n".join(lines) + "\n"


def _claim_line(check: dict[str, Any]) -> str:
    label = check["figure"].replace("_", " ")
    said = f"{check['source']} says {label} {number(Decimal(repr(check['says'])), places=3)}"
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
    if recommendation is not None:
        lines += [*recommendation_text(recommendation), ""]
    lines.append(f"{'':<22}{'Prompting':>16}{'Fine-tuning':>16}")
    lines += [f"{label:<22}{a:>16}{b:>16}" for label, a, b in _summary_rows(result)]
    for line in basis_lines(result):
        lines += _wrap(line, "  ", "    ")
    lines += [
        "",
        f"Monthly saving: {usd(result.monthly_saving_usd)}",
        *_wrap(
            f"Break-even: {months_text(result.break_even_months, result.break_even_reason)}"
            f" — {result.break_even_note}",
            "",
        ),
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
            lines.append(f"  {role:<24}{usd(q.usd, cents=False):>10} {q.unit}")
            lines += _wrap(q.cite(), "      ", "      ")
    checks = claim_checks(profile, costs_block(result))
    if checks:
        lines += ["", "Against the guides"]
        lines += [f"  {_claim_line(c)}" for c in checks]
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
    if recommendation is not None:
        out += [*recommendation_markdown(recommendation), ""]
    out += [
        "| | Prompting | Fine-tuning |",
        "|---|---:|---:|",
    ]
    out += [f"| {label} | {a} | {b} |" for label, a, b in _summary_rows(result)]
    out += [
        "",
        f"**Break-even:** {months_text(result.break_even_months, result.break_even_reason)}"
        f" — {_md(result.break_even_note)}",
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
            f"| {role} | {usd(q.usd, cents=False)} | {q.unit} | {_md(q.cite())} |"
            for role, q in rows
        ]
    checks = claim_checks(profile, costs_block(result))
    if checks:
        out += ["", "**Against the guides**", ""] + [f"- {_md(_claim_line(c))}" for c in checks]
    return "\n".join(out) + "\n"


# -- the recommendation (decision rules) ------------------------------------------------------


def recommendation_json(rec: Recommendation) -> dict[str, Any]:
    """The `recommendation` and `frameworks` blocks of the JSON output."""
    return {
        "recommendation": {
            "verdict": rec.verdict,
            "method": rec.method,
            "method_note": rec.method_note,
            "smaller_model": rec.smaller_model,
            "confidence": rec.confidence,
            "rules_version": rec.rules_version,
            "reasons": [r.model_dump() for r in rec.reasons],
            "disagreements": list(rec.disagreements),
            "warnings": [w.model_dump() for w in rec.warnings],
            "next_steps": [s.model_dump() for s in rec.next_steps],
        },
        "frameworks": [
            {
                "id": fw.id,
                "name": fw.name,
                "source": fw.source,
                "verdict": fw.verdict,
                "says": fw.says,
                "path": [s.model_dump() for s in fw.path],
                "unknowns": list(fw.unknowns),
            }
            for fw in rec.frameworks
        ],
    }


def _step_label(step: int | None) -> str:
    return "Measure" if step is None else f"Step {step}"


def recommendation_text(rec: Recommendation) -> list[str]:
    """The recommendation as plain-text lines, 80 columns."""
    lines = [f"Recommendation: {rec.verdict} ({rec.confidence} confidence)"]
    if rec.method is not None:
        lines += _wrap(f"Method: {rec.method} — {rec.method_note}", "  ", "    ")
    if rec.smaller_model:
        lines += _wrap(f"Smaller model: {rec.smaller_model}", "  ", "    ")
    lines += ["", "Why"]
    for r in rec.reasons:
        lines += _wrap(f"[{r.framework}] {r.text}", "  - ", "    ")
    if rec.disagreements:
        lines += ["", "Where the frameworks disagree"]
        for d in rec.disagreements:
            lines += _wrap(d, "  - ", "    ")
    lines += ["", "Frameworks"]
    for fw in rec.frameworks:
        lines.append(f"  {fw.id:<20}{fw.verdict:<15}{fw.source}")
        for step in fw.path:
            lines += _wrap(f"{step.question} → {step.answer}", "      ", "        ")
    if rec.warnings:
        lines += ["", "Warnings from the guides"]
        for w in rec.warnings:
            lines += _wrap(f"{w.message} ({w.source})", "  ! ", "    ")
    if rec.next_steps:
        lines += ["", "Next steps"]
        for s in rec.next_steps:
            lines += _wrap(f"{_step_label(s.step)}, {s.title}: {s.text}", "  - ", "    ")
    lines.append(f"  (rules {rec.rules_version})")
    return lines


def recommendation_markdown(rec: Recommendation) -> list[str]:
    """The recommendation as Markdown lines."""
    out = [f"**Recommendation:** {rec.verdict} ({rec.confidence} confidence)", ""]
    if rec.method is not None:
        out += [f"**Method:** {rec.method} — {_md(rec.method_note)}", ""]
    if rec.smaller_model:
        out += [f"**Smaller model:** {_md(rec.smaller_model)}", ""]
    out += ["**Why**", ""] + [f"- {_md(f'[{r.framework}] {r.text}')}" for r in rec.reasons]
    if rec.disagreements:
        out += ["", "**Where the frameworks disagree**", ""]
        out += [f"- {_md(d)}" for d in rec.disagreements]
    out += ["", "| Framework | Source | Verdict | Path |", "|---|---|---|---|"]
    for fw in rec.frameworks:
        path = "<br>".join(_md(f"{s.question} → {s.answer}") for s in fw.path)
        out.append(f"| {_md(fw.name)} | {_md(fw.source)} | {fw.verdict} | {path} |")
    if rec.warnings:
        out += ["", "**Warnings from the guides**", ""]
        out += [f"- {_md(f'{w.message} ({w.source})')}" for w in rec.warnings]
    if rec.next_steps:
        out += ["", "**Next steps**", ""]
        out += [f"- {_md(f'{_step_label(s.step)}, {s.title}: {s.text}')}" for s in rec.next_steps]
    out += ["", f"Rules {_md(rec.rules_version)}."]
    return out
