"""The uncertainty figures a profile's `[result.uncertainty]` keeps (so a diff shows them)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class UncertaintySnapshot(BaseModel):
    """P10/P50/P90 break-even and the payback probabilities, as last simulated."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    samples: int
    seed: int
    scenario: str = ""
    break_even_p10: Decimal | None = None
    """Absent: never."""
    break_even_p50: Decimal | None = None
    break_even_p90: Decimal | None = None
    p_payback_within_horizon: Decimal
    p_payback_before_retirement: Decimal | None = None
    p_verdict_changes: Decimal | None = None
    top_input: str = ""
    """The answer that moves break-even most (the tornado's top bar)."""
