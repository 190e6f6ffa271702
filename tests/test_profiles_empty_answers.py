"""An explicit empty answer ("no techniques tried") is not the same as unknown, on disk too."""

from __future__ import annotations

import tomllib
from pathlib import Path

from profiles.files import load_profile
from profiles.model import Profile
from profiles.writer import dumps

EXAMPLE = Path(__file__).parents[1] / "profiles" / "examples" / "support-chatbot-10k.toml"


def test_none_tried_survives_a_save_and_unknown_stays_unknown() -> None:
    profile = load_profile(EXAMPLE)
    assert profile.evidence is not None
    for value, line in (((), "techniques_tried = []"), (None, None)):
        changed = profile.model_copy(
            update={"evidence": profile.evidence.model_copy(update={"techniques_tried": value})}
        )
        text = dumps(changed)
        lines = [x for x in text.splitlines() if x.startswith("techniques_tried")]
        assert lines == ([line] if line else [])
        reloaded = Profile.model_validate(tomllib.loads(text))
        assert reloaded.evidence is not None
        assert reloaded.evidence.techniques_tried == value
