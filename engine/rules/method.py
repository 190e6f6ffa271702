"""Which fine-tuning method, and a smaller model where the guides suggest one."""

from __future__ import annotations

from ..assessment import Assessment
from ..money import number
from .facts import Facts
from .practical_003 import LORA_MAX_PARAMS_B
from .verdict import Method

SMALL_MODEL = (
    "an ~8B model fine-tuned for the task (000: '70B → 8B with fine-tuning'; 001: 'fine-tune "
    "the smallest model that achieves target quality — not the cheapest')"
)
SMALLEST_HOSTED = (
    "the smallest model of the family that reaches the target (003 Step 13: 'Choose smallest "
    "model that might work'; 001: 'Wrong model size')"
)


def method_for(a: Assessment, f: Facts) -> tuple[Method | None, str, str | None]:
    m = f.base_model
    small = None
    if a.use_case.latency_critical == "yes":
        small = SMALL_MODEL
    if m is not None and m.open_weights and m.params_b is not None:
        if m.params_b <= LORA_MAX_PARAMS_B:
            return (
                "lora",
                (
                    f"{m.name} has {number(m.params_b)}B parameters: LoRA (003: 'for small models "
                    "(≤13B parameters)', ~90% cheaper than full; 000's PEFT table: LoRA r=16 keeps "
                    "98% of full quality at 15% of the training time)"
                ),
                small,
            )
        return (
            "qlora",
            (
                f"{m.name} has {number(m.params_b)}B parameters, above 003's ≤13B LoRA range: "
                "QLoRA (000's PEFT table: 4-bit, 10GB instead of 160GB, 97% of full quality), or "
                "a smaller model"
            ),
            SMALL_MODEL,
        )
    if m is not None and not m.open_weights:
        return (
            "hosted",
            f"{m.name} has closed weights: the provider's hosted fine-tuning",
            (small or SMALLEST_HOSTED),
        )
    if f.method is not None:
        return (
            f.method,
            "the method the cost inputs price (base model size unknown)",
            (small or SMALLEST_HOSTED),
        )
    return None, "base model unknown", small or SMALLEST_HOSTED
