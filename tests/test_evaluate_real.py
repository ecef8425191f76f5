"""The real-data evaluation harness (sitrep.evaluate_real), on invented fixtures only.

The licensed real data is never in the repository (nor in CI): tests/fixtures/real/ holds
invented rows and texts in the same layouts.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep import evaluate
from sitrep.cli import main
from sitrep.evaluate import actor_same
from sitrep.evaluate_real import (
    AcledScorer,
    AcledSelection,
    RealDataError,
    acled_article,
    eval_acled,
    india_flags,
    load_india,
    read_acled,
    score_india,
    split_of_acled,
    split_of_article,
    split_of_india,
)
from sitrep.model import Event

FIX = Path(__file__).parent / "fixtures" / "real"
ACLED = FIX / "acled_sample.csv"
LABELS = FIX / "article_labels.jsonl"
INDIA = FIX / "india"
ISO = {"Iraq": "IQ", "Syria": "SY", "Nigeria": "NG", "Kenya": "KE", "Somalia": "SO", "Myanmar": "MM",
       "Philippines": "PH", "Ethiopia": "ET", "Colombia": "CO"}


def _rows() -> dict[str, dict]:
    with open(ACLED, encoding="utf-8", newline="") as fh:
        return {(r["event_id_cnty"] or r["country"]): r for r in csv.DictReader(fh)}


# -- the split ---------------------------------------------------------------------------------
def test_split_of_acled_by_country_and_date():
    assert split_of_acled("Iraq", "2016-05-01") == "report"
    assert split_of_acled("Democratic Republic of Congo", "2010-01-01") == "report"
    assert split_of_acled("Kenya", "2024-12-31") == "tune"
    assert split_of_acled("Kenya", "2025-01-01") == "report"
    assert split_of_acled("Somalia", dt.date(2026, 3, 1)) == "report"
    assert split_of_acled("Philippines", "") == "tune"


def test_split_of_articles_and_india():
    assert split_of_article("2018-08-31") == "tune"
    assert split_of_article("2018-09-01") == "report"
    assert split_of_india("2002-03-15") == "tune"
    assert split_of_india("2002-03-16") == "report"


def test_acled_article_uses_notes_and_a_week_of_lag():
    rows = _rows()
    a = acled_article(rows["IRQ90001"], 1)
    assert a.id == "IRQ90001" and a.text == rows["IRQ90001"]["notes"]
    assert a.published == dt.date(2022, 3, 21)
    assert acled_article(rows["Philippines"], 10).id == "row-10"


# -- ACLED scoring on fixed predictions --------------------------------------------------------
def _pred(row: dict, confidence: float = 0.8, **over) -> dict:
    rec = {
        "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "event_date": row["event_date"], "time_precision": int(row["time_precision"] or 1),
        "actor1": row["actor1"], "actor2": row["actor2"],
        "inter1": int(row["inter1"]) if row["inter1"] else None,
        "inter2": int(row["inter2"]) if row["inter2"] not in ("", "0") else None,
        "country": row["country"], "iso": ISO[row["country"]], "admin1": row["admin1"],
        "location": row["location"], "latitude": float(row["latitude"]), "longitude": float(row["longitude"]),
        "geo_precision": int(row["geo_precision"]), "fatalities": int(row["fatalities"]),
        "confidence": confidence, "evidence": [],
    }
    rec.update(over)
    return rec


def _fixed_predictions() -> dict[str, list[dict]]:
    r = _rows()
    return {
        "IRQ90001": [_pred(r["IRQ90001"], admin1="Anbar", actor2="Military Forces of Iraq")],
        # wrong province and place, actor2 missed
        "IRQ90002": [_pred(r["IRQ90002"], admin1="Nineveh", location="Mosul", latitude=36.34, longitude=43.13,
                           actor2="", inter2=None)],
        "SYR90003": [],
        # the top event (confidence 0.9) is scored; fatalities wrong, place within 25 km
        "NGA90004": [_pred(r["NGA90004"], confidence=0.5, event_type="Battles", sub_event_type="Armed clash"),
                     _pred(r["NGA90004"], confidence=0.9, fatalities=4, latitude=12.70, longitude=13.60)],
        "KEN90005": [_pred(r["KEN90005"])],
        "KEN90006": [_pred(r["KEN90006"], sub_event_type="Violent demonstration")],
        "SOM90007": [_pred(r["SOM90007"], event_type="Violence against civilians", sub_event_type="Attack",
                           actor1="Military Forces of Somalia")],
        "SOM90008": [_pred(r["SOM90008"])],
        # a tie: the first is scored
        "MMR90009": [_pred(r["MMR90009"], confidence=0.7),
                     _pred(r["MMR90009"], confidence=0.7, event_type="Violence against civilians", sub_event_type="Attack")],
        "row-10": [],
        "ETH90011": [_pred(r["ETH90011"])],
    }


def _fixed(items):
    preds = _fixed_predictions()
    for key, article in items:
        yield key, preds[article.id]


def test_acled_scores_fixed_predictions_exactly():
    rep = eval_acled(ACLED, AcledSelection(), predict=_fixed)
    assert rep["rows_read"] == 12 and rep["rows_empty_notes"] == 1 and rep["rows_evaluated"] == 11
    assert rep["detection"] == {"value": 0.818, "n": 11}
    assert rep["event_type_accuracy"] == {"value": 0.727, "n": 11}
    assert rep["sub_event_type_accuracy"] == {"value": 0.636, "n": 11}
    # hand-computed support-weighted F1 (docs in the test fixture's comments above)
    assert rep["sub_event_type_weighted_f1"] == {"value": 0.673, "n": 11}
    assert rep["event_type_weighted_f1"] == {"value": 0.8, "n": 11}
    f = rep["fields"]
    assert f["country"] == {"value": 1.0, "n": 9}
    assert f["admin1"] == {"value": 0.889, "n": 9}  # "Anbar" = "Al Anbar"; Nineveh != Kirkuk
    assert f["location_25km"] == {"value": 0.889, "n": 9}
    assert f["fatalities"] == {"value": 0.889, "n": 9}
    assert f["actor1"] == {"value": 1.0, "n": 9}
    assert f["actor2"] == {"value": 0.889, "n": 9}
    assert f["inter2"] == {"value": 0.889, "n": 9}
    for k in ("event_date", "time_precision", "geo_precision", "inter1"):
        assert f[k] == {"value": 1.0, "n": 9}, k
    conf = rep["sub_event_types"]["Armed clash"]
    assert conf == {"n": 3, "recall": 0.667, "predicted": {"Armed clash": 2, "Attack": 1}}
    assert rep["sub_event_types"]["Air/drone strike"]["predicted"] == {"(none)": 1}
    assert {"gold": "Mob violence", "predicted": "Violent demonstration", "n": 1} in rep["top_confusions"]
    assert rep["per_country"] == []  # no country has 20 rows here


def test_acled_per_country_table():
    scorer = AcledScorer()
    preds = _fixed_predictions()
    for key, row in _rows().items():
        if row["notes"]:
            scorer.add(row, preds[key if key != "Philippines" else "row-10"])
    table = {c["country"]: c for c in scorer.report(min_country_rows=2)["per_country"]}
    assert set(table) == {"Iraq", "Kenya", "Somalia"}
    assert table["Iraq"]["rows"] == 2 and table["Iraq"]["sub_event_type_accuracy"]["value"] == 1.0
    assert table["Iraq"]["admin1"] == {"value": 0.5, "n": 2}
    assert table["Kenya"]["sub_event_type_accuracy"]["value"] == 0.5
    assert table["Somalia"]["event_type_accuracy"] == {"value": 0.5, "n": 2}


def test_acled_split_sample_limit_country_and_dates():
    def ids(**kw):
        seen = []

        def record(items):
            for key, article in items:
                seen.append(article.id)
                yield key, []
        eval_acled(ACLED, AcledSelection(**kw), predict=record)
        return seen

    assert ids(split="tune") == ["KEN90005", "KEN90006", "SOM90007", "MMR90009", "row-10"]
    report = ids(split="report")
    assert report == ["IRQ90001", "IRQ90002", "SYR90003", "NGA90004", "SOM90008", "ETH90011"]
    assert ids(countries=["kenya", "SO"]) == ["KEN90005", "KEN90006", "SOM90007", "SOM90008"]
    assert ids(since=dt.date(2023, 1, 1), until=dt.date(2024, 12, 31)) == ["NGA90004", "SOM90007", "ETH90011"]
    assert ids(limit=2) == ["IRQ90001", "IRQ90002"]
    a, b = ids(sample=4, seed=3), ids(sample=4, seed=3)
    assert a == b and len(a) == 4 and a == sorted(a, key=list(_fixed_predictions()).index)
    assert ids(sample=50, seed=1) == list(_fixed_predictions())


def test_legacy_rows_score_event_type_through_the_mapping(tmp_path):
    cols = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "notes"]
    f = tmp_path / "legacy.csv"
    with open(f, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        w.writerow(["1XYZ", "2016-02-01", "Riots/Protests", "", "Kenya", "Traders protested in a market town."])
        w.writerow(["2XYZ", "2016-02-02", "Remote violence", "", "Kenya", "A bomb went off on a road."])
        w.writerow(["3XYZ", "2016-02-03", "Battle-No change of territory", "", "Kenya", "Two militias fought."])
    preds = {"1XYZ": [{"event_type": "Riots", "sub_event_type": "Mob violence"}],
             "2XYZ": [{"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"}],
             "3XYZ": [{"event_type": "Violence against civilians", "sub_event_type": "Attack"}]}
    rep = eval_acled(f, predict=lambda items: ((k, preds[a.id]) for k, a in items))
    assert rep["legacy_rows"] == 3
    assert rep["event_type_accuracy"] == {"value": 0.667, "n": 3}
    assert rep["sub_event_type_weighted_f1"] == {"value": None, "n": 0}
    assert rep["event_type_weighted_f1"] == {"value": None, "n": 0}
    assert rep["detection"] == {"value": 1.0, "n": 3}


def test_actor_names_acled_style():
    assert actor_same("Military Forces of Iraq (2014-)", "Military Forces of Iraq")
    assert actor_same("Military Forces of the Philippines (2016-)", "Military Forces of the Philippines")
    assert actor_same("Military Forces of Somalia (2022-) Puntland Dervish Force", "Military Forces of Somalia")
    assert actor_same("Unidentified Armed Group (Iraq)", "Unidentified Armed Group (Iraq)")
    assert not actor_same("Unidentified Armed Group (Iraq)", "Unidentified Armed Group (Syria)")
    assert not actor_same("Protesters (Argentina)", "Protesters (Peru)")


def test_weighted_f1_counts_agrees_with_lists():
    gold = ["a", "a", "b", "c", "c", "c"]
    pred = ["a", "b", "b", "c", "", "a"]
    from collections import Counter
    assert evaluate.weighted_f1(gold, pred, ["a", "b", "c"]) == evaluate.weighted_f1_counts(
        Counter(zip(gold, pred)), ["a", "b", "c"])


def test_bad_acled_inputs_give_clear_errors(tmp_path, capsys):
    with pytest.raises(RealDataError, match="no such file"):
        list(read_acled(tmp_path / "missing.csv"))
    f = tmp_path / "no_notes.csv"
    f.write_text("event_id_cnty,event_date,event_type\nX1,2020-01-01,Battles\n", encoding="utf-8")
    with pytest.raises(RealDataError, match="no 'notes' column"):
        list(read_acled(f))
    assert main(["eval", "--acled", str(f)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no 'notes' column" in err and str(f) in err
    assert main(["eval", "--acled", str(tmp_path / "missing.csv.gz")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["eval"]) == 2


def test_cli_acled_json_runs_the_pipeline(capsys):
    assert main(["eval", "--acled", str(ACLED), "--format", "json", "--quiet", "--split", "report"]) == 0
    [rep] = json.loads(capsys.readouterr().out)
    assert rep["kind"] == "acled" and rep["selection"]["split"] == "report"
    assert rep["rows_evaluated"] == 6 and rep["rows_empty_notes"] == 1
    assert rep["detection"]["n"] == 6 and rep["detection"]["value"] >= 0.5
    assert rep["sub_event_type_weighted_f1"]["n"] == 6
    assert set(rep["fields"]) <= {"country", "admin1", "location_25km", "geo_precision", "event_date",
                                  "time_precision", "fatalities", "actor1", "actor2", "inter1", "inter2"}
    assert main(["eval", "--acled", str(ACLED), "--quiet", "--limit", "2", "--errors", "2"]) == 0
    out = capsys.readouterr().out
    assert "detection" in out and "(N=2)" in out


# -- labelled articles (Guardian format) with optional events -----------------------------------
def _events_for(records):
    """Fixed predictions: fx-1 right; fx-2 the required clash, the optional car bomb and one
    false alarm; fx-3 (analysis) nothing."""
    out = []
    for rec in records:
        if rec["id"] == "fx-1":
            out.append([Event(article_id="fx-1", event_date=dt.date(2018, 3, 9), time_precision=1,
                              event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                              actor2="Civilians (Syria)", inter2=7, country="Syria", iso="SY", admin1="Idlib",
                              location="Saraqib", latitude=35.8644, longitude=36.8006, geo_precision=1, fatalities=2)])
        elif rec["id"] == "fx-2":
            out.append([
                Event(article_id="fx-2", event_date=dt.date(2019, 1, 14), time_precision=1, event_type="Battles",
                      sub_event_type="Armed clash", actor1="SDF: Syrian Democratic Forces", inter1=2,
                      actor2="Islamic State (Syria)", inter2=2, iso="SY", admin1="Deir ez-Zor",
                      latitude=34.6933, longitude=40.8322, fatalities=5),
                Event(article_id="fx-2", event_date=dt.date(2018, 12, 15), time_precision=3,
                      event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", iso="SY",
                      admin1="Deir ez-Zor", fatalities=4),
                Event(article_id="fx-2", event_date=dt.date(2019, 1, 14), time_precision=1,
                      event_type="Strategic developments", sub_event_type="Looting/property destruction",
                      iso="SY", admin1="Aleppo"),
            ])
        else:
            out.append([])
    return out


def test_article_labels_with_optional_events(monkeypatch):
    monkeypatch.setattr(evaluate, "_run", _events_for)
    rep = evaluate.evaluate_file(LABELS, real_dir=FIX)
    assert rep["kind"] == "article_labels" and rep["articles"] == 3
    assert rep["gold_events"] == 2  # required only
    assert rep["optional_events"] == 1 and rep["optional_matched"] == 1
    # 2 hits, 1 false alarm (the looting); the optional car bomb is neither
    assert rep["detection"] == {"precision": 0.667, "recall": 1.0, "f1": 0.8}
    assert rep["false_events_per_article"] == 0.333
    assert rep["analysis_articles_no_event"] == "1/1"
    assert rep["accuracy"]["fatalities"] == 0.5 and rep["accuracy_n"]["fatalities"] == 2
    assert rep["accuracy"]["admin1"] == 1.0
    assert rep["split_counts"] == {"tune": 1, "report": 2}


def test_article_labels_split_and_missing_texts(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(evaluate, "_run", _events_for)
    tune = evaluate.evaluate_file(LABELS, real_dir=FIX, split="tune")
    assert tune["articles"] == 1 and tune["gold_events"] == 1
    report = evaluate.evaluate_file(LABELS, real_dir=FIX, split="report")
    assert report["articles"] == 2 and report["gold_events"] == 1
    assert main(["eval", str(LABELS), "--real-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and str(tmp_path) in err and "articles.csv" in err
    assert main(["eval", str(LABELS), "--real-dir", str(tmp_path / "nowhere")]) == 2
    assert str(tmp_path / "nowhere") in capsys.readouterr().err


def test_article_labels_through_the_cli(capsys, monkeypatch):
    monkeypatch.setenv("SITREP_REAL_DIR", str(FIX))
    assert main(["eval", str(LABELS), "--format", "json"]) == 0
    [rep] = json.loads(capsys.readouterr().out)
    assert rep["kind"] == "article_labels" and rep["articles"] == 3 and rep["gold_events"] == 2
    assert rep["real_dir"] == str(FIX)


# -- Times of India ------------------------------------------------------------------------------
def _span_event(doc, sentence: str, **kw) -> dict:
    start = doc.text.index(sentence)
    rec = {"fatalities": 0, "inter1": None, "sub_event_type": "", "evidence": [
        {"field": "event_type", "text": sentence, "start": start, "end": start + len(sentence)}]}
    rec.update(kw)
    return rec


def test_india_load_and_split():
    docs, info = load_india(INDIA)
    assert [d.id for d in docs] == ["101", "102", "103"] and info["unaligned_sentences"] == 0
    d = docs[0]
    assert d.text[d.sentences[3][0]:d.sentences[3][1]].startswith("the police also arrested")
    assert d.sentence_labels[2] == {"KILL", "FORCE", "ANY_ACTION"}
    assert [x.id for x in load_india(INDIA, "tune")[0]] == ["101"]
    assert [x.id for x in load_india(INDIA, "report")[0]] == ["102", "103"]
    assert info["split_counts"] == {"tune": 1, "report": 2}


def test_india_scoring_of_fixed_predictions():
    docs, _ = load_india(INDIA)
    preds = [
        [_span_event(docs[0], "police opened fire on a mob", fatalities=2, inter1=1, sub_event_type="Excessive force against protesters"),
         _span_event(docs[0], "the police also arrested 15 people", sub_event_type="Arrests", inter1=1)],
        [_span_event(docs[1], "a mob set fire to three houses", fatalities=1, inter1=5, sub_event_type="Mob violence"),
         _span_event(docs[1], "the police did not intervene", sub_event_type="Protest with intervention")],
        [],
    ]
    rep = score_india(docs, preds)
    assert rep["documents"] == 3 and rep["sentences"] == 12
    assert rep["KILL"]["sentences"] == {"precision": 0.5, "recall": 1.0, "f1": 0.667, "gold": 1, "predicted": 2}
    assert rep["KILL"]["documents"]["precision"] == 0.5
    assert rep["KILL_STATE"]["sentences"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "predicted": 1}
    assert rep["ARREST"]["sentences"]["f1"] == 1.0 and rep["ARREST"]["documents"]["f1"] == 1.0


def test_india_flags():
    ev = {"sub_event_type": "Protest with intervention", "fatalities": 0,
          "evidence": [{"field": "event_type", "text": "police arrested 20 protesters", "start": 0, "end": 29}]}
    assert india_flags(ev) == {"ARREST"}
    ev["evidence"][0]["text"] = "police dispersed the protesters"
    assert india_flags(ev) == set()
    assert india_flags({"sub_event_type": "Attack", "fatalities": 3, "inter1": 1}) == {"KILL", "KILL_STATE"}
    # protesters are actor1 in ACLED's protest events; the police who fired on them are actor2
    assert india_flags({"sub_event_type": "Excessive force against protesters", "fatalities": 2,
                        "inter1": 6, "inter2": 1}) == {"KILL", "KILL_STATE"}
    # rioters killed in a clash of their own: the state is not said to have killed them
    assert india_flags({"sub_event_type": "Violent demonstration", "fatalities": 2, "inter1": 5, "inter2": 1}) == {"KILL"}
    # ACLED's riot the police fired on: the rioters are actor1, and the dead are the police's
    riot = {"sub_event_type": "Violent demonstration", "fatalities": 2, "inter1": 5, "inter2": 1,
            "evidence": [{"field": "event_type", "text": "two rioters died when the police opened fire on the mob",
                          "start": 0, "end": 55}]}
    assert india_flags(riot) == {"KILL", "KILL_STATE"}
    riot["evidence"][0]["text"] = "two died in the riot and the police fired tear gas shells"
    assert india_flags(riot) == {"KILL"}
    # the other sentences of the event's report speak for it too
    ev["evidence"].append({"field": "report", "text": "twelve of them were detained", "start": 40, "end": 68})
    assert india_flags(ev) == {"ARREST"}


def _fire_then_arrest(doc, **kw) -> dict:
    """An event coded from the fixture's firing sentence with its arrest sentence merged in."""
    ev = _span_event(doc, "police opened fire on a mob", **kw)
    arrest = _span_event(doc, "the police also arrested 15 people")["evidence"][0]
    ev["evidence"].append({**arrest, "field": "report"})
    return ev


