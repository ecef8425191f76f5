"""`sitrep eval` on real data: ACLED exports, labels of licensed articles, IndiaPoliceEvents.

The real data is licensed (ACLED's terms, newspaper copyright): it is read from a folder outside
the repository (`--real-dir`, $SITREP_REAL_DIR, else ../shared/data/real) and only measured
against; no row, note or article text goes into the repository. docs/evaluation.md, "Real
data", documents the split, the commands and what is scored.

The split is defined here and nowhere else:
- ACLED rows: REPORT when the country is one of REPORT_COUNTRIES or the event date is on or
  after REPORT_SINCE; every other row is TUNE;
- labelled articles (Guardian): published before ARTICLES_REPORT_FROM = tune, from it = report;
- Times of India (IndiaPoliceEvents): dated up to INDIA_TUNE_UNTIL = tune, later = report.

Scoring is kept apart from running the pipeline (`AcledScorer.add(row, predictions)`,
`score_india(docs, predictions)`) so that it can be tested on given predictions.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.evaluate import _prf, _within, actor_same, weighted_f1_counts
from sitrep.model import EVENT_TYPES, SUB_EVENT_TYPES, Article

# -- the split -------------------------------------------------------------------------------
REPORT_COUNTRIES = frozenset({
    "Iraq", "Syria", "Yemen", "Afghanistan", "Nigeria", "Mali", "Democratic Republic of Congo",
    "Colombia", "Mexico", "Ethiopia",
})
REPORT_SINCE = dt.date(2025, 1, 1)
ARTICLES_REPORT_FROM = dt.date(2018, 9, 1)
INDIA_TUNE_UNTIL = dt.date(2002, 3, 15)
SPLITS = ("tune", "report", "all")

# ACLED codes an event from reports of the following days; a week is the usual lag.
PUBLICATION_LAG_DAYS = 7
BATCH_SIZE = 256
MIN_COUNTRY_ROWS = 20

# Pre-2019 ACLED event types -> the current event types they correspond to. "Riots/Protests"
# covers both current types, so either counts as right; no sub-event type is scored.
LEGACY_EVENT_TYPES: dict[str, frozenset[str]] = {
    "riots/protests": frozenset({"Protests", "Riots"}),
    "battle-no change of territory": frozenset({"Battles"}),
    "battle-government regains territory": frozenset({"Battles"}),
    "battle-non-state actor overtakes territory": frozenset({"Battles"}),
    "battle-non-state actors overtake territory": frozenset({"Battles"}),
    "violence against civilians": frozenset({"Violence against civilians"}),
    "remote violence": frozenset({"Explosions/Remote violence"}),
    "strategic development": frozenset({"Strategic developments"}),
    "non-violent transfer of territory": frozenset({"Strategic developments"}),
    "headquarters or base established": frozenset({"Strategic developments"}),
}


class RealDataError(ValueError):
    """A missing or malformed real-data input; the message is one line naming it."""


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def split_of_acled(country: str, event_date: Any) -> str:
    """'report' for REPORT_COUNTRIES and for events from REPORT_SINCE on, else 'tune'."""
    if (country or "").strip() in REPORT_COUNTRIES:
        return "report"
    d = _as_date(event_date)
    return "report" if d is not None and d >= REPORT_SINCE else "tune"


def split_of_article(published: Any) -> str:
    """Labelled articles (Guardian): before ARTICLES_REPORT_FROM tune, from it report (undated: report)."""
    d = _as_date(published)
    return "tune" if d is not None and d < ARTICLES_REPORT_FROM else "report"


split_of_guardian = split_of_article


def split_of_india(date: Any) -> str:
    """Times of India documents: dated up to INDIA_TUNE_UNTIL tune, later report (undated: report)."""
    d = _as_date(date)
    return "tune" if d is not None and d <= INDIA_TUNE_UNTIL else "report"


def _check_split(split: str) -> str:
    if split not in SPLITS:
        raise RealDataError(f"unknown split {split!r}: use tune, report or all")
    return split


# -- where the real data is ----------------------------------------------------------------
def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def default_real_dir() -> Path:
    """$SITREP_REAL_DIR, else ../shared/data/real next to the repository."""
    env = os.environ.get("SITREP_REAL_DIR")
    if env:
        return Path(env)
    return (repo_root().parent / "shared" / "data" / "real").resolve()


# -- small helpers --------------------------------------------------------------------------
def _fig(ok: int, n: int) -> dict[str, Any]:
    return {"value": round(ok / n, 3) if n else None, "n": n}


def _int(value: Any) -> int | None:
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        return None


def _top(preds: list[dict]) -> dict | None:
    """The prediction with the highest confidence (ties: the first)."""
    best = None
    for p in preds:
        if best is None or (p.get("confidence") or 0) > (best.get("confidence") or 0):
            best = p
    return best


# ACLED's spellings that are neither the gazetteer's country names nor words of
# data/countries.yaml (which are matched in article text, where "Jersey" would mislead)
_ACLED_SPELLINGS = {"bailiwick of guernsey": "GG", "bailiwick of jersey": "JE", "macedonia": "MK",
                    "the gambia": "GM"}


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    from sitrep.geo.gazetteer import ACLED_COUNTRY_NAMES, get_gazetteer
    from sitrep.geo.locate import demonyms

    index: dict[str, str] = {}
    for iso, row in get_gazetteer().countries.items():
        index[_fold(row[0])] = iso
    for iso, name in ACLED_COUNTRY_NAMES.items():
        index[_fold(name)] = iso
    for word, iso in demonyms().items():  # country names and their words (data/countries.yaml)
        index.setdefault(_fold(word), iso)
    for name, iso in _ACLED_SPELLINGS.items():
        index.setdefault(_fold(name), iso)
    return index


def _fold(name: str) -> str:
    from sitrep.geo.names import plain_name

    return re.sub(r"[^a-z]+", " ", plain_name(name or "").lower()).strip()


def country_iso(name: str) -> str:
    """An ACLED country name -> ISO2 ("" when unknown)."""
    if len(name or "") == 2 and name.isupper():
        return name
    return _country_index().get(_fold(name), "")


@lru_cache(maxsize=200_000)
def _admin1(iso: str, name: str) -> str:
    from sitrep.geo.gazetteer import admin1_code

    return admin1_code(iso, name)


@lru_cache(maxsize=200_000)
def _admin1_agrees(iso: str, reference: str, piso: str, name: str) -> bool:
    """The same unit; or a part of the unit an older ACLED row names whole ("Shan" for what
    ACLED now divides into Shan-North, -South and -East)."""
    from sitrep.geo.gazetteer import admin1_matches

    if _admin1(iso, reference) == _admin1(piso, name):
        return True
    return piso == iso and admin1_matches(iso, reference, name)


# -- running the pipeline ---------------------------------------------------------------------
def _progress(label: str, total: int | None, show: bool):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    progress = Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, disable=not show or not console.is_terminal, transient=False)
    return progress


def run_pipeline(items: Iterable[tuple[Any, Article]], label: str = "eval", total: int | None = None,
                 show_progress: bool = True, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Any, list[dict]]]:
    """(key, article) pairs -> (key, predicted event records), in batches, with a progress bar."""
    from sitrep.pipeline import batched, process

    progress = _progress(label, total, show_progress)
    with progress:
        task = progress.add_task(label, total=total)
        for batch in batched(items, batch_size):
            results = process([a for _, a in batch])
            for (key, _), found in zip(batch, results):
                yield key, [e.to_record() for e in found]
            progress.update(task, advance=len(batch))


# -- ACLED exports ----------------------------------------------------------------------------
def _open_text(path: Path):
    if not path.exists():
        raise RealDataError(f"{path}: no such file")
    if path.is_dir():
        raise RealDataError(f"{path}: a folder, not an ACLED export (.csv or .csv.gz)")
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
    raw = gzip.open(path, "rb") if gz else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def read_acled(path: Path) -> Iterator[dict[str, str]]:
    """Stream the rows of an ACLED export (.csv or .csv.gz); a clear error without a notes column."""
    path = Path(path)
    csv.field_size_limit(10_000_000)
    with _open_text(path) as fh:
        try:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error, OSError) as exc:
            raise RealDataError(f"{path}: not a readable CSV ({exc.__class__.__name__})") from None
        if "notes" not in header:
            raise RealDataError(f"{path}: not an ACLED export: no 'notes' column "
                                f"(columns: {', '.join(header[:8]) or 'none'}{'...' if len(header) > 8 else ''})")
        if "event_type" not in header:
            raise RealDataError(f"{path}: not an ACLED export: no 'event_type' column")
        try:
            yield from reader
        except (UnicodeDecodeError, csv.Error, OSError, EOFError) as exc:
            raise RealDataError(f"{path}: unreadable at line {reader.line_num} ({exc.__class__.__name__}: {exc})") from None


@dataclass
class AcledSelection:
    countries: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    split: str = "all"
    sample: int | None = None
    seed: int = 0
    limit: int | None = None

    def describe(self) -> dict[str, Any]:
        return {"split": self.split, "countries": self.countries or None,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "sample": self.sample, "seed": self.seed if self.sample else None, "limit": self.limit}


def select_rows(rows: Iterable[dict[str, str]], sel: AcledSelection, stats: Counter) -> Iterator[tuple[int, dict]]:
    """Filter (country, dates, split), skip empty notes, then sample and limit. Yields
    (row number, row); stats counts rows read, skipped and selected."""
    _check_split(sel.split)
    wanted = {c.strip().lower() for c in sel.countries}
    wanted_iso = {c.strip().upper() for c in sel.countries if len(c.strip()) == 2}

    def filtered() -> Iterator[tuple[int, dict]]:
        for n, row in enumerate(rows, start=1):
            stats["rows_read"] += 1
            country = (row.get("country") or "").strip()
            if wanted and country.lower() not in wanted and country_iso(country) not in wanted_iso:
                continue
            d = _as_date(row.get("event_date"))
            if sel.since and (d is None or d < sel.since):
                continue
            if sel.until and (d is None or d > sel.until):
                continue
            if sel.split != "all" and split_of_acled(country, row.get("event_date")) != sel.split:
                continue
            if not (row.get("notes") or "").strip():
                stats["rows_empty_notes"] += 1
                continue
            stats["rows_selected"] += 1
            yield n, row

    stream = filtered()
    if sel.sample:
        rng = random.Random(sel.seed)
        reservoir: list[tuple[int, dict]] = []
        for i, item in enumerate(stream):
            if i < sel.sample:
                reservoir.append(item)
            else:
                j = rng.randint(0, i)
                if j < sel.sample:
                    reservoir[j] = item
        reservoir.sort(key=lambda t: t[0])
        stream = iter(reservoir)
    for i, item in enumerate(stream):
        if sel.limit is not None and i >= sel.limit:
            break
        yield item


def acled_article(row: dict[str, str], number: int) -> Article:
    """The Article for one ACLED row: the notes, published a week after the event, no country hint."""
    d = _as_date(row.get("event_date"))
    return Article(id=(row.get("event_id_cnty") or "").strip() or f"row-{number}", text=row["notes"],
                   published=d + dt.timedelta(days=PUBLICATION_LAG_DAYS) if d else None,
                   source=(row.get("source") or "").strip())


def acled_field_checks(row: dict[str, str], p: dict) -> dict[str, bool]:
    """Each field of the top predicted event against the row's coding (fields the row lacks are
    not scored)."""
    iso = country_iso(row.get("country") or "")
    piso = (p.get("iso") or "").upper()
    checks: dict[str, bool] = {}
    if iso:
        checks["country"] = piso == iso
    if (row.get("admin1") or "").strip():
        checks["admin1"] = _admin1_agrees(iso, row["admin1"].strip(), piso or iso, p.get("admin1") or "")
    gp = _int(row.get("geo_precision"))
    if gp in (1, 2) and _float(row.get("latitude")) is not None and _float(row.get("longitude")) is not None:
        checks["location_25km"] = _within(row, p, 25)
    if gp is not None:
        checks["geo_precision"] = p.get("geo_precision") == gp
    fat = _int(row.get("fatalities"))
    if fat is not None:
        checks["fatalities"] = int(p.get("fatalities") or 0) == fat
    if _as_date(row.get("event_date")):
        checks["event_date"] = p.get("event_date") == _as_date(row["event_date"]).isoformat()
    tp = _int(row.get("time_precision"))
    if tp is not None:
        checks["time_precision"] = p.get("time_precision") == tp
    a1 = (row.get("actor1") or "").strip()
    if a1:
        checks["actor1"] = actor_same(a1, p.get("actor1") or "")
    a2 = (row.get("actor2") or "").strip()
    i1, i2 = _int(row.get("inter1")), _int(row.get("inter2"))
    if a2 or i2 == 0:  # an empty actor2 is only known to be empty where inter2 says 0
        checks["actor2"] = actor_same(a2, p.get("actor2") or "")
    if i1 is not None:
        checks["inter1"] = (p.get("inter1") or 0) == i1
    if i2 is not None:
        checks["inter2"] = (p.get("inter2") or 0) == i2
    return checks


FIELD_ORDER = ["country", "admin1", "location_25km", "geo_precision", "event_date", "time_precision",
               "fatalities", "actor1", "actor2", "inter1", "inter2"]
_COUNTRY_FIELDS = ["admin1", "location_25km", "fatalities", "actor1"]


class AcledScorer:
    """Counters only: add one row and its predictions at a time, then `report()`."""

    def __init__(self, show_errors: int = 0):
        self.show_errors = show_errors
        self.rows = 0
        self.detected = 0
        self.type_ok = self.type_n = 0
        self.type_pairs: Counter = Counter()
        self.sub_pairs: Counter = Counter()
        self.legacy_rows = self.unmapped_rows = 0
        self.fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.country: dict[str, dict[str, Any]] = defaultdict(
            lambda: {"rows": 0, "detected": 0, "type": [0, 0], "sub": Counter(),
                     "fields": defaultdict(lambda: [0, 0])})
        self.errors: dict[str, list[str]] = defaultdict(list)

    def _error(self, kind: str, msg: str) -> None:
        if len(self.errors[kind]) < self.show_errors:
            self.errors[kind].append(msg)

    def add(self, row: dict[str, str], preds: list[dict], row_id: str = "") -> None:
        row_id = row_id or (row.get("event_id_cnty") or "").strip() or "?"
        country = (row.get("country") or "").strip() or "(none)"
        c = self.country[country]
        self.rows += 1
        c["rows"] += 1
        top = _top(preds)
        pt = top.get("event_type", "") if top else ""
        ps = top.get("sub_event_type", "") if top else ""
        if top is not None:
            self.detected += 1
            c["detected"] += 1
        else:
            self._error("missed", f"{row_id} ({country}) {row.get('sub_event_type') or row.get('event_type')}: "
                        f"{(row.get('notes') or '')[:120]}")
        gold_type = (row.get("event_type") or "").strip()
        gold_sub = (row.get("sub_event_type") or "").strip()
        if gold_sub in SUB_EVENT_TYPES and gold_type in EVENT_TYPES:
            ok = pt == gold_type
            self.type_pairs[(gold_type, pt)] += 1
            self.sub_pairs[(gold_sub, ps)] += 1
            c["sub"][(gold_sub, ps)] += 1
            if top is not None and ps != gold_sub:
                self._error("sub_event_type", f"{row_id} ({country}) {gold_sub} -> {ps}: "
                            f"{(row.get('notes') or '')[:120]}")
        elif gold_type.lower() in LEGACY_EVENT_TYPES or gold_type in EVENT_TYPES:
            # the old taxonomy (or a row without a sub-event type): event type only, mapped
            self.legacy_rows += 1
            ok = pt in LEGACY_EVENT_TYPES.get(gold_type.lower(), frozenset({gold_type}))
        else:
            self.unmapped_rows += 1
            ok = None
        if ok is not None:
            self.type_ok += int(ok)
            self.type_n += 1
            c["type"][0] += int(ok)
            c["type"][1] += 1
        if top is None:
            return
        for name, good in acled_field_checks(row, top).items():
            self.fields[name][0] += int(good)
            self.fields[name][1] += 1
            if name in _COUNTRY_FIELDS:
                c["fields"][name][0] += int(good)
                c["fields"][name][1] += 1
            if not good:
                gold = {"location_25km": f"{row.get('location')} ({row.get('latitude')}, {row.get('longitude')})"}.get(
                    name, row.get(name))
                pred = {"location_25km": f"{top.get('location')} ({top.get('latitude')}, {top.get('longitude')})"}.get(
                    name, top.get(name))
                self._error(name, f"{row_id} ({country}): gold {gold!r} pred {pred!r}")

    def report(self, min_country_rows: int = MIN_COUNTRY_ROWS) -> dict[str, Any]:
        types = sorted(EVENT_TYPES)
        subs = list(SUB_EVENT_TYPES)
        n_typed = sum(self.type_pairs.values())
        n_sub = sum(self.sub_pairs.values())
        out: dict[str, Any] = {
            "rows": self.rows,
            "detection": _fig(self.detected, self.rows),
            "event_type_accuracy": _fig(self.type_ok, self.type_n),
            "event_type_weighted_f1": {"value": weighted_f1_counts(self.type_pairs, types) if n_typed else None,
                                       "n": n_typed},
            "sub_event_type_accuracy": _fig(sum(n for (g, p), n in self.sub_pairs.items() if g == p), n_sub),
            "sub_event_type_weighted_f1": {"value": weighted_f1_counts(self.sub_pairs, subs) if n_sub else None,
                                           "n": n_sub},
            "fields": {k: _fig(*self.fields[k]) for k in FIELD_ORDER if k in self.fields},
        }
        if self.legacy_rows or self.unmapped_rows:
            out["legacy_rows"] = self.legacy_rows
            out["rows_with_unknown_event_type"] = self.unmapped_rows
        per_country = []
        for name, c in sorted(self.country.items(), key=lambda kv: (-kv[1]["rows"], kv[0])):
            if c["rows"] < min_country_rows:
                continue
            ns = sum(c["sub"].values())
            per_country.append({
                "country": name, "rows": c["rows"],
                "detection": _fig(c["detected"], c["rows"]),
                "event_type_accuracy": _fig(*c["type"]),
                "sub_event_type_accuracy": _fig(sum(n for (g, p), n in c["sub"].items() if g == p), ns),
                "sub_event_type_weighted_f1": {"value": weighted_f1_counts(c["sub"], subs) if ns else None, "n": ns},
                **{k: _fig(*c["fields"][k]) for k in _COUNTRY_FIELDS if k in c["fields"]},
            })
        out["per_country"] = per_country
        out["countries_below_min_rows"] = sum(1 for c in self.country.values() if c["rows"] < min_country_rows)
        confusion: dict[str, dict[str, int]] = defaultdict(dict)
        for (g, p), n in sorted(self.sub_pairs.items(), key=lambda kv: (kv[0][0], -kv[1])):
            confusion[g][p or "(none)"] = n
        out["sub_event_types"] = {
            g: {"n": sum(row.values()), "recall": round(row.get(g, 0) / sum(row.values()), 3),
                "predicted": dict(sorted(row.items(), key=lambda kv: -kv[1]))}
            for g, row in sorted(confusion.items(), key=lambda kv: -sum(kv[1].values()))}
        out["top_confusions"] = [
            {"gold": g, "predicted": p or "(none)", "n": n}
            for (g, p), n in sorted(self.sub_pairs.items(), key=lambda kv: (-kv[1], kv[0]))
            if g != p][:15]
        if self.show_errors:
            out["errors"] = {k: v for k, v in self.errors.items()}
        return out


def eval_acled(path: Path | str, selection: AcledSelection | None = None, show_errors: int = 0,
               show_progress: bool = True,
               predict: Callable[[Iterable[tuple[Any, Article]]], Iterable[tuple[Any, list[dict]]]] | None = None,
               ) -> dict[str, Any]:
    """Run the pipeline on the notes of an ACLED export and score against ACLED's coding.
    `predict` replaces the pipeline (tests give fixed predictions)."""
    path = Path(path)
    sel = selection or AcledSelection()
    _check_split(sel.split)
    started = time.monotonic()
    stats: Counter = Counter()
    scorer = AcledScorer(show_errors)
    selected = select_rows(read_acled(path), sel, stats)
    rows: dict[int, dict] = {}

    def articles() -> Iterator[tuple[int, Article]]:
        for n, row in selected:
            rows[n] = row
            yield n, acled_article(row, n)

    total = min(sel.sample, sel.limit or sel.sample) if sel.sample else None
    runner = predict or (lambda items: run_pipeline(items, "acled", total=total, show_progress=show_progress))
    for n, preds in runner(articles()):
        row = rows.pop(n)
        scorer.add(row, preds, row_id=(row.get("event_id_cnty") or "").strip() or f"row-{n}")
    report = {
        "file": str(path), "kind": "acled", "selection": sel.describe(),
        "rows_read": stats["rows_read"], "rows_empty_notes": stats["rows_empty_notes"],
        "rows_selected": stats["rows_selected"], "rows_evaluated": scorer.rows,
        **scorer.report(),
        "seconds": round(time.monotonic() - started, 1),
    }
    return report


def _f(fig: dict | None) -> str:
    if not fig or fig.get("value") is None:
        return "-"
    return f"{fig['value']:.3f}"


def format_acled(r: dict[str, Any]) -> str:
    sel = r["selection"]
    parts = [f"split {sel['split']}"]
    for k in ("countries", "since", "until", "limit"):
        if sel.get(k):
            parts.append(f"{k} {sel[k]}")
    if sel.get("sample"):
        parts.append(f"sample {sel['sample']} (seed {sel['seed']})")
    lines = [f"{r['file']} (acled; {', '.join(parts)})",
             f"  rows read {r['rows_read']}, empty notes skipped {r['rows_empty_notes']}, selected {r['rows_selected']}, "
             f"evaluated {r['rows_evaluated']} in {r['seconds']} s"]
    if r.get("legacy_rows"):
        lines.append(f"  rows without a current sub-event type (legacy taxonomy) {r['legacy_rows']}: event type only, "
                     f"through the mapping; "
                     f"unknown event types {r.get('rows_with_unknown_event_type', 0)}")

    def line(label: str, fig: dict) -> str:
        return f"  {label:<34} {_f(fig):>6}  (N={fig['n']})"

    lines.append(line("detection (rows with >= 1 event)", r["detection"]))
    lines.append(line("event type accuracy", r["event_type_accuracy"]))
    lines.append(line("event type weighted F1", r["event_type_weighted_f1"]))
    lines.append(line("sub-event type accuracy", r["sub_event_type_accuracy"]))
    lines.append(line("sub-event type weighted F1", r["sub_event_type_weighted_f1"]))
    lines.append(f"  fields of the top event, on the {r['detection']['n'] and round(r['detection']['value'] * r['detection']['n'])} rows with an event:")
    for k, fig in r["fields"].items():
        lines.append(f"    {k:<32} {_f(fig):>6}  (N={fig['n']})")
    if r["per_country"]:
        lines.append(f"  per country (>= {MIN_COUNTRY_ROWS} rows; {r['countries_below_min_rows']} smaller countries not listed):")
        head = f"    {'country':<30}{'N':>6}{'detect':>8}{'type':>7}{'sub':>7}{'subF1':>7}{'admin1':>8}{'25km':>7}{'fatal':>7}{'actor1':>8}"
        lines.append(head)
        for c in r["per_country"]:
            lines.append(f"    {c['country'][:29]:<30}{c['rows']:>6}{_f(c['detection']):>8}{_f(c['event_type_accuracy']):>7}"
                         f"{_f(c['sub_event_type_accuracy']):>7}{_f(c['sub_event_type_weighted_f1']):>7}"
                         f"{_f(c.get('admin1')):>8}{_f(c.get('location_25km')):>7}{_f(c.get('fatalities')):>7}"
                         f"{_f(c.get('actor1')):>8}")
    if r["sub_event_types"]:
        lines.append("  sub-event types (gold rows x predicted; recall, then the commonest other predictions):")
        for g, row in r["sub_event_types"].items():
            wrong = [(p, n) for p, n in row["predicted"].items() if p != g][:3]
            lines.append(f"    {g:<36}{row['n']:>6}  {row['recall']:.3f}  " + ", ".join(f"{p} {n}" for p, n in wrong))
        lines.append("  top confusions (gold -> predicted):")
        for c in r["top_confusions"]:
            lines.append(f"    {c['n']:>5}  {c['gold']} -> {c['predicted']}")
    for kind, errs in (r.get("errors") or {}).items():
        lines.append(f"  errors: {kind}")
        lines.extend(f"    - {e}" for e in errs)
    return "\n".join(lines)


# -- labelled articles (Guardian) --------------------------------------------------------------
def attach_texts(records: list[dict], path: Path | str, real_dir: Path | str | None = None,
                 split: str = "all") -> tuple[list[dict], dict[str, Any]]:
    """Labels of licensed articles ({id, source_file, published, kind, events}) -> article
    records with the text read from the real-data folder, keeping the wanted split."""
    _check_split(split)
    base = Path(real_dir) if real_dir else default_real_dir()
    if not base.is_dir():
        raise RealDataError(f"{path}: the article texts are kept outside the repository and the real-data folder "
                            f"{base} does not exist (give --real-dir DIR or set SITREP_REAL_DIR)")
    texts: dict[str, dict[str, tuple[str, str]]] = {}
    out, missing = [], []
    counts: Counter = Counter()
    for rec in records:
        src = rec.get("source_file") or ""
        if src not in texts:
            file = base / src
            if not src or not file.is_file():
                raise RealDataError(f"{path}: the texts of {rec.get('id')} are missing: no {src or '(source_file)'} "
                                    f"in {base} (give --real-dir DIR or set SITREP_REAL_DIR)")
            texts[src] = _read_article_csv(file)
        row = texts[src].get(str(rec.get("id")))
        if row is None:
            missing.append(str(rec.get("id")))
            continue
        published = rec.get("published") or row[1]
        s = split_of_article(published)
        counts[s] += 1
        if split != "all" and s != split:
            continue
        out.append({**rec, "text": row[0], "published": published})
    info = {"split": split, "real_dir": str(base), "labelled_articles": len(records),
            "split_counts": dict(counts), "labels_without_text": missing}
    return out, info


def _read_article_csv(file: Path) -> dict[str, tuple[str, str]]:
    csv.field_size_limit(10_000_000)
    with open(file, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not {"id", "text"} <= set(reader.fieldnames or []):
            raise RealDataError(f"{file}: expected columns id, date, text")
        return {r["id"]: (r["text"], r.get("date") or "") for r in reader}


# -- IndiaPoliceEvents (Times of India, March 2002) ---------------------------------------------
INDIA_LABELS = ("KILL", "KILL_STATE", "ARREST")
_GOLD_OF = {"KILL": "KILL", "KILL_STATE": "KILL", "ARREST": "ARREST"}
# a riot or a protest broken up whose report tells arrests claims ARREST in the sentences that tell
# them (ACLED codes arrests made at a riot within the riot's event)
RIOT_ARRESTS = 1
REPORT_FIELDS = ("event_type", "report")  # evidence of the sentences that report the event
ARREST_WORDS = re.compile(r"\barrest|\bdetain|\bdetention\b|\bin custody\b|\brounded up\b")
# the state's forces fired: "police opened fire on the mob", "killed in police firing"
STATE_FIRE_WORDS = re.compile(r"\b(?:police|jawans?|troops|soldiers|army|paramilitary|security forces)\b(?:\s[\w-]+){0,3}\s"
                              r"(?:fired|firing|opened fire|shot|shooting)\b(?! (?:\w+ )?(?:tear|teargas|rubber|in the air|into the air|in air))"
                              r"|\bfiring by (?:the )?(?:police|troops|army)\b")


@dataclass
class IndiaDoc:
    id: str
    text: str
    date: dt.date | None
    sentences: list[tuple[int, int] | None]  # character span in text; None when not found
    sentence_labels: list[set[str]]
    labels: set[str]


def load_india(folder: Path | str, split: str = "all") -> tuple[list[IndiaDoc], dict[str, Any]]:
    """docs.jsonl, sents.jsonl and metadata.jsonl -> documents of the split, each sentence
    found in the document's text in order."""
    _check_split(split)
    folder = Path(folder)
    if not folder.is_dir():
        raise RealDataError(f"{folder}: no such folder (expected docs.jsonl, sents.jsonl, metadata.jsonl)")
    for name in ("docs.jsonl", "sents.jsonl", "metadata.jsonl"):
        if not (folder / name).is_file():
            raise RealDataError(f"{folder}: {name} is missing (an IndiaPoliceEvents folder has docs.jsonl, "
                                f"sents.jsonl, metadata.jsonl)")

    def jsonl(name: str) -> Iterator[dict]:
        with open(folder / name, encoding="utf-8") as fh:
            for i, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError:
                        raise RealDataError(f"{folder / name}: line {i} is not JSON") from None

    dates = {str(m["doc_id"]): _as_date(m.get("date")) for m in jsonl("metadata.jsonl")}
    sents: dict[str, list[dict]] = defaultdict(list)
    for s in jsonl("sents.jsonl"):
        sents[str(s["doc_id"])].append(s)
    docs, unaligned, counts = [], 0, Counter()
    for d in jsonl("docs.jsonl"):
        did = str(d["doc_id"])
        s_split = split_of_india(dates.get(did))
        counts[s_split] += 1
        if split != "all" and s_split != split:
            continue
        text = d.get("doc_text") or ""
        spans: list[tuple[int, int] | None] = []
        labels: list[set[str]] = []
        pos = 0
        for s in sorted(sents.get(did, []), key=lambda s: s["sent_id"]):
            st = s.get("sent_text") or ""
            at = text.find(st, pos) if st else -1
            if at < 0 and st.strip():
                at = text.find(st.strip(), pos)
                st = st.strip()
            if at < 0:
                spans.append(None)
                unaligned += 1
            else:
                spans.append((at, at + len(st)))
                pos = at + len(st)
            labels.append(set(s.get("sent_labels") or []))
        docs.append(IndiaDoc(did, text, dates.get(did), spans, labels, set(d.get("doc_labels") or [])))
    return docs, {"split": split, "split_counts": dict(counts), "unaligned_sentences": unaligned}


