"""Work the pipeline leaves out because it could not change the result (docs/model.md,
"Speed work, night session")."""

import datetime as dt

from sitrep.extract import events as E
from sitrep.model import Article

PUB = dt.date(2021, 3, 2)


class _Table:
    """A decider whose probabilities are given per text; any other text is 'none'."""

    def __init__(self, table):
        self.table = table
        self.asked: list[str] = []

    def probabilities(self, texts):
        self.asked.extend(texts)
        return [self.table.get(t, {"none": 1.0}) for t in texts]

    decide = probabilities


def test_a_reading_that_leads_far_is_not_overturned_by_any_passage():
    assert E._decisive({"Attack": 0.95, "Armed clash": 0.03}, "Attack", 0.5)
    assert E._decisive({"Attack": 1.0}, "Attack", 0.5)
    assert not E._decisive({"Attack": 0.6, "Armed clash": 0.3}, "Attack", 0.5)
    assert not E._decisive({"Attack": 0.95, "Armed clash": 0.03}, "Armed clash", 0.5)
    assert not E._decisive({}, "Attack", 0.5)
    # the lighter the passage's weight, the smaller the lead that settles it
    assert E._decisive({"Attack": 0.5, "Armed clash": 0.3}, "Attack", 0.1)


def test_the_passage_is_read_again_only_where_its_reading_could_change_the_sub_type():
    s1 = "Several hundred teachers marched through the centre of Bobo-Dioulasso on Friday."
    s2 = "A few of the marchers hurled rocks at the town hall windows."
    passage = f"{s1} {s2}"
    undecided = {s1: {"none": 0.1, "Peaceful protest": 0.6, "Violent demonstration": 0.3},
                 passage: {"none": 0.0, "Peaceful protest": 0.1, "Violent demonstration": 0.9}}
    typer = _Table(undecided)
    [[ev]] = E.extract([Article(id="a", text=passage, published=PUB)], typer=typer)
    assert passage in typer.asked

    sure = {**undecided, s1: {"none": 0.02, "Peaceful protest": 0.96, "Violent demonstration": 0.02}}
    typer = _Table(sure)
    [[ev]] = E.extract([Article(id="a", text=passage, published=PUB)], typer=typer)
    assert passage not in typer.asked
    # the passage's cue words still tell the protest's course ("hurled rocks")
    assert ev.sub_event_type == "Violent demonstration"


