"""The report's sentences: the summary paragraph, the payback and cost facts, a next step
and a price's role in words (shared by every renderer, the results screen and `show`)."""

from __future__ import annotations

import re
from decimal import Decimal

from engine.money import months as month_words
from engine.money import number, tenths, usd
from engine.result import CostResult, OptionOutcome, OptionPick, OptionsComparison
from engine.rules.verdict import NextStep, Recommendation
from engine.wording import (
    VERDICTS,
    confidence_words,
    field_words,
    plain,
    reason_words,
    verdict_words,
)

from .document import HowSure, Money


def months_text(months: Decimal | None, reason: str | None = None) -> str:
    """`9.6 months`, `never`, or `unknown` when an unknown cost leaves it open (`reason`)."""
    if months is not None:
        return month_words(months)
    return "never" if reason in (None, "never") else "unknown"


def payback_words(result: CostResult) -> str:
    """Break-even against the horizon, in words: `does not pay back within the 24-month
    horizon (it would take 193 months)`, `9.6 months, within the 24-month horizon`, `never`."""
    months, horizon = result.break_even_months, result.horizon_months
    if months is None:
        if result.break_even_reason in (None, "never"):
            return "never pays back"
        return "unknown"
    if months > horizon:
        return (
            f"does not pay back within the {horizon}-month horizon "
            f"(it would take {number(months, places=0)} months)"
        )
    return f"{month_words(months, singular=True)}, within the {horizon}-month horizon"


def cost_fact(result: CostResult) -> str:
    """The cost fact that weighs most, as a sentence: dearer every month, paying back after
    the horizon, unknown, or paying back within it."""
    pe, ft = result.prompting.monthly_usd, result.finetune.monthly_usd
    horizon = result.horizon_months
    months = result.break_even_months
    if ft > pe:
        return (
            f"Fine-tuning costs more each month than prompting ({usd(ft)} against {usd(pe)}, "
            f"{usd(ft - pe)} more), so it never pays back its upfront cost."
        )
    if months is None and result.break_even_reason not in (None, "never"):
        return (
            f"Fine-tuning would save {usd(pe - ft)} a month ({usd(ft)} against {usd(pe)}), "
            "but whether it pays back is unknown until its upfront cost is known."
        )
    if months is None:
        return (
            f"Fine-tuning saves nothing a month ({usd(ft)} against {usd(pe)}), so it never "
            "pays back."
        )
    if months > horizon:
        return (
            f"Fine-tuning saves {usd(pe - ft)} a month but does not pay back within the "
            f"{horizon}-month horizon (it would take {number(months, places=0)} months)."
        )
    return (
        f"Fine-tuning saves {usd(pe - ft)} a month ({usd(ft)} against {usd(pe)}) and pays "
        f"back in {month_words(months, singular=True)}, within the {horizon}-month horizon."
    )


def _late(months: Decimal, horizon: int) -> str:
    return f"the {horizon}-month horizon (it would take {number(months, places=0)} months)"


def option_fact(o: OptionOutcome, baseline: OptionOutcome, horizon: int) -> str:
    """`o`'s cost against the baseline as a sentence, as `cost_fact` words the fine-tuning
    path: its monthly bill, its upfront cost and when (or whether) it pays back."""
    m, b, up = o.costs.monthly_usd, baseline.costs.monthly_usd, o.costs.upfront_usd
    months = o.break_even_months
    head = f"{o.name} costs {usd(m)} a month against {usd(b)} on the baseline"
    upfront = "its upfront cost" if up is None else f"its {usd(up)} up front"
    if o.id == "baseline":
        return f"The baseline, {o.name}, costs {usd(b)} a month and nothing up front."
    if m > b:
        if up is not None and up <= 0:
            return f"{head} ({usd(m - b)} more), so it never pays back: it costs more every month."
        return f"{head} ({usd(m - b)} more), so it never pays back {upfront}."
    if months is None and o.break_even_reason not in (None, "never"):
        return (
            f"{head} ({usd(b - m)} less), but whether it pays back is unknown until its "
            "upfront cost is known."
        )
    if months is None:
        return f"{head}: it saves nothing a month, so it never pays back {upfront}."
    if months == 0:
        return f"{head} ({usd(b - m)} less) and no more up front: it pays back at once."
    if months > horizon:
        return (
            f"{head} ({usd(b - m)} less) but does not pay back {upfront} within "
            f"{_late(months, horizon)}."
        )
    return (
        f"{head} ({usd(b - m)} less) and pays back {upfront} in "
        f"{month_words(months, singular=True)}, within the {horizon}-month horizon."
    )


