"""Actor names on invented sentences (extract/actors.py): the Donbas militias' own names."""

from sitrep.extract.actors import get_dictionary


def _names(text, countries):
    return [a.name for a in get_dictionary().find(text, countries)]


def test_the_donbas_peoples_militias_are_the_naf():
    names = _names("Government troops fired mortars at the positions of the Donetsk People's Militia.", {"UA"})
    assert "NAF: United Armed Forces of Novorossiya" in names
