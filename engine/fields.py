"""The answers a profile holds, defined once: path, label, kind, unit, choices, range.

Every answer the wizard asks, and every number a range, a scenario or a diff may name, is a
`Field` here. The wizard's steps, its validation, `profiles.diff`'s units and
`engine.ranges` read this table; a new answer is one line. Choices come from the engine's own
`Literal` types (`engine.choices`). Pure data, no pydantic: the wizard's first screen reads it.
Over 300 lines because the table has a line or so per answer of the profile.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, NamedTuple, get_args

from . import choices
from .choices import METHODS, TASKS, TECHNIQUES

Kind = Literal[
    "text",
    "notes",
    "money",
    "count",
    "decimal",
    "share",
    "percent",
    "model",
    "choice",
    "answer",
    "multi",
    "list",
    "date",
]
"""How a question is asked: `date` is `YYYY-MM-DD`; `choice` and `answer` (yes/no) are
selects whose blank is "unknown"; `multi` picks several of `choices`; `list` is
comma-separated text; `share` is 0–1 (or `5%`); `percent` is 0–100 (`94` or `94%`)."""
NUMERIC: frozenset[str] = frozenset({"money", "count", "decimal", "share", "percent"})

Unit = Literal[
    "",
    "usd",
    "usd_per_month",
    "usd_per_request",
    "usd_per_mtok",
    "usd_per_hour",
    "requests",
    "tokens",
    "examples",
    "months",
    "hours",
    "share",
    "percent",
]
"""What a number counts: the `usd…` units are money (a diff writes them with `$`)."""

LIMITS: dict[str, tuple[Decimal, Decimal | None]] = {
    "share": (Decimal(0), Decimal(1)),
    "percent": (Decimal(0), Decimal(100)),
    **{kind: (Decimal(0), None) for kind in ("money", "count", "decimal")},
}
"""The lowest and highest value a number of each kind may take (None: no ceiling)."""

RANGED_SECTIONS = ("workload.", "prompting.", "fine_tuning.", "options.")
"""The sections whose numbers the simulation can range: the cost inputs and the named
options' own (`engine.options.answers` checks which); the readiness answers (evidence, data)
are single figures."""
NOT_RANGED = frozenset({"workload.horizon_months"})
"""Answers that are decisions, not estimates: no range."""


def rangeable(path: str, kind: str) -> bool:
    """Whether the answer at `path` may be a range: a number among the cost inputs."""
    return kind in NUMERIC and path.startswith(RANGED_SECTIONS) and path not in NOT_RANGED


class Field(NamedTuple):
    """One answer. (A named tuple, not a dataclass: a dataclass is compiled at import, on the
    way to the wizard's first screen.)"""

    path: str
    """Dotted path in the profile document, e.g. `workload.requests_per_month`."""
    label: str
    """The question's words, as the wizard asks it."""
    kind: Kind = "decimal"
    unit: Unit = ""
    choices: tuple[tuple[str, str], ...] = ()
    """(label, code) pairs offered; the code "" (a select's blank) leaves the answer out."""
    step: str = ""
    """The title of the wizard step that asks it ("" when only a file gives it)."""

    @property
    def ranged(self) -> bool:
        """Whether the answer may be a range (low..high), the simulation's input."""
        return rangeable(self.path, self.kind)

    @property
    def limits(self) -> tuple[Decimal, Decimal | None] | None:
        """(lowest, highest) for a number, None for any other answer."""
        return LIMITS.get(self.kind)

    @property
    def money(self) -> bool:
        return self.unit.startswith("usd")


def offered(
    literal: Any,
    words: dict[str, str] | None = None,
    *,
    blank: str = "Unknown",
    capital: bool = True,
) -> tuple[tuple[str, str], ...]:
    """The choices of a `Literal` as (label, code): `blank` first (code "", none when
    `blank` is empty), then each code but `unknown`, worded by `words` (`capital`ised)."""
    words = words or {}
    out = [(blank, "")] if blank else []
    for code in get_args(literal):
        if code != "unknown":
            said = words.get(code, code.replace("_", " "))
            out.append((said[:1].upper() + said[1:] if capital else said, code))
    return tuple(out)


YES_NO = offered(choices.Answer)
"""The choices of an `answer` field: the blank, first, is unknown."""
LEVELS = offered(choices.Level)
METHOD_WORDS = {**METHODS, "hosted": "hosted API", "full": "full"}
"""The method as the wizard offers it (its blank, unknown, is costed as hosted)."""
SERVING_WORDS = {
    "per_token": "tokens, fine-tuned rates",
    "base_plus_hourly": "tokens + hourly deployment fee",
    "self_hosted": "GPU replicas, self-hosted",
}


def _yes_no(path: str, label: str) -> Field:
    return Field(path, label, "answer", choices=YES_NO)


def _step(title: str, *fields: Field) -> tuple[Field, ...]:
    return tuple(f._replace(step=title) for f in fields)


ASKED: tuple[Field, ...] = (
    *_step(
        "Use case",
        Field("profile.name", "Name of this assessment", "text"),
        Field("profile.assessed_on", "Assessment date", "date"),
        Field("profile.notes", "Notes", "notes"),
        Field("use_case.description", "The task, in your words", "notes"),
        Field("use_case.task", "Task type", "choice", choices=offered(choices.TaskType, TASKS)),
        Field("use_case.criticality", "How critical is accuracy?", "choice", choices=LEVELS),
        Field("use_case.error_cost", "What one wrong answer costs", "choice", choices=LEVELS),
    ),
    *_step(
        "Prompting evidence",
        Field("evidence.target_quality_pct", "Quality needed, %", "percent", "percent"),
        Field("evidence.prompting_quality_pct", "Best prompting quality, %", "percent", "percent"),
        _yes_no("evidence.prompting_meets_target", "Prompting meets the target?"),
        Field(
            "evidence.techniques_tried",
            "Prompting techniques tried",
            "multi",
            choices=offered(choices.Technique, TECHNIQUES, blank=""),
        ),
        _yes_no("evidence.pilot_run", "Fine-tuned pilot run?"),
        Field("evidence.finetuned_quality_pct", "Pilot's quality, %", "percent", "percent"),
        _yes_no("evidence.finetuned_meets_target", "Pilot meets the target?"),
    ),
    *_step(
        "Knowledge or behaviour",
        _yes_no("use_case.knowledge_missing", "Does the model lack knowledge?"),
        _yes_no("use_case.knowledge_changes", "Does its knowledge change?"),
        _yes_no("use_case.primarily_format_or_style", "Primarily format or style?"),
        _yes_no("use_case.style_hard_to_specify", "Style impossible to specify?"),
        _yes_no("use_case.proprietary_domain", "Proprietary domain, DSL, terms?"),
    ),
    *_step(
        "Data",
        Field("data.labelled_examples", "Labelled examples", "count", "examples"),
        Field("data.label_accuracy_pct", "Labels correct, %", "percent", "percent"),
        _yes_no("data.distribution_match", "Matches production?"),
        Field("data.edge_case_share_pct", "Edge cases, %", "percent", "percent"),
        _yes_no("data.consistent_format", "One consistent format?"),
        _yes_no("data.no_leakage", "Test set kept out of training?"),
        Field("data.duplicate_share_pct", "Duplicates, %", "percent", "percent"),
        Field("data.synthetic_share_pct", "LLM-generated, %", "percent", "percent"),
        _yes_no("data.held_out_eval_set", "20% held out for evaluation?"),
    ),
    *_step(
        "Volume and tokens",
        Field("workload.requests_per_month", "Requests a month", "decimal", "requests"),
        Field("workload.requests_per_day", "Requests a day", "decimal", "requests"),
        _yes_no("use_case.latency_critical", "Is latency critical at scale?"),
        _yes_no("use_case.volume_stable", "Will this volume hold?"),
        Field("workload.instruction_tokens", "Instruction tokens per request", "count", "tokens"),
        Field("workload.example_tokens", "Few-shot example tokens", "count", "tokens"),
        Field("workload.rag_tokens", "Retrieved context tokens", "count", "tokens"),
        Field("workload.user_tokens", "User content tokens", "count", "tokens"),
        Field("workload.output_tokens", "Output tokens", "count", "tokens"),
        Field("workload.monthly_growth", "Monthly growth", "share", "share"),
        Field("workload.api_price_decline_per_year", "API prices fall a year by", "share", "share"),
        Field("workload.horizon_months", "Horizon, months", "count", "months"),
    ),
    *_step(
        "Models and prices",
        Field("prompting.model", "Prompting: model", "model"),
        Field(
            "prompting.inference_monthly_usd", "Prompting: monthly bill", "money", "usd_per_month"
        ),
        Field(
            "prompting.cached_prefix_share", "Prompting: cached share of prefix", "share", "share"
        ),
        Field(
            "prompting.fixed_monthly_usd",
            "Prompting: fixed costs a month",
            "money",
            "usd_per_month",
        ),
        Field("fine_tuning.base_model", "Fine-tuning: base model", "model"),
        Field(
            "fine_tuning.method",
            "Fine-tuning: method",
            "choice",
            choices=offered(choices.Method, METHOD_WORDS),
        ),
        Field(
            "fine_tuning.serving_monthly_usd",
            "Fine-tuning: serving a month",
            "money",
            "usd_per_month",
        ),
        Field(
            "fine_tuning.serving.kind",
            "Fine-tuning: serving priced by",
            "choice",
            choices=offered(
                choices.ServingKind, SERVING_WORDS, blank="the monthly bill above", capital=False
            ),
        ),
        Field("fine_tuning.serving.gpu", "Fine-tuning: serving GPU", "text"),
        Field("fine_tuning.serving.replicas", "Fine-tuning: replicas", "count"),
    ),
    *_step(
        "Fine-tuning costs",
        Field(
            "fine_tuning.training.tokens_per_example",
            "Tokens per training example",
            "count",
            "tokens",
        ),
        Field("fine_tuning.training.epochs", "Epochs", "count"),
        Field("fine_tuning.training.gpu", "Or train on GPU", "text"),
        Field("fine_tuning.training.gpu_count", "GPUs", "count"),
        Field("fine_tuning.training.hours", "Training hours", "decimal", "hours"),
        Field("fine_tuning.labelled_examples", "Examples still to label", "count", "examples"),
        Field("fine_tuning.usd_per_label", "Price per label", "money", "usd"),
        Field("fine_tuning.data_collection_usd", "Data collection", "money", "usd"),
        Field("fine_tuning.engineering_hours", "Engineering hours", "decimal", "hours"),
        Field("fine_tuning.usd_per_engineering_hour", "Engineering rate", "money", "usd_per_hour"),
        Field("fine_tuning.integration_usd", "Integration", "money", "usd"),
        Field("fine_tuning.change_management_usd", "Change management", "money", "usd"),
        Field("fine_tuning.upfront_usd", "Or the whole upfront cost", "money", "usd"),
        Field("fine_tuning.retrains_per_year", "Retrains a year", "decimal"),
        Field("fine_tuning.usd_per_retrain", "Cost of one retrain", "money", "usd"),
        Field(
            "fine_tuning.maintenance_monthly_usd", "Maintenance a month", "money", "usd_per_month"
        ),
        Field(
            "fine_tuning.hosting_monthly_usd",
            "Hosting and storage a month",
            "money",
            "usd_per_month",
        ),
    ),
    *_step(
        "Team readiness",
        _yes_no("team.versioning", "Models and data versioned?"),
        _yes_no("team.monitoring", "Quality and drift monitored?"),
        _yes_no("team.retraining_budget", "Budget for 2–4 retrains a year?"),
        _yes_no("team.fallback", "Prompting kept as the fallback?"),
        Field("team.providers", "Providers you can use", "list"),
    ),
)
"""The wizard's questions, step by step in the order it asks them."""

_PRICES = ("input", "cached_input", "cache_write", "output")
FILE_ONLY: tuple[Field, ...] = (
    Field("workload.days_per_month", "Days in a month", "decimal"),
    *(
        Field(
            f"{owner}.{p}_usd_per_mtok",
            f"{words} {p.replace('_', ' ')} price",
            "money",
            "usd_per_mtok",
        )
        for owner, words in (
            ("prompting.prices", "Prompting:"),
            ("fine_tuning.serving.prices", "Fine-tuned:"),
            ("fine_tuning.training.grader_prices", "Grader:"),
        )
        for p in _PRICES
    ),
    Field(
        "prompting.cost_per_request_usd", "Prompting: cost per request", "money", "usd_per_request"
    ),
    Field("prompting.prompt_engineering_usd", "Prompt engineering", "money", "usd"),
    Field("fine_tuning.instruction_tokens", "Fine-tuned instruction tokens", "count", "tokens"),
    Field("fine_tuning.output_tokens", "Fine-tuned output tokens", "count", "tokens"),
    Field("fine_tuning.cached_prefix_share", "Fine-tuned cached share of prefix", "share", "share"),
    Field("fine_tuning.training.examples", "Training examples", "count", "examples"),
    Field("fine_tuning.training.usd_per_mtok", "Training price", "money", "usd_per_mtok"),
    Field("fine_tuning.training.min_charge_usd", "Training minimum charge", "money", "usd"),
    Field("fine_tuning.training.usd_per_gpu_hour", "Training GPU hour", "money", "usd_per_hour"),
    Field("fine_tuning.training.usd_per_hour", "Training hour", "money", "usd_per_hour"),
    Field("fine_tuning.training.grader_input_tokens", "Grader input tokens", "count", "tokens"),
    Field("fine_tuning.training.grader_output_tokens", "Grader output tokens", "count", "tokens"),
    Field("fine_tuning.training_usd", "Training", "money", "usd"),
    Field("fine_tuning.serving.usd_per_hour", "Deployment hour", "money", "usd_per_hour"),
    Field("fine_tuning.serving.deployments", "Deployments", "count"),
    Field("fine_tuning.serving.hours_per_month", "Hours deployed a month", "decimal", "hours"),
    Field("fine_tuning.serving.gpus_per_replica", "GPUs per replica", "count"),
    Field("fine_tuning.serving.usd_per_gpu_hour", "Serving GPU hour", "money", "usd_per_hour"),
    Field(
        "fine_tuning.serving.requests_per_second_per_replica",
        "Requests a second per replica",
        "decimal",
    ),
    Field(
        "fine_tuning.serving_cost_per_request_usd",
        "Fine-tuned cost per request",
        "money",
        "usd_per_request",
    ),
    Field("fine_tuning.redo_usd", "Rebuilding on a successor", "money", "usd"),
)
"""Numbers a profile file may give that the wizard does not ask."""

FIELDS: dict[str, Field] = {f.path: f for f in (*ASKED, *FILE_ONLY)}
"""Every answer, by its dotted path."""


def field(path: str) -> Field | None:
    """The answer at `path` (a scenario's or a range's path names it the same way)."""
    return FIELDS.get(path)


def answer_at(path: str) -> tuple[str, Field | None]:
    """Whose answer a profile path holds and which: `("scenario high", <Requests a month>)`
    for `scenarios.high.workload.requests_per_month`, `("range", …)` for `ranges.…`, `("", …)`
    for the answer itself; the field is None when no question asks it."""
    head, _, rest = path.partition(".")
    if head == "scenarios":
        name, _, answer = rest.partition(".")
        return f"scenario {name}", FIELDS.get(answer)
    if head == "ranges":
        return "range", FIELDS.get(rest)
    return "", FIELDS.get(path)
