"""`python -m tui.cli`: the `tunewise` command."""

import sys

from . import main

sys.exit(main())
