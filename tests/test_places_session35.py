"""Places, session 35: names whose key folds to one letter ("Yei", "Ye", "Owo"), and the rules
measured on the ACLED tune split that day (docs/geo.md). Invented sentences; the names are facts."""

import pytest

from place_reading import chosen as _chosen
from place_reading import reading
from sitrep.geo import locate, names
from sitrep.geo.names import name_key, short_name


def test_a_name_folding_to_one_letter_is_a_short_name(monkeypatch):
    assert name_key("Yei") == "i" and name_key("Owo") == "u"
    assert short_name(name_key("Yei"), "Yei") and short_name(name_key("Ye"), "Ye")
    assert not short_name(name_key("YE"), "YE")  # capitals: an acronym
    monkeypatch.setattr(names, "SHORT_NAME_ONE_LETTER_KEY", False)
    assert not short_name(name_key("Yei"), "Yei")


@pytest.mark.parametrize("text,name,iso", [
    ("Unknown gunmen robbed two traders on the road outside Yei, South Sudan, on Sunday.", "Yei", "SS"),
    ("Worshippers were wounded when gunmen stormed a church in Owo, Ondo state.", "Owo", "NG"),
    ("Fishermen rallied in Ye town against a new levy on boats.", "Ye", "MM"),
    ("Soldiers searched houses in a ward of Ye township, Mon state, on Friday.", "Ye", "MM"),
])
def test_a_short_name_folding_to_one_letter_is_found(gazetteer, monkeypatch, text, name, iso):
    chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.name == name and chosen.place.iso == iso
    monkeypatch.setattr(names, "SHORT_NAME_ONE_LETTER_KEY", False)
    monkeypatch.setattr(locate, "SHORT_NAME_BY_UNIT", False)
    chosen = _chosen(text, gazetteer)
    assert chosen is None or chosen.place.name != name


def test_a_short_town_named_with_its_unit_word_is_taken_below_the_large_town_floor(gazetteer, monkeypatch):
    # Ye (Mon) has fewer people than SHORT_NAME_TOWN_POP: "town" says it is the place
    text = "Fishermen rallied in Ye town against a new levy on boats."
    assert _chosen(text, gazetteer).place.name == "Ye"
    monkeypatch.setattr(locate, "SHORT_NAME_BY_UNIT", False)
    chosen = _chosen(text, gazetteer)
    assert chosen is None or chosen.place.name != "Ye"


@pytest.mark.parametrize("text", [
    "Ye shall not pass, the preacher told the crowd in Accra.",
    "The motion carried, Aye votes ahead, and lawmakers in Nairobi left.",
    "Keep an Eye on prices, protesters in Kampala chanted.",
])
def test_a_short_english_word_is_no_place(gazetteer, text):
    _, mentions, _ = reading(text, gazetteer)
    assert not any(m.place is not None and m.text in ("Ye", "Aye", "Eye") for m in mentions)


@pytest.mark.parametrize("text,verb,name", [
    ("A roadside bomb struck a lorry between Kaya and Kongoussi on Tuesday, wounding two.", "struck", "Kongoussi"),
    ("Gunmen ambushed a bus between the villages of Kalo and Ndiguena, killing the driver.", "ambushed", "Ndiguena"),
])
def test_one_end_of_a_stretch_between_two_places_is_near(gazetteer, monkeypatch, text, verb, name):
    chosen = _chosen(text, gazetteer, verb=verb)
    assert chosen is not None and chosen.role == "near"
    assert locate.precision_for(chosen.place, chosen.role) == 2
    monkeypatch.setattr(locate, "BETWEEN_PLACES_NEAR", False)
    chosen = _chosen(text, gazetteer, verb=verb)
    assert chosen is not None and chosen.role != "near"


def test_between_two_sides_is_no_stretch(gazetteer):
    chosen = _chosen("Fighting between soldiers and rebels broke out in Kaya on Sunday.", gazetteer, verb="Fighting")
    assert chosen is not None and chosen.place.name == "Kaya" and chosen.role != "near"


