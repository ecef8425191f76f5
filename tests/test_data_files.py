"""The reviewable data files load and follow their schemas."""

import re

import yaml

from sitrep.extract.actors import load_entries
from sitrep.extract.cues import get_lexicon
from sitrep.geo.gazetteer import DATA, load_supplement
from sitrep.geo.locate import demonyms

FEATURES = {"desert", "mountain", "range", "valley", "wadi", "lake", "island", "river", "road",
            "crossing", "base", "oilfield", "district", "subdistrict", "town", "village",
            "neighbourhood", "region", "forest", "dam", "airport", "camp", "prison"}


def test_event_cues_compile_and_name_known_types():
    lexicon = get_lexicon()
    assert len(lexicon.rules) >= 25


def test_actor_entries_follow_the_schema():
    entries = load_entries()
    assert len(entries) > 50
    for e in entries:
        assert 1 <= e.inter <= 8, e.name
        assert e.home == "event" or e.home == "any" or re.fullmatch(r"[A-Z]{2}", e.home), e.name
        assert all(a == a.lower() for a in e.aliases), e.name
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in e.countries), e.name
    names = {e.name for e in entries}
    for required in ("Military Forces of {country}", "Civilians ({country})", "Islamic State (Iraq)"):
        assert required in names


def test_supplement_places_follow_the_schema():
    rows = load_supplement()
    assert len(rows) > 300
    for r in rows:
        assert r["feature"] in FEATURES, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert re.fullmatch(r"[A-Z]{2}", r["country"]), r
        assert isinstance(r.get("variants") or [], list)


def test_country_words_map_to_iso_codes():
    table = demonyms()
    assert table["iraqi"] == "IQ" and table["syrian"] == "SY"
    raw = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"[A-Z]{2}", k) for k in raw)


def test_training_sentences_use_acled_labels():
    from sitrep.extract.learned import load_training

    texts, labels = load_training()
    assert len(texts) > 1000
    from collections import Counter

    counts = Counter(labels)
    assert set(counts) - {"none"} <= set(__import__("sitrep.model", fromlist=["SUB_EVENT_TYPES"]).SUB_EVENT_TYPES)
    assert min(v for k, v in counts.items() if k != "none") >= 20


def test_acled_admin1_table_covers_every_unit_of_its_countries():
    import math

    from sitrep.geo.gazetteer import load_acled_admin1, load_admin1_rows

    rows = load_admin1_rows()
    table = load_acled_admin1()
    assert len(table) >= 40
    for iso, spec in table.items():
        codes = {r["code"] or f"{r['iso']}.{r['iso_3166_2']}" for r in rows if r["iso"] == iso}
        names = spec["names"]
        assert codes <= set(names), (iso, sorted(codes - set(names))[:5])
        assert all(isinstance(n, str) and n.strip() for n in names.values()), iso
        assert spec.get("confidence") in ("high", "medium", "low"), iso
        label = {r["code"]: (r["lat"], r["lon"]) for r in rows if r["iso"] == iso}
        for old, units in (spec.get("split") or {}).items():
            assert old in names and units[0]["name"] == names[old], (iso, old)
            for u in units:
                lat, lon = label[old]
                assert math.hypot(u["lat"] - lat, u["lon"] - lon) < 8, (iso, u)  # degrees, roughly 800 km


def test_exact_case_aliases_are_written_as_they_must_appear():
    for e in load_entries():
        assert all(a != a.lower() for a in e.exact_case), e.name


def test_lexicons_compile_and_every_list_says_what_it_is_for():
    from sitrep.extract import lexicons

    raw = yaml.safe_load((DATA / "lexicons.yaml").read_text(encoding="utf-8"))
    assert raw, "lexicons.yaml is empty"
    for name, entry in raw.items():
        assert entry.get("doc"), name
        if entry.get("patterns"):
            assert lexicons.pattern(name).search("") is None, name  # no fragment matches nothing
        elif entry.get("regex"):
            assert lexicons.regex(name).search("") is None, name  # it must find something
            assert set(entry) <= {"doc", "regex", "case_sensitive"}, name
        else:
            assert all(w == w.lower() and " " not in w for w in entry["words"]), name
    assert lexicons.pattern("civilian_places").search("a bomb exploded in a crowded market")
    assert lexicons.pattern("casualty_words").search("five were killed")
    assert not lexicons.pattern("unnamed_hostile").search("the gunmenx")
    assert "threatened" in lexicons.words("plan_words") and "denied" in lexicons.words("deny_words")
    assert lexicons.regex("same_day_phrases").search("On The Same Day, police fired")  # case-insensitive
    assert lexicons.regex("spoken_on").search("the ministry said on")
    assert not lexicons.regex("modality_phrases").search("on 22 may 2024 troops entered")  # the month
    assert lexicons.regex("modality_phrases").search("troops may enter the town")


