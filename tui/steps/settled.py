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
    "flowchart_000": "000 flowchart",
    "decision_tree_001": "001 decision tree",
    "litmus_002": "002 litmus test",
    "practical_003": "003 Step 7",
}
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
    words = {"rag": "RAG", "measure_first": "measure first"}.get(verdict, verdict)
    words = words.replace("_", " ")
    return f"{words} ({confidence} confidence)" if confidence else words


def notice_for(step: str, decision: Decision) -> Notice | None:
    """The notice for `step` (a step KEY), or None when its answers settle nothing yet."""
    from engine.rules.recommend import volume_floor

    rec = decision.recommendation
    known = questions()
    lines: list[str] = []
    if step == "volume":
        floor, why = volume_floor(decision.facts)
        if floor == "yes":
            lines.append(
                f"Fine-tuning cannot pay back at this volume: {why}. Only a critical-accuracy "
                "or style-replication use case (003 Step 7) outweighs it."
            )
    for fw in rec.frameworks:
        if fw.id not in GUIDE or not fw.path:
            continue
        first = fw.path[0]
        is_knowledge = known.get(first.question) == ("practical_003", "knowledge")
        if is_knowledge and step == "knowledge" and first.answer == "yes":
            lines.append(f"003 Step 4, 'Use RAG for knowledge': {first.next}.")
        if fw.verdict in UNDECIDED:
            continue
        deciding = [s for s in fw.path if s.question in known and s.answer in ("yes", "no")]
        if not deciding:
            continue
        last = deciding[-1]
        fid, qid = known[last.question]
        if STEP_OF_QUESTION.get((fid, qid)) != step:
            continue
        question = f"question {qid[1:]}" if qid[:1] == "q" and qid[1:].isdigit() else qid
        lines.append(
            f"{GUIDE[fw.id]}, {question} {last.answer} → {verdict_text(fw.verdict)}: "
            f"{fw.says} ({last.because})."
        )
    if not lines:
        return None
    return Notice(
        lines=tuple(lines),
        verdict=verdict_text(rec.verdict, rec.confidence),
        settled=rec.verdict not in UNDECIDED,
    )
