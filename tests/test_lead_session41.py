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
