"""tunewise's headless core: pricing catalog, cost model and decision rules (no UI imports)."""

import sys

__version__ = "0.1.0"


class _PluginLookup:
    """When pydantic imports its plugin loader, `engine.pydantic_plugins` may stand in for it
    (no `importlib.metadata` unless a package declares a plugin); nothing else is looked at."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> object:
        if name != "pydantic.plugin._loader":
            return None
        from .pydantic_plugins import find_spec

        return find_spec(name)


if "pydantic.plugin._loader" not in sys.modules:  # before any model here is built
    sys.meta_path.insert(0, _PluginLookup)  # type: ignore[arg-type]
