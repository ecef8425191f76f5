"""Session 41 (types6): event and sub-event typing of short reports. A sentence that only says no harm is
known makes no event; property burned or looted where people were attacked or killed is an attack; a
grenade, a bomb or a shelling whose target fired back is an armed clash; running battles at a protest make
it violent. Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2024, 9, 20)


def _subs(text, monkeypatch, **switches):
    return [e.sub_event_type for e in events_of(text, PUB, monkeypatch, **switches)]


def test_casualties_unknown_makes_no_event(monkeypatch):
    text = ("On 17 September 2024, in Tabarre, Ouest, members of the Canaan gang set fire to a clinic and "
            "four shops along the main road. Casualties unknown.")
    on = _subs(text, monkeypatch, NO_CASUALTY_TOLD=1)
    off = _subs(text, monkeypatch, NO_CASUALTY_TOLD=0)
    assert len(on) == 1 and len(off) > len(on)


def test_houses_burned_as_residents_were_attacked_is_an_attack(monkeypatch):
    text = ("On 16 September 2024, in Carrefour, Ouest, the Ti Makak gang attacked residents and burned "
            "about twenty houses in the Mariani area.")
    assert _subs(text, monkeypatch, PEOPLE_HIT_NOT_LOOTING=1, NO_CASUALTY_TOLD=1)[0] == "Attack"
    assert _subs(text, monkeypatch, PEOPLE_HIT_NOT_LOOTING=0, NO_CASUALTY_TOLD=1, HOMES_BURNED_ATTACK=0)[0] != "Attack"
    # no one hurt: the burning stays property destruction
    empty = ("On 16 September 2024, in Carrefour, Ouest, the Ti Makak gang set fire to about twenty empty "
             "houses in the Mariani area.")
    assert _subs(empty, monkeypatch, PEOPLE_HIT_NOT_LOOTING=1)[0] == "Looting/property destruction"
    # nor where the report says no one was: "no residents were hurt"
    spared = ("On 16 September 2024, in Carrefour, Ouest, the Ti Makak gang set fire to about twenty houses in "
              "the Mariani area; no residents were injured.")
    assert _subs(spared, monkeypatch, PEOPLE_HIT_NOT_LOOTING=1)[0] == "Looting/property destruction"


def test_a_grenade_answered_with_gunfire_is_a_clash(monkeypatch):
    text = ("On 12 September 2024, militants lobbed a grenade into a police checkpoint in Wadajir, Mogadishu. "
            "The officers reacted with gunfire. No one was hurt.")
    assert _subs(text, monkeypatch, FOUGHT_BACK=1)[0] == "Armed clash"
    assert _subs(text, monkeypatch, FOUGHT_BACK=0)[0] == "Grenade"
    # no reply told: the mortars stay a shelling
    quiet = ("On 12 September 2024, militants fired four mortar rounds at a military camp near Afgooye. Two "
             "soldiers were injured.")
    assert _subs(quiet, monkeypatch, FOUGHT_BACK=1)[0] == "Shelling/artillery/missile attack"


def test_running_battles_at_a_protest_make_it_violent(monkeypatch):
    from sitrep.extract import cues

    text = ("On 11 September 2024, traders protesting new market fees engaged police in running battles in "
            "Kisumu town.")
    monkeypatch.setattr(cues, "RIOT_WORDS", 1)
    cues.get_lexicon.cache_clear()
    on = _subs(text, monkeypatch)
    monkeypatch.setattr(cues, "RIOT_WORDS", 0)
    cues.get_lexicon.cache_clear()
    off = _subs(text, monkeypatch)
    cues.get_lexicon.cache_clear()
    assert on[0] == "Violent demonstration"
    assert off[0] != "Violent demonstration"


def test_a_road_blocked_with_a_grievance_is_a_protest(monkeypatch):
    text = ("On 13 September 2024, in Isiolo, residents blocked the Isiolo-Moyale highway near Kula Mawe, "
            "accusing the county of ignoring cattle theft.")
    assert _subs(text, monkeypatch, PROTEST_NOT_OTHER=1)[0] == "Peaceful protest"
    assert _subs(text, monkeypatch, PROTEST_NOT_OTHER=0)[0] == "Other"
    # roadblocks of no one known, with no grievance: ACLED's "Other"
    bare = ("On 13 September 2024, in Mirebalais, Centre, roadblocks were set up on the national road. There "
            "is no word yet on who put them there.")
    assert _subs(bare, monkeypatch, PROTEST_NOT_OTHER=1)[0] == "Other"
