"""Rewrite the shipped examples with fresh price and result snapshots.

Run `.venv/bin/python -m profiles.examples.regenerate` after a change to the cost engine, the
decision rules or the snapshot format. Answers, dates and stored prices are kept (a profile
with a price snapshot is evaluated from it); lifecycle facts (retirements, availability,
alternatives), the result snapshot, the recommendation and the version stamps are
recomputed. `--check` changes nothing and exits 1 when an example is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engine.catalog import split_id
from engine.errors import InputError
from engine.pricebook import PriceBook
from profiles.atomic import save_bytes
from profiles.files import default_catalog, evaluate_profile, load_profile, snapshot
from profiles.model import Profile
from profiles.writer import dumps

HERE = Path(__file__).resolve().parent


def with_current_facts(profile: Profile) -> Profile:
    """`profile` with its stored prices kept but its lifecycle facts (retirements, who still
    fine-tunes, live alternatives) taken from today's catalog: an example that reproduces a
    guide keeps the guide's money and says what has changed about its models since."""
    stored = profile.prices
    if stored is None:
        return profile
    catalog = default_catalog()
    inputs = profile.cost_inputs()
    try:
        fresh = catalog.resolve(inputs)
    except InputError:
        fresh = None
    if fresh is not None and _amounts(fresh) == _amounts(stored):
        # The same money: take today's sources, dates and confidence with it.
        return profile.model_copy(update={"prices": fresh})
    pe, ft = inputs.prompting.model, inputs.fine_tuning.base_model
    update: dict[str, object] = {}
    if pe:
        update["prompting_model"] = catalog.lifecycle(pe)
    if ft:
        update["base_model"] = catalog.lifecycle(ft)
        update["provider"] = catalog.availability(
            split_id(catalog.canonical(ft), "fine_tuning.base_model")[0], inputs.assessed_on
        )
    return profile.model_copy(update={"prices": stored.model_copy(update=update)})


def _amounts(book: PriceBook) -> list[tuple[str, object]]:
    """Every amount in `book`, by where it sits (sources, dates and notes left out)."""
    found: list[tuple[str, object]] = []

    def walk(value: object, at: str) -> None:
        if isinstance(value, dict):
            for key, item in sorted(value.items()):
                if key == "usd":
                    found.append((at, item))
                else:
                    walk(item, f"{at}.{key}")
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                walk(item, f"{at}[{i}]")

    walk(book.model_dump(exclude={"prompting_model", "base_model", "provider"}), "")
    return found


def regenerated(path: Path) -> bytes:
    """The bytes `path` should hold: its answers with fresh snapshots."""
    profile = with_current_facts(load_profile(path))
    book, result = evaluate_profile(profile)
    return dumps(snapshot(profile, book, result)).encode("utf-8")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in sorted([*HERE.glob("*.toml"), *HERE.glob("options/*.toml")]):
        data = regenerated(path)
        if data == path.read_bytes():
            continue
        stale.append(path.name)
        if not check:
            save_bytes(data, path, force=True)
    verb = "out of date" if check else "rewritten"
    print(f"{len(stale)} {verb}: {', '.join(stale) or '-'}", file=sys.stderr)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
