"""The `tunewise` command: every verb, one module each (or per small group), behind `main`.

Exit status: 0 success, 1 a difference found (diff verbs), 2 trouble (bad input, missing file).
User errors print one line on stderr and never a traceback.
"""

from __future__ import annotations

from .output import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE
from .run import main

__all__ = ["EXIT_DIFFERENT", "EXIT_OK", "EXIT_TROUBLE", "main"]
