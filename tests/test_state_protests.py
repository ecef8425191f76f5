"""events.STATE_PROTESTS: a state that protests (a note, a statement) holds no demonstration.
Sentences written by the team."""
import datetime as dt

import sitrep.extract.events as E
from sitrep.model import Article
from sitrep.pipeline import process

NOTES = [
    "On 3 May 2024, Ankara protested at the deployment of US troops near Manbij.",
    "On 3 May 2024, the foreign ministry protested against the visit of the delegation to Taipei.",
    "On 3 May 2024, Turkey protested strongly after the vote in the French parliament.",
]
CROWDS = [
    "On 3 May 2024, hundreds of students protested in Ankara against the rise in tuition fees.",
    "On 3 May 2024, workers of the state railway protested outside the ministry in Nairobi.",
]


def _subs(text: str) -> list[str]:
    evs = process([Article(id="sp", url="", title="", text=text, published=dt.date(2024, 5, 4))])[0]
    return [e.sub_event_type for e in evs]


def test_a_state_protesting_is_no_demonstration(monkeypatch):
    assert [_subs(t) for t in NOTES] == [[], [], []]
    monkeypatch.setattr(E, "STATE_PROTESTS", 0)
    assert any("Peaceful protest" in _subs(t) for t in NOTES)


def test_people_protesting_in_a_capital_or_at_a_ministry_still_protest():
    assert all(_subs(t) == ["Peaceful protest"] for t in CROWDS)
