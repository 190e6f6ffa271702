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
"""

from __future__ import annotations

from collections.abc import Iterable

from ..assessment import Answer, Assessment
from ..availability import is_open, offer_text
from ..money import number
from ..wording import CHECKLIST_FIELDS, framework_list, technique_list, verdict_inline
from .decision_tree_001 import (
    CHECKLIST,
    VOLUME_FLOOR_PER_DAY,
    decision_tree,
    task_justified,
)
from .decision_tree_001 import (
    SOURCE as SOURCE_001,
)
from .facts import Facts
from .flowchart_000 import SOURCE as SOURCE_000
from .flowchart_000 import flowchart
from .litmus_002 import TREE as LITMUS_TREE
from .litmus_002 import litmus
from .practical_003 import (
    HOLD_OUT_PCT,
    LORA_MAX_PARAMS_B,
    MISTAKES,
    STEPS,
    VOLUME_FLOOR_MONTHLY,
    knowledge_need,
    practical,
    valid_use_case,
)
from .practical_003 import (
    SOURCE as SOURCE_003,
)
from .practical_003 import (
    TREE as TREE_003,
)
from .providers import SOURCE as SOURCE_PROVIDERS
from .providers import providers
from .verdict import (
    FINE_TUNE,
    PROMPT,
    Confidence,
    FrameworkVerdict,
    Method,
    NextStep,
    Reason,
    Recommendation,
    RuleWarning,
    Verdict,
)

RULES_VERSION = "2026.11.1"
"""Bumped whenever a rule or table changes, so a saved recommendation says which rules made it."""

SMALL_MODEL = (
    "an ~8B model fine-tuned for the task (000: '70B → 8B with fine-tuning'; 001: 'fine-tune "
    "the smallest model that achieves target quality — not the cheapest')"
)
SMALLEST_HOSTED = (
    "the smallest model of the family that reaches the target (003 Step 13: 'Choose smallest "
    "model that might work'; 001: 'Wrong model size')"
)


def volume_floor(f: Facts) -> tuple[Answer, str]:
    """At or below the guides' volume floor: 003's 10K queries/month or 001's 100/day."""
    if f.monthly_requests is None or f.daily_requests is None:
        return "unknown", "volume unknown"
    m, d = f.monthly_requests, f.daily_requests
    volume = f"{number(m, places=0)} queries/month ({number(d, places=0)}/day)"
    if m <= VOLUME_FLOOR_MONTHLY:
        return "yes", f"{volume}: at or below 003's floor ('stick with prompting below 10K')"
    if d < VOLUME_FLOOR_PER_DAY:
        return "yes", f"{volume}: below 001's <100/day ('training cost never recovers')"
    return "no", f"{volume}: above the floor"


def _reason(fw: FrameworkVerdict, text: str | None = None) -> Reason:
    if text is None and fw.verdict in ("measure_first", "unknown"):
        text = f"{fw.verdict}: undecided — {fw.deciding}"
    if text is None:
        text = f"{fw.verdict}: {fw.says}" + (f" — {fw.deciding}" if fw.deciding else "")
    return Reason(framework=fw.id, source=fw.source, text=text)


def _step_answer(fw: FrameworkVerdict, question: str) -> Answer:
    for step in fw.path:
        if step.question == question:
            return step.answer  # type: ignore[return-value]
    return "unknown"


class _Decision:
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


