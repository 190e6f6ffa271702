"""What changed between two profiles: answers, prices and outcomes, as a pydantic model.

Pure functions over loaded profiles and their evaluations; renderers (`profiles/diffview.py`)
and the Textual UI show the same `ProfileDiff`.

Over 300 lines, kept whole: the diff's models and the functions that fill them; how one
value and one change are written is `profiles/delta.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from engine.checks import UPFRONT_PARTS
from engine.fields import answer_at
from engine.pricebook import PriceBook
from engine.result import CostResult
from engine.wording import OUTCOMES

from .change import Change as Change  # diff's unit, read by its renderers
from .change import Group as Group
from .change import Out
from .delta import delta_text, kind_of, number_of, pct
from .delta import show_value as show_value  # the comparison screen writes values alike
from .diff_prices import price_label
from .diff_ranges import range_words
from .model import Profile
from .options_diff import SideOptions as SideOptions  # compare's, beside its other rows
from .options_diff import comparisons, option_answers, option_changes
from .snapshot import Costs, Recommendation, costs_of

if TYPE_CHECKING:
    from engine.result import OptionsComparison

META = ("profile.format", "profile.tunewise", "profile.rules")
"""Header fields that say who wrote the file, not what was assessed."""


class ReasonChange(Out):
    """A reason that flipped: only on one side, or arguing for a different outcome."""

    code: str
    favours: str = ""
    text: str
    change: Literal["added", "removed"]


class Side(Out):
    """One profile as compared: its name, verdict and key figures."""

    name: str
    path: str = ""
    verdict: str | None = None
    confidence: str = ""
    costs: Costs
    break_even_note: str = ""
    """Why fine-tuning pays back when it does, or why it never does."""
    stale: str | None = None
    options: SideOptions | None = None
    """Only for a profile that names options beyond its own two paths."""


class ProfileDiff(Out):
    a: Side
    b: Side
    answers: list[Change]
    prices: list[Change]
    outcomes: list[Change]
    verdict_changed: bool = False
    reasons: list[ReasonChange] = Field(default_factory=list)
    versions: list[Change] = Field(default_factory=list)
    """Changes of format, tunewise or rules version (context, not counted as a difference)."""

    @property
    def same(self) -> bool:
        return not (self.answers or self.prices or self.outcomes or self.verdict_changed)

    def max_outcome_percent(self) -> Decimal:
        """The largest relative change of an outcome, in percent (infinite from zero)."""
        return max_percent(self.outcomes)


def max_percent(changes: list[Change]) -> Decimal:
    """The largest relative change among `changes`, in percent: infinite when a figure moved
    from zero or between a number and `never`, zero when none moved."""
    worst = Decimal(0)
    for c in changes:
        if c.percent is None:
            if c.before is not None and c.after is not None and c.before != c.after:
                return Decimal("Infinity")
            continue
        worst = max(worst, abs(c.percent))
    return worst


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of a model as `{dotted.path: value}` (lists indexed as `claim[0]`)."""
    out: dict[str, Any] = {}
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            out.update(flatten(getattr(value, name), f"{prefix}.{name}" if prefix else name))
    elif isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}"))
    elif isinstance(value, list | tuple) and any(isinstance(v, BaseModel) for v in value):
        for i, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{i}]"))
    elif value is not None and value != [] and value != ():
        out[prefix] = value
    return out


def written(value: Any, prefix: str = "") -> set[str]:
    """The dotted paths (as `flatten` names them) of the leaves set explicitly: in a loaded
    file, those the file writes. A default filled in by the model is not among them."""
    out: set[str] = set()
    if isinstance(value, BaseModel):
        for name in value.model_fields_set:
            out |= written(getattr(value, name), f"{prefix}.{name}" if prefix else name)
    elif isinstance(value, dict):
        for key, item in value.items():
            out |= written(item, f"{prefix}.{key}")
    elif isinstance(value, list | tuple) and any(isinstance(v, BaseModel) for v in value):
        for i, item in enumerate(value):
            out |= written(item, f"{prefix}[{i}]")
    else:
        out.add(prefix)
    return out


def answers_of(profile: Profile) -> dict[str, Any]:
    """Every answer (header included, versions and snapshots excluded), defaults filled in."""
    flat = flatten(profile.model_copy(update={"prices": None, "option_prices": {}, "result": None}))
    return {k: v for k, v in flat.items() if k not in META}


