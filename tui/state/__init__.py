"""The headless view-state: what the screens show, computed without Textual (a test keeps it so)."""
