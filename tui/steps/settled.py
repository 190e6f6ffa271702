"""What the answers asked on a step already settle, read from `engine.rules` (no rule is
restated here): a framework whose walk ended at a question of this step, the volume floor
(`engine.rules.recommend.volume_floor`) and knowledge → RAG (guide 003's first question)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .decision import Decision

STEP_OF_QUESTION: dict[tuple[str, str], str] = {
    ("flowchart_000", "q1"): "evidence",
    ("flowchart_000", "q2"): "data",
    ("flowchart_000", "q3"): "volume",
    ("flowchart_000", "q4"): "volume",
    ("flowchart_000", "q5"): "models",
    ("decision_tree_001", "q1"): "volume",
    ("decision_tree_001", "q2"): "data",
    ("decision_tree_001", "q3"): "evidence",
    ("decision_tree_001", "q4"): "knowledge",
    ("decision_tree_001", "q5"): "evidence",
    ("litmus_002", "q1"): "evidence",
    ("litmus_002", "q2"): "evidence",
    ("litmus_002", "q3"): "team",
    ("practical_003", "knowledge"): "knowledge",
    ("practical_003", "format"): "knowledge",
    ("practical_003", "structured"): "evidence",
    ("practical_003", "still_short"): "evidence",
    ("practical_003", "critical"): "evidence",
    ("practical_003", "style"): "knowledge",
    ("practical_003", "scale"): "models",
    ("practical_003", "example_2"): "volume",
}
"""Which step asks what each framework question reads (the wizard's grouping)."""

GUIDE = {
    "flowchart_000": "Flowchart (guide 000)",
    "decision_tree_001": "Decision tree (guide 001)",
    "litmus_002": "Litmus test (guide 002)",
    "practical_003": "Practical guide (guide 003)",
}
"""The frameworks a notice names (`engine.wording.FRAMEWORKS`, asserted equal by a test)."""
QUESTIONS_003 = {
    "knowledge": "step 4",
    "format": "the format question",
    "structured": "'test structured outputs first'",
    "still_short": "the structured-outputs follow-up",
    "critical": "valid use case 1",
    "style": "valid use case 2",
    "scale": "valid use case 3",
    "example_2": "example 2",
}
"""Guide 003's questions by their place in the guide (its ids are codes)."""
UNDECIDED = frozenset({"measure_first", "unknown"})


@dataclass(frozen=True)
class Notice:
    """What a step's answers settle: one line per rule, and the verdict so far."""

    lines: tuple[str, ...]
    verdict: str
    """The consolidated verdict so far, in words (`RAG (medium confidence)`)."""
    settled: bool
    """Whether the consolidated recommendation is decided (not 'measure first')."""


@cache
def questions() -> dict[str, tuple[str, str]]:
    """Each framework question's wording → (framework id, question id)."""
    from engine.rules import decision_tree_001, flowchart_000, litmus_002, practical_003

    out = {practical_003.KNOWLEDGE_QUESTION: ("practical_003", "knowledge")}
    for module in (flowchart_000, decision_tree_001, litmus_002, practical_003):
        for qid, q in module.TREE.items():
            out[q.asks] = (module.ID, qid)
    return out


def verdict_text(verdict: str, confidence: str = "") -> str:
    """`Measure first (low confidence)`: the verdict's one wording (`engine.wording`)."""
    from engine.wording import verdict_words

    words = verdict_words(verdict)
    return f"{words} ({confidence} confidence)" if confidence else words


def notice_for(step: str, decision: Decision) -> Notice | None:
    """The notice for `step` (a step KEY), or None when its answers settle nothing yet."""
    from engine.rules.recommend import volume_floor
    from engine.wording import plain

    rec = decision.recommendation
    known = questions()
    lines: list[str] = []
    if step == "volume":
        floor, why = volume_floor(decision.facts)
        if floor == "yes":
            lines.append(
                f"Fine-tuning cannot pay back at this volume: {why}. Only a critical-accuracy "
                "or style-replication use case (guide 003, step 7) outweighs it."
            )
    for fw in rec.frameworks:
        if fw.id not in GUIDE or not fw.path:
            continue
        first = fw.path[0]
        is_knowledge = known.get(first.question) == ("practical_003", "knowledge")
        if is_knowledge and step == "knowledge" and first.answer == "yes":
            lines.append(f"Guide 003, step 4, 'Use RAG for knowledge': {plain(first.next)}.")
        if fw.verdict in UNDECIDED:
            continue
        deciding = [s for s in fw.path if s.question in known and s.answer in ("yes", "no")]
        if not deciding:
            continue
        last = deciding[-1]
        fid, qid = known[last.question]
        if STEP_OF_QUESTION.get((fid, qid)) != step:
            continue
        question = (
            f"question {qid[1:]}"
            if qid[:1] == "q" and qid[1:].isdigit()
            else QUESTIONS_003.get(qid, qid.replace("_", " "))
        )
        lines.append(
            plain(
                f"{GUIDE[fw.id]}, {question} {last.answer} → {verdict_text(fw.verdict)}: "
                f"{fw.says} ({last.because})."
            )
        )
    if not lines:
        return None
    return Notice(
        lines=tuple(lines),
        verdict=verdict_text(rec.verdict, rec.confidence),
        settled=rec.verdict not in UNDECIDED,
    )
