"""Why the verdict is what it is: the rules' reasons and where the frameworks disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..widgets.wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.rules import Recommendation


def reason_lines(recommendation: Recommendation) -> list[Line]:
    from engine.wording import reason_words, sentence

    lines = [Line("Why", style="bold")]
    lines += [Line(f"· {reason_words(r.framework, r.text)}", 1, 3) for r in recommendation.reasons]
    if recommendation.disagreements:
        lines += [Line(""), Line("Where the frameworks disagree", style="bold")]
        lines += [Line(f"· {sentence(d)}", 1, 3) for d in recommendation.disagreements]
    return lines


class ReasonList(WrappedText):
    """Each reason names the framework (and so the guide) it comes from."""

    def __init__(self, recommendation: Recommendation, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(reason_lines(recommendation), id=id)
