"""Session 38 (helper places3): Iraq's and Syria's places. Sentences written fresh by the
helper from general knowledge of the map; no real row is quoted.

- gazetteer.SUBREGION_NOT_ADMIN1: a supplement region inside a province ("Mutaibijah") is an
  area at its own point, not the whole province placed at its capital;
- locate.CHAIN_AFTER_NO_PERSON: a name followed by an ACLED bracket "([district], [province])"
  is a place even where the parser calls it a person ("Tal Tamer");
- locate.CHAIN_HEAD_AFTER_UNIT_WORD: "in [X] town ([province])": the bracket's name is a unit of
  the chain, not a person;
- locate.COUNTRYSIDE_OF_NO_PERSON: "in the countryside of [X]" sets X as a place.
"""
import datetime as dt

import sitrep.geo.gazetteer as G
import sitrep.geo.locate as L
from sitrep.geo.resolve import distance_km
from sitrep.model import Article
from sitrep.pipeline import process


def _event(text: str, day: dt.date = dt.date(2021, 5, 3)):
    return process([Article(id="p3", url="", title="", text=text, published=day)])[0][0]


def _near(ev, lat: float, lon: float, km: float = 25.0) -> bool:
    return ev.latitude is not None and distance_km((ev.latitude, ev.longitude), (lat, lon)) <= km


def test_an_area_within_a_province_is_no_province(monkeypatch):
    gaz = G.Gazetteer()
    feats = {p.feature for p in gaz.lookup("Mutaibija", "IQ") if p.name == "Mutaibijah"}
    assert feats == {"region"}
    assert "admin1" in {p.feature for p in gaz.lookup("Diyala", "IQ")}  # the governorate stays one
    # a region wider than SUBREGION_MAX_KM spans provinces and stays as it was
    assert {p.feature for p in gaz.lookup("Kurdistan Region", "IQ") if p.name == "Kurdistan Region"} == {"admin1"}
    monkeypatch.setattr(G, "SUBREGION_NOT_ADMIN1", False)
    gaz = G.Gazetteer()
    assert {p.feature for p in gaz.lookup("Mutaibija", "IQ") if p.name == "Mutaibijah"} == {"admin1"}


def test_an_area_within_a_province_is_placed_at_its_own_point(monkeypatch):
    text = "On 1 May 2021, suspected militants fired on a checkpoint of the army in the Mutaibija basin, wounding a soldier."
    ev = _event(text)
    assert ev.admin1 == "Salah al-Din" and _near(ev, 34.35, 44.35)
    monkeypatch.setattr(G, "SUBREGION_NOT_ADMIN1", False)
    G.get_gazetteer()._cache.clear()  # places are cached as read
    try:
        assert not _near(_event(text + " "), 34.35, 44.35)
    finally:
        G.get_gazetteer()._cache.clear()


def test_a_name_before_an_acled_bracket_is_a_place(monkeypatch):
    text = "On 2 May 2021, Turkish-backed factions shelled Tal Tamer (Al-Hasakeh, Al-Hasakeh), wounding a farmer."
    assert _near(_event(text), 36.66, 40.37, 10)
    monkeypatch.setattr(L, "CHAIN_AFTER_NO_PERSON", False)
    assert not _near(_event(text + " "), 36.66, 40.37, 10)


def test_a_bracketed_province_after_a_town_word(monkeypatch):
    text = "On 2 May 2021, a mine went off in Al-Hol town (Al-Hasakeh), wounding two boys."
    ev = _event(text)
    assert ev.country == "Syria" and ev.admin1 == "Al Hasakeh"
    monkeypatch.setattr(L, "CHAIN_HEAD_AFTER_UNIT_WORD", False)
    assert _event(text + " ").country != "Syria"


def test_the_countryside_of_a_town(monkeypatch):
    text = "On 2 May 2021, Turkish forces shelled farms in the countryside of Tal Tamr, wounding a shepherd."
    assert _near(_event(text), 36.66, 40.37, 10)
    monkeypatch.setattr(L, "COUNTRYSIDE_OF_NO_PERSON", False)
    assert not _near(_event(text + " "), 36.66, 40.37, 10)


def test_a_bracket_of_acronyms_is_no_chain():
    assert not L._CHAIN_AFTER.match(" (SDF, YPG) said")
    assert L._CHAIN_AFTER.match(" (Ras Al Ain, Al-Hasakeh),")


def test_a_province_city_after_its_sub_district_is_the_province(monkeypatch):
    text = "On 2 May 2021, a roadside bomb wounded two policemen in Al-Zab sub-district (Hawija district) in Kirkuk."
    ev = _event(text)
    assert ev.admin1 == "Kirkuk" and _near(ev, 35.23, 43.45, 10)
    monkeypatch.setattr(L, "PROVINCE_CITY_AFTER_UNIT", False)
    assert not _near(_event(text + " "), 35.23, 43.45, 10)


def test_a_town_in_the_countryside_of_a_province_city(monkeypatch):
    text = "On 2 May 2021, SDF forces raided houses in Al-Kasra town in the western Deir Ez-Zor countryside, arresting five men."
    assert _near(_event(text), 35.57, 39.92, 10)
    monkeypatch.setattr(L, "PROVINCE_CITY_AFTER_UNIT", False)
    assert not _near(_event(text + " "), 35.57, 39.92, 10)


def test_a_compass_word_after_a_name_measures_from_the_next(monkeypatch):
    text = "On 2 May 2021, Israeli missiles struck positions near Kisweh south of Damascus."
    assert _near(_event(text), 33.36, 36.24, 8)
    monkeypatch.setattr(L, "DIRECTION_AFTER_NAME_REF", False)
    assert not _near(_event(text + " "), 33.36, 36.24, 8)


def test_a_name_before_its_province_is_a_place(monkeypatch):
    bracket = "On 2 May 2021, SDF fighters raided Tal Brak (Al-Hasakeh) and arrested two suspects."
    countryside = "On 2 May 2021, regime forces shelled Kafr Nouran in the western Aleppo countryside, wounding a child."
    assert _near(_event(bracket), 36.66, 41.06, 10)
    assert _near(_event(countryside), 36.15, 36.86, 10)
    monkeypatch.setattr(L, "PROVINCE_AFTER_NO_PERSON", False)
    assert not _near(_event(bracket + " "), 36.66, 41.06, 10)
    assert not _near(_event(countryside + " "), 36.15, 36.86, 10)


def test_a_bracket_that_is_no_province_leaves_a_person():
    assert not L._province_after("Ahmed Ali (Reuters) said", len("Ahmed Ali"))
    assert L._province_after("Tal Brak (Al-Hasakeh) and", len("Tal Brak"))
