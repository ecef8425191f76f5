"""Review pinned to exact rules: every range's bounds, the fields a split copy must not keep,
what history records (benchmarks/mutation.py). The events are invented."""

import datetime as dt

import pytest

from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.store.review import (
    Conflict,
    check_event_id,
    check_text,
    interaction_code,
    validate_changes,
    with_derived,
)

INT_MAX = 2_147_483_647  # the integer columns' range, written out: the module's constant is under test too


@pytest.mark.parametrize("field,good,bad", [
    ("time_precision", [1, 2, 3], [0, 4, None, 2.0, True, "1"]),
    ("geo_precision", [1, 3, None], [0, 4, 1.5, False]),
    ("inter1", [1, 8, None], [0, 9]),
    ("inter2", [1, 8, None], [0, 9]),
    ("latitude", [-90, 90, 12.5, 0, None], [-90.01, 90.01, float("nan"), float("inf"), True, "12"]),
    ("longitude", [-180, 180, -1.08, None], [-180.5, 180.5]),
    ("fatalities", [0, 7, INT_MAX], [-1, INT_MAX + 1, None, 2.0, True]),
    ("injured", [0, INT_MAX], [-1, INT_MAX + 1, None]),
    ("abducted", [0, INT_MAX], [-1, INT_MAX + 1]),
])
def test_ranges_accept_their_bounds_and_refuse_what_is_outside(field, good, bad):
    for v in good:
        assert validate_changes({field: v}) == {field: v}
    for v in bad:
        with pytest.raises(ValueError, match=f"^{field} must be a "):
            validate_changes({field: v})


def test_range_messages_name_the_bounds():
    with pytest.raises(ValueError, match="^time_precision must be a whole number from 1 to 3$"):
        validate_changes({"time_precision": 4})
    with pytest.raises(ValueError, match="^geo_precision must be a whole number from 1 to 3$"):
        validate_changes({"geo_precision": 0})
    with pytest.raises(ValueError, match="^latitude must be a number from -90 to 90$"):
        validate_changes({"latitude": 91})


@pytest.mark.parametrize("value,date", [
    ("2019-07-07", dt.date(2019, 7, 7)), (dt.date(1900, 1, 1), dt.date(1900, 1, 1)),
    ("2100-12-31", dt.date(2100, 12, 31)), (None, None),
])
def test_event_dates_in_range(value, date):
    assert validate_changes({"event_date": value}) == {"event_date": date}


@pytest.mark.parametrize("value", ["1899-12-31", "2101-01-01", "07/07/2019", 20190707,
                                   dt.datetime(2019, 7, 7, 12, 0)])
def test_event_dates_out_of_range_or_of_another_kind(value):
    with pytest.raises(ValueError, match="^event_date must be a date YYYY-MM-DD between 1900-01-01 and 2100-12-31$"):
        validate_changes({"event_date": value})


def test_derived_and_unknown_fields_are_refused():
    with pytest.raises(ValueError, match="^disorder_type follows from event_type: edit that instead$"):
        validate_changes({"disorder_type": "Political violence", "fatalities": 1})
    with pytest.raises(ValueError, match="^interaction follows from inter1 and inter2"):
        validate_changes({"interaction": 37})
    with pytest.raises(ValueError, match="^fields that cannot be edited: id, review_status$"):
        validate_changes({"review_status": "accepted", "id": 3, "fatalities": 1})


def test_types_follow_the_sub_event_type():
    assert validate_changes({"sub_event_type": "Armed clash"}) == {"sub_event_type": "Armed clash",
                                                                   "event_type": "Battles"}
    assert validate_changes({"event_type": "Battles"}) == {"event_type": "Battles"}
    with pytest.raises(ValueError, match="^unknown sub_event_type 'Picnic'$"):
        validate_changes({"sub_event_type": "Picnic"})
    with pytest.raises(ValueError, match="^unknown event_type 'Picnics'$"):
        validate_changes({"event_type": "Picnics"})
    with pytest.raises(ValueError, match="^sub_event_type must be a string$"):
        validate_changes({"sub_event_type": 3})
    with pytest.raises(ValueError, match="^event_type must be a string$"):
        validate_changes({"event_type": ["Battles"]})


