"""Data: the labelled examples and guide 001's data quality checklist."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

DATA = StepSpec(
    key="data",
    title="Data",
    why=(
        "The labelled examples fine-tuning would learn from. The flowchart asks for 1,000+ "
        "high-quality ones, the decision tree for 100+, and 'high quality' means passing its "
        "data checklist (labels right, no duplicates, edge cases covered, test set kept "
        "apart). As the decision tree puts it, 50–100 examples nudge the format; 500–2,000 "
        "reach production quality."
    ),
    fields=(
        ask("data.labelled_examples", "Input/output pairs you have now."),
        ask("data.label_accuracy_pct", "Checklist: over 95%."),
        ask("data.distribution_match", "Training distribution = production's."),
        ask("data.edge_case_share_pct", "Checklist: 10–20%."),
        ask("data.consistent_format", "Every example follows one input/output schema."),
        ask("data.no_leakage", "Checklist: no data leakage."),
        ask("data.duplicate_share_pct", "Checklist: no more than 5%."),
        ask(
            "data.synthetic_share_pct",
            "The decision tree: at least 50% human-made or human-verified.",
        ),
        ask(
            "data.held_out_eval_set",
            "Examples never trained on, to measure the fine-tune against prompting.",
        ),
    ),
)
