"""Place rules of the 2026-12-06 dawn session (geo/locate.py, data/place_words.yaml): a unit word
lifts the parser's block on a name, a chain of units after a town says where the town is, a town
the text names over a bare country, and ACLED's precision of a township by its wording and date.

The sentences are invented; the place names are facts."""

import datetime as dt

import pytest

from sitrep.geo import locate
from sitrep.geo.locate import (
    article_context,
    choose_event_place,
    constrain_by_province,
    find_mentions,
    precision_for,
    resolve_mentions,
)


@pytest.fixture(scope="module")
def parse():
    from sitrep.nlp import load_nlp

    nlp = load_nlp()
    return lambda text: nlp(text)


def _chosen(text, gaz, when=None, verb=None):
    """The event's place as extraction reads it, the event's word at `verb` (its first occurrence)."""
    context = article_context(text)
    mentions = find_mentions(text, gaz, countries=context.focus())
    resolve_mentions(mentions, context)
    constrain_by_province(mentions, text)
    mm = choose_event_place(mentions, text, anchor=text.index(verb) if verb else None, focus=context.focus())
    assert mm is not None and mm.place is not None, text
    return mm, precision_for(mm.place, mm.role, when)


# -- a unit word after a name the parser calls a person ----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Late in March, Pang Hkam tract, Tangyan township, Shan State, hundreds of villagers fled after "
     "army shelling.", "Tangyan"),
    ("In early May, in Man Pying village (Ywangan township, Shan State), soldiers burned six houses.",
     "Ywangan"),
])
def test_a_name_before_a_unit_word_is_a_place_whatever_the_parser_says(gazetteer, parse, monkeypatch, text, name):
    doc = parse(text)
    assert any(e.text == name and e.label_ in locate.NOT_PLACE_LABELS for e in doc.ents)
    assert name in [m.text for m in find_mentions(text, gazetteer, doc=doc)]
    monkeypatch.setattr(locate, "NAMED_BY_UNIT_WORD", False)
    assert name not in [m.text for m in find_mentions(text, gazetteer, doc=doc)]


# -- a chain of units after a town -----------------------------------------------------------------

@pytest.mark.parametrize("text, name, verb", [
    ("Last week, outside of Kamaing town, Hpakant township (Mohnyin district, Kachin state), a "
     "militia bombed an army checkpoint.", "Kamaing", "bombed"),
    ("On 3 May 2014, in Ye-U Township, in Shwebo District, in Sagaing Region, farmers held a protest.",
     "Ye-U", "protest"),
    ("On 2 June 2021, in Kyauk Seik village, Kyauktaw Township (Mrauk-U District, Rakhine State), a "
     "mine wounded a farmer.", "Kyauktaw", "mine"),
])
def test_units_set_after_a_town_say_where_it_is(gazetteer, monkeypatch, text, name, verb):
    mm, _ = _chosen(text, gazetteer, verb=verb)
    assert mm.place.name == name
    monkeypatch.setattr(locate, "UNIT_CHAIN_LOCATES", False)
    assert _chosen(text, gazetteer, verb=verb)[0].place.name != name  # the unit nearer the event's word won


def test_a_province_after_a_district_of_says_where_the_district_is(gazetteer, monkeypatch):
    text = "In early May, in Nam Hpat, Bhamo district of Kachin, rebel and army troops fought for two days."
    assert _chosen(text, gazetteer, verb="fought")[0].place.name == "Bhamo"
    monkeypatch.setattr(locate, "UNIT_CHAIN_LOCATES", False)
    assert _chosen(text, gazetteer, verb="fought")[0].place.feature == "admin1"  # Kachin, after "of"


def test_a_small_namesake_far_from_the_unit_after_it_gives_way(gazetteer, monkeypatch):
    # the gazetteer's Rejoso lies some 80 km from Nganjuk: another Rejoso
    text = ("On 9 March 2020, farmers held a protest in Ngrombo subdistrict, Rejoso district, Nganjuk "
            "regency, East Java province, over a dam.")
    assert _chosen(text, gazetteer)[0].place.name == "Nganjuk"
    monkeypatch.setattr(locate, "UNIT_CHAIN_NAMESAKE_POP", 0)
    assert _chosen(text, gazetteer)[0].place.name == "Rejoso"


