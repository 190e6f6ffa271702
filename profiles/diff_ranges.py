"""A diff's range or scenario on a named option's answer, in words: the option's name and the
question (`range of Route 60% to Flash-Lite: share to the first, high`), not its dotted path."""

from __future__ import annotations

from engine.options.answers import split
from engine.options.words import answer_words

from .change import Change
from .model import Profile

BOUNDS = ("low", "likely", "high", "shape")


def range_words(c: Change, a: Profile, b: Profile) -> Change:
    """A range or a scenario on an option's answer by the option's name and the question
    (`range of Route 60% to Flash-Lite: share to the first, high`); others unchanged."""
    head, _, rest = c.path.partition(".")
    bound = ""
    if head == "ranges":
        answer, _, bound = rest.rpartition(".")
        whose = "range of "
        if bound not in BOUNDS:
            answer, bound = rest, ""
    elif head == "scenarios":
        name, _, answer = rest.partition(".")
        whose = f"scenario {name}: "
    else:
        return c
    if not answer.startswith("options."):
        return c
    key, field = split(answer)
    option = b.options.get(key) or a.options.get(key)
    if option is None:
        return c
    words = answer_words(option.name, option.kind, field)
    return c.model_copy(update={"label": f"{whose}{words}" + (f", {bound}" if bound else "")})
