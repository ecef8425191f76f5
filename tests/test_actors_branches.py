"""A group's local units named by their place (extract/actors.py `_branches`), on invented
sentences: "the Yesagyo PDF" is ACLED's "People's Defense Force - Yesagyo"."""

import datetime as dt

import pytest

from sitrep.extract.actors import get_dictionary, load_entries
from sitrep.extract.events import extract
from sitrep.model import Article


def _names(text):
    return [a.name for a in get_dictionary().find(text, {"MM"})]


@pytest.mark.parametrize("text,name", [
    ("Last week the Kyaukmyaung PDF blew up a bridge.", "People's Defense Force - Kyaukmyaung"),
    ("A mine laid by PDF-Magway hit a truck.", "People's Defense Force - Magway"),
    ("A mine laid by the PDF (Salin) hit a truck.", "People's Defense Force - Salin"),
    ("Mines laid by Salin township People Defense Force hit a truck.", "People's Defense Force - Salin"),
    ("Then the local PDF burnt the office.", "People's Defense Force - Local Group"),
])
def test_a_places_name_at_a_pdf_names_its_local_unit(text, name):
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "Last week the PDF blew up a bridge near Salin.",
    "Last week NUG PDF units blew up a bridge.",
    "Last week the KIA and PDF blew up a bridge.",
    "Last week Myanmar resistance forces blew up a bridge.",
])
def test_no_place_at_the_alias_leaves_the_pdf_itself(text):
    assert "PDF: People's Defence Force" in _names(text)
    assert not any(n.startswith("People's Defense Force -") for n in _names(text))


def test_a_local_unit_is_the_events_actor_with_acleds_inter_code():
    evs = extract([Article(id="t", text="On 9 October 2021, the Kyaukmyaung PDF attacked a military convoy "
                           "with landmines near Kyaukmyaung town in Sagaing region.", published=dt.date(2021, 10, 12))])[0]
    assert evs
    assert evs[0].actor1 == "People's Defense Force - Kyaukmyaung"
    assert evs[0].inter1 == 3


def test_branch_fields_are_well_formed():
    """Data check: an entry with a branch name has the {branch} slot and branch aliases that are
    its own aliases."""
    entries = [e for e in load_entries() if e.branch_name or e.branch_aliases or e.branch_local]
    assert entries
    for e in entries:
        assert "{branch}" in e.branch_name, e.name
        assert e.branch_aliases, e.name
        own = {a.lower() for a in e.aliases}
        assert set(e.branch_aliases) <= own, (e.name, set(e.branch_aliases) - own)


def test_unnamed_local_defence_groups_are_acleds_unidentified_local_defense_forces():
    assert "Unidentified Local Defense Forces (Myanmar)" in _names("Last week local defence groups blew up a bridge.")