STATE_FORCE_AS_ACTOR2 = {"Excessive force against protesters", "Protest with intervention"}


def india_flags(ev: dict) -> set[str]:
    """What one predicted event claims, in the corpus's terms."""
    flags = set()
    sub = ev.get("sub_event_type")
    if int(ev.get("fatalities") or 0) > 0:
        flags.add("KILL")
        # ACLED names the demonstrators first in a protest event and the force that fired on
        # them second: the state is the one using force when it is actor2 there
        if ev.get("inter1") == 1 or (ev.get("inter2") == 1 and sub in STATE_FORCE_AS_ACTOR2):
            flags.add("KILL_STATE")
        elif ev.get("inter2") == 1 and STATE_FIRE_WORDS.search(_report_text(ev).lower()):
            # ACLED codes a riot the police fired on as the rioters' event, the police actor2:
            # where the report says the police fired, the dead are theirs
            flags.add("KILL_STATE")
    if sub == "Arrests":
        flags.add("ARREST")
    elif sub == "Protest with intervention" or (sub == "Attack" and ev.get("inter1") == 1) or (
            RIOT_ARRESTS and sub in ("Violent demonstration", "Mob violence")):
        # the police arrested, and ACLED codes the event otherwise: a protest they broke up, or
        # an arrest in which they beat, wounded or killed the arrested (an attack)
        if ARREST_WORDS.search(_report_text(ev).lower()):
            flags.add("ARREST")
    return flags


