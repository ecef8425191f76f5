"""A one-word province name right before a noun for people names an ethnic group ("Amhara
civilians"), not where the event was, when the sentence names another place (locate.REGION_AS_PEOPLE)."""

import datetime as dt

from event_reading import events_of
from sitrep.geo import locate

TEXT = ("On 3 September 2024, gunmen killed three Amhara civilians in Haro Sabu, Oromia, "
        "local officials said.")


def test_the_peoples_province_yields_to_the_place_the_sentence_names(monkeypatch):
    evs = events_of(TEXT, dt.date(2024, 9, 10))
    assert evs and evs[0].admin1 == "Oromia"
    monkeypatch.setattr(locate, "REGION_AS_PEOPLE", False)
    evs = events_of(TEXT, dt.date(2024, 9, 10))
    assert evs and evs[0].admin1 == "Amhara"


def test_alone_the_peoples_name_still_places_the_event():
    evs = events_of("Raiders killed two Samburu villagers on Sunday, police said.", dt.date(2024, 9, 10))
    assert evs and evs[0].admin1 == "Samburu"