def test_text_fields_length_and_control_characters():
    assert validate_changes({"location": "K" * 300}) == {"location": "K" * 300}
    with pytest.raises(ValueError, match="^location must have at most 300 characters$"):
        validate_changes({"location": "K" * 301})
    assert validate_changes({"country": "B" * 100})["country"] == "B" * 100
    with pytest.raises(ValueError, match="^country must have at most 100 characters$"):
        validate_changes({"country": "B" * 101})
    assert validate_changes({"notes": "line one\nline two\tend"})["notes"] == "line one\nline two\tend"
    for bad in ("Kelbo\nDori", "Kelbo\x00", "Kelbo\x7f", "Kelbo\x1f"):
        with pytest.raises(ValueError, match="^location must not contain control characters$"):
            validate_changes({"location": bad})
    with pytest.raises(ValueError, match="^notes must not contain control characters$"):
        validate_changes({"notes": "bell\x07"})
    with pytest.raises(ValueError, match="^actor1 must be a string$"):
        validate_changes({"actor1": 5})
    with pytest.raises(ValueError, match="must be valid Unicode text"):
        check_text("notes", "half \ud800 a pair", 100, multiline=True)
    assert check_text("x", " ", 1) == " "


@pytest.mark.parametrize("iso,ok", [("BF", True), ("", True), ("bf", False), ("BFA", False), ("B", False),
                                     ("ÉB", False), (12, False), (None, False)])
def test_iso_codes(iso, ok):
    if ok:
        assert validate_changes({"iso": iso}) == {"iso": iso}
    else:
        with pytest.raises(ValueError, match="^iso must be a two-letter upper-case country code or empty$"):
            validate_changes({"iso": iso})


def test_civilian_targeting_values():
    assert validate_changes({"civilian_targeting": ""}) == {"civilian_targeting": ""}
    assert validate_changes({"civilian_targeting": "Civilian targeting"})["civilian_targeting"] == "Civilian targeting"
    with pytest.raises(ValueError, match="civilian_targeting must be"):
        validate_changes({"civilian_targeting": "yes"})


@pytest.mark.parametrize("a,b,code", [(3, 7, 37), (7, 3, 37), (3, None, 30), (None, 7, 70), (None, None, None),
                                      (1, 1, 11), (0, 2, 20)])
def test_interaction_codes(a, b, code):
    assert interaction_code(a, b) == code


def test_derived_fields_follow_their_sources():
    row = {"inter1": 2, "inter2": 7}
    assert with_derived(row, {"inter1": 3}) == {"inter1": 3, "interaction": 37}
    assert with_derived(row, {"inter2": 1}) == {"inter2": 1, "interaction": 12}
    assert with_derived(row, {"event_type": "Protests"}) == {"event_type": "Protests",
                                                             "disorder_type": "Demonstrations"}
    assert with_derived(row, {"event_type": "Unknown"})["disorder_type"] == ""
    assert with_derived(row, {"fatalities": 2}) == {"fatalities": 2}


def test_event_ids_from_requests():
    assert check_event_id("other", 1) == 1 and check_event_id("other", INT_MAX) == INT_MAX
    for bad in (0, -3, INT_MAX + 1, "4", True, None):
        with pytest.raises(ValueError, match="^other must be a whole number from 1 to "):
            check_event_id("other", bad)


TEXT_LIMITS = {"actor1": 300, "assoc_actor_1": 300, "actor2": 300, "assoc_actor_2": 300, "location": 300,
               "admin1": 200, "admin2": 200, "admin3": 200, "country": 100, "notes": 10_000, "source": 300,
               "source_scale": 100}


@pytest.mark.parametrize("field,limit", sorted(TEXT_LIMITS.items()))
def test_every_text_field_has_its_limit(field, limit):
    assert validate_changes({field: "k" * limit}) == {field: "k" * limit}
    with pytest.raises(ValueError, match=f"^{field} must have at most {limit} characters$"):
        validate_changes({field: "k" * (limit + 1)})


def test_a_review_note_holds_two_thousand_characters():
    from sitrep.store import review

    assert review.MAX_NOTE == 2_000 and review.INT_MAX == INT_MAX