def test_india_sentences_of_a_merged_report_count_for_its_event():
    docs, _ = load_india(INDIA)
    d = docs[0]
    ev = _fire_then_arrest(d, sub_event_type="Protest with intervention", inter1=1)
    rep = score_india(docs[:1], [[ev]])
    assert rep["ARREST"]["sentences"]["recall"] == 1.0
    assert rep["events_over_3_sentences"] == 0
    ev["evidence"][-1]["field"] = "location"  # a place named there is no report of the event
    assert score_india(docs[:1], [[ev]])["ARREST"]["sentences"]["recall"] == 0.0


def test_india_a_dateline_split_off_as_a_sentence_is_not_claimed():
    from sitrep.evaluate_real import IndiaDoc

    text = "lucknow: police held six men after a brawl at the fair. the fair closed early."
    spans = [(0, 8), (9, 55), (56, 78)]
    doc = IndiaDoc("t1", text, None, spans, [set(), {"ARREST"}, set()], set())
    # the event's sentence runs from the dateline: the dateline's one-word "sentence" is no claim
    ev = {"fatalities": 0, "inter1": 1, "sub_event_type": "Arrests",
          "evidence": [{"field": "event_type", "text": text[:55], "start": 0, "end": 55}]}
    rep = score_india([doc], [[ev]])
    assert rep["ARREST"]["sentences"]["precision"] == 1.0 and rep["ARREST"]["sentences"]["recall"] == 1.0


