"""Errors a user can cause, each naming the input it is about."""

from __future__ import annotations


class InputError(ValueError):
    """Bad or inconsistent input: `field` is a dotted path (`workload.requests_per_day`)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
