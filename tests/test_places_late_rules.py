"""Place rules of the 2026-12-06 late-morning session (geo/locate.py, geo/names.py): a coding
remark of the note ("coded as [X]") names the event's place; a town set after the building where
an act was ("in front of [an office], [a city] city") is where it happened; "[X] Sadar" is a
unit (precision 2); a people's adjective ("Papuan") is no fuzzy guess of its place.

The sentences are invented; the place names are facts."""

import pytest

from place_reading import reading
from sitrep.geo import locate
from sitrep.geo.locate import article_context, find_mentions, people_adjective_of, precision_for
from sitrep.model import Place, PlaceMention


def _place(text, gaz, verb=None, doc=None):
    return reading(text, gaz, verb=verb, doc=doc)[2]


# -- a coding remark names the place ---------------------------------------------------------------

def test_a_coding_remark_names_the_event_place(gazetteer, monkeypatch):
    text = ("Unknown men torched two grain stores in a hamlet of Central Java province "
            "(coded as Semarang), according to residents.")
    mm = _place(text, gazetteer, verb="torched")
    assert mm.place.name == "Semarang" and mm.place.feature == "town"
    assert precision_for(mm.place, mm.role) == 3  # a province stated, a town coded: as the province
    monkeypatch.setattr(locate, "CODED_AS_REMARK", False)
    assert _place(text, gazetteer, verb="torched").place.feature == "admin1"


@pytest.mark.parametrize("remark, precision", [
    ("(coded as Dinajpur at geoprecision 2)", 2),
    ("(coded as Dinajpur at geo-precision 1)", 1),
    ("(coordinates for Dinajpur used)", 2),  # the text says "near": 2
])
def test_the_remark_states_or_implies_the_precision(gazetteer, remark, precision):
    text = f"Farmers blocked a road near an unnamed market of Rangpur division {remark} over water rates."
    mm = _place(text, gazetteer, verb="blocked")
    if "geo" not in remark:
        text = f"Farmers blocked a road near Saidpur {remark} over water rates."
        mm = _place(text, gazetteer, verb="blocked")
    assert mm.place.name == "Dinajpur"
    assert precision_for(mm.place, mm.role) == precision


@pytest.mark.parametrize("before, remark", [
    ("Three raids were ", False), ("(coded as ", True), ("coded to ", True), ("[geocode for ", True),
    ("coordinates for ", True), ("the events were coded separately in ", False),
])
def test_coded_as_before(before, remark):
    assert bool(locate._CODED_AS_BEFORE.search(before)) is remark


# -- a town after the building where the act was ---------------------------------------------------

def test_a_town_after_a_building_is_where_it_happened(gazetteer, monkeypatch):
    text = ("Nurses staged a sit-in in front of the Divisional Health Office, Khulna city (Khulna Sadar), "
            "asking for the arrest of the attackers of a Mongla doctor.")
    mm = _place(text, gazetteer, verb="staged")
    assert mm.place.name == "Khulna"
    monkeypatch.setattr(locate, "FACILITY_COMMA_TOWN", False)
    assert _place(text, gazetteer, verb="staged").place.name != "Khulna"


def test_a_chain_of_places_is_left_to_its_own_reading(gazetteer):
    # the name before the comma is a place: the chain rules read it, not this one
    text = "Vendors protested in Rajshahi, Natore town (Natore Sadar), over new stall fees."
    mentions = [m for m in reading(text, gazetteer)[1] if m.place is not None]
    assert [m.text for m in mentions][:2] == ["Rajshahi", "Natore"]
    for m in mentions:
        m.role = ""
    locate._town_after_facility(mentions, text)
    assert mentions[1].role == ""
    text = "Vendors protested in front of the Rajshahi Press Club, Natore town (Natore Sadar), over stall fees."
    mentions = [m for m in reading(text, gazetteer)[1] if m.place is not None and m.text == "Natore"]
    for m in mentions:
        m.role = ""
    locate._town_after_facility(mentions, text)
    assert mentions[0].role == "in"


# -- "[X] Sadar" is a unit -------------------------------------------------------------------------

def test_sadar_upazila_is_the_unit(gazetteer, monkeypatch):
    text = "Two student groups clashed with sticks in Pabna Sadar upazila on Sunday."
    mm = _place(text, gazetteer, verb="clashed")
    assert mm.place.name == "Pabna" and precision_for(mm.place, mm.role) == 2
    monkeypatch.setattr(locate, "SADAR_UNIT", False)
    mm = _place(text, gazetteer, verb="clashed")
    assert mm.place.name == "Pabna" and precision_for(mm.place, mm.role) == 1


def test_a_city_named_with_its_sadar_in_brackets_stays_the_city(gazetteer):
    text = "Shopkeepers rallied in Pabna city (Pabna Sadar, Rajshahi) against extortion."
    mm = _place(text, gazetteer, verb="rallied")
    assert mm.place.name == "Pabna" and precision_for(mm.place, mm.role) == 1


# -- a people's adjective ---------------------------------------------------------------------------

@pytest.mark.parametrize("written, name, adjective", [
    ("Papuan", "Papua", True), ("Balinese", "Bali", True), ("Acehnese", "Aceh", True),
    ("Kiamburi", "Kiambur", False), ("Malang", "Malang", False), ("Papua", "Papua", False),
])
def test_people_adjective_of(written, name, adjective):
    assert people_adjective_of(written, name) is adjective


