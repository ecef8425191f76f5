"""Session 42 (helper places7): how places are found in notes. Sentences written fresh by the
helper; no real row is quoted.

- locate.ELISION_NAMES (read when the module loads): "Anse-d'Hainault", "Bois d'Avril" are one name
  (checked off by hand: with 0 the first test fails);
- locate.VEHICLE_NAME_NOT_PLACE: "a Toyota vehicle", "a Metro shuttle bus": the make, not a place;
- locate.ACRONYM_NOT_TOWN: "a local NGO" is no town of Congo;
- locate.APPOSED_INEXACT_GIVES_WAY: "[an unknown name] District (Hargeisa)": a folded namesake abroad
  gives way to the town read exactly beside it;
- locate.HEAD_WORD_PROVINCE_IN_CHAIN: "in [a village], Centre," names Haiti's (or another
  country's) Centre province, though "centre" heads institutions' names.
"""
from collections import Counter
from importlib import resources

import yaml

import sitrep.geo.locate as L
from sitrep.geo.resolve import GeoContext


def _mentions(text: str, gaz, countries: set[str] | None = None):
    ms = L.find_mentions(text, gaz, countries=countries)
    L.resolve_mentions(ms, GeoContext(countries=Counter({c: 2 for c in countries or ()})))
    L.constrain_by_province(ms, text)
    return ms


def _best(text: str, gaz, countries: set[str] | None = None):
    ms = [m for m in _mentions(text, gaz, countries) if m.place is not None]
    return L.choose_event_place(ms, text, L.dateline_end(text), focus=countries)


def test_an_elided_article_joins_a_name(gazetteer):
    text = "Overnight, vigilantes beat two suspected thieves in the Anse-d'Hainault commune, Grand'Anse."
    names = [m.text for m in _mentions(text, gazetteer)]
    assert "Anse-d'Hainault" in names and "'Hainault" not in names
    assert L._SPAN.fullmatch("Petite Riviere de l'Artibonite")
    assert L._SPAN.fullmatch("Bois d'Avril")


VEHICLE_TEXT = "Bandits stopped a Toyota lorry on a dirt track and robbed the passengers of their phones."


def test_a_make_before_a_vehicle_noun_is_no_place(gazetteer, monkeypatch):
    assert "Toyota" not in [m.text for m in _mentions(VEHICLE_TEXT, gazetteer)]
    monkeypatch.setattr(L, "VEHICLE_NAME_NOT_PLACE", False)
    assert "Toyota" in [m.text for m in _mentions(VEHICLE_TEXT, gazetteer)]


def test_a_bus_station_keeps_its_town(gazetteer):
    text = "A grenade went off at the Garissa bus station, wounding four travellers."
    assert "Garissa" in [m.text for m in _mentions(text, gazetteer)]
    assert L.vehicle_after().match(" shuttle bus was") and not L.vehicle_after().match(" bus station")


def test_the_vehicle_nouns_file_is_a_lowercase_word_list():
    data = yaml.safe_load((resources.files("sitrep") / "data" / "place_words_session42.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"vehicle_nouns"}
    words = data["vehicle_nouns"]
    assert words and all(isinstance(w, str) and w == w.lower() and w.isalpha() for w in words)
    assert len(words) == len(set(words))


ACRONYM_TEXT = "Youths in the village stoned the office of a local NGO over food aid they had not received."


def test_an_acronym_is_no_town(gazetteer, monkeypatch):
    assert "NGO" not in [m.text for m in _mentions(ACRONYM_TEXT, gazetteer) if m.place is not None]
    monkeypatch.setattr(L, "ACRONYM_NOT_TOWN", False)
    assert "NGO" in [m.text for m in _mentions(ACRONYM_TEXT, gazetteer) if m.place is not None]


APPOSED_TEXT = "Pupils threw stones at cars in Faarax Haybe District (Hargeisa) on Tuesday morning."


def test_a_folded_namesake_abroad_gives_way_to_the_town_beside_it(gazetteer, monkeypatch):
    best = _best(APPOSED_TEXT, gazetteer)
    assert best is not None and best.place.iso == "SO"
    monkeypatch.setattr(L, "APPOSED_INEXACT_GIVES_WAY", False)
    best = _best(APPOSED_TEXT, gazetteer)
    assert best is not None and best.place.iso != "SO"


CENTRE_TEXT = "On a Sunday night, in Morne Gimbo, Centre, armed men burned three houses."


def test_centre_closing_a_chain_is_a_province(gazetteer, monkeypatch):
    best = _best(CENTRE_TEXT, gazetteer, {"HT"})
    assert best is not None and best.place.iso == "HT" and best.place.admin1 == "Centre"
    monkeypatch.setattr(L, "HEAD_WORD_PROVINCE_IN_CHAIN", False)
    assert _best(CENTRE_TEXT, gazetteer, {"HT"}) is None


def test_centre_as_an_institution_stays_no_place(gazetteer):
    text = "Nurses marched to the Centre, where the director met them."
    assert not [m for m in _mentions(text, gazetteer) if m.text == "Centre" and m.place is not None]
