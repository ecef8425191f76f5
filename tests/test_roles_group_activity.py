"""ACLED names the actor whose activity changed first: in a change to group/activity told in the
passive ("fighters were seen moving"), the group is actor1 as it is for other strategic
developments. Sentences written for this test."""

import datetime as dt

from sitrep.extract import roles as R
from sitrep.extract.events import extract
from sitrep.model import Article


def test_group_seen_moving_is_actor1(monkeypatch):
    text = ("About forty Al Shabaab fighters on foot were seen crossing the river near Bardhere on "
            "Monday and heading towards the hills, residents said.")
    art = Article(id="a", text=text, published=dt.date(2024, 4, 10), title="")
    [ev] = extract([art])[0]
    assert ev.sub_event_type == "Change to group/activity"
    assert ev.actor1 == "Al Shabaab"
    monkeypatch.setattr(R, "ACTOR_OF_ACTIVITY", ("Other", "Headquarters or base established", "Disrupted weapons use"))
    [off] = extract([art])[0]
    assert off.actor1 != "Al Shabaab"
