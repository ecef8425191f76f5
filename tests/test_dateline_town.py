"""locate.DATELINE_TOWN: a wire report that names no place of its own is placed at its
dateline's town; the agency in the dateline's brackets is no place; a dateline word in capitals
is a name even where the tagger reads it as a common word. Sentences written by the team."""
import datetime as dt

import sitrep.geo.locate as L
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.model import Article
from sitrep.pipeline import process


def _where(text: str):
    evs = process([Article(id="dl", url="", title="", text=text, published=dt.date(2024, 1, 20))])[0]
    return (evs[0].location, evs[0].iso) if evs else None


FILED = "KANDAHAR, Jan 19 (Wire) - Gunmen shot dead three police officers at a checkpoint on Tuesday, police said."


def test_a_report_naming_no_place_is_placed_at_its_dateline(monkeypatch):
    assert _where(FILED) == ("Kandahar", "AF")
    monkeypatch.setattr(L, "DATELINE_TOWN", False)
    monkeypatch.setattr(L, "FOLDED_NEEDS_ODD_WORD", False)  # session 45: "Wire" is read as no place at all
    monkeypatch.setattr(L, "FUZZY_OTHER_COUNTRY", False)
    assert _where(FILED) != ("Kandahar", "AF")


def test_a_place_the_report_names_wins_over_the_dateline():
    text = "KANDAHAR, Jan 19 (Wire) - Gunmen shot dead three police officers at a checkpoint in Lashkar Gah on Tuesday."
    assert _where(text)[0] == "Lashkar Gah"


def test_the_agency_in_the_dateline_is_no_place(monkeypatch):
    text = "AMARAH, Jan 19 (Wire) - Two were killed."
    assert not [m for m in L.find_mentions(text, get_gazetteer()) if m.text == "Wire"]
    monkeypatch.setattr(L, "FOLDED_NEEDS_ODD_WORD", False)  # session 45 blocks an English word's loose match
    assert [m for m in L.find_mentions(text.replace(" - ", ": "), get_gazetteer()) if m.text == "Wire"]  # no dateline
