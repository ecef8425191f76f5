"""Choose how much the learned typer weighs against the cue rules, on the TRAINING data only.

K-fold: the typer is trained on k-1 folds and the whole pipeline runs on the held-out fold, for
each (alpha, veto) pair; prints the support-weighted sub-event F1 and negative rejection.
The gold sets are not used here (they stay held out for `sitrep eval`).

    .venv/bin/python benchmarks/tune_typing.py [--folds 4]
"""

from __future__ import annotations

import argparse
import random
import statistics

from sitrep.evaluate import weighted_f1
from sitrep.extract.events import extract
from sitrep.extract.learned import NONE, SentenceTyper, build_pipeline, load_training
from sitrep.model import SUB_EVENT_TYPES, Article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--alphas", default="0.3,0.4,0.5,0.6,0.7")
    ap.add_argument("--vetoes", default="0.6,0.75,0.9")
    ap.add_argument("--min-scores", default="1.4", help="least score for a sentence to start an event")
    args = ap.parse_args()
    texts, labels = load_training()
    idx = list(range(len(texts)))
    random.Random(7).shuffle(idx)
    folds = [idx[i::args.folds] for i in range(args.folds)]
    grid = [(float(a), float(v), float(m)) for a in args.alphas.split(",") for v in args.vetoes.split(",")
            for m in args.min_scores.split(",")]
    results: dict[tuple[float, float, float], list[tuple[float, float]]] = {g: [] for g in grid}
    for k, dev in enumerate(folds):
        dev_set = set(dev)
        train = [i for i in idx if i not in dev_set]
        pipe = build_pipeline()
        pipe.fit([texts[i] for i in train], [labels[i] for i in train])
        typer = SentenceTyper(pipe, list(pipe.classes_))
        arts = [Article(id=str(i), text=texts[i], published=None) for i in dev]
        for alpha, veto, min_score in grid:
            out = extract(arts, typer=typer, alpha=alpha, veto=veto, min_score=min_score)
            gold, pred, neg, neg_ok = [], [], 0, 0
            for i, evs in zip(dev, out):
                top = max(evs, key=lambda e: e.confidence).sub_event_type if evs else ""
                if labels[i] == NONE:
                    neg += 1
                    neg_ok += not evs
                else:
                    gold.append(labels[i])
                    pred.append(top)
            results[(alpha, veto, min_score)].append((weighted_f1(gold, pred, list(SUB_EVENT_TYPES)), neg_ok / max(neg, 1)))
        print(f"fold {k + 1}/{args.folds} done", flush=True)
    print("alpha veto  min-score  weighted-F1  negatives-rejected")
    for (alpha, veto, ms), rows in sorted(results.items(), key=lambda kv: -statistics.mean(r[0] for r in kv[1])):
        print(f"{alpha:5.2f} {veto:5.2f}  {ms:5.2f}      {statistics.mean(r[0] for r in rows):.3f}        "
              f"{statistics.mean(r[1] for r in rows):.3f}")


if __name__ == "__main__":
    main()
