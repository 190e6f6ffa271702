"""One recommendation from every framework: verdict, method, confidence, reasons,
disagreements, warnings and next steps.

How the verdict is reached, in order (each rule names the guide text it rests on):
1. No framework makes a case for fine-tuning → prompting, or RAG when the problem is
   knowledge (003 'Use RAG for knowledge'); `measure_first` when every framework that chooses
   is undecided.
2. A fine-tuned pilot measured no better than prompting → prompting / RAG (001 question 5:
   'fine-tuning doesn't help this task').
3. At or below the volume floor (003: 10K queries/month; 001: 100 requests/day) → prompting
   / RAG, unless a critical-accuracy or style use case applies (003 Step 7), and the reasons
   say which.
4. 003 finds no valid use case while 000/001 favour fine-tuning → `measure_first`, unless a
   pilot already reaches the target (003 Step 16).
5. Guide 002's litmus test: 'not ready' → `measure_first`, unless a pilot measured the benefit
   (002's own 'clear evidence and quantified benefits', 001's question 5) and operational
   maturity is not 'no'; litmus undecided and no pilot → `measure_first` (001: 'Run the
   quality comparison first').
6. Otherwise fine-tuning, `hybrid` when the problem also involves missing or changing
   knowledge (003 Pattern 2).
Provider availability never changes the verdict: it warns, with dates and alternatives.

The frameworks that "choose" are the registered ones whose role says so (`registry.py`). The
rules above live in `decide.py`, the method in `method.py`, the warnings in
`rule_warnings.py`, the next steps in `next_steps.py`; this module runs the registry and
assembles the answer, each reason with its stable code (`coded`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..assessment import Assessment
from .decide import confidence, decide, own_reason
from .decision_tree_001 import SOURCE as SOURCE_001
from .decision_tree_001 import task_justified
from .facts import Facts
from .method import method_for
from .next_steps import answer_field, next_steps_for
from .registry import frameworks
from .rule_warnings import warnings_for
from .verdict import FINE_TUNE, FrameworkVerdict, Reason, Recommendation, Verdict
from .volume import volume_floor

__all__ = ["RULES_VERSION", "answer_field", "recommend", "run_frameworks", "volume_floor"]

RULES_VERSION = "2026.11.1"
"""Bumped whenever a rule or table changes, so a saved recommendation says which rules made it."""


def run_frameworks(a: Assessment, f: Facts) -> dict[str, FrameworkVerdict]:
    """Every registered framework's verdict, in the registry's order (the guides' numbers)."""
    return {fw.id: fw.run(a, f) for fw in frameworks()}


TASK_TABLE_CODE = "task_table"
"""The code of guide 001's task-table line among the reasons."""


def coded(reasons: Iterable[Reason], verdict: Verdict) -> tuple[Reason, ...]:
    """The reasons with their stable `code` (and, for the consolidation's, what they favour):
    a framework's own reason is coded by its id, guide 001's task-table line `task_table`, the
    others `decision`, `decision.2`, … in order. A reason repeated word for word keeps the
    first one's code."""
    out: list[Reason] = []
    first: dict[tuple[str, str], Reason] = {}
    codes: set[str] = set()
    decisions = 0
    for r in reasons:
        seen = first.get((r.framework, r.text))
        if seen is not None:
            out.append(r.model_copy(update={"code": seen.code, "favours": seen.favours}))
            continue
        favours = r.favours
        if favours and r.framework not in codes:
            code = r.framework
        elif r.code == TASK_TABLE_CODE and TASK_TABLE_CODE not in codes:
            code = TASK_TABLE_CODE
        else:
            decisions += 1
            code = "decision" if decisions == 1 else f"decision.{decisions}"
            favours = favours or str(verdict)
        codes.add(code)
        r = r.model_copy(update={"code": code, "favours": favours})
        first[(r.framework, r.text)] = r
        out.append(r)
    return tuple(out)


def recommend(a: Assessment, f: Facts) -> Recommendation:
    """The consolidated recommendation. Pure: reads only the answers and the facts."""
    fws = run_frameworks(a, f)
    d = decide(a, f, fws)
    reasons = list(d.reasons)
    for x in frameworks():
        if x.guide is None or x.id not in fws:
            continue
        reason = own_reason(fws[x.id])
        if reason not in reasons:  # the decision may already cite it: list each reason once
            reasons.append(reason)
    justified = task_justified(a)
    if a.use_case.task not in ("unknown", "other"):
        reasons.append(
            Reason(
                framework="decision_tree_001",
                source=SOURCE_001,
                text=f"task table ({a.use_case.task}): fine-tuning justified? {justified}",
                code=TASK_TABLE_CODE,
            )
        )
    method = smaller = None
    method_note = ""
    if d.verdict in FINE_TUNE:
        method, method_note, smaller = method_for(a, f)
    for x in frameworks():
        catalog = fws.get(x.id) if x.guide is None else None
        if catalog is not None and catalog.verdict != "unknown":
            reasons.append(own_reason(catalog, f"{catalog.verdict}: {catalog.says}"))
    return Recommendation(
        rules_version=RULES_VERSION,
        verdict=d.verdict,
        method=method,
        method_note=method_note,
        smaller_model=smaller,
        confidence=confidence(d, fws),
        reasons=coded(reasons, d.verdict),
        disagreements=tuple(d.disagreements),
        warnings=tuple(warnings_for(a, f, fws, d.verdict)),
        next_steps=tuple(next_steps_for(a, f, fws, d.verdict)),
        frameworks=tuple(fws.values()),
    )
