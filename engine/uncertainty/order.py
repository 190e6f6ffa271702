"""Exact order statistics of a stream too long to keep, in a few passes of bounded memory.

The simulation past `simulate.KEEP` samples cannot keep every sample's figure, but it can
run again (it is seeded: every pass sees the same numbers in the same order). Each float
maps to a 64-bit key that sorts as the float does; a pass counts the keys that share the
bits found so far by their next 16 bits (a 65,536-bin histogram), which fixes 16 more bits
of the wanted value's key and its rank among the values sharing them. Once at most `LIMIT`
values share its bits, the next pass keeps just those and sorts them. Typically two passes
in all (64 bits need at most four), and the answer is the exact nearest-rank value: no
quantile approximation, no error to state.
"""

from __future__ import annotations

from typing import Any

import numpy as np

BITS = 16
BINS = 1 << BITS
LIMIT = 1 << 18
"""Values kept (and sorted) for one wanted rank at most: 2 MiB."""
SIGN = np.uint64(1 << 63)


def keys(values: Any) -> Any:
    """Unsigned keys that sort as the float64 `values` do (negatives flipped)."""
    bits = np.ascontiguousarray(values, dtype=np.float64).view(np.uint64)
    return np.where(bits & SIGN, ~bits, bits | SIGN)


def value_of(key: int) -> float:
    """The float64 whose key is `key`."""
    k = np.array([key], dtype=np.uint64)
    bits = np.where(k & SIGN, k & ~SIGN, ~k)
    return float(bits.view(np.float64)[0])


class _Target:
    __slots__ = ("buffer", "count", "found", "histogram", "prefix", "rank", "width")

    def __init__(self, rank: int, count: int) -> None:
        self.rank = rank
        """The wanted value's rank among the values whose keys start with `prefix`."""
        self.count = count
        """How many values share the prefix."""
        self.prefix = 0
        self.width = 0
        """Bits of the key known (the prefix's length)."""
        self.found: float | None = None
        self.histogram: Any = None
        self.buffer: list[Any] = []


class OrderStatistics:
    """The values at 0-based `ranks` among `n` values streamed through `add` in passes: call
    `end_pass` after each pass, and pass again (the same values) until `done`."""

    def __init__(self, n: int, ranks: list[int]) -> None:
        self.n = n
        self.targets = [_Target(r, n) for r in ranks]

    @property
    def done(self) -> bool:
        return all(t.found is not None for t in self.targets)

    def add(self, values: Any) -> None:
        k = keys(values)
        for t in self.targets:
            if t.found is not None:
                continue
            mine = k if t.width == 0 else k[(k >> np.uint64(64 - t.width)) == t.prefix]
            if t.count <= LIMIT:
                t.buffer.append(mine)
                continue
            digits = ((mine >> np.uint64(64 - BITS - t.width)) & np.uint64(BINS - 1)).astype(
                np.int64
            )
            counted = np.bincount(digits, minlength=BINS)
            t.histogram = counted if t.histogram is None else t.histogram + counted

    def end_pass(self) -> None:
        for t in self.targets:
            if t.found is not None:
                continue
            if t.buffer:
                ordered = np.sort(np.concatenate(t.buffer))
                t.found = value_of(int(ordered[t.rank]))
                t.buffer = []
                continue
            if t.histogram is None:
                continue  # nothing was added in this pass
            cumulative = np.cumsum(t.histogram)
            digit = int(np.searchsorted(cumulative, t.rank, side="right"))
            below = int(cumulative[digit - 1]) if digit else 0
            t.rank -= below
            t.count = int(t.histogram[digit])
            t.prefix = (t.prefix << BITS) | digit
            t.width += BITS
            t.histogram = None
            if t.width == 64:  # every value left is this one
                t.found = value_of(t.prefix)

    def values(self) -> list[float]:
        found = [t.found for t in self.targets]
        assert all(f is not None for f in found), "more passes needed"
        return [float(f) for f in found if f is not None]
