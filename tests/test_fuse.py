"""Fusion: many reports of one event become one event with every source."""

import json

from sitrep.cli import main
from sitrep.fuse import same_event_score
from sitrep.store import Store

BASE = {"iso": "IQ", "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
        "event_date": "2021-03-08", "time_precision": 1, "geo_precision": 1, "latitude": 33.04,
        "longitude": 40.28, "admin1": "Al Anbar", "actor1": "Islamic State (Iraq)"}

def _e(**kw):
    return {**BASE, **kw}

def test_same_event_told_differently_matches():
    assert same_event_score(_e(), _e(event_date="2021-03-09", latitude=33.1, actor1="Unidentified Armed Group (Iraq)",
                                     event_type="Battles", sub_event_type="Armed clash")) is not None

def test_near_misses_do_not_match():
    assert same_event_score(_e(), _e(event_date="2021-03-11")) is None  # another day
    assert same_event_score(_e(), _e(latitude=33.6, longitude=40.9)) is None  # a town 80 km away
    assert same_event_score(_e(), _e(event_type="Protests", sub_event_type="Peaceful protest")) is None
    assert same_event_score(_e(), _e(time_precision=3)) is None  # a vague report never absorbs a precise one
    same = same_event_score(_e(), _e())
    assert same_event_score(_e(), _e(actor1="Military Forces of Turkey")) < same - 1  # two named perpetrators
    assert same_event_score(_e(), _e(iso="SY")) is None

REPORTS = [
    {"id": "r1", "source": "Mesopotamia Wire", "published": "2021-03-09",
     "text": "Two Iraqi soldiers were killed on Monday when a roadside bomb struck their patrol west of Rutba, a security source said."},
    {"id": "r2", "source": "Anbar Today", "published": "2021-03-09",
     "text": "An explosive device planted by Daesh terrorist gangs targeted an army patrol near al-Rutbah on Monday, martyring three soldiers."},
    {"id": "r3", "source": "Baghdad Post", "published": "2021-03-12",
     "text": "A roadside bomb struck an army patrol west of Rutba on Thursday, killing one soldier, officials said."},
]

def test_ingest_fuses_reports_keeps_every_source_and_the_lowest_count(db_url, tmp_path, capsys):
    f = tmp_path / "r.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    assert main(["ingest", str(f), "--db", db_url, "--quiet"]) == 0
    rows = Store(db_url).events()
    by_sources = sorted(rows, key=lambda r: -len(r["sources"]))
    fused = by_sources[0]
    assert {s["article_id"] for s in fused["sources"]} == {"r1", "r2"}
    assert fused["fatalities"] == 2 and fused["fatalities_high"] == 3
    assert len(rows) == 2  # Thursday's bombing is another event
    assert {s["article_id"] for s in by_sources[1]["sources"]} == {"r3"}

def test_a_reviewed_event_only_gains_sources(db_url, tmp_path):
    store = Store(db_url)
    f1 = tmp_path / "a.jsonl"
    f1.write_text(json.dumps(REPORTS[0]) + "\n", encoding="utf-8")
    assert main(["ingest", str(f1), "--db", db_url, "--quiet"]) == 0
    [ev] = store.events()
    store.edit_event(ev["id"], {"fatalities": 4}, "ana")
    f2 = tmp_path / "b.jsonl"
    f2.write_text(json.dumps(REPORTS[1]) + "\n", encoding="utf-8")
    assert main(["ingest", str(f2), "--db", db_url, "--quiet"]) == 0
    [after] = store.events()
    assert after["id"] == ev["id"] and after["fatalities"] == 4
    assert {s["article_id"] for s in after["sources"]} == {"r1", "r2"}