def _report_text(ev: dict) -> str:
    return " ".join(e.get("text", "") for e in ev.get("evidence") or [] if e.get("field") in REPORT_FIELDS)


def _dateline_only(sentence: str) -> bool:
    """A corpus "sentence" that is a dateline alone ("jaipur:", "mumbai"): the corpus splits it
    off the report that follows it, which an event's sentence then covers too; it tells nothing
    that could be claimed."""
    return len(sentence) <= 30 and len(re.findall(r"[^\W\d_]{2,}", sentence)) <= 2


def _event_spans(ev: dict) -> list[tuple[int, int]]:
    ev_spans = [(e["start"], e["end"]) for e in ev.get("evidence") or [] if e.get("field") in REPORT_FIELDS]
    return ev_spans or [(e["start"], e["end"]) for e in ev.get("evidence") or []]


def score_india(docs: list[IndiaDoc], predictions: list[list[dict]], show_errors: int = 0) -> dict[str, Any]:
    """Sentence- and document-level precision/recall/F1 of KILL, KILL_STATE and ARREST."""
    sent = {lab: Counter() for lab in INDIA_LABELS}
    doc = {lab: Counter() for lab in INDIA_LABELS}
    errors: list[str] = []
    n_sent = n_events = wide = 0
    for d, preds in zip(docs, predictions):
        n_sent += len(d.sentences)
        predicted: dict[str, set[int]] = {lab: set() for lab in INDIA_LABELS}
        doc_pred: set[str] = set()
        for ev in preds:
            n_events += 1
            flags = india_flags(ev)
            doc_pred |= flags
            def cover(spans: list[tuple[int, int]]) -> set[int]:
                return {i for (a, b) in spans for i, span in enumerate(d.sentences)
                        if span is not None and span[0] < b and a < span[1]
                        and not _dateline_only(d.text[span[0]:span[1]])}

            covered = cover(_event_spans(ev))
            # a killing is claimed by the sentences that told the dead, where the event says which
            tolls = cover([(e["start"], e["end"]) for e in ev.get("evidence") or [] if e.get("field") == "fatalities"])
            wide += any(sum(1 for span in d.sentences if span is not None and span[0] < e["end"] and e["start"] < span[1]) > 3
                        for e in ev.get("evidence") or [] if e.get("field") == "event_type")
            for lab in flags:
                if lab == "ARREST" and ev.get("sub_event_type") != "Arrests" and RIOT_ARRESTS:
                    # an event of another sub-type that tells arrests (a riot, a protest broken up)
                    # claims them in the sentences that tell them, not in all its sentences
                    predicted[lab] |= {i for i in covered if ARREST_WORDS.search(d.text[d.sentences[i][0]:d.sentences[i][1]].lower())}
                    continue
                predicted[lab] |= (tolls or covered) if lab in ("KILL", "KILL_STATE") else covered
        for lab in INDIA_LABELS:
            gold_lab = _GOLD_OF[lab]
            gold = {i for i, labs in enumerate(d.sentence_labels) if gold_lab in labs}
            sent[lab]["tp"] += len(gold & predicted[lab])
            sent[lab]["fp"] += len(predicted[lab] - gold)
            sent[lab]["fn"] += len(gold - predicted[lab])
            g, p = gold_lab in d.labels or bool(gold), lab in doc_pred
            doc[lab]["tp"] += g and p
            doc[lab]["fp"] += p and not g
            doc[lab]["fn"] += g and not p
            # the corpus's KILL is a killing by the police: the errors listed are those of the
            # state-force measure, not of "any event with dead" (a riot's dead are not its KILL)
            if lab != "KILL" and len(errors) < show_errors:
                for i in sorted(gold ^ predicted[lab]):
                    span = d.sentences[i]
                    what = "missed" if i in gold else "false"
                    if span and len(errors) < show_errors:
                        errors.append(f"doc {d.id} sentence {i} {lab} {what}: {d.text[span[0]:span[1]][:120]!r}")
    out: dict[str, Any] = {"documents": len(docs), "sentences": n_sent, "events": n_events,
                           "events_over_3_sentences": wide}
    for lab in INDIA_LABELS:
        s, c = sent[lab], doc[lab]
        out[lab] = {
            "sentences": {**_prf(s["tp"], s["fp"], s["fn"]), "gold": s["tp"] + s["fn"], "predicted": s["tp"] + s["fp"]},
            "documents": {**_prf(c["tp"], c["fp"], c["fn"]), "gold": c["tp"] + c["fn"], "predicted": c["tp"] + c["fp"]},
        }
    if show_errors:
        out["errors"] = errors
    return out


