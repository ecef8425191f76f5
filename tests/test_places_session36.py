"""Session 36 (places): Somalia's villages and district towns of the fronts (data/places/somalia.yaml),
an actor's abbreviation inside a place's name (`locate.ABBREVIATION_INSIDE_NAME`) and the
supplement's village in a wide district (`locate.SUPPLEMENT_VILLAGE_IN_NAMED_UNIT`).
The sentences are invented."""

import datetime as dt

import pytest

from event_reading import events_of
from sitrep.geo import locate
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.locate import find_mentions


@pytest.mark.parametrize("name, region", [
    ("Mareer Gur", "Galgaduud"), ("Ceel Baraf", "Middle Shabelle"), ("Tukaraq", "Sool"),
    ("Buulo Gaduud", "Lower Juba"), ("Berdaale", "Bay"), ("Maxaas", "Hiraan"), ("Galgala", "Bari"),
    ("Kunyo Barrow", "Lower Shabelle"),
])
def test_the_somali_villages_resolve_in_their_region(name, region):
    found = [p for p in get_gazetteer().lookup(name, "SO") if p.feature in ("town", "village")]
    assert found, f"{name} is not in the gazetteer"
    assert found[0].admin1 == region


@pytest.mark.parametrize("variant, name", [("Tuko Raq", "Tukaraq"), ("Mahas", "Maxaas"), ("Runirgod", "Ruun Nirgood")])
def test_the_somali_villages_answer_to_their_other_spellings(variant, name):
    assert any(p.name == name for p in get_gazetteer().lookup(variant, "SO"))


def test_an_attack_on_a_somali_village_is_placed_at_it_not_at_the_district_seat():
    text = "On 3 September 2024, Al Shabaab fighters raided a militia camp in the village of Ceel Baraf (Jowhar, Middle Shabelle) at dawn."
    evs = events_of(text, dt.date(2024, 9, 10))
    assert evs and evs[0].location == "Ceel Baraf" and evs[0].admin1 == "Middle Shabelle"


def _names(text, blocked):
    return [m.text for m in find_mentions(text, get_gazetteer(), blocked=blocked)]


def test_a_short_abbreviation_inside_a_place_name_does_not_block_it(monkeypatch):
    text = "Gunmen set up a roadblock in Mareer Gur village on Monday."
    gur = text.index("Gur")
    blocked = [(gur, gur + 3)]  # as an actor's alias of three letters would
    assert "Mareer Gur" in _names(text, blocked)
    monkeypatch.setattr(locate, "ABBREVIATION_INSIDE_NAME", False)
    assert "Mareer Gur" not in _names(text, blocked)


def test_a_blocked_whole_name_or_a_long_actor_name_still_blocks():
    text = "Gunmen set up a roadblock in Mareer Gur village on Monday."
    start = text.index("Mareer")
    assert "Mareer Gur" not in _names(text, [(start, start + len("Mareer Gur"))])
    assert "Mareer Gur" not in _names(text, [(start, start + len("Mareer"))])  # six letters: a name, not an abbreviation


def test_a_supplement_village_in_a_wide_district_of_the_named_region_stays(monkeypatch):
    # Baxdo lies some 70 km from the seat of its district (Cadaado): a Somali district is
    # wider than the 50 km the village-to-town check allows for namesakes
    text = "On 3 September 2024, gunmen attacked a police post in Baxdo village (Cadaado, Galgaduud)."
    evs = events_of(text, dt.date(2024, 9, 10))
    assert evs and evs[0].location == "Baxdo"
    monkeypatch.setattr(locate, "SUPPLEMENT_VILLAGE_IN_NAMED_UNIT", False)
    evs = events_of(text, dt.date(2024, 9, 10))
    assert evs and evs[0].location == "Cadaado"


def test_a_supplement_village_set_in_another_region_is_still_dropped():
    # the chain names Lower Juba; the team's Baxdo lies in Galgaduud: not that village
    text = "On 3 September 2024, gunmen attacked a police post in Baxdo village (Kismayo, Lower Juba)."
    evs = events_of(text, dt.date(2024, 9, 10))
    assert evs and evs[0].location != "Baxdo"


def _first(text):
    evs = events_of(text, dt.date(2024, 9, 10))
    assert evs
    return evs[0]


def test_a_place_the_gazetteer_lacks_set_in_its_units_is_coded_at_its_own_point(monkeypatch):
    # "Kolbenwasi" is invented: the bracket's district town stands for it, and ACLED codes the
    # place the text names at its own point
    text = "On 3 September 2024, police clashed with smugglers in Kolbenwasi (Tchaourou, Borgou)."
    ev = _first(text)
    assert ev.location == "Tchaourou" and ev.geo_precision == 1
    monkeypatch.setattr(locate, "NAMED_PLACE_IN_BRACKET_AT_ITS_POINT", False)
    assert _first(text).geo_precision == 2


@pytest.mark.parametrize("text", [
    "On 3 September 2024, militants seized carts near Kolbenwasi (Tchaourou, Borgou).",
    "On 3 September 2024, herders clashed in the areas of Kolbenwasi, Maridoko (Tchaourou, Borgou).",
    "On 3 September 2024, herders clashed in the commune of Kolbenwasi (Tchaourou, Borgou).",
    "On 3 September 2024, herders clashed in Kolbenwasi county (Tchaourou, Borgou).",
])
def test_near_a_place_a_list_an_area_or_a_unit_before_the_bracket_stays_at_2(text):
    ev = _first(text)
    assert ev.location == "Tchaourou" and ev.geo_precision == 2


@pytest.mark.parametrize("text, name", [
    ("On 3 September 2024, security agents detained a suspected militant financier in Bakara Market.", "Bakaaraha"),
    ("On 3 September 2024, soldiers at a checkpoint near KM4 opened fire on a minibus.", "Kilometre 4"),
])
def test_mogadishus_markets_and_junctions_place_an_event_in_the_city(text, name):
    ev = _first(text)
    assert ev.location == name and ev.admin1 == "Banadir"


def test_a_quarter_named_after_a_country_is_no_country(monkeypatch):
    # Mogadishu has quarters named after countries; "[country] neighbourhood" is the quarter
    text = "On 3 September 2024, gunmen shot dead a soldier in Kuwait neighbourhood (Dharkenley District)."
    ev = _first(text)
    assert ev.location == "Dharkenley" and ev.country == "Somalia"
    heads = locate._place_words()["country_named_heads"]
    monkeypatch.setitem(locate._place_words(), "country_named_heads",
                        [w for w in heads if w not in ("neighbourhood", "neighborhood")])
    # (session 41: with "Dharkenley District" plainly named abroad, the district alone wins too)
    monkeypatch.setattr(locate, "STRONG_ABROAD_UNIT_WORD", False)
    locate._street_or_building_after.cache_clear()
    locate._country_words_cached.cache_clear()  # (session 38: country words are cached per text)
    try:
        assert _first(text).location != "Dharkenley"
    finally:
        locate._street_or_building_after.cache_clear()
        locate._country_words_cached.cache_clear()
