"""`sitrep eval`: score extraction and geoparsing against gold files.

Gold formats (detected from the records; docs/evaluation.md documents them):
- articles: {id, text, published, ..., events: [ACLED fields]} -> event detection P/R/F1 and
  field accuracy on matched events;
- sentences: {id, text, published, event_type, sub_event_type, ...} -> type accuracy and
  support-weighted F1 over the sub-event types; negatives (type null) must yield no event;
- places: {text, mention, start, end, latitude, longitude, admin1, is_event_location} ->
  resolution within 25/161 km, admin1 accuracy, event-location choice;
- event-location sentences (a JSON array with `spans` of VERB/LOCATION, Halterman 2019) ->
  accuracy of choosing the event's location mention;
- article labels: {id, source_file, published, kind, events} without text -> the texts are read
  from the licensed real-data folder (sitrep.evaluate_real) and scored as articles, events
  marked "required": false being optional.
ACLED exports and IndiaPoliceEvents are scored by sitrep.evaluate_real.

Matching rule for articles: within one article, a predicted and a gold event may pair when they
have the same event type and dates within the tolerance of the looser time precision (1, 7 or
31 days), or when the prediction was read from the passage the gold event's evidence offsets
point to; pairs are taken greedily by a score (same passage 3, same sub-type 3, same type 2,
date within tolerance 2, same admin1 1, location within 25 km 1). Every gold and predicted event
pairs at most once; unpaired gold events are misses, unpaired predictions false alarms.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.geo.gazetteer import admin1_code
from sitrep.geo.resolve import distance_km
from sitrep.model import SUB_EVENT_TYPES, Article, Event

TOLERANCE_DAYS = {1: 1, 2: 7, 3: 31}


def _load(path: Path) -> list[dict]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith((".json", ".jsonl")) and "MACOSX" not in n)
            raw = zf.read(name).decode("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    raw = raw.strip()
    if raw.startswith("["):
        return json.loads(raw)
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def detect_kind(records: list[dict]) -> str:
    first = records[0] if records else {}
    if "cluster" in first:
        return "fusion"
    if "events" in first and "text" not in first and "source_file" in first:
        return "article_labels"  # labels of licensed articles kept outside the repository
    if "events" in first and "text" not in first and "input" in first:
        return "input_labels"  # labels of input files (text, HTML, JSONL, feeds) beside the gold file
    if "events" in first:
        return "articles"
    if "mention" in first:
        return "places"
    if "spans" in first:
        return "event_location"
    if "sub_event_type" in first:
        return "sentences"
    raise ValueError("unknown gold format: expected articles (events), sentences, places or spans")


def evaluate_file(path: Path, show_errors: int = 0, real_dir: Path | str | None = None,
                  split: str = "all") -> dict[str, Any]:
    """Score one gold file. `real_dir` (article labels: where the licensed texts are) and
    `split` (tune|report|all: article labels by publication date) apply to article labels."""
    records = _load(path)
    kind = detect_kind(records)
    if kind == "article_labels":
        from sitrep.evaluate_real import attach_texts

        records, info = attach_texts(records, path, real_dir=real_dir, split=split)
        report = eval_articles(records, show_errors)
        report = {**info, **report}
    elif kind == "input_labels":
        report = eval_articles(read_labelled_inputs(records, path), show_errors)
    else:
        fn = {"articles": eval_articles, "sentences": eval_sentences, "places": eval_places,
              "event_location": eval_event_location, "fusion": eval_fusion}[kind]
        report = fn(records, show_errors)
    report["file"] = str(path)
    report["kind"] = kind
    return report


def read_labelled_inputs(records: list[dict], path: Path) -> list[dict]:
    """Labels of input files ({input, id?, published?, kind, events}) -> article records, each
    input read as `sitrep ingest` reads it (plain text, an HTML page, JSONL records, a feed),
    its path taken from the gold file's folder. `id` picks one article of an input that holds
    several; `published` is the date given on the command line for inputs that carry none."""
    from sitrep.ingest import InputError, read_inputs

    out = []
    for n, rec in enumerate(records, 1):
        where = f"{path}: line {n}"
        name = path.parent / str(rec.get("input") or "")
        if not rec.get("input") or not name.is_file():
            raise ValueError(f"{where}: no input file {str(name)!r} (the path is read from the gold file's folder)")
        read = list(read_inputs([str(name)], published=_date(rec.get("published"))))
        errors = [str(a) for a in read if isinstance(a, InputError)]
        arts = [a for a in read if not isinstance(a, InputError)]
        if rec.get("id") is not None:
            arts = [a for a in arts if a.id == str(rec["id"])]
        if len(arts) != 1:
            why = "; ".join(errors) or (f"no article with id {rec.get('id')!r}" if rec.get("id") is not None
                                          else f"{len(arts)} articles: give the id of the one labelled")
            raise ValueError(f"{where}: {name}: {why}")
        out.append({**rec, "id": str(rec.get("id") or rec["input"]), "article": arts[0]})
    return out


# -- helpers -------------------------------------------------------------------------------
def _date(v: Any) -> dt.date | None:
    if not v:
        return None
    return dt.date.fromisoformat(str(v)[:10])


def _article(rec: dict) -> Article:
    if isinstance(rec.get("article"), Article):
        return rec["article"]  # read from an input file as `sitrep ingest` reads it
    return Article(id=str(rec.get("id")), text=rec["text"], title=rec.get("title") or "",
                   published=_date(rec.get("published")), source=rec.get("source") or "")


# ACLED's periods, and a unit named after one: "Military Forces of Somalia (2022-) Puntland
# Dervish Force" is compared as "Military Forces of Somalia".
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\).*$")


@lru_cache(maxsize=100_000)
def actor_same(gold: str, pred: str) -> bool:
    """Actors agree when their names match ignoring periods, or map to one dictionary entry."""
    g = _PERIOD.sub("", gold or "").strip().lower().replace(" of the ", " of ")
    p = _PERIOD.sub("", pred or "").strip().lower().replace(" of the ", " of ")
    if g == p:
        return True
    if not g or not p:
        return False
    qg, qp = _qualifier(g), _qualifier(p)
    if qg and qp and qg != qp:  # "Unidentified Armed Group (Iraq)" is not "... (Syria)"
        return False
    from rapidfuzz import fuzz

    if fuzz.ratio(g, p) >= 92:  # "Tehreek-i-Taliban" / "Tehreek-e-Taliban"
        return True
    from sitrep.extract.actors import get_dictionary

    d = get_dictionary()
    eg, ep = d.resolve_name(g), d.resolve_name(p)
    if eg is None or ep is None or eg.key != ep.key:
        return False
    # templated actors must also agree on the country
    cg = re.findall(r"\(([^)]*)\)|of (.+)$", g)
    cp = re.findall(r"\(([^)]*)\)|of (.+)$", p)
    return cg == cp or "{country}" not in eg.name


def _qualifier(name: str) -> str:
    """The country an ACLED actor name is qualified with: "Civilians (Kenya)", "Police Forces of Kenya"."""
    m = re.search(r"\(([^)]*)\)\s*$", name) or re.match(r"(?:military|police) forces of (.+)$", name)
    return m.group(1).strip() if m else ""


def _iso(rec: dict) -> str:
    return (rec.get("iso") or "").upper()


REPORT_EVIDENCE = ("event_type", "report")  # the spans that tell the event itself


def _same_passage(g: dict, p: dict) -> bool:
    """The prediction was read from the passage the gold event's evidence points to."""
    s, e = g.get("evidence_start"), g.get("evidence_end")
    if s is None or e is None:
        return False
    return any(ev.get("field") in REPORT_EVIDENCE and ev.get("start", e) < e and s < ev.get("end", s)
               for ev in p.get("evidence") or [])


