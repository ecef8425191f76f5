"""Strategic developments by ACLED's codebook (issue 9): movements of forces, security measures
and operations announced with no fighting are changes to the group's activity; a surrender is an
agreement; people displaced, roadblocks and mass graves are "Other"; a checkpoint set up is no
base. The sentences are the team's own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.extract.cues import get_lexicon
from sitrep.extract.events import extract
from sitrep.model import Article

CHANGE = "Change to group/activity"


def _classes(text: str) -> set[str]:
    return {c.cls for c in get_lexicon().find(text)}


@pytest.mark.parametrize("text,cls", [
    ("The army deployed two battalions to the border district on Tuesday.", CHANGE),
    ("Extra police officers were deployed in the market town after the threats.", CHANGE),
    ("The governor imposed a dusk-to-dawn curfew on the town of Kelbo.", CHANGE),
    ("A state of emergency was declared in the three eastern provinces.", CHANGE),
    ("Soldiers launched a clearing operation in the hills north of the river.", CHANGE),
    ("About forty armed men were spotted moving on motorbikes near the dam.", CHANGE),
    ("Sixty fighters of the front surrendered to the district commander.", "Agreement"),
    ("Hundreds of families fled their homes in the valley.", "Other"),
    ("Residents erected barricades of burning tyres on the main road.", "Other"),
    ("Investigators exhumed a mass grave behind the old school.", "Other"),
])
def test_cue_classes(text, cls):
    assert cls in _classes(text)


def test_a_checkpoint_set_up_is_no_base():
    classes = _classes("Gunmen set up a checkpoint on the road between the two villages.")
    assert "Headquarters or base established" not in classes and "Other" in classes
    assert "Headquarters or base established" in _classes("The militants set up a base in the forest.")


def test_a_surrender_is_no_change_to_the_group():
    assert CHANGE not in _classes("Twelve rebels laid down their arms in the provincial capital.")


def test_the_team_sentences_follow_the_convention():
    """The training sentences agree with the cues: none of the team's sentences of a curfew, a
    lockdown or troops deployed is labelled "Other", and no surrender is a change to the group
    (they were, before)."""
    root = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "training"
    wrong = []
    for path in root.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            low = rec["text"].lower()
            if rec.get("sub_event_type") == "Other" and ("curfew" in low or "lockdown" in low
                                                        or "deployed troops" in low):
                wrong.append((path.name, rec["text"][:60]))
            if rec.get("sub_event_type") == CHANGE and ("surrendered" in low or "laid down their arms" in low):
                wrong.append((path.name, rec["text"][:60]))
    assert not wrong


def test_a_curfew_report_is_a_change_to_group_activity():
    art = Article(id="cur1", title="", text="On 3 May 2023, the regional governor imposed a dusk-to-dawn curfew "
                  "on the town of Kelbo in Burkina Faso's Sahel region after days of tension.",
                  published=dt.date(2023, 5, 4))
    [events] = extract([art])
    assert events and events[0].sub_event_type == CHANGE
