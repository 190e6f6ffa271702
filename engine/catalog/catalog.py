"""The price catalog: built-in data, genai-prices and a team's overrides, looked up by id.

Precedence, highest first: the inputs' own prices, the team price file, tunewise's
`catalog.toml`, genai-prices. `resolve` turns a set of inputs into the `PriceBook` the engine
evaluates against, so lookups happen once, not on every recomputation.

Over 300 lines, kept whole: one class whose every method is a lookup over the same merged
tables, `resolve` calling most of them (split out, it would import the class back: a circle).
What a profile states itself (ids, given prices) is in `given.py`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from itertools import pairwise

from ..errors import InputError
from ..inputs import (
    CostInputs,
    GpuServing,
    GpuTraining,
    HostedTraining,
    HourlyServing,
    HourlyTraining,
    TokenServing,
)
from ..money import number
from ..pricebook import (
    Availability,
    GpuQuote,
    Lifecycle,
    PriceBook,
    Quote,
    TokenQuotes,
    TrainingQuote,
)
from . import genai
from .given import given, given_tokens, split_id
from .schema import CatalogData, GpuOffer, ModelFacts, PriceFile, Sourced

TTL_WORDS = {"5m": "5-minute", "1h": "1-hour"}


def _cache_write(
    found: genai.BasePrices, ttl: str, model_id: str, field: str
) -> tuple[Decimal, str] | None:
    """genai-prices' cache-write price at `ttl` and its unit, None when the provider charges no
    write premium; a model priced for 5-minute writes only cannot be costed at 1 hour."""
    price = found.cache_write_1h if ttl == "1h" else found.cache_write
    if price is None and ttl == "1h" and found.cache_write is not None:
        raise InputError(
            field.rpartition(".")[0] + ".cache_ttl",
            f"genai-prices has no 1-hour cache-write price for {model_id}; "
            "use the 5-minute cache (5m)",
        )
    return None if price is None else (price, f"per 1M cache-write tokens, {TTL_WORDS[ttl]}")


class Catalog:
    """Lookups over the merged price data. Cheap to build; genai-prices loads on first need."""

    def __init__(self, builtin: CatalogData | None, team: PriceFile | None = None) -> None:
        layers = [d for d in (builtin if team is None or team.use_builtin else None, team) if d]
        self.use_genai = team is None or team.use_builtin
        self.reviewed_on = builtin.reviewed_on if builtin else None
        self.sources = {s.id: s for layer in layers for s in layer.source}
        self.providers = {p.id: p for layer in layers for p in layer.provider}
        self.models: dict[str, ModelFacts] = {}
        self.aliases: dict[str, str] = {}
        for layer in layers:
            for m in layer.model:
                self.models[m.id] = m
                self.aliases.update({a: m.id for a in m.aliases})
        self.token_prices = {t.model: t for layer in layers for t in layer.token_price}
        self.training = {t.model: t for layer in layers for t in layer.training}
        self.ft_inference = {f.model: f for layer in layers for f in layer.ft_inference}
        self.hosting = {h.id: h for layer in layers for h in layer.hosting}
        self.gpus = {g.id: g for layer in layers for g in layer.gpu}
        self.gpu_offers: dict[str, list[GpuOffer]] = {}
        for layer in layers:
            for o in layer.gpu_offer:
                offers = self.gpu_offers.setdefault(o.gpu, [])
                offers[:] = [x for x in offers if x.provider != o.provider or x.offer != o.offer]
                offers.append(o)
        self.memory_rules = {r.method: r for layer in layers for r in layer.memory_rule}

    # -- naming ------------------------------------------------------------------------------

    def canonical(self, model_id: str) -> str:
        return self.aliases.get(model_id, model_id)

    def source_title(self, entry: Sourced) -> str:
        src = self.sources.get(entry.source)
        return src.title if src else entry.source

    def _quote(self, usd: Decimal, unit: str, entry: Sourced) -> Quote:
        return Quote(
            usd=usd,
            unit=unit,
            source=self.source_title(entry),
            as_of=entry.as_of,
            confidence=entry.confidence,
            note=entry.note,
        )

    def _unknown(self, field: str, what: str, value: str, known: Iterable[str]) -> InputError:
        close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else ""
        return InputError(field, f"unknown {what} {value!r}{hint} (see `tunewise prices`)")

    # -- lookups -----------------------------------------------------------------------------

    def base_prices(
        self,
        model_id: str,
        on: date,
        field: str,
        prompt_tokens: int = 0,
        tier: str = "standard",
        ttl: str = "5m",
    ) -> TokenQuotes:
        model_id = self.canonical(model_id)
        provider, name = split_id(model_id, field)
        own = self.token_prices.get(model_id)
        if tier != "standard":
            return self._tier_prices(model_id, on, field, prompt_tokens, tier, ttl)
        if own is not None:
            cached, write = own.cached_input_usd_per_mtok, own.cache_write_usd_per_mtok
            return TokenQuotes(
                model=model_id,
                input=self._quote(own.input_usd_per_mtok, "per 1M input tokens", own),
                cached_input=None
                if cached is None
                else self._quote(cached, "per 1M cached input tokens", own),
                cache_write=None
                if write is None
                else self._quote(write, "per 1M cache-write tokens", own),
                output=self._quote(own.output_usd_per_mtok, "per 1M output tokens", own),
            )
        facts = self.models.get(model_id)
        ref = facts.genai_prices_ref if facts and facts.genai_prices_ref else name
        found = genai.lookup(provider, ref, on, prompt_tokens) if self.use_genai else None
        if found is None and model_id in self.models:  # known, but has no per-token price
            weights = self.models[model_id].open_weights
            raise InputError(
                field,
                f"no per-token price known for {model_id}"
                + (": an open-weights model, served on GPU replicas" if weights else ""),
            )
        if found is None:
            known = list(self.models) + list(self.token_prices)
            if self.use_genai:
                known += genai.model_ids(provider)
            raise self._unknown(field, "model", model_id, known)

        def q(usd: Decimal, unit: str) -> Quote:
            return Quote(usd=usd, unit=unit, source=found.source, as_of=found.as_of)

        writes = _cache_write(found, ttl, model_id, field)
        return TokenQuotes(
            model=model_id,
            input=q(found.input, "per 1M input tokens"),
            cached_input=None
            if found.cached_input is None
            else q(found.cached_input, "per 1M cached input tokens"),
            cache_write=None if writes is None else q(*writes),
            output=q(found.output, "per 1M output tokens"),
        )

    def _tier_prices(
        self, model_id: str, on: date, field: str, prompt_tokens: int, tier: str, ttl: str
    ) -> TokenQuotes:
        """genai-prices' `tier` variant (batch, flex, priority) of `model_id`'s prices."""
        provider, name = split_id(model_id, field)
        facts = self.models.get(model_id)
        ref = facts.genai_prices_ref if facts and facts.genai_prices_ref else name
        tier_field = field.rpartition(".")[0] + ".tier"
        if model_id in self.token_prices or not self.use_genai:
            raise InputError(tier_field, f"no {tier} price known for {model_id}; use standard")
        found = genai.lookup(provider, ref, on, prompt_tokens, tier)
        if found is None:
            self.base_prices(model_id, on, field, prompt_tokens)  # an unknown model says so
            has = genai.tiers(provider, ref, on)
            raise InputError(
                tier_field,
                f"genai-prices has no {tier} price for {model_id} on {on.isoformat()}; "
                f"tiers it prices: {', '.join(has)}",
            )

        def q(usd: Decimal, kind: str) -> Quote:
            return Quote(
                usd=usd,
                unit=f"per 1M {kind} tokens, {tier}",
                source=found.source,
                as_of=found.as_of,
            )

        write = _cache_write(found, ttl, model_id, field)
        return TokenQuotes(
            model=f"{model_id} ({tier})",
            input=q(found.input, "input"),
            cached_input=None
            if found.cached_input is None
            else q(found.cached_input, "cached input"),
            cache_write=None if write is None else q(write[0], f"{TTL_WORDS[ttl]} cache-write"),
            output=q(found.output, "output"),
        )

    def finetuned_prices(
        self,
        base_model: str,
        on: date,
        field: str,
        prompt_tokens: int = 0,
        ttl: str = "5m",
        tier: str = "standard",
    ) -> TokenQuotes:
        """Per-token prices of a fine-tune of `base_model`: genai-prices' `ft:` entry, filled
        in (or replaced) by the catalog's; base rates where the provider bills tuned models so.
        A `tier` other than standard comes from genai-prices' variants only."""
        base_model = self.canonical(base_model)
        provider, name = split_id(base_model, field)
        own = self.ft_inference.get(base_model)
        label = f"{base_model} (fine-tuned{'' if tier == 'standard' else f', {tier}'})"
        if own is not None and own.serving in ("base_rate", "base_plus_hourly"):
            base = self.base_prices(base_model, on, field, prompt_tokens, tier, ttl)
            note = f"fine-tuned models billed at base rates ({self.source_title(own)})"
            return base.model_copy(
                update={"model": label, "input": base.input.model_copy(update={"note": note})}
            )
        tier_field = field.rpartition(".")[0] + ".tier"
        found = None
        facts = self.models.get(base_model)
        names = [name] + [a.partition(":")[2] for a in (facts.aliases if facts else [])]
        for candidate in names if self.use_genai else []:
            found = genai.lookup(provider, f"ft:{candidate}", on, prompt_tokens, tier)
            if found is not None:
                break
        if tier != "standard" and found is None:
            raise InputError(
                tier_field,
                f"genai-prices has no {tier} price for a fine-tuned {base_model} on "
                f"{on.isoformat()}; use standard",
            )
        quotes: dict[str, Quote] = {}
        if found is not None and found.model_ref.startswith("ft:"):
            suffix = "" if tier == "standard" else f", {tier}"
            src, as_of = found.source, found.as_of
            quotes["input"] = Quote(
                usd=found.input, unit=f"per 1M input tokens{suffix}", source=src, as_of=as_of
            )
            quotes["output"] = Quote(
                usd=found.output, unit=f"per 1M output tokens{suffix}", source=src, as_of=as_of
            )
            if found.cached_input is not None:
                quotes["cached_input"] = Quote(
                    usd=found.cached_input,
                    unit=f"per 1M cached input tokens{suffix}",
                    source=src,
                    as_of=as_of,
                )
            write = _cache_write(found, ttl, base_model, field)
            if write is not None:
                quotes["cache_write"] = Quote(
                    usd=write[0], unit=write[1] + suffix, source=src, as_of=as_of
                )
        if own is not None and tier == "standard":  # the catalog's prices are standard-tier
            for key in ("input", "cached_input", "output"):
                value = getattr(own, f"{key}_usd_per_mtok")
                if value is not None:
                    unit = f"per 1M {key.replace('_', ' ')} tokens"
                    quotes[key] = self._quote(value, unit, own)
        if "input" not in quotes or "output" not in quotes:
            hourly = own is not None and own.serving == "base_plus_hourly"
            raise InputError(
                field,
                f"no fine-tuned per-token price known for {base_model}; "
                + self._priceable(provider, ("per_token", "base_rate"), hourly, on),
            )
        return TokenQuotes(model=label, **quotes)

    def _priceable(self, provider: str, kinds: tuple[str, ...], hourly: bool, on: date) -> str:
        """What to do instead, in words: the base models this serving mode can price (the
        provider's first, none retired on `on`), or the hourly mode the provider bills by."""
        if hourly:
            return "this provider bills fine-tuned deployments by tokens plus an hourly fee"
        tunable = [
            m
            for m, f in self.ft_inference.items()
            if f.serving in kinds and not self.retired(m, on)
        ]
        ours = [m for m in tunable if m.startswith(provider + ":")]
        others = [m for m in tunable if not m.startswith(provider + ":")]
        return f"models that can be priced so: {', '.join((ours + others)[:6])}"

    def serving_kind(self, base_model: str) -> str | None:
        """How the catalog says a fine-tune of `base_model` is billed (`per_token`,
        `base_rate`, `base_plus_hourly`, `provisioned`), or None when it does not say."""
        own = self.ft_inference.get(self.canonical(base_model))
        return None if own is None else own.serving

    def training_quote(self, base_model: str, field: str) -> TrainingQuote:
        base_model = self.canonical(base_model)
        entry = self.training.get(base_model)
        if entry is None or entry.usd_per_mtok is None:
            provider = base_model.partition(":")[0]
            priced = [t for t, e in self.training.items() if e.usd_per_mtok is not None]
            ours = [t for t in priced if t.startswith(provider + ":")]
            others = [t for t in priced if not t.startswith(provider + ":")]
            shown = ", ".join((ours + others)[:6])
            raise InputError(
                field,
                f"no per-token training price known for {base_model}; "
                f"models with one: {shown} (or give the training price, or train on GPUs)",
            )
        floor = entry.min_charge_usd
        return TrainingQuote(
            per_mtok=self._quote(entry.usd_per_mtok, "per 1M training tokens", entry),
            min_charge=None if not floor else self._quote(floor, "minimum per job", entry),
            min_examples=entry.min_examples,
        )

    def training_hourly(self, base_model: str, field: str) -> Quote:
        """The catalog's price for an hour of time-billed training (reinforcement fine-tuning)
        of `base_model`."""
        base_model = self.canonical(base_model)
        entry = self.training.get(base_model)
        if entry is None or entry.usd_per_hour is None:
            hourly = [t for t, e in self.training.items() if e.usd_per_hour is not None]
            raise InputError(
                field,
                f"no hourly training price known for {base_model}; "
                f"models with one: {', '.join(hourly) or 'none'} (or give the price an hour)",
            )
        return self._quote(entry.usd_per_hour, f"per training hour ({entry.method})", entry)

    def hosting_hourly(self, base_model: str, field: str) -> Quote:
        provider, _ = split_id(self.canonical(base_model), field)
        fees = [
            h
            for h in self.hosting.values()
            if h.provider == provider and h.usd_per_hour is not None
        ]
        if len(fees) != 1:
            known = "; ".join(f"{h.id}: ${h.usd_per_hour}/h ({h.applies_to})" for h in fees)
            why = f"several hourly fees apply ({known})" if fees else "no hourly fee known"
            raise InputError(field, f"{why} for {provider}; give the fee an hour")
        fee = fees[0]
        assert fee.usd_per_hour is not None
        return self._quote(fee.usd_per_hour, f"per hour ({fee.applies_to})", fee)

    def gpu_quote(
        self,
        gpu: str | None,
        provider: str | None,
        usd_per_hour: Decimal | None,
        field: str,
        on: date,
    ) -> GpuQuote:
        spec = self.gpus.get(gpu) if gpu else None
        if gpu and spec is None:  # `l4` finds `l4-24gb`: ids start with the name people use
            starts = [g for g in self.gpus if g.startswith(gpu.lower() + "-")]
            if starts:
                raise InputError(
                    f"{field}.gpu", f"unknown GPU {gpu!r}; did you mean {' or '.join(starts)}?"
                )
            raise self._unknown(f"{field}.gpu", "GPU", gpu, self.gpus)
        name = spec.name if spec else (gpu or "GPU")
        memory = spec.memory_gb if spec else None
        if usd_per_hour is not None:
            return GpuQuote(
                gpu=gpu,
                name=name,
                memory_gb=memory,
                hour=given(usd_per_hour, "per GPU-hour", f"{field}.usd_per_gpu_hour", on),
            )
        offers = sorted(self.gpu_offers.get(gpu or "", []), key=lambda o: o.usd_per_hour)
        if provider:
            offers = [o for o in offers if o.provider == provider]
        if not gpu:
            raise InputError(
                f"{field}.gpu",
                "name the GPU (a catalog id such as a100-80gb, l4; `tunewise prices gpu`) "
                "or give its price an hour",
            )
        if not offers:
            where = f" from {provider}" if provider else ""
            raise InputError(
                f"{field}.usd_per_gpu_hour",
                f"no GPU-hour price known for {gpu}{where}; give the price an hour "
                "(usd_per_gpu_hour)",
            )
        chosen = offers[(len(offers) - 1) // 2]
        range_note = ""
        if len(offers) > 1:
            range_note = (
                f"median of {len(offers)} offers, ${offers[0].usd_per_hour}–"
                f"${offers[-1].usd_per_hour}/GPU-h"
            )
        quote = self._quote(
            chosen.usd_per_hour, f"per GPU-hour ({chosen.provider} {chosen.offer})", chosen
        )
        return GpuQuote(gpu=gpu, name=name, memory_gb=memory, hour=quote, range_note=range_note)

    def gb_per_billion(self, method: str, params_b: Decimal | None) -> tuple[Decimal, str]:
        """GB of GPU memory per billion parameters for `method` at a model of `params_b`
        billion, and a note when the cited table's rows (overheads included) set it."""
        rule = next(r for key, r in self.memory_rules.items() if key == method)
        if not rule.points or params_b is None:
            return rule.gb_per_billion_params, ""
        rows = sorted((p[0], p[1]) for p in rule.points)
        if params_b <= rows[0][0]:
            gb = rows[0][1] * params_b / rows[0][0]
        elif params_b >= rows[-1][0]:
            gb = rows[-1][1] * params_b / rows[-1][0]
        else:
            (b0, g0), (b1, g1) = next((a, b) for a, b in pairwise(rows) if a[0] <= params_b <= b[0])
            gb = g0 + (g1 - g0) * (params_b - b0) / (b1 - b0)
        per_billion = (gb / params_b).quantize(Decimal("0.0001"))
        if per_billion <= rule.gb_per_billion_params:
            return rule.gb_per_billion_params, ""
        table = ", ".join(f"{number(b)}B {number(g)} GB" for b, g in rows)
        return per_billion, (
            f"{method} at {number(params_b)}B: about {number(gb, places=0)} GB from the "
            f"table's rows ({table}), overheads included"
        )

    def lifecycle(self, model_id: str) -> Lifecycle | None:
        facts = self.models.get(self.canonical(model_id))
        if facts is None:
            return None
        found = Lifecycle(
            model=facts.id,
            name=facts.name,
            params_b=facts.params_b,
            open_weights=facts.open_weights,
            retires_on=facts.retires_on,
            **({"replaced_by": facts.replaced_by} if facts.replaced_by else {}),
            source=self.source_title(facts),
            as_of=facts.as_of,
        )
        return self.named(found)

    def named(self, model: Lifecycle) -> Lifecycle:
        """`model` with its replacement's name for people (a lifecycle read back from a
        profile's snapshot carries only the id)."""
        words = self.words_for(model.replaced_by) if model.replaced_by else None
        if words is None or model.replacement_in_words == words:
            return model
        named = model.model_copy()
        named._replacement = words
        return named

    def words_for(self, model_id: str) -> str | None:
        """The catalog's name for `model_id` as a sentence says it (`GPT-4.1 on Azure
        OpenAI`); None when the catalog does not know the model."""
        facts = self.models.get(self.canonical(model_id))
        return _on_host(facts.name) if facts is not None and facts.name else None

    def retired(self, model_id: str, on: date) -> bool:
        """Has the catalog's model `model_id` retired on or before `on`?"""
        facts = self.models.get(self.canonical(model_id))
        return facts is not None and facts.retires_on is not None and facts.retires_on <= on

    def live_alternatives(self, provider: str, on: date) -> tuple[str, ...]:
        """The provider's `alternatives` still served on `on`: a retired model is never
        offered."""
        p = self.providers.get(provider)
        return tuple(a for a in (p.alternatives if p else ()) if not self.retired(a, on))

    def availability(self, provider: str, on: date | None = None) -> Availability | None:
        """The provider's fine-tuning offer; with `on`, its alternatives judged at that date."""
        p = self.providers.get(provider)
        if p is None:
            return None
        alternatives = tuple(p.alternatives) if on is None else self.live_alternatives(provider, on)
        offer = Availability(
            provider=p.id,
            name=p.name,
            fine_tuning=p.fine_tuning,
            since=p.since,
            jobs_until=p.jobs_until,
            # Only when there are some: an explicit empty list would be written to profiles.
            **({"alternatives": alternatives} if alternatives else {}),
            source=self.source_title(p),
            as_of=p.as_of,
            note=p.note,
        )
        offer._names = {a: words for a in alternatives if (words := self.words_for(a))}
        return offer

    # -- resolution --------------------------------------------------------------------------

    def resolve(self, inputs: CostInputs) -> PriceBook:
        """Look up every price the inputs leave to the catalog; raise `InputError` if one is
        missing or a model is unknown."""
        on = inputs.assessed_on
        w, pe, ft = inputs.workload, inputs.prompting, inputs.fine_tuning
        book: dict[str, object] = {}
        if pe.model:
            book["prompting_model"] = self.lifecycle(pe.model)
        given_bill = pe.inference_monthly_usd is not None or pe.cost_per_request_usd is not None
        if pe.model and given_bill and book["prompting_model"] is None:
            self.base_prices(pe.model, on, "prompting.model")  # a mistyped id is still refused
        if pe.inference_monthly_usd is None and pe.cost_per_request_usd is None:
            if pe.prices is not None:
                book["prompting"] = given_tokens(pe.prices, "prompting.prices", on)
            elif pe.model:
                book["prompting"] = self.base_prices(
                    pe.model,
                    on,
                    "prompting.model",
                    w.static_prefix_tokens + w.rag_tokens + w.user_tokens,
                    pe.tier,
                    pe.cache_ttl,
                )
        base = ft.base_model
        if base:
            book["base_model"] = self.lifecycle(base)
            if book["base_model"] is None:  # not in the catalog's own list: must be priced
                self.base_prices(base, on, "fine_tuning.base_model")
            book["provider"] = self.availability(split_id(base, "fine_tuning.base_model")[0], on)

        def need_base(what: str) -> str:
            if not base:
                raise InputError("fine_tuning.base_model", f"name the base model to look up {what}")
            return base

        serving = ft.serving
        if ft.tier != "standard" and not (
            isinstance(serving, TokenServing | HourlyServing) and serving.prices is None
        ):
            raise InputError(
                "fine_tuning.tier",
                f"the {ft.tier} tier applies to serving priced by the catalog's tokens; "
                "use standard",
            )
        prompt = (
            (w.instruction_tokens if ft.instruction_tokens is None else ft.instruction_tokens)
            + (w.rag_tokens if ft.keeps_rag else 0)
            + w.user_tokens
        )
        if isinstance(serving, TokenServing | HourlyServing) and serving.prices is not None:
            book["fine_tuned"] = given_tokens(serving.prices, "fine_tuning.serving.prices", on)
        elif isinstance(serving, TokenServing):
            if self.serving_kind(need_base("fine-tuned prices")) == "base_plus_hourly":
                # Left out, the hourly fee would be a provider's real charge missing.
                provider = split_id(self.canonical(base or ""), "fine_tuning.base_model")[0]
                offer = self.availability(provider, on)
                raise InputError(
                    "fine_tuning.serving.kind",
                    f"{offer.name if offer else provider} bills a fine-tuned deployment by "
                    "tokens plus an hourly hosting fee: price serving by tokens + hourly "
                    "deployment fee",
                )
            book["fine_tuned"] = self.finetuned_prices(
                need_base("fine-tuned prices"),
                on,
                "fine_tuning.base_model",
                prompt,
                ft.cache_ttl,
                ft.tier,
            )
        elif isinstance(serving, HourlyServing):
            book["fine_tuned"] = self.base_prices(
                need_base("base prices"),
                on,
                "fine_tuning.base_model",
                prompt,
                ft.tier,
                ft.cache_ttl,
            )
        if isinstance(serving, HourlyServing):
            book["hosting"] = (
                given(
                    serving.usd_per_hour,
                    "per deployment-hour",
                    "fine_tuning.serving.usd_per_hour",
                    on,
                )
                if serving.usd_per_hour is not None
                else self.hosting_hourly(need_base("hosting fees"), "fine_tuning.serving")
            )
        if isinstance(serving, GpuServing):
            book["serving_gpu"] = self.gpu_quote(
                serving.gpu,
                serving.gpu_provider,
                serving.usd_per_gpu_hour,
                "fine_tuning.serving",
                on,
            )
        training = ft.training
        if isinstance(training, HostedTraining):
            if training.usd_per_mtok is not None:
                floor = training.min_charge_usd
                book["training"] = TrainingQuote(
                    per_mtok=given(
                        training.usd_per_mtok,
                        "per 1M training tokens",
                        "fine_tuning.training.usd_per_mtok",
                        on,
                    ),
                    min_charge=None
                    if floor is None
                    else given(floor, "minimum per job", "fine_tuning.training.min_charge_usd", on),
                )
            else:
                quote = self.training_quote(
                    need_base("training prices"), "fine_tuning.training.usd_per_mtok"
                )
                if training.min_charge_usd is not None:
                    quote = quote.model_copy(
                        update={
                            "min_charge": given(
                                training.min_charge_usd,
                                "minimum per job",
                                "fine_tuning.training.min_charge_usd",
                                on,
                            )
                        }
                    )
                book["training"] = quote
        if isinstance(training, HourlyTraining):
            book["training_hour"] = (
                self.training_hourly(
                    need_base("hourly training prices"), "fine_tuning.training.usd_per_hour"
                )
                if training.usd_per_hour is None
                else given(
                    training.usd_per_hour,
                    "per training hour",
                    "fine_tuning.training.usd_per_hour",
                    on,
                )
            )
            if training.grader_prices is not None:
                book["grader"] = given_tokens(
                    training.grader_prices, "fine_tuning.training.grader_prices", on
                )
            elif training.grader_model:
                book["grader"] = self.base_prices(
                    training.grader_model, on, "fine_tuning.training.grader_model"
                )
        if isinstance(training, GpuTraining):
            book["training_gpu"] = self.gpu_quote(
                training.gpu,
                training.gpu_provider,
                training.usd_per_gpu_hour,
                "fine_tuning.training",
                on,
            )
        if isinstance(training, GpuTraining) or isinstance(serving, GpuServing):
            base_facts = book.get("base_model")
            params = base_facts.params_b if isinstance(base_facts, Lifecycle) else None
            rules: dict[str, Quote] = {}
            for key, rule in self.memory_rules.items():
                per_billion, note = self.gb_per_billion(key, params)
                cited = self._quote(per_billion, "GB per billion parameters", rule)
                rules[key] = cited.model_copy(update={"note": note}) if note else cited
            book["memory_gb_per_billion"] = rules
        for role, share in (
            ("prompting", pe.cached_prefix_share),
            ("fine_tuned", ft.cached_prefix_share),
        ):
            tokens = book.get(role)
            if isinstance(tokens, TokenQuotes) and not share:
                # Nothing read from the cache: nothing written to it either.
                book[role] = tokens.model_copy(update={"cached_input": None, "cache_write": None})
        return PriceBook.model_validate(book)


def _on_host(name: str) -> str:
    """A hosted copy's name as a sentence says it: the catalog's `GPT-4.1 (Azure OpenAI)` reads
    `GPT-4.1 on Azure OpenAI` (a summary drops bracketed groups: they are sources there)."""
    model, bracket, host = name.rpartition(" (")
    return f"{model} on {host[:-1]}" if bracket and host.endswith(")") else name