def test_a_peoples_adjective_is_no_fuzzy_guess(gazetteer, monkeypatch):
    text = "Indonesian students marched in Malang city to seek the release of seven Papuan detainees."
    focus = article_context(text).focus()
    assert "ID" in focus
    assert "Papuan" not in [m.text for m in find_mentions(text, gazetteer, countries=focus)]
    monkeypatch.setattr(locate, "FUZZY_NO_ADJECTIVE", False)
    monkeypatch.setattr(locate, "FOLDED_NEEDS_ODD_WORD", False)  # session 45 blocks it too
    assert "Papuan" in [m.text for m in find_mentions(text, gazetteer, countries=focus)]


# -- a unit's town stands for the smaller unit the text puts the event in ---------------------------

@pytest.mark.parametrize("text, verb, town", [
    ("Farmers held a sit-in at a village hall in Sukamulyo Barat district, Majalengka regency, "
     "West Java province, over land rates.", "held", "Majalengka"),
    ("Rival party workers fought with sticks in Purbo Dhalgaon union, Chatkhil upazila (Noakhali, Chittagong), "
     "over relief lists.", "fought", "Chatkhil"),
])
def test_a_unit_town_stands_for_the_smaller_unit_at_its_point(gazetteer, monkeypatch, text, verb, town):
    mm = _place(text, gazetteer, verb=verb)
    assert mm.place.name == town and precision_for(mm.place, mm.role) == 1
    monkeypatch.setattr(locate, "SMALL_UNIT_AT_ITS_POINT", False)
    mm = _place(text, gazetteer, verb=verb)
    assert mm.place.name == town and precision_for(mm.place, mm.role) == 2


def test_a_village_before_an_upazila_stays_near(gazetteer):
    # ACLED codes "[village] village, [upazila] upazila" mostly at 2: not a small unit here
    text = "Rival party workers fought with sticks in Purbo Dhalgaon village, Chatkhil upazila, over relief lists."
    mm = _place(text, gazetteer, verb="fought")
    assert mm.place.name == "Chatkhil" and precision_for(mm.place, mm.role) == 2


# -- a unit that is ACLED's admin2 is placed at its capital, 2 --------------------------------------

@pytest.mark.parametrize("text, verb", [
    ("Two farm workers were shot dead in Nueva Ecija on Monday evening.", "shot"),
    ("Teachers staged a sit-in at a school in Polonnaruwa district, North Central, on Friday.", "staged"),
])
def test_an_admin2_unit_is_placed_at_its_capital(gazetteer, monkeypatch, text, verb):
    mm = _place(text, gazetteer, verb=verb)
    assert mm.place.feature == "town" and precision_for(mm.place, mm.role) == 2
    assert mm.place.admin2 and mm.place.admin1 != mm.place.admin2  # the province is ACLED's admin2
    monkeypatch.setattr(locate, "ADMIN2_UNIT_AT_CAPITAL", False)
    assert _place(text, gazetteer, verb=verb).place.feature == "admin1"


@pytest.mark.parametrize("text, verb", [
    ("Students marched in Bacolod on Monday.", "marched"),  # a city that is a unit of its own
    ("Gunmen attacked a bus in Adamawa on Monday.", "attacked"),  # a province that is ACLED's admin1
])
def test_other_units_keep_their_reading(gazetteer, text, verb):
    mm = _place(text, gazetteer, verb=verb)
    assert not (mm.place.feature == "town" and getattr(mm.place, "for_unit", False)
                and mm.place.name != mm.text)


# -- "[X] region" naming ACLED's region is no town ---------------------------------------------------

def test_a_region_name_is_no_town_of_that_name(gazetteer, monkeypatch):
    text = "Miners staged a rally during a minister's visit at Butuan City in Caraga region on Monday."
    mm = _place(text, gazetteer, verb="staged")
    assert mm.place.name == "Butuan" and mm.place.admin1 == "Caraga"
    monkeypatch.setattr(locate, "REGION_NAME_NO_TOWN", False)
    assert _place(text, gazetteer, verb="staged").place.name == "Caraga"  # the town of Davao Oriental


def test_region_of_country():
    assert locate._region_of_country("PH", "Caraga") and locate._region_of_country("PH", "Caraga region")
    assert not locate._region_of_country("PH", "Mati") and not locate._region_of_country("", "Caraga")


# -- a village set in a town that is set in its province ---------------------------------------------

def _at(name, lat, lon, code, feature="town"):
    place = Place(name, lat, lon, iso="PH", feature=feature)
    place.admin1_code = code
    return place


def test_a_village_is_near_the_town_its_province_names(monkeypatch):
    # "Barangay Poblacion (Carmen, Agusan del Norte)": the village read was a Poblacion of Cebu's
    # Carmen; the town resolved to Cebu's too, and only a later step moves it into the province
    text = "A ceremony was held in Barangay Poblacion (Carmen, Agusan del Norte, Caraga)."

    def mentions():
        out = []
        for name, place in [("Poblacion", _at("Poblacion", 10.58, 124.02, "PH.21", "village")),
                            ("Carmen", _at("Carmen", 10.59, 124.03, "PH.21")),
                            ("Agusan del Norte", _at("Agusan del Norte", 9.0, 125.5, "PH.02", "admin1"))]:
            mm = PlaceMention(name, text.index(name), text.index(name) + len(name), place)
            mm.candidates = [place, _at("Carmen", 8.99, 125.29, "PH.02")] if name == "Carmen" else [place]
            out.append(mm)
        return out

    ordered = mentions()
    locate._village_far_from_its_town(ordered, text)
    assert ordered[0].place is None  # no Poblacion of that Carmen: the town stands for it
    monkeypatch.setattr(locate, "VILLAGE_NEAR_NAMED_TOWN", False)
    ordered = mentions()
    locate._village_far_from_its_town(ordered, text)
    assert ordered[0].place is not None  # near a Carmen, if not the one the province names
