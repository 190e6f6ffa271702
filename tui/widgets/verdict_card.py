"""The verdict at the top of the results: what to do, how sure, and by which method."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from engine.rules import Recommendation

    from ..state.bridge import Verdict


def words(verdict: str) -> str:
    """`fine_tuning` → `Fine-tune`, `measure_first` → `Measure first`: the one wording
    (`engine.wording.verdict_words`), here for the widgets that import it."""
    from engine.wording import verdict_words

    return verdict_words(verdict)


def card(recommendation: Recommendation | None, fallback: Verdict | None) -> Content:
    """Verdict and confidence on one line; the method and a smaller model below it."""
    from ..state.bridge import RULES_PENDING

    if recommendation is None:
        if fallback is None:
            return Content.assemble("Verdict: ", (RULES_PENDING, "italic"))
        extra = f" · {fallback.confidence} confidence" if fallback.confidence else ""
        return Content.assemble("Verdict: ", (words(fallback.label), "bold"), extra)
    from engine.wording import confidence_words, method_words, plain

    rec = recommendation
    lines = [
        Content.assemble(
            "Verdict: ",
            (words(rec.verdict), "bold"),
            f" · {confidence_words(rec.confidence)}",
        )
    ]
    if rec.method is not None:
        lines.append(
            Content.assemble(
                "Method: ", (method_words(rec.method), "bold"), f" — {plain(rec.method_note)}"
            )
        )
    if rec.smaller_model:
        lines.append(Content(f"Smaller model: {plain(rec.smaller_model)}"))
    return Content("\n").join(lines)


class VerdictCard(Static):
    """The consolidated verdict; the rules' own words, never markup."""

    def __init__(
        self,
        recommendation: Recommendation | None,
        fallback: Verdict | None = None,
        *,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(card(recommendation, fallback), id=id, classes=classes)
