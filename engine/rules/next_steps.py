"""Guide 003's steps (and the measurements the other guides ask for), tailored to the verdict."""

from __future__ import annotations

from ..assessment import Assessment
from ..wording import CHECKLIST_FIELDS, framework_list, technique_list
from . import litmus_002
from .decision_tree_001 import CHECKLIST
from .facts import Facts
from .practical_003 import HOLD_OUT_PCT, STEPS
from .registry import framework
from .verdict import FrameworkVerdict, NextStep, Verdict, step_answer


def _guide_step(number: int, tailored: str = "", field: str | None = None) -> NextStep:
    s = STEPS[number]
    text = "; ".join(s.bullets)
    return NextStep(
        step=number,
        title=s.title,
        text=f"{tailored} — {text}" if tailored else text,
        field=field,
    )


def question_fields(framework_id: str, question_id: str) -> tuple[str, ...]:
    """Which answers a framework question reads, in the order a reader should fill them in."""
    fw = framework(framework_id)
    asked = None if fw is None else fw.questions.get(question_id)
    return () if asked is None else asked.fields


def _unanswered(a: Assessment, path: str) -> bool:
    section, _, name = path.partition(".")
    part = getattr(a, section, None)
    if part is None:  # a cost input, not an answer the rules read: name it as it is
        return True
    value = getattr(part, name, None)
    return value is None or value == "unknown"


def answer_field(a: Assessment, framework_id: str, question_id: str) -> str | None:
    """The wizard field that would answer a framework's question (by its id): the first of
    its answers still unknown (for the data questions, the first unanswered checklist row)."""
    paths = question_fields(framework_id, question_id)
    if paths == ("data.labelled_examples",) and a.data.labelled_examples is not None:
        paths = tuple(CHECKLIST_FIELDS[c.key] for c in CHECKLIST)
    for path in paths:
        if _unanswered(a, path):
            return path
    return paths[0] if paths else None


def next_steps_for(
    a: Assessment, f: Facts, fws: dict[str, FrameworkVerdict], verdict: Verdict
) -> list[NextStep]:
    e, data = a.evidence, a.data
    tried = e.techniques_tried
    untried = (
        []
        if tried is None
        else [
            t
            for t in ("few_shot", "chain_of_thought", "structured_outputs", "prompt_chaining")
            if t not in tried
        ]
    )
    out: list[NextStep] = []
    if verdict == "measure_first":
        seen: set[str] = set()
        for fw in fws.values():
            for question, question_id in zip(fw.unknowns, fw.unknown_ids, strict=True):
                if question not in seen:
                    seen.add(question)
                    out.append(
                        NextStep(
                            step=None,
                            title=f"Answer for the {framework_list([fw.id])}",
                            text=question,
                            field=answer_field(a, fw.id, question_id),
                        )
                    )
        if e.prompting_reaches_target() == "unknown":
            out.append(
                _guide_step(
                    6, "measure prompting against your target", "evidence.prompting_quality_pct"
                )
            )
        if untried:
            out.append(
                _guide_step(
                    3, f"not yet tried: {technique_list(untried)}", "evidence.techniques_tried"
                )
            )
        if tried is not None and "human_in_the_loop" not in tried:
            out.append(_guide_step(5))
        if not e.pilot_measured():
            out.append(
                NextStep(
                    step=16,
                    field="evidence.finetuned_quality_pct",
                    title="Run a fine-tuning pilot",
                    text="'Run the quality comparison first': fine-tune on 100-500 examples "
                    f"(003 Step 9), hold out {HOLD_OUT_PCT}% (Step 11), compare on the same eval "
                    "set as prompting (001)",
                )
            )
        if step_answer(fws[litmus_002.ID], "q3") != "yes":
            out.append(
                NextStep(
                    step=None,
                    title="Operational maturity (guide 002)",
                    field=next(
                        (p for p in question_fields(litmus_002.ID, "q3") if _unanswered(a, p)),
                        "team.versioning",
                    ),
                    text="Put model versioning, drift monitoring and a retraining budget (2-4 "
                    "cycles a year, 001) in place before fine-tuning",
                )
            )
        return out
    if verdict in ("prompting", "rag"):
        if verdict == "rag":
            out.append(_guide_step(4, "ground answers in the knowledge the model lacks"))
        if untried:
            out.append(_guide_step(3, f"not yet tried: {technique_list(untried)}"))
        if tried is None or "human_in_the_loop" not in tried:
            out.append(_guide_step(5))
        out.append(_guide_step(6, "keep measuring against the target"))
        out.append(_guide_step(8, "re-assess if volume passes 50K queries/month"))
        out.append(_guide_step(21))
        return out
    if verdict == "hybrid":
        out.append(_guide_step(4, "RAG for the knowledge that changes"))
    if fws[litmus_002.ID].verdict == "not_ready" and untried:
        out.append(_guide_step(3, f"before committing, try: {technique_list(untried)}"))
    n = data.labelled_examples
    if n is None or n < 100:
        out.append(_guide_step(9, "start with 100-500 high-quality examples"))
    elif n > 500:
        out.append(
            _guide_step(
                9, f"you have {n:,}; start with 100-500 and add more only if performance plateaus"
            )
        )
    out.append(_guide_step(11, f"hold out {HOLD_OUT_PCT}%"))
    out.append(_guide_step(12))
    out.append(_guide_step(13))
    out.append(_guide_step(16))
    out.append(_guide_step(17, "keep prompting as the fallback"))
    out.append(_guide_step(18))
    out.append(_guide_step(19))
    out.append(_guide_step(20))
    return out
