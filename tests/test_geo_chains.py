"""A chain of units after a town, and names of three letters (geo/locate.py).

The sentences are invented; the place names are facts."""

import pytest

from sitrep.geo import locate
from sitrep.geo.locate import (
    article_context,
    choose_event_place,
    constrain_by_province,
    find_mentions,
    resolve_mentions,
)


def _locate(text, gaz):
    context = article_context(text)
    mentions = find_mentions(text, gaz, countries=context.focus())
    resolve_mentions(mentions, context)
    constrain_by_province(mentions, text)
    return mentions, choose_event_place(mentions, text)


@pytest.mark.parametrize("text, town", [
    ("Separatist fighters burned a school in Jakiri (Jakiri, Bui, Nord-Ouest) on Tuesday.", "Jakiri"),
    ("Gunmen killed two traders in Nkambe (Nkambe, Donga-Mantung, Nord-Ouest) at dawn.", "Nkambe"),
])
def test_a_division_read_as_another_countrys_province_does_not_unplace_the_town(gazetteer, text, town):
    mentions, chosen = _locate(text, gazetteer)
    assert chosen is not None and chosen.place.name == town and chosen.place.iso == "CM"
    # the division's misreading (Nauru's Boe, Benin's Donga) is dropped
    assert all(m.place is None or m.place.iso == "CM" for m in mentions if m.text in ("Bui", "Donga"))


def test_without_the_rule_the_town_is_unplaced(gazetteer, monkeypatch):
    monkeypatch.setattr(locate, "CHAIN_SKIPS_FOREIGN_UNIT", False)
    _, chosen = _locate("Gunmen killed two traders in Nkambe (Nkambe, Donga-Mantung, Nord-Ouest) at dawn.", gazetteer)
    assert chosen is None or chosen.place.name != "Nkambe"


def test_a_town_set_in_a_province_of_another_country_is_still_dropped(gazetteer):
    # no later unit of the chain holds a namesake: the province wins, as before
    _, chosen = _locate("Police dispersed farmers in Luz, Pampanga, on Friday.", gazetteer)
    assert chosen is not None and chosen.place.iso == "PH"


@pytest.mark.parametrize("text", [
    "Cattle raiders attacked herders in Duk county on Monday.",
    "Fighting was reported around Duk on Monday, local officials said.",
])
def test_a_three_letter_name_takes_only_places_of_that_spelling(gazetteer, text):
    mentions, _ = _locate(text, gazetteer)
    assert all(m.place is None or m.place.iso != "IQ" for m in mentions), [(m.text, m.place) for m in mentions]


def test_three_letter_names_spelt_so_are_kept(gazetteer):
    _, chosen = _locate("Clashes broke out in Hit, Anbar, on Friday.", gazetteer)
    assert chosen is not None and chosen.place.name == "Hit" and chosen.place.iso == "IQ"
    _, chosen = _locate("Protesters marched in Ibb on Friday.", gazetteer)
    assert chosen is not None and chosen.place.iso == "YE"


def test_without_the_rule_duk_is_dohuk(gazetteer, monkeypatch):
    monkeypatch.setattr(locate, "SHORT_WRITTEN_EXACT", False)
    mentions, _ = _locate("Cattle raiders attacked herders in Duk county on Monday.", gazetteer)
    assert any(m.place is not None and m.place.iso == "IQ" for m in mentions)


def test_a_city_and_a_quarter_after_a_spaced_dash_is_no_far_namesake(gazetteer):
    # Mirpur is a quarter of Dhaka and an upazila of Kushtia: after "Dhaka - " it is the quarter
    text = "Party activists beat a street vendor to death in Dhaka - Mirpur (Pallabi) on Monday."
    _, chosen = _locate(text, gazetteer)
    assert chosen is not None and chosen.place.iso == "BD" and chosen.place.admin1 == "Dhaka"


def test_without_the_rule_the_far_namesake_wins(gazetteer, monkeypatch):
    monkeypatch.setattr(locate, "CITY_DASH_QUARTER", False)
    text = "Party activists beat a street vendor to death in Dhaka - Mirpur (Pallabi) on Monday."
    _, chosen = _locate(text, gazetteer)
    assert chosen is None or chosen.place.admin1 != "Dhaka"


def test_a_common_word_is_no_myanmar_village(gazetteer):
    # "Gunmen" folds to the key of the village "Gon Min": only a village spelt so is one
    mentions = find_mentions("Gunmen attacked shepherds in Husayniyet on Sunday.", gazetteer, countries={"IQ"})
    assert [m.text for m in mentions] == ["Husayniyet"]
