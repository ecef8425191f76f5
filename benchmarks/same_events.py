"""Same events before and after a speed change: dump every field of every event, then compare.

Runs `sitrep.pipeline.process` over the gold articles, the samples, the synthetic dev articles
and (when the real-data folder is there) the Guardian tune articles, and writes one JSON line
per article with every field of every event (evidence included). With --against OLD it
compares the new dump with an old one and lists the articles whose events differ.

    .venv/bin/python benchmarks/same_events.py OUT.jsonl [--against OLD.jsonl] [--gold-only]
        [mod:ATTR=value ...]   (sets sitrep.<mod>.ATTR before the run, as /tmp/ana/evalp.py)
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import datetime as dt
import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ("articles.jsonl", "world.jsonl", "probe_riots.jsonl", "fusion.jsonl")
GUARDIAN = ("guardian_tune.jsonl", "guardian_tune_b.jsonl", "guardian_tune_c.jsonl", "guardian_tune_d.jsonl")


def _jsonl_articles(path: Path) -> list:
    from sitrep.model import Article

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if "text" not in r:
            continue
        pub = r.get("published") or "2020-01-01"
        out.append(Article(id=r["id"], text=r["text"], title=r.get("title", ""),
                           published=dt.date.fromisoformat(str(pub)[:10])))
    return out


def articles(gold_only: bool = False) -> list:
    from sitrep.ingest import read_inputs
    from sitrep.model import Article

    out = _jsonl_articles(ROOT / "gold" / "articles.jsonl")
    if gold_only:
        return out
    for item in read_inputs([str(ROOT / "samples")], published=dt.date(2019, 7, 9)):
        if isinstance(item, Article):
            out.append(item)
    for name in DEV:
        if (ROOT / "dev" / name).is_file():
            out.extend(_jsonl_articles(ROOT / "dev" / name))
    try:
        from sitrep.evaluate_real import attach_texts

        for name in GUARDIAN:
            recs = [json.loads(x) for x in (ROOT / "dev" / name).read_text(encoding="utf-8").splitlines()]
            found, _ = attach_texts(recs, ROOT / "dev" / name, split="tune")
            out.extend(Article(id=r["id"], text=r["text"], title="",
                               published=dt.date.fromisoformat(str(r["published"])[:10])) for r in found)
    except Exception as e:  # no real-data folder: the synthetic texts only
        print(f"guardian tune texts skipped: {e}", file=sys.stderr)
    seen, unique = set(), []
    for a in out:
        if a.id not in seen:
            seen.add(a.id)
            unique.append(a)
    return unique


def dump(arts: list) -> list[dict]:
    from sitrep.pipeline import process

    rows = []
    for a, evs in zip(arts, process(arts)):
        rows.append({"id": a.id, "events": [json.loads(json.dumps(dataclasses.asdict(e), default=str))
                                            for e in evs]})
    return rows


def set_switches(pairs: list[str]) -> None:
    for p in pairs:
        target, value = p.split("=", 1)
        mod, attr = target.split(":")
        try:
            v = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            v = value
        setattr(importlib.import_module(f"sitrep.{mod}"), attr, v)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--against")
    ap.add_argument("--gold-only", action="store_true")
    ap.add_argument("switches", nargs="*")
    args = ap.parse_args()
    set_switches(args.switches)
    rows = dump(articles(args.gold_only))
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, sort_keys=True) + "\n")
    n = sum(len(r["events"]) for r in rows)
    print(f"{len(rows)} articles, {n} events -> {args.out}")
    if args.against:
        old = {json.loads(x)["id"]: json.loads(x)["events"]
               for x in Path(args.against).read_text(encoding="utf-8").splitlines()}
        diff = [r["id"] for r in rows if old.get(r["id"]) != r["events"]]
        missing = set(old) - {r["id"] for r in rows}
        print(f"differ: {len(diff)} articles {diff[:20]}; missing: {len(missing)}")
        sys.exit(1 if diff or missing else 0)


if __name__ == "__main__":
    main()
