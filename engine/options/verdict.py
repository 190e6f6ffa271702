"""Which option implements the rules' verdict, or which option to add when none does."""

from __future__ import annotations

from ..money import usd
from ..result import OptionOutcome, OptionPick, OptionsComparison

KINDS = {
    "prompting": (("prompting",),),
    "rag": (("rag",),),
    "fine_tuning": (("fine_tuning",),),
    "hybrid": (("rag_on_fine_tuning",), ("routing", "cascade")),
}
"""The option kinds that implement each verdict, most fitting first: the rules' hybrid is a
fine-tune with RAG (`rag_on_fine_tuning`: a RAG option whose generator is fine-tuned), then
routing and cascades (`measure_first` names none)."""

TEMPLATES = {
    "rag": (
        "Add a RAG option, to cost retrieval against the baseline: the documents and their "
        "tokens, an embedding model, the vector store's monthly bill and the tokens retrieved "
        "per request",
        'In the profile: an [options.NAME] table with kind = "rag"',
    ),
    "fine_tuning": (
        "Add a fine-tuning option, hosted or LoRA on your GPUs, to cost the fine-tune against "
        "the baseline",
        "In the profile: an [options.NAME] table of the fine-tuning kind, or the profile's own "
        "fine-tuning table",
    ),
    "hybrid": (
        "Add a hybrid option, to cost the hybrid against the baseline: RAG on a fine-tuned "
        "model, or a routing or cascade option that sends a share of requests to a fine-tuned "
        "model and the rest to a frontier model",
        'In the profile: an [options.NAME] table with kind = "rag" (its generator a '
        'fine-tuning option), "routing" or "cascade"',
    ),
}
"""The next step when no option implements the verdict, by verdict: in words, then how the
profile writes it (a how-to line)."""


def _rank(o: OptionOutcome) -> tuple[int, object]:
    total = o.total_at_horizon_usd
    return (0, total) if total is not None else (1, o.id)


def _kind(o: OptionOutcome, kinds: dict[str, str]) -> str:
    if o.kind == "rag" and any(kinds.get(p) == "fine_tuning" for p in o.parts):
        return "rag_on_fine_tuning"
    return o.kind


def pick_option(verdict: str, comparison: OptionsComparison) -> OptionPick:
    """The cheapest option at the horizon of the kinds that best implement `verdict`."""
    tiers = KINDS.get(verdict, ())
    every = (comparison.baseline, *comparison.options)
    kinds = {o.id: o.kind for o in every}
    matching: list[OptionOutcome] = []
    for tier in tiers:
        matching = sorted((o for o in every if _kind(o, kinds) in tier), key=_rank)
        if matching:
            break
    if not tiers:
        return OptionPick.model_construct(verdict=verdict, option=None, note="")
    if not matching:
        step, how = TEMPLATES[verdict]
        return OptionPick.model_construct(verdict=verdict, option=None, note=step, how=how)
    best = matching[0]
    total = best.total_at_horizon_usd
    cost = (
        f"{usd(total)} in total at {comparison.horizon_months} months"
        if total is not None
        else "its total is unknown until its upfront cost is"
    )
    return OptionPick.model_construct(verdict=verdict, option=best.id, note=f"{best.name}: {cost}")
