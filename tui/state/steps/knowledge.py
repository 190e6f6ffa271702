"""Knowledge or behaviour: RAG for what the model lacks, fine-tuning for how it behaves."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

KNOWLEDGE = StepSpec(
    key="knowledge",
    title="Knowledge or behaviour",
    why=(
        "The practical guide's rule: 'use RAG for knowledge, fine-tune for behaviour'. Facts "
        "the model lacks, above all facts that change, belong in retrieval — knowledge "
        "trained into a model goes stale. Fine-tuning earns its keep on behaviour: a "
        "consistent format or style, a voice too subtle to describe in a prompt, proprietary "
        "patterns."
    ),
    fields=(
        ask("use_case.knowledge_missing", "Documents, facts, internal data — not capability."),
        ask(
            "use_case.knowledge_changes",
            "Even if the model knows it today: new cases, products, prices. RAG keeps it current.",
        ),
        ask(
            "use_case.primarily_format_or_style",
            "The decision tree's format question. Unknown: read from the task type.",
        ),
        ask(
            "use_case.style_hard_to_specify", "A voice or style too subtle to describe in a prompt."
        ),
        ask(
            "use_case.proprietary_domain",
            "Internal code patterns, domain entities, in-house jargon.",
        ),
    ),
)
