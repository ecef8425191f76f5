"""The Spark runner in local mode (real Spark, real JVM): the same events as the local
pipeline, a rerun that writes nothing twice, a killed run that resumes to the same output,
and the result loaded into SQLite and PostgreSQL."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from sitrep.cli import main
from sitrep.ingest import read_inputs
from sitrep.model import Article
from sitrep.pipeline import process
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def spark():
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs Java 17: apt-get install openjdk-17-jre-headless (make test does)")
    from sitrep.spark.runner import session

    s = session("local[2]", app="sitrep-tests")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The sample articles as JSONL (with a broken line and a repeated article), the sample
    texts as a folder, and two records as CSV."""
    d = tmp_path_factory.mktemp("inputs")
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (d / "feed.jsonl").write_text("\n".join([lines[0], "{not json", *lines[1:], lines[0]]) + "\n", encoding="utf-8")
    texts = d / "texts"
    shutil.copytree(SAMPLES / "text", texts)
    import csv

    with open(d / "more.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "title", "text", "published", "source"])
        w.writeheader()
        w.writerow({"id": "csv-1", "title": "Checkpoint attacked", "published": "2021-04-02", "source": "Wire",
                    "text": "Gunmen attacked an army checkpoint near Tuz Khurmatu in Salahuddin province on "
                            "Thursday night, killing three soldiers, a security source said."})
        w.writerow({"id": "csv-2", "title": "Bad", "published": "2021-04-02", "source": "Wire", "text": ""})
    return d


def _events(out: Path) -> list[dict]:
    return ds.dataset(out / "events", format="parquet", partitioning="hive").to_table().to_pylist()


def _key(e: dict) -> tuple:
    return (e["article_id"], str(e["event_date"]), e["sub_event_type"], e["location"], e["fatalities"],
            e["actor1"], e["actor2"], e["admin1"])


def _local(inputs: Path) -> list[tuple]:
    """What the local pipeline extracts from the same inputs."""
    import csv

    from sitrep.ingest.common import Defaults
    from sitrep.ingest.records import _record

    with open(inputs / "more.csv", encoding="utf-8") as fh:  # `sitrep ingest` reads records as JSON
        rows = [_record("more.csv", dict(r), Defaults()) for r in csv.DictReader(fh)]
    seen, arts = set(), []
    for item in [*read_inputs([str(inputs / "feed.jsonl")], published=None), *rows,
                 *read_inputs([str(inputs / "texts")], published=None)]:
        if isinstance(item, Article) and item.id not in seen:
            seen.add(item.id)
            arts.append(item)
    return sorted(_key(ev.to_record()) for found in process(arts) for ev in found)


def test_spark_ingest_gives_the_local_pipelines_events_and_skips_what_is_done(spark, inputs, tmp_path):
    from sitrep.spark.runner import ingest

    out = tmp_path / "out"
    paths = [str(inputs / "feed.jsonl"), str(inputs / "more.csv"), str(inputs / "texts")]
    rep = ingest(spark, paths, str(out), chunk=4, partitions=2)
    assert rep.articles == 11 and rep.skipped == 1 and rep.chunks == 3  # 5 + 1 + 5; the repeat skipped
    events = _events(out)
    assert sorted(_key(e) for e in events) == _local(inputs)
    assert rep.events == len(events) and len({e["event_uid"] for e in events}) == len(events)
    iraq = [e for e in events if e["iso"] == "IQ"]
    assert iraq and all(e["part_country"] == "IQ" and e["part_month"] == (
        f"{e['event_date']:%Y-%m}" if e["event_date"] else "unknown") for e in iraq)
    assert (out / "events" / "part_country=IQ").is_dir()
    errors = ds.dataset(out / "errors", format="parquet").to_table().to_pylist()
    reasons = sorted(e["reason"] for e in errors)
    assert len(reasons) == 2 and "feed.jsonl (byte" in reasons[0] and "malformed JSON line" in reasons[0]
    assert "more.csv (row 2)" in reasons[1]
    articles = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted(a["id"] for a in articles) == sorted({a["article_id"] for a in events} |
                                                       {a["id"] for a in articles if a["events"] == 0})
    # a rerun over the same inputs adds nothing
    again = ingest(spark, paths, str(out), chunk=4)
    assert (again.articles, again.skipped, again.chunks) == (0, 12, 0)
    assert sorted(_key(e) for e in _events(out)) == _local(inputs)
    assert not (out / "_staging").exists() or not any((out / "_staging").iterdir())
    # the error table is this run's: a run over clean inputs leaves it empty, with its columns
    clean = ingest(spark, [str(inputs / "texts")], str(out), chunk=4)
    assert clean.errors == 0
    table = ds.dataset(out / "errors", format="parquet").to_table()
    assert table.num_rows == 0 and table.schema.names == ["input", "reason"]


def test_a_jsonl_file_larger_than_a_split_is_parsed_in_several_tasks_in_order(spark, inputs, monkeypatch):
    from sitrep.spark import inputs as spark_inputs

    feed = str(inputs / "feed.jsonl")
    whole = spark_inputs.read(spark, [feed])
    monkeypatch.setattr(spark_inputs, "SPLIT", 4096)  # bytes
    split = spark_inputs.read(spark, [feed])
    assert whole.getNumPartitions() == 1 and split.getNumPartitions() > 2
    def seen(rdd):
        return sorted((order, item[0], item[1].id if item[0] == "ok" else item[-1]) for order, item in rdd.collect())
    assert seen(split) == seen(whole)  # every line once, numbered by its byte in the file


def test_a_killed_run_resumes_to_the_output_of_a_clean_run(spark, inputs, tmp_path):
    from sitrep.spark.runner import ingest

    out = tmp_path / "killed"
    script = ("import sys; from sitrep.spark.runner import ingest, session; "
              "ingest(session('local[1]'), [sys.argv[1]], sys.argv[2], chunk=2, crash_after_files=3)")
    run = subprocess.run([sys.executable, "-c", script, str(inputs / "feed.jsonl"), str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 137, run.stderr[-2000:]
    commits = list((out / "_commits").iterdir()) if (out / "_commits").exists() else []
    half = [f for f in (out / "events").rglob("c*.parquet") if f.name.split("-", 1)[0] not in {c.name for c in commits}]
    assert half or (out / "_staging").exists()  # the kill came between moving files and the commit mark
    rep = ingest(spark, [str(inputs / "feed.jsonl")], str(out), chunk=2)
    clean = tmp_path / "clean"
    ingest(spark, [str(inputs / "feed.jsonl")], str(clean), chunk=5)
    assert sorted(_key(e) for e in _events(out)) == sorted(_key(e) for e in _events(clean))
    assert rep.skipped + rep.articles == 6  # 5 articles and the repeat
    uids = [e["event_uid"] for e in _events(out)]
    assert len(uids) == len(set(uids))


def test_load_into_a_store_and_export_parquet(spark, inputs, tmp_path, db_url, capsys):
    from sitrep.spark.runner import ingest

    out = tmp_path / "out"
    ingest(spark, [str(inputs / "feed.jsonl")], str(out))
    assert main(["load", str(out), "--db", db_url, "--quiet"]) == 0
    store = Store(db_url)
    events = _events(out)
    stored = store.events()
    assert len(stored) == len(events) and store.counts()["articles"] == 5
    assert sorted((e["article_id"], e["sub_event_type"], e["fatalities"]) for e in stored) == \
        sorted((e["article_id"], e["sub_event_type"], e["fatalities"]) for e in events)
    assert all(e["sources"] for e in stored) and store.search_articles("border")
    assert main(["load", str(out), "--db", db_url, "--quiet"]) == 0  # a second load adds nothing
    assert "loaded 0 articles with 0 events" in capsys.readouterr().err and len(store.events()) == len(events)
    export = tmp_path / "events.parquet"
    assert main(["events", "--db", db_url, "--format", "parquet", "-o", str(export)]) == 0
    rows = ds.dataset(export, format="parquet").to_table().to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(e["id"] for e in stored)
    assert all(r["review_status"] == "unreviewed" and json.loads(r["sources"]) for r in rows)


def test_fusion_stage_then_load_equals_sequential_ingest(spark, tmp_path, sqlite_url):
    """Every sample article twice under another id: the fused archive, loaded, holds the events
    `sitrep ingest` (which fuses) stores from the same file, each with both sources."""
    from sitrep.spark.fusion import fuse
    from sitrep.spark.runner import ingest

    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    again = [json.dumps({**json.loads(x), "id": json.loads(x)["id"] + "-again"}) for x in lines]
    src = tmp_path / "twice.jsonl"
    src.write_text("\n".join(lines + again) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    ingest(spark, [str(src)], str(out), chunk=4)
    n = fuse(spark, str(out))
    sequential = f"sqlite:///{tmp_path / 'seq.db'}"
    assert main(["ingest", str(src), "--db", sequential, "--quiet"]) == 0
    assert main(["load", str(out), "--db", sqlite_url, "--quiet"]) == 0

    def key(e):
        return (tuple(sorted(s["article_id"] for s in e["sources"])), e["sub_event_type"], e["event_date"],
                e["location"], e["fatalities"], e["actor1"])

    want = sorted(key(e) for e in Store(sequential).events())
    got = sorted(key(e) for e in Store(sqlite_url).events())
    assert got == want and n == len(want)
    assert all(len(k[0]) == 2 for k in got)  # each event told by the article and its repeat
