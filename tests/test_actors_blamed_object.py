"""The group a source blames, told as the verb's object ("police blamed the rebels"), is
actor1 of an act told with no perpetrator (roles.BLAMED, roles_words.yml blamed_after); where
the parse took it for the target, an explosion that killed people targets civilians. Sentences
written for this test."""

import datetime as dt

from sitrep.extract import events, roles
from sitrep.extract.events import extract
from sitrep.model import Article

TEXT = ("Four farm workers were killed on Sunday when a bomb exploded under their tractor near "
        "Gao. A local official blamed Islamic State militants who move through the area.")


def _event():
    evs = extract([Article(id="b", text=TEXT, published=dt.date(2021, 6, 8))])[0]
    assert len(evs) == 1, [(e.sub_event_type, e.actor1) for e in evs]
    return evs[0]


def test_the_blamed_group_told_as_object_is_actor1(monkeypatch):
    ev = _event()
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.actor1.startswith("Islamic State") and ev.inter1 == 2
    assert ev.actor2.startswith("Civilians") and ev.inter2 == 7 and ev.fatalities == 4
    monkeypatch.setattr(roles, "BLAMED", 0)
    monkeypatch.setattr(events, "BLAME", 0)  # the article-wide fallback would name it too
    assert not _event().actor1.startswith("Islamic State")


def test_blamed_on_still_reads_the_group_after_on():
    pats = roles._role_patterns()["blamed_after"]
    m = pats.search("The governor blamed the attack on Boko Haram fighters.")
    assert m is not None and m.group(0).endswith("on")
    assert pats.search("Residents blamed bandits for the raid.").group(0) == "blamed "
