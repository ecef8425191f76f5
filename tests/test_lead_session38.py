"""Session 38 (lead): a toll beside a denial; a crowd that dispersed of its own accord.
Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of
from sitrep.extract import events as events_module

PUB = dt.date(2023, 4, 2)

# --- events.TOLL_OWN_CLAUSE: "officials put the toll at 150; the group denied it"

DENIED_TOLL = ("On 28 March 2023, gunmen of the Koru Liberation Front killed dozens of farmers in "
               "Wasama village near Nekemte. Elders put the toll at 41; the front denied responsibility "
               "and blamed bandits.")


def test_a_toll_beside_a_denial_is_still_the_toll(monkeypatch):
    evs = events_of(DENIED_TOLL, PUB, monkeypatch)
    assert [e.fatalities for e in evs] == [41], [(e.sub_event_type, e.fatalities) for e in evs]
    monkeypatch.setattr(events_module, "TOLL_OWN_CLAUSE", 0)
    assert [e.fatalities for e in events_of(DENIED_TOLL, PUB, monkeypatch)] == [12]


def test_a_denied_toll_in_its_own_clause_gives_no_figure(monkeypatch):
    text = ("On 28 March 2023, gunmen killed dozens of farmers in Wasama village near Nekemte. "
            "The front said it did not put the toll at 41; the elders disagreed.")
    assert [e.fatalities for e in events_of(text, PUB, monkeypatch)] == [12]


# --- event_cues.yaml: "the crowd dispersed peacefully" is no intervention

def test_a_crowd_that_dispersed_by_itself_met_no_force(monkeypatch):
    base = ("On 30 March 2023, about 400 traders gathered in front of the town hall in Dessie to "
            "demand lower market fees. ")
    quiet = events_of(base + "The crowd dispersed peacefully in the afternoon.", PUB, monkeypatch)
    assert [e.sub_event_type for e in quiet] == ["Peaceful protest"]
    forced = events_of(base + "Police dispersed the crowd with batons.", PUB, monkeypatch)
    assert [e.sub_event_type for e in forced] == ["Protest with intervention"]


# --- events.DATELINE_FALLBACK: an event naming no place is placed at the dateline's town

DATELINED = ("KANPUR: Two shopkeepers were injured when a crowd attacked a police post in the old "
             "quarter on Sunday. On Monday evening, a mob of about 300 youths set fire to four buses "
             "near the grain market after a quarrel over parking, police said. Several shops were "
             "looted before reinforcements arrived.")


def test_an_event_naming_no_place_happened_in_the_dateline_town(monkeypatch):
    evs = events_of(DATELINED, dt.date(2023, 8, 22), monkeypatch)
    assert len(evs) >= 2 and all(e.location == "Kanpur" for e in evs), [(e.sub_event_type, e.location) for e in evs]
    monkeypatch.setattr(events_module, "DATELINE_FALLBACK", 0)
    off = events_of(DATELINED, dt.date(2023, 8, 22), monkeypatch)
    assert any(e.location != "Kanpur" for e in off)


# --- roles.BY_THE_USERS: "a checkpoint manned by soldiers" names the target's side, not the actor

def test_who_manned_the_place_hit_did_not_act(monkeypatch):
    from sitrep.extract import roles as roles_module

    text = "On 4 May 2022, gunmen attacked a checkpoint manned by soldiers near Kirkuk, killing two."
    evs = events_of(text, dt.date(2022, 5, 6), monkeypatch)
    assert [(e.actor1, e.actor2) for e in evs] == [("Unidentified Armed Group (Iraq)", "Military Forces of Iraq")]
    monkeypatch.setattr(roles_module, "BY_THE_USERS", 0)
    off = events_of(text, dt.date(2022, 5, 6), monkeypatch)
    assert [e.actor1 for e in off] != ["Unidentified Armed Group (Iraq)"]


# --- classify.EXPLOSION_VERB_SURVIVES: "a bomb planted under his car exploded" is a blast

def test_a_planted_bomb_that_exploded_is_a_blast_not_disrupted(monkeypatch):
    from sitrep.extract import classify as classify_module

    went_off = ("On 22 November 2021, a bomb planted under the car of a district councillor exploded "
                "in Samawah, wounding him and his driver, police said.")
    evs = events_of(went_off, dt.date(2021, 11, 24), monkeypatch)
    # the blast's cue word stands, so the police who told of it are no bomber
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Remote explosive/landmine/IED", "Unidentified Armed Group (Iraq)")]
    forestalled = ("On 22 November 2021, police defused a bomb planted under the car of a district "
                   "councillor in Samawah before it exploded.")
    assert [e.sub_event_type for e in events_of(forestalled, dt.date(2021, 11, 24), monkeypatch)] == \
        ["Disrupted weapons use"]
    monkeypatch.setattr(classify_module, "EXPLOSION_VERB_SURVIVES", 0)
    off = events_of(went_off, dt.date(2021, 11, 24), monkeypatch)
    assert [e.actor1 for e in off] == ["Police Forces of Iraq"]


# --- roles.ARMED_ON_CROWD: "gunmen fired on protesters" makes the gunmen actor2

def test_gunmen_who_fired_on_protesters_are_the_force(monkeypatch):
    from sitrep.extract import roles as roles_module

    text = ("On 2 March 2020, masked gunmen fired on protesters camped in Tahrir Square in Basra, "
            "killing four, medics and police said.")
    evs = events_of(text, dt.date(2020, 3, 3), monkeypatch)
    assert [(e.actor1, e.actor2) for e in evs] == [("Protesters (Iraq)", "Unidentified Armed Group (Iraq)")]
    monkeypatch.setattr(roles_module, "ARMED_ON_CROWD", 0)
    assert [e.actor2 for e in events_of(text, dt.date(2020, 3, 3), monkeypatch)] != ["Unidentified Armed Group (Iraq)"]


# --- events.HISTORY_CLAUSE_TOLL and CRIME_CLAUSE_GOES_ON: an old massacre told of the arrested

HELD_FOR_OLD_MASSACRE = ("On 16 March 2021, soldiers arrested a senior financier of the Islamic State in a "
                         "raid in Hawija, the army said, adding that he had been involved in the 2014 "
                         "massacre at a prison near Mosul, in which hundreds were killed.")


def test_the_dead_of_a_past_year_in_a_relative_clause_are_not_the_arrest_s(monkeypatch):
    evs = events_of(HELD_FOR_OLD_MASSACRE, dt.date(2021, 3, 18), monkeypatch)
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Arrests", 0)]
    monkeypatch.setattr(events_module, "HISTORY_CLAUSE_TOLL", 0)
    monkeypatch.setattr(events_module, "CRIME_CLAUSE_GOES_ON", 0)
    off = events_of(HELD_FOR_OLD_MASSACRE, dt.date(2021, 3, 18), monkeypatch)
    assert [(e.sub_event_type, e.fatalities) for e in off] != [("Arrests", 0)]


def test_the_dead_of_this_event_in_a_relative_clause_still_count(monkeypatch):
    text = "On 3 May 2023, gunmen attacked a wedding in Tal Afar in which seven guests were killed."
    assert [e.fatalities for e in events_of(text, dt.date(2023, 5, 4), monkeypatch)] == [7]


# --- roles.HEADLINE_VBN: "two Dutch and one Belgian soldier killed, five hurt" names the harmed

def test_a_digest_passive_with_no_auxiliary_names_the_harmed(monkeypatch):
    from sitrep.extract import roles as roles_module

    text = "Rockets hit K-1 air base near Kirkuk; 2 Danish and 1 Belgian service members killed, 9 hurt."
    evs = events_of(text, dt.date(2020, 1, 9), monkeypatch)
    assert evs and not any("Belgium" in e.actor1 or "Denmark" in e.actor1 for e in evs), [(e.actor1, e.actor2) for e in evs]
    monkeypatch.setattr(roles_module, "HEADLINE_VBN", 0)
    off = events_of(text, dt.date(2020, 1, 9), monkeypatch)
    assert any("Belgium" in e.actor1 or "Denmark" in e.actor1 for e in off)


# --- resolve.WORLD_CITY_OVER_NAMESAKE: the foreign forces' nationality does not move Damascus

def test_a_world_city_before_a_small_namesake_of_the_forces_country(monkeypatch):
    from sitrep.geo import resolve as resolve_module

    text = ("WASHINGTON: American warplanes struck a research centre on the edge of Damascus early "
            "on Saturday, the Pentagon said.")
    evs = events_of(text, dt.date(2018, 4, 14), monkeypatch)
    assert [e.country for e in evs] == ["Syria"], [(e.location, e.country) for e in evs]
    monkeypatch.setattr(resolve_module, "WORLD_CITY_OVER_NAMESAKE", False)
    assert [e.country for e in events_of(text, dt.date(2018, 4, 14), monkeypatch)] != ["Syria"]


def test_a_namesake_set_in_its_state_stays_there(monkeypatch):
    text = "About 200 students marched in Moscow, Idaho on Monday to protest tuition increases."
    assert [e.admin1 for e in events_of(text, dt.date(2023, 3, 14), monkeypatch)] == ["Idaho"]
