"""`tunewise tokens`: the token counts of files for a model, as text or JSON.

Counting is `engine.tokens`; this reads the files and lays the counts out.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.tokens import SampleCounts, count_samples, count_tokens, read_text, split_samples

STDIN = Path("-")
"""`-` as a file: the text piped in."""


@dataclass(frozen=True)
class Counted:
    """One file's count: a whole text, or its requests with `per_request`."""

    name: str
    tokens: int
    requests: SampleCounts | None = None


def _read(path: Path) -> str:
    return sys.stdin.read() if path == STDIN else read_text(path)


def count_files(
    paths: Sequence[Path], *, model: str, per_request: bool
) -> tuple[list[Counted], str, str]:
    """Each file counted for `model`, with the method and the hint (how to count exactly)."""
    rows: list[Counted] = []
    method = hint = ""
    for path in paths:
        text = _read(path)
        name = "(stdin)" if path == STDIN else str(path)
        if per_request:
            sample = count_samples(split_samples(text, path=path), model=model)
            rows.append(Counted(name, sample.total, sample))
            method, hint = sample.method, sample.hint
        else:
            one = count_tokens(text, model=model)
            rows.append(Counted(name, one.tokens))
            method, hint = one.method, one.hint
    return rows, method, hint


def _pooled(rows: Sequence[Counted]) -> SampleCounts:
    counts = tuple(c for row in rows if row.requests for c in row.requests.counts)
    first = rows[0].requests
    assert first is not None
    return SampleCounts(counts=counts, exact=first.exact, method=first.method, hint=first.hint)


def _stats(sample: SampleCounts) -> dict[str, Any]:
    return {
        "requests": sample.entries,
        "tokens": sample.total,
        "mean": round(sample.mean, 2),
        "mean_rounded": sample.per_request,
        "min": sample.smallest,
        "max": sample.largest,
    }


def render_json(
    rows: Sequence[Counted], *, model: str, method: str, hint: str, per_request: bool
) -> str:
    data: dict[str, Any] = {
        "model": model,
        "exact": not method.startswith("estimate"),
        "method": method,
        "hint": hint or None,
        "per_request": per_request,
    }
    if per_request:
        data["files"] = [{"file": row.name, **_stats(row.requests)} for row in rows if row.requests]
        data["all"] = _stats(_pooled(rows))
    else:
        data["files"] = [{"file": row.name, "tokens": row.tokens} for row in rows]
        data["total"] = sum(row.tokens for row in rows)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_text(
    rows: Sequence[Counted], *, model: str, method: str, hint: str, per_request: bool
) -> str:
    lines = [f"tokens for {model} ({method})" + ("" if not per_request else ", per request")]
    several = len(rows) > 1
    if per_request:
        table = [(row.name, row.requests) for row in rows if row.requests]
        if several:
            table.append(("all files", _pooled(rows)))
        width = max(len("file"), *(len(name) for name, _ in table))
        lines.append(f"  {'file':<{width}}  {'requests':>8}  {'mean':>10}  {'min':>8}  {'max':>8}")
        for name, s in table:
            lines.append(
                f"  {name:<{width}}  {s.entries:>8,}  {s.mean:>10,.1f}  "
                f"{s.smallest:>8,}  {s.largest:>8,}"
            )
        overall = table[-1][1]
        lines.append(f"mean per request, rounded: {overall.per_request:,}")
    else:
        named = [(row.name, row.tokens) for row in rows]
        if several:
            named.append(("total", sum(row.tokens for row in rows)))
        width = max(len(name) for name, _ in named)
        digits = max(len(f"{n:,}") for _, n in named)
        lines += [f"  {name:<{width}}  {n:>{digits},}" for name, n in named]
    if hint:
        lines.append(hint)
    return "\n".join(lines) + "\n"
