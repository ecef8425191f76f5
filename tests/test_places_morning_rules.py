"""Place rules of the 2026-12-06 morning session (geo/locate.py, extract/events.py's place block):
a province after "in" set right after a town says where the town is; "city" after a name the
parser calls a person makes it a place; a spelling guessed fuzzily gives way to the unit the text
sets it in; the outlet's country over a group's home where no place is found.

The sentences are invented; the place names are facts."""

import pytest

from place_reading import chosen as _chosen
from sitrep.geo import locate
from sitrep.geo.locate import (
    article_context,
    find_mentions,
    outlet_group_country,
    resolve_mentions,
)
from sitrep.model import Place, PlaceMention

# -- a province after "in" right after a town ------------------------------------------------------

@pytest.mark.parametrize("text, verb, town", [
    ("Police shot dead a robbery suspect along a highway, Cabanatuan city in Nueva Ecija, on Monday night.", "shot",
     "Cabanatuan"),
])
def test_a_province_after_in_locates_the_town_before_it(gazetteer, monkeypatch, text, verb, town):
    mm = _chosen(text, gazetteer, verb=verb)
    assert mm.place.feature == "town" and town in mm.place.name
    monkeypatch.setattr(locate, "TOWN_IN_PROVINCE", False)
    # "in [province]" won (a province that is ACLED's admin2 is then placed at its capital:
    # the mention chosen is the province's, whatever place stands for it)
    assert town not in _chosen(text, gazetteer, verb=verb).text


def test_town_in_province_keeps_provinces_of_other_towns(gazetteer):
    # the province after "in" holds no town named before it: it is still a candidate
    text = "Gunmen attacked a bus outside Tarlac City, and later a farm in Nueva Ecija was raided."
    mentions = find_mentions(text, gazetteer)
    resolve_mentions(mentions, article_context(text))
    gap_ok = [m for m in mentions if m.place is not None and m.place.feature == "admin1"]
    assert gap_ok and not locate._provinces_of_named_towns(mentions, text)


# -- "city" after a name the parser calls a person ---------------------------------------------------

def test_city_after_a_name_the_parser_calls_a_person_is_a_place(gazetteer, parse, monkeypatch):
    text = "Some two hundred teachers staged a rally Banda Aceh city, Aceh province, over unpaid allowances."
    doc = parse(text)
    assert any(e.text == "Banda Aceh" and e.label_ == "PERSON" for e in doc.ents)
    assert "Banda Aceh" in [m.text for m in find_mentions(text, gazetteer, doc=doc)]
    monkeypatch.setattr(locate, "CITY_WORD_NO_PERSON", False)
    assert "Banda Aceh" not in [m.text for m in find_mentions(text, gazetteer, doc=doc)]


@pytest.mark.parametrize("after, place", [
    (" city, Aceh", True), (" Town on Monday", True), ("-city", True),
    (" town hall", False), (" City Council said", False), (" town centre", False), (" said", False),
])
def test_city_word_after(after, place):
    assert bool(locate._CITY_WORD_AFTER.match(after)) is place


# -- a fuzzy guess outside the unit set after it -------------------------------------------------------

def _mention(text, name, place):
    start = text.index(name)
    mm = PlaceMention(name, start, start + len(name), place)
    mm.candidates = [place]
    return mm


def _place(name, code, feature="town", fuzzy=False):
    place = Place(name, 20.0, 96.0, iso="MM", admin1=code, feature=feature)
    place.admin1_code = code
    if fuzzy:
        place.fuzzy = True
    return place


@pytest.mark.parametrize("fuzzy, unit, dropped", [
    (True, "MM.01", True),    # a guess in another province than the township set after it
    (True, "MM.11", False),   # a guess in the township's own province
    (False, "MM.01", False),  # a name of the gazetteer: the other rules settle it
])
def test_a_fuzzy_guess_gives_way_to_the_unit_after_it(monkeypatch, fuzzy, unit, dropped):
    text = "Rebels shelled a post near Nam Hsai Village, Kutkai Township, on Sunday."
    ordered = [_mention(text, "Nam Hsai Village", _place("Namsai", unit, fuzzy=fuzzy)),
               _mention(text, "Kutkai Township", _place("Kutkai", "MM.11~1"))]
    locate._fuzzy_outside_apposed(ordered, text)
    assert (ordered[0].place is None) is dropped


