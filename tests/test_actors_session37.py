"""Who did what to whom (session 37's switches in extract/roles.py and extract/actors.py), on
invented sentences:

- PAIR_AS_TOLD: "X and Y fought" keeps the order told, except where ACLED names the state first;
"""

import datetime as dt

from sitrep.extract import roles as roles_module
from sitrep.extract.events import extract
from sitrep.model import Article


def _top(text, published=dt.date(2023, 5, 20)):
    evs = extract([Article(id="t", text=text, published=published)])[0]
    assert evs, text
    return evs[0]


PAIR = ("On 2 May 2023, Fano gunmen and federal army soldiers fought for most of the day near Bure town "
        "(West Gojjam, Amhara).")


def test_two_sides_told_as_one_subject_keep_the_order_told():
    ev = _top(PAIR)
    assert ev.sub_event_type == "Armed clash"
    assert (ev.actor1, ev.actor2) == ("Fano Militia", "Military Forces of Ethiopia")
    assert (ev.inter1, ev.inter2) == (2, 1)


def test_without_the_switch_the_state_went_first(monkeypatch):
    monkeypatch.setattr(roles_module, "PAIR_AS_TOLD", 0)
    ev = _top(PAIR)
    assert (ev.actor1, ev.actor2) == ("Military Forces of Ethiopia", "Fano Militia")


def test_where_acled_names_the_state_first_it_still_goes_first():
    ev = _top("On 2 May 2023, KIA fighters and army troops fought for most of the day near Laiza town "
              "(Momauk Township, Kachin State).")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Myanmar", "KIA: Kachin Independence Army")
