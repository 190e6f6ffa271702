"""Each option priced into a `PathCosts`, with the time effects its curve follows.

A prompting or fine-tuning option is priced exactly as the profile's own paths are: the
catalog resolves a price book for it and `engine.costs` itemises it. RAG adds retrieval to a
generator priced with the retrieved tokens; a hybrid combines the options it is built from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from ..breakeven import Timeline, monthly_price_factor, timeline
from ..checks import cost_warnings
from ..costs import finetune_costs, prompting_costs
from ..errors import InputError
from ..inputs import CostInputs, FineTuningPath, HostedTraining, PromptingPath, Workload
from ..money import ZERO
from ..pricebook import PriceBook, Quote, price_rows
from ..result import CostWarning, PathCosts
from .embedding import embedding_quote
from .hybrid import cascade, routing
from .inputs import (
    BASELINE,
    FINE_TUNING,
    CascadeOption,
    FineTuningOption,
    Option,
    PromptingOption,
    RagOption,
    RoutingOption,
    references,
)
from .ledger import with_extras
from .priced import Priced as Priced  # what `cost_options` returns
from .retrieval import with_retrieval

if TYPE_CHECKING:
    from ..catalog import Catalog

PLACEHOLDER_PROMPTING = PromptingPath(cost_per_request_usd=ZERO)
PLACEHOLDER_FINE_TUNING = FineTuningPath(serving_cost_per_request_usd=ZERO, upfront_usd=ZERO)
"""Stand-ins for the path an option does not have, so the catalog resolves only its own (and
no warning speaks of a fine-tune a prompting option does not build)."""

_P = TypeVar("_P", PromptingPath, FineTuningPath)


@dataclass
class _Pricer:
    inputs: CostInputs
    options: Mapping[str, Option]
    catalog: Callable[[], Catalog]
    """Loads the catalog on first use: an option whose snapshot fits needs none."""
    labelled_examples: int | None
    done: dict[str, Priced]
    stored: Mapping[str, PriceBook]
    """Each option's price snapshot from the profile, used while it fits the option."""
    found: list[CostWarning] = field(default_factory=list)
    """Warnings of the paths priced so far; each option takes its own off the end."""
    quotes: list[tuple[str, Quote]] = field(default_factory=list)
    """Prices of the paths priced so far, by role; each option takes its own off the end."""
    books: dict[str, PriceBook] = field(default_factory=dict)
    """The price book each option was costed at: its snapshot to save."""

    @property
    def plain(self) -> Timeline:
        return Timeline(monthly_price_factor(self.inputs.workload.api_price_decline_per_year))

    def get(self, key: str, seen: tuple[str, ...] = ()) -> Priced:
        if key in self.done:
            return self.done[key]
        if key in seen:
            raise InputError(f"options.{key}", "an option cannot be built from itself")
        if key not in self.options:
            raise InputError(f"options.{seen[-1]}", f"no option {key!r} to build from")
        option = self.options[key]
        start, quoted = len(self.found), len(self.quotes)
        try:
            costs, time = self._price(key, option, (*seen, key))
        except InputError as exc:
            if exc.field.startswith("options."):
                raise
            _, _, rest = exc.field.partition(".")
            raise InputError(f"options.{key}.{rest}", exc.message) from None
        costs = with_extras(costs, self.inputs.workload.monthly_requests, option)
        own = [_at(w, key) for w in self.found[start:]]
        del self.found[start:]
        prices = tuple((role, _own(q, key)) for role, q in self.quotes[quoted:])
        del self.quotes[quoted:]
        parts = references(option)
        # a RAG option prices its generator's path itself: its part may not be priced yet
        every = {w.message: w for p in parts for w in self.get(p, (*seen, key)).warnings} | {
            w.message: w for w in own
        }
        self.done[key] = Priced(
            key, option.name, option.kind, costs, time, parts, tuple(every.values()), prices,
            self.books.get(key),
        )  # fmt: skip
        return self.done[key]

    def _price(self, key: str, option: Option, seen: tuple[str, ...]) -> tuple[PathCosts, Timeline]:
        w = self.inputs.workload
        if isinstance(option, PromptingOption):
            path = _path(option, PromptingPath)
            return self._prompting(key, path, _tokens(w, option)), self.plain
        if isinstance(option, FineTuningOption):
            return self._fine_tuning(key, _path(option, FineTuningPath), w)
        if isinstance(option, RagOption):
            return self._rag(key, option, seen)
        first, second = self.get(option.first, seen), self.get(option.second, seen)
        if isinstance(option, RoutingOption):
            return routing(first, second, option, w.monthly_requests), self.plain
        assert isinstance(option, CascadeOption)
        return cascade(first, second, option, w.monthly_requests), self.plain

    def _book(self, key: str, sub: CostInputs) -> PriceBook:
        """The option's stored snapshot while it fits the answers, else the catalog's."""
        from ..catalog.fit import stored_book_fits

        stored = self.stored.get(key)
        if stored is not None and stored_book_fits(sub.prompting, sub.fine_tuning, stored):
            book = stored.model_copy(update={"embedding": None, "embedding_model": None})
        else:
            book = self.catalog().resolve(sub)
        self.books[key] = book
        return book

    def _prompting(self, key: str, path: PromptingPath, w: Workload) -> PathCosts:
        sub = self.inputs.model_copy(
            update={"workload": w, "prompting": path, "fine_tuning": PLACEHOLDER_FINE_TUNING}
        )
        book = self._book(key, sub)
        self.found += cost_warnings(sub, book)
        self.quotes += price_rows(book)
        return prompting_costs(w, path, book)

    def _fine_tuning(
        self, key: str, path: FineTuningPath, w: Workload
    ) -> tuple[PathCosts, Timeline]:
        training = path.training
        examples = self.labelled_examples
        if isinstance(training, HostedTraining) and training.examples is None and examples:
            path = path.model_copy(
                update={"training": training.model_copy(update={"examples": examples})}
            )
        sub = self.inputs.model_copy(
            update={"workload": w, "prompting": PLACEHOLDER_PROMPTING, "fine_tuning": path}
        )
        book = self._book(key, sub)
        self.found += cost_warnings(sub, book)
        self.quotes += price_rows(book)
        costs = finetune_costs(w, path, book)
        return costs, self.plain if costs.missing else timeline(sub, book, costs)

    def _rag(
        self, key: str, option: RagOption, seen: tuple[str, ...]
    ) -> tuple[PathCosts, Timeline]:
        w = self.inputs.workload.model_copy(update={"rag_tokens": option.retrieved_tokens})
        gen_id = option.generator
        generator = self.options.get(gen_id)
        if gen_id == BASELINE:
            costs, time = self._prompting(key, self.inputs.prompting, w), self.plain
        elif gen_id == FINE_TUNING:
            path = self.inputs.fine_tuning.model_copy(update={"keeps_rag": True})
            costs, time = self._fine_tuning(key, path, w)
        elif isinstance(generator, PromptingOption):
            path_ = _path(generator, PromptingPath)
            costs, time = self._prompting(key, path_, _tokens(w, generator)), self.plain
        elif isinstance(generator, FineTuningOption):
            path = _path(generator, FineTuningPath).model_copy(update={"keeps_rag": True})
            costs, time = self._fine_tuning(key, path, w)
        else:
            raise InputError(
                f"options.{key}.generator",
                f"{gen_id!r} is not a prompting or fine-tuning option (or baseline, fine_tuning)",
            )
        price = _stored_embedding(self.stored.get(key), option) or embedding_quote(
            option.embedding_model, option.embedding_usd_per_mtok, self.inputs.assessed_on,
            f"options.{key}",
        )  # fmt: skip
        self.quotes.append(("embedding", price))
        self.books[key] = self.books[key].model_copy(
            update={"embedding": price, "embedding_model": option.embedding_model}
        )
        costs = with_retrieval(
            costs, option, price, requests=w.monthly_requests, user_tokens=w.user_tokens
        )
        return costs, time


