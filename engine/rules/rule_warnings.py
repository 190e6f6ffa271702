"""The guides' common mistakes that the answers trigger, as warnings."""

from __future__ import annotations

from ..assessment import Assessment
from ..availability import is_open, offer_text
from ..money import number
from . import practical_003
from .decide import choosers
from .decision_tree_001 import CHECKLIST
from .decision_tree_001 import SOURCE as SOURCE_001
from .facts import Facts
from .flowchart_000 import SOURCE as SOURCE_000
from .practical_003 import HOLD_OUT_PCT, LORA_MAX_PARAMS_B, MISTAKES, knowledge_need
from .practical_003 import SOURCE as SOURCE_003
from .providers import SOURCE as SOURCE_PROVIDERS
from .verdict import FINE_TUNE, FrameworkVerdict, RuleWarning, Verdict, step_answer
from .volume import volume_floor


def _warn(code: str, key: str, extra: str = "", source: str = SOURCE_003) -> RuleWarning:
    mistake = MISTAKES[key]
    message = f"{mistake.mistake}: {mistake.impact}. {mistake.solution}."
    return RuleWarning(
        code=code,
        message=(f"{extra} — {message}" if extra else message),
        source=f"{source}, Common Mistakes",
    )


def warnings_for(
    a: Assessment, f: Facts, fws: dict[str, FrameworkVerdict], verdict: Verdict
) -> list[RuleWarning]:
    """The warnings for this verdict, in the order the report lists them."""
    out: list[RuleWarning] = []
    f003 = fws[practical_003.ID]
    voters = choosers(fws)
    considered = verdict in FINE_TUNE or any(x.verdict in FINE_TUNE for x in voters)
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
    if verdict == "measure_first" and any(x.verdict in FINE_TUNE for x in voters):
        out.append(_warn("fine_tuning_too_early", "fine_tuning_too_early"))
    tried = e.techniques_tried
    if considered and tried is not None and "human_in_the_loop" not in tried:
        out.append(_warn("skipping_human_in_the_loop", "skipping_human_in_the_loop"))
    if step_answer(f003, "structured") == "no":
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
