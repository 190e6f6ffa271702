"""The answers beyond costs that the decision rules read (`engine.rules`).

Unknown is a legitimate answer everywhere and is never read as yes or no:
- yes/no questions are `Answer` (`"yes" | "no" | "unknown"`, default `"unknown"`);
- numbers are `None` when unknown (a measured quality, a count, a share);
- lists are `None` when unknown and `()` when the answer is "none".

Quality figures are percentages (0–100) of agreement with the expected output, the unit the
guides use ("94% accuracy", "prompting 88–92%"). Each field's docstring names the guide and
question it answers.
"""

from decimal import Decimal
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .choices import Answer as Answer
from .choices import Level as Level
from .choices import TaskType as TaskType
from .choices import Technique as Technique

Percent = Annotated[Decimal, Field(ge=0, le=100, allow_inf_nan=False)]
"""A percentage from 0 to 100."""


class Section(BaseModel):
    """Base of every answer section: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class UseCase(Section):
    """What the feature does and what a mistake costs (guide 003, Step 1)."""

    task: TaskType = "unknown"
    """The task type: picks the row of guide 001's quality-by-task table and decides whether
    the task is 'primarily format/style' (decision tree question 4)."""
    description: str = Field(default="", max_length=10_000)
    """The task in the team's own words (Step 1: document the specific task)."""
    criticality: Level = "unknown"
    """Can you tolerate errors? `high` = financial transactions, medical diagnosis, legal
    compliance (guide 003's critical-accuracy use case)."""
    error_cost: Level = "unknown"
    """What one wrong answer costs: guide 001 justifies fine-tuning sentiment tasks and the
    100–1,000 requests/day band 'only if error cost is high'."""
    latency_critical: Answer = "unknown"
    """Is latency critical at scale? (guide 000's flowchart, question 3; guide 003's
    scale-optimization use case)."""
    volume_stable: Answer = "unknown"
    """Will the projected volume hold long enough to recoup the upfront cost? (guide 003,
    Step 8 and the 'Assuming stable volume' mistake)."""
    knowledge_missing: Answer = "unknown"
    """Is the problem information the model lacks (documents, facts, internal knowledge)
    rather than capability? Guide 003: use RAG for knowledge, fine-tune for behaviour."""
    knowledge_changes: Answer = "unknown"
    """Does that knowledge change (new cases, new drugs, current inventory)? Fine-tuned
    knowledge goes stale (guide 003, Examples 3 and 5)."""
    primarily_format_or_style: Answer = "unknown"
    """Decision tree question 4 (guide 001). When unknown it is derived from `task`; an
    explicit answer wins."""
    style_hard_to_specify: Answer = "unknown"
    """Are there idiosyncratic patterns (a founder's word choices) impossible to specify in a
    prompt? Guide 003's style-replication use case."""
    proprietary_domain: Answer = "unknown"
    """Internal codebase patterns, a proprietary framework or DSL, domain-specific entities or
    terminology: guide 001 justifies fine-tuning code generation, NER and translation only
    then, and guide 003's Example 2 is such a task."""


