"""The consolidated verdict: the rules of `recommend`'s docstring, in order, and how sure."""

from __future__ import annotations

from collections.abc import Iterable

from ..assessment import Assessment
from ..wording import framework_list, verdict_inline
from . import litmus_002, practical_003
from .decision_tree_001 import SOURCE as SOURCE_001
from .facts import Facts
from .practical_003 import SOURCE as SOURCE_003
from .practical_003 import knowledge_need, valid_use_case
from .registry import frameworks
from .verdict import FINE_TUNE, PROMPT, Confidence, FrameworkVerdict, Reason, Verdict, step_answer
from .volume import volume_floor


def own_reason(fw: FrameworkVerdict, text: str | None = None) -> Reason:
    """A framework's own reason: its verdict and what decided it (it `favours` that verdict)."""
    if text is None and fw.verdict in ("measure_first", "unknown"):
        text = f"{fw.verdict}: undecided — {fw.deciding}"
    if text is None:
        text = f"{fw.verdict}: {fw.says}" + (f" — {fw.deciding}" if fw.deciding else "")
    return Reason(framework=fw.id, source=fw.source, text=text, favours=str(fw.verdict))


def choosers(fws: dict[str, FrameworkVerdict]) -> list[FrameworkVerdict]:
    """The verdicts of the registered frameworks that choose an approach, in order."""
    return [fws[x.id] for x in frameworks() if x.role == "chooses" and x.id in fws]


class Decision:
    """The verdict under construction and why."""

    def __init__(self) -> None:
        self.verdict: Verdict = "measure_first"
        self.rule = ""
        self.reasons: list[Reason] = []
        self.disagreements: list[str] = []


def names(verdicts: Iterable[FrameworkVerdict]) -> str:
    """`the flowchart (guide 000) and the litmus test (guide 002)`: the frameworks, for a
    sentence."""
    return framework_list([v.id for v in verdicts])


