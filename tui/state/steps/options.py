"""The options step: other models, RAG, fine-tunes and hybrids, each costed against the
baseline (its questions come and go with the options: `tui/state/options.py`)."""

from __future__ import annotations

from .spec import StepSpec

OPTIONS = StepSpec(
    key="options",
    title="Options",
    why=(
        "Other ways to do the job, each costed against prompting as set in Models and prices. "
        "The practical guide's hybrid patterns: 'Route simple queries to prompted smaller "
        "models and complex queries to fine-tuned larger models', or RAG plus fine-tuning. "
        "Results ranks the options."
    ),
    fields=(),
)