def test_place_words_are_lowercase_word_lists():
    from sitrep.geo.locate import facility_after, organisation_heads

    data = yaml.safe_load((DATA / "place_words.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"organisation_heads", "facility_nouns", "organisation_tails", "street_words",
                         "acled_point_units", "region_people_nouns", "country_named_heads"}
    for key, words in data.items():
        if key == "acled_point_units":
            continue  # a table by country: tests/test_places_night_rules.py checks it
        assert words and all(isinstance(w, str) and w == w.lower() and w.isalpha() for w in words), key
        assert len(words) == len(set(words)), f"{key} repeats a word"
    assert facility_after().match(" hospital said") and not facility_after().match(" district")
    assert "university" in organisation_heads()


def test_the_teams_labels_of_licensed_articles_follow_the_schema_and_the_split():
    """dev/guardian_*.jsonl: labels only (no text), ACLED strings, offsets, and each file holds
    articles of the split its name says (tune files never hold report-period articles)."""
    import json
    from pathlib import Path

    from sitrep.evaluate_real import split_of_article
    from sitrep.model import SUB_EVENT_TYPES

    files = sorted(Path(__file__).resolve().parent.parent.glob("dev/guardian_*.jsonl"))
    assert len(files) >= 7
    seen: set[str] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            assert "text" not in rec, f"{f.name}: {rec['id']} carries its text"
            assert rec["id"] not in seen, f"{f.name}: {rec['id']} is labelled twice"
            seen.add(rec["id"])
            assert rec["kind"] in {"incident", "mixed", "analysis"}, rec["id"]
            want = "tune" if "_tune" in f.name else "report"
            assert split_of_article(rec["published"]) == want, f"{f.name}: {rec['id']} is of the other split"
            for ev in rec["events"]:
                assert SUB_EVENT_TYPES[ev["sub_event_type"]] == ev["event_type"], rec["id"]
                assert 0 <= ev["evidence_start"] < ev["evidence_end"], rec["id"]
                assert ev["time_precision"] in (1, 2, 3) and ev["geo_precision"] in (1, 2, 3), rec["id"]
                assert isinstance(ev["required"], bool) and int(ev["fatalities"]) >= 0, rec["id"]


def test_check_places_script_passes_on_the_supplement_and_catches_a_stray_point(tmp_path):
    """scripts/check_places.py: optional keys may be left out; a point outside its country is an error."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "check_places.py"
    ok = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout[-2000:]
    (tmp_path / "x.yaml").write_text(
        "- name: Nowhere\n  feature: town\n  country: IQ\n  lat: 48.85\n  lon: 2.35\n  note: a point in Paris\n",
        encoding="utf-8")
    bad = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 1 and "outside IQ" in bad.stdout


def test_acled_admin1_names_of_european_and_korean_units():
    from sitrep.geo.gazetteer import load_acled_admin1

    table = load_acled_admin1()
    for iso, unit, acled in [
        ("FR", "FR.75", "Ile-de-France"), ("FR", "FR.2A", "Corse"), ("IT", "IT.MI", "Lombardia"),
        ("IT", "IT.PA", "Sicilia"), ("GB", "GB.V2", "Scotland"), ("GB", "GB.R3", "Northern Ireland"),
        ("KR", "KR.11", "Seoul Special City"), ("SE", "SE.28", "Vastra Gotalands"), ("SE", "SE.27", "Skane"),
    ]:
        assert table[iso]["names"][unit] == acled, (iso, unit)
