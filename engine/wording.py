"""The reader's vocabulary, defined once: how every verdict, guide, framework, task type,
technique, method, confidence and wizard field is worded for people.

Machines keep the codes (`measure_first`, `litmus_002`, `custom_schema_extraction`); the
panel, notices, map strip, results, text, Markdown and compare read these words (a wizard
field's are its label in `engine.fields`). Pure data and small functions: no Textual, so
`engine`, `profiles` and `tui` can all read it.
"""

from __future__ import annotations

import re
import sys
from typing import NamedTuple

from .choices import METHODS as METHODS  # the choices' words live beside their codes
from .choices import TASKS as TASKS
from .choices import TECHNIQUES as TECHNIQUES

VERDICTS: dict[str, str] = {
    "prompting": "Prompt engineering",
    "rag": "RAG",
    "fine_tuning": "Fine-tune",
    "hybrid": "Fine-tune + RAG",
    "measure_first": "Measure first",
    # the frameworks that gate fine-tuning rather than choose (002, provider availability)
    "ready": "Ready to fine-tune",
    "not_ready": "Not ready to fine-tune",
    "open": "Fine-tuning available",
    "closed": "Fine-tuning closed",
    "unknown": "Undecided",
}
"""Each verdict and framework outcome, as the reader sees it (capitalised: it opens a line)."""


OUTCOMES: dict[str, str] = {
    "monthly_requests": "requests in the first month",
    "prompting_monthly": "prompting, monthly",
    "finetune_monthly": "fine-tuning, monthly",
    "prompting_upfront": "prompting, up front",
    "finetune_upfront": "fine-tuning, up front",
    "monthly_saving": "monthly saving",
    "break_even_months": "break-even",
    "horizon_months": "horizon",
    "prompting_total": "prompting, total at horizon",
    "finetune_total": "fine-tuning, total at horizon",
    "prompting_per_request": "prompting, per request",
    "finetune_per_request": "fine-tuning, per request",
}
"""Each outcome figure of a profile's result, in words (`diff`, a stale note)."""


OPTION_KINDS: dict[str, str] = {
    "prompting": "Prompting",
    "rag": "RAG",
    "fine_tuning": "Fine-tune",
    "routing": "Routing",
    "cascade": "Cascade",
}
"""Each kind of option as the reader sees it (the wizard's list, the reports, diff); JSON
keeps the code."""


def option_kind_words(kind: str, *, inline: bool = False) -> str:
    """`Fine-tune`, or `fine-tune` inside a sentence (`inline`); RAG stays RAG."""
    words = OPTION_KINDS.get(kind, kind.replace("_", " "))
    return words[:1].lower() + words[1:] if inline and words != "RAG" else words


def verdict_words(code: str) -> str:
    """`measure_first` → `Measure first`: the one wording of a verdict, everywhere (words
    already given pass through)."""
    if code in VERDICTS:
        return VERDICTS[code]
    if code in VERDICTS.values() or ("_" not in code and code[:1].isupper()):
        return code
    return code.replace("_", " ").capitalize()


def verdict_inline(code: str) -> str:
    """The verdict inside a sentence: `not ready to fine-tune`, `RAG`."""
    words = verdict_words(code)
    return words if words[:3] == "RAG" else words[:1].lower() + words[1:]


class Guide(NamedTuple):
    """One of the four published guides in `shared/sources/`."""

    number: str
    short: str
    """What the guide's framework is called in a sentence: `Litmus test`."""
    title: str
    date: str
    file: str
    """The file name: for a source note only, never the running text."""

    @property
    def label(self) -> str:
        """`Litmus test (guide 002)`."""
        return f"{self.short} (guide {self.number})"

    @property
    def cite(self) -> str:
        """`Guide 002 (Cost-effective LLM implementation: …, September 2025)`."""
        return f"Guide {self.number} ({self.title}, {self.date})"


GUIDES: dict[str, Guide] = {
    g.number: g
    for g in (
        Guide(
            "000",
            "Flowchart",
            "Fine-tuning vs prompt engineering: a cost-benefit analysis",
            "2025; the copy is untitled, named here from its introduction",
            "000_259747e0270a6b2b.txt",
        ),
        Guide(
            "001",
            "Decision tree",
            "Fine-Tuning vs Prompt Engineering — The Decision Framework with Cost Breakpoints",
            "2025",
            "001_61ef1be1cd020f29.txt",
        ),
        Guide(
            "002",
            "Litmus test",
            "Cost-effective LLM implementation: when to fine-tune and when to prompt",
            "September 2025",
            "002_1e6951cf526eeea2.txt",
        ),
        Guide(
            "003",
            "Practical guide",
            "Fine-Tuning vs Prompt Engineering: Practical Decision Guide",
            "22 November 2025",
            "003_521bd7f750ca3b05.txt",
        ),
    )
}

