"""Hypothesis runs derandomized in CI (`CI=true`): the same examples on every run, so a
submission's result does not depend on a draw; locally each run explores new ones."""

from __future__ import annotations

import os
import tempfile

from hypothesis import settings

# Data a developer fetched with `tunewise prices --update` never changes what the tests see.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="tunewise-tests-")
# nor does the index of genai-prices' answers a developer's runs left in their cache folder
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tunewise-tests-cache-")

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
