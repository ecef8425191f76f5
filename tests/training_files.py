"""Checks shared by the tests of a session's training files (not a test module itself)."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.model import SUB_EVENT_TYPES

TRAINING = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "training"


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_new_files(group: list[Path], held_out: list[str]) -> None:
    """A group of training files: known sub-types, no repeated line within or across files,
    none shared with the other training files, and none of the test sentences held out."""
    others = set()
    for path in TRAINING.glob("*.jsonl"):
        if path not in group:
            others |= {r["text"] for r in records(path)}
    seen: set[str] = set()
    for path in group:
        recs = records(path)
        assert all(r["sub_event_type"] is None or r["sub_event_type"] in SUB_EVENT_TYPES for r in recs)
        texts = {r["text"] for r in recs}
        assert len(texts) == len(recs)
        assert not texts & others and not texts & seen
        seen |= texts
    for text in held_out:
        assert text not in seen
