"""The codes a choice answer may take, as `Literal` types: defined once, here.

The engine's models annotate their fields with these (`engine.assessment`, `engine.inputs`)
and the field registry (`engine.fields`) offers them as the wizard's choices with
`typing.get_args`. Beside them, how the reader sees each code (`engine.wording` hands these
on). Pure typing and data, no pydantic: the wizard's first screen reads them.
"""

from __future__ import annotations

from typing import Literal

Answer = Literal["yes", "no", "unknown"]
"""A yes/no answer that may honestly be unknown."""

TaskType = Literal[
    "sentiment_classification",
    "multi_label_classification",
    "standard_ner",
    "custom_schema_extraction",
    "summarization",
    "code_generation",
    "style_transfer",
    "structured_output",
    "translation",
    "reasoning",
    "question_answering",
    "chat",
    "other",
    "unknown",
]
"""Guide 001's task-type table (sentiment … reasoning/analysis), plus question answering and
chat (guide 003's worked examples) and `other`."""

Technique = Literal[
    "basic",
    "few_shot",
    "chain_of_thought",
    "structured_outputs",
    "prompt_chaining",
    "rag",
    "human_in_the_loop",
]
"""Prompting techniques of guide 003's Steps 2–5 and 'Test Structured Outputs First'."""

Level = Literal["low", "medium", "high", "unknown"]

Method = Literal["hosted", "lora", "qlora", "full"]
"""How the model is fine-tuned: a provider's API, or on rented GPUs."""

ServingKind = Literal["per_token", "base_plus_hourly", "self_hosted"]
"""How a fine-tuned model's serving is priced: the `kind` of each serving model."""

TASKS: dict[str, str] = {
    "sentiment_classification": "classification (sentiment)",
    "multi_label_classification": "classification (multi-label)",
    "standard_ner": "entity extraction (standard NER)",
    "custom_schema_extraction": "entity extraction (custom schema)",
    "summarization": "summarization",
    "code_generation": "code generation",
    "style_transfer": "style transfer (brand voice)",
    "structured_output": "structured output (JSON schema)",
    "translation": "translation",
    "reasoning": "reasoning / analysis",
    "question_answering": "question answering",
    "chat": "chat",
    "other": "other",
    "unknown": "unknown",
}
"""Task types as the wizard's Task type choices word them."""

TECHNIQUES: dict[str, str] = {
    "basic": "basic prompting",
    "few_shot": "few-shot examples",
    "chain_of_thought": "chain of thought",
    "structured_outputs": "structured outputs / JSON mode",
    "prompt_chaining": "prompt chaining",
    "rag": "RAG",
    "human_in_the_loop": "human in the loop",
}

METHODS: dict[str, str] = {
    "hosted": "hosted fine-tuning",
    "lora": "LoRA",
    "qlora": "QLoRA",
    "full": "full fine-tuning",
}
