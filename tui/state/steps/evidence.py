"""Prompting evidence: what was tried and measured (guide 003 Steps 2–6; 002 questions 1–2)."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

EVIDENCE = StepSpec(
    key="evidence",
    title="Prompting evidence",
    why=(
        "Start with prompting, and measure it (003 Steps 2–6). Guide 002's litmus test asks "
        "whether prompting is exhausted (question 1) and the fine-tuned delta quantified "
        "(question 2); 001's tree whether the gap to target is over 5 points (question 3) and "
        "a pilot improves on your eval set (question 5); 000's flowchart starts with 'does the "
        "base model already perform well?'. Leave numbers empty when not measured."
    ),
    fields=(
        ask("evidence.target_quality_pct", "003 Step 1's success criterion, e.g. 95."),
        ask("evidence.prompting_quality_pct", "Measured on your eval set."),
        ask("evidence.prompting_meets_target", "When not measured as numbers."),
        ask("evidence.techniques_tried", "Space ticks. Nothing ticked = unknown."),
        ask("evidence.pilot_run"),
        ask("evidence.finetuned_quality_pct", "On the same eval set."),
        ask("evidence.finetuned_meets_target"),
    ),
)
