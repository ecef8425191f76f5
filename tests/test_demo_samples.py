"""The demo's sample articles against their coding (samples/gold.jsonl, written by the team
with samples/README.md): `sitrep eval samples/gold.jsonl` scores what `make demo` shows, and
this test holds the figures the README gives for it."""

import json
from pathlib import Path

import pytest

from sitrep.evaluate import detect_kind, evaluate_file, read_labelled_inputs

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "samples" / "gold.jsonl"


@pytest.fixture(scope="module")
def report():
    return evaluate_file(GOLD, show_errors=50)


def test_gold_covers_every_sample_article():
    records = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
    assert detect_kind(records) == "input_labels"
    read = read_labelled_inputs(records, GOLD)
    assert len(read) == 16 and len({r["id"] for r in read}) == 16
    assert sum(1 for r in records for e in r["events"] if e.get("required", True)) == 19


def test_demo_finds_the_coded_events(report):
    assert report["gold_events"] == 19
    assert report["matched"] >= 18, report["errors"]
    assert report["analysis_articles_no_event"] == "1/1"  # the analysis piece yields nothing


def test_demo_false_events_stay_few(report):
    false = report["predicted_events"] - report["matched"] - report.get("optional_matched", 0)
    assert false <= 1, report["errors"]


def test_demo_fields(report):
    acc = report["accuracy"]
    assert acc["sub_event_type"] == 1.0 and acc["event_date"] >= 0.94, report["errors"]
    assert acc["fatalities"] >= 0.94 and acc["admin1"] >= 0.94, report["errors"]
    assert acc["actor1"] >= 0.94 and acc["actor2"] >= 0.94, report["errors"]


def test_labelled_input_errors_name_the_input(tmp_path):
    (tmp_path / "two.jsonl").write_text(
        json.dumps({"id": "a", "text": "Gunmen killed two men in Kirkuk on Monday.", "published": "2021-01-05"}) + "\n"
        + json.dumps({"id": "b", "text": "A bomb hit a bus in Mosul on Monday.", "published": "2021-01-05"}) + "\n")
    gold = tmp_path / "gold.jsonl"
    with pytest.raises(ValueError, match="missing.txt"):
        read_labelled_inputs([{"input": "missing.txt", "events": []}], gold)
    with pytest.raises(ValueError, match="give the id"):
        read_labelled_inputs([{"input": "two.jsonl", "events": []}], gold)
    with pytest.raises(ValueError, match="no article with id 'c'"):
        read_labelled_inputs([{"input": "two.jsonl", "id": "c", "events": []}], gold)
    [rec] = read_labelled_inputs([{"input": "two.jsonl", "id": "b", "events": []}], gold)
    assert rec["article"].text.startswith("A bomb")
