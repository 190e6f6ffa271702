"""pydantic's plugin lookup (issue 19): skipped, with `importlib.metadata`, when no installed
package declares a pydantic plugin; a declared plugin still sees tunewise's models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from engine.pydantic_plugins import _declares

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "profiles" / "examples" / "support-chatbot-50k.toml"

PROBE = """\
import json, sys
from profiles.files import load_profile
profile = load_profile(sys.argv[1])
plugin = sys.modules.get("fakeplug")
print(json.dumps({
    "name": profile.profile.name,
    "metadata": "importlib.metadata" in sys.modules,
    "seen": sorted(set(plugin.seen)) if plugin else None,
}))
"""

PLUGIN = """\
seen = []


class Plugin:
    def new_schema_validator(self, schema, schema_type, path, kind, config, settings):
        seen.append(path.name)
        return None, None, None


plugin = Plugin()
"""


def _probe(extra_path: Path | None = None) -> dict[str, object]:
    env = dict(os.environ)
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(extra_path), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_without_a_declared_plugin_profiles_load_without_importlib_metadata() -> None:
    found = _probe()
    assert found["name"] and found["metadata"] is False


def test_a_declared_plugin_is_loaded_by_pydantic_and_sees_the_models(tmp_path: Path) -> None:
    info = tmp_path / "fakeplug-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplug\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nfake = fakeplug:plugin\n")
    (tmp_path / "fakeplug.py").write_text(PLUGIN)
    found = _probe(tmp_path)
    assert found["name"] and found["metadata"] is True
    seen = found["seen"]
    assert isinstance(seen, list) and "Profile" in seen


def test_only_a_pydantic_group_counts_and_what_cannot_be_read_is_left_to_pydantic(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other-1.0.dist-info"
    other.mkdir()
    (other / "entry_points.txt").write_text("[console_scripts]\npydantic = x:y\n")
    assert _declares(str(tmp_path)) is False
    egg = tmp_path / "old.egg" / "EGG-INFO"
    egg.mkdir(parents=True)
    (egg / "entry_points.txt").write_text("[pydantic]\nold = old:plugin\n")
    assert _declares(str(tmp_path)) is True
    assert _declares(str(tmp_path / "absent")) is False
    archive = tmp_path / "packages.zip"
    archive.write_bytes(b"PK")
    assert _declares(str(archive)) is True
