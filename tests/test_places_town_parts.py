"""A quarter or a facility and the town the text sets it in: "the Hodan neighbourhood of
Qoryooley", "Mogadishu - Heliwa", "the Balcad junction in Jowhar". Invented sentences; the
names are facts."""

import pytest

from place_reading import chosen as _chosen
from sitrep.geo.locate import precision_for


def _name(text: str, gazetteer) -> str | None:
    """The name of the place the text's event is set in, None when none is chosen."""
    chosen = _chosen(text, gazetteer)
    return chosen.place.name if chosen is not None else None


def test_a_quarter_set_in_another_town_is_that_towns(gazetteer):
    # Hodan is also a district of Mogadishu (the supplement's), 80 km from Qoryooley
    assert _name("A mortar landed on a house in the Hodan neighbourhood of Qoryooley town.", gazetteer) == "Qoryooley"
    assert _name("A shell hit a shop in Hodan village neighborhood in Qoryooley (Lower Shabelle).", gazetteer) == "Qoryooley"


def test_a_city_and_its_quarter_after_a_dash_is_the_quarter(gazetteer):
    chosen = _chosen("Gunmen shot a shopkeeper in Mogadishu - Heliwa (Banadir) on Friday.", gazetteer)
    assert chosen is not None and chosen.place.name == "Heliwa" and chosen.role == "in"
    assert _name("A grenade was thrown near the cattle market in Mogadishu - Yaqshid (Banadir).", gazetteer) == "Yaqshid"


def test_a_facility_named_after_a_town_lies_in_the_town_the_text_names(gazetteer):
    assert _name("A soldier shot a bus driver at the Balcad junction in Jowhar on Sunday.", gazetteer) == "Jowhar"
    assert _name("A soldier shot a bus driver at the Balcad junction Mogadishu - Heliwa (Banadir).", gazetteer) == "Heliwa"
    # nothing after it: the facility's town is still the place
    assert _name("A soldier shot a bus driver near the Balcad checkpoint on Sunday.", gazetteer) == "Balcad"


def test_a_citys_quarter_set_in_another_town_is_a_namesake(gazetteer):
    # Hawl Wadaag is a district of Mogadishu; a quarter of that name in Baidoa is Baidoa's
    assert _name("A guard shot a trader in Hawl-Wadaag (Baidoa) on Sunday evening.", gazetteer) == "Baidoa"


@pytest.mark.parametrize("text,precision", [
    # the village is not in the gazetteer: its district town stands for it
    ("Gunmen raided a base in Qodqod Dheer village (Jowhar, Middle Shabelle) on Monday.", 1),
    ("Gunmen shot two farmers near Qodqod Dheer village (Jowhar, Middle Shabelle) on Monday.", 2),
    ("Gunmen shot two farmers in Qodqod Dheer (Jowhar, Middle Shabelle) on Monday.", 1),  # 2 before session 36
])
def test_a_village_the_event_was_in_is_coded_at_its_own_point(gazetteer, text, precision):
    chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.name == "Jowhar"
    assert precision_for(chosen.place, chosen.role) == precision


@pytest.mark.parametrize("name,region", [
    ("Afmadow", "Lower Juba"), ("Baraawe", "Lower Shabelle"), ("Brava", "Lower Shabelle"), ("Galdogob", "Mudug"),
    ("Ceel Barde", "Bakool"), ("Zaylac", "Awdal"), ("Bardheere", "Gedo"),
])
def test_somali_district_seats_and_spellings(gazetteer, name, region):
    chosen = _chosen(f"Clan militias clashed in {name} on Sunday, killing three.", gazetteer)
    assert chosen is not None and chosen.place.iso == "SO" and chosen.place.admin1 == region

