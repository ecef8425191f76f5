"""Session 39 (actors4), on invented sentences:

- roles.DWU_OWNER_SECOND: in a disrupted weapons use, a foreign state's force told only as the owner of
  the weapons downed ("... shot down three Russian drones") is actor2; the event country's own force,
  told or not, actor1. A foreign force told downing the event country's own drones has that country's
  military as actor2, not an unidentified armed group. ("air defence" is a military alias.)
- roles.TERRITORY_SIDES: the state's side first in "Government regains territory", second in
  "Non-state actor overtakes territory".
- roles.NAMED_BEFORE_ATTACK: a named group written right before an attack noun ("in IS attack on army
  post") started it, where a headline's parse gave it no role; "IS" in capitals is the Islamic State.
- events.ONE_GROUP_SECOND: unnamed armed men the state's forces fought, in an article whose other
  violence names one armed group, are that group (actor2).
- events.CLAIM_OVER_HOST: a claimed attack on foreign troops is the claimant's, not the host state's
  force that told of it.
"""

import datetime as dt

from sitrep.extract import events as events_module
from sitrep.extract import roles as roles_module
from sitrep.model import Article, Event
from sitrep.pipeline import process


def _events(text, day=dt.date(2022, 5, 8)):
    return process([Article(id="t", text=text, published=day, source="")])[0]


DOWNED = "On 3 April 2022, Ukrainian air defence shot down three Russian drones over Mykolaiv."
DOWNED_OWN = "On 3 April 2022, Russian troops downed two Ukrainian drones near Izium, Kharkiv."
DOWNED_UNTOLD = "On 3 April 2022, two Russian cruise missiles were intercepted over Lviv oblast."


def test_the_foreign_owner_of_downed_drones_is_actor2():
    ev = _events(DOWNED)[0]
    assert ev.sub_event_type == "Disrupted weapons use"
    assert (ev.actor1, ev.actor2) == ("Military Forces of Ukraine", "Military Forces of Russia")


def test_the_event_country_s_force_downed_them_where_no_one_is_told():
    ev = _events(DOWNED_UNTOLD)[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Ukraine", "Military Forces of Russia")


def test_the_event_country_s_own_drones_downed_are_its_military_s():
    ev = _events(DOWNED_OWN)[0]
    assert (ev.actor1, ev.actor2) == ("Military Forces of Russia", "Military Forces of Ukraine")


def test_without_the_switch_the_owner_came_first(monkeypatch):
    monkeypatch.setattr(roles_module, "DWU_OWNER_SECOND", 0)
    assert _events(DOWNED_UNTOLD)[0].actor1 == "Military Forces of Russia"
    assert _events(DOWNED_OWN)[0].actor2 == "Unidentified Armed Group (Ukraine)"


def _territory(sub):
    return Event(article_id="t", event_type="Strategic developments", sub_event_type=sub,
                 actor1="KIA: Kachin Independence Army", inter1=2, actor2="Military Forces of Myanmar", inter2=1,
                 country="Myanmar", iso="MM")


def test_the_state_first_where_it_regains_territory():
    ev = _territory("Government regains territory")
    roles_module._territory_sides(ev)
    assert (ev.actor1, ev.inter1, ev.actor2, ev.inter2) == ("Military Forces of Myanmar", 1, "KIA: Kachin Independence Army", 2)
    ev = _territory("Non-state actor overtakes territory")
    roles_module._territory_sides(ev)
    assert ev.actor1 == "KIA: Kachin Independence Army"


def test_without_the_switch_the_order_told_stays(monkeypatch):
    monkeypatch.setattr(roles_module, "TERRITORY_SIDES", 0)
    ev = _territory("Government regains territory")
    roles_module._territory_sides(ev)
    assert ev.actor1 == "KIA: Kachin Independence Army"


HEADLINE = "On 4 May 2022, three soldiers killed, two hurt in IS attack on army post near Mutaibija, Salah al-Din."
CLAIMED = "IS claims truck bomb that killed 12 at a market in Sadr City, Baghdad; more than 20 wounded."


def test_a_group_before_an_attack_noun_started_it():
    ev = _events(HEADLINE)[0]
    assert (ev.actor1, ev.actor2) == ("Islamic State (Iraq)", "Military Forces of Iraq")


def test_is_in_capitals_is_the_islamic_state():
    assert _events(CLAIMED)[0].actor1 == "Islamic State (Iraq)"


def test_without_the_switch_the_headline_s_group_was_lost(monkeypatch):
    monkeypatch.setattr(roles_module, "NAMED_BEFORE_ATTACK", 0)
    assert _events(HEADLINE)[0].actor1 == "Unidentified Armed Group (Iraq)"


SOMALIA = ("MOGADISHU, May 4 (Example Wire) - Al-Shabaab fighters attacked a police station in Afgoye on Tuesday, "
           "killing four officers. Later that day soldiers shot dead three unidentified armed men at a checkpoint "
           "near Wanlaweyn, a local commander said.")


def test_the_article_s_one_group_is_the_second_side_too():
    evs = _events(SOMALIA)
    assert any(e.actor1 == "Military Forces of Somalia" and e.actor2 == "Al Shabaab" for e in evs)


def test_without_the_switch_the_second_side_stayed_unidentified(monkeypatch):
    monkeypatch.setattr(events_module, "ONE_GROUP_SECOND", 0)
    evs = _events(SOMALIA)
    assert any(e.actor1 == "Military Forces of Somalia" and e.actor2 == "Unidentified Armed Group (Somalia)" for e in evs)


ERBIL = ("ERBIL, Iraq, Oct 27 (Example Wire) - Two drones hit a base near Erbil that houses US-led coalition troops "
         "late on Thursday, the Kurdish region's counter-terrorism service said. No one was hurt. The Islamic "
         "Resistance in Iraq claimed the attack.")


def test_a_claim_on_foreign_troops_wins_over_the_host_force_that_told_of_it():
    assert _events(ERBIL)[0].actor1 == "Islamic Resistance in Iraq"


def test_without_the_switch_the_host_force_stood_in(monkeypatch):
    monkeypatch.setattr(events_module, "CLAIM_OVER_HOST", 0)
    assert _events(ERBIL)[0].actor1 == "Military Forces of Iraq"
