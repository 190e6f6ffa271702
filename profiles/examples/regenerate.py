"""Rewrite the shipped examples with fresh price and result snapshots.

Run `.venv/bin/python -m profiles.examples.regenerate` after a change to the cost engine, the
decision rules or the snapshot format. Answers, dates and stored prices are kept (a profile
with a price snapshot is evaluated from it); the result snapshot, the recommendation and the
version stamps are recomputed. `--check` changes nothing and exits 1 when an example is out of
date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from profiles.files import evaluate_profile, load_profile, save_bytes, snapshot
from profiles.writer import dumps

HERE = Path(__file__).resolve().parent


def regenerated(path: Path) -> bytes:
    """The bytes `path` should hold: its answers with fresh snapshots."""
    profile = load_profile(path)
    book, result = evaluate_profile(profile)
    return dumps(snapshot(profile, book, result)).encode("utf-8")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in sorted(HERE.glob("*.toml")):
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
