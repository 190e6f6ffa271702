"""The answers read into a validated `Profile`, and each refusal shown on the question it is
about, in words (pydantic is imported only when a profile is built)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .form import FormErrors, data_from_values

if TYPE_CHECKING:
    from profiles.model import Profile


ASKED_FOR: dict[str, str] = {
    "fine_tuning.training.usd_per_mtok": "fine_tuning.base_model",
    "fine_tuning.training.examples": "data.labelled_examples",
    "fine_tuning.serving.prices": "fine_tuning.base_model",
    "fine_tuning.serving.usd_per_hour": "fine_tuning.base_model",
    "fine_tuning.serving.usd_per_gpu_hour": "fine_tuning.serving.gpu",
    "fine_tuning.training.usd_per_gpu_hour": "fine_tuning.training.gpu",
    "fine_tuning.serving": "fine_tuning.serving.kind",
    "prompting.prices": "prompting.model",
}
"""Profile fields the wizard does not ask, and the question whose answer they follow from
(a price the catalog lacks is the base model's): an error there is shown on that question."""


def _locate(loc: tuple[Any, ...], message: str, known: Iterable[str]) -> list[str]:
    """The asked fields an error is about: the loc itself (or the question it follows from),
    else every asked field of the section its message names (`give exactly one of
    requests_per_day or ...` marks both), else the section."""
    known = list(known)
    parts = [str(p) for p in loc if isinstance(p, str)]
    if parts[:1] == ["ranges"]:  # a range's error (`ranges.workload.x.high`) is its answer's
        parts = parts[1:]
    for end in range(len(parts), 0, -1):
        path = ".".join(parts[:end])
        path = ASKED_FOR.get(path, path)
        if path in known:
            return [path]
    section = parts[0] if parts else ""
    words = set(re.findall(r"[a-z_]+", message))
    named = [p for p in known if p.startswith(section + ".") and p.rsplit(".", 1)[-1] in words]
    return named or [".".join(parts) or "profile"]


def locate(field_path: str, message: str, known: Iterable[str]) -> list[str]:
    return _locate(tuple(field_path.split(".")), message, known)


def build_profile(
    values: Mapping[str, str], base: Mapping[str, Any], kinds: Mapping[str, str]
) -> Profile:
    """The validated profile for these answers, or `FormErrors` naming each refused field."""
    return validate_answers(data_from_values(values, base, kinds), values)


def validate_answers(data: Mapping[str, Any], values: Mapping[str, str]) -> Profile:
    """`data` (from `data_from_values`) as a validated profile, or `FormErrors` naming each
    refused field among `values`."""
    from pydantic import ValidationError

    from profiles.model import Profile

    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for err in exc.errors(include_url=False):
            message = str(err["msg"]).removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":  # e.g. a serving GPU beside per-token serving
                message = "not used by what is chosen above it (clear it, or change that)"
            for path in _locate(tuple(err["loc"]), message, values):
                # The field names the message ends with find the questions; the question
                # shows the words alone.
                errors.setdefault(path, in_words(message))
        raise FormErrors(errors) from None


_KEY_NOTE = re.compile(r" \((?:[a-z][a-z_]*(?:, )?)+\)$")
"""A message's closing list of profile field names: `… (requests_per_month, …)`."""


def in_words(message: str) -> str:
    """`message` as a question shows it: without the field names it ends with (they found
    the question; the person reads the words)."""
    return _KEY_NOTE.sub("", message)
