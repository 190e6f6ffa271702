"""The ids the profile's own paths go by among the options: `[prompting]` is the baseline and
`[fine_tuning]` the first fine-tuning option (the engine's `engine.options.inputs` ids)."""

BASELINE = "baseline"
FINE_TUNING = "fine_tuning"
RESERVED = (BASELINE, FINE_TUNING)
"""The profile's own paths, as options: `[prompting]` and `[fine_tuning]` (engine ids)."""
PREFIX = "options."
"""The start of every named option's answer path (`options.ID.field`)."""