def _pair_score(g: dict, p: dict) -> float | None:
    """How well a gold and a predicted event of one article agree, or None when they cannot be
    the same event: that needs the same event type on a date within tolerance, or the
    prediction read from the gold event's own passage."""
    gd, pd = _date(g.get("event_date")), _date(p.get("event_date"))
    tol = TOLERANCE_DAYS.get(max(g.get("time_precision") or 1, p.get("time_precision") or 1), 31)
    date_ok = bool(gd and pd and abs((gd - pd).days) <= tol)
    same_type = g.get("event_type") == p.get("event_type")
    same_passage = _same_passage(g, p)
    if not ((date_ok and same_type) or same_passage):
        return None
    same_sub = g.get("sub_event_type") == p.get("sub_event_type")
    score = 3.0 * same_sub + 2.0 * same_type + 2.0 * date_ok + 3.0 * same_passage
    if g.get("admin1") and admin1_code(_iso(g), g["admin1"]) == admin1_code(_iso(p) or _iso(g), p.get("admin1") or ""):
        score += 1
    if _within(g, p, 25):
        score += 1
    return score


def _within(g: dict, p: dict, km: float) -> bool:
    """Both records have coordinates (numbers, or numeric strings as in a CSV) within km."""
    try:
        a = (float(g["latitude"]), float(g["longitude"]))
        b = (float(p["latitude"]), float(p["longitude"]))
    except (KeyError, TypeError, ValueError):
        return False
    return distance_km(a, b) <= km


