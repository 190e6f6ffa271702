"""Reports: one neutral document per answer (`document`, built by `build`), rendered by the
formats registered by name in `registry` (`text`, `markdown`, `as_json`).

Kept empty of imports: the CLI reads the format names while building its parser."""