def test_india_through_the_cli(capsys, tmp_path):
    assert main(["eval", "--india", str(INDIA), "--format", "json", "--quiet", "--split", "tune"]) == 0
    [rep] = json.loads(capsys.readouterr().out)
    assert rep["kind"] == "india_police_events" and rep["documents"] == 1
    assert set(rep["KILL"]) == {"sentences", "documents"}
    assert main(["eval", "--india", str(tmp_path)]) == 2
    assert "docs.jsonl is missing" in capsys.readouterr().err


def test_india_a_killing_is_claimed_by_the_sentences_that_told_the_dead():
    docs, _ = load_india(INDIA)
    d = docs[0]
    ev = _span_event(d, "the police also arrested 15 people", sub_event_type="Excessive force against protesters",
                     fatalities=2, inter1=1)
    fire = _span_event(d, "police opened fire on a mob")["evidence"][0]
    ev["evidence"].append({**fire, "field": "report"})
    assert score_india(docs[:1], [[ev]])["KILL_STATE"]["sentences"]["precision"] == 0.5  # both sentences
    ev["evidence"].append({**fire, "field": "fatalities"})
    assert score_india(docs[:1], [[ev]])["KILL_STATE"]["sentences"]["precision"] == 1.0


def _ev(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2018-03-01",
            "time_precision": 1, "evidence": []}
    base.update(kw)
    return base