def decide(a: Assessment, f: Facts, fws: dict[str, FrameworkVerdict]) -> Decision:
    """The verdict, the rule that reached it, its reasons and the disagreements."""
    d = Decision()
    f002, f003 = fws[litmus_002.ID], fws[practical_003.ID]
    voters = choosers(fws)
    support = [x for x in voters if x.verdict in FINE_TUNE]
    against = [x for x in voters if x.verdict in PROMPT]
    undecided = [x for x in voters if x.verdict == "measure_first"]
    knowledge = knowledge_need(a)
    base: Verdict = "rag" if knowledge == "yes" or f003.verdict == "rag" else "prompting"
    base_why = (
        "RAG for the knowledge (003: 'Use RAG for knowledge … fine-tuning is for behavior, not "
        "knowledge')"
        if base == "rag"
        else "prompting (003: 'Start with Prompting. Always.')"
    )
    pilot = a.evidence.pilot_improves()

    if not support:
        if undecided and not against:
            d.verdict, d.rule = "measure_first", "all_undecided"
            d.reasons.append(
                Reason(
                    framework="recommend",
                    source=SOURCE_003,
                    text="no framework can decide yet: answer the open questions below first",
                )
            )
        else:
            d.verdict, d.rule = base, "no_case"
            d.reasons.append(
                Reason(
                    framework="recommend",
                    source=SOURCE_003,
                    text=f"no framework makes a case for fine-tuning: {base_why}",
                )
            )
            if undecided:
                open_questions = [u for x in undecided for u in x.unknowns]
                d.disagreements.append(
                    f"{names(undecided)} cannot decide yet ({'; '.join(open_questions)}); "
                    f"{names(against)} already {'rules' if len(against) == 1 else 'rule'} "
                    "fine-tuning out, so tunewise starts with "
                    f"{verdict_inline(base)} and lists what to measure"
                )
        return d

    if pilot == "no":
        d.verdict, d.rule = base, "pilot_no_gain"
        d.reasons.append(
            Reason(
                framework="decision_tree_001",
                source=SOURCE_001,
                text="the fine-tuned pilot is no better than prompting on the eval set: 'Use "
                f"prompting — fine-tuning doesn't help this task' → {base}",
            )
        )
        d.disagreements.append(
            f"{names(support)} favour fine-tuning, but the measured pilot shows no gain; "
            "measurements outrank expectations"
        )
        return d

    floor, floor_why = volume_floor(f)
    uc_accuracy = valid_use_case(f003, "critical")
    uc_style = valid_use_case(f003, "style")
    exempt = [
        n
        for n, ans in (("critical accuracy", uc_accuracy), ("style replication", uc_style))
        if ans == "yes"
    ]
    if floor == "yes" and not exempt:
        d.verdict, d.rule = base, "volume_floor"
        d.reasons.append(
            Reason(
                framework="recommend",
                source=f"{SOURCE_003}; {SOURCE_001}",
                text=f"{floor_why}; neither valid use case that outweighs volume (critical "
                f"accuracy, style replication) applies → {base}",
            )
        )
        d.disagreements.append(
            f"{names(support)} favour fine-tuning, but below the volume floor only a "
            "critical-accuracy or style use case justifies it (003 Step 7), and neither applies"
        )
        return d
    if floor == "yes":
        d.reasons.append(
            Reason(
                framework="practical_003",
                source=SOURCE_003,
                text=f"{floor_why}; fine-tuning is still justified by the {' and '.join(exempt)} "
                "use case (003 Step 7), not by cost",
            )
        )

    if f003.verdict in PROMPT and a.evidence.pilot_reaches_target() != "yes":
        d.verdict, d.rule = "measure_first", "split_003"
        d.reasons.append(own_reason(f003))
        d.disagreements.append(
            f"{names(support)} favour fine-tuning; 003 finds no valid use case ('If none "
            "apply, stop here and optimize prompting further'). tunewise does not pick a "
            "side on expectations: a pilot that reaches the target would settle it"
        )
        return d

    if f002.verdict == "not_ready":
        maturity = step_answer(f002, "q3")
        if pilot == "yes" and maturity != "no":
            d.disagreements.append(
                f"The litmus test (guide 002) says not ready ({f002.deciding}); tunewise "
                f"sides with {names(support)} because a fine-tuned pilot measured the benefit "
                "— the 'clear evidence and quantified benefits' the litmus test itself asks "
                "for. The unmet litmus answers become next steps before deployment"
            )
        else:
            d.verdict, d.rule = "measure_first", "litmus_not_ready"
            d.reasons.append(own_reason(f002))
            why = (
                "operational maturity is lacking"
                if maturity == "no"
                else "no pilot has measured the benefit"
            )
            d.disagreements.append(
                f"{names(support)} say fine-tune; the litmus test (guide 002) says not ready "
                f"({f002.deciding}). tunewise sides with the litmus test because {why}: fix the "
                "unmet answers, then re-assess"
            )
            return d
    elif f002.verdict != "ready" and pilot != "yes":
        d.verdict, d.rule = "measure_first", "no_pilot"
        d.reasons.append(
            Reason(
                framework="decision_tree_001",
                source=SOURCE_001,
                text="'Run the quality comparison first. Before deciding, test optimized prompting "
                "vs fine-tuning on your actual data' — no pilot has measured the benefit, and "
                "the litmus test (guide 002) is undecided",
            )
        )
        d.disagreements.append(
            f"{names(support)} favour fine-tuning on expectations; without a measured pilot "
            "or a passed litmus test tunewise asks for the measurement first"
        )
        return d

    d.verdict = "hybrid" if knowledge == "yes" or f003.verdict == "hybrid" else "fine_tuning"
    d.rule = "use_case_over_volume" if floor == "yes" else "fine_tune"
    if against:
        d.disagreements.append(
            f"{names(against)} {'says' if len(against) == 1 else 'say'} "
            f"{', '.join(verdict_inline(x.verdict) for x in against)} "
            f"({'; '.join(x.says for x in against)}); tunewise sides with {names(support)}"
            + (
                f": the {' and '.join(exempt)} use case applies whatever the volume (003 Step 7)"
                if exempt
                else ": the measured evidence supports fine-tuning"
            )
        )
    if d.verdict == "hybrid":
        d.reasons.append(
            Reason(
                framework="practical_003",
                source=SOURCE_003,
                text="the problem also involves missing or changing knowledge: fine-tune the "
                "behaviour and retrieve the knowledge (RAG + fine-tuning, Pattern 2; Example 3)",
            )
        )
    return d


def confidence(d: Decision, fws: dict[str, FrameworkVerdict]) -> Confidence:
    """How sure: how many choosing frameworks agree with the verdict, and by which rule."""
    voters = choosers(fws)
    if d.verdict == "measure_first":
        return "medium" if d.rule in ("litmus_not_ready", "no_pilot", "split_003") else "low"
    family = FINE_TUNE if d.verdict in FINE_TUNE else PROMPT
    agree = sum(x.verdict in family for x in voters)
    oppose = sum(x.verdict in (PROMPT if family is FINE_TUNE else FINE_TUNE) for x in voters)
    if d.rule in ("use_case_over_volume", "pilot_no_gain", "volume_floor"):
        return "medium"
    if agree >= 2 and oppose == 0 and not d.disagreements:
        return "high"
    if agree >= oppose and agree >= 1:
        return "medium"
    return "low"
