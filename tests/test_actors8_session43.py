"""Session 43 (actors8), on invented sentences:

- roles.ACCUSED_TIES: an armed group named only as what the victims were accused of ("executed men accused of
  supporting the rebels") is not the target: the killing is an attack on civilians, not a clash with the group.
- roles.RIOTERS_ATTACK: an attack whose first party told acting is a crowd (inter 5), with no armed actor
  acting, is mob violence by rioters.
- data/actors/session43.yaml and the renamed Haitian entry: self-defence brigades are "Unidentified Communal
  Militia (Haiti)" (inter 4), the Bwa Kale movement's men rioters, "La Coalition" the Artibonite coalition.
"""

import datetime as dt
import re
from importlib import resources

import pytest
import yaml

from sitrep.extract import actors as actors_module
from sitrep.extract import roles as roles_module
from sitrep.model import Article
from sitrep.pipeline import process


def _top(text):
    day = dt.datetime.strptime(re.search(r"On (\d+ \w+ \d{4})", text).group(1), "%d %B %Y").date()
    return process([Article(id="t", text=text, published=day + dt.timedelta(days=2), source="")])[0][0]


# --- ACCUSED_TIES --------------------------------------------------------------------------------

ACCUSED = ("On 6 July 2024, ENDF soldiers executed five young men accused of supporting Fano in Finote Selam "
           "town (Jabi Tehnan woreda, West Gojam, Amhara).")


def test_men_accused_of_supporting_a_group_are_civilians():
    ev = _top(ACCUSED)
    assert ev.sub_event_type == "Attack"
    assert ev.actor1.startswith("Military Forces of Ethiopia") and ev.actor2 == "Civilians (Ethiopia)"


def test_men_accused_of_supporting_a_group_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "ACCUSED_TIES", 0)
    ev = _top(ACCUSED)
    assert ev.actor2 != "Civilians (Ethiopia)"


def test_a_group_told_fighting_is_still_the_other_side():
    # "fighters linked to X" are X's men, not people accused of ties
    ev = _top("On 9 July 2024, soldiers clashed with fighters linked to Al Shabaab near Elwak (Mandera South, "
              "Mandera). Two fighters were killed.")
    assert ev.sub_event_type == "Armed clash" and ev.actor2 == "Al Shabaab"


# --- RIOTERS_ATTACK and the Haitian entries ------------------------------------------------------

LYNCHING = ("On 23 February 2024, in Carrefour, Ouest, Bwa Kale vigilantes killed two strangers caught carrying "
            "pistols and then burned their bodies. 2 fatalities.")


def test_a_bwa_kale_killing_is_mob_violence():
    ev = _top(LYNCHING)
    assert (ev.sub_event_type, ev.actor1, ev.inter1) == ("Mob violence", "Rioters (Haiti)", 5)


def test_a_bwa_kale_killing_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "RIOTERS_ATTACK", 0)
    assert _top(LYNCHING).sub_event_type != "Mob violence"


@pytest.mark.parametrize("text,name,inter", [
    ("a neighbourhood self-defence brigade killed a suspected informant", "Unidentified Communal Militia (Haiti)", 4),
    ("vigilante brigades set up roadblocks", "Unidentified Communal Militia (Haiti)", 4),
    ("affiliates of the Bwa Kale movement lynched a thief", "Rioters (Haiti)", 5),
    ("members of the La Coalition self-defense group fought the gang", "Coalition of Revolutionaries to Save the Artibonite Gang", 3),
])
def test_session43_haiti_names(text, name, inter):
    found = actors_module.get_dictionary().find(text, {"HT"})
    assert any(m.name == name and m.inter == inter for m in found), [(m.name, m.inter) for m in found]
    assert "Vigilante Militia (Haiti)" not in [m.name for m in found]


def test_session43_yaml_is_well_formed():
    path = resources.files("sitrep") / "data" / "actors" / "session43.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for raw in data:
        assert raw["name"] and int(raw["inter"]) in range(1, 9) and raw["countries"]
        aliases = raw["aliases"]
        assert aliases and all(a == a.lower() for a in aliases) and len(set(aliases)) == len(aliases)


# --- STATE_FIRST_SPAN ----------------------------------------------------------------------------

RAID = ("On 12 May 2015, Al Shabaab fighters raided a police camp in Fafi (Garissa). One officer was killed.")


def test_kenyan_clashes_of_2015_name_the_state_first():
    ev = _top(RAID)
    assert ev.sub_event_type == "Armed clash"
    assert ev.actor1.startswith("Police Forces of Kenya") and ev.actor2 == "Al Shabaab"


def test_kenyan_clashes_of_2015_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_FIRST_SPAN", 0)
    assert _top(RAID).actor1 == "Al Shabaab"


def test_kenyan_clashes_after_the_span_keep_the_told_order():
    ev = _top(RAID.replace("2015", "2020"))
    assert ev.actor1 == "Al Shabaab"


def test_clash_order_session43_file_is_valid():
    path = resources.files("sitrep") / "data" / "actors" / "clash_order_session43.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"state_first_spans"}
    for iso, (first, last) in data["state_first_spans"].items():
        assert len(iso) == 2 and iso.isupper() and 1997 <= first <= last <= 2030


# --- STATE_FIRST_REMOTE, AU_CONTINGENT, ISWA ------------------------------------------------------

GRENADE = ("On 13 March 2016, unknown men threw a grenade at a Somali army patrol in the "
           "market of Marka (Marka, Lower Shabelle). No casualties were reported.")


def test_a_grenade_on_the_army_in_2016_names_the_army_first():
    ev = _top(GRENADE)
    assert ev.event_type == "Explosions/Remote violence"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Somalia", "Unidentified Armed Group (Somalia)")


def test_a_grenade_on_the_army_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "STATE_FIRST_REMOTE", 0)
    assert _top(GRENADE).actor1 == "Unidentified Armed Group (Somalia)"


AU_TROOPS = ("On 3 March 2016, Ethiopian troops clashed with Al Shabaab fighters near Kolbiyow (Badhaadhe, Lower Juba). "
                 "Two militants were killed.")


def test_contributors_troops_in_somalia_are_the_au_mission():
    ev = _top(AU_TROOPS)
    assert (ev.actor1, ev.inter1) == ("AMISOM: African Union Mission in Somalia", 8)
    assert _top(AU_TROOPS.replace("Ethiopian", "Ugandan").replace("2016", "2023")).actor1 == \
        "ATMIS: African Union Transition Mission in Somalia"


def test_contributors_troops_in_somalia_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "AU_CONTINGENT", 0)
    assert _top(AU_TROOPS).actor1 != "AMISOM: African Union Mission in Somalia"


def test_ethiopian_troops_in_somalia_after_2021_are_their_army():
    ev = _top(AU_TROOPS.replace("2016", "2024"))
    assert ev.actor1 == "Military Forces of Ethiopia"


def test_iswa_in_somalia_is_the_army_not_islamic_state():
    found = actors_module.get_dictionary().find("ISWA soldiers fired shots near Baidoa", {"SO"})
    assert [m.name for m in found] == ["Military Forces of Somalia"]
    found = actors_module.get_dictionary().find("ISWA fighters attacked the barracks", {"NG"})
    assert [m.name for m in found] == ["Islamic State West Africa Province"]
