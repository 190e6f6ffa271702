"""The browser: the profiles of a folder, to open or compare."""
