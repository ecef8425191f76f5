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
        else:
            assert all(w == w.lower() and " " not in w for w in entry["words"]), name
    assert lexicons.pattern("civilian_places").search("a bomb exploded in a crowded market")
    assert lexicons.pattern("casualty_words").search("five were killed")
    assert not lexicons.pattern("unnamed_hostile").search("the gunmenx")
    assert "threatened" in lexicons.words("plan_words") and "denied" in lexicons.words("deny_words")


def test_place_words_are_lowercase_word_lists():
    from sitrep.geo.locate import facility_after, organisation_heads

    data = yaml.safe_load((DATA / "place_words.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"organisation_heads", "facility_nouns"}
    for key, words in data.items():
        assert words and all(isinstance(w, str) and w == w.lower() and w.isalpha() for w in words), key
        assert len(words) == len(set(words)), f"{key} repeats a word"
    assert facility_after().match(" hospital said") and not facility_after().match(" district")
    assert "university" in organisation_heads()