FRAMEWORKS: dict[str, str] = {
    "flowchart_000": GUIDES["000"].label,
    "decision_tree_001": GUIDES["001"].label,
    "litmus_002": GUIDES["002"].label,
    "practical_003": GUIDES["003"].label,
    "providers": "Provider availability",
    "recommend": "tunewise",
}
"""Each framework id → its short label: `Litmus test (guide 002)`."""


def framework_words(framework_id: str) -> str:
    """A framework's label: the registry's (a registered framework names itself), else this
    table's (`recommend`, ids of frameworks saved by an older version). The registry is read
    only once loaded, not imported: it imports this module, and before it loads no
    framework has run to be named."""
    registry = sys.modules.get("engine.rules.registry")
    spec = registry.framework(framework_id) if registry is not None else None
    if spec is not None:
        label: str = spec.label
        return label
    return FRAMEWORKS.get(framework_id, framework_id.replace("_", " "))


def framework_list(ids: list[str]) -> str:
    """`the flowchart (guide 000) and the decision tree (guide 001)`, for a sentence."""
    names = [framework_words(i) for i in ids]
    names = [n[:1].lower() + n[1:] if n[:1].isupper() and " (guide" in n else n for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


CONFIDENCE: dict[str, str] = {
    "high": "high confidence",
    "medium": "medium confidence",
    "low": "low confidence",
}


def task_words(code: str) -> str:
    return TASKS.get(code, code.replace("_", " "))


def technique_list(codes: list[str] | tuple[str, ...]) -> str:
    return ", ".join(TECHNIQUES.get(c, c.replace("_", " ")) for c in codes)


def method_words(code: str) -> str:
    return METHODS.get(code, code.replace("_", " "))


def confidence_words(code: str) -> str:
    return CONFIDENCE.get(code, f"{code} confidence" if code else "")


# -- the wizard's fields: where an answer is typed ------------------------------------------

CHECKLIST_FIELDS: dict[str, str] = {
    "label_accuracy": "data.label_accuracy_pct",
    "distribution_match": "data.distribution_match",
    "edge_cases": "data.edge_case_share_pct",
    "consistent_format": "data.consistent_format",
    "no_leakage": "data.no_leakage",
    "diverse": "data.duplicate_share_pct",
}
"""Guide 001's data quality checklist rows → the field that answers each."""


def field_words(path: str) -> str:
    """`data.duplicate_share_pct` → `Data → Duplicates, %`: where the wizard asks the answer a
    rule names (its step and label, from the field registry `engine.fields`)."""
    from .fields import FIELDS  # the registry words its choices with this module's tables

    field = FIELDS.get(path)
    if field is None or not field.step:
        return path
    return f"{field.step} → {field.label}"


# -- a last pass over texts the rules build ---------------------------------------------------

_FILE = re.compile(r"\b(00[0-3])_[0-9a-f]{16}\.txt\b")
_CODE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


_CITED = re.compile(r"(?<![\w.,$/-])(?<!guide )(00[0-3])\b(?!_)(?: (Step|Pattern)(?= \d))?")
"""A guide cited by number in a rule's text: `(003: 'Start with…')`, `003 Step 13`, `001's`."""


def _cited(m: re.Match[str]) -> str:
    name = GUIDES[m.group(1)].short.lower()
    return f"{name}, {m.group(2).lower()}" if m.group(2) else name


def plain(text: str) -> str:
    """Codes in a rule's text turned into words: a guide file name becomes `guide 002`, a guide
    cited by number its name (`003 Step 13` → `practical guide, step 13`), a framework id its
    label, a verdict, task type or technique code its words. Texts written in words pass
    through unchanged."""
    text = _FILE.sub(lambda m: f"guide {m.group(1)}", text)
    text = _CITED.sub(_cited, text)

    def word(m: re.Match[str]) -> str:
        code = m.group(0)
        for table in (FRAMEWORKS, TASKS, TECHNIQUES):
            if code in table:
                return table[code]
        if code in VERDICTS:
            return verdict_inline(code)
        return code

    return _CODE.sub(word, text)


def sentence(text: str) -> str:
    """`plain(text)` opening with a capital, for a line of its own."""
    words = plain(text)
    return words[:1].upper() + words[1:]


_OPENING = re.compile(r"^([a-z_]+): ")


def reason_words(framework: str, text: str) -> str:
    """A rule's reason as the reader sees it: `[litmus_002] not_ready: …` becomes
    `Litmus test (guide 002): not ready to fine-tune — …`; the consolidation's own reasons
    read as they are. (The stored text keeps its `verdict: ` opening, a code for machines.)"""
    opened = _OPENING.match(text)
    if opened and opened.group(1) in VERDICTS:
        rest = text[opened.end() :]
        if rest.startswith("undecided — "):
            body = f"undecided — {rest.removeprefix('undecided — ')}"
        else:
            body = f"{verdict_inline(opened.group(1))} — {rest}"
    else:
        body = text
    body = plain(body)
    if framework == "recommend":
        return body[:1].upper() + body[1:]
    return f"{framework_words(framework)}: {body}"