def picked(options: OptionsComparison | None, pick: OptionPick | None) -> OptionOutcome | None:
    """The option that implements the verdict, when the profile names options beyond its own
    two paths and one of them (or the baseline) is not the plain fine-tuning path: the
    summary and the recommendation then speak of its cost. None keeps the two-path words."""
    if options is None or pick is None or not options.explicit or pick.option is None:
        return None
    if pick.option == "fine_tuning":
        return None
    every = (options.baseline, *options.options)
    return next((o for o in every if o.id == pick.option), None)


def option_step(pick: OptionPick | None) -> str | None:
    """The next step when no option implements the verdict: which option to add, in words,
    then how the profile writes it."""
    if pick is None or pick.option is not None or not pick.note:
        return None
    return f"{pick.note}. {pick.how}." if pick.how else f"{pick.note}."


def step_words(s: NextStep) -> str:
    """A next step as the reader acts on it: where to answer, then what."""
    where = f"fill in {field_words(s.field)}" if s.field else ""
    if s.step is None:
        head = f"{s.title}: {s.text}"
    else:
        head = f"{s.title} (guide 003, step {s.step}): {s.text}"
    head = plain(head)
    return f"{head} — {where}" if where else head


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text[-1:] in ".?!" else text + "."


def _next_words(s: NextStep) -> str:
    """The one thing to do next, short: the field to fill in, or the guide step."""
    if s.field and s.step is None:
        return f"fill in {field_words(s.field)} ({plain(s.text).rstrip('?')}?)"
    first = plain(s.text).split(" — ")[0]
    where = f"; then fill in {field_words(s.field)}" if s.field else ""
    step = "" if s.step is None else f" (guide 003, step {s.step})"
    return f"{_sentence_case(s.title)}{step} — {first}{where}"


SUPPORTS = {
    "fine_tuning": frozenset({"fine_tuning", "hybrid", "ready"}),
    "hybrid": frozenset({"fine_tuning", "hybrid", "ready"}),
    "prompting": frozenset({"prompting", "rag"}),
    "rag": frozenset({"prompting", "rag"}),
    "measure_first": frozenset({"not_ready"}),
}
"""The framework outcomes that argue for each consolidated verdict."""


def _decisive(rec: Recommendation) -> str | None:
    """The reason that decides, when one does: the consolidation's own, or a framework's
    that argues for the verdict (never an undecided one, nor provider availability, which
    only warns)."""
    for r in rec.reasons:
        if r.framework == "providers" or "undecided" in r.text:
            continue
        if r.text.startswith(("no framework can decide", "task table")):
            continue
        opened = r.text.split(": ", 1)[0]
        if opened in VERDICTS and opened not in SUPPORTS.get(rec.verdict, ()):
            continue
        words = reason_words(r.framework, r.text)
        head = " — ".join(words.split(" — ")[:2])
        return head if len(head) <= 240 else head[:239].rsplit(" ", 1)[0] + "…"
    return None


def _unbracketed(text: str) -> str:
    """`text` without its bracketed groups (sources, nested or not): Why cites them."""
    out, depth = [], 0
    for ch in text:
        depth += ch == "("
        if depth == 0:
            out.append(ch)
        depth -= ch == ")" and depth > 0
    return re.sub(r" +([,;.])", r"\1", "".join(out)).replace("  ", " ").strip()


def _closed(rec: Recommendation) -> str | None:
    """Provider availability's words when fine-tuning is closed where it would be built, short
    (its sources and the existing customers' deadline left to Why): a meeting should not
    miss it behind a cost that pays back."""
    for fw in rec.frameworks:
        if fw.id == "providers" and fw.verdict == "closed":
            clauses = _unbracketed(fw.says).split("; ")
            return "; ".join(c for c in clauses if not c.startswith("existing customers"))
    return None


def _sentence_case(title: str) -> str:
    """`Evaluate RAG if Applicable` → `evaluate RAG if applicable` (acronyms kept)."""
    return " ".join(w if w[1:2].isupper() else w.lower() for w in title.split(" "))