def test_a_fuzzy_guess_not_set_in_a_unit_stays():
    text = "Rebels shelled a post near Nam Hsai Village on Sunday; in Kutkai Township a bridge was hit."
    ordered = [_mention(text, "Nam Hsai Village", _place("Namsai", "MM.01", fuzzy=True)),
               _mention(text, "Kutkai Township", _place("Kutkai", "MM.11"))]
    locate._fuzzy_outside_apposed(ordered, text)
    assert ordered[0].place is not None


# -- the outlet's country over a group's home -------------------------------------------------------------

@pytest.mark.parametrize("text, outlet, want", [
    ("JNIM fighters raided the hamlet of Tokobangou and killed two herders.", "BF", "BF"),
    ("JNIM fighters ambushed a patrol near Tokobangou, close to the Mali border.", "BF", "BF"),
    ("JNIM fighters raided the hamlet of Tokobangou in Mali and killed two herders.", "BF", ""),
    ("Malian troops and JNIM fighters clashed by the hamlet of Tokobangou.", "BF", ""),
    ("JNIM fighters raided the hamlet of Tokobangou and killed two herders.", "KE", ""),
    ("JNIM fighters raided the hamlet of Tokobangou and killed two herders.", "", ""),
])
def test_outlet_country_where_the_group_fights(text, outlet, want, monkeypatch):
    context = article_context(text)
    assert outlet_group_country(text, outlet, context) == want
    monkeypatch.setattr(locate, "OUTLET_GROUP_COUNTRY", False)
    assert outlet_group_country(text, outlet, context) == ""


def test_outlet_country_in_the_events_pipeline(monkeypatch):
    import datetime as dt

    from sitrep.model import Article
    from sitrep.pipeline import process

    text = "Early on 3 May 2019 JNIM fighters raided the hamlet of Tokobangou, killing two herders."
    article = Article(id="t", text=text, published=dt.date(2019, 5, 10), source="Burkina24")
    [ev] = process([article])[0]
    assert ev.iso == "BF" and not ev.location
    monkeypatch.setattr(locate, "OUTLET_GROUP_COUNTRY", False)
    [ev] = process([article])[0]
    assert ev.iso == "ML"


# -- the first unit of a chain after a name, tagged a person ----------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("A masked man fired at a police sergeant in Thelwatta, Hikkaduwa, late on Sunday.", "Hikkaduwa"),
])
def test_the_first_unit_after_a_name_is_no_person(gazetteer, parse, monkeypatch, text, name):
    doc = parse(text)
    assert any(name in e.text and e.label_ == "PERSON" for e in doc.ents)
    assert name in [m.text for m in find_mentions(text, gazetteer, doc=doc) if m.candidates]
    monkeypatch.setattr(locate, "CHAIN_HEAD_NO_PERSON", False)
    assert name not in [m.text for m in find_mentions(text, gazetteer, doc=doc) if m.candidates]


@pytest.mark.parametrize("text, start_word, head", [
    ("in Thelwatta, Hikkaduwa, on Sunday", "Hikkaduwa", True),
    ("at Kpenchala (Fada Ngourma, Gourma) last week", "Fada Ngourma", True),
    ("at Kpenchala (Fada Ngourma) last week", "Fada Ngourma", True),
    ("the minister, John Kamau, said", "John Kamau", False),   # no locative before the first name
    ("in Thelwatta, Hikkaduwa said on Sunday", "Hikkaduwa", False),
])
def test_chain_head(text, start_word, head):
    start = text.index(start_word)
    assert locate.chain_head(text, start, start + len(start_word)) is head