@pytest.mark.parametrize("text,verb,town", [
    ("Herders beat a farmer in the village of Gbedoukpa (Tchaourou, Borgou) on Monday.", "beat", "Tchaourou"),
    ("A shopkeeper was stabbed at Khurrampura town (Okara district, Punjab) over a debt.", "stabbed", "Okara"),
])
def test_a_village_the_gazetteer_lacks_set_before_its_unit_is_at_its_point(gazetteer, monkeypatch, text, verb, town):
    chosen = _chosen(text, gazetteer, verb=verb)
    assert chosen is not None and chosen.place.name == town
    assert locate.precision_for(chosen.place, chosen.role) == 1
    monkeypatch.setattr(locate, "VILLAGE_OF_AT_ITS_POINT", False)
    monkeypatch.setattr(locate, "NAMED_PLACE_IN_BRACKET_AT_ITS_POINT", False)
    chosen = _chosen(text, gazetteer, verb=verb)
    assert locate.precision_for(chosen.place, chosen.role) == 2


@pytest.mark.parametrize("text,verb,name,iso", [
    ("About two hundred people rallied in Eupen to denounce the invasion of Ukraine by Russia.", "rallied", "Eupen", "BE"),
    ("Activists protested in Ozurgeti City against the pro-Russian party on Friday.", "protested", "Ozurgeti", "GE"),
])
def test_a_town_abroad_set_beside_topic_countries_is_the_place(gazetteer, monkeypatch, text, verb, name, iso):
    chosen = _chosen(text, gazetteer, verb=verb)
    assert chosen is not None and chosen.place.name == name and chosen.place.iso == iso
    monkeypatch.setattr(locate, "SET_IN_BESIDE_TOPICS", False)
    monkeypatch.setattr(locate, "GRIEVANCE_NOT_PLACE", False)  # session 37 (places2) drops the topics first
    chosen = _chosen(text, gazetteer, verb=verb)
    assert chosen is None or chosen.place.iso != iso


def test_a_town_abroad_stays_out_where_the_text_places_the_event_at_home(gazetteer):
    # a place of the article's country is named: the namesake abroad is not taken
    text = "Soldiers clashed with rebels in Eupen village near Myitkyina, Kachin state."
    chosen = _chosen(text, gazetteer, verb="clashed")
    assert chosen is None or chosen.place.iso == "MM"


def test_the_area_of_a_town_is_near_it(gazetteer, monkeypatch):
    text = "Two traders went missing in the area of Kongoussi on Friday."
    chosen = _chosen(text, gazetteer, verb="missing")
    assert chosen is not None and chosen.place.name == "Kongoussi" and chosen.role == "near"
    assert locate.precision_for(chosen.place, chosen.role) == 2
    monkeypatch.setattr(locate, "AREA_OF_NEAR", False)
    chosen = _chosen(text, gazetteer, verb="missing")
    assert locate.precision_for(chosen.place, chosen.role) == 1


def test_a_quarter_named_as_the_area_of_a_city_is_not_made_near(gazetteer):
    # "[a quarter] area of [a city]": no "the" opens it; the part-of rule reads it
    assert locate._AREA_OF_BEFORE.search("clashed in the Bel Air area of ") is None
    assert locate._AREA_OF_BEFORE.search("an IED exploded around the general area of the village of ")


def test_a_town_a_coding_remark_names_stands_near(gazetteer, monkeypatch):
    # a note's remark on where an event was coded, no precision stated: the coder's stand-in, 2
    text = "On 3 May, herders clashed with farmers at a market in Dagabouli (coded as Kaya), no one was hurt."
    chosen = _chosen(text, gazetteer, verb="clashed")
    assert chosen is not None and chosen.place.name == "Kaya"
    assert locate.precision_for(chosen.place, chosen.role) == 2
    monkeypatch.setattr(locate, "CODED_AS_NEAR", False)
    chosen = _chosen(text, gazetteer, verb="clashed")
    assert locate.precision_for(chosen.place, chosen.role) == 1


def test_a_remark_on_another_events_toll_is_no_remark_on_the_place(gazetteer, monkeypatch):
    text = ("On 9 May, rebels shelled army positions near Kaya, Centre-Nord; two soldiers were killed "
            "elsewhere (fatalities coded to Djibo event).")
    chosen = _chosen(text, gazetteer, verb="shelled")
    assert chosen is not None and chosen.place.name == "Kaya"
    monkeypatch.setattr(locate, "CODED_AS_NEAR", False)
    assert _chosen(text, gazetteer, verb="shelled").place.name == "Djibo"
