"""The country and the name of an event's actors from evidence other than the place
(extract/actors.py, extract/roles.py), on invented sentences: the outlet's own country when the
text names no place, and the name an actor bore on the event's day (the AU mission in Somalia)."""

import datetime as dt

import pytest

from sitrep.extract import events as events_module
from sitrep.extract.actors import get_dictionary, load_entries, outlet_home
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text, published, source=""):
    evs = extract([Article(id="t", text=text, published=published, source=source)])[0]
    assert evs, text
    return evs[0]


# -- the outlet's country ---------------------------------------------------------------------
@pytest.mark.parametrize("source,iso", [
    ("Evening Courier (Kenya)", "KE"),
    ("Ghana Herald", "GH"),
    ("Morning Post (Sri Lanka); Wire Service", "LK"),
    ("Wire Service", ""),
    ("Phnom Penh Evening Bulletin", "KH"),  # a capital names its country
    ("Dhaka Weekly", "BD"),
    ("Evening Courier (Kenya); Morning Post (Sri Lanka)", ""),  # two countries: no hint
    ("", ""),
])
def test_outlet_home_is_the_one_country_the_outlets_name_gives(source, iso):
    assert outlet_home(source) == iso


TEXT = "Shopkeepers marched through the market to demand lower fees for their stalls."


def test_a_report_naming_no_place_takes_the_outlets_country_for_its_generic_actors():
    ev = _top(TEXT, dt.date(2014, 3, 10), source="Evening Courier (Kenya)")
    assert ev.iso == "KE"
    assert ev.actor1 == "Protesters (Kenya)"


def test_without_the_switch_the_outlet_gives_no_country(monkeypatch):
    monkeypatch.setattr(events_module, "OUTLET_HOME", 0)
    monkeypatch.setattr(events_module, "OUTLET_PRIOR", 0)
    ev = _top(TEXT, dt.date(2014, 3, 10), source="Evening Courier (Kenya)")
    assert ev.actor1 == "Protesters"


def test_a_place_the_text_names_wins_over_the_outlet():
    ev = _top("Shopkeepers marched through Kumasi to demand lower fees for their stalls.",
              dt.date(2014, 3, 10), source="Evening Courier (Kenya)")
    assert ev.iso == "GH"
    assert ev.actor1 == "Protesters (Ghana)"


# -- names by date ----------------------------------------------------------------------------
AU_TEXT = ("On {day}, Al Shabaab fighters attacked a base of African Union troops near the town of "
           "Baidoa in the Bay region, and the two sides fought for an hour.")


@pytest.mark.parametrize("day,published,name", [
    ("3 May 2016", dt.date(2016, 5, 8), "AMISOM: African Union Mission in Somalia"),
    ("3 May 2023", dt.date(2023, 5, 8), "ATMIS: African Union Transition Mission in Somalia"),
    ("3 May 2025", dt.date(2025, 5, 8), "AUSSOM: African Union Support and Stabilization Mission in Somalia"),
])
def test_the_au_mission_in_somalia_takes_its_name_on_the_events_day(day, published, name):
    ev = _top(AU_TEXT.format(day=day), published)
    assert name in (ev.actor1, ev.actor2), (ev.actor1, ev.actor2)


def test_on_date_keeps_an_entry_with_no_lineage_or_no_day():
    d = get_dictionary()
    army = d.resolve_name("Military Forces of {country}")
    assert army is not None and d.on_date(army, dt.date(2016, 1, 1)) is army
    aussom = next(e for e in d.entries if e.name.startswith("AUSSOM"))
    assert d.on_date(aussom, None) is aussom


def test_lineage_entries_have_valid_dates_that_do_not_overlap():
    """Data check: every entry of a lineage has ISO validity dates, from <= to, and no day is
    covered by two entries of one lineage (only the first and last ends may be open)."""
    lineages: dict[str, list] = {}
    for e in load_entries():
        assert not (e.valid_from or e.valid_to) or e.lineage, f"{e.name}: validity dates need a lineage"
        if e.lineage:
            lineages.setdefault(e.lineage, []).append(e)
    assert lineages, "no lineage in the dictionary"
    for name, members in lineages.items():
        assert len(members) >= 2, f"lineage {name} has one entry"
        members.sort(key=lambda e: e.valid_from)
        for e in members:
            if e.valid_from and e.valid_to:
                assert e.valid_from <= e.valid_to, e.name
        for a, b in zip(members, members[1:]):
            assert a.valid_to and b.valid_from and a.valid_to < b.valid_from, (a.name, b.name)
        assert all(dt.date.fromisoformat(x) for e in members for x in (e.valid_from, e.valid_to) if x)
