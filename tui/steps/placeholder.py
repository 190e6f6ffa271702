"""The flowchart steps whose answers arrive with the decision rules: labelled placeholders."""

from __future__ import annotations

from ..form import FieldSpec
from .base import Step


class UseCaseStep(Step):
    KEY = "use-case"
    TITLE = "Use case"
    SHORT = "use case"
    WHY = (
        "Fine-tuning is worth it for three kinds of problem: a critical accuracy gap, a style "
        "to replicate, or scale (guide 003, 'three valid use cases'). Name the assessment so "
        "the saved profile says what it is about."
    )
    FIELDS = (
        FieldSpec("profile.name", "Name of this assessment", kind="text", placeholder="required"),
        FieldSpec(
            "profile.notes",
            "Notes",
            "Context for whoever reads the profile later.",
            kind="notes",
            placeholder="optional",
        ),
    )
    PENDING = (
        "Which kind of problem is it: accuracy gap, style, scale, or none of these?",
        "How critical is a wrong answer?",
    )


class EvidenceStep(Step):
    KEY = "evidence"
    TITLE = "Prompting evidence"
    SHORT = "evidence"
    WHY = (
        "Have you exhausted prompting, and have you measured the gap fine-tuning should close? "
        "(guide 002, the three-question litmus test; guide 001, decision tree)"
    )
    PENDING = (
        "Which prompting techniques were tried (few-shot, chain of thought, RAG)?",
        "Measured quality with prompting, and the quality needed.",
    )


class KnowledgeStep(Step):
    KEY = "knowledge"
    TITLE = "Knowledge or behaviour"
    SHORT = "knowledge"
    WHY = (
        "Missing knowledge is a retrieval problem; a behaviour or format the model will not "
        "follow is a fine-tuning problem (guide 000, flowchart; guide 001, decision tree)."
    )
    PENDING = (
        "Does the model lack facts (use RAG) or a behaviour (fine-tune)?",
        "How often does the knowledge change?",
    )


class DataStep(Step):
    KEY = "data"
    TITLE = "Data"
    SHORT = "data"
    WHY = (
        "Fine-tuning needs enough clean, labelled examples: hundreds for style, thousands for "
        "accuracy (guide 001, data requirements and data quality checklist)."
    )
    PENDING = (
        "How many labelled examples do you have, and how were they checked?",
        "Can you keep them up to date?",
    )


class TeamStep(Step):
    KEY = "team"
    TITLE = "Team readiness"
    SHORT = "team"
    WHY = (
        "A fine-tuned model is a system to evaluate, retrain and monitor: do you have the "
        "operational maturity? (guide 002, litmus question 3; guide 003, hidden costs)"
    )
    PENDING = (
        "Who owns evaluation, retraining and monitoring?",
        "Have you shipped and maintained an ML model before?",
    )
