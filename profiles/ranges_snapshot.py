"""The uncertainty figures a profile's `[result.uncertainty]` keeps (so a diff shows them)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Months = Annotated[Decimal, Field(ge=0, lt=Decimal("1E+90"), allow_inf_nan=False)]
"""Bounded like `[result.costs]` (`snapshot.FIGURE_LIMIT`): a huge value crashed `show --plain`."""
Probability = Annotated[Decimal, Field(ge=0, le=1, allow_inf_nan=False)]


class UncertaintySnapshot(BaseModel):
    """P10/P50/P90 break-even and the payback probabilities, as last simulated."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    samples: Annotated[int, Field(ge=1, le=10_000_000)]
    """As `--samples` allows."""
    seed: int
    scenario: str = ""
    break_even_p10: Months | None = None
    """Absent: never."""
    break_even_p50: Months | None = None
    break_even_p90: Months | None = None
    p_payback_within_horizon: Probability
    p_payback_before_retirement: Probability | None = None
    p_verdict_changes: Probability | None = None
    top_input: str = ""
    """The answer that moves break-even most (the tornado's top bar)."""