def _decide(a: Assessment, f: Facts, fws: dict[str, FrameworkVerdict]) -> _Decision:
    d = _Decision()
    f000, f001, f002, f003 = (
        fws[k] for k in ("flowchart_000", "decision_tree_001", "litmus_002", "practical_003")
    )
    choosers = (f000, f001, f003)
    support = [x for x in choosers if x.verdict in FINE_TUNE]
    against = [x for x in choosers if x.verdict in PROMPT]
    undecided = [x for x in choosers if x.verdict == "measure_first"]
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
                    f"{names(against)} already rule fine-tuning out, so tunewise starts with "
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
        d.reasons.append(_reason(f003))
        d.disagreements.append(
            f"{names(support)} favour fine-tuning; 003 finds no valid use case ('If none "
            "apply, stop here and optimize prompting further'). tunewise does not pick a "
            "side on expectations: a pilot that reaches the target would settle it"
        )
        return d

    if f002.verdict == "not_ready":
        maturity = _step_answer(f002, LITMUS_TREE["q3"].asks)
        if pilot == "yes" and maturity != "no":
            d.disagreements.append(
                f"002's litmus test says not ready ({f002.deciding}); tunewise sides with "
                f"{names(support)} because a fine-tuned pilot measured the benefit — the "
                "'clear evidence and quantified benefits' 002 itself asks for. The unmet "
                "litmus answers become next steps before deployment"
            )
        else:
            d.verdict, d.rule = "measure_first", "litmus_not_ready"
            d.reasons.append(_reason(f002))
            why = (
                "operational maturity is lacking"
                if maturity == "no"
                else "no pilot has measured the benefit"
            )
            d.disagreements.append(
                f"{names(support)} say fine-tune; 002's litmus test says not ready "
                f"({f002.deciding}). tunewise sides with 002 because {why}: fix the "
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
                "002's litmus test is undecided",
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
            f"{names(against)} say {', '.join(verdict_inline(x.verdict) for x in against)} "
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


def _method(a: Assessment, f: Facts) -> tuple[Method | None, str, str | None]:
    m = f.base_model
    small = None
    if a.use_case.latency_critical == "yes":
        small = SMALL_MODEL
    if m is not None and m.open_weights and m.params_b is not None:
        if m.params_b <= LORA_MAX_PARAMS_B:
            return (
                "lora",
                (
                    f"{m.name} has {number(m.params_b)}B parameters: LoRA (003: 'for small models "
                    "(≤13B parameters)', ~90% cheaper than full; 000's PEFT table: LoRA r=16 keeps "
                    "98% of full quality at 15% of the training time)"
                ),
                small,
            )
        return (
            "qlora",
            (
                f"{m.name} has {number(m.params_b)}B parameters, above 003's ≤13B LoRA range: "
                "QLoRA (000's PEFT table: 4-bit, 10GB instead of 160GB, 97% of full quality), or "
                "a smaller model"
            ),
            SMALL_MODEL,
        )
    if m is not None and not m.open_weights:
        return (
            "hosted",
            f"{m.name} has closed weights: the provider's hosted fine-tuning",
            (small or SMALLEST_HOSTED),
        )
    if f.method is not None:
        return (
            f.method,
            "the method the cost inputs price (base model size unknown)",
            (small or SMALLEST_HOSTED),
        )
    return None, "base model unknown", small or SMALLEST_HOSTED


def _warn(code: str, key: str, extra: str = "", source: str = SOURCE_003) -> RuleWarning:
    mistake = MISTAKES[key]
    message = f"{mistake.mistake}: {mistake.impact}. {mistake.solution}."
    return RuleWarning(
        code=code,
        message=(f"{extra} — {message}" if extra else message),
        source=f"{source}, Common Mistakes",
    )


def _warnings(
    a: Assessment, f: Facts, fws: dict[str, FrameworkVerdict], verdict: Verdict
) -> list[RuleWarning]:
    out: list[RuleWarning] = []
    f003 = fws["practical_003"]
    choosers = [fws[k] for k in ("flowchart_000", "decision_tree_001", "practical_003")]
    considered = verdict in FINE_TUNE or any(x.verdict in FINE_TUNE for x in choosers)
    ft = verdict in FINE_TUNE
    e, data, u, team = a.evidence, a.data, a.use_case, a.team
    if knowledge_need(a) == "yes" and f003.verdict == "rag":
        out.append(
            _warn(
                "fine_tuning_for_knowledge",
                "fine_tuning_for_knowledge",
                "the problem is knowledge, and no behaviour use case applies",
            )
        )
    if u.task == "reasoning" and considered:
        out.append(
            RuleWarning(
                code="fine_tuning_for_reasoning",
                message="Fine-tuning for reasoning: model overfits to training reasoning "
                "patterns; performs worse on novel problems. Use prompting (CoT) for reasoning; "
                "fine-tune for format/extraction (task table: reasoning/analysis 85-92% "
                "prompted vs 83-88% fine-tuned)"
                + (
                    f"; your pilot measured {number(e.finetuned_quality_pct)}% vs "
                    f"{number(e.prompting_quality_pct)}% prompted"
                    if e.finetuned_quality_pct is not None and e.prompting_quality_pct is not None
                    else ""
                ),
                source=f"{SOURCE_001}, Common Fine-Tuning Mistakes",
            )
        )
    n = data.labelled_examples
    if considered and n is not None and n < 100:
        out.append(
            RuleWarning(
                code="too_few_examples",
                message=f"Insufficient training data: {n} labelled examples; 'Minimum viable "
                "dataset: 100+ diverse examples' (000, Bad Practice 2); 003 starts with 100-500",
                source=f"{SOURCE_000}, Common Mistakes",
            )
        )
    if n is not None and n > 10_000:
        out.append(
            _warn(
                "too_much_data",
                "too_much_data",
                f"{n:,} examples: 001's data table gives diminishing returns above 10,000",
            )
        )
    if considered and data.held_out_eval_set == "no":
        out.append(
            RuleWarning(
                code="no_eval_set",
                message="Insufficient eval set: can't measure whether fine-tuning actually helped. "
                f"Hold out {HOLD_OUT_PCT}% of data for evaluation minimum",
                source=f"{SOURCE_001}, Common Fine-Tuning Mistakes",
            )
        )
    s = data.synthetic_share_pct
    if s is not None and s > 50:
        out.append(
            RuleWarning(
                code="mostly_synthetic",
                message=f"Training on synthetic data: {number(s)}% synthetic; the model learns LLM "
                "patterns, not human patterns. Use human-generated or human-verified examples "
                "for at least 50% of training set",
                source=f"{SOURCE_001}, Common Fine-Tuning Mistakes",
            )
        )
    if considered:
        for c in CHECKLIST:
            answer, because = c.check(data)
            if answer == "no":
                out.append(
                    RuleWarning(
                        code=f"checklist_{c.key}",
                        message=f"{c.criterion} fails ({because}; wants {c.means}): {c.matters}",
                        source=f"{SOURCE_001}, Data Quality Checklist",
                    )
                )
    if ft and team.fallback == "no":
        out.append(_warn("no_fallback", "no_fallback"))
    floor, floor_why = volume_floor(f)
    if considered and floor == "yes":
        out.append(
            RuleWarning(
                code="volume_too_low",
                message=f"{floor_why}: fine-tuning will not pay back on cost"
                + (" — justified here only by the use case" if ft else ""),
                source=f"{SOURCE_003}, Best Practices; {SOURCE_001}, The Volume Decision",
            )
        )
    if ft and u.volume_stable == "no":
        out.append(_warn("assuming_stable_volume", "assuming_stable_volume"))
    if considered and e.prompting_reaches_target() == "unknown":
        out.append(_warn("not_measuring_gap", "not_measuring_gap"))
    if verdict == "measure_first" and any(x.verdict in FINE_TUNE for x in choosers):
        out.append(_warn("fine_tuning_too_early", "fine_tuning_too_early"))
    tried = e.techniques_tried
    if considered and tried is not None and "human_in_the_loop" not in tried:
        out.append(_warn("skipping_human_in_the_loop", "skipping_human_in_the_loop"))
    if _step_answer(f003, TREE_003["structured"].asks) == "no":
        out.append(
            _warn(
                "prompting_structured_tasks",
                "prompting_structured_tasks",
                "structured outputs not tried yet",
            )
        )
    m = f.base_model
    if ft and m is not None and m.params_b is not None:
        if f.method == "full" and m.open_weights and m.params_b <= LORA_MAX_PARAMS_B:
            out.append(
                _warn(
                    "ignoring_lora",
                    "ignoring_lora",
                    f"{m.name} ({number(m.params_b)}B) priced as full fine-tuning",
                )
            )
        if m.params_b > LORA_MAX_PARAMS_B:
            out.append(
                RuleWarning(
                    code="ignoring_inference_costs",
                    message=f"{m.name} has {number(m.params_b)}B parameters: '70B model costs 10x "
                    "more to run than 8B'; fine-tune a smaller model for the task",
                    source=f"{SOURCE_000}, Bad Practice 3",
                )
            )
    if considered:
        for offer in f.offers:
            if not is_open(offer, f.on):
                out.append(
                    RuleWarning(
                        code="provider_closed",
                        message=offer_text(offer, f.on),
                        source=SOURCE_PROVIDERS,
                    )
                )
        if any(o.provider == "anthropic" for o in f.offers) and a.team.providers:
            out.append(
                _warn(
                    "wrong_provider",
                    "wrong_provider",
                    "Anthropic is chosen and fine-tuning is on the table",
                )
            )
    if considered and m is not None and m.retires_on is not None:
        when = "was retired" if m.retires_on <= f.on else "retires"
        out.append(
            RuleWarning(
                code="model_retires",
                message=f"{m.name} {when} on {m.retires_on.isoformat()} ({m.source}, as of "
                f"{m.as_of}): a fine-tune on it must be retrained on a new base model (003: "
                "'Forgetting About Model Deprecation'; 001: 'Ignoring base model updates')",
                source=SOURCE_PROVIDERS,
            )
        )
    return out


def _guide_step(number: int, tailored: str = "", field: str | None = None) -> NextStep:
    s = STEPS[number]
    text = "; ".join(s.bullets)
    return NextStep(
        step=number,
        title=s.title,
        text=f"{tailored} — {text}" if tailored else text,
        field=field,
    )


QUESTION_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("flowchart_000", "q1"): ("evidence.prompting_quality_pct", "evidence.target_quality_pct"),
    ("flowchart_000", "q2"): ("data.labelled_examples",),
    ("flowchart_000", "q3"): ("use_case.latency_critical",),
    ("flowchart_000", "q4"): ("workload.requests_per_month",),
    ("flowchart_000", "q5"): ("fine_tuning.upfront_usd",),
    ("decision_tree_001", "q1"): ("workload.requests_per_month",),
    ("decision_tree_001", "q2"): ("data.labelled_examples",),
    ("decision_tree_001", "q3"): (
        "evidence.prompting_quality_pct",
        "evidence.target_quality_pct",
    ),
    ("decision_tree_001", "q4"): ("use_case.primarily_format_or_style", "use_case.task"),
    ("decision_tree_001", "q5"): ("evidence.pilot_run", "evidence.finetuned_quality_pct"),
    ("litmus_002", "q1"): ("evidence.techniques_tried",),
    ("litmus_002", "q2"): ("evidence.pilot_run", "evidence.finetuned_quality_pct"),
    ("litmus_002", "q3"): ("team.versioning", "team.monitoring", "team.retraining_budget"),
    ("practical_003", "knowledge"): ("use_case.knowledge_missing",),
    ("practical_003", "format"): ("use_case.primarily_format_or_style", "use_case.task"),
    ("practical_003", "structured"): ("evidence.techniques_tried",),
    ("practical_003", "still_short"): (
        "evidence.prompting_quality_pct",
        "evidence.target_quality_pct",
    ),
    ("practical_003", "critical"): ("use_case.criticality", "evidence.prompting_quality_pct"),
    ("practical_003", "style"): ("use_case.style_hard_to_specify",),
    ("practical_003", "scale"): ("workload.requests_per_month",),
    ("practical_003", "example_2"): (
        "workload.requests_per_month",
        "evidence.prompting_quality_pct",
    ),
}
"""Which answers each framework question reads, in the order a reader should fill them in."""