class Evidence(Section):
    """What has been measured (guide 003, Steps 2–6 and 16)."""

    target_quality_pct: Percent | None = None
    """The quality the feature needs, in % (Step 1's success criteria)."""
    prompting_quality_pct: Percent | None = None
    """The best prompting result measured on your eval set, in %."""
    prompting_meets_target: Answer = "unknown"
    """Whether prompting reaches the target, when no numbers were measured; derived from the
    two numbers when both are given (and must then agree with them)."""
    pilot_run: Answer = "unknown"
    """Has a fine-tuned pilot been trained and evaluated on the same eval set?"""
    finetuned_quality_pct: Percent | None = None
    """The pilot fine-tune's quality on the same eval set, in %."""
    finetuned_meets_target: Answer = "unknown"
    """Whether the pilot reaches the target, when no numbers were measured."""
    techniques_tried: tuple[Technique, ...] | None = None
    """Prompting techniques already tried; None = unknown, () = none yet (Steps 2–5; guide
    002's litmus question 1)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for quality, meets, name in (
            (self.prompting_quality_pct, self.prompting_meets_target, "prompting"),
            (self.finetuned_quality_pct, self.finetuned_meets_target, "finetuned"),
        ):
            if quality is None or self.target_quality_pct is None or meets == "unknown":
                continue
            derived = "yes" if quality >= self.target_quality_pct else "no"
            if derived != meets:
                raise ValueError(
                    f"{name}_meets_target = {meets!r} contradicts {name}_quality_pct "
                    f"{quality} against target_quality_pct {self.target_quality_pct}"
                )
        pilot_measured = (
            self.finetuned_quality_pct is not None or self.finetuned_meets_target != "unknown"
        )
        if self.pilot_run == "no" and pilot_measured:
            raise ValueError("pilot_run = 'no' but a fine-tuned quality is given")
        return self

    def prompting_gap_pct(self) -> Decimal | None:
        """Target minus prompting quality, in percentage points (None when either unknown)."""
        if self.target_quality_pct is None or self.prompting_quality_pct is None:
            return None
        return self.target_quality_pct - self.prompting_quality_pct

    def prompting_reaches_target(self) -> Answer:
        gap = self.prompting_gap_pct()
        if gap is not None:
            return "yes" if gap <= 0 else "no"
        return self.prompting_meets_target

    def pilot_reaches_target(self) -> Answer:
        if self.finetuned_quality_pct is not None and self.target_quality_pct is not None:
            return "yes" if self.finetuned_quality_pct >= self.target_quality_pct else "no"
        if self.pilot_run == "no":
            return "unknown"
        return self.finetuned_meets_target

    def pilot_improves(self) -> Answer:
        """Does the fine-tuned pilot beat prompting on the eval set? (guide 001, question 5)."""
        if self.finetuned_quality_pct is not None and self.prompting_quality_pct is not None:
            return "yes" if self.finetuned_quality_pct > self.prompting_quality_pct else "no"
        if self.pilot_reaches_target() == "yes" and self.prompting_reaches_target() == "no":
            return "yes"
        if self.pilot_reaches_target() == "no" and self.prompting_reaches_target() == "yes":
            return "no"
        return "unknown"

    def pilot_measured(self) -> bool:
        return self.pilot_improves() != "unknown" or self.pilot_reaches_target() != "unknown"


class Data(Section):
    """The labelled examples and guide 001's data-quality checklist."""

    labelled_examples: Annotated[int, Field(ge=0, le=10**9)] | None = None
    """How many labelled input/output examples exist (decision tree question 2, flowchart
    question 2, guide 001's data requirement table)."""
    label_accuracy_pct: Percent | None = None
    """Share of examples with correct labels; the checklist wants >95%."""
    distribution_match: Answer = "unknown"
    """Does the training distribution match production?"""
    edge_case_share_pct: Percent | None = None
    """Share of edge cases; the checklist wants 10–20%."""
    consistent_format: Answer = "unknown"
    """Do all examples follow the same input/output schema?"""
    no_leakage: Answer = "unknown"
    """Are test examples kept out of the training set?"""
    duplicate_share_pct: Percent | None = None
    """Share of duplicates or near-duplicates; the checklist allows no more than 5%."""
    synthetic_share_pct: Percent | None = None
    """Share of LLM-generated examples; guide 001 wants at least 50% human-generated or
    human-verified."""
    held_out_eval_set: Answer = "unknown"
    """Is at least 20% of the data held out for evaluation? (guide 001 'Insufficient eval set';
    guide 003 Step 11)."""


class Team(Section):
    """Operational maturity (guide 002, litmus question 3) and provider choice."""

    versioning: Answer = "unknown"
    """Can the team version models and datasets?"""
    monitoring: Answer = "unknown"
    """Can the team monitor quality and drift in production?"""
    retraining_budget: Answer = "unknown"
    """Is there budget for 2–4 retraining cycles a year (guide 001)?"""
    fallback: Answer = "unknown"
    """Is the prompting approach kept as a fallback (guide 003 'No fallback plan')?"""
    providers: tuple[Annotated[str, Field(min_length=1, max_length=100)], ...] | None = None
    """Provider ids chosen (`openai`, `anthropic`, `google` …); None = not chosen or unknown,
    in which case the fine-tuning path's provider is judged."""


class Assessment(Section):
    """Every answer the decision rules read besides the cost inputs."""

    use_case: UseCase = UseCase()
    evidence: Evidence = Evidence()
    data: Data = Data()
    team: Team = Team()
