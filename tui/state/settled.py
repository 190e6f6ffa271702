"""What the answers asked on a step already settle, read from `engine.rules` (no rule is
restated here): a registered framework whose walk ended at a question this step asks (each
framework names the step of each question), the volume floor (`engine.rules.volume`) and
knowledge → RAG (guide 003's first question)."""

from __future__ import annotations

from dataclasses import dataclass

from .decision import Decision

UNDECIDED = frozenset({"measure_first", "unknown"})


@dataclass(frozen=True)
class Notice:
    """What a step's answers settle: one line per rule, and the verdict so far."""

    lines: tuple[str, ...]
    verdict: str
    """The consolidated verdict so far, in words (`RAG (medium confidence)`)."""
    settled: bool
    """Whether the consolidated recommendation is decided (not 'measure first')."""


def __getattr__(name: str) -> dict[str, str]:
    """`GUIDE`: each registered guide's framework id → the label a notice names it by
    (`engine.wording.FRAMEWORKS`, asserted equal by a test). Read from the registry when
    asked, so importing this module does not load the rules."""
    if name == "GUIDE":
        from engine.rules.registry import guided

        return {f.id: f.label for f in guided()}
    raise AttributeError(name)


def verdict_text(verdict: str, confidence: str = "") -> str:
    """`Measure first (low confidence)`: the verdict's one wording (`engine.wording`)."""
    from engine.wording import verdict_words

    words = verdict_words(verdict)
    return f"{words} ({confidence} confidence)" if confidence else words


def notice_for(step: str, decision: Decision) -> Notice | None:
    """The notice for `step` (a step KEY), or None when its answers settle nothing yet."""
    from engine.rules import practical_003
    from engine.rules.registry import framework
    from engine.rules.volume import volume_floor
    from engine.wording import plain

    rec = decision.recommendation
    lines: list[str] = []
    if step == "volume":
        floor, why = volume_floor(decision.facts)
        if floor == "yes":
            lines.append(
                f"Fine-tuning cannot pay back at this volume: {why}. Only a critical-accuracy "
                "or style-replication use case (guide 003, step 7) outweighs it."
            )
    knowledge = (practical_003.ID, practical_003.KNOWLEDGE)
    for fw in rec.frameworks:
        spec = framework(fw.id)
        if spec is None or spec.guide is None or not fw.path:
            continue
        first = fw.path[0]
        is_knowledge = (fw.id, first.question_id) == knowledge
        if is_knowledge and step == "knowledge" and first.answer == "yes":
            lines.append(f"Guide 003, step 4, 'Use RAG for knowledge': {plain(first.next)}.")
        if fw.verdict in UNDECIDED:
            continue
        deciding = [
            s for s in fw.path if s.question_id in spec.questions and s.answer in ("yes", "no")
        ]
        if not deciding:
            continue
        last = deciding[-1]
        if spec.questions[last.question_id].step != step:
            continue
        lines.append(
            plain(
                f"{spec.label}, {spec.called(last.question_id)} {last.answer} → "
                f"{verdict_text(fw.verdict)}: {fw.says} ({last.because})."
            )
        )
    if not lines:
        return None
    return Notice(
        lines=tuple(lines),
        verdict=verdict_text(rec.verdict, rec.confidence),
        settled=rec.verdict not in UNDECIDED,
    )