def _question_ids() -> dict[str, tuple[str, str]]:
    from . import decision_tree_001, flowchart_000, litmus_002, practical_003

    out = {practical_003.KNOWLEDGE_QUESTION: ("practical_003", "knowledge")}
    for module in (flowchart_000, decision_tree_001, litmus_002, practical_003):
        for qid, q in module.TREE.items():
            out[q.asks] = (module.ID, qid)
    return out


def _unanswered(a: Assessment, path: str) -> bool:
    section, _, name = path.partition(".")
    part = getattr(a, section, None)
    if part is None:  # a cost input, not an answer the rules read: name it as it is
        return True
    value = getattr(part, name, None)
    return value is None or value == "unknown"


def answer_field(a: Assessment, framework_id: str, question: str) -> str | None:
    """The wizard field that would answer `question`: the first of its answers still
    unknown (for the data questions, the first unanswered checklist row)."""
    key = _question_ids().get(question)
    paths = QUESTION_FIELDS.get(key or (framework_id, ""), ())
    if paths == ("data.labelled_examples",) and a.data.labelled_examples is not None:
        paths = tuple(CHECKLIST_FIELDS[c.key] for c in CHECKLIST)
    for path in paths:
        if _unanswered(a, path):
            return path
    return paths[0] if paths else None


