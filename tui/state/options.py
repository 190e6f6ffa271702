"""A profile's named options as the wizard edits them: templates, ids made from names, each
kind's questions, and what the panel and the results show of each option's figures.

Headless (no Textual) and light: the options' answers live in the wizard's flat answers like
every other (`options.ID.field`), so saving, dirtiness and refusals work as for any answer.
The engine and pydantic are imported only by the functions that read figures.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .form import FieldSpec
from .option_ids import BASELINE, FINE_TUNING, PREFIX, RESERVED

if TYPE_CHECKING:
    from engine.catalog import Catalog

KIND_WORDS = {
    "prompting": "Prompting",
    "rag": "RAG",
    "fine_tuning": "Fine-tune",
    "routing": "Routing",
    "cascade": "Cascade",
}
"""Each kind of option in words, as the wizard lists it: `engine.wording.OPTION_KINDS`,
asserted equal by a test (a copy: the first screen loads no engine module)."""

MODEL_KINDS = ("prompting", "fine_tuning")
"""The kinds of option that are a model answering (a RAG option's generator)."""


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
    models: Collection[str] | None = None,
) -> tuple[FieldSpec, ...]:
    """The rows of option `key`: its kind's questions, references picked from `offered`
    (id → name), leaving out the option itself and those `built_on` says are built from it
    (picking one would build an option from itself); a generator only from `models`."""
    from .option_questions import questions_of  # only when an option is asked

    below = built_on or {}
    refs = tuple(
        (name, ref)
        for ref, name in offered.items()
        if ref != key and key not in below.get(ref, set())
    )
    generators = tuple(r for r in refs if models is None or r[1] in models)
    return tuple(
        FieldSpec(
            f"{PREFIX}{key}.{q.field}",
            q.label,
            q.hint,
            q.kind,  # type: ignore[arg-type]
            q.choices
            or (() if q.kind != "choice" else generators if q.field == "generator" else refs),
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


def option_specs(document: Mapping[str, Any], answers: Mapping[str, str]) -> dict[str, FieldSpec]:
    """Every named option's questions by field path, references offered by name."""
    options = options_of(document)
    written = {f"{PREFIX}{key}.name": str(data.get("name", "")) for key, data in options.items()}
    offered = names({**written, **answers}, list(options))  # the names typed, else written
    below = built_on(options, answers)
    # Retrieval feeds a model: a RAG option is answered by a prompting or fine-tuning option
    # (the engine refuses a hybrid there), so only those are offered.
    models = {*RESERVED, *(k for k, d in options.items() if d.get("kind") in MODEL_KINDS)}
    return {
        spec.path: spec
        for key, data in options.items()
        for spec in specs_for(key, data, offered, below, models)
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
_KEY = r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"
"""A snake_case key in the engine's words; compiled on first use (`re`'s cache), never on
the first screen's path."""
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
        # One of its own costs is refused on their list (`…monthly_items.NAME`).
        place = next((p for p in mine if place.startswith(f"{p}.")), place)
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

    return re.sub(_KEY, said, message)
