"""Names of two or three letters ("Wa", "Ibb", "Bay") and the codes among GeoNames' other
names of a town ("TEG"). Invented sentences; the names are facts."""

import pytest

from place_reading import chosen as _chosen
from place_reading import reading
from sitrep.geo.names import code_name, name_key, short_name


def test_short_names_and_codes_are_told_apart():
    assert short_name(name_key("Bay"), "Bay") and short_name(name_key("Wa"), "Wa")
    assert not short_name(name_key("UN"), "UN")  # an acronym
    assert not short_name(name_key("Pyay"), "Pyay")  # four letters: an ordinary short key
    assert code_name("TEG") and not code_name("Teg") and not code_name("MOSUL")


@pytest.mark.parametrize("text,name,iso,feature", [
    ("Traders protested in Wa over market fees on Monday.", "Wa", "GH", "town"),
    ("Teachers marched through Ho, Volta, demanding arrears.", "Ho", "GH", "town"),
    ("Airstrikes hit a market in Ibb governorate, killing four.", "Ibb", "YE", "admin1"),
])
def test_a_short_name_set_as_a_place_is_found(gazetteer, text, name, iso, feature):
    chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.name == name and chosen.place.iso == iso
    assert chosen.place.feature == feature


def test_a_short_province_after_a_comma_is_the_province(gazetteer):
    _, mentions, _ = reading("Gunmen killed a herder near a well outside Diinsoor (Diinsoor, Bay).", gazetteer)
    assert any(m.place is not None and m.place.feature == "admin1" and m.place.name == "Bay"
               and m.place.iso == "SO" for m in mentions)


@pytest.mark.parametrize("text", [
    "Fishermen protested at Manila Bay on Monday.",
    "The Wa army said it had moved troops near Mong Yawng.",
    "Ho said the talks would resume in Hanoi.",
])
def test_a_short_word_elsewhere_is_no_place(gazetteer, text):
    _, mentions, _ = reading(text, gazetteer)
    assert not any(m.place is not None and m.place.iso in ("SO", "GH") for m in mentions)


def test_a_towns_code_is_no_name_of_it(gazetteer):
    # "TEG" (an airport's code) is among GeoNames' names of Burkina Faso's Tenkodogo; "Tayeeg"
    # folds to its key
    assert not any(p.name == "Tenkodogo" for p in gazetteer.by_key(name_key("Tayeeg")))
    assert any(p.name == "Tenkodogo" for p in gazetteer.by_key(name_key("Tenkodogo")))
    _, mentions, chosen = reading("Gunmen killed a herder in Tayeeg village near Jalalaqsi (Hiraan).", gazetteer)
    assert all(m.place is None or m.place.iso == "SO" for m in mentions)
    assert chosen is not None and chosen.place.iso == "SO"


def test_a_postal_code_is_no_name_of_a_state(gazetteer):
    _, mentions, _ = reading("The United Wa State Army moved troops near Mong Yawng.", gazetteer)
    assert not any(m.place is not None and m.place.iso == "US" for m in mentions)


def test_a_town_the_text_sets_the_event_in_outweighs_a_groups_country(gazetteer):
    # "ISWA" also names a group of another country; the one place named stands
    chosen = _chosen("Two ISWA units exchanged fire in Diinsoor on Tuesday afternoon.", gazetteer)
    assert chosen is not None and chosen.place.name == "Diinsoor" and chosen.place.iso == "SO"


def test_a_small_town_abroad_is_still_no_place_of_a_groups_article(gazetteer):
    # an Italian village's name in a report from Burkina Faso (its groups say so) stays unread
    _, mentions, chosen = reading("JNIM fighters seized two traders in the village of Sampieri on Sunday.", gazetteer)
    assert chosen is None or chosen.place.iso != "IT"
