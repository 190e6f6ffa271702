"""The profile file, one pydantic model for the whole TOML document."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from engine.assessment import Assessment, Data, Evidence, Team, UseCase
from engine.inputs import CostInputs, FineTuningPath, HostedTraining, PromptingPath, Workload
from engine.options.answers import (
    is_option_path,
    option_range_problems,
    option_scenario_problems,
)
from engine.options.inputs import RESERVED, Option, OptionId, references
from engine.pricebook import PriceBook
from engine.ranges import PRICE_PATHS, SECTIONS, Range, range_problems

from .snapshot import ResultSnapshot
from .text import Name, Text

FORMAT = 3
"""The newest profile format this tunewise reads and writes. Older formats migrate on load;
newer are refused.

Format 2 added the `[prices]` and `[result]` snapshots and the header's `rules` version;
format 3 the `[options.ID]` tables. A profile without options is still written as format 2
(`PLAIN_FORMAT`), byte for byte as before, so older tunewise versions keep reading it."""
PLAIN_FORMAT = 2
"""The format of a profile without options."""
SCENARIO_SECTIONS = "a scenario sets answers under workload, prompting, fine_tuning or options.ID"


def written_format(options: Mapping[str, object]) -> int:
    """The format a profile is written in: 3 only when it has options."""
    return FORMAT if options else PLAIN_FORMAT


class Header(BaseModel):
    """Who assessed what, when, with which version of tunewise."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    format: Annotated[int, Field(ge=1)] = PLAIN_FORMAT
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
    options: dict[OptionId, Option] = {}
    """Named options beyond the baseline (`[prompting]`) and `[fine_tuning]` (format 3)."""
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
    option_prices: dict[OptionId, PriceBook] = {}
    """Each named option's own price snapshot (`[option_prices.ID]`), reused as `prices` is:
    while it still fits the option's answers."""
    result: ResultSnapshot | None = None
    """The outcomes as last computed, so a diff shows them without re-running."""

    @field_validator("ranges", mode="wrap")
    @classmethod
    def _range_locs(cls, value: object, handler: ValidatorFunctionWrapHandler) -> object:
        """A range's errors at `ranges.a.b.low`, split on dots as its TOML table
        `[ranges."a.b"]` is, so the error names the line."""
        try:
            return handler(value)
        except ValidationError as exc:
            raise ValidationError.from_exception_data(
                "ranges",
                [
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "range", "{problem}", {"problem": _words(error["msg"])}
                        ),
                        loc=tuple(p for x in error["loc"] for p in str(x).split(".")),
                        input=error["input"],
                    )
                    for error in exc.errors(include_url=False)
                ],
            ) from None

    @model_validator(mode="after")
    def _ranges_and_scenarios(self) -> Profile:
        """Every range and scenario held to the limits of the answer it varies, on load (so
        `show`, `diff` and `compare` refuse what `assess` would), each problem at its own loc."""
        problems = [*self._range_problems(), *self._scenario_problems()]
        if problems:
            raise ValidationError.from_exception_data(
                "Profile",
                [
                    InitErrorDetails(
                        type=PydanticCustomError(
                            "answer_limits", "{problem}", {"problem": message}
                        ),
                        loc=loc,
                        input=given,
                    )
                    for loc, message, given in problems
                ],
            )
        return self

    @model_validator(mode="after")
    def _option_references(self) -> Profile:
        """Option ids are not the reserved ones; a RAG or hybrid option names options that
        exist, and none is built from itself."""
        for key, option in self.options.items():
            if key in RESERVED:
                raise ValueError(
                    f"options.{key}: {key} names the profile's own path; pick another id"
                )
            for ref in references(option):
                if ref not in self.options and ref not in RESERVED:
                    raise ValueError(f"options.{key}: no option {ref!r} to build from")
        for key in self.options:
            seen, todo = set(), [key]
            while todo:
                ref = todo.pop()
                for nxt in references(self.options[ref]) if ref in self.options else ():
                    if nxt == key:
                        raise ValueError(f"options.{key}: an option cannot be built from itself")
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
        return self

    def _answers(self) -> dict[str, BaseModel]:
        return {
            "workload": self.workload,
            "prompting": self.prompting,
            "fine_tuning": self.fine_tuning,
        }

    def _range_problems(self) -> list[tuple[tuple[str, ...], str, object]]:
        answers = self._answers()
        given = {
            f"{section}.{path}"
            for section, model in answers.items()
            for path in _numbers(model.model_dump(), "")
        }
        out: list[tuple[tuple[str, ...], str, object]] = []
        for path, rng in self.ranges.items():
            # the TOML table is [ranges."a.b"]: a loc split on dots finds its line
            loc = ("ranges", *path.split("."))
            own = is_option_path(path)  # an option's answer: checked against that option
            problems = (
                option_range_problems(path, rng, self.options)
                if own
                else range_problems(path, rng, answers)
            )
            out += [
                ((*loc, which), message, getattr(rng, which))
                if which
                else (loc, message, rng.model_dump())  # a dict: the message says it all
                for which, message in problems
            ]
            if not (problems or own) and path not in given and path not in PRICE_PATHS:
                out.append(
                    (
                        loc,
                        f"{path} is not an answer this profile gives "
                        "(give the answer a value first; a range is around it)",
                        rng.model_dump(),
                    )
                )
        return out

    def _scenario_problems(self) -> list[tuple[tuple[str, ...], str, object]]:
        out: list[tuple[tuple[str, ...], str, object]] = []
        for name, values in self.scenarios.items():
            sections: dict[str, dict[str, object]] = {}
            own = {p: v for p, v in values.items() if is_option_path(p)}
            out += option_scenario_problems(name, own, self.options)
            for path, value in values.items():
                section, *rest = path.split(".")
                if path in own:
                    continue
                if section not in SECTIONS or not rest:
                    out.append(
                        (
                            ("scenarios", name, *path.split(".")),
                            SCENARIO_SECTIONS,
                            value,
                        )
                    )
                    continue
                data = sections.setdefault(
                    section, getattr(self, section).model_dump(exclude_unset=True)
                )
                _put(data, rest, value)
            for section, data in sections.items():
                try:
                    SECTIONS[section].model_validate(data)
                except ValidationError as exc:
                    for error in exc.errors(include_url=False):
                        message = _words(error["msg"])
                        loc = tuple(str(x) for x in error["loc"])
                        if error["type"] == "extra_forbidden":
                            message = "no such answer"
                        out.append((("scenarios", name, section, *loc), message, error["input"]))
        return out

    def assessment(self) -> Assessment:
        """The answers the decision rules read (`engine.rules`). Hosted training on a number
        of examples says that many labelled examples exist when `[data]` does not say how
        many (one answer, not two: `cost_inputs` reads it the other way round)."""
        data = self.data
        training = self.fine_tuning.training
        if (
            data.labelled_examples is None
            and isinstance(training, HostedTraining)
            and training.examples is not None
        ):
            data = data.model_copy(update={"labelled_examples": training.examples})
        return Assessment(use_case=self.use_case, evidence=self.evidence, data=data, team=self.team)

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


def _numbers(data: object, prefix: str) -> list[str]:
    """Dotted paths of the numbers in a dumped model (the answers a range may be around)."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _numbers(value, f"{prefix}{key}.")]
    if isinstance(data, int | Decimal) and not isinstance(data, bool):
        return [prefix[:-1]]
    return []


def _put(data: dict[str, object], path: list[str], value: object) -> None:
    for name in path[:-1]:
        inner = data.setdefault(name, {})
        if not isinstance(inner, dict):
            inner = data[name] = {}
        data = inner
    data[path[-1]] = value


def _words(message: str) -> str:
    return str(message).removeprefix("Value error, ")
