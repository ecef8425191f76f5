"""Session 41 (lead): clan aliases made from spellings and forms (actors.CLAN_FORMS), and the switch
over the session-40 actor files (actors.SESSION40_FILES). Sentences written by the team."""

import pytest

from sitrep.extract import actors
from sitrep.extract.actors import ActorDictionary, clan_aliases, load_entries


def _names(dictionary: ActorDictionary, text: str) -> list[str]:
    return [m.name for m in dictionary.find(text, countries={"SO"})]


def test_clan_spelling_takes_every_form_of_armed_men():
    got = set(clan_aliases(["marehan", "mareexaan"]))
    for alias in ("marehan militiamen", "gunmen from the marehan clan", "mareexaan sub-clan fighters",
                  "armed marehan militia", "militia hailing from the mareexaan clan", "marehan ethnic militia"):
        assert alias in got
    assert "marehan" not in got and "marehan clan" not in got  # a bare clan name is no alias


def test_from_forms_need_the_word_clan():
    got = set(clan_aliases(["ogaden"], "from"))
    assert "gunmen from the ogaden clan" in got
    assert "militia from the ogaden" not in got  # also a region's name
    assert "ogaden militiamen" not in got


@pytest.mark.parametrize("text", [
    "Gunmen from the Sheekhaal clan opened fire on a rival group's camp near the well.",
    "Sheeqaal militiamen and a rival group exchanged fire over grazing land.",
])
def test_clan_forms_find_the_clan_militia(monkeypatch, text):
    on = ActorDictionary(load_entries())
    assert "Sheeqaal Clan Militia (Somalia)" in _names(on, text)
    monkeypatch.setattr(actors, "CLAN_FORMS", 0)
    off = ActorDictionary(load_entries())
    assert "Sheeqaal Clan Militia (Somalia)" not in _names(off, text)


def test_session40_files_can_be_left_out(monkeypatch):
    assert any(e.name == "Habar Gedir Clan Militia (Somalia)" for e in load_entries())
    monkeypatch.setattr(actors, "SESSION40_FILES", 0)
    assert not any(e.key.startswith(("horn_session40:", "haiti_session40:")) for e in load_entries())


# --- counts (session 41, lead) -----------------------------------------------------------------

from sitrep.extract import counts  # noqa: E402
from sitrep.extract.counts import extract_counts  # noqa: E402


@pytest.mark.parametrize("switch, sentence, dead", [
    ("ASSASSINATED_KILLS", "on 4 may suspected militants assassinated three dozo hunters near the well", 3),
    ("ASSASSINATED_KILLS", "two elders of the village were assassinated by unknown gunmen", 2),
    ("THING_THEN_PERSON", "four truck drivers were killed on the highway", 4),
    ("THING_THEN_PERSON", "raiders killed three cattle traders at the market", 3),
    ("FOR_AFTER_KILL", "two are lynched for stealing motorbikes in the town", 2),
    ("COMMA_LIST_DEAD", "two militants, four vigilantes, and one civilian were killed in the fighting", 7),
    ("TOLL_STANDS", "estimates of fatalities stand at 4 militia troops and one rebel fighter", 5),
    ("TOLL_STANDS", "by evening the number of fatalities had risen to 11", 11),
    ("BURNED_ALIVE", "three villagers were burnt alive in their homes", 3),
    ("INCLUDING_ASIDE", "12 people, including a 5-month-old baby, died and 40 were injured", 12),
])
def test_dead_counted_with_switch(monkeypatch, switch, sentence, dead):
    assert extract_counts(sentence).killed == dead
    monkeypatch.setattr(counts, switch, 0)
    assert extract_counts(sentence).killed != dead


@pytest.mark.parametrize("sentence, dead", [
    ("the raiders killed 40 cattle and wounded two herders", 0),  # animals stay animals
    ("two trucks were burned and five people killed", 5),
])
def test_things_and_partitives_stay_apart(sentence, dead):
    assert extract_counts(sentence).killed == dead


def test_bodies_carried_in_a_protest_are_its_grievance():
    # lexicons.yaml death_as_cause: "carrying (the) dead bodies of" (session 41: "the" optional)
    sentence = "mourners marched to the square carrying dead bodies of 3 youths killed by the police"
    assert extract_counts(sentence).killed == 0


def test_burned_alive_names_one_dead(monkeypatch):
    from sitrep.nlp import load_nlp

    doc = load_nlp()("An old man was burned alive in a hut that the raiders set on fire.")
    assert counts.named_dead(doc) == 1
    monkeypatch.setattr(counts, "BURNED_ALIVE", 0)
    assert counts.named_dead(doc) == 0


@pytest.mark.parametrize("sentence", [
    "the police held and beat a herder, alleging he had been involved in the murder of a village elder",
    "gunmen suspected of involvement in the murder of two traders were arrested",
])
def test_a_charge_of_a_role_in_a_killing_is_no_toll(sentence):
    # lexicons.yaml death_as_cause (session 41): the dead of a charge belong to another event
    assert extract_counts(sentence).killed == 0


def test_a_mistyped_year_keeps_day_and_month(monkeypatch):
    import datetime as dt

    from sitrep.extract import dates

    published = dt.date(2016, 3, 12)
    got = dates.find_dates("Around 7 Mar 2106, the army and the rebels fought near the river.", published)
    assert got and got[0].date == dt.date(2016, 3, 7)
    monkeypatch.setattr(dates, "YEAR_TYPO", 0)
    got = dates.find_dates("Around 7 Mar 2106, the army and the rebels fought near the river.", published)
    assert not got or got[0].date != dt.date(2016, 3, 7)


def test_a_sides_dead_below_the_toll_leave_the_toll(monkeypatch):
    from sitrep.extract import events
    from sitrep.extract.counts import Counts

    def merged() -> int:
        a = extract_counts("nine people died in the raid on the market.")
        b = extract_counts("three of the gunmen were later shot dead by the police.")
        into = Counts(killed=a.killed, killed_by=dict(a.killed_by))
        events.merge_killed(into, b)
        return into.killed

    assert merged() == 9
    monkeypatch.setattr(events, "TOTAL_OVER_PART", 0)
    assert merged() == 3
    # a higher sum of the sides is still capped by the toll (a conflicting report: the lowest)
    monkeypatch.setattr(events, "TOTAL_OVER_PART", 1)
    a = extract_counts("seven people were killed.")
    into = Counts(killed=a.killed, killed_by=dict(a.killed_by))
    events.merge_killed(into, extract_counts("five soldiers and four militants were killed."))
    assert into.killed == 7


def test_a_toll_told_after_the_sides_is_a_conflicting_report():
    from sitrep.extract import events
    from sitrep.extract.counts import Counts

    a = extract_counts("gunmen killed at least 18 villagers near the market.")
    into = Counts(killed=a.killed, killed_by=dict(a.killed_by))
    events.merge_killed(into, extract_counts("local leaders put the death toll at 26."))
    assert into.killed == 18  # ACLED: the lowest of conflicting reports
