"""Throughput: sitrep's whole pipeline against spaCy's bare parse of the same texts.

Both run in this one process over the same articles (the gold corpus and the samples,
repeated to --articles), after both models are loaded. Prints articles/second for each, their
ratio (target >= 1.0), the ratio of their CPU times and each one's CPU seconds, the peak
memory and the load averages before and after (the machine may be shared). Reports the median of --runs runs.
--stages adds where sitrep's CPU time goes (CPU seconds per stage, medians of the runs): on a
shared machine these, not the wall-clock ratio, tell whether a change made the pipeline cheaper.

    .venv/bin/python benchmarks/throughput.py [--articles 400] [--runs 3] [--stages]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import time
from collections import Counter
from pathlib import Path

import spacy

from sitrep.ingest import read_inputs
from sitrep.model import Article
from sitrep.nlp import MODEL_NAME
from sitrep.pipeline import process

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int) -> list[Article]:
    base: list[Article] = []
    for line in (ROOT / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        base.append(Article(id=r["id"], text=r["text"], title=r["title"],
                            published=dt.date.fromisoformat(r["published"])))
    for item in read_inputs([str(ROOT / "samples")], published=dt.date(2019, 7, 9)):
        if isinstance(item, Article):
            base.append(item)
    out = []
    i = 0
    while len(out) < n:
        a = base[i % len(base)]
        out.append(Article(id=f"{a.id}-{i}", text=a.text, title=a.title, published=a.published))
        i += 1
    return out


# (module, attribute, stage): the pipeline's stages, timed by wrapping the functions that run them
STAGES = [
    ("sitrep.extract.events", "split_sentences", "sentence splitting"),
    ("sitrep.extract.learned", "SentenceTyper.probabilities", "screen (TF-IDF, every sentence)"),
    ("sitrep.extract.learned", "SentenceTyper.decide", "decider (TF-IDF + encoder), both passes"),
    ("sitrep.extract.encoder", "SentenceEncoder.encode", "  of which the encoder"),
    ("sitrep.extract.events", "parse_sentences", "spaCy parse of the candidates"),
    ("sitrep.extract.events", "_article_drafts", "drafts (places, actors, dates, counts)"),
    ("sitrep.extract.events", "_retype_by_span", "passage re-read (decider included)"),
    ("sitrep.extract.events", "_article_events", "events (fields, notes)"),
]


def instrument(spent: Counter) -> None:
    """Wrap each stage's function so that its CPU time (all threads) adds to spent[stage]."""
    import importlib

    for module, attr, stage in STAGES:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        fn = getattr(owner, name)

        def timed(*a, _fn=fn, _stage=stage, **k):
            c = time.process_time()
            try:
                out = _fn(*a, **k)
                if _stage.startswith("spaCy"):
                    out = iter(list(out))  # a generator: time the parse, not its consumer
                return out
            finally:
                spent[_stage] += time.process_time() - c

        setattr(owner, name, timed)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--stages", action="store_true", help="CPU seconds per pipeline stage")
    args = ap.parse_args()
    spent: Counter = Counter()
    per_run: list[Counter] = []
    if args.stages:
        instrument(spent)
    articles = corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(MODEL_NAME)
    process(articles[:5])  # load sitrep's model, gazetteer and dictionaries
    list(bare.pipe(texts[:5]))
    load_before = os.getloadavg()
    ours, theirs, cpu_ratios, cpu_ours, cpu_theirs = [], [], [], [], []
    for _ in range(args.runs):
        spent.clear()
        t, c = time.perf_counter(), time.process_time()
        events = process(articles)
        per_run.append(Counter(spent))
        ours.append(len(articles) / (time.perf_counter() - t))
        ours_cpu = time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        for _doc in bare.pipe(texts, batch_size=64):
            pass
        theirs.append(len(articles) / (time.perf_counter() - t))
        theirs_cpu = time.process_time() - c
        cpu_ratios.append(theirs_cpu / ours_cpu)
        cpu_ours.append(ours_cpu)
        cpu_theirs.append(theirs_cpu)
    o, s = statistics.median(ours), statistics.median(theirs)
    wall_ratios = [a / b for a, b in zip(ours, theirs)]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the corpus repeats its 68 distinct articles: a cache keyed on a text gets hits from copies that
    # a batch of distinct articles would not give (docs/speed.md, session 39): measure caches on distinct ones
    print(f"articles: {len(articles)} ({len(set(texts))} distinct, {words} words), runs: {args.runs}, "
          f"events: {sum(map(len, events))}")
    print(f"sitrep pipeline : {o:8.1f} articles/s (median; runs {', '.join(f'{x:.1f}' for x in ours)})")
    print(f"spaCy nlp.pipe  : {s:8.1f} articles/s (median; runs {', '.join(f'{x:.1f}' for x in theirs)})")
    print(f"ratio           : {statistics.median(wall_ratios):8.2f} (median of the runs' ratios "
          f"{', '.join(f'{x:.2f}' for x in wall_ratios)}; target >= 1.0)")
    print(f"ratio, CPU time : {statistics.median(cpu_ratios):8.2f} (median; steadier on a shared machine)")
    print(f"CPU seconds     : sitrep {statistics.median(cpu_ours):.1f}, spaCy {statistics.median(cpu_theirs):.1f} "
          "(medians; compare sitrep's own before and after a change when spaCy's varies with the load)")
    if args.stages:
        print("sitrep CPU seconds by stage (median of the runs):")
        for _, _, stage in STAGES:
            print(f"  {stage:42s} {statistics.median(r[stage] for r in per_run):6.2f}")
    print(f"peak memory     : {peak:8.0f} MB")
    print(f"load averages   : {' '.join(f'{x:.1f}' for x in load_before)} before, "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} after (1, 5, 15 minutes)")


if __name__ == "__main__":
    main()
