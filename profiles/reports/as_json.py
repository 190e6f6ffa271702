"""The report as JSON with a stable shape: codes, not words, and amounts rounded the same way
every run (`figures`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from engine.money import to_float

from .document import (
    Costs,
    GuideChecks,
    HowSure,
    LineItems,
    Prices,
    ProfileHead,
    RecommendationPart,
    Report,
    Summary,
    Volumes,
    Warnings,
)
from .figures import costs_block, line_items_json, optional_float
from .options_json import options_json

KEYS = (
    "summary",
    "recommendation",
    "frameworks",
    "profile",
    "costs",
    "line_items",
    "unknowns",
    "given",
    "break_even_volumes",
    "cumulative",
    "baseline",
    "options",
    "cheapest_at_horizon",
    "cheapest_by_volume",
    "verdict_option",
    "warnings",
    "prices",
    "guide_checks",
    "uncertainty",
)
"""The JSON's keys in the order tools have always read them (not the reading order)."""


def _profile(s: ProfileHead) -> dict[str, Any]:
    return {"profile": {"name": s.name, "assessed_on": s.assessed_on.isoformat()}}


def _summary(s: Summary) -> dict[str, Any]:
    return {"summary": s.text}


def _recommendation(s: RecommendationPart) -> dict[str, Any]:
    rec = s.recommendation
    return {
        "recommendation": {
            "verdict": rec.verdict,
            "label": s.verdict_label,
            "method": rec.method,
            "method_note": rec.method_note,
            "smaller_model": rec.smaller_model,
            "confidence": rec.confidence,
            "rules_version": rec.rules_version,
            "reasons": [r.model_dump() for r in rec.reasons],
            "disagreements": list(rec.disagreements),
            "warnings": [w.model_dump() for w in rec.warnings],
            "next_steps": [
                {**step.model_dump(), "field_label": label}
                for step, label in zip(rec.next_steps, s.next_step_fields, strict=True)
            ],
            **({"option": s.option_id, "option_words": s.option} if s.option else {}),
            **({"option_to_add": list(s.option_steps)} if s.option_steps else {}),
        },
        "frameworks": [
            {
                "id": fw.id,
                "label": row.label,
                "name": fw.name,
                "source": fw.source,
                "verdict": fw.verdict,
                "verdict_label": row.verdict_label,
                "says": fw.says,
                "path": [step.model_dump() for step in fw.path],
                "unknowns": list(fw.unknowns),
            }
            for fw, row in zip(rec.frameworks, s.frameworks, strict=True)
        ],
    }


def _costs(s: Costs) -> dict[str, Any]:
    result = s.result
    return {
        "costs": costs_block(result),
        "unknowns": [u.model_dump() for u in result.unknowns],
        "given": {
            "prompting": result.prompting.given or None,
            "finetune": result.finetune.given or None,
        },
        "cumulative": [
            {
                "month": p.month,
                "requests": to_float(p.requests),
                "prompting": to_float(p.prompting_usd),
                "finetune": optional_float(p.finetune_usd, 6),
            }
            for p in result.cumulative
        ],
    }


def _line_items(s: LineItems) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for g in s.groups:
        paths.setdefault(g.path, {})[g.when] = line_items_json(g.items)
    return {"line_items": paths}


def _volumes(s: Volumes) -> dict[str, Any]:
    return {
        "break_even_volumes": [
            {
                "within_months": v.within_months,
                "requests_per_month": optional_float(v.requests_per_month),
                "requests_per_day": optional_float(v.requests_per_day),
                "note": v.note,
            }
            for v in s.volumes
        ]
    }


def _warnings(s: Warnings) -> dict[str, Any]:
    return {"warnings": [w.model_dump() for w in s.warnings]}


def _prices(s: Prices) -> dict[str, Any]:
    return {
        "prices": [
            {
                "role": r.role,
                "usd": to_float(r.quote.usd, 8),
                "unit": r.quote.unit,
                "source": r.quote.source,
                "as_of": r.quote.as_of,
                "confidence": r.quote.confidence,
            }
            for r in s.rows
        ]
    }


def _checks(s: GuideChecks) -> dict[str, Any]:
    return {"guide_checks": [c.model_dump(exclude={"words"}) for c in s.checks]}


def _how_sure(s: HowSure) -> dict[str, Any]:
    return {"uncertainty": s.data}


SECTIONS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "profile": _profile,
    "summary": _summary,
    "recommendation": _recommendation,
    "costs": _costs,
    "line_items": _line_items,
    "break_even_volumes": _volumes,
    "warnings": _warnings,
    "prices": _prices,
    "guide_checks": _checks,
    "uncertainty": _how_sure,
    "options": options_json,
}
"""Each section's keys; a section JSON does not carry (the sources note) has none."""


def to_json(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for s in report.sections:
        if s.kind in SECTIONS:
            data.update(SECTIONS[s.kind](s))
    return {key: data[key] for key in KEYS if key in data}


def render(report: Report) -> str:
    return json.dumps(to_json(report), indent=2, ensure_ascii=False, allow_nan=False)