def _event(article_id, **kw):
    base = dict(article_id=article_id, event_date=dt.date(2022, 5, 10), time_precision=1,
                event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Unidentified Armed Group (Burkina Faso)", inter1=3, actor2="Civilians (Burkina Faso)",
                inter2=7, country="Burkina Faso", iso="BF", admin1="Centre-Nord", location="Kelbo",
                latitude=13.1, longitude=-1.08, geo_precision=1, fatalities=3)
    return Event(**{**base, **kw})


@pytest.fixture()
def store(db_url):
    s = Store(db_url)
    s.add(Article(id="k1", text="Gunmen killed three herders near Kelbo on Tuesday.", published=dt.date(2022, 5, 11)),
          [_event("k1")])
    s.add(Article(id="k2", text="Three herders were shot dead near Kelbo, a second outlet said.",
                  published=dt.date(2022, 5, 11)), [_event("k2", location="Kelbo village")])
    return s


def _ids(store):
    return {e["article_id"]: e["id"] for e in store.events()}


def test_an_edit_returns_before_and_after_and_lists_the_fields(store):
    eid = _ids(store)["k1"]
    diff = store.edit_event(eid, {"fatalities": 4, "inter1": 2, "location": "Kelbo"}, "ana", note="hospital")
    assert diff == {"fatalities": [3, 4], "inter1": [3, 2], "interaction": [37, 27]}  # the location is unchanged
    ev = store.event(eid)
    assert ev["reviewed_fields"] == ["fatalities", "inter1", "interaction"] and ev["review_status"] == "edited"
    assert ev["interaction"] == 27
    [h] = store.history(eid)
    assert (h["user_name"], h["action"], h["note"], h["changes"]) == ("ana", "edit", "hospital", diff)
    assert store.edit_event(eid, {"fatalities": 4}, "ana") == {}  # no change, no history
    assert len(store.history(eid)) == 1
    store.edit_event(eid, {"event_date": "2022-05-09"}, "ana")
    ev = store.event(eid)
    assert ev["reviewed_fields"] == ["event_date", "fatalities", "inter1", "interaction"]
    assert store.history(eid)[-1]["changes"] == {"event_date": ["2022-05-10", "2022-05-09"]}


def test_a_rejected_event_stays_rejected_when_edited(store):
    eid = _ids(store)["k1"]
    assert store.review_event(eid, "reject", "ana", note="not an event") == "rejected"
    store.edit_event(eid, {"fatalities": 1}, "ana")
    assert store.event(eid)["review_status"] == "rejected"
    assert [(h["action"], h["changes"]) for h in store.history(eid)][0] == \
        ("reject", {"review_status": ["unreviewed", "rejected"]})


def test_review_actions(store):
    eid = _ids(store)["k1"]
    assert store.review_event(eid, "accept", "ana") == "accepted"
    assert store.event(eid)["review_status"] == "accepted"
    with pytest.raises(ValueError, match="^action must be one of accept, reject$"):
        store.review_event(eid, "approve", "ana")
    with pytest.raises(KeyError):
        store.review_event(987654, "accept", "ana")
    with pytest.raises(KeyError):
        store.edit_event(987654, {"fatalities": 1}, "ana")


def test_merge_moves_sources_once_and_marks_the_duplicate(store):
    ids = _ids(store)
    keep, other = ids["k1"], ids["k2"]
    with pytest.raises(ValueError, match="cannot be merged into itself"):
        store.merge_events(keep, keep, "ana")
    with pytest.raises(KeyError):
        store.merge_events(keep, 987654, "ana")
    with pytest.raises(KeyError):
        store.merge_events(987654, other, "ana")
    store.merge_events(keep, other, "ana", note="one attack")
    assert sorted(s["article_id"] for s in store.event(keep)["sources"]) == ["k1", "k2"]
    assert store.event(other)["review_status"] == "merged"
    assert store.merged_into(other) == keep and store.merged_into(keep) is None
    assert [h["changes"] for h in store.history(other)] == [
        {"review_status": ["unreviewed", "merged"], "merged_into": [None, keep]}]
    assert [h["changes"] for h in store.history(keep)] == [{"merged": [None, other]}]
    with pytest.raises(ValueError, match=f"^event {other} was merged already$"):
        store.merge_events(keep, other, "ana")
    with pytest.raises(Conflict, match=f"^event {other} is a duplicate merged into event {keep} and cannot be "
                                       f"a merge target; review event {keep} instead$"):
        store.merge_events(other, keep, "ana")
    with pytest.raises(Conflict, match="cannot be edited"):
        store.edit_event(other, {"fatalities": 1}, "ana")
    with pytest.raises(Conflict, match="cannot be accepted"):
        store.review_event(other, "accept", "ana")
    with pytest.raises(Conflict, match="cannot be split"):
        store.split_event(other, "ana")


