"""Prompting evidence: what was tried and measured (guide 003 Steps 2–6; 002 questions 1–2)."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

EVIDENCE = StepSpec(
    key="evidence",
    title="Prompting evidence",
    why=(
        "What prompting achieves today, measured. Every guide starts with prompting: the "
        "practical guide says 'start with prompting, always'; the litmus test (002) asks "
        "whether prompting is truly exhausted and the gain from fine-tuning quantified; the "
        "decision tree wants a gap of over 5 points to the target and a pilot that beats "
        "prompting on your own eval set; the flowchart (000) asks first 'does the base model "
        "already perform well?'. Leave numbers empty when not measured."
    ),
    fields=(
        ask("evidence.target_quality_pct", "Your success criterion, e.g. 95."),
        ask("evidence.prompting_quality_pct", "Measured on your eval set."),
        ask("evidence.prompting_meets_target", "When not measured as numbers."),
        ask("evidence.techniques_tried", "Space ticks. Nothing ticked = unknown."),
        ask("evidence.pilot_run"),
        ask("evidence.finetuned_quality_pct", "On the same eval set."),
        ask("evidence.finetuned_meets_target"),
    ),
)
