"""Prompting evidence: what was tried and measured (guide 003 Steps 2–6; 002 questions 1–2)."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

TECHNIQUES = (
    ("Basic prompting", "basic"),
    ("Few-shot examples", "few_shot"),
    ("Chain of thought", "chain_of_thought"),
    ("Structured outputs / JSON mode", "structured_outputs"),
    ("Prompt chaining", "prompt_chaining"),
    ("RAG", "rag"),
    ("Human in the loop", "human_in_the_loop"),
)
"""Guide 003's Steps 2–5 and 'Test Structured Outputs First'."""


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
        FieldSpec(
            "evidence.target_quality_pct",
            "Quality needed, %",
            "003 Step 1's success criterion, e.g. 95.",
            kind="percent",
        ),
        FieldSpec(
            "evidence.prompting_quality_pct",
            "Best prompting quality, %",
            "Measured on your eval set.",
            kind="percent",
        ),
        FieldSpec(
            "evidence.prompting_meets_target",
            "Prompting meets the target?",
            "When not measured as numbers.",
            kind="answer",
        ),
        FieldSpec(
            "evidence.techniques_tried",
            "Prompting techniques tried",
            "Space ticks. Nothing ticked = unknown.",
            kind="multi",
            choices=TECHNIQUES,
        ),
        FieldSpec("evidence.pilot_run", "Fine-tuned pilot run?", kind="answer"),
        FieldSpec(
            "evidence.finetuned_quality_pct",
            "Pilot's quality, %",
            "On the same eval set.",
            kind="percent",
        ),
        FieldSpec("evidence.finetuned_meets_target", "Pilot meets the target?", kind="answer"),
    ),
)
