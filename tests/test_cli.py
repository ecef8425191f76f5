import csv
import io
import json
import subprocess
import sys

from sitrep.cli import main
from sitrep.model import ACLED_COLUMNS, CONTRACT_FIELDS

BRIEFS = [
    {"id": "b1", "title": "Bomb", "published": "2021-03-09", "source": "Wire",
     "text": "Two Iraqi soldiers were killed and three wounded on Monday when a roadside bomb struck their patrol west of Rutba in Anbar, a security source said."},
    {"id": "b2", "title": "Arrests", "published": "2021-03-09", "source": "Wire",
     "text": "Iraqi police arrested four suspected Islamic State members in Kirkuk on Sunday, the interior ministry said."},
]


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_extract_jsonl_prints_the_contract(tmp_path, capsys):
    f = _write_jsonl(tmp_path / "in.jsonl", BRIEFS)
    assert main(["extract", str(f), "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {x["article_id"] for x in lines} == {"b1", "b2"}
    for rec in lines:
        assert list(rec) == CONTRACT_FIELDS
        for ev in rec["evidence"]:
            src = next(b for b in BRIEFS if b["id"] == rec["article_id"])["text"]
            assert src[ev["start"]:ev["end"]] == ev["text"]
    bomb = next(x for x in lines if x["article_id"] == "b1")
    assert bomb["sub_event_type"] == "Remote explosive/landmine/IED"
    assert bomb["event_date"] == "2021-03-08" and bomb["time_precision"] == 1
    assert bomb["fatalities"] == 2 and bomb["injured"] == 3
    assert bomb["admin1"] == "Al Anbar" and bomb["iso"] == "IQ"


def test_ingest_twice_adds_nothing_and_events_export_acled_csv(tmp_path, capsys):
    f = _write_jsonl(tmp_path / "in.jsonl", BRIEFS)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["ingest", str(f), "--db", db, "--quiet"]) == 0
    first = capsys.readouterr().err
    assert "stored 2 new articles" in first
    assert main(["ingest", str(f), "--db", db, "--quiet"]) == 0
    assert "stored 0 new articles" in capsys.readouterr().err
    assert main(["events", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0]) == [*ACLED_COLUMNS, "review_status"]  # stored events say if checked
    assert main(["events", "--db", db, "--format", "json", "--type", "Arrests"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and all(d["sub_event_type"] == "Arrests" for d in data)
    assert data[0]["sources"][0]["article_id"] == "b2" and "id" in data[0]
    assert main(["events", "--db", db, "--format", "geojson"]) == 0
    gj = json.loads(capsys.readouterr().out)
    assert gj["type"] == "FeatureCollection" and gj["features"]


def test_bad_input_fails_the_run_but_stores_the_rest(tmp_path, capsys):
    good = _write_jsonl(tmp_path / "good.jsonl", BRIEFS[:1])
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\xff" * 50)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["ingest", str(bad), str(good), "--db", db, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "bad.bin" in err and "binary" in err and "stored 1 new articles" in err


def test_geocode_batch_one_line_per_id(tmp_path, capsys):
    f = _write_jsonl(tmp_path / "q.jsonl", [{"id": 1, "query": "Ramadi"}, {"id": 2, "query": "Rawah", "country": "IQ"},
                                            {"id": 3, "query": "Xqzzv"}])
    assert main(["geocode", "--batch", str(f), "--format", "jsonl"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == [1, 2, 3]
    assert out[0]["country"] == "Iraq" and out[0]["admin1"] == "Al Anbar"
    assert out[1]["admin1"] == "Al Anbar"
    assert out[2]["name"] is None and out[2]["latitude"] is None


def test_console_script_runs(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "sitrep" in proc.stdout


def test_ingest_into_postgresql_through_the_cli(pg_url, tmp_path, capsys):
    f = _write_jsonl(tmp_path / "in.jsonl", BRIEFS)
    assert main(["ingest", str(f), "--db", pg_url, "--quiet"]) == 0
    assert main(["events", "--db", pg_url, "--format", "json", "--text", "roadside"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert [d["article_id"] for d in data] == ["b1"]


def test_interrupted_ingest_keeps_committed_articles_and_resumes(tmp_path):
    import pytest

    from sitrep.pipeline import run
    from sitrep.store import Store

    records = [dict(BRIEFS[0], id=f"r{i}", text=BRIEFS[0]["text"] + f" Report {i}.") for i in range(6)]
    f = _write_jsonl(tmp_path / "many.jsonl", records)
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    stored = []

    def flaky_sink(article, found):
        if len(stored) == 3:
            raise KeyboardInterrupt
        stored.append(article.id)
        return store.add(article, found)

    with pytest.raises(KeyboardInterrupt):
        run([str(f)], batch_size=2, skip=store.known_ids, sink=flaky_sink)
    assert store.counts()["articles"] == 3
    report = run([str(f)], batch_size=2, skip=store.known_ids, sink=store.add)
    assert report.articles == 3 and report.skipped == 3
    assert store.counts()["articles"] == 6
