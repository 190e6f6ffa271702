"""A profile's named options as the wizard edits them: templates, ids made from names, each
kind's questions, and what the panel and the results show of each option's figures.

Headless (no Textual) and light: the options' answers live in the wizard's flat answers like
every other (`options.ID.field`), so saving, dirtiness and refusals work as for any answer.
The engine and pydantic are imported only by the functions that read figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from .form import FieldSpec

if TYPE_CHECKING:
    from decimal import Decimal

    from engine.catalog import Catalog
    from engine.result import OptionOutcome, OptionsComparison

BASELINE = "baseline"
FINE_TUNING = "fine_tuning"
RESERVED = (BASELINE, FINE_TUNING)
"""The profile's own paths, as options: `[prompting]` and `[fine_tuning]` (engine ids)."""

KIND_WORDS = {
    "prompting": "Prompting",
    "rag": "RAG",
    "fine_tuning": "Fine-tune",
    "routing": "Routing",
    "cascade": "Cascade",
}
"""Each kind of option in words, as the wizard lists it: `engine.wording.OPTION_KINDS`,
asserted equal by a test (a copy: the first screen loads no engine module)."""

PREFIX = "options."


class Question(NamedTuple):
    """One question of an option's kind: its field below `[options.ID]` and how it is asked."""

    field: str
    label: str
    hint: str = ""
    kind: str = "decimal"
    placeholder: str = "unknown"


class Template(NamedTuple):
    """What `add` offers: a kind with the tables it fixes, its default name and questions."""

    key: str
    label: str
    kind: str
    name: str
    fixed: Mapping[str, Any]
    """Answers the template settles, not asked (a LoRA's GPU training and serving)."""


REF_HINT = "Another option, by name."

QUESTIONS: dict[str, tuple[Question, ...]] = {
    "prompting": (
        Question(
            "model", "Model", "Catalog id, e.g. openai:gpt-4.1-mini (F2 lists prices).", "model"
        ),
        Question(
            "inference_monthly_usd",
            "Or its monthly bill",
            "USD a month, instead of prices.",
            "money",
        ),
        Question(
            "instruction_tokens",
            "Instruction tokens",
            "Its own prompt; unknown: the workload's.",
            "count",
        ),
        Question("output_tokens", "Output tokens", "Unknown: the workload's.", "count"),
    ),
    "rag": (
        Question("generator", "Answered by", REF_HINT, "choice"),
        Question("documents", "Documents in the index", "Or chunks.", "count"),
        Question("tokens_per_document", "Tokens per document", "", "count"),
        Question(
            "embedding_model",
            "Embedding model",
            "Catalog id, e.g. openai:text-embedding-3-small.",
            "text",
        ),
        Question(
            "changed_share_per_month",
            "Changed a month",
            "Share re-embedded, e.g. 5%.",
            "share",
            "0",
        ),
        Question("store_monthly_usd", "Vector store a month", "USD.", "money", "0"),
        Question(
            "retrieved_tokens",
            "Retrieved tokens a request",
            "Context added to each request.",
            "count",
        ),
    ),
    "fine_tuning": (
        Question("base_model", "Base model", "Catalog id, e.g. meta:llama-3.1-8b.", "model"),
        Question("upfront_usd", "Up front", "USD: training, data, engineering.", "money"),
        Question(
            "maintenance_monthly_usd",
            "Upkeep a month",
            "USD: monitoring, evaluation.",
            "money",
            "0",
        ),
    ),
    "lora": (
        Question("base_model", "Base model", "Catalog id, e.g. meta:llama-3.1-8b.", "model"),
        Question("training.gpu", "Training GPU", "Catalog id, e.g. a100-80gb (F2).", "text"),
        Question("training.gpu_count", "Training GPUs", "", "count", "1"),
        Question("training.hours", "Training hours", "", "decimal"),
        Question("serving.gpu", "Serving GPU", "Catalog id, e.g. l4-24gb.", "text"),
        Question("serving.replicas", "Serving replicas", "", "count", "1"),
        Question("upfront_usd", "Up front", "USD; overrides the training cost.", "money"),
    ),
    "routing": (
        Question("first", "First option", REF_HINT, "choice"),
        Question("second", "Second option", REF_HINT, "choice"),
        Question("share_to_first", "Share to the first", "Of requests, e.g. 70%.", "share"),
        Question(
            "router_usd_per_request",
            "Router per request",
            "USD: the classifier call.",
            "money",
            "0",
        ),
    ),
    "cascade": (
        Question("first", "Every request to", REF_HINT, "choice"),
        Question("second", "Escalated to", REF_HINT, "choice"),
        Question("escalation_share", "Share escalated", "Of requests, e.g. 20%.", "share"),
        Question(
            "router_usd_per_request",
            "Check per request",
            "USD: deciding to escalate.",
            "money",
            "0",
        ),
    ),
}
"""Each kind's questions (`lora` is a fine-tune trained and served on GPUs)."""

