"""Violence told as between peoples, communities or clans is an armed clash between their militias
(roles.IDENTITY_CLASH, roles_words.yml identity_violence), named by ACLED's era of names for an
unnamed one. Sentences written for this test."""

import datetime as dt

from sitrep.extract import roles as roles_module
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text, published):
    evs = extract([Article(id="i", text=text, published=published)])[0]
    assert evs, text
    return evs[0]


COMMUNAL = "On 4 March 2019, intercommunal clashes left three people dead and a dozen houses burnt near Bawku."
ETHNIC_OLD = "On 4 March 2012, ethnic clashes over grazing land left two dead near Moyale."
CLANS = "On 4 March 2019, two people were killed in clashes between rival clans near Wajir town."
RAIDERS = "On 4 March 2012, gunmen shot a trader dead near Moyale amid ongoing ethnic clashes."


def test_unnamed_communal_violence_is_a_clash_of_communal_militias():
    ev = _top(COMMUNAL, dt.date(2019, 3, 10))
    assert (ev.sub_event_type, ev.actor1, ev.inter1, ev.actor2, ev.inter2) == (
        "Armed clash", "Unidentified Communal Militia (Ghana)", 4, "Unidentified Communal Militia (Ghana)", 4)


def test_before_2016_the_unnamed_militia_is_ethnic():
    ev = _top(ETHNIC_OLD, dt.date(2012, 3, 10))
    assert (ev.sub_event_type, ev.actor1, ev.inter1) == ("Armed clash", "Unidentified Ethnic Militia (Kenya)", 4)


def test_clans_are_a_clan_militia():
    ev = _top(CLANS, dt.date(2019, 3, 10))
    assert (ev.actor1, ev.inter2) == ("Unidentified Clan Militia (Kenya)", 4)


def test_unnamed_attackers_amid_ethnic_clashes_are_the_ethnic_militia():
    ev = _top(RAIDERS, dt.date(2012, 3, 10))
    assert (ev.sub_event_type, ev.actor1, ev.inter1, ev.actor2) == (
        "Attack", "Unidentified Ethnic Militia (Kenya)", 4, "Civilians (Kenya)")


def test_without_the_switch(monkeypatch):
    monkeypatch.setattr(roles_module, "IDENTITY_CLASH", 0)
    ev = _top(COMMUNAL, dt.date(2019, 3, 10))
    assert ev.inter1 != 4 or ev.sub_event_type != "Armed clash"
    assert _top(RAIDERS, dt.date(2012, 3, 10)).inter1 == 3
