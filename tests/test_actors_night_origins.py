"""A generic actor's own country, told beside it, names it (extract/actors.py ORIGINS,
extract/roles.py CROWD_ORIGIN), on invented sentences: "Zambian gunmen" are "Unidentified Armed
Group (Zambia)" wherever they struck, "refugees from Eritrea" who protest in Uganda are
"Protesters (Eritrea)"; a cause ("pro-Turkish") or a people's word ("the Ukrainian community") is no
country of origin."""

import datetime as dt
from importlib import resources

import pytest
import yaml
from tests.actor_reading import top_event

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.extract.actors import get_dictionary
from sitrep.geo.locate import demonyms


def _named(text, event_country="Testland", event_iso="XX"):
    d = get_dictionary()
    return [d.entry(m.key).display(event_country, event_iso) for m in d.find(text, set())]


@pytest.mark.parametrize("text,name", [
    ("Zambian gunmen robbed a lorry on the road at night.", "Unidentified Armed Group (Zambia)"),
    ("Gunmen believed to be from Zambia robbed a lorry on the road.", "Unidentified Armed Group (Zambia)"),
    ("Several refugees from Eritrea waited at the gate.", "Civilians (Eritrea)"),
    ("Two Malawian soldiers were seen at the market.", "Military Forces of Malawi"),
    ("The Tanzania police were called to the scene.", "Police Forces of Tanzania"),
])
def test_the_country_told_beside_a_generic_actor_names_it(text, name):
    assert name in _named(text)


@pytest.mark.parametrize("text,name", [
    ("Pro-Turkish demonstrators marched down the avenue.", "Protesters (Testland)"),  # a cause
    ("Anti-French protesters burnt tyres.", "Protesters (Testland)"),
    ("A man from the Ukrainian community was beaten outside a cafe.", "Civilians (Testland)"),  # a people's word
    ("Latin American demonstrators marched down the avenue.", "Protesters (Testland)"),  # another name
    ("French troops withdrew from Mali last year.", "Military Forces of France"),  # no "from" of origin
])
def test_a_cause_a_peoples_word_or_another_name_is_no_origin(text, name):
    assert name in _named(text)


def test_two_countries_joined_before_the_words_name_one_actor_each():
    names = _named("Sudanese and Chadian refugees waited at the gate.")
    assert names == ["Civilians (Sudan)", "Civilians (Chad)"]


def test_a_state_force_told_foreign_is_external():
    d = get_dictionary()
    m = next(m for m in d.find("Two Malawian soldiers were seen at the market.", set()))
    assert d.entry(m.key).inter_for("TZ") == 8
    assert d.entry(m.key).inter_for("MW") == 1


def test_without_the_switch_the_event_country_names_them(monkeypatch):
    monkeypatch.setattr(actors_module, "ORIGINS", 0)
    assert "Unidentified Armed Group (Testland)" in _named("Zambian gunmen robbed a lorry on the road at night.")


PROTEST = ("On 3 May 2019, dozens of refugees from Eritrea staged a sit-in outside the offices of the "
           "refugee agency in Kampala, demanding faster resettlement.")


def test_demonstrators_from_abroad_are_their_countrys_protesters():
    ev = top_event(PROTEST, dt.date(2019, 5, 8))
    assert ev.iso == "UG"
    assert ev.event_type == "Protests"
    assert ev.actor1 == "Protesters (Eritrea)"


def test_without_the_crowd_switch_they_are_the_event_countrys(monkeypatch):
    monkeypatch.setattr(roles_module, "CROWD_ORIGIN", 0)
    ev = top_event(PROTEST, dt.date(2019, 5, 8))
    assert ev.actor1 == "Protesters (Uganda)"


def test_raiders_from_abroad_are_named_by_their_country():
    ev = top_event("On 12 June 2015, Zambian gunmen shot dead two traders near Kasumbalesa in Haut-Katanga "
                   "province.", dt.date(2015, 6, 19))
    assert ev.iso == "CD"
    assert ev.actor1 == "Unidentified Armed Group (Zambia)"
    assert ev.actor2 == "Civilians (Democratic Republic of Congo)"


# -- the data file ----------------------------------------------------------------------------
def _origin_words():
    path = resources.files("sitrep") / "data" / "actors" / "origin_words.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_origin_words_file_is_valid():
    data = _origin_words()
    assert set(data) == {"not_origin", "name_before"}
    known = demonyms()
    for word in data["not_origin"]:
        assert isinstance(word, str) and word == word.lower() and word in known, word
    for word in data["name_before"]:
        assert isinstance(word, str) and word.isalpha() and word == word.lower(), word
    assert len(set(data["not_origin"])) == len(data["not_origin"])
    assert len(set(data["name_before"])) == len(data["name_before"])


def test_a_word_the_file_lists_gives_no_origin():
    word = _origin_words()["not_origin"][0]
    assert "Police Forces of Testland" in _named(f"The {word.capitalize()} police were called.")
