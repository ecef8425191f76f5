"""Session 42 (actors7), on invented sentences:

- roles.TAG_CUE: a note that opens with its kind as a tag ("Looting: On ...") and whose parse gives the
  group no role still names the group that acted first, not the unidentified armed group.
- actors.GANG_MEN_OF: "gang members of the <named> gang" are that gang's men, not an unidentified gang.
- roles.PAIR_OVER_TOLL: "X and Y clashed. Three soldiers died.": Y is the second side, not the toll's bare soldiers.
- data/actors/session42.yaml: "Amhara ethnic militia", the Qemant's spellings, Somali clans of Ethiopia, the
  "X clan militia" forms of clans otherwise told only "from the X clan", "ISS" alone.
"""

import datetime as dt
import re

import pytest

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.model import Article
from sitrep.pipeline import process


def _top(text):
    day = dt.datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", text).group(1), "%d %B %Y").date()
    return process([Article(id="t", text=text, published=day + dt.timedelta(days=2), source="")])[0][0]


# --- TAG_CUE -------------------------------------------------------------------------------------

TAGGED = ("Looting: On 4 June 2024, in Verrettes, Artibonite, armed members of the Gran Grif gang emptied a "
          "grain depot of a farmers' cooperative.")


def test_a_tagged_note_names_the_gang_that_looted():
    ev = _top(TAGGED)
    assert ev.sub_event_type == "Looting/property destruction"
    assert ev.actor1 == "Gran Grif Gang"


def test_a_tagged_note_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "TAG_CUE", 0)
    assert _top(TAGGED).actor1 != "Gran Grif Gang"


# --- GANG_MEN_OF ---------------------------------------------------------------------------------

OF_GANG = ("On 19 October 2025, near the market of Port-au-Prince (Ouest), troops of the Gang Suppression Force and the police "
           "exchanged fire with gang members of the 5 Segonn gang. Casualties unknown.")


def test_gang_members_of_a_named_gang_are_that_gang():
    ev = _top(OF_GANG)
    assert ev.actor2 == "Base 5 Secondes Gang"


def test_gang_members_of_a_named_gang_without_the_switch(monkeypatch):
    monkeypatch.setattr(actors_module, "GANG_MEN_OF", 0)
    assert _top(OF_GANG).actor2 == "Unidentified Gang (Haiti)"


# --- session42.yaml ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso,name", [
    ("an Amhara ethnic militia opened fire on the farmers", "ET", "Amhara Ethnic Militia (Ethiopia)"),
    ("ethnic Amhara militiamen burned the houses", "ET", "Amhara Ethnic Militia (Ethiopia)"),
    ("armed Qimant men set up a roadblock", "ET", "Qemant Ethnic Militia (Ethiopia)"),
    ("Kemant militiamen attacked the convoy", "ET", "Qemant Ethnic Militia (Ethiopia)"),
    ("gunmen of the Ogaden clan raided the wells", "ET", "Ogaden Ethnic Militia (Ethiopia)"),
    ("Ogaden clan militiamen raided the wells", "ET", "Ogaden Ethnic Militia (Ethiopia)"),
    ("Ogaden clan militiamen raided the wells", "SO", "Ogaden Clan Militia (Somalia)"),
    ("Issa clan fighters blocked the road", "SO", "Isse Clan Militia (Somalia)"),
    ("Sheekhaal militiamen blocked the road", "ET", "Sheekhaal Ethnic Militia (Ethiopia)"),
    ("Puntland troops beat back an ISS assault", "SO", "Islamic State (Somalia)"),
])
def test_session42_names(text, iso, name):
    found = actors_module.get_dictionary().find(text, {iso})
    assert any(m.name.replace("{country}", "Haiti") == name or m.name == name for m in found), [m.name for m in found]


def test_session42_clan_forms_stay_in_their_country():
    # the Somali clan of Ethiopia's entry is no actor in Somalia, nor the Somali one in Ethiopia
    assert "Ogaden Ethnic Militia (Ethiopia)" not in [m.name for m in actors_module.get_dictionary().find(
        "Ogaden clan militiamen raided the wells", {"SO"})]


# --- PAIR_OVER_TOLL ------------------------------------------------------------------------------

PAIR_TOLL = ("On 14 May 2025, Al Shabaab fighters and Somaliland troops clashed near a well outside Erigavo "
             "(Ceerigaabo, Sanaag). Two soldiers died.")


def test_the_told_pair_is_the_second_side():
    ev = _top(PAIR_TOLL)
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Military Forces of Somaliland")


def test_the_told_pair_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "PAIR_OVER_TOLL", 0)
    monkeypatch.setattr(roles_module, "SOMALILAND_FORCES", False)  # it names Somaliland's soldiers by the region
    assert _top(PAIR_TOLL).actor2 != "Military Forces of Somaliland"
