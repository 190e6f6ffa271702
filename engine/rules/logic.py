"""Three-valued logic over `Answer`: unknown stays unknown unless the known answers decide."""

from __future__ import annotations

from ..assessment import Answer


def all_of(*answers: Answer) -> Answer:
    """yes when every answer is yes, no when any is no, otherwise unknown."""
    if "no" in answers:
        return "no"
    return "yes" if all(x == "yes" for x in answers) else "unknown"


def any_of(*answers: Answer) -> Answer:
    """yes when any answer is yes, no when every answer is no, otherwise unknown."""
    if "yes" in answers:
        return "yes"
    return "no" if all(x == "no" for x in answers) else "unknown"


def negate(answer: Answer) -> Answer:
    return {"yes": "no", "no": "yes", "unknown": "unknown"}[answer]  # type: ignore[return-value]