# -- a town over a bare country ------------------------------------------------------------------

def test_a_town_the_text_names_outranks_a_country_named_as_a_topic(gazetteer, monkeypatch):
    text = ("Mombasa traders held a march against two Somali preachers they accuse of sending youths to "
            "fight in Somalia.")
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.name == "Mombasa" and mm.place.iso == "KE"
    monkeypatch.setattr(locate, "TOWN_OVER_COUNTRY", False)
    assert _chosen(text, gazetteer)[0].place.feature == "country"


# -- ACLED's precision of a township ---------------------------------------------------------------

def test_a_township_in_a_chain_of_ins_is_its_town_until_2020(gazetteer, monkeypatch):
    text = "On 4 June 2013, in Salingyi Township, in Sagaing Region, villagers staged a sit-in."
    assert _chosen(text, gazetteer, dt.date(2013, 6, 4))[1] == 1
    assert _chosen(text, gazetteer, dt.date(2022, 6, 4))[1] == 2
    assert _chosen(text, gazetteer)[1] == 2  # undated: today's convention
    monkeypatch.setattr(locate, "TOWNSHIP_CHAIN_POINT", False)
    assert _chosen(text, gazetteer, dt.date(2013, 6, 4))[1] == 2


def test_a_township_named_otherwise_stays_part_of_a_region(gazetteer):
    text = "On 4 June 2013, villagers staged a sit-in in Salingyi Township, Sagaing Region."
    assert _chosen(text, gazetteer, dt.date(2013, 6, 4))[1] == 2


def test_a_city_township_named_as_a_township_is_part_of_a_region(gazetteer, monkeypatch):
    text = "On 5 October 2021, in Thaketa township (Yangon-East district, Yangon region), a bomb hit a police post."
    mm, precision = _chosen(text, gazetteer, dt.date(2021, 10, 5))
    assert mm.place.name == "Thaketa" and mm.place.feature == "neighbourhood" and precision == 2
    monkeypatch.setattr(locate, "CITY_TOWNSHIP_AREA", False)
    assert _chosen(text, gazetteer, dt.date(2021, 10, 5))[1] == 1
    # a quarter of a city named by a district word keeps its point ("Hodan District", Mogadishu)
    mm, precision = _chosen("Gunmen shot a trader in Hodan district of Mogadishu on Monday.", gazetteer)
    assert mm.place.feature == "neighbourhood" and precision == 1


# -- a later item of a bracket after a name is no person ---------------------------------------------

def test_a_unit_in_the_bracket_after_a_name_is_no_persons_name(gazetteer, parse, monkeypatch):
    text = "On 4 May 2021, a trader was shot by police near a market in Oyugis (Kasipul, Homa Bay) during a curfew."
    doc = parse(text)
    assert any(e.text == "Homa Bay" and e.label_ == "PERSON" for e in doc.ents)
    assert "Homa Bay" in [m.text for m in find_mentions(text, gazetteer, doc=doc)]
    monkeypatch.setattr(locate, "CHAIN_NAME_NO_PERSON", False)
    assert "Homa Bay" not in [m.text for m in find_mentions(text, gazetteer, doc=doc)]


# -- a word written twice ------------------------------------------------------------------------------

def test_a_word_written_twice_is_no_place(gazetteer, monkeypatch):
    text = "Boda Boda riders blocked the road at Kabarnet to protest the arrest of a colleague."
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.name == "Kabarnet" and mm.place.iso == "KE"
    found = [m.text for m in find_mentions(text, gazetteer)]
    assert "Boda" not in found
    monkeypatch.setattr(locate, "DOUBLED_WORD_NO_PLACE", False)
    assert "Boda" in [m.text for m in find_mentions(text, gazetteer)]  # Norway's Bodø, by its key
    # a doubled name that is itself a place stays one; the word alone too ("Boda upazila")
    found = [m.text for m in find_mentions("Farmers rallied in Walla Walla and in Boda upazila town.", gazetteer)]
    assert "Walla Walla" in found and "Boda" in found