def test_article_matcher_needs_the_date_or_the_gold_passage():
    gold = [_ev(evidence_start=100, evidence_end=180)]
    # the same sub-type a year away, read from another passage: a lucky match, not the event
    far = _ev(event_date="2019-03-01", evidence=[{"field": "event_type", "start": 400, "end": 460}])
    assert evaluate.match_events(gold, [far]) == []
    # another type on the same day is another event
    other = _ev(event_type="Riots", sub_event_type="Mob violence")
    assert evaluate.match_events(gold, [other]) == []
    # the same type within the precision's tolerance pairs
    assert evaluate.match_events(gold, [_ev(event_date="2018-03-02")]) == [(0, 0)]
    # read from the gold event's own passage, a wrong date or type still pairs (fields score it)
    read_there = _ev(event_date="2019-03-01", event_type="Riots",
                     evidence=[{"field": "location", "start": 0, "end": 10},
                               {"field": "report", "start": 150, "end": 220}])
    assert evaluate.match_events(gold, [read_there]) == [(0, 0)]
    # a place span in the passage is not the event's telling
    only_place = _ev(event_date="2019-03-01", evidence=[{"field": "location", "start": 120, "end": 130}])
    assert evaluate.match_events(gold, [only_place]) == []


def test_a_violent_arrest_is_an_attack_and_still_answers_the_arrest_question():
    from sitrep.extract.events import violent_arrest
    from sitrep.nlp import Sentence

    def said(text):
        return [Sentence(text, 0, 0)]

    assert violent_arrest(said("Police beat a bus driver while arresting him."))
    assert violent_arrest(said("Police wounded and arrested a suspected drug dealer in a raid."))
    assert not violent_arrest(said("Police arrested two men in connection with the killing of a trader."))
    assert not violent_arrest(said("Police arrested 14 suspects during a raid."))
    # ACLED codes it an attack by the police; the corpus asks whether the police arrested anyone
    ev = {"sub_event_type": "Attack", "fatalities": 0, "inter1": 1,
          "evidence": [{"field": "event_type", "text": "police beat and arrested a trader", "start": 0, "end": 33}]}
    assert india_flags(ev) == {"ARREST"}
    ev["inter1"] = 3  # gunmen who "arrested" no one: the word alone is not enough
    assert india_flags(ev) == set()