def test_no_fuse_keeps_reports_apart(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    f = tmp_path / "r.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in REPORTS[:2]), encoding="utf-8")
    assert main(["ingest", str(f), "--db", db, "--quiet", "--no-fuse"]) == 0
    assert len(Store(db).events()) == 2

def test_dates_are_tolerated_by_precision():
    assert same_event_score(_e(time_precision=2, geo_precision=1), _e(event_date="2021-03-13", time_precision=2)) is not None

def test_fusion_evaluation_counts_pairs(tmp_path):
    from sitrep.evaluate import evaluate_file

    gold = tmp_path / "fusion.jsonl"
    rows = [dict(r, cluster="c1" if r["id"] in ("r1", "r2") else "n1", title="") for r in REPORTS]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = evaluate_file(gold)
    assert report["kind"] == "fusion"
    assert report["pairwise"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}

def test_shared_names_the_same_day_outweigh_a_misplaced_report():
    ev = [{"field": "event_type", "text": "Gunmen abducted 30 students from Bethel Baptist school in Damishi, Kaduna."}]
    a = _e(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
           latitude=9.06, longitude=7.49, evidence=ev, actor1="")
    b = _e(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
           latitude=10.52, longitude=7.44, evidence=ev, actor1="", event_date="2021-03-08")
    assert same_event_score(a, b) is not None
    b_other = dict(b, evidence=[{"field": "event_type", "text": "Bandits seized traders near Zaria market."}])
    assert same_event_score(a, b_other) is None

def test_reports_sharing_an_event_form_one_story(tmp_path):
    db = f"sqlite:///{tmp_path / 's.db'}"
    f = tmp_path / "r.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    assert main(["ingest", str(f), "--db", db, "--quiet"]) == 0
    stories = Store(db).stories()
    assert stories[0]["articles"] == ["r1", "r2"] and len(stories) == 2

def test_a_later_report_may_match_any_earlier_account():
    from sitrep.fuse import best_match
    row = _e(id=7)  # the fused event, as the first report placed it
    second = _e(latitude=33.7, longitude=41.0, names=["rutba"])  # another outlet's town, 90 km off
    new = _e(latitude=33.72, longitude=41.02)
    assert best_match(new, [dict(row, reports=[])]) is None
    assert best_match(new, [dict(row, reports=[second])]).event_id == 7

def test_a_vague_account_does_not_loosen_a_precise_event():
    from sitrep.fuse import best_match
    row = _e(id=7)
    province_only = _e(geo_precision=3, latitude=33.4, longitude=43.3)  # "in Anbar": the capital
    other_town = _e(latitude=33.42, longitude=43.3)  # 300 km from the event, near the capital
    assert best_match(other_town, [dict(row, reports=[province_only])]) is None

def test_each_source_keeps_its_own_account(db_url, tmp_path):
    f = tmp_path / "r.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in REPORTS[:2]), encoding="utf-8")
    assert main(["ingest", str(f), "--db", db_url, "--quiet"]) == 0
    store = Store(db_url)
    import sqlalchemy as sa

    from sitrep.store.tables import event_sources
    with store.engine.connect() as con:
        reps = {a: r for a, r in con.execute(sa.select(event_sources.c.article_id, event_sources.c.report))}
    assert set(reps) == {"r1", "r2"}
    assert reps["r1"]["event_date"] == "2021-03-08" and "rutba" in reps["r1"]["names"]
    assert "daesh" in reps["r2"]["names"]

def test_a_report_placed_only_by_its_province_matches_a_town_in_it():
    town = _e(latitude=34.45, longitude=41.0, location="Qaim")
    province = _e(geo_precision=3, latitude=33.42, longitude=43.3, location="Ramadi",  # placed at the capital
                  evidence=[{"field": "location", "text": "western Anbar", "start": 0, "end": 13}])
    assert same_event_score(province, town) is not None
    desert = _e(geo_precision=3, latitude=33.0, longitude=40.8, location="Rutba desert",
                evidence=[{"field": "location", "text": "Rutba desert", "start": 0, "end": 12}])
    assert same_event_score(desert, _e(latitude=33.35, longitude=43.79)) is None  # a feature has a place
    assert same_event_score(_e(geo_precision=3, admin1="Ninawa", latitude=36.3, longitude=43.1), town) is None
    # "in Deir ez-Zor" names the city and the province alike
    city = _e(iso="SY", admin1="Deir ez-Zor", location="Deir ez-Zor", latitude=35.33, longitude=40.14)
    village = _e(iso="SY", admin1="Deir ez-Zor", location="Busayrah", latitude=35.16, longitude=40.43)
    assert same_event_score(city, village) is not None

def test_a_report_without_a_place_needs_the_same_day_and_shared_names():
    placed = _e(names=["rutba", "daesh"])
    unplaced = _e(latitude=None, longitude=None, admin1="", geo_precision=None, names=["rutba", "army"])
    assert same_event_score(unplaced, placed) is not None
    assert same_event_score(dict(unplaced, event_date="2021-03-10", time_precision=2), placed) is None
    assert same_event_score(dict(unplaced, names=["qaim"], actor1="Unidentified Armed Group (Iraq)"), placed) is None


def test_a_province_named_with_a_compass_word_or_its_country_places_a_report_by_the_province():
    town = _e(iso="CD", admin1="North Kivu", location="Butembo", latitude=0.14, longitude=29.29)
    for said in ("North Kivu", "Congo's North Kivu province", "eastern North Kivu"):
        province = _e(iso="CD", admin1="North Kivu", geo_precision=3, location="Goma", latitude=-1.67,
                      longitude=29.22, evidence=[{"field": "location", "text": said, "start": 0, "end": len(said)}])
        assert same_event_score(province, town) is not None, said
