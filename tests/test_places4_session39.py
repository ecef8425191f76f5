"""Session 39 (helper places4): places of notes and of the report countries. Sentences written
fresh by the helper; no real row is quoted.

- locate.UNIT_WORD_AFTER_NO_PERSON: a two-word name before a unit word below the province ("Nam
  Tu township", "Kut Kai township") is the unit's name, not a person's full name;
- the supplement's additions (Yemen's fronts, Ethiopia, eastern DR Congo) are found.
"""
import datetime as dt

import sitrep.geo.gazetteer as G
import sitrep.geo.locate as L
from sitrep.geo.resolve import distance_km
from sitrep.model import Article
from sitrep.pipeline import process


def _event(text: str, day: dt.date = dt.date(2016, 4, 8)):
    events = process([Article(id="p4", url="", title="", text=text, published=day)])[0]
    return events[0] if events else None


def _near(ev, lat: float, lon: float, km: float = 25.0) -> bool:
    return ev is not None and ev.latitude is not None and distance_km((ev.latitude, ev.longitude), (lat, lon)) <= km


def test_a_two_word_township_before_its_unit_word_is_no_person(monkeypatch):
    text = "On 2 April 2016, the TNLA and the army fought near Ho Pong village, Nam Tu township, in Shan State."
    ev = _event(text)
    assert _near(ev, 23.09, 97.40, 15) and ev.geo_precision == 2
    monkeypatch.setattr(L, "UNIT_WORD_AFTER_NO_PERSON", False)
    assert not _near(_event(text + " "), 23.09, 97.40, 15)


def test_an_office_after_the_unit_word_keeps_the_person():
    text = "Fighting near Ho Pong, said Nam Tu township officer"
    assert L._unit_word_after_name("Kut Kai township, Shan State", 7)
    assert not L._unit_word_after_name(text, text.index(" township") )


def test_the_supplement_knows_the_report_countries_new_places():
    gaz = G.get_gazetteer()
    for name, iso, lat, lon in [("Al-Hawban", "YE", 13.60, 44.09), ("Al-Raqw", "YE", 17.09, 43.27),
                                ("Rumangabo", "CD", -1.37, 29.37), ("Kanyaruchinya", "CD", -1.58, 29.23),
                                ("Senbete", "ET", 10.62, 39.90)]:
        places = gaz.lookup(name, iso)
        assert any(distance_km((p.latitude, p.longitude), (lat, lon)) < 5 for p in places), name


def test_a_namesake_of_the_supplement_outside_the_named_state(monkeypatch):
    # "Nam San" is also a spelling of Shan's township seat Namhsan; the chain puts it in Kachin
    text = ("On 5 March 2014, soldiers and KIA fighters exchanged fire for hours in Lung Kawng and "
            "Nam San villages, Momauk township, Kachin State.")
    day = dt.date(2014, 3, 12)
    assert not _near(_event(text, day), 22.97, 97.16, 30)
    monkeypatch.setattr(L, "SUPPLEMENT_POINT_OUTSIDE_PROVINCE", False)
    assert _near(_event(text + " ", day), 22.97, 97.16, 30)
    monkeypatch.setattr(L, "SUPPLEMENT_POINT_OUTSIDE_PROVINCE", True)
    monkeypatch.setattr(L, "CHAIN_PAST_PLURAL_AND_TOWNSHIP", False)
    assert _near(_event(text + "  ", day), 22.97, 97.16, 30)


def test_a_country_set_as_a_border_is_no_town_of_its_name(monkeypatch):
    # the switch is off (docs/geo.md, session 39): this keeps its reading measurable
    text = "On 10 August 2020, unidentified gunmen shot a trader dead on a road near the border with Benin."
    monkeypatch.setattr(L, "BORDER_COUNTRY_NO_NAMESAKE", True)
    assert not _near(_event(text, dt.date(2020, 8, 14)), 6.34, 5.63, 50)
    monkeypatch.setattr(L, "BORDER_COUNTRY_NO_NAMESAKE", False)
    assert _near(_event(text + " ", dt.date(2020, 8, 14)), 6.34, 5.63, 50)