def test_an_older_row_naming_a_unit_whole_agrees_with_any_of_its_parts():
    """ACLED's older rows write "Shan"; it now divides the state into Shan-North, -South and
    -East. A part agrees with the whole; the whole does not agree with a named part."""
    from sitrep.evaluate_real import acled_field_checks

    row = {"country": "Myanmar", "admin1": "Shan"}
    assert acled_field_checks(row, {"iso": "MM", "admin1": "Shan-North"})["admin1"]
    assert acled_field_checks(row, {"iso": "MM", "admin1": "Shan"})["admin1"]
    assert not acled_field_checks(row, {"iso": "MM", "admin1": "Kachin"})["admin1"]
    assert not acled_field_checks({"country": "Myanmar", "admin1": "Shan-North"},
                                  {"iso": "MM", "admin1": "Shan"})["admin1"]


def test_india_arrests_told_in_a_riot_are_claimed_where_told(monkeypatch):
    from sitrep import evaluate_real

    docs, _ = load_india(INDIA)
    d = docs[0]
    riot = _fire_then_arrest(d, sub_event_type="Violent demonstration", inter1=5)
    rep = score_india(docs[:1], [[riot]])
    # the riot claims the arrest in the sentence that tells it, not in the sentence of the firing
    assert rep["ARREST"]["sentences"]["recall"] == 1.0 and rep["ARREST"]["sentences"]["precision"] == 1.0
    monkeypatch.setattr(evaluate_real, "RIOT_ARRESTS", 0)
    assert score_india(docs[:1], [[riot]])["ARREST"]["sentences"]["recall"] == 0.0


