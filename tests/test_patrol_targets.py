"""roles_words.yml military_targets: a country's word before "patrol" or "convoy" names its
military ("a British patrol was hit by a roadside bomb"), as before "outpost" or "brigade".
Sentences written by the team."""
import sitrep.extract.actors as A


def _names(text: str, focus: set[str]) -> list[str]:
    d = A.get_dictionary()
    return [d.entry(m.key).name for m in d.find(text, focus)]


def test_a_countrys_patrol_or_convoy_is_its_military():
    assert _names("A British patrol was hit by a roadside bomb near Basra.", {"IQ"}) == ["Military Forces of {country}"]
    found = A.get_dictionary().find("An IED struck a Turkish convoy near Idlib.", {"SY"})
    assert [m.text for m in found] == ["Turkish convoy"]


def test_us_in_capitals_before_a_military_noun(monkeypatch):
    found = A.get_dictionary().find("A roadside bomb targeting a US patrol exploded near Ramadi.", {"IQ"})
    assert [m.text for m in found] == ["US patrol"]
    assert [m.text for m in A.get_dictionary().find("The gunmen told us they had left.", {"IQ"})] == ["gunmen"]
    monkeypatch.setattr(A, "US_IN_CAPITALS", 0)
    assert [m.text for m in A.get_dictionary().find("A roadside bomb targeting a US patrol exploded near Ramadi.", {"IQ"})] == []
