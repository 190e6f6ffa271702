"""Knowledge or behaviour: RAG for what the model lacks, fine-tuning for how it behaves."""

from __future__ import annotations

from ..form import ask
from .spec import StepSpec

KNOWLEDGE = StepSpec(
    key="knowledge",
    title="Knowledge or behaviour",
    why=(
        "'Use RAG for knowledge, fine-tune for behaviour' (003 Step 4): facts the model "
        "lacks, above all ones that change, belong in retrieval — fine-tuned knowledge goes "
        "stale (003 Examples 3 and 5). Behaviour is where fine-tuning earns its keep: format "
        "or style (001 question 4), a style impossible to specify (003 Step 7), proprietary "
        "patterns (001's task table; 003 Example 2)."
    ),
    fields=(
        ask("use_case.knowledge_missing", "Documents, facts, internal data — not capability."),
        ask("use_case.knowledge_changes", "New cases, products, prices: RAG keeps it current."),
        ask(
            "use_case.primarily_format_or_style",
            "001 question 4. Unknown: read from the task type.",
        ),
        ask("use_case.style_hard_to_specify", "Idiosyncratic patterns (003 style replication)."),
        ask("use_case.proprietary_domain", "Internal code patterns, domain entities (001, 003)."),
    ),
)
