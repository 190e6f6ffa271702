"""tunewise's headless core: pricing catalog, cost model and decision rules (no UI imports)."""

from .pydantic_plugins import skip_lookup_without_plugins

__version__ = "0.1.0"

skip_lookup_without_plugins()  # before any model of the engine or profiles is built