def match_events(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = _pair_score(g, p)
            if s is not None:
                pairs.append((s, i, j))
    pairs.sort(key=lambda t: -t[0])
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def weighted_f1(gold: list[str], pred: list[str], labels: list[str]) -> float:
    """Support-weighted F1 over `labels` (a missing prediction counts against recall)."""
    return weighted_f1_counts(Counter(zip(gold, pred)), labels)


def weighted_f1_counts(pairs: Counter, labels: list[str]) -> float:
    """weighted_f1 from a counter of (gold, predicted) label pairs (for streamed scoring)."""
    support: Counter = Counter()
    predicted: Counter = Counter()
    right: Counter = Counter()
    for (g, p), n in pairs.items():
        support[g] += n
        predicted[p] += n
        if g == p:
            right[g] += n
    total = sum(support[lab] for lab in labels)
    if not total:
        return 0.0
    score = 0.0
    for lab in labels:
        if not support[lab]:
            continue
        tp = right[lab]
        score += support[lab] * _prf(tp, predicted[lab] - tp, support[lab] - tp)["f1"]
    return round(score / total, 3)


def _run(records: list[dict]) -> list[list[Event]]:
    from sitrep.pipeline import process

    return process([_article(r) for r in records])


# -- articles ------------------------------------------------------------------------------
def field_checks(g: dict, p: dict) -> dict[str, bool]:
    """Field agreement of a paired gold and predicted event (the article measures)."""
    checks = {
        "event_type": g.get("event_type") == p.get("event_type"),
        "sub_event_type": g.get("sub_event_type") == p.get("sub_event_type"),
        "event_date": g.get("event_date") == p.get("event_date"),
        "admin1": admin1_code(_iso(g), g.get("admin1") or "") == admin1_code(_iso(p) or _iso(g), p.get("admin1") or ""),
        "country": (g.get("iso") or "").upper() == (p.get("iso") or "").upper(),
        "actor1": actor_same(g.get("actor1", ""), p.get("actor1", "")),
        "actor2": actor_same(g.get("actor2", ""), p.get("actor2", "")),
        "fatalities": int(g.get("fatalities") or 0) == int(p.get("fatalities") or 0),
    }
    if g.get("geo_precision") == 1 and g.get("latitude") is not None:
        checks["location_25km"] = _within(g, p, 25)
    return checks


def match_with_optional(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs with required gold events first, then the remaining predictions with optional
    ones ("required": false). Returns (required pairs, optional pairs), indices into gold/pred."""
    req = [i for i, g in enumerate(gold) if g.get("required", True) is not False]
    opt = [i for i, g in enumerate(gold) if g.get("required", True) is False]
    pairs = [(req[i], j) for i, j in match_events([gold[i] for i in req], pred)]
    used = {j for _, j in pairs}
    rest = [j for j in range(len(pred)) if j not in used]
    opt_pairs = [(opt[i], rest[j]) for i, j in match_events([gold[i] for i in opt], [pred[j] for j in rest])]
    return pairs, opt_pairs


def article_countries(rec: dict) -> set[str]:
    """The countries an article is about: its own "countries" (ISO2 codes) where the gold
    line gives them, else those of its coded events, required or optional (none for an
    article with no event coded: its events are false alarms anyway)."""
    given = rec.get("countries")
    if given:
        return {str(c).upper() for c in given}
    return {_iso(g) for g in rec.get("events") or [] if _iso(g)}


def eval_articles(records: list[dict], show_errors: int = 0) -> dict[str, Any]:
    """Detection and field accuracy on articles. Gold events marked "required": false are
    optional: a prediction paired with one is neither a hit nor a false alarm, and an unpaired
    one is no miss."""
    results = _run(records)
    tp = fp = fn = 0
    optional = optional_hit = 0
    fields = defaultdict(lambda: [0, 0])
    errors: list[str] = []
    no_event_articles = [0, 0]
    analysis = [0, 0]
    abroad = [0, 0]  # predicted events placed outside the article's countries, of those placed
    for rec, evs in zip(records, results):
        gold = rec.get("events") or []
        pred = [e.to_record() for e in evs]
        about = article_countries(rec)
        if about:
            for p in pred:
                if _iso(p):
                    abroad[1] += 1
                    if _iso(p) not in about:
                        abroad[0] += 1
                        if len(errors) < show_errors * 4:
                            errors.append(f"{rec['id']} placed abroad: {p.get('sub_event_type')} "
                                          f"{p.get('location')} ({_iso(p)}; the article is about {', '.join(sorted(about))})")
        if not [g for g in gold if g.get("required", True) is not False]:
            no_event_articles[0] += 1
            no_event_articles[1] += int(not pred)
        if rec.get("kind") == "analysis":
            analysis[0] += 1
            analysis[1] += int(not pred)
        pairs, opt_pairs = match_with_optional(gold, pred)
        n_req = sum(1 for g in gold if g.get("required", True) is not False)
        optional += len(gold) - n_req
        optional_hit += len(opt_pairs)
        tp += len(pairs)
        fp += len(pred) - len(pairs) - len(opt_pairs)
        fn += n_req - len(pairs)
        matched_g = {i for i, _ in pairs + opt_pairs}
        matched_p = {j for _, j in pairs + opt_pairs}
        for i, j in pairs:
            g, p = gold[i], pred[j]
            for k, ok in field_checks(g, p).items():
                fields[k][0] += int(ok)
                fields[k][1] += 1
                if not ok and len(errors) < show_errors * 4:
                    errors.append(f"{rec['id']} {k}: gold {g.get(k.replace('_25km', ''))!r} pred {p.get(k.replace('_25km', ''))!r}")
        for i, g in enumerate(gold):
            if i not in matched_g and g.get("required", True) is not False and len(errors) < show_errors * 4:
                errors.append(f"{rec['id']} missed: {g.get('sub_event_type')} {g.get('event_date')} {g.get('location')}")
        for j, p in enumerate(pred):
            if j not in matched_p and len(errors) < show_errors * 4:
                errors.append(f"{rec['id']} false alarm: {p.get('sub_event_type')} {p.get('event_date')} {p.get('location')}")
    report = {
        "articles": len(records),
        "gold_events": tp + fn,
        "predicted_events": tp + fp + optional_hit,
        "detection": _prf(tp, fp, fn),
        "accuracy": {k: round(v[0] / v[1], 3) if v[1] else None for k, v in fields.items()},
        "accuracy_n": {k: v[1] for k, v in fields.items()},
        "matched": tp,
        "no_event_articles_clean": f"{no_event_articles[1]}/{no_event_articles[0]}",
        "placed_outside_article_countries": f"{abroad[0]}/{abroad[1]}",
    }
    if optional:
        report["optional_events"] = optional
        report["optional_matched"] = optional_hit
    if analysis[0]:
        report["analysis_articles_no_event"] = f"{analysis[1]}/{analysis[0]}"
    if records:
        report["false_events_per_article"] = round(fp / len(records), 3)
    if show_errors:
        report["errors"] = errors
    return report


# -- sentences -----------------------------------------------------------------------------
def eval_sentences(records: list[dict], show_errors: int = 0) -> dict[str, Any]:
    results = _run(records)
    gold_sub, pred_sub, gold_type, pred_type = [], [], [], []
    neg_total = neg_clean = 0
    errors = []
    for rec, evs in zip(records, results):
        top = max(evs, key=lambda e: e.confidence) if evs else None
        if rec.get("sub_event_type") is None:
            neg_total += 1
            neg_clean += int(top is None)
            if top is not None and len(errors) < show_errors:
                errors.append(f"{rec['id']} negative coded as {top.sub_event_type}: {rec['text'][:100]}")
            continue
        gold_sub.append(rec["sub_event_type"])
        gold_type.append(rec["event_type"])
        pred_sub.append(top.sub_event_type if top else "")
        pred_type.append(top.event_type if top else "")
        if (top is None or top.sub_event_type != rec["sub_event_type"]) and len(errors) < show_errors:
            errors.append(f"{rec['id']} {rec['sub_event_type']} -> {top.sub_event_type if top else 'none'}: {rec['text'][:110]}")
    n = len(gold_sub)
    per_type = {}
    for sub in SUB_EVENT_TYPES:
        idx = [i for i, g in enumerate(gold_sub) if g == sub]
        if idx:
            per_type[sub] = round(sum(pred_sub[i] == sub for i in idx) / len(idx), 2)
    report = {
        "sentences": n,
        "negatives": neg_total,
        "sub_event_type_weighted_f1": weighted_f1(gold_sub, pred_sub, list(SUB_EVENT_TYPES)),
        "sub_event_type_accuracy": round(sum(g == p for g, p in zip(gold_sub, pred_sub)) / n, 3) if n else None,
        "event_type_accuracy": round(sum(g == p for g, p in zip(gold_type, pred_type)) / n, 3) if n else None,
        "event_type_weighted_f1": weighted_f1(gold_type, pred_type, sorted(set(SUB_EVENT_TYPES.values()))),
        "detected": round(sum(1 for p in pred_sub if p) / n, 3) if n else None,
        "negatives_rejected": round(neg_clean / neg_total, 3) if neg_total else None,
        "per_sub_event_type_recall": per_type,
    }
    if show_errors:
        report["errors"] = errors
    return report


# -- places --------------------------------------------------------------------------------
def eval_places(records: list[dict], show_errors: int = 0) -> dict[str, Any]:
    from sitrep.extract.actors import get_dictionary
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.geo.locate import (
        article_context,
        choose_event_place,
        find_mentions,
        resolve_mentions,
    )
    from sitrep.geo.resolve import resolve
    from sitrep.model import PlaceMention

    gaz = get_gazetteer()
    actors = get_dictionary()
    within25 = within161 = admin_ok = n = found = 0
    town_n = town_25 = 0
    errors = []
    by_text: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        by_text[rec["text"]].append(rec)
    loc_total = loc_ok = 0
    from sitrep.nlp import parse_sentences

    texts = list(by_text)
    for text, doc in zip(texts, parse_sentences(texts)):
        recs = by_text[text]
        context = article_context(text)
        # as the pipeline does: words of a named group ("Islamic State of Iraq and al-Sham") are no place
        blocked = [(a.start, a.end) for a in actors.find(text, context.focus()) if a.inter != 7 or len(a.text) > 3]
        mentions = find_mentions(text, gaz, doc=doc, blocked=blocked)
        resolve_mentions(mentions, context)
        for rec in recs:
            n += 1
            hit = next((m for m in mentions if m.start <= rec["start"] < m.end or rec["start"] <= m.start < rec["end"]), None)
            place = hit.place if hit else None
            if place is None:
                # the mention was not found in running text: resolve the gold span directly
                cands = gaz.lookup(rec["mention"])
                place = resolve(cands, rec["mention"], context)
            if place is None:
                if len(errors) < show_errors:
                    errors.append(f"{rec['id']} no candidate for {rec['mention']!r}")
                continue
            found += 1
            d = distance_km((rec["latitude"], rec["longitude"]), (place.latitude, place.longitude))
            if rec.get("feature") == "region" and place.feature == "admin1" and admin1_code(
                    rec["country"], rec.get("admin1") or "") == admin1_code(place.iso, place.admin1 or place.name):
                d = 0.0  # a province is where the text says; ACLED places it at the capital
            within25 += d <= 25
            within161 += d <= 161
            if rec.get("feature") in ("town", "city", "village"):
                town_n += 1
                town_25 += d <= 25
            ok_admin = admin1_code(rec["country"], rec.get("admin1") or "") == admin1_code(place.iso, place.admin1 or place.name)
            admin_ok += ok_admin
            if (d > 25 or not ok_admin) and len(errors) < show_errors:
                errors.append(f"{rec['id']} {rec['mention']!r}: gold {rec['name']} ({rec['country']}) -> {place.name} ({place.iso}, {place.admin1}) {d:.0f} km")
        gold_loc = [r for r in recs if r.get("is_event_location")]
        if gold_loc:
            loc_total += 1
            choice = choose_event_place([PlaceMention(m.text, m.start, m.end, m.place) for m in mentions], text,
                                        dateline=0)
            if choice and any(choice.start < r["end"] and r["start"] < choice.end for r in gold_loc):
                loc_ok += 1
    return {
        "mentions": n,
        "resolved": round(found / n, 3) if n else None,
        "within_25km": round(within25 / n, 3) if n else None,
        "within_161km": round(within161 / n, 3) if n else None,
        "towns_within_25km": round(town_25 / town_n, 3) if town_n else None,
        "admin1_accuracy": round(admin_ok / n, 3) if n else None,
        "event_location_accuracy": round(loc_ok / loc_total, 3) if loc_total else None,
        **({"errors": errors} if show_errors else {}),
    }


def eval_event_location(records: list[dict], show_errors: int = 0) -> dict[str, Any]:
    """Which mention is the event's location, on sentences with a labelled LOCATION."""
    from sitrep.extract.actors import get_dictionary
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.geo.locate import (
        article_context,
        choose_event_place,
        dateline_end,
        find_mentions,
        resolve_mentions,
    )

    gaz = get_gazetteer()
    actors = get_dictionary()
    total = ok = any_found = 0
    errors = []
    from sitrep.nlp import parse_sentences

    subset = [r for r in records if r.get("source") == "RELABEL"] or records
    docs = list(parse_sentences([r["text"] for r in subset]))
    for rec, doc in zip(subset, docs):
        text = rec["text"]
        locs = [_fix_span(text, s) for s in rec.get("spans", []) if s.get("label") == "LOCATION"]
        locs = [s for s in locs if s is not None]
        if not locs:
            continue
        total += 1
        context = article_context(text)
        # as the pipeline does: words of a named group ("Islamic State of Iraq and al-Sham") are no place
        blocked = [(a.start, a.end) for a in actors.find(text, context.focus()) if a.inter != 7 or len(a.text) > 3]
        mentions = find_mentions(text, gaz, doc=doc, blocked=blocked)
        resolve_mentions(mentions, context)
        if mentions:
            any_found += 1
        verb = next((s["start"] for s in rec.get("spans", []) if s.get("label") == "VERB"), None)
        choice = choose_event_place(mentions, text, dateline_end(text), anchor=verb)
        if choice and any(choice.start < s["end"] and s["start"] < choice.end for s in locs):
            ok += 1
        elif len(errors) < show_errors:
            errors.append(f"{text[:120]!r}: chose {choice.text if choice else None}, gold {[text[s['start']:s['end']] for s in locs]}")
    return {
        "sentences": total,
        "accuracy": round(ok / total, 3) if total else None,
        "with_any_mention": round(any_found / total, 3) if total else None,
        **({"errors": errors} if show_errors else {}),
    }


def _fix_span(text: str, span: dict) -> dict | None:
    """Some labelled spans carry token offsets in the character fields; trust their text."""
    want = span.get("text")
    if want is None or text[span["start"]:span["end"]] == want:
        return span if span["end"] > span["start"] else None
    at = text.find(want)
    return {"start": at, "end": at + len(want)} if at >= 0 else None


def eval_fusion(records: list[dict], show_errors: int = 0) -> dict[str, Any]:
    """Pairwise precision and recall of fusion: two reports are 'the same event' when the
    store attached both to one event; gold pairs share a cluster id."""
    import itertools
    import tempfile

    from sitrep.store import Store

    records = sorted(records, key=lambda r: (r.get("published") or "", r["id"]))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/fusion.db")
        for rec, found in zip(records, _run(records)):
            store.add(_article(rec), found, fuse=True)
        groups: dict[str, set[int]] = defaultdict(set)
        for ev in store.events():
            for src in ev["sources"]:
                groups[src["article_id"]].add(ev["id"])
        store.close()
    tp = fp = fn = 0
    errors = []
    for a, b in itertools.combinations(records, 2):
        gold = a["cluster"] == b["cluster"]
        pred = bool(groups[str(a["id"])] & groups[str(b["id"])])
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        if gold != pred and len(errors) < show_errors:
            errors.append(f"{'split' if gold else 'wrongly fused'}: {a['id']} ({a['cluster']}) / {b['id']} ({b['cluster']})")
    clusters = len({r["cluster"] for r in records})
    report = {"articles": len(records), "clusters": clusters,
              "articles_without_event": sum(1 for r in records if not groups[str(r["id"])]),
              "pairwise": _prf(tp, fp, fn)}
    if show_errors:
        report["errors"] = errors
    return report


def format_report(r: dict[str, Any]) -> str:
    lines = [f"{r['file']} ({r['kind']})"]
    for k, v in r.items():
        if k in ("file", "kind", "errors"):
            continue
        if isinstance(v, dict):
            lines.append(f"  {k}: " + ", ".join(f"{a}={b}" for a, b in v.items()))
        else:
            lines.append(f"  {k}: {v}")
    for e in r.get("errors", []):
        lines.append(f"    - {e}")
    return "\n".join(lines)
