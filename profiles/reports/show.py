"""`tunewise show FILE`: the short summary of a saved profile, 80 columns, plain text."""

from __future__ import annotations

from engine.money import number
from engine.result import CostResult
from engine.wording import FRAMEWORKS, confidence_words, method_words, reason_words, verdict_words

from ..model import Profile
from ..snapshot import Recommendation as KeptRecommendation
from .build import cost_rows
from .lines import wrap
from .text import cost_table
from .words import basis_lines, payback_words


def summary(
    profile: Profile,
    result: CostResult,
    recommendation: KeptRecommendation | None,
    stale: str | None = None,
) -> str:
    """Who and when, the verdict, the key costs and the break-even, as tunewise computes
    them today."""
    h = profile.profile
    lines = wrap(h.name, "")
    by = f" by {h.author}" if h.author else ""
    lines += wrap(
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
            lines += wrap(reason_words(framework, r.text), "  - ", "    ")
    else:
        lines += ["", "Verdict: not judged (no decision rules answer)"]
    rows = tuple(r for r in cost_rows(result) if r.code != "per_request")
    lines += ["", *cost_table(rows)]
    for line in basis_lines(result):
        lines += wrap(line, "  ", "    ")
    lines += ["", *wrap(f"Break-even: {payback_words(result)} — {result.break_even_note}", "")]
    if stale:
        lines += ["", *wrap(stale, "", "  ")]
    if h.notes:
        lines += ["", *wrap(f"Notes: {h.notes}", "", "  ")]
    return "\n".join(lines) + "\n"
