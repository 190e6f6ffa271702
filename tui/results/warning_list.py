"""Warnings: the cost engine's (prices, dates, retirements) and the guides' common mistakes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..widgets.wrapped_text import Line, WrappedText

if TYPE_CHECKING:
    from engine.result import CostWarning
    from engine.rules.verdict import RuleWarning


def warning_texts(costs: Sequence[CostWarning], rules: Sequence[RuleWarning] = ()) -> list[str]:
    """Each warning once (the rules repeat some of the engine's), rules with their source
    (a guide named `guide 003`, not by its file)."""
    from engine.wording import plain

    seen: set[str] = set()
    texts = []
    for w in costs:
        if w.message not in seen:
            seen.add(w.message)
            texts.append(w.message)
    for r in rules:
        if r.message not in seen:
            seen.add(r.message)
            texts.append(plain(f"{r.message} ({r.source})"))
    return texts


class WarningList(WrappedText):
    """Every warning behind a `!`, so it reads without colour."""

    def __init__(
        self,
        costs: Sequence[CostWarning],
        rules: Sequence[RuleWarning] = (),
        *,
        id: str | None = None,  # noqa: A002
    ) -> None:
        texts = warning_texts(costs, rules)
        super().__init__(
            [Line("Warnings", style="bold")] + [Line(f"! {t}", 1, 3) for t in texts], id=id
        )
        self.count = len(texts)