def _stored_embedding(stored: PriceBook | None, option: RagOption) -> Quote | None:
    """The snapshot's embedding price while the option still names that model or price."""
    quote = stored.embedding if stored is not None else None
    if quote is None or stored is None or stored.embedding_model != option.embedding_model:
        return None
    given = option.embedding_usd_per_mtok
    if (given is not None) != (quote.confidence == "given"):
        return None
    return quote if given is None or quote.usd == given else None


def _at(warning: CostWarning, key: str) -> CostWarning:
    """A warning about an option's path, at the option's own field."""
    if warning.field is None:
        return warning
    _, _, rest = warning.field.partition(".")
    return warning.model_copy(update={"field": f"options.{key}.{rest}"})


def _own(quote: Quote, key: str) -> Quote:
    """A price given in an option's own answers, named at the option's field."""
    for section in ("(prompting.", "(fine_tuning."):
        if quote.confidence == "given" and section in quote.source:
            source = quote.source.replace(section, f"(options.{key}.", 1)
            return quote.model_copy(update={"source": source})
    return quote


def _path(option: PromptingPath | FineTuningPath, cls: type[_P]) -> _P:
    """The plain path an option holds: the fields it sets that the path has."""
    names = set(cls.model_fields)
    return cls.model_validate(
        {n: getattr(option, n) for n in option.model_fields_set if n in names}
    )


