"""genai-prices is priced from without importing its network updater (issue 19), and the
package still works in full for whoever uses the rest of it afterwards."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

from engine.catalog import genai

CHECK = """
import sys
from datetime import date
from engine.catalog import genai

found = genai.lookup("openai", "gpt-4o-mini", date(2026, 11, 22))
assert found is not None and found.input > 0, found
loaded = sorted(m for m in ("httpx2", "asyncio", "ssl", "genai_prices.update_prices")
                if m in sys.modules)
print(",".join(loaded))
import genai_prices
print(genai_prices.__version__, callable(genai_prices.calc_price),
      "genai_prices.update_prices" in sys.modules)
"""


def test_a_lookup_leaves_the_updater_unimported_and_the_package_whole() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == ""  # none of the updater's imports
    assert out[1] == f"{version('genai-prices')} True True"  # the rest loads on first use


def test_the_version_beside_the_package_is_the_installed_one() -> None:
    assert genai.installed_version() == version("genai-prices")
