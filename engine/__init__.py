"""tunewise's headless core: pricing catalog, cost model and decision rules (no UI imports)."""

__version__ = "0.1.0"
