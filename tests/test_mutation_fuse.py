"""Fusion pinned to exact values: closeness scores, windows and radii, and what a later
report changes in the stored event (benchmarks/mutation.py). Events are invented."""

import datetime as dt
from types import SimpleNamespace

import pytest

from sitrep.fuse import (
    MIN_SCORE,
    _account,
    _unprefixed,
    absorb,
    best_match,
    name_overlap,
    names_in,
    report,
    same_event_score,
)
from sitrep.geo.resolve import distance_km

JNIM = "JNIM: Group for Support of Islam and Muslims"
BASE = {"iso": "BF", "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "event_date": "2022-05-10", "time_precision": 1, "geo_precision": 1, "latitude": 13.10,
        "longitude": -1.08, "admin1": "Centre-Nord", "actor1": JNIM, "names": ["kelbo"]}


def _e(**kw):
    return {**BASE, **kw}


def test_the_same_report_twice_scores_every_bonus():
    # 2 (same day) + 1 (same names) + 1.5 (same point) + 0.5 (same group) + 0.5 (same sub-event type)
    assert same_event_score(_e(), _e()) == pytest.approx(5.5)


def test_the_nearer_place_scores_higher_by_the_distance_bonus():
    near, far = _e(latitude=13.15), _e(latitude=13.2)
    for other in (near, far):
        d = distance_km((13.10, -1.08), (other["latitude"], -1.08))
        assert same_event_score(_e(), other) == pytest.approx(4.0 + 1.5 * (1 - d / 15.0))
    assert same_event_score(_e(), near) > same_event_score(_e(), far)


def test_a_looser_geo_precision_widens_the_radius():
    other = _e(latitude=13.45, names=["dori"])  # 39 km north, other names
    d = distance_km((13.10, -1.08), (13.45, -1.08))
    assert same_event_score(_e(), other) is None  # beyond 15 km
    assert same_event_score(_e(geo_precision=2), other) == pytest.approx(3.0 + 1.5 * (1 - d / 40.0))
    assert same_event_score(_e(geo_precision=3), _e(latitude=14.1, names=["dori"])) is not None  # 111 km < 120
    assert same_event_score(_e(geo_precision=3), _e(latitude=14.2, names=["dori"])) is None  # 122 km


def test_far_apart_reports_naming_the_same_places_the_same_day_still_match():
    other = _e(latitude=13.45)  # 39 km off, but both name Kelbo
    assert same_event_score(_e(), other) == pytest.approx(5.5 - 1.5)
    assert same_event_score(_e(), dict(other, event_date="2022-05-12", time_precision=2)) is None


@pytest.mark.parametrize("kw,score", [
    ({"event_date": "2022-05-11"}, 4.5),  # a day apart at day precision: half the date score
    ({"event_date": "2022-05-09"}, 4.5),
    ({"names": ["kelbo", "dori"]}, 5.0),  # half the names shared
    ({"names": ["dori"]}, 4.5),
    ({"sub_event_type": "Sexual violence"}, 5.0),
    ({"actor1": "Military Forces of Burkina Faso"}, 4.0),  # two named perpetrators: -1
    ({"actor1": "Unidentified Armed Group (Burkina Faso)"}, 5.0),  # unnamed: no hint either way
    ({"event_type": "Battles", "sub_event_type": "Armed clash"}, 5.0),  # two kinds of violence
])
def test_score_terms(kw, score):
    assert same_event_score(_e(), _e(**kw)) == pytest.approx(score)


@pytest.mark.parametrize("precision,days,matches", [(1, 1, True), (1, 2, False), (2, 7, True), (2, 8, False),
                                                   (3, 31, True), (3, 32, False)])
def test_date_windows_by_time_precision(precision, days, matches):
    later = (dt.date(2022, 5, 10) + dt.timedelta(days=days)).isoformat()
    score = same_event_score(_e(time_precision=precision), _e(time_precision=precision, event_date=later))
    assert (score is not None) == matches
    if matches:
        window = {1: 1, 2: 7, 3: 31}[precision]
        assert score == pytest.approx(5.5 - days / window)