def summary_paragraph(
    result: CostResult,
    rec: Recommendation | None,
    *,
    verdict: bool = True,
    options: OptionsComparison | None = None,
    pick: OptionPick | None = None,
) -> str:
    """The paragraph on top: the verdict, the facts that decide it (the reason that decides,
    the cost, the evidence missing) and the one thing to do next, in plain words. The
    results screen leaves the verdict out (`verdict=False`): its card just above says it.

    With `options` and the verdict's `pick`, the cost fact is the implementing option's
    (`option_fact`), and when no option implements the verdict the next thing to do is to
    add one."""
    parts: list[str] = []
    if rec is not None and verdict:
        parts.append(f"{verdict_words(rec.verdict)} ({confidence_words(rec.confidence)}).")
    if rec is not None:
        decisive = _decisive(rec)
        if decisive:
            parts.append(_sentence(f"Why: {decisive}"))
    chosen = picked(options, pick)
    if chosen is not None and options is not None:
        parts.append(option_fact(chosen, options.baseline, options.horizon_months))
    else:
        parts.append(cost_fact(result))
    closed = _closed(rec) if rec is not None and rec.verdict not in ("prompting", "rag") else None
    if closed:
        parts.append(_sentence(f"Availability: {closed}"))
    adding = options is not None and options.explicit and option_step(pick) is not None
    if rec is not None:
        missing = [field_words(s.field) for s in rec.next_steps if s.step is None and s.field]
        missing = list(dict.fromkeys(missing))
        if rec.verdict == "measure_first" and missing:
            more = f"; and {len(missing) - 3} more" if len(missing) > 3 else ""
            parts.append(_sentence(f"Evidence missing: {'; '.join(missing[:3])}{more}"))
        if adding and pick is not None:
            parts.append(_sentence(f"Next: {pick.note[:1].lower()}{pick.note[1:]}"))
        elif rec.next_steps:
            parts.append(_sentence(f"Next: {_next_words(rec.next_steps[0])}"))
    return " ".join(parts)


def basis_lines(result: CostResult) -> list[str]:
    """What the figures rest on besides prices: bills typed directly (`Prompting: given:
    $1,500 a month; does not follow volume`) and the costs the answers leave unknown."""
    lines = [
        f"{path}: {costs.given}"
        for path, costs in (("Prompting", result.prompting), ("Fine-tuning", result.finetune))
        if costs.given
    ]
    lines += [f"Unknown {u.message}" for u in result.unknowns]
    return lines


_PATH = re.compile(r"\(([a-z_][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)\)")
_PART = {"fine_tuning": "fine-tuning", "usd": "$", "mtok": "1M tokens", "gpu": "GPU"}


def source_words(cite: str) -> str:
    """A price's source with the answer it was given in named in words: `given in the profile
    (fine-tuning → training → $ per GPU hour)`, not the dotted key (JSON keeps the quote)."""

    def words(m: re.Match[str]) -> str:
        path = m.group(1)
        if path.startswith("options.") and path.count(".") >= 2:
            path = path.split(".", 2)[2]  # listed under the option's name
        if "_" not in path:
            return f"({path})"
        label = field_words(path)
        if label != path:
            return f"({label})"
        parts = (
            " ".join(_PART.get(w, w) for w in part.split("_"))
            if part != "fine_tuning"
            else _PART[part]
            for part in path.split(".")
        )
        return "(" + " → ".join(parts) + ")"

    return _PATH.sub(words, cite)


def money_or_unknown(amount: Decimal | None) -> str:
    """`$12,000`, or `unknown` for a cost the answers leave unknown (never `$0`)."""
    return "unknown" if amount is None else usd(amount)


SOURCES_HEADING = "Sources"
"""The source note: the only place a guide's file name appears."""

ROLES = {
    "prompting.input": "Prompting, input",
    "prompting.cached_input": "Prompting, cached",
    "prompting.cache_write": "Prompting, cache write",
    "prompting.output": "Prompting, output",
    "fine_tuned.input": "Fine-tuned, input",
    "fine_tuned.cached_input": "Fine-tuned, cached",
    "fine_tuned.cache_write": "Fine-tuned, cache write",
    "fine_tuned.output": "Fine-tuned, output",
    "training.per_mtok": "Training",
    "training.min_charge": "Training, minimum",
    "training.hour": "Training hour",
    "grader.input": "Grader, input",
    "grader.output": "Grader, output",
    "training_gpu.hour": "Training GPU",
    "serving_gpu.hour": "Serving GPU",
    "hosting.hour": "Hosting",
    "embedding": "Embedding",
}
"""A price's role (`fine_tuned.input`, the JSON's code) in words."""


def role_words(role: str) -> str:
    return ROLES.get(role, role.replace("_", " ").replace(".", ", "))


def sampled_months(value: float | None) -> str:
    """A simulated break-even in months, `never` when it does not pay back."""
    return tenths(value)


def sampled_value(value: float) -> str:
    """A ranged answer's low or high, to four places at most."""
    return number(Decimal(repr(round(value, 4))), places=4)


def money(cell: Money) -> str:
    """A report cell's amount, or what stands for it when the answers leave it unknown."""
    return cell.absent if cell.amount is None else usd(cell.amount)


def how_sure_head(s: HowSure, scenario: str) -> str:
    """`(10,000 samples, seed 0, pert, scenario high)`: how the simulation ran."""
    return f"({s.samples:,} samples, seed {s.seed}, {s.shape}{scenario})"
