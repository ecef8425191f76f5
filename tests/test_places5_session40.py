"""Session 40 (helper places5): places of notes. Sentences written fresh by the helper; no real
row is quoted.

- locate.COMPASS_OF_NO_PERSON: a name after "[N km] [compass] of" is the town the text measures
  from, not a person's full name (the measured village is then placed from it);
- locate.BOUND_FOR_NOT_EVENT_PLACE: "a [town]-bound bus" names where the bus was going;
- locate.PLACE_OVER_ITS_COUNTRY: a province (or town) the text names beats its own country;
- locate.VILLAGE_IN_NAMED_UNIT_ANY_SOURCE: a GeoNames village inside the region its chain names
  stays up to 120 km from the district seat;
- locate.SAME_NAME_AS_SET_IN_PROVINCE: a name once set in its province is read the same way where it
  comes again alone;
- locate.POINT_BEFORE_ITS_UNIT: "[a village] in [X] territory": the village is the place, the unit a
  reference;
- the supplement's additions for Haiti are found.
"""
import datetime as dt

import sitrep.geo.gazetteer as G
import sitrep.geo.locate as L
from sitrep.geo.resolve import distance_km
from sitrep.model import Article
from sitrep.pipeline import process


def _event(text: str, day: dt.date = dt.date(2019, 3, 8)):
    events = process([Article(id="p5", url="", title="", text=text, published=day)])[0]
    return events[0] if events else None


def _near(ev, lat: float, lon: float, km: float = 25.0) -> bool:
    return ev is not None and ev.latitude is not None and distance_km((ev.latitude, ev.longitude), (lat, lon)) <= km


# Ceelbuur (Galgaduud), GeoNames' point
CEELBUUR = (4.685, 46.6176)


def test_a_village_measured_from_a_two_word_town(monkeypatch):
    text = "Clan gunmen raided Ceel Garas Village (6km NE of Ceel Buur) on 3 March and killed two herders."
    ev = _event(text)
    assert _near(ev, *CEELBUUR, 12) and ev.admin1 == "Galgaduud" and ev.geo_precision == 1
    monkeypatch.setattr(L, "COMPASS_OF_NO_PERSON", False)
    ev = _event(text + " ")
    assert not _near(ev, *CEELBUUR, 12)


def test_the_compass_pattern_needs_a_compass_word():
    assert L._COMPASS_OF_BEFORE.search("a camp 12 km SW of ")
    assert L._COMPASS_OF_BEFORE.search("a checkpoint north-east of the town of ")
    assert not L._COMPASS_OF_BEFORE.search("a relative of ")


KOTULO_TEXT = ("Suspected militants stopped a Nairobi-bound bus at Kotulo, Mandera County in north-eastern "
               "Kenya and shot twelve passengers dead.")


def test_a_town_before_bound_is_where_the_bus_was_going(monkeypatch):
    ev = _event(KOTULO_TEXT)
    assert ev is not None and ev.admin1 == "Mandera"
    monkeypatch.setattr(L, "BOUND_FOR_NOT_EVENT_PLACE", False)
    ev = _event(KOTULO_TEXT + " ")
    assert ev is not None and ev.admin1 == "Nairobi"


def test_a_county_beats_its_own_country(monkeypatch):
    text = KOTULO_TEXT.replace("a Nairobi-bound bus", "a bus")
    ev = _event(text)
    assert ev is not None and ev.admin1 == "Mandera" and ev.country == "Kenya"
    monkeypatch.setattr(L, "PLACE_OVER_ITS_COUNTRY", False)
    ev = _event(text + " ")
    assert ev is None or ev.admin1 != "Mandera"


def test_the_supplement_knows_haitian_quarters_and_communes():
    gaz = G.get_gazetteer()
    for name, lat, lon in [("Croix-des-Missions", 18.59, -72.28), ("Simon Pele", 18.565, -72.31),
                           ("Poste Marchand", 18.548, -72.333), ("Saut-d'Eau", 18.817, -72.20),
                           ("Anse d'Hainault", 18.494, -74.45), ("Pont-Sonde", 19.15, -72.62)]:
        places = gaz.lookup(name, "HT")
        assert any(distance_km((p.latitude, p.longitude), (lat, lon)) < 5 for p in places), name


def test_a_haitian_commune_set_in_its_department():
    ev = _event("On 4 May 2024, in Cange, Centre, residents set up burning barricades on the road to protest "
                "against the lack of electricity.", dt.date(2024, 5, 6))
    assert ev is not None and ev.country == "Haiti" and ev.admin1 == "Centre"


def test_a_geonames_village_in_its_named_region_far_from_the_district_seat(monkeypatch):
    # Kaambooni lies on the coast, about 77 km from Badhaadhe's seat, inside Lower Juba
    text = ("On 9 May 2023, Al Shabaab fighters fired mortars at a Kenyan army base in Ras Kamboni "
            "village (Badhaadhe, Lower Juba). No one was hurt.")
    day = dt.date(2023, 5, 10)
    ev = _event(text, day)
    assert _near(ev, -1.638, 41.587, 10)
    monkeypatch.setattr(L, "VILLAGE_IN_NAMED_UNIT_ANY_SOURCE", False)
    assert not _near(_event(text + " ", day), -1.638, 41.587, 10)


def test_a_name_once_set_in_its_province_keeps_that_reading(monkeypatch):
    # the gazetteer's Pryvitne lies in Cherkasy; the text sets the village in Luhansk oblast
    text = ("On 12 February 2022, government troops fired machine guns at separatist positions near "
            "Pryvitne, Luhansk. Nobody was hurt. Monitors counted 40 blasts near Pryvitne that day.")
    day = dt.date(2022, 2, 13)
    ev = _event(text, day)
    assert ev is not None and ev.admin1 == "Luhansk"
    monkeypatch.setattr(L, "SAME_NAME_AS_SET_IN_PROVINCE", False)
    ev = _event(text + " ", day)
    assert ev is not None and ev.admin1 != "Luhansk"


def test_a_village_before_in_its_territory_is_the_place(monkeypatch):
    # Bunyakiri lies about 47 km west of Kalehe, the territory's seat
    text = "On 4 June 2023, armed men looted Bunyakiri in Kalehe territory and killed three farmers."
    day = dt.date(2023, 6, 6)
    ev = _event(text, day)
    assert _near(ev, -2.02, 28.48, 10)
    monkeypatch.setattr(L, "POINT_BEFORE_ITS_UNIT", False)
    assert not _near(_event(text + " ", day), -2.02, 28.48, 10)
