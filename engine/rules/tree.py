"""A yes/no question tree walked with honest unknowns.

A framework is a table of `Question`s whose branches lead to another question or to a
`Leaf`. An unknown answer explores both branches: when every outcome below them is the same,
the framework still concludes (and the path says the answer did not matter); otherwise the
framework stops at `undecided` and names the question to answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..assessment import Answer, Assessment
from .facts import Facts
from .verdict import FrameworkVerdict, Outcome, Step


@dataclass(frozen=True)
class Leaf:
    """A conclusion: the verdict and the guide's words for it."""

    verdict: Outcome
    says: str


@dataclass(frozen=True)
class Question:
    """One row of a framework's table: the guide's question and where each answer leads."""

    id: str
    asks: str
    yes: str | Leaf
    """The next question's id, or a conclusion."""
    no: str | Leaf


Answerer = Callable[[Assessment, Facts], tuple[Answer, str]]
"""Answers one question from the assessment: the answer and what gave it."""


def _describe(node: str | Leaf, table: Mapping[str, Question]) -> str:
    if isinstance(node, Leaf):
        return f"{node.verdict}: {node.says}"
    return f"next: {table[node].asks}"


def walk(
    *,
    key: str,
    name: str,
    source: str,
    table: Mapping[str, Question],
    answers: Mapping[str, Answerer],
    a: Assessment,
    facts: Facts,
    undecided: Outcome = "measure_first",
) -> FrameworkVerdict:
    """Walk `table` from its first question."""
    got = {qid: answers[qid](a, facts) for qid in table}

    def outcomes(node: str | Leaf) -> set[Outcome]:
        if isinstance(node, Leaf):
            return {node.verdict}
        q = table[node]
        answer = got[node][0]
        if answer == "yes":
            return outcomes(q.yes)
        if answer == "no":
            return outcomes(q.no)
        return outcomes(q.yes) | outcomes(q.no)

    path: list[Step] = []
    unknowns: list[str] = []
    node: str | Leaf = next(iter(table))
    while not isinstance(node, Leaf):
        q = table[node]
        answer, because = got[node]
        if answer in ("yes", "no"):
            chosen = q.yes if answer == "yes" else q.no
            path.append(
                Step(
                    question=q.asks,
                    answer=answer,
                    because=because,
                    next=_describe(chosen, table),
                    question_id=q.id,
                )
            )
            node = chosen
            continue
        if_yes, if_no = outcomes(q.yes), outcomes(q.no)
        if len(if_yes | if_no) == 1:
            # Both answers end the same way: follow the branch that asks more, to show why.
            follow, label = (q.no, "no") if not isinstance(q.no, Leaf) else (q.yes, "yes")
            path.append(
                Step(
                    question=q.asks,
                    answer="unknown",
                    because=because,
                    next=f"either answer leads to {next(iter(if_yes))}; following '{label}'",
                    question_id=q.id,
                )
            )
            node = follow
            continue
        unknowns.append(q.asks)
        path.append(
            Step(
                question=q.asks,
                answer="unknown",
                because=because,
                next=f"yes leads to {' or '.join(sorted(if_yes))}, no to "
                f"{' or '.join(sorted(if_no))}: answer this first",
                question_id=q.id,
            )
        )
        return FrameworkVerdict(
            id=key,
            name=name,
            source=source,
            verdict=undecided,
            says=f"undecided until this is answered: {q.asks}",
            deciding=f"{q.asks} unknown ({because})",
            path=tuple(path),
            unknowns=tuple(unknowns),
            unknown_ids=(q.id,),
        )
    last = path[-1] if path else None
    deciding = "" if last is None else f"{last.question} {last.answer} ({last.because})"
    return FrameworkVerdict(
        id=key,
        name=name,
        source=source,
        verdict=node.verdict,
        says=node.says,
        path=tuple(path),
        deciding=deciding,
    )
