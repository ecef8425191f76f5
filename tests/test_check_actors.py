"""scripts/check_actors.py passes on the actor dictionary as shipped, and still catches what it
is for (an alias two actors share where both apply; a missing schema key)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_actors.py"
ACTORS = ROOT / "src" / "sitrep" / "data" / "actors"


def _run(folder: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *([str(folder)] if folder else [])],
                          capture_output=True, text=True, timeout=120)


def test_the_shipped_dictionary_has_no_error():
    done = _run()
    assert done.returncode == 0, done.stdout[-2000:]
    assert "0 error(s)" in done.stdout


def _entry(name: str, countries: list[str], aliases: list[str], **extra) -> dict:
    return {"name": name, "inter": 2, "home": countries[0] if countries else "any", "countries": countries,
            "kind": "rebel", "aliases": aliases, "context_aliases": [], "note": "", **extra}


def test_it_catches_a_shared_alias_and_a_missing_key(tmp_path):
    shutil.copy(ACTORS / "generic.yaml", tmp_path / "generic.yaml")
    entries = [_entry("Front of the Hills", ["KE"], ["hill front"]),
               _entry("Army of the Plains", ["KE", "UG"], ["hill front"]),
               # one lineage over time may share its aliases
               _entry("Old Mission", [], ["the mission"], lineage="m", valid_to="2020-01-01"),
               _entry("New Mission", [], ["the mission"], lineage="m", valid_from="2020-01-02")]
    bad = _entry("Keyless Band", ["TZ"], ["keyless band"])
    del bad["note"]
    (tmp_path / "east.yaml").write_text(yaml.safe_dump(entries + [bad], sort_keys=False), encoding="utf-8")
    done = _run(tmp_path)
    assert done.returncode == 1
    assert "alias 'hill front' under 'Front of the Hills'" in done.stdout
    assert "Keyless Band" in done.stdout and "keys" in done.stdout
    assert "the mission" not in done.stdout