TEMPLATES: tuple[Template, ...] = (
    Template("model", "Another model, prompted", "prompting", "Another model", {}),
    Template("rag", "Add RAG (retrieval)", "rag", "With retrieval", {"generator": BASELINE}),
    Template(
        "hosted",
        "Hosted fine-tune",
        "fine_tuning",
        "Hosted fine-tune",
        {"method": "hosted", "serving": {"kind": "per_token"}},
    ),
    Template(
        "lora",
        "LoRA on GPUs",
        "fine_tuning",
        "LoRA on GPUs",
        {"method": "lora", "training": {"kind": "gpu"}, "serving": {"kind": "self_hosted"}},
    ),
    Template(
        "routing",
        "Routing between two options",
        "routing",
        "Routing",
        {"first": FINE_TUNING, "second": BASELINE},
    ),
    Template(
        "cascade",
        "Cascade: escalate a share",
        "cascade",
        "Cascade",
        {"first": FINE_TUNING, "second": BASELINE},
    ),
)


def template(key: str) -> Template:
    return next(t for t in TEMPLATES if t.key == key)


def questions_of(option: Mapping[str, Any]) -> tuple[Question, ...]:
    """The questions an option's data asks (a fine-tune trained on GPUs: the LoRA ones)."""
    kind = str(option.get("kind", ""))
    training = option.get("training")
    if kind == "fine_tuning" and isinstance(training, Mapping) and training.get("kind") == "gpu":
        return QUESTIONS["lora"]
    return QUESTIONS.get(kind, ())


def option_id(name: str, taken: set[str] | frozenset[str]) -> str:
    """An id for a new option named `name`: its slug, never reserved nor already taken."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:32].strip("-") or "option"
    if not slug[0].isalnum():
        slug = "option-" + slug
    used = set(taken) | set(RESERVED)
    found, n = slug, 2
    while found in used:
        found, n = f"{slug}-{n}", n + 1
    return found


def options_of(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The document's `[options.ID]` tables (none: empty)."""
    options = document.get("options")
    return {str(k): dict(v) for k, v in options.items()} if isinstance(options, Mapping) else {}


_MODEL_NAMES: dict[str, str] = {}
"""A catalog model's name by the id typed (`openai:gpt-4.1-mini` → `GPT-4.1 mini`), learnt
when the wizard's catalog has loaded (`learn_model_names`); ids until then."""


def learn_model_names(catalog: Catalog, ids: Iterable[str]) -> None:
    """Remember the catalog's names of the models `ids`, as the reports name them."""
    for model in ids:
        facts = catalog.lifecycle(model) if model else None
        if facts is not None and facts.name:
            _MODEL_NAMES[model] = facts.name


def own_names(answers: Mapping[str, str]) -> dict[str, str]:
    """The names the profile's own paths go by in the wizard (the engine names them alike:
    `profiles.options.baseline_name`)."""
    model = answers.get("prompting.model", "").strip()
    base = answers.get("fine_tuning.base_model", "").strip()
    model, base = _MODEL_NAMES.get(model, model), _MODEL_NAMES.get(base, base)
    return {
        BASELINE: f"Prompting ({model})" if model else "Prompting (today's bill)",
        FINE_TUNING: f"Fine-tuning ({base})" if base else "Fine-tuning",
    }


def names(answers: Mapping[str, str], ids: list[str]) -> dict[str, str]:
    """Every option's name by id: the profile's own paths first, then `ids` in order."""
    out = own_names(answers)
    for key in ids:
        out[key] = answers.get(f"{PREFIX}{key}.name", "") or key
    return out


def specs_for(
    key: str,
    option: Mapping[str, Any],
    offered: Mapping[str, str],
    built_on: Mapping[str, set[str]] | None = None,
) -> tuple[FieldSpec, ...]:
    """The rows of option `key`: its kind's questions, references picked from `offered`
    (id → name), leaving out the option itself and those `built_on` says are built from it
    (picking one would build an option from itself)."""
    below = built_on or {}
    refs = tuple(
        (name, ref)
        for ref, name in offered.items()
        if ref != key and key not in below.get(ref, set())
    )
    return tuple(
        FieldSpec(
            f"{PREFIX}{key}.{q.field}",
            q.label,
            q.hint,
            q.kind,  # type: ignore[arg-type]
            refs if q.kind == "choice" else (),
            q.placeholder,
        )
        for q in questions_of(option)
    )


def referrers(options: Mapping[str, Mapping[str, Any]], key: str) -> list[str]:
    """The ids of the options built from option `key` (a RAG's generator, a hybrid's two)."""
    return [
        other
        for other, data in options.items()
        if other != key and key in (data.get("generator"), data.get("first"), data.get("second"))
    ]


# -- figures -------------------------------------------------------------------------------


def break_even_words(outcome: OptionOutcome) -> str:
    """`never`, `at once`, `14 months`, or `unknown`, against the baseline."""
    from engine.money import months

    m = outcome.break_even_months
    if m is None:
        return "never" if outcome.break_even_reason in (None, "never") else "unknown"
    if m <= 0:
        return "at once"
    return months(m, singular=True)  # the panel's and the reports' one rounding


