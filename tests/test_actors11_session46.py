"""Session 46 (actors11): who engaged in a fight is its first side, an "anti-X" group is a target
(extract/roles.py INVOLVED_FIRST, ANTI_TARGET). The sentences are invented."""

import datetime as dt

from event_reading import events_of, top_event
from sitrep.extract import roles

ENGAGED = "Al Shabaab fighters engaged in heavy clashes with police officers near Elwak, Mandera County."
ANTI = ("A police unit engaged in armed clashes with the Gran Grif Gang during an anti-gang operation near "
        "Saint-Marc, Artibonite. In the fighting two gang members died and an officer was hurt.")
ANTI_LATER = ("A police unit ran anti-gang operations against the Gran Grif Gang near Saint-Marc, "
              "Artibonite. Some of the gang members died in the clashes that followed.")


def _top(text, day, monkeypatch, **switches):
    return top_event(events_of(text, day, monkeypatch, module=roles, **switches))


def test_who_engaged_in_the_fight_is_the_first_side(monkeypatch):
    ev = _top(ENGAGED, dt.date(2023, 5, 2), monkeypatch)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Al Shabaab", "Police Forces of Kenya")


def test_who_engaged_without_the_switch(monkeypatch):
    ev = _top(ENGAGED, dt.date(2023, 5, 2), monkeypatch, INVOLVED_FIRST=False)
    assert ev.actor1 == "Police Forces of Kenya"


def test_the_gang_of_an_anti_gang_operation_is_a_target(monkeypatch):
    ev = _top(ANTI, dt.date(2024, 6, 5), monkeypatch)
    assert (ev.actor1, ev.actor2) == ("Police Forces of Haiti", "Gran Grif Gang")
    ev = _top(ANTI_LATER, dt.date(2024, 6, 5), monkeypatch)
    assert (ev.actor1, ev.actor2) == ("Police Forces of Haiti", "Gran Grif Gang")


def test_anti_gang_without_the_switch(monkeypatch):
    ev = _top(ANTI, dt.date(2024, 6, 5), monkeypatch, ANTI_TARGET=False)
    assert ev.actor1 == "Unidentified Gang (Haiti)"


RESPONDED = ("Police officers responded and exchanged fire with Al Shabaab militants who had raided a telecom mast "
             "near Lafey, Mandera County, on Sunday.")


def test_the_side_told_responding_is_second(monkeypatch):
    ev = _top(RESPONDED, dt.date(2020, 6, 15), monkeypatch)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Al Shabaab", "Police Forces of Kenya")


def test_the_responding_side_without_the_switch(monkeypatch):
    ev = _top(RESPONDED, dt.date(2020, 6, 15), monkeypatch, RESPONDER_SECOND=False)
    assert ev.actor1 == "Police Forces of Kenya"


JOINS = "Armed bandits stormed a village near Kapenguria, West Pokot. Police responded and killed three of the attackers."


def test_the_forces_told_responding_are_the_other_side(monkeypatch):
    ev = _top(JOINS, dt.date(2019, 3, 2), monkeypatch)
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Unidentified Armed Group (Kenya)",
                                                         "Police Forces of Kenya")


def test_the_forces_told_responding_without_the_switch(monkeypatch):
    ev = _top(JOINS, dt.date(2019, 3, 2), monkeypatch, RESPONDER_JOINS=False)
    assert ev.actor2 != "Police Forces of Kenya"


def test_forces_between_two_units_of_one_army_are_no_side(monkeypatch):
    text = ("Two groups of soldiers clashed in Baidoa after a quarrel between their commanders. Ethiopian "
            "troops intervened and kept the two sides apart.")
    ev = _top(text, dt.date(2016, 1, 19), monkeypatch)
    assert ev.actor1 == ev.actor2 == "Military Forces of Somalia"


def test_responding_verbs_are_a_data_list():
    """roles._responding is built from data/actors/roles_session46.yml: every verb listed is read after a mention."""
    from importlib import resources

    import yaml
    path = resources.files("sitrep") / "data" / "actors" / "roles_session46.yml"
    verbs = yaml.safe_load(path.read_text(encoding="utf-8"))["responding_verbs"]
    assert {"repelled", "fought back", "returned fire"} <= set(verbs)
    for verb in verbs:
        assert roles._responding().match(f" quickly {verb} the attack"), verb
    assert not roles._responding().match(" attacked the camp")