def _next_steps(
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
            for question in fw.unknowns:
                if question not in seen:
                    seen.add(question)
                    out.append(
                        NextStep(
                            step=None,
                            title=f"Answer for the {framework_list([fw.id])}",
                            text=question,
                            field=answer_field(a, fw.id, question),
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
        if _step_answer(fws["litmus_002"], LITMUS_TREE["q3"].asks) != "yes":
            out.append(
                NextStep(
                    step=None,
                    title="Operational maturity (guide 002)",
                    field=next(
                        (p for p in QUESTION_FIELDS[("litmus_002", "q3")] if _unanswered(a, p)),
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
    if fws["litmus_002"].verdict == "not_ready" and untried:
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


def _confidence(d: _Decision, fws: dict[str, FrameworkVerdict]) -> Confidence:
    choosers = [fws[k] for k in ("flowchart_000", "decision_tree_001", "practical_003")]
    if d.verdict == "measure_first":
        return "medium" if d.rule in ("litmus_not_ready", "no_pilot", "split_003") else "low"
    family = FINE_TUNE if d.verdict in FINE_TUNE else PROMPT
    agree = sum(x.verdict in family for x in choosers)
    oppose = sum(x.verdict in (PROMPT if family is FINE_TUNE else FINE_TUNE) for x in choosers)
    if d.rule in ("use_case_over_volume", "pilot_no_gain", "volume_floor"):
        return "medium"
    if agree >= 2 and oppose == 0 and not d.disagreements:
        return "high"
    if agree >= oppose and agree >= 1:
        return "medium"
    return "low"


def run_frameworks(a: Assessment, f: Facts) -> dict[str, FrameworkVerdict]:
    """Every framework's verdict, in the order the guides are numbered."""
    fws = (flowchart(a, f), decision_tree(a, f), litmus(a, f), practical(a, f), providers(a, f))
    return {fw.id: fw for fw in fws}


def recommend(a: Assessment, f: Facts) -> Recommendation:
    """The consolidated recommendation. Pure: reads only the answers and the facts."""
    fws = run_frameworks(a, f)
    d = _decide(a, f, fws)
    reasons = list(d.reasons)
    for k in ("flowchart_000", "decision_tree_001", "litmus_002", "practical_003"):
        reason = _reason(fws[k])
        if reason not in reasons:  # the decision may already cite it: list each reason once
            reasons.append(reason)
    justified = task_justified(a)
    if a.use_case.task not in ("unknown", "other"):
        reasons.append(
            Reason(
                framework="decision_tree_001",
                source=SOURCE_001,
                text=f"task table ({a.use_case.task}): fine-tuning justified? {justified}",
            )
        )
    method = smaller = None
    method_note = ""
    if d.verdict in FINE_TUNE:
        method, method_note, smaller = _method(a, f)
    prov = fws["providers"]
    if prov.verdict != "unknown":
        reasons.append(_reason(prov, f"{prov.verdict}: {prov.says}"))
    return Recommendation(
        rules_version=RULES_VERSION,
        verdict=d.verdict,
        method=method,
        method_note=method_note,
        smaller_model=smaller,
        confidence=_confidence(d, fws),
        reasons=tuple(reasons),
        disagreements=tuple(d.disagreements),
        warnings=tuple(_warnings(a, f, fws, d.verdict)),
        next_steps=tuple(_next_steps(a, f, fws, d.verdict)),
        frameworks=tuple(fws.values()),
    )
