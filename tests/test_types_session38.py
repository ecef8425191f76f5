"""Session 38 (types): event and sub-event typing of short notes. A fight whose first named target is
civilians keeps the armed side named besides the actor as the other side (roles.ARMED_SECOND_SIDE).
Sentences written for these tests, about invented incidents."""

import datetime as dt
from types import SimpleNamespace

from event_reading import events_of
from sitrep.extract import roles
from sitrep.nlp import Sentence

PUB = dt.date(2023, 5, 2)


def _top(text, monkeypatch, **switches):
    evs = events_of(text, PUB, monkeypatch, module=roles, **switches)
    assert evs
    return evs[0]


def test_a_responding_force_shot_after_a_civilian_is_the_other_side(monkeypatch):
    text = ("On 28 April 2023, bandits shot dead a herder near Kapedo (Baringo); a police reservist who "
            "answered the alarm was killed by the same bandits.")
    ev = _top(text, monkeypatch, ARMED_SECOND_SIDE=1)
    assert (ev.sub_event_type, ev.inter2) == ("Armed clash", 1)
    # two forces told acting together keep the civilians as their target
    ev = _top("On 22 April 2023, the army and members of a pro-government militia killed three farmers "
              "and burned two houses in Minbu.", monkeypatch, ARMED_SECOND_SIDE=1)
    assert (ev.sub_event_type, ev.inter2) == ("Attack", 7)
    # nor a group the victims were accused of supporting
    ev = _top("On 12 April 2023, soldiers shot dead four herders near Mandera, accusing them of aiding "
              "al-Shabaab.", monkeypatch, ARMED_SECOND_SIDE=1)
    assert (ev.sub_event_type, ev.inter2) == ("Attack", 7)
    # nor a group named as the context of the killing (lexicons.yaml group_as_context)
    ctx = roles.ActorMention("Shabaab", 2, 0, 0, "al-Shabaab fighters", key="shabaab")
    army = roles.ActorMention("Army", 1, 0, 0, "soldiers", key="army")
    civ = roles.ActorMention("Civilians", 7, 0, 0, "herder", key="civ")
    told = "soldiers shot dead a herder near mandera while pursuing al-shabaab fighters."
    d = SimpleNamespace(sentences=[Sentence(told, 0, 0)], sentence=Sentence(told, 0, 0))
    assert roles._armed_second_side(d, army, civ, [army], [civ, ctx], "Attack", lambda m: (m.name, m.inter), told) is civ
    ev = _top(text, monkeypatch, ARMED_SECOND_SIDE=0)
    assert ev.sub_event_type == "Attack"


def test_the_body_the_victim_belonged_to_is_not_the_other_side():
    a1 = roles.ActorMention("NPA", 2, 0, 3, "NPA rebels", key="npa")
    civ = roles.ActorMention("Civilians", 7, 0, 0, "farmer", key="civ")
    union = roles.ActorMention("Union", 3, 0, 0, "Growers Union", key="union")
    text = "A farmer of the Growers Union was shot dead by NPA rebels."
    d = SimpleNamespace(sentences=[Sentence(text, 0, 0)], sentence=Sentence(text, 0, 0))
    out = roles._armed_second_side(d, a1, civ, [a1], [civ, union], "Attack", lambda m: (m.name, m.inter), text)
    assert out is civ
    army = roles.ActorMention("Army", 1, 0, 0, "soldiers", key="army")
    text = "NPA rebels killed a farmer; soldiers who came were fired on by the NPA rebels."
    d = SimpleNamespace(sentences=[Sentence(text, 0, 0)], sentence=Sentence(text, 0, 0))
    out = roles._armed_second_side(d, a1, civ, [a1, army], [civ], "Attack", lambda m: (m.name, m.inter), text)
    assert out is army


def test_a_few_people_who_struck_are_no_mob(monkeypatch):
    from sitrep.extract.lexicons import pattern, regex

    text = "On 29 April 2023, two men on a motorcycle hacked a boda boda rider with machetes in Busia town."
    assert events_of(text, PUB, monkeypatch, FEW_NOT_MOB=1)[0].sub_event_type == "Attack"
    assert events_of(text, PUB, monkeypatch, FEW_NOT_MOB=0)[0].sub_event_type == "Mob violence"
    # a crowd told: still a mob's violence
    mob = "On 30 April 2023, a mob in Kitale beat a suspected thief to death."
    assert events_of(mob, PUB, monkeypatch, FEW_NOT_MOB=1)[0].sub_event_type == "Mob violence"
    # the lexicons: a few who struck, by a few, not a few who were hurt
    few = regex("few_perpetrators")
    assert few.search("a trader was stabbed to death by two men at the market.")
    assert few.search("on 3 may, three unknown men attacked a farmer.")
    assert not few.search("on 3 may, two men were injured when rival factions clashed.")
    assert pattern("crowd_words").search("angry villagers beat a man")


def test_a_clash_among_the_faithful_is_a_mob(monkeypatch):
    from sitrep.extract import events
    from sitrep.extract.classify import Typing
    from sitrep.extract.counts import Counts
    from sitrep.nlp import Sentence

    s = Sentence("Clashes broke out between Christians and Muslims at the cattle market.", 0, 0)
    d = events.Draft(s, Typing("Armed clash", 2.0, None), Counts(), None, [], [], [], [], None, sentences=[s])
    monkeypatch.setattr(roles, "FAITH_CLASH_MOB", 1)
    assert roles._partisan_clash(d)
    monkeypatch.setattr(roles, "FAITH_CLASH_MOB", 0)
    assert not roles._partisan_clash(d)


def test_heavy_weapons_fired_are_a_shelling(monkeypatch):
    from sitrep.extract import cues

    text = ("On 20 April 2023, government troops stationed at Kyauktaw fired heavy weapons at Pyinshe "
            "village. Casualties unknown.")
    try:
        monkeypatch.setattr(cues, "HEAVY_WEAPONS_SHELLING", 1)
        cues.get_lexicon.cache_clear()
        assert events_of(text, PUB)[0].sub_event_type == "Shelling/artillery/missile attack"
        assert not any(c.cls == "Shelling/artillery/missile attack" for c in
                       cues.get_lexicon().find("Police seized a heavy weapons cache in the forest."))
        monkeypatch.setattr(cues, "HEAVY_WEAPONS_SHELLING", 0)
        cues.get_lexicon.cache_clear()
        assert events_of(text, PUB)[0].sub_event_type != "Shelling/artillery/missile attack"
    finally:
        monkeypatch.undo()
        cues.get_lexicon.cache_clear()
