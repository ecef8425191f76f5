"""Session 38, helper speed: cuts of CPU time that leave every event as it was (docs/speed.md).

Each switch has a test that fails with it off (the work it saves is done again), and the gold
articles give the same events, field by field, with every switch off and on.
"""

import dataclasses
import datetime as dt
import gc
import json
from importlib import resources
from pathlib import Path

import pytest
import yaml

from sitrep import nlp, pipeline
from sitrep.extract import actors as A
from sitrep.extract import counts as C
from sitrep.extract import events as E
from sitrep.geo import gazetteer as G
from sitrep.geo import locate as L
from sitrep.model import Article

ROOT = Path(__file__).resolve().parents[1]
PUB = dt.date(2022, 5, 12)
SWITCHES = [(E, "LAZY_TALLY_ACTORS"), (nlp, "MAP_COUNTS"), (L, "COUNTRY_WORDS_CACHE"), (G, "FAST_YAML"),
            (pipeline, "GC_FREEZE"), (L, "TOKEN_SPANS_CACHE"), (C, "CLEANED_CACHE")]


def _switch(monkeypatch, module, name, on) -> None:
    """on: the module's own setting (a test of it fails where it is turned off); else off."""
    if not on:
        monkeypatch.setattr(module, name, 0)


def _spy_find(monkeypatch) -> list[str]:
    asked: list[str] = []
    real = A.ActorDictionary.find

    def find(self, text, countries=None, named=None):
        asked.append(text)
        return real(self, text, countries, named)

    monkeypatch.setattr(A.ActorDictionary, "find", find)
    return asked


QUIET = "The regional governor thanked the volunteers for their patience over the long weekend."
STORY = (
    "Gunmen on motorbikes attacked a police post near the market town of Kaya on Tuesday, "
    "killing three officers, local officials said. " + QUIET + " "
    "Schools in the district reopened after the holiday, a teacher told reporters.")


@pytest.mark.parametrize("on", [1, 0])
def test_a_sentence_of_no_event_without_a_tally_word_is_not_looked_up_for_actors(monkeypatch, on):
    _switch(monkeypatch, E, "LAZY_TALLY_ACTORS", on)
    asked = _spy_find(monkeypatch)
    pipeline.process([Article(id="speed-lazy", text=STORY, title="Police post attacked", published=PUB)])
    assert (QUIET in asked) == (not on)
    assert not E._tally_words(QUIET)
    assert E._tally_words("Police said 42 people have been arrested so far since the unrest began.")


def test_the_character_counts_run_no_generator_step_per_character(monkeypatch):
    import sys

    text = ("a relief convoy reached the villages along the river after the floods. " * 30) + "X."

    def generator_steps() -> int:
        steps = [0]

        def prof(frame, event, arg):
            if event == "call" and frame.f_code.co_name == "<genexpr>" and frame.f_code.co_filename == nlp.__file__:
                steps[0] += 1

        sys.setprofile(prof)
        try:
            nlp._lower_cased(text)
        finally:
            sys.setprofile(None)
        return steps[0]

    monkeypatch.setattr(nlp, "MAP_COUNTS", 0)
    off, off_steps = nlp._lower_cased(text), generator_steps()
    monkeypatch.undo()  # the module's own setting
    assert nlp._lower_cased(text) == off
    assert off_steps > 0 and generator_steps() == 0


def test_country_words_are_found_once_per_text(monkeypatch):
    text = "Kenyan troops and Somali police patrolled the border road near Mandera speed-38."
    first = L.country_words(text)
    hits = L._country_words_cached.cache_info().hits
    first.append(("XX", 0, 0))  # a caller's list is its own: the cache keeps its tuple
    assert L.country_words(text) == first[:-1]
    assert L._country_words_cached.cache_info().hits == hits + 1
    monkeypatch.setattr(L, "COUNTRY_WORDS_CACHE", 0)
    assert L.country_words(text) == first[:-1]
    assert L._country_words_cached.cache_info().hits == hits + 1  # off: not asked