@pytest.mark.parametrize("kw", [
    {"iso": "ML"}, {"event_type": "Protests", "sub_event_type": "Peaceful protest"},
    {"time_precision": 3}, {"time_precision": None}, {"event_date": None},
])
def test_what_never_matches(kw):
    assert same_event_score(_e(), _e(**kw)) is None
    assert same_event_score(_e(**kw), _e()) is None


def test_dates_may_be_date_objects_or_timestamps():
    assert same_event_score(_e(event_date=dt.date(2022, 5, 10)), _e(event_date="2022-05-10T08:00:00")) == \
        pytest.approx(5.5)


def test_a_report_without_coordinates_in_the_same_province():
    unplaced = _e(latitude=None, longitude=None, geo_precision=None)
    # 2 + 1 (names) + 0.5 (same province, not close) + 0.5 + 0.5
    assert same_event_score(unplaced, _e()) == pytest.approx(4.5)
    other_province = dict(unplaced, admin1="Sahel")
    assert same_event_score(other_province, _e(names=["dori"])) is None  # provinces differ, no shared names
    assert same_event_score(other_province, _e()) == pytest.approx(4.0)  # shared names carry it


def test_reports_without_any_place_need_the_same_day_and_shared_names_or_group():
    nowhere = _e(latitude=None, longitude=None, geo_precision=None, admin1="")
    assert same_event_score(nowhere, _e(admin1="", names=["dori"])) == pytest.approx(3.0)  # same named group
    unnamed = dict(nowhere, actor1="")
    assert same_event_score(unnamed, _e(admin1="", actor1="", names=["dori"])) is None
    assert same_event_score(unnamed, _e(admin1="", actor1="", names=["kelbo", "dori", "sebba", "arbinda"])) == \
        pytest.approx(2.0 + 0.25 + 0.5)  # a quarter of the names is enough
    later = dict(unnamed, event_date="2022-05-12", time_precision=2)
    assert same_event_score(later, _e(admin1="", actor1="", time_precision=2)) is None


def test_best_match_takes_the_closest_and_skips_merged_events():
    near = _e(id=1, latitude=13.15)
    exact = _e(id=2)
    assert best_match(_e(), [near, exact]).event_id == 2
    assert best_match(_e(), [exact, near]).event_id == 2
    assert best_match(_e(), [dict(exact, review_status="merged"), near]).event_id == 1
    assert best_match(_e(), [dict(exact, review_status="merged")]) is None
    assert best_match(_e(), []) is None
    m = best_match(_e(), [near, exact])
    assert m.score == pytest.approx(5.5)


def test_the_least_score_that_matches():
    old = _e(id=3, latitude=None, longitude=None, geo_precision=None, names=["dori"],
             actor1="Military Forces of Burkina Faso")
    new = _e(event_date="2022-05-11", names=["sebba"])
    # 1 (a day apart) + 0 (no names) + 0.5 (same province) - 1 (other group) + 0.5 (same sub-event type)
    assert same_event_score(new, old) == pytest.approx(MIN_SCORE)
    assert best_match(new, [old]).event_id == 3
    assert best_match(dict(new, sub_event_type="Sexual violence"), [old]) is None  # 0.5


def test_accounts_are_never_looser_than_the_event():
    row = _e(id=9, location="Kelbo")
    vague = {"geo_precision": 3, "latitude": 12.0, "longitude": -1.5, "location": "Centre-Nord",
             "admin1": "Centre-Nord", "iso": "BF", "time_precision": 3, "event_date": "2022-05-01"}
    acc = _account(row, vague)
    assert acc["id"] == 9
    assert (acc["latitude"], acc["longitude"], acc["location"], acc["geo_precision"]) == (13.10, -1.08, "Kelbo", 1)
    assert (acc["event_date"], acc["time_precision"]) == ("2022-05-10", 1)
    precise = dict(vague, geo_precision=1, time_precision=1)
    acc = _account(row, precise)
    assert (acc["latitude"], acc["event_date"]) == (12.0, "2022-05-01")