def test_a_split_copy_keeps_neither_review_status_nor_reviewed_fields(store):
    eid = _ids(store)["k1"]
    store.edit_event(eid, {"fatalities": 5}, "ana")
    store.review_event(eid, "accept", "ana")
    new = store.split_event(eid, "ana", note="two attacks")
    copy, original = store.event(new), store.event(eid)
    assert copy["review_status"] == "unreviewed" and copy["reviewed_fields"] == []
    assert original["review_status"] == "accepted" and original["reviewed_fields"] == ["fatalities"]
    assert copy["fatalities"] == 5 and copy["location"] == "Kelbo" and copy["article_id"] == "k1"
    assert [s["article_id"] for s in copy["sources"]] == ["k1"]
    assert store.history(new)[0]["changes"] == {"split_from": [None, eid]}
    assert store.history(eid)[-1]["changes"] == {"split_into": [None, new]}
    assert store.history(new)[0]["note"] == "two attacks"
    with pytest.raises(KeyError):
        store.split_event(987654, "ana")


def test_all_history_pages_by_id_and_time(store):
    ids = _ids(store)
    for n in (1, 2, 3):
        store.edit_event(ids["k1"], {"fatalities": n}, "ana")
    every = store.all_history()
    assert [h["changes"]["fatalities"][1] for h in every] == [1, 2, 3]
    assert [h["id"] for h in store.all_history(after=every[0]["id"])] == [every[1]["id"], every[2]["id"]]
    assert [h["id"] for h in store.all_history(after=every[0]["id"], limit=1)] == [every[1]["id"]]
    assert store.all_history(limit=0) == []
    assert len(store.all_history(since=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))) == 3
    assert store.all_history(since=dt.datetime(2999, 1, 1, tzinfo=dt.timezone.utc)) == []


@pytest.mark.parametrize("field", ["time_precision", "geo_precision", "inter1", "inter2", "fatalities", "injured",
                                   "abducted"])
def test_whole_number_fields_refuse_fractions_even_whole_valued_ones(field):
    with pytest.raises(ValueError, match=f"^{field} must be a whole number from "):
        validate_changes({field: 2.0})
    with pytest.raises(ValueError, match=f"^{field} must be a whole number from "):
        validate_changes({field: 1.5})


def test_unknown_fields_are_listed_up_to_two_hundred_characters():
    names = [f"field_number_{n:02d}" for n in range(20)]  # 15 characters each, 340 with the commas
    listed = ", ".join(names)
    with pytest.raises(ValueError) as err:
        validate_changes(dict.fromkeys(names, 1))
    assert str(err.value) == "fields that cannot be edited: " + listed[:200]
    assert len(str(err.value)) == len("fields that cannot be edited: ") + 200
    short = ", ".join(names[:2])
    with pytest.raises(ValueError) as err:
        validate_changes(dict.fromkeys(names[:2], 1))
    assert str(err.value) == "fields that cannot be edited: " + short


def test_a_merge_with_a_missing_event_names_the_missing_one(store):
    ids = _ids(store)
    for keep, other in ((ids["k1"], 987654), (987654, ids["k2"]), (987655, 987654)):
        with pytest.raises(KeyError) as err:
            store.merge_events(keep, other, "ana")
        assert err.value.args == (keep if keep == 987655 else 987654,)
    assert store.event(ids["k2"])["review_status"] == "unreviewed"


def test_history_since_a_moment_includes_what_was_recorded_at_that_moment(store):
    ids = _ids(store)
    for n in (1, 2, 3):
        store.edit_event(ids["k1"], {"fatalities": n}, "ana")
    every = store.all_history()
    at = dt.datetime.fromisoformat(every[1]["at"])
    assert [h["id"] for h in store.all_history(since=at)] == [every[1]["id"], every[2]["id"]]
    assert [h["id"] for h in store.all_history(since=at + dt.timedelta(microseconds=1))] == [every[2]["id"]]