def _tokens(w: Workload, option: PromptingOption) -> Workload:
    """The workload with the prompt sizes a prompting option gives for itself."""
    sizes = ("instruction_tokens", "example_tokens", "output_tokens")
    update = {n: getattr(option, n) for n in sizes if getattr(option, n) is not None}
    return w.model_copy(update=update) if update else w


@dataclass(frozen=True)
class Repricer:
    """Prices one option again with other answers, as `cost_options` priced it (the same
    inputs, own paths, catalog and price books): the simulation's corners
    (`engine.uncertainty`)."""

    inputs: CostInputs
    catalog: Callable[[], Catalog]
    labelled_examples: int | None
    own: tuple[Priced, Priced]
    """The baseline and the profile's `[fine_tuning]`, priced once."""
    books: Mapping[str, PriceBook]
    """The books the options were priced at: a corner is priced at the same prices while its
    answers fit them (a ranged given price does not: the catalog prices it)."""

    def __call__(self, options: Mapping[str, Option], key: str) -> PathCosts:
        baseline, fine_tuning = self.own
        pricer = _Pricer(
            self.inputs, options, self.catalog, self.labelled_examples,
            {BASELINE: baseline, FINE_TUNING: fine_tuning}, self.books,
        )  # fmt: skip
        return pricer.get(key).costs


class PricedOptions(dict[str, Priced]):
    """`cost_options`'s answer: each option priced, and how to price them again."""

    again: Repricer | None = None


def cost_options(
    inputs: CostInputs,
    options: Mapping[str, Option],
    *,
    baseline: Priced,
    fine_tuning: Priced,
    catalog: Catalog | Callable[[], Catalog],
    labelled_examples: int | None = None,
    stored: Mapping[str, PriceBook] | None = None,
) -> PricedOptions:
    """Every option in `options` priced (`baseline` and `fine_tuning` are the profile's own
    paths, already priced), each from its `stored` price snapshot while that fits it, else
    from `catalog` (loaded on first use when a callable). Raises `InputError` at
    `options.ID.field`."""
    load = catalog if callable(catalog) else lambda: catalog
    pricer = _Pricer(
        inputs, options, load, labelled_examples,
        {BASELINE: baseline, FINE_TUNING: fine_tuning}, stored or {},
    )  # fmt: skip
    out = PricedOptions({key: pricer.get(key) for key in options})
    out.again = Repricer(inputs, load, labelled_examples, (baseline, fine_tuning), pricer.books)
    return out