# PyYAML's wheels carry libyaml; a build without it still works (the pure-Python loader) but
# slower, so the suite says so instead of skipping
_NO_LIBYAML = "PyYAML was built without libyaml: reinstall it from its binary wheel (pip install --force-reinstall pyyaml)"


def test_every_data_file_loads_the_same_with_the_c_loader():
    loader = getattr(yaml, "CSafeLoader", None)
    assert loader is not None, _NO_LIBYAML
    root = Path(str(resources.files("sitrep") / "data"))
    files = sorted(root.rglob("*.yaml")) + sorted(root.rglob("*.yml"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=loader) == yaml.safe_load(text), f.name


@pytest.mark.parametrize("on", [1, 0])
def test_the_admin1_table_is_read_by_the_c_loader(monkeypatch, on):
    assert getattr(yaml, "CSafeLoader", None) is not None, _NO_LIBYAML
    _switch(monkeypatch, G, "FAST_YAML", on)
    loaders = []
    real = yaml.load

    def load(stream, Loader):  # noqa: N803
        loaders.append(Loader)
        return real(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "load", load)
    table = G.load_acled_admin1()
    assert table
    assert (yaml.CSafeLoader in loaders) == bool(on)


@pytest.mark.parametrize("on", [1, 0])
def test_the_loaded_objects_are_frozen_after_the_first_batch(monkeypatch, on):
    _switch(monkeypatch, pipeline, "GC_FREEZE", on)
    monkeypatch.setattr(pipeline, "_frozen", False)
    was = gc.get_freeze_count()
    gc.unfreeze()
    try:
        pipeline._freeze_loaded()
        assert (gc.get_freeze_count() > 0) == bool(on)
    finally:
        gc.freeze() if was else gc.unfreeze()


@pytest.mark.parametrize("on", [1, 0])
def test_a_parse_is_walked_once_for_all_its_place_mentions(monkeypatch, on):
    _switch(monkeypatch, L, "TOKEN_SPANS_CACHE", on)
    monkeypatch.setattr(L, "_last_spans", (None, []))
    text = "Armed cattle raiders attacked herders at Lotikipi on Sunday, and rival clans fought in Kakuma."
    doc = nlp.load_nlp()(text)
    got = [L.read_as_common_word(doc, text.index(w), text.index(w) + len(w))
           for w in ("Armed cattle raiders", "Lotikipi", "rival clans", "Kakuma")]
    assert (L._last_spans[0] is doc) == bool(on)
    monkeypatch.setattr(L, "TOKEN_SPANS_CACHE", 0 if L.TOKEN_SPANS_CACHE else 1)
    assert got == [L.read_as_common_word(doc, text.index(w), text.index(w) + len(w))
                   for w in ("Armed cattle raiders", "Lotikipi", "rival clans", "Kakuma")]


@pytest.mark.parametrize("on", [1, 0])
def test_the_cleaned_sentence_is_made_once_for_both_readers(monkeypatch, on):
    _switch(monkeypatch, C, "CLEANED_CACHE", on)
    sentence = "Between 12 and 18 villagers were killed when the ferry was set alight, speed-38 said."
    hits = C._cleaned_cached.cache_info().hits
    counts = C.extract_counts(sentence)
    C.with_named_dead(counts, None, sentence)
    assert (C._cleaned_cached.cache_info().hits > hits) == bool(on)
    assert counts.killed == 12


def _events(articles) -> list[list[str]]:
    return [[json.dumps(dataclasses.asdict(e), default=str, sort_keys=True) for e in evs]
            for evs in pipeline.process(articles)]


def test_the_gold_articles_give_the_same_events_with_every_switch_off(monkeypatch):
    articles = []
    for line in (ROOT / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        articles.append(Article(id=r["id"], text=r["text"], title=r["title"],
                                published=dt.date.fromisoformat(r["published"])))
    on = _events(articles)
    for module, name in SWITCHES:
        monkeypatch.setattr(module, name, 0)
    off = _events(articles)
    assert sum(map(len, on)) > 20
    assert on == off
