"""The profile file, one pydantic model for the whole TOML document."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from engine.assessment import Assessment, Data, Evidence, Team, UseCase
from engine.inputs import CostInputs, FineTuningPath, HostedTraining, PromptingPath, Workload
from engine.pricebook import PriceBook
from engine.ranges import Range

from .snapshot import ResultSnapshot
from .text import Name, Text

FORMAT = 2
"""The profile format this tunewise writes. Older formats migrate on load; newer are refused.

Format 2 added the `[prices]` and `[result]` snapshots and the header's `rules` version."""


class Header(BaseModel):
    """Who assessed what, when, with which version of tunewise."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    format: Annotated[int, Field(ge=1)] = FORMAT
    name: Name
    assessed_on: date
    """The day the assessment is judged at: prices and provider availability as of then."""
    author: Text = ""
    notes: Text = ""
    tunewise: str = ""
    """The tunewise version that wrote the file."""
    rules: str = ""
    """The decision-rules version the verdict was judged by (empty before rules existed)."""


class Claim(BaseModel):
    """A figure a source guide states, checked against tunewise's arithmetic on every run."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    source: str
    """The guide, e.g. `003_521bd7f750ca3b05.txt`."""
    figure: str
    """A key of the `costs` block of `tunewise assess --format json`."""
    says: Annotated[float, Field(allow_inf_nan=False)]
    quote: Text = ""
    """The guide's words."""


class Profile(BaseModel):
    """A whole assessment: header, then the answers."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    profile: Header
    workload: Workload
    prompting: PromptingPath
    fine_tuning: FineTuningPath
    claim: list[Claim] = []
    """What the source guides say about this example, to confirm or correct."""
    use_case: UseCase = UseCase()
    """What the feature does and what a mistake costs (decision rules; all unknown if absent)."""
    evidence: Evidence = Evidence()
    """What has been measured: target, prompting and pilot quality, techniques tried."""
    data: Data = Data()
    """The labelled examples and guide 001's data-quality checklist."""
    team: Team = Team()
    """Operational maturity and the providers chosen."""
    ranges: dict[str, Range] = {}
    """Low / likely / high of numeric answers, by dotted path (`workload.requests_per_day`);
    the answer itself stays the likely value, so a profile without ranges reads the same."""
    scenarios: dict[str, dict[str, Decimal]] = {}
    """Named sets of answers (`[scenarios.high]`), by dotted path; `--scenario NAME` uses one."""
    prices: PriceBook | None = None
    """The price snapshot the result used, kept apart from the answers; a profile that has one
    evaluates without loading any price data."""
    result: ResultSnapshot | None = None
    """The outcomes as last computed, so a diff shows them without re-running."""

    def assessment(self) -> Assessment:
        """The answers the decision rules read (`engine.rules`)."""
        return Assessment(
            use_case=self.use_case, evidence=self.evidence, data=self.data, team=self.team
        )

    def cost_inputs(self) -> CostInputs:
        """The cost engine's inputs. Hosted training without its own example count trains on
        the labelled examples `[data]` says exist (one answer, not two that can disagree)."""
        fine_tuning = self.fine_tuning
        training = fine_tuning.training
        if isinstance(training, HostedTraining) and training.examples is None:
            examples = self.data.labelled_examples
            if examples is not None:
                fine_tuning = fine_tuning.model_copy(
                    update={"training": training.model_copy(update={"examples": examples})}
                )
        return CostInputs(
            assessed_on=self.profile.assessed_on,
            workload=self.workload,
            prompting=self.prompting,
            fine_tuning=fine_tuning,
        )
