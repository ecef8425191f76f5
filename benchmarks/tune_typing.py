"""Tune how the decider's probabilities become events, on the real TUNE split only.

For each setting (the decider's "none" veto with and without a surviving cue word, the
screen's pass thresholds, the rules' least weight), runs the pipeline on a sample of the ACLED
tune split and on the Guardian articles of the tune period, and prints: ACLED detection,
event-type accuracy and sub-event weighted F1; Guardian precision, recall and the analysis
articles that stay silent. The report split is never read here (docs/evaluation.md).

    .venv/bin/python benchmarks/tune_typing.py --acled ../shared/data/real/acled_notes.csv.gz \
        --sample 1500 --guardian dev/guardian_tune.jsonl dev/guardian_tune_b.jsonl dev/guardian_tune_c.jsonl dev/guardian_tune_d.jsonl

The decider's outputs are memoised per sentence, so a grid costs little more than one run.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import sitrep.extract.events as events
import sitrep.pipeline as pipeline
from sitrep.evaluate import _load, eval_articles
from sitrep.evaluate_real import AcledSelection, attach_texts, eval_acled
from sitrep.extract.learned import get_typer


class Memo:
    """The active typer with its answers cached by sentence."""

    def __init__(self, typer):
        self.typer = typer
        self.screened: dict[str, dict] = {}
        self.decided: dict[str, dict] = {}

    def _cached(self, cache: dict, fn, texts: list[str]) -> list[dict]:
        todo = sorted({t for t in texts if t not in cache})
        for t, p in zip(todo, fn(todo)):
            cache[t] = p
        return [cache[t] for t in texts]

    def probabilities(self, texts):
        return self._cached(self.screened, self.typer.probabilities, texts)

    def decide(self, texts):
        return self._cached(self.decided, self.typer.decide, texts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--acled", required=True)
    ap.add_argument("--sample", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--guardian", nargs="*", default=[])
    ap.add_argument("--grid", default='{"veto": [0.6], "veto_cue": [0.6, 0.75, 0.9]}',
                    help="JSON: tuning key -> values (veto, veto_cue, alpha, screen_pass, screen_cue_pass, retype)")
    args = ap.parse_args()
    memo = Memo(get_typer())
    grid = json.loads(args.grid)
    keys = sorted(grid)
    guardian = []
    for f in args.guardian:
        recs, _ = attach_texts(_load(Path(f)), f, split="tune")
        guardian += recs
    print("setting | acled detect type subF1 | date fatalities admin1 actor1 | guardian P R F1 analysis-clean date")
    for values in itertools.product(*(grid[k] for k in keys)):
        setting = dict(zip(keys, values))
        tuning = {k: v for k, v in setting.items() if k not in ("screen_pass", "screen_cue_pass")}
        events.SCREEN_PASS = setting.get("screen_pass", 0.6)
        events.SCREEN_CUE_PASS = setting.get("screen_cue_pass", 0.9)
        pipeline.process = lambda arts, t=tuning: events.extract(arts, typer=memo, tuning=t)
        a = eval_acled(args.acled, AcledSelection(split="tune", sample=args.sample, seed=args.seed),
                       show_progress=False)
        f = a["fields"]
        line = (f"{json.dumps(setting)} | {a['detection']['value']:.3f} {a['event_type_accuracy']['value']:.3f} "
                f"{a['sub_event_type_weighted_f1']['value']:.3f} | "
                + " ".join(f"{f[k]['value']:.3f}" for k in ("event_date", "fatalities", "admin1", "actor1")))
        if guardian:
            g = eval_articles(guardian)
            d = g["detection"]
            line += (f" | {d['precision']:.3f} {d['recall']:.3f} {d['f1']:.3f} {g['no_event_articles_clean']}"
                     f" date {g['accuracy'].get('event_date')}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