def _throughput_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"
    spec = importlib.util.spec_from_file_location("throughput_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_throughput_benchmark_times_every_stage_it_names(monkeypatch):
    """benchmarks/throughput.py --stages wraps the functions that run each stage: a renamed
    function must fail here, not print zeros."""
    import importlib
    from collections import Counter

    bench = _throughput_module()
    for module, attr, _ in bench.STAGES:  # undone by monkeypatch after the test
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        monkeypatch.setattr(owner, name, getattr(owner, name))
    spent = Counter()
    bench.instrument(spent)
    s1 = "Gunmen attacked a police post in the village of Karvosi on Monday, killing two officers."
    typer = _Table({s1: {"none": 0.1, "Attack": 0.8, "Armed clash": 0.1}})
    [[ev]] = E.extract([Article(id="a", text=s1, published=PUB)], typer=typer)
    assert ev.fatalities == 2
    for stage in ("sentence splitting", "spaCy parse of the candidates", "drafts (places, actors, dates, counts)",
                  "events (fields, notes)"):
        assert stage in spent, stage


def test_the_decider_runs_beside_the_parse_with_the_same_events(monkeypatch):
    """The decider's first pass runs on a worker thread while spaCy parses the candidates
    (events.OVERLAP); the events are those of running one after the other."""
    import threading

    from sitrep.extract.learned import get_typer

    monkeypatch.setenv("SITREP_THREADS", "2")  # cores to spare, whatever the machine
    real = get_typer()
    seen: dict[str, object] = {}

    class _Recording:
        def probabilities(self, texts):
            return real.probabilities(texts)

        def decide(self, texts):
            seen["decide"] = threading.get_ident()
            return real.decide(texts)

        def __getattr__(self, name):
            return getattr(real, name)

    parse = E.parse_sentences

    def parse_recording(texts, *a, **k):
        seen["parse"] = threading.get_ident()
        return parse(texts, *a, **k)

    monkeypatch.setattr(E, "parse_sentences", parse_recording)
    text = ("On 4 March 2021, gunmen attacked a police post in Dori, killing two officers. "
            "Soldiers later clashed with the attackers near the town.")
    arts = [Article(id="t", text=text, published=PUB)]

    def events():
        return [(e.sub_event_type, e.fatalities, e.actor1, e.location) for e in E.extract(arts, typer=_Recording())[0]]

    together = events()
    assert seen["decide"] != seen["parse"] == threading.get_ident()
    monkeypatch.setattr(E, "OVERLAP", 0)
    seen.clear()
    apart = events()
    assert seen["decide"] == seen["parse"] == threading.get_ident()
    assert together == apart and together


def test_with_one_core_the_decider_and_the_parse_run_one_after_the_other(monkeypatch):
    """The Spark runner gives each task one core (SITREP_THREADS=1): no overlap there."""
    import threading

    monkeypatch.setenv("SITREP_THREADS", "1")
    seen = {}
    parse = E.parse_sentences

    def parse_recording(texts, *a, **k):
        seen["parse"] = threading.get_ident()
        return parse(texts, *a, **k)

    class _Recording(_Table):
        def decide(self, texts):
            seen["decide"] = threading.get_ident()
            return self.probabilities(texts)

    monkeypatch.setattr(E, "parse_sentences", parse_recording)
    text = "On 4 March 2021, gunmen attacked a police post in Dori, killing two officers."
    E.extract([Article(id="t", text=text, published=PUB)],
              typer=_Recording({text: {"none": 0.2, "Attack": 0.8}}))
    assert seen["decide"] == seen["parse"] == threading.get_ident()


_NEWS = "Gunmen attacked a police post in the village of Karvosi on Monday, killing two officers."
_OLD = "In March 2016, fighters of the same group overran the post and killed eleven soldiers."
_GOES_ON = "Dozens of villagers were wounded in the shelling that followed."


def _article(*sentences):
    return Article(id="h", text=" ".join(sentences), published=PUB)


class _Deciding(_Table):
    """Records what the decider (not the screen) is asked."""

    def __init__(self, table):
        super().__init__(table)
        self.decided: list[str] = []

    def decide(self, texts):
        self.decided.extend(texts)
        return self.probabilities(texts)


def _candidates_like(monkeypatch):
    """Every sentence is a candidate the decider would read (the screen is unsure of all)."""
    monkeypatch.setattr(E, "_worth_parsing", lambda text, probs, lexicon: True)


def test_a_sentence_known_to_be_history_before_the_parse_is_not_given_to_the_decider(monkeypatch):
    _candidates_like(monkeypatch)
    unsure = {"none": 0.4, "Attack": 0.5, "Armed clash": 0.1}
    table = {t: unsure for t in (_NEWS, _OLD, _GOES_ON)}
    typer = _Deciding(table)
    first = E.extract([_article(_NEWS, _OLD, _GOES_ON)], typer=typer)
    decided = typer.decided
    # an old year of its own, and the undated sentence that goes on from it in its paragraph
    assert _OLD not in decided and _GOES_ON not in decided and _NEWS in decided
    monkeypatch.setattr(E, "SKIP_HISTORY", 0)
    typer = _Deciding(table)
    second = E.extract([_article(_NEWS, _OLD, _GOES_ON)], typer=typer)
    assert _OLD in typer.decided  # without the switch the decider reads it, to no effect
    assert [(e.sub_event_type, e.fatalities, e.event_date) for e in first[0]] == \
           [(e.sub_event_type, e.fatalities, e.event_date) for e in second[0]]
    assert [e.fatalities for e in first[0]] == [2]


def test_what_needs_the_parse_or_the_drafts_is_left_to_the_drafting_pass():
    relcl = "Police arrested a man who had years ago led the gang, in Karvosi on Monday."
    same_day = "On the same day, soldiers shelled the ridge, as they had done in 2016."
    for extra in (relcl, same_day):
        art = _article(_NEWS, extra)
        sentences = E.split_sentences(art.text)
        st = E.ArticleState(art, sentences, list(sentences), None, set())
        assert E.surely_history(st) == set(), extra
    art = _article(_NEWS, _OLD)
    sentences = E.split_sentences(art.text)
    st = E.ArticleState(art, sentences, list(sentences), None, set())
    assert E.surely_history(st) == {1}


# a march whose next sentence tells the violence: the passage reads a violent demonstration
_MARCH = "Several hundred teachers marched through the centre of Bobo-Dioulasso on Friday."
_PASSAGE = f"{_MARCH} A few of the marchers hurled rocks at the town hall windows."
_PASSAGE_TABLE = {_MARCH: {"none": 0.1, "Peaceful protest": 0.6, "Violent demonstration": 0.3},
                  _PASSAGE: {"none": 0.0, "Peaceful protest": 0.1, "Violent demonstration": 0.9}}


def _coded(events):
    return [[(e.sub_event_type, e.event_date, e.location) for e in evs] for evs in events]


def test_passages_are_read_beside_the_drafting_of_the_next_articles_with_the_same_events(monkeypatch):
    """events.SPAN_BESIDE: the passage re-read of the articles drafted so far runs on a worker
    thread while the next articles are drafted; the events are those of reading all at the end."""
    import threading

    monkeypatch.setenv("SITREP_THREADS", "2")
    monkeypatch.setattr(E, "SPAN_CHUNK", 2)
    monkeypatch.setattr(E, "STREAM", 0)  # all articles in one chunk (streaming: the next test)
    passage, table = _PASSAGE, _PASSAGE_TABLE
    where: list[int] = []

    class _Threads(_Table):
        def decide(self, texts):
            if passage in texts:
                where.append(threading.get_ident())
            return self.probabilities(texts)

    arts = [Article(id=str(i), text=passage, published=PUB) for i in range(3)]

    def events():
        return _coded(E.extract(arts, typer=_Threads(table)))

    beside = events()
    main = threading.get_ident()
    # the first two articles' passages on the worker in one read, the last one's at the end here
    assert len(where) == 2 and where.count(main) == 1  # (the two reads may come in either order)
    monkeypatch.setattr(E, "SPAN_BESIDE", 0)
    where.clear()
    after = events()
    assert where == [main]  # all passages in one read at the end
    assert beside == after and beside[0][0][0] == "Violent demonstration"


def test_articles_stream_through_in_chunks_with_the_encoder_s_work_on_the_worker(monkeypatch):
    """events.STREAM: the articles go through in chunks of STREAM_CHUNK; each chunk's decider
    pass and passage re-read run on the worker thread, the next chunk is screened and parsed
    while the last one's passages are read, and the events are those of one pass over all."""
    import threading

    monkeypatch.setenv("SITREP_THREADS", "2")
    monkeypatch.setattr(E, "STREAM", 1)  # off by default (docs/speed.md); on for measuring
    monkeypatch.setattr(E, "STREAM_CHUNK", 2)
    monkeypatch.setattr(E, "SPAN_CHUNK", 2)
    passage, table = _PASSAGE, _PASSAGE_TABLE
    log: list[tuple[str, int, str]] = []

    class _Logged(_Table):
        def decide(self, texts):
            log.append(("passages" if passage in texts else "first pass", threading.get_ident(), ""))
            return self.probabilities(texts)

    drafts = E._article_drafts

    def logged_drafts(st, *a):
        log.append(("drafts", threading.get_ident(), st.article.id))
        return drafts(st, *a)

    monkeypatch.setattr(E, "_article_drafts", logged_drafts)
    arts = [Article(id=str(i), text=passage, published=PUB) for i in range(5)]

    def events():
        return _coded(E.extract(arts, typer=_Logged(table)))

    streamed = events()
    main = threading.get_ident()
    kinds = [k for k, _, _ in log]
    assert kinds.count("first pass") == 3 and kinds.count("passages") == 3  # chunks of 2, 2, 1
    assert all(t != main for k, t, _ in log if k != "drafts")
    assert all(t == main for k, t, _ in log if k == "drafts")
    # the second chunk's first pass comes after the first chunk's drafts
    assert kinds.index("first pass", 1) > max(i for i, (k, _, a) in enumerate(log) if a in ("0", "1"))
    monkeypatch.setattr(E, "STREAM", 0)
    monkeypatch.setattr(E, "OVERLAP", 0)  # one after the other, all at once
    log.clear()
    together = events()
    assert {t for _, t, _ in log} == {main}
    assert streamed == together and streamed[0][0][0] == "Violent demonstration"


def test_a_candidate_sentence_s_date_is_found_once(monkeypatch):
    """surely_history finds each candidate's own date; the drafting pass reads it from there."""
    _candidates_like(monkeypatch)
    seen: list[str] = []
    find = E._sentence_date

    def counting(s, *a, **k):
        seen.append(s.text)
        return find(s, *a, **k)

    monkeypatch.setattr(E, "_sentence_date", counting)
    unsure = {"none": 0.4, "Attack": 0.5, "Armed clash": 0.1}
    [evs] = E.extract([_article(_NEWS, _GOES_ON)], typer=_Deciding({_NEWS: unsure, _GOES_ON: unsure}))
    assert sorted(seen) == sorted([_NEWS, _GOES_ON]) and evs
