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
