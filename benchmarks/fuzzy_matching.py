"""Fuzzy place matching: how often a misspelt place is found, and how often a non-place is
wrongly matched (the false-match rate), for `Gazetteer.fuzzy` within Iraq and Syria.

Positives: the gold place mentions of Iraq and Syria (gold/places.jsonl) with one random
letter dropped, doubled or changed; right when the match is within 25 km of the gold point.
Negatives: person names found by spaCy in the shared event-location sentences (names only,
no places), that have no exact gazetteer match; any fuzzy match is a false match.

    .venv/bin/python benchmarks/fuzzy_matching.py
"""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.names import name_key
from sitrep.geo.resolve import distance_km
from sitrep.nlp import parse_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "event_location" / "labeled_text.jsonl.zip"


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, max(2, len(word) - 1))
    op = rng.choice(["drop", "double", "change"])
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiouyhkl") + word[i + 1:]


def main() -> None:
    gaz = get_gazetteer()
    rng = random.Random(3)
    gold = [json.loads(x) for x in (ROOT / "gold" / "places.jsonl").read_text().splitlines()]
    gold = [g for g in gold if g["country"] in ("IQ", "SY") and len(name_key(g["mention"])) >= 5]
    ok = found = 0
    for g in gold:
        q = typo(g["mention"], rng)
        if gaz.lookup(q):
            ok += 1  # still an exact key after folding: the fold absorbed the typo
            found += 1
            continue
        cands = gaz.fuzzy(q, {g["country"]})
        if cands:
            found += 1
            best = max(cands, key=lambda p: p.population)
            ok += distance_km((g["latitude"], g["longitude"]), (best.latitude, best.longitude)) <= 25
    print(f"misspelt gold places (IQ/SY): {len(gold)}; matched {found / len(gold):.3f}; "
          f"right within 25 km {ok / len(gold):.3f}")
    with zipfile.ZipFile(SHARED) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".jsonl") and "MACOSX" not in n)
        records = json.loads(zf.read(name))
    texts = [r["text"] for r in records[:3000]]
    persons = set()
    for doc in parse_sentences(texts):
        for e in doc.ents:
            if e.label_ == "PERSON" and len(name_key(e.text)) >= 5:
                persons.add(e.text)
    negatives = [p for p in sorted(persons) if not gaz.lookup(p)]
    false = [p for p in negatives if gaz.fuzzy(p, {"IQ", "SY"})]
    print(f"person names with no exact match: {len(negatives)}; fuzzily matched to an Iraqi or "
          f"Syrian place: {len(false)} (false-match rate {len(false) / max(len(negatives), 1):.3f})")
    print("examples:", ", ".join(false[:10]))


if __name__ == "__main__":
    main()
