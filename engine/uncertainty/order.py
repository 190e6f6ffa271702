"""Exact order statistics of a stream too long to keep, in a few passes of bounded memory.

The simulation past `simulate.KEEP` samples cannot keep every sample's figure, but it can
run again (it is seeded: every pass sees the same numbers in the same order). Each float
maps to a 64-bit key that sorts as the float does; a pass counts the keys that share the
bits found so far by their next bits (a histogram: 20 bits first, then 16), which fixes
those bits of the wanted value's key and its rank among the values sharing them. Once at
most `LIMIT` values share its bits, the next pass keeps just those and sorts them; values
that all tie (every 'never') are found by their smallest and largest key being one. Two
passes in all as a rule (64 bits need at most five), and the answer is the exact
nearest-rank value: no quantile approximation, no error to state.
"""

from __future__ import annotations

from typing import Any

import numpy as np

WIDTHS = (20, 16, 16, 12)
"""Bits of the key each histogram pass fixes (20 first: 2^20 bins, 8 MiB, shared by the
ranks wanted of one figure; then 16)."""
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
    __slots__ = ("buffer", "count", "found", "hi", "lo", "prefix", "rank", "round", "width")

    def __init__(self, rank: int, count: int) -> None:
        self.rank = rank
        """The wanted value's rank among the values whose keys start with `prefix`."""
        self.count = count
        """How many values share the prefix."""
        self.prefix = 0
        self.width = 0
        """Bits of the key known (the prefix's length)."""
        self.round = 0
        self.found: float | None = None
        self.buffer: list[Any] = []
        self.lo: int | None = None
        self.hi: int | None = None
        """The smallest and largest key sharing the prefix (equal: the value is found, as
        when many samples tie, like every 'never')."""


class OrderStatistics:
    """The values at 0-based `ranks` among `n` values streamed through `add` in passes: call
    `end_pass` after each pass, and pass again (the same values) until `done`."""

    def __init__(self, n: int, ranks: list[int]) -> None:
        self.n = n
        self.targets = [_Target(r, n) for r in ranks]
        self.histograms: dict[tuple[int, int], Any] = {}

    @property
    def done(self) -> bool:
        return all(t.found is not None for t in self.targets)

    def add(self, values: Any) -> None:
        k = keys(values)
        seen: set[tuple[int, int]] = set()
        for t in self.targets:
            if t.found is not None:
                continue
            group = (t.width, t.prefix)
            mine = k if t.width == 0 else k[(k >> np.uint64(64 - t.width)) == t.prefix]
            if t.width and len(mine):
                lo, hi = int(mine.min()), int(mine.max())
                t.lo = lo if t.lo is None else min(t.lo, lo)
                t.hi = hi if t.hi is None else max(t.hi, hi)
            if t.count <= LIMIT:
                t.buffer.append(mine)
                continue
            if group in seen:
                continue  # another rank of this figure counted the same group
            seen.add(group)
            bits = WIDTHS[t.round]
            shift = np.uint64(64 - bits - t.width)
            digits = ((mine >> shift) & np.uint64((1 << bits) - 1)).astype(np.int64)
            counted = np.bincount(digits, minlength=1 << bits)
            found = self.histograms.get(group)
            self.histograms[group] = counted if found is None else found + counted

    def end_pass(self) -> None:
        for t in self.targets:
            if t.found is not None:
                continue
            if t.width and t.lo is not None and t.lo == t.hi:
                t.found = value_of(t.lo)
                continue
            if t.buffer:
                ordered = np.sort(np.concatenate(t.buffer))
                t.found = value_of(int(ordered[t.rank]))
                t.buffer = []
                continue
            histogram = self.histograms.get((t.width, t.prefix))
            if histogram is None:
                continue  # nothing was added in this pass
            bits = WIDTHS[t.round]
            cumulative = np.cumsum(histogram)
            digit = int(np.searchsorted(cumulative, t.rank, side="right"))
            t.rank -= int(cumulative[digit - 1]) if digit else 0
            t.count = int(histogram[digit])
            t.prefix = (t.prefix << bits) | digit
            t.width += bits
            t.round += 1
            t.lo = t.hi = None
            if t.width == 64:  # every value left is this one
                t.found = value_of(t.prefix)
        self.histograms = {}

    def values(self) -> list[float]:
        found = [t.found for t in self.targets]
        assert all(f is not None for f in found), "more passes needed"
        return [float(f) for f in found if f is not None]
