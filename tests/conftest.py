"""Hypothesis runs derandomized in CI (`CI=true`): the same examples on every run, so a
submission's result does not depend on a draw; locally each run explores new ones."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