class Row(NamedTuple):
    """One option as the panel shows it."""

    name: str
    monthly: str
    upfront: str
    break_even: str


def panel_rows(comparison: OptionsComparison) -> list[Row]:
    """The options beyond the baseline, each as a compact row of figures."""
    from engine.money import usd

    rows = []
    for o in comparison.options:
        upfront = o.costs.upfront_usd
        rows.append(
            Row(
                o.name,
                f"{usd(o.costs.monthly_usd)}/mo",
                "unknown" if upfront is None else usd(upfront),
                break_even_words(o),
            )
        )
    return rows


def ranked(comparison: OptionsComparison) -> list[OptionOutcome]:
    """The baseline and every option, cheapest at the horizon first (unknown totals last)."""
    from decimal import Decimal

    every = [comparison.baseline, *comparison.options]

    def total(o: OptionOutcome) -> tuple[int, Decimal]:
        t = o.total_at_horizon_usd
        return (1, Decimal(0)) if t is None else (0, t)

    return sorted(every, key=total)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis (names in a column)."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def option_specs(document: Mapping[str, Any], answers: Mapping[str, str]) -> dict[str, FieldSpec]:
    """Every named option's questions by field path, references offered by name."""
    options = options_of(document)
    written = {f"{PREFIX}{key}.name": str(data.get("name", "")) for key, data in options.items()}
    offered = names({**written, **answers}, list(options))  # the names typed, else written
    below = built_on(options, answers)
    return {
        spec.path: spec
        for key, data in options.items()
        for spec in specs_for(key, data, offered, below)
    }


REFERENCES = ("generator", "first", "second")
"""The questions whose answer is another option."""


def built_on(
    options: Mapping[str, Mapping[str, Any]], answers: Mapping[str, str]
) -> dict[str, set[str]]:
    """Every option's id → the options it is built from, directly or through others (the
    answers as typed, else as written)."""
    direct = {
        key: {answers.get(f"{PREFIX}{key}.{f}", str(data.get(f) or "")) for f in REFERENCES} - {""}
        for key, data in options.items()
    }
    out: dict[str, set[str]] = {}
    for key in direct:
        seen: set[str] = set()
        todo = list(direct[key])
        while todo:
            ref = todo.pop()
            if ref not in seen:
                seen.add(ref)
                todo += direct.get(ref, set())
        out[key] = seen
    return out


def option_answers(document: Mapping[str, Any], specs: Mapping[str, FieldSpec]) -> dict[str, str]:
    """The answers the document's options give: each one's kind and name, and its
    questions' answers (`specs`, from `option_specs`)."""
    from .form import values_from_data

    out: dict[str, str] = {}
    for key, data in options_of(document).items():
        out[f"{PREFIX}{key}.kind"] = str(data.get("kind", ""))
        out[f"{PREFIX}{key}.name"] = str(data.get("name", ""))
    mine = {path: spec for path, spec in specs.items() if path.startswith(PREFIX)}
    out.update(values_from_data(document, mine))
    return out


TAGS = frozenset(
    {*KIND_WORDS, "gpu", "hosted", "hourly", "per_token", "self_hosted", "base_plus_hourly"}
)
"""The union tags pydantic puts in an error's location (`options.x.rag.documents`)."""
KEY_WORDS = {
    "inference_monthly_usd": "a monthly bill",
    "cost_per_request_usd": "a cost per request",
    "embedding_model": "an embedding model",
    "embedding_usd_per_mtok": "an embedding price",
}
"""Profile keys an option's refusal may name, in words."""
_KEY = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
REQUIRED = "Field required"


def option_errors(
    errors: Mapping[str, str], specs: Mapping[str, FieldSpec], answers: Mapping[str, str]
) -> dict[str, str]:
    """The refusals with each option's on its question (without the union tags pydantic
    puts in the location), in words: no profile key, no `Field required`. One the options'
    questions cannot place goes on the list of options ("options"), naming the option."""
    out: dict[str, str] = {}
    for path, message in errors.items():
        if not path.startswith(PREFIX):
            out.setdefault(path, message)
            continue
        key, *rest = path[len(PREFIX) :].split(".")
        mine = {p: s for p, s in specs.items() if p.startswith(f"{PREFIX}{key}.")}
        words = _option_words(message, mine)
        place = f"{PREFIX}{key}." + ".".join(s for s in rest if s not in TAGS)
        if place in mine:
            out.setdefault(place, words)
        else:
            out.setdefault("options", f"{names(answers, [key])[key]}: {words}")
    return out


def _option_words(message: str, specs: Mapping[str, FieldSpec]) -> str:
    if message == REQUIRED:
        return "needed to cost this option"
    labels = {path.rsplit(".", 1)[-1]: spec.label.lower() for path, spec in specs.items()}

    def said(found: re.Match[str]) -> str:
        key = found.group()
        return KEY_WORDS.get(key) or labels.get(key) or key.replace("_usd", "").replace("_", " ")

    return _KEY.sub(said, message)