def test_articles_count_events_placed_outside_the_articles_countries(monkeypatch):
    """Issue 11's target "no event placed in a country the article is not about": an event
    placed abroad (a namesake in England for a report from Raqqa) is counted and listed; an
    article's own "countries" widen what it is about; an article with no coded event and no
    countries is not judged (its events are false alarms already)."""
    def ev(iso, place):
        return Event(article_id="a", event_date=dt.date(2018, 3, 9), time_precision=1, event_type="Battles",
                     sub_event_type="Armed clash", iso=iso, location=place)
    records = [
        {"id": "one", "events": [_ev(iso="SY")]},
        {"id": "two", "countries": ["SY", "TR"], "events": []},
        {"id": "three", "events": []},
    ]
    monkeypatch.setattr(evaluate, "_run", lambda recs: [[ev("SY", "Raqqa"), ev("GB", "Birmingham")],
                                                       [ev("TR", "Kilis"), ev("US", "Ohio")],
                                                       [ev("JP", "Toyota")]])
    rep = evaluate.eval_articles(records, show_errors=5)
    assert rep["placed_outside_article_countries"] == "2/4"
    abroad = [e for e in rep["errors"] if "placed abroad" in e]
    assert len(abroad) == 2 and "Birmingham (GB" in abroad[0] and "Ohio (US" in abroad[1]
    assert evaluate.article_countries(records[0]) == {"SY"} and evaluate.article_countries(records[2]) == set()


def test_india_errors_are_those_of_the_police_killing_measure():
    # the corpus's KILL is a killing by the police: a riot's dead, rightly not the police's, is no
    # error to list; the state-force measure's miss is
    from sitrep.evaluate_real import IndiaDoc
    text = "surat: rioters stabbed two men to death. police fired on a crowd and killed one man."
    spans = [(0, 6), (7, 40), (41, 84)]
    doc = IndiaDoc("t2", text, None, spans, [set(), set(), {"KILL"}], set())
    riot = {"fatalities": 2, "inter1": 5, "sub_event_type": "Mob violence",
            "evidence": [{"field": "event_type", "text": text[7:40], "start": 7, "end": 40}]}
    rep = score_india([doc], [[riot]], show_errors=10)
    assert rep["errors"] == ["doc t2 sentence 2 KILL_STATE missed: 'police fired on a crowd and killed one man.'"]
