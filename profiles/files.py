"""Loading profiles from disk, with one-line errors that name the file, line and field."""

from __future__ import annotations

from pathlib import Path

from engine.tomlfile import FileError, parse_toml, read_text, validate

from .model import FORMAT, Profile


def load_profile(path: Path) -> Profile:
    """Read and validate a profile, or raise `FileError`."""
    text = read_text(path)
    data = parse_toml(path, text)
    header = data.get("profile")
    version = header.get("format") if isinstance(header, dict) else None
    if isinstance(version, int) and version > FORMAT:
        raise FileError(
            path,
            f"profile format {version} is newer than this tunewise reads "
            f"(format {FORMAT}); upgrade tunewise to open it",
        )
    return validate(path, text, data, Profile)
