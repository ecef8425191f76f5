"""Session 47 (helper places12): namesakes inside one province told apart by the text's other
places, a dictionary word opening a headline read as no foreign place, and phrases that tell a
text's provinces. Sentences written fresh by the helper; no real row is quoted.

- resolve.NEAREST_NAMESAKE with resolve.NAMESAKE_OWN_POINT_EXCLUDED: of two villages named alike in
  one oblast, the one beside the other town the text names (the first one read had always won, as
  its own point gave every namesake near it the same bonus);
- locate.OPENING_WORD_ABROAD_NOT_PLACE: "Grenade attack ..." is no Granada (Spain);
- locate.AREA_CUE_PROVINCES: "the OSCE SMM" sets a text in Donetsk and Luhansk oblasts
  (data/place_words_session47.yaml `area_cues`).
"""
import datetime as dt
import re
from importlib import resources

import pytest
import yaml

import sitrep.geo.locate as L
import sitrep.geo.resolve as R
from event_reading import events_of, top_event
from place_reading import chosen, reading

# two villages called Yakovlivka in Donetsk oblast: one by Yasynuvata, one by Soledar, 70 km apart
NEAR_YASYNUVATA = ("Artillery hit a school in Yasynuvata on Sunday. The next morning shells fell "
                   "on a farm in Yakovlivka in Donetsk oblast and wounded a tractor driver.")
NEAR_SOLEDAR = ("Artillery hit a school in Soledar on Sunday. The next morning shells fell "
                "on a farm in Yakovlivka in Donetsk oblast and wounded a tractor driver.")


def _latitude(text):
    from sitrep.geo.gazetteer import get_gazetteer

    _, mentions, _ = reading(text, get_gazetteer(), verb="fell")
    place = next(m.place for m in mentions if m.text == "Yakovlivka")
    return place.name, round(place.latitude, 1)


def test_the_namesake_beside_the_texts_other_town_is_meant():
    assert _latitude(NEAR_YASYNUVATA) == ("Yakovlivka", 48.1)
    assert _latitude(NEAR_SOLEDAR) == ("Yakovlivka", 48.7)


@pytest.mark.parametrize("switch", ["NEAREST_NAMESAKE", "NAMESAKE_OWN_POINT_EXCLUDED"])
def test_without_the_switch_the_first_namesake_read_wins(monkeypatch, switch):
    monkeypatch.setattr(R, switch, False)
    assert _latitude(NEAR_YASYNUVATA) == ("Yakovlivka", 48.7)


def test_a_namesake_needs_the_other_town_nearby():
    # alone, the village is the first of its namesakes read, as before
    text = "Shells fell on a farm in Yakovlivka in Donetsk oblast and wounded a tractor driver."
    assert _latitude(text) == ("Yakovlivka", 48.7)


GRENADE_TEXT = "Grenade blast wounds three people at a crowded bus stop"


def test_an_opening_dictionary_word_is_no_foreign_city(monkeypatch):
    evs = events_of(GRENADE_TEXT, dt.date(2020, 5, 2))
    assert evs and all(ev.country != "Spain" for ev in evs)
    monkeypatch.setattr(L, "OPENING_WORD_ABROAD_NOT_PLACE", False)
    assert top_event(events_of(GRENADE_TEXT, dt.date(2020, 5, 2))).location == "Granada"


def test_an_opening_place_word_of_the_texts_country_stays():
    text = "Bay region clashes kill two soldiers in Somalia"
    assert top_event(events_of(text, dt.date(2020, 5, 2))).admin1 == "Bay"


# Serhiivka: villages of Poltava and Donetsk oblasts (and others) share the name
CUE_TEXT = "Monitors of the OSCE SMM heard twelve blasts south of Serhiivka late on 3 March 2019."


def test_an_area_cue_sets_the_province(gazetteer, monkeypatch):
    assert chosen(CUE_TEXT, gazetteer, verb="heard").place.admin1 in ("Donetsk", "Luhansk")
    monkeypatch.setattr(L, "AREA_CUE_PROVINCES", False)
    assert chosen(CUE_TEXT, gazetteer, verb="heard").place.admin1 not in ("Donetsk", "Luhansk")


def test_area_cues_file_is_well_formed():
    path = resources.files("sitrep") / "data" / "place_words_session47.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["area_cues"]
    for cue in data["area_cues"]:
        assert set(cue) == {"phrases", "provinces"}
        assert cue["phrases"] and all(isinstance(p, str) and p.strip() == p and p for p in cue["phrases"])
        assert cue["provinces"] and all(re.fullmatch(r"[A-Z]{2}\.\w+", c) for c in cue["provinces"])


# Kasarani: a quarter of Nairobi in the gazetteer; here one of Naivasha, 80 km off, that it lacks
QUARTER_TEXT = "Boda boda riders blocked a road in Kasarani, Naivasha after police beat a colleague."


def test_a_far_namesake_before_a_town_gives_way_to_the_town(monkeypatch):
    ev = top_event(events_of(QUARTER_TEXT, dt.date(2021, 3, 9)))
    assert (ev.location, ev.admin1) == ("Naivasha", "Nakuru")
    monkeypatch.setattr(L, "TOWN_COMMA_FAR_TOWN", False)
    assert top_event(events_of(QUARTER_TEXT, dt.date(2021, 3, 9))).location == "Kasarani"


def test_a_list_of_towns_keeps_each_town():
    text = "Riders blocked roads in Kasarani, Naivasha and Nakuru after police beat a colleague."
    from sitrep.geo.gazetteer import get_gazetteer

    _, mentions, _ = reading(text, get_gazetteer(), verb="blocked")
    assert any(m.text == "Kasarani" and m.place is not None and m.place.admin1 == "Nairobi" for m in mentions)


# the parser tags "Mato Grosso" a person; "Sul" alone had been read as Suhl (Germany)
PARTICLE_TEXT = "Late on Friday, in Dourados (Mato Grosso do Sul), two gunmen shot a shopkeeper dead."


def test_a_province_name_with_a_particle_is_no_person(gazetteer, parse, monkeypatch):
    def names():
        return [m.text for m in L.find_mentions(PARTICLE_TEXT, gazetteer, doc=parse(PARTICLE_TEXT), countries={"BR"})]

    assert "Mato Grosso do Sul" in names()
    monkeypatch.setattr(L, "PARTICLE_NAME_NO_PERSON", False)
    assert "Mato Grosso do Sul" not in names()


def test_a_town_before_a_city_of_its_own_province_stays(gazetteer):
    # Chittagong: a city and the division named after it, in which Khagrachhari lies, 100 km off
    text = "Police dispersed a student rally in Khagrachhari, Chittagong on Sunday."
    _, mentions, _ = reading(text, gazetteer, verb="dispersed")
    assert any(m.text == "Khagrachhari" and m.place is not None for m in mentions)