def _change(group: Group, path: str, label: str, a: Any, b: Any) -> Change:
    na, nb = number_of(a), number_of(b)
    kind = kind_of(path)
    number_kind = kind if na is not None or nb is not None else "text"
    if na is not None and nb is not None:
        text = delta_text(na, nb, kind)
        return Change(
            group=group,
            path=path,
            label=label,
            before=show_value(a),
            after=show_value(b),
            delta=text,
            percent=pct(na, nb),
            kind=number_kind,
        )
    return Change(
        group=group,
        path=path,
        label=label,
        before=None if a is None else show_value(a),
        after=None if b is None else show_value(b),
        kind=number_kind,
    )


def _compare(
    group: Group,
    a: dict[str, Any],
    b: dict[str, Any],
    written: tuple[set[str], set[str]] | None = None,
    labels: Callable[[str], str] | None = None,
) -> list[Change]:
    """The keys whose values differ. With `written` (the keys each file writes), a key
    neither file writes is left out (a default on one side, a quote missing on the other:
    `confidence: primary → (absent)`), and a key one file does not write reads `(absent)`
    on that side, not its default (`300 → (absent)`, not `-100% (300 → 0)`)."""
    keys = list(a) + [k for k in b if k not in a]
    out = []
    for k in keys:
        x, y = a.get(k), b.get(k)
        if x == y and not (written and k in NOT_GIVEN and (k in written[0]) != (k in written[1])):
            continue
        if written is not None:
            in_a, in_b = k in written[0], k in written[1]
            if not (in_a or in_b):
                continue
            x, y = (x if in_a else None), (y if in_b else None)
        label = labels(k) if labels else answer_label(k) if group == "answers" else k
        out.append(_change(group, k, label, x, y))
    return out


NOT_GIVEN = frozenset(f"fine_tuning.{name}" for name in UPFRONT_PARTS)
"""Answers whose absence is not their default: an upfront part not given counts $0 and is
said (`engine.checks`), so `(absent) → 0` is a change."""


def answer_label(path: str) -> str:
    """`Requests a day` for `workload.requests_per_day`, by the question that asks it (a
    scenario's or a range's answer says whose); the path when no question asks it."""
    whose, found = answer_at(path)
    if found is None:
        return path
    return {"": found.label, "range": f"range of {found.label}"}.get(
        whose, f"{whose}: {found.label}"
    )


def _outcomes(a: Costs, b: Costs, wa: dict[str, str], wb: dict[str, str]) -> list[Change]:
    """The outcomes that changed, and the warnings added or gone (`wa`, `wb`: each warning's
    code by its words; the change keeps the code, its label the words)."""
    out = []
    for name, label in OUTCOMES.items():
        x, y = getattr(a, name), getattr(b, name)
        if x == y:
            continue
        if x is None or y is None:  # never, or unknown: a word, not a number
            out.append(
                Change(
                    group="outcomes",
                    path=f"costs.{name}",
                    label=label,
                    before=a.absent(name) if x is None else show_value(x),
                    after=b.absent(name) if y is None else show_value(y),
                    kind="months" if name == "break_even_months" else "usd",
                )
            )
            continue
        out.append(_change("outcomes", f"costs.{name}", label, x, y))
    # By their words: the same warning naming other parts is one gone and one added.
    for words, code in wa.items():
        if words not in wb:
            out.append(
                Change(group="outcomes", path="warnings", label=words, before=code, after=None)
            )
    for words, code in wb.items():
        if words not in wa:
            out.append(
                Change(group="outcomes", path="warnings", label=words, before=None, after=code)
            )
    return out


def _reasons(a: Recommendation | None, b: Recommendation | None) -> list[ReasonChange]:
    """The reasons that flipped: on one side only, or favouring another outcome (a reason
    whose figures changed but which argues for the same outcome did not flip)."""
    ra = {r.code: r for r in a.reasons} if a else {}
    rb = {r.code: r for r in b.reasons} if b else {}

    def flipped(code: str) -> bool:
        x, y = ra[code], rb[code]
        return x.favours != y.favours or (not x.favours and x.text != y.text)

    gone = [c for c in ra if c not in rb or flipped(c)]
    new = [c for c in rb if c not in ra or flipped(c)]
    out = [
        ReasonChange(code=c, favours=ra[c].favours, text=ra[c].text, change="removed") for c in gone
    ]
    out += [
        ReasonChange(code=c, favours=rb[c].favours, text=rb[c].text, change="added") for c in new
    ]
    return out


