"""Session 43 (helper places8): which namesake a mention means, and a station's name. Sentences
written fresh by the helper; no real row is quoted.

- resolve.OWN_NAME_OVER_ALIAS: between namesakes of one country, both read exactly, the place whose
  own name is the written one comes first ("Sheno" of Oromia, not Shone, which GeoNames also calls so);
- resolve.WORLD_CITY_BY_OWN_NAME: a city of a million comes before a small namesake in focus only
  when called by its own name ("Bethlehem" is among Belem's other names);
- locate.STATION_NAME_IN_TOWN: "the [X] bus station in [a city]": X, far from the city, is the
  station's name; the city is the place;
- locate.LOOSE_TOWN_OUTSIDE_CHAIN: "[X] town, [a regency], [a province]": a place read only by a
  folded spelling, 100 km and more from the chain's unit, is a namesake;
- locate.WORD_INSIDE_INSTITUTION_NAME: "National Human Rights Commission": "Human" is no place;
- locate.PRESS_HEADS: "Agence France Presse" is an institution's name (no Prisse of France).
"""
from collections import Counter
from importlib import resources

import yaml

import sitrep.geo.locate as L
import sitrep.geo.resolve as R
from place_reading import given_countries_mentions as _mentions
from place_reading import given_countries_place as _best
from sitrep.geo.resolve import GeoContext


def _resolved(gaz, name: str, countries: set[str]):
    return R.resolve(gaz.lookup(name), name, GeoContext(countries=Counter({c: 3 for c in countries})))


def test_own_name_before_alias_in_one_country(gazetteer, monkeypatch):
    place = _resolved(gazetteer, "Sheno", {"ET"})
    assert place.name == "Sheno" and place.admin1 == "Oromia"
    monkeypatch.setattr(R, "OWN_NAME_OVER_ALIAS", 0)
    assert _resolved(gazetteer, "Sheno", {"ET"}).name == "Shone"


def test_world_city_only_by_its_own_name(gazetteer, monkeypatch):
    place = _resolved(gazetteer, "Bethlehem", {"PS"})
    assert place.iso == "PS"
    monkeypatch.setattr(R, "WORLD_CITY_BY_OWN_NAME", 0)
    assert _resolved(gazetteer, "Bethlehem", {"PS"}).iso == "BR"
    # called by its own name, the world city still comes first ("strikes near Damascus")
    monkeypatch.setattr(R, "WORLD_CITY_BY_OWN_NAME", 1)
    assert _resolved(gazetteer, "Damascus", {"US"}).iso == "SY"


STATION_TEXT = "Rival touts fought with clubs on Sunday at the Machakos bus station in Nairobi, wounding five."


def test_a_station_named_for_another_town(gazetteer, monkeypatch):
    best = _best(STATION_TEXT, gazetteer)
    assert best is not None and best.place.name == "Nairobi"
    monkeypatch.setattr(L, "STATION_NAME_IN_TOWN", 0)
    best = _best(STATION_TEXT, gazetteer)
    assert best is not None and best.place.name == "Machakos"


def test_a_station_of_its_own_town_stays(gazetteer):
    best = _best("A grenade went off at the Garissa bus station, wounding four travellers.", gazetteer)
    assert best is not None and best.place.name == "Garissa"
    assert L._STATION_SET_IN.match(" railway station, ") and not L._STATION_SET_IN.match(" market in ")


LOOSE_TEXT = "After a rifle went missing, soldiers beat a farmer at Sowi town, Manokwari regency, Papua province."


def test_a_folded_namesake_far_from_its_chain_is_dropped(gazetteer, monkeypatch):
    best = _best(LOOSE_TEXT, gazetteer)
    assert best is not None and best.place.name == "Manokwari"
    monkeypatch.setattr(L, "LOOSE_TOWN_OUTSIDE_CHAIN", 0)
    best = _best(LOOSE_TEXT, gazetteer)
    assert best is not None and best.place.name == "Soe"


INSTITUTION_TEXT = "Lawyers formed a human chain outside the National Human Rights Commission office in Dhaka."


def test_a_word_inside_an_institution_name(gazetteer, monkeypatch):
    assert "Human" not in [m.text for m in _mentions(INSTITUTION_TEXT, gazetteer)]
    monkeypatch.setattr(L, "WORD_INSIDE_INSTITUTION_NAME", 0)
    assert "Human" in [m.text for m in _mentions(INSTITUTION_TEXT, gazetteer)]


def test_a_province_named_inside_an_institution_stays(gazetteer):
    names = [m.text for m in _mentions("The Delta State Police Command said gunmen killed three farmers.", gazetteer)]
    assert any(n.startswith("Delta") for n in names)


PRESS_TEXT = "Shells hit a crowded market on Sunday, killing traders - Agence France Presse counts three dead."


def test_a_news_agency_is_no_place(gazetteer, monkeypatch):
    assert "Presse" not in [m.text for m in _mentions(PRESS_TEXT, gazetteer)]
    monkeypatch.setattr(L, "PRESS_HEADS", 0)
    L.organisation_heads.cache_clear()
    try:
        assert "Presse" in [m.text for m in _mentions(PRESS_TEXT, gazetteer)]
    finally:
        monkeypatch.setattr(L, "PRESS_HEADS", 1)
        L.organisation_heads.cache_clear()


def test_the_session43_words_file_is_a_lowercase_list():
    data = yaml.safe_load((resources.files("sitrep") / "data" / "place_words_session43.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"organisation_heads_more"}
    words = data["organisation_heads_more"]
    assert words and all(isinstance(w, str) and w == w.lower() and " " not in w for w in words)


SINGU_TEXT = "Farmers protested in Singu township, Mandalay, calling for the release of detained farmers."


def test_a_namesake_inside_the_chain_is_taken(gazetteer):
    ms = [m for m in _mentions(SINGU_TEXT, gazetteer, {"MM"}) if m.text.startswith("Singu")]
    assert ms and ms[0].place is not None and ms[0].place.admin1 == "Mandalay"


def test_a_place_opening_an_institution_name_stays(gazetteer):
    text = "A sit-in by students at Dagon University opposed a new education law."
    assert "Dagon" in [m.text for m in _mentions(text, gazetteer)]
