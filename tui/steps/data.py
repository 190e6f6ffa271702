"""Data: the labelled examples and guide 001's data quality checklist."""

from __future__ import annotations

from ..form import FieldSpec
from .spec import StepSpec

DATA = StepSpec(
    key="data",
    title="Data",
    why=(
        "Fine-tuning learns from labelled examples: 000's flowchart asks for 1,000+ high-"
        "quality ones (question 2), 001's tree for 100+ (question 2), and high quality means "
        "passing 001's data quality checklist. 001's data table says what a set buys: 50–100 "
        "nudge format, 500–2,000 reach production quality."
    ),
    fields=(
        FieldSpec(
            "data.labelled_examples",
            "Labelled examples",
            "Input/output pairs you have now.",
            kind="count",
        ),
        FieldSpec(
            "data.label_accuracy_pct", "Labels correct, %", "Checklist: over 95%.", kind="percent"
        ),
        FieldSpec(
            "data.distribution_match",
            "Matches production?",
            "Training distribution = production's.",
            kind="answer",
        ),
        FieldSpec(
            "data.edge_case_share_pct", "Edge cases, %", "Checklist: 10–20%.", kind="percent"
        ),
        FieldSpec(
            "data.consistent_format",
            "One consistent format?",
            "Every example follows one input/output schema.",
            kind="answer",
        ),
        FieldSpec(
            "data.no_leakage",
            "Test set kept out of training?",
            "Checklist: no data leakage.",
            kind="answer",
        ),
        FieldSpec(
            "data.duplicate_share_pct",
            "Duplicates, %",
            "Checklist: no more than 5%.",
            kind="percent",
        ),
        FieldSpec(
            "data.synthetic_share_pct",
            "LLM-generated, %",
            "001: at least 50% human-made or human-verified.",
            kind="percent",
        ),
        FieldSpec(
            "data.held_out_eval_set",
            "20% held out for evaluation?",
            "001 'Insufficient eval set'; 003 Step 11.",
            kind="answer",
        ),
    ),
)