def eval_india(folder: Path | str, split: str = "all", show_errors: int = 0, show_progress: bool = True,
               predict: Callable[[Iterable[tuple[Any, Article]]], Iterable[tuple[Any, list[dict]]]] | None = None,
               ) -> dict[str, Any]:
    started = time.monotonic()
    docs, info = load_india(folder, split)
    items = ((i, Article(id=d.id, text=d.text, published=d.date, source="Times of India")) for i, d in enumerate(docs))
    runner = predict or (lambda it: run_pipeline(it, "india", total=len(docs), show_progress=show_progress))
    preds: list[list[dict]] = [[] for _ in docs]
    for i, found in runner(items):
        preds[i] = found
    report = {"file": str(folder), "kind": "india_police_events", **info,
              **score_india(docs, preds, show_errors), "seconds": round(time.monotonic() - started, 1)}
    return report


def format_india(r: dict[str, Any]) -> str:
    lines = [f"{r['file']} (IndiaPoliceEvents; split {r['split']}): {r['documents']} documents, "
             f"{r['sentences']} sentences ({r['unaligned_sentences']} not found in their text), {r['seconds']} s",
             f"  {r['events']} predicted events, {r['events_over_3_sentences']} of them from an event sentence that "
             f"covers more than 3 corpus sentences (sentence splitting of the lower-cased text)"]
    names = {"KILL": "KILL (event with fatalities > 0)",
             "KILL_STATE": "KILL (fatalities > 0, actor1 state forces)",
             "ARREST": "ARREST (Arrests; intervention or police attack with arrest)"}
    for lab in INDIA_LABELS:
        for level in ("sentences", "documents"):
            m = r[lab][level]
            lines.append(f"  {names[lab]:<44} {level:<10} P {m['precision']:.3f}  R {m['recall']:.3f}  "
                         f"F1 {m['f1']:.3f}  (gold {m['gold']}, predicted {m['predicted']})")
    for e in r.get("errors", []):
        lines.append(f"    - {e}")
    return "\n".join(lines)


def format_any(r: dict[str, Any]) -> str:
    if r.get("kind") == "acled":
        return format_acled(r)
    if r.get("kind") == "india_police_events":
        return format_india(r)
    from sitrep.evaluate import format_report

    return format_report(r)


__all__ = [
    "REPORT_COUNTRIES", "REPORT_SINCE", "ARTICLES_REPORT_FROM", "INDIA_TUNE_UNTIL", "SPLITS",
    "PUBLICATION_LAG_DAYS", "LEGACY_EVENT_TYPES", "RealDataError", "split_of_acled", "split_of_article",
    "split_of_guardian", "split_of_india", "AcledSelection", "AcledScorer", "eval_acled", "read_acled",
    "select_rows", "acled_article", "acled_field_checks", "attach_texts", "load_india", "india_flags",
    "score_india", "eval_india", "format_acled", "format_india", "format_any", "country_iso",
]