def test_report_keeps_what_one_source_said():
    rec = _e(event_date=dt.date(2022, 5, 10), location="Kelbo", extra="not kept")
    rep = report(rec)
    assert rep["event_date"] == "2022-05-10" and rep["location"] == "Kelbo" and rep["names"] == ["kelbo"]
    assert rep["regional"] is False and "extra" not in rep
    assert report(_e(event_date=None))["event_date"] is None


def test_names_and_their_overlap():
    ev = {"evidence": [{"field": "event_type", "text": "On Monday Gunmen from Kelbo attacked Dori and The Army"},
                       {"field": "location", "text": "Zorgho"}]}
    assert names_in(ev) == {"gunmen", "kelbo", "dori", "army"}
    assert name_overlap({"names": ["a", "b"]}, {"names": ["b", "c"]}) == pytest.approx(1 / 3)
    assert name_overlap({"names": []}, {"names": ["b"]}) == 0.0
    a = {"names": ["centre", "kelbo"], "admin1": "Centre-Nord"}
    b = {"names": ["centre", "dori"], "admin1": "Centre-Nord"}
    assert name_overlap(a, b) == pytest.approx(1 / 3)
    assert name_overlap(a, b, specific=True) == 0.0  # the province's words do not count


def test_compass_words_come_off_one_at_a_time():
    assert _unprefixed("eastern North Kivu") == ["eastern North Kivu", "North Kivu", "Kivu"]
    assert _unprefixed("North") == ["North"]


def _ev(**kw):
    base = dict(fatalities=0, time_precision=1, event_date=dt.date(2022, 5, 10), geo_precision=1,
                location="Kelbo", latitude=13.1, longitude=-1.08, admin1="Centre-Nord", admin2="Namentenga",
                actor1="", inter1=0)
    return SimpleNamespace(**{**base, **kw})


def _row(**kw):
    base = {"article_id": "a1", "fatalities": 5, "review_status": "unreviewed", "reviewed_fields": [],
            "time_precision": 1, "geo_precision": 1, "actor1": JNIM, "provenance": None}
    return {**base, **kw}


def test_a_lower_later_report_lowers_the_toll():
    values = absorb(_row(), _ev(fatalities=2), "a2")
    assert (values["fatalities"], values["fatalities_best"], values["fatalities_high"]) == (2, 5, 5)
    assert values["provenance"]["fatalities"] == {"a1": 5, "a2": 2}


def test_three_reports_give_low_best_and_high():
    row = _row(fatalities=4, provenance={"fatalities": {"a1": 4, "a2": 9}})
    values = absorb(row, _ev(fatalities=6), "a3")
    assert (values["fatalities"], values["fatalities_best"], values["fatalities_high"]) == (4, 6, 9)
    assert values["provenance"]["fatalities"] == {"a1": 4, "a2": 9, "a3": 6}


def test_a_report_without_a_figure_does_not_lower_the_toll():
    values = absorb(_row(fatalities=3), _ev(fatalities=0), "a2")
    assert (values["fatalities"], values["fatalities_best"], values["fatalities_high"]) == (3, 3, 3)
    values = absorb(_row(fatalities=0), _ev(fatalities=0), "a2")
    assert (values["fatalities"], values["fatalities_best"], values["fatalities_high"]) == (0, 0, 0)


def test_a_more_precise_place_replaces_a_vague_one():
    row = _row(geo_precision=3, location="Centre-Nord")
    values = absorb(row, _ev(geo_precision=1), "a2")
    assert (values["location"], values["latitude"], values["longitude"], values["admin2"], values["geo_precision"]) \
        == ("Kelbo", 13.1, -1.08, "Namentenga", 1)
    assert values["provenance"]["fields"]["location"] == "a2"
    assert "location" not in absorb(_row(geo_precision=2), _ev(geo_precision=2), "a2")  # not more precise
    assert "location" not in absorb(_row(geo_precision=2), _ev(geo_precision=None), "a2")
    assert absorb(_row(geo_precision=None), _ev(geo_precision=3), "a2")["geo_precision"] == 3
    kept = absorb(_row(geo_precision=3, reviewed_fields=["admin2"]), _ev(geo_precision=1), "a2")
    assert "location" not in kept  # an analyst set part of the place


