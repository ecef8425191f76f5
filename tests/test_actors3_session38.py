"""Session 38 (actors3), on invented sentences:

- events.DATELINE_COUNTRY: an event with no place of its own, in an article whose dateline names a
  town, is in the dateline's country when no country word tells another; the unnamed state forces
  follow that country ("NIAMEY (...) - soldiers repelled JNIM": Niger's army, not Mali's).
- actors.GROUP_POSSESSIVE (with events.GROUP_POSSESSIVE_BACKGROUND): "its fighters" are the men of
  the one armed group the article names, even in a sentence that told no event.
- actors.ANNOUNCER_FORCES: "Turkey's defence ministry said its jets struck ..." names Turkey's military,
  not the event country's.
- roles.ACL_WITH_OBJECT: "ISWAP militants killed at least 14 soldiers" (a main verb the parser hangs on
  "militants" as a participle) makes the militants the agents: a passive participle has no object.
"""

import datetime as dt

from sitrep.extract import actors as actors_module
from sitrep.extract import events as events_module
from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def _events(text, day=dt.date(2024, 5, 8), source="Example Wire"):
    return extract([Article(id="t", text=text, published=day, source=source)])[0]


NIAMEY = ("NIAMEY (Example Wire) - Soldiers beat back an assault by JNIM militants on an outpost on Sunday, "
          "killing nine of the attackers, the army said in a statement.")
NAIROBI = ("NAIROBI (Example Wire) - Police shot dead two suspected al-Shabaab militants during a night raid "
           "on a rented flat on Tuesday, officers said.")
NAIROBI_SOMALIA = ("NAIROBI (Example Wire) - Al-Shabaab fighters overran a military outpost in southern Somalia "
                   "on Monday, killing seven soldiers, officials said.")


def test_the_dateline_s_country_over_a_group_s_home():
    ev = _events(NIAMEY)[0]
    assert ev.iso == "NE"
    assert "Military Forces of Niger" in (ev.actor1, ev.actor2)


def test_police_under_a_nairobi_dateline_are_kenya_s():
    ev = _events(NAIROBI)[0]
    assert ev.iso == "KE"
    assert "Police Forces of Kenya" in (ev.actor1, ev.actor2)


def test_a_country_the_text_names_still_wins_over_the_dateline():
    ev = _events(NAIROBI_SOMALIA)[0]
    assert ev.iso == "SO"


def test_without_the_switch_the_group_s_home_was_taken(monkeypatch):
    monkeypatch.setattr(events_module, "DATELINE_COUNTRY", 0)
    ev = _events(NIAMEY)[0]
    assert ev.iso == "ML"
    assert "Military Forces of Mali" in (ev.actor1, ev.actor2)


BACKGROUND = ("Al-Shabaab, the Somali jihadist movement, has widened its raids across the border in recent months. "
              "On Monday its fighters killed three police officers in an ambush near Mandera, a police "
              "commander said.")


def _key(name):
    return next(e.key for e in get_dictionary().entries if e.name == name)


def test_its_fighters_are_the_named_group_s():
    d = get_dictionary()
    found = d.find("Witnesses said its fighters torched two lorries.", {"KE", "SO"}, {_key("Al Shabaab")})
    assert [m.name for m in found] == ["Al Shabaab"]


def test_two_named_groups_leave_its_fighters_unresolved():
    d = get_dictionary()
    named = {_key("Al Shabaab"), _key("JNIM: Group for Support of Islam and Muslims")}
    found = d.find("Witnesses said its fighters torched two lorries.", {"KE", "SO"}, named)
    assert "Al Shabaab" not in [m.name for m in found]


def test_its_soldiers_stay_the_state_s():
    d = get_dictionary()
    found = d.find("The army said its soldiers killed four gunmen.", {"KE"}, {_key("Al Shabaab")})
    assert "Al Shabaab" not in [m.name for m in found]


def test_a_group_named_in_a_background_sentence_is_the_event_s_actor():
    ev = next(e for e in _events(BACKGROUND) if e.sub_event_type == "Armed clash")
    assert ev.iso == "KE"
    assert ev.actor1 == "Al Shabaab"
    assert ev.actor2 == "Police Forces of Kenya"


def test_without_the_switch_its_fighters_are_unidentified(monkeypatch):
    monkeypatch.setattr(actors_module, "GROUP_POSSESSIVE", 0)
    ev = next(e for e in _events(BACKGROUND) if e.sub_event_type == "Armed clash")
    assert ev.actor1 != "Al Shabaab"


def test_without_the_background_switch_the_group_is_not_named(monkeypatch):
    monkeypatch.setattr(events_module, "GROUP_POSSESSIVE_BACKGROUND", 0)
    ev = next(e for e in _events(BACKGROUND) if e.sub_event_type == "Armed clash")
    assert ev.actor1 != "Al Shabaab"


ANNOUNCED = ("Turkey's defence ministry said on Saturday its jets had destroyed 14 PKK shelters in the "
             "Qandil mountains of northern Iraq, killing six militants.")


def test_its_forces_are_the_announcing_country_s():
    ev = _events(ANNOUNCED)[0]
    assert ev.iso == "IQ"
    assert ev.actor1 == "Military Forces of Turkey"
    assert ev.inter1 == 8


def test_the_event_country_s_own_announcement_keeps_its_army():
    ev = _events("Iraq's Joint Operations Command said its forces killed four Islamic State militants in an "
                 "air strike on a cave in the Hamrin mountains on Friday.")[0]
    assert ev.actor1 == "Military Forces of Iraq"


def test_without_the_switch_the_event_country_s_army_was_taken(monkeypatch):
    monkeypatch.setattr(actors_module, "ANNOUNCER_FORCES", 0)
    ev = _events(ANNOUNCED)[0]
    assert ev.actor1 != "Military Forces of Turkey"


def test_report_country_entries_by_their_usual_names():
    d = get_dictionary()
    assert [m.name for m in d.find("Gunmen of Los Rastrojos shot a trader in Cucuta.", {"CO"})][0] == "Los Rastrojos"
    assert [m.name for m in d.find("Somali special police raided a house in Jijiga.", {"ET"})] == \
        ["Police Forces of Ethiopia"]
    # in Somalia the words stay the event country's police
    assert [m.name for m in d.find("Somali special police raided a house in Mogadishu.", {"SO"})] == \
        ["Police Forces of {country}"]


AT_LEAST = "ISWAP militants killed at least 14 soldiers in an assault on an army post near Damasak on Saturday."


def test_militants_who_killed_at_least_n_are_the_agents():
    ev = _events(AT_LEAST)[0]
    assert ev.actor1 == "Islamic State West Africa Province"
    assert ev.actor2 == "Military Forces of Nigeria"


def test_a_participle_with_no_object_is_still_a_passive():
    ev = _events("Three ISWAP militants killed in an air strike near Damasak on Saturday, the army said.")[0]
    assert ev.actor2 == "Islamic State West Africa Province"


def test_without_the_switch_the_militants_were_the_victims(monkeypatch):
    from sitrep.extract import roles as roles_module

    monkeypatch.setattr(roles_module, "ACL_WITH_OBJECT", 0)
    ev = _events(AT_LEAST)[0]
    assert ev.actor1 != "Islamic State West Africa Province"
