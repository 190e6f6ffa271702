"""Assessment profiles: the TOML files teams save, re-open, diff and keep in git."""