Evaluated = tuple[Profile, PriceBook, CostResult]


def side(
    profile: Profile,
    result: CostResult,
    *,
    path: str = "",
    stale: str | None = None,
    recommendation: Recommendation | None = None,
    costs: Costs | None = None,
) -> Side:
    """One profile as `compare` and `diff` show it; `costs` is `costs_of(result)` if known."""
    rec = recommendation or (profile.result.recommendation if profile.result else None)
    return Side(
        name=profile.profile.name,
        path=path,
        verdict=rec.verdict if rec else None,
        confidence=rec.confidence if rec else "",
        costs=costs or costs_of(result),
        break_even_note=result.break_even_note,
        stale=stale,
    )


def diff_profiles(
    a: Evaluated,
    b: Evaluated,
    *,
    paths: tuple[str, str] = ("", ""),
    stale: tuple[str | None, str | None] = (None, None),
    recommendations: tuple[Recommendation | None, Recommendation | None] = (None, None),
) -> ProfileDiff:
    """Compare two evaluated profiles. Outcomes come from the evaluations, not the stored
    snapshots, so a stale snapshot cannot hide a change."""
    (pa, ba, result_a), (pb, bb, result_b) = a, b
    rec_a = recommendations[0] or (pa.result.recommendation if pa.result else None)
    rec_b = recommendations[1] or (pb.result.recommendation if pb.result else None)
    fa, fb = flatten(pa), flatten(pb)
    versions = [
        _change("answers", k, k, fa.get(k), fb.get(k)) for k in META if fa.get(k) != fb.get(k)
    ]
    warnings_a = {w.message: w.code for w in result_a.warnings}
    warnings_b = {w.message: w.code for w in result_b.warnings}
    pair = comparisons(a, b)
    ca, cb = pair if pair is not None else (None, None)
    names = {o.id: o.name for c in (ca, cb) if c is not None for o in c.explicit}
    return ProfileDiff(
        a=side(pa, result_a, path=paths[0], stale=stale[0], recommendation=rec_a),
        b=side(pb, result_b, path=paths[1], stale=stale[1], recommendation=rec_b),
        answers=_option_answers(
            _compare("answers", answers_of(pa), answers_of(pb), (written(pa), written(pb))), pa, pb
        ),
        prices=_compare(
            "prices",
            {**flatten(ba, "prices"), **_option_books(ca, flatten)},
            {**flatten(bb, "prices"), **_option_books(cb, flatten)},
            (
                written(ba, "prices") | set(_option_books(ca, written)),
                written(bb, "prices") | set(_option_books(cb, written)),
            ),
            labels=lambda path: price_label(path, names),
        ),
        outcomes=[
            *_outcomes(costs_of(result_a), costs_of(result_b), warnings_a, warnings_b),
            *option_changes(pair),
        ],
        verdict_changed=(rec_a.verdict if rec_a else None) != (rec_b.verdict if rec_b else None),
        reasons=_reasons(rec_a, rec_b),
        versions=versions,
    )


def _option_answers(changes: list[Change], a: Profile, b: Profile) -> list[Change]:
    return option_answers([range_words(c, a, b) for c in changes], a, b)


def _option_books(comparison: OptionsComparison | None, leaves: Callable[..., Any]) -> Any:
    """`flatten` or `written` over each named option's price book, at `option_prices.ID`."""
    out: dict[str, Any] = {}
    for o in comparison.explicit if comparison is not None else ():
        if o.book is not None:
            found = leaves(o.book, f"option_prices.{o.id}")
            out.update(found if isinstance(found, dict) else dict.fromkeys(found))
    return out


class Comparison(Out):
    """Several profiles side by side; the first is the baseline the gates measure from."""

    rows: list[Side]

    @property
    def same(self) -> bool:
        first = self.rows[0] if self.rows else None
        return (
            all(r.costs == first.costs and r.verdict == first.verdict for r in self.rows)
            if first
            else True
        )

    @property
    def verdicts_differ(self) -> bool:
        return len({r.verdict for r in self.rows}) > 1

    def max_outcome_percent(self) -> Decimal:
        """The largest relative change of an outcome from the first profile, in percent."""
        if not self.rows:
            return Decimal(0)
        first = self.rows[0].costs
        return max(
            (max_percent(_outcomes(first, r.costs, {}, {})) for r in self.rows[1:]),
            default=Decimal(0),
        )


def compare_profiles(sides: list[Side]) -> Comparison:
    return Comparison(rows=sides)
