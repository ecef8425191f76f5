"""events.SOURCE_NOT_BOMBER: "..., police said" does not make the police the actor of a blast
set off by no one named. Sentences written by the team."""
import datetime as dt

import sitrep.extract.events as E
from sitrep.model import Article
from sitrep.pipeline import process

BLAST = ("KANDAHAR, March 4 (Wire) - A bomb hidden in a motorcycle exploded outside a bakery in "
         "Kandahar on Tuesday, killing five and wounding 14, police said.")


def _actor1(text: str) -> str:
    evs = process([Article(id="sb", url="", title="", text=text, published=dt.date(2025, 3, 5))])[0]
    return evs[0].actor1 if evs else ""


def test_the_source_of_a_blast_report_is_not_its_actor(monkeypatch):
    assert not _actor1(BLAST).startswith("Police")
    monkeypatch.setattr(E, "SOURCE_NOT_BOMBER", 0)
    assert _actor1(BLAST).startswith("Police")


def test_between_others_is_told_as_a_fight_of_others():
    assert E._unclaimed_blast_or_feud([], "a feud between two families turned into a gunfight")
    assert not E._unclaimed_blast_or_feud([], "police raided a house and arrested two men")