def test_a_more_precise_date_replaces_a_vague_one():
    values = absorb(_row(time_precision=2), _ev(time_precision=1, event_date=dt.date(2022, 5, 9)), "a2")
    assert (values["event_date"], values["time_precision"]) == (dt.date(2022, 5, 9), 1)
    assert values["provenance"]["fields"] == {"event_date": "a2", "time_precision": "a2"}
    assert "event_date" not in absorb(_row(time_precision=1), _ev(time_precision=1), "a2")
    assert absorb(_row(time_precision=None), _ev(time_precision=2), "a2")["time_precision"] == 2
    assert "event_date" not in absorb(_row(time_precision=2, reviewed_fields=["time_precision"]),
                                      _ev(time_precision=1), "a2")


def test_a_named_perpetrator_replaces_an_unnamed_one():
    row = _row(actor1="Unidentified Armed Group (Burkina Faso)")
    values = absorb(row, _ev(actor1=JNIM, inter1=2), "a2")
    assert (values["actor1"], values["inter1"], values["provenance"]["fields"]["actor1"]) == (JNIM, 2, "a2")
    assert "actor1" not in absorb(_row(actor1=None), _ev(actor1="Unidentified Armed Group (Burkina Faso)"), "a2")
    assert absorb(_row(actor1=None), _ev(actor1=JNIM, inter1=2), "a2")["actor1"] == JNIM
    assert "actor1" not in absorb(_row(), _ev(actor1="Islamic State (Sahel)", inter1=2), "a2")
    assert "actor1" not in absorb(dict(row, reviewed_fields=["actor1"]), _ev(actor1=JNIM, inter1=2), "a2")


def test_reviewed_events_and_fields_keep_the_analysts_values():
    values = absorb(_row(review_status="accepted", geo_precision=3), _ev(fatalities=1), "a2")
    assert set(values) == {"provenance"} and values["provenance"]["fatalities"] == {"a1": 5, "a2": 1}
    values = absorb(_row(reviewed_fields=["fatalities"]), _ev(fatalities=1), "a2")
    assert "fatalities" not in values and (values["fatalities_best"], values["fatalities_high"]) == (5, 5)


def test_reports_without_a_time_precision_are_read_as_month_reports():
    a, b = _e(time_precision=None), _e(time_precision=None, event_date="2022-05-30")
    assert same_event_score(a, b) == pytest.approx(5.5 - 20 / 31)  # the month's window
    assert same_event_score(_e(time_precision=3), b) == pytest.approx(5.5 - 20 / 31)


def test_report_dates_keep_the_day_of_a_timestamp():
    assert report(_e(event_date="2022-05-10T08:00:00"))["event_date"] == "2022-05-10"


def test_an_account_without_precisions_is_as_loose_as_the_event_allows():
    row = _e(id=9, geo_precision=None, time_precision=None)
    rep = {"geo_precision": None, "time_precision": None, "latitude": 12.0, "event_date": "2022-05-01"}
    acc = _account(row, rep)
    assert (acc["latitude"], acc["event_date"]) == (12.0, "2022-05-01")
    acc = _account(_e(id=9, time_precision=2), {"time_precision": None, "event_date": "2022-05-01"})
    assert acc["event_date"] == "2022-05-10"  # an account with no precision is a month's
    acc = _account(_e(id=9, time_precision=3), {"time_precision": None, "event_date": "2022-05-01"})
    assert acc["event_date"] == "2022-05-01"
    acc = _account(_e(id=9, geo_precision=3), {"geo_precision": None, "latitude": 12.0})
    assert acc["latitude"] == 13.10  # no precision: looser than any
