"""Libraries before regexes (issue 11, item 6): sitrep's own date and number-word readers
(`extract/dates.py`, `extract/counts.py`) against maintained PyPI libraries, on the TUNE split
of the real ACLED notes.

Dates: the note's date as the pipeline picks it (`_best_date(find_dates(text, published), text)`,
published = event_date + 7 days as in `sitrep eval --acled`) against dateparser's
`search.search_dates` (RELATIVE_BASE = publication date, PREFER_DATES_FROM past, English):
exact day against the row's event_date, coverage, time precision, time per note (median of
the runs) and time per real news article (Guardian, tune split; timing only).

Numbers: every number phrase (digits or number words, a run like "one hundred and twenty"
taken whole) within a few words of a casualty word, read by `counts.number_value`, text2num's
`text2num` and number-parser's `parse_number`, in every tune note (--number-notes) and in
the real news articles of the tune split (phrase values only: they have no counts). With
--end-to-end, the pipeline's fatalities on the notes where text2num reads a phrase
differently from sitrep, as written and with those phrases turned into figures by text2num
(the only notes such a change can touch).

Only aggregate figures are printed unless --show N is given (then N examples go to the
terminal, for a person to read; never paste them into the repository).

    .venv/bin/python benchmarks/date_number_libraries.py [--sample 3000] [--seed 11] [--runs 3]
        [--time-notes 1000] [--articles 40] [--number-notes 0] [--end-to-end] [--show 0]

Needs dateparser (already installed with trafilatura), text2num and number-parser (install
into .venv by hand for measuring; they are not dependencies of sitrep).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from sitrep.evaluate_real import (
    AcledSelection,
    _as_date,
    _int,
    acled_article,
    default_real_dir,
    read_acled,
    select_rows,
    split_of_acled,
    split_of_article,
)
from sitrep.extract.counts import _NUM_ONLY, number_value
from sitrep.extract.dates import find_dates
from sitrep.extract.events import _best_date

DP_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
PERIOD_PRECISION = {"day": 1, "time": 1, "week": 2, "month": 3, "year": 3}

# -- number phrases --------------------------------------------------------------------------
_SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
          "fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE = "hundred|thousand|million"
_VAGUE = "several|dozens|dozen|scores|hundreds|thousands|numerous|multiple|a few|a couple of|a dozen"
_NW = rf"(?:{_TENS})(?:-(?:{_SMALL}))?|{_SMALL}|{_SCALE}"
# "one hundred and twenty" is one number; "between five and seven" is a range of two
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)),? and "
_PHRASE = re.compile(
    rf"\b(?:{_VAGUE}|(?:a (?={_SCALE}))?(?:{_NW})(?:(?:[- ]|{_AND_AFTER_SCALE})(?:{_NW}))*|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\b")
_CASUALTY = re.compile(
    r"\b(?:kill\w*|dead|died|deaths?|fatalit\w*|bod(?:y|ies)|slain|executed|beheaded|murder\w*|"
    r"massacre\w*|casualt\w*|wound\w*|injur\w*|hurt|abduct\w*|kidnap\w*|hostages?|lives)\b")
_WORDS = re.compile(r"[\w'-]+")


def phrase_class(p: str) -> str:
    if re.fullmatch(r"[\d,]+", p):
        return "digits"
    if re.fullmatch(_VAGUE, p):
        return "vague (several, dozens)"
    if re.search(rf"\b(?:{_SCALE})\b", p) and len(p.split()) > 1 or re.search(r" and ", p):
        return "compound with hundred/thousand"
    if "-" in p:
        return "hyphenated tens (twenty-five)"
    if re.fullmatch(rf"(?:{_NW})", p):
        return "one word (two, twelve, forty)"
    return "other run of number words"


def casualty_phrases(text: str, window: int = 6) -> list[tuple[int, int, str]]:
    """Number phrases within `window` words of a casualty word (lower-cased text)."""
    low = text.lower()
    hits = [m.start() for m in _CASUALTY.finditer(low)]
    out = []
    for m in _PHRASE.finditer(low):
        near_before = any(h < m.start() and len(_WORDS.findall(low[h:m.start()])) <= window for h in hits)
        near_after = any(h >= m.end() and len(_WORDS.findall(low[m.end():h])) <= window for h in hits)
        if near_before or near_after:
            if re.fullmatch(r"\d{4}", m.group(0)) and 1900 <= int(m.group(0)) <= 2100:
                continue  # a year
            if "." in m.group(0) or m.group(0) in ("hundred", "thousand", "million"):
                continue  # a decimal, or the scale of a figure in digits ("1.5 million"): not a head count
            out.append((m.start(), m.end(), m.group(0)))
    return out


# ACLED's counting rules for vague amounts (issue 11; sitrep's counts.py uses the same)
ACLED_VAGUE = {"several": 3, "a few": 3, "a couple of": 2, "numerous": 3, "multiple": 3, "dozen": 12,
               "a dozen": 12, "dozens": 12, "scores": 12, "hundreds": 100, "thousands": 1000}


def sitrep_reading(p: str) -> tuple[int | None, bool]:
    """What extract_counts hands to number_value at the start of the phrase (its number regex
    takes one number token or a 'twenty-five' pair), and whether that covers the whole phrase."""
    m = _NUM_ONLY.match(p)
    if m is None:
        return number_value(p), True
    return number_value(m.group("num")), m.end() == len(p)


def sitrep_value(p: str) -> int | None:
    return sitrep_reading(p)[0]


def reference(p: str, tv: int | None, nv: int | None) -> int | None:
    """The value the phrase stands for: digits as written, ACLED's rule for a vague amount,
    else the value text2num and number-parser agree on (None where they do not)."""
    if re.fullmatch(r"[\d,]+", p):
        return int(p.replace(",", ""))
    if p in ACLED_VAGUE:
        return ACLED_VAGUE[p]
    if p in ("a hundred", "a thousand", "a million"):
        return {"hundred": 100, "thousand": 1000, "million": 1_000_000}[p[2:]]
    return tv if tv is not None and tv == nv else None


def lib_text2num(p: str) -> int | None:
    from text_to_num import text2num
    if re.fullmatch(r"[\d,]+", p):
        return int(p.replace(",", ""))  # text2num reads words only; digits need no library
    try:
        return int(text2num(p, "en"))
    except (ValueError, TypeError):
        return None


def lib_number_parser(p: str) -> int | None:
    from number_parser import parse_number
    if re.fullmatch(r"[\d,]+", p):
        return int(p.replace(",", ""))
    try:
        v = parse_number(p)
    except Exception:  # noqa: BLE001 - a library's own failure counts as not read
        return None
    return int(v) if isinstance(v, (int, float)) else None


# -- helpers ---------------------------------------------------------------------------------
def median_time(fn, items, runs: int) -> float:
    """Median over `runs` of seconds per item."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for it in items:
            fn(it)
        times.append((time.perf_counter() - t) / max(1, len(items)))
    return statistics.median(times)


def pct(a: int, n: int) -> str:
    return f"{a / n:.3f}" if n else "-"


def load_sample(path: Path, n: int, seed: int) -> list[tuple[str, dt.date, dt.date, int | None, int | None]]:
    """(text, published, gold date, gold time precision, gold fatalities) for a seeded tune sample
    (n = 0: every tune row)."""
    stats: Counter = Counter()
    out = []
    for num, row in select_rows(read_acled(path), AcledSelection(split="tune", sample=n or None, seed=seed), stats):
        assert split_of_acled(row.get("country", ""), row.get("event_date")) == "tune"
        art = acled_article(row, num)
        gold = _as_date(row.get("event_date"))
        if gold is None or art.published is None:
            continue
        out.append((art.text, art.published, gold, _int(row.get("time_precision")), _int(row.get("fatalities"))))
    return out


# -- dates ------------------------------------------------------------------------------------
def sitrep_dates(text: str, published: dt.date):
    mentions = find_dates(text, published)
    return mentions, _best_date(mentions, text)


def dp_dates(text: str, published: dt.date):
    from dateparser.search import search_dates
    settings = dict(DP_SETTINGS, RELATIVE_BASE=dt.datetime.combine(published, dt.time()))
    return search_dates(text, languages=["en"], settings=settings) or []


def dp_precision(phrase: str, published: dt.date) -> int | None:
    from dateparser.date import DateDataParser
    settings = dict(DP_SETTINGS, RELATIVE_BASE=dt.datetime.combine(published, dt.time()))
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    return PERIOD_PRECISION.get(data.period or "") if data and data.date_obj else None


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


def expression_kind(phrase: str | None) -> str:
    """A coarse kind of date expression, for the disagreement breakdown."""
    if not phrase:
        return "none found"
    if _WEEKDAY.search(phrase):
        return "weekday"
    if re.search(r"\d{1,2}\s*[-/.]\s*\d{1,2}", phrase) and not _MONTH.search(phrase):
        return "numeric"
    if _MONTH.search(phrase) and re.search(r"\d{1,2}(?!\d)", re.sub(r"\d{4}", "", phrase)):
        return "day and month name"
    if _MONTH.search(phrase):
        return "month (no day)"
    return "relative or other"


def bench_dates(sample, runs: int, time_notes: int, show: int) -> None:
    n = len(sample)
    c: Counter = Counter()
    shown = Counter()
    kinds: Counter = Counter()
    for text, published, gold, gold_tp, _ in sample:
        mentions, best = sitrep_dates(text, published)
        found = dp_dates(text, published)
        dp_first = found[0][1].date() if found else None
        s_best = best.date if best else None
        c["sitrep_cov"] += best is not None
        c["sitrep_ok"] += s_best == gold
        c["sitrep_first_ok"] += bool(mentions) and mentions[0].date == gold
        c["sitrep_any_ok"] += any(m.date == gold for m in mentions)
        c["sitrep_within1"] += s_best is not None and abs((s_best - gold).days) <= 1
        c["dp_cov"] += dp_first is not None
        c["dp_ok"] += dp_first == gold
        c["dp_any_ok"] += any(d.date() == gold for _, d in found)
        c["dp_within1"] += dp_first is not None and abs((dp_first - gold).days) <= 1
        c["dp_future"] += dp_first is not None and dp_first > published
        fb = s_best if s_best is not None else dp_first
        c["fallback_cov"] += fb is not None
        c["fallback_ok"] += fb == gold
        c["both_ok"] += s_best == gold and dp_first == gold
        c["only_sitrep_ok"] += s_best == gold and dp_first != gold
        c["only_dp_ok"] += dp_first == gold and s_best != gold
        if gold_tp is not None:
            c["tp_n"] += 1
            c["sitrep_tp_ok"] += best is not None and best.precision == gold_tp
            if found:
                c["dp_tp_ok"] += dp_precision(found[0][0], published) == gold_tp
        if s_best != gold and dp_first == gold:
            kinds[("only dateparser right", expression_kind(found[0][0]),
                   expression_kind(best.text if best else None))] += 1
        if s_best == gold and dp_first != gold:
            kinds[("only sitrep right", expression_kind(found[0][0] if found else None), expression_kind(best.text))] += 1
        if show and dp_first == gold and s_best != gold and shown["dp"] < show:
            shown["dp"] += 1
            print(f"  [dateparser right, sitrep {best.text if best else None!r} -> {s_best}] "
                  f"gold {gold}: {found[0][0]!r}")
        if show and s_best == gold and dp_first != gold and shown["s"] < show:
            shown["s"] += 1
            print(f"  [sitrep right {best.text!r}, dateparser {found[0][0] if found else None!r} -> {dp_first}] gold {gold}")
    texts = [(t, p) for t, p, *_ in sample[:time_notes]]
    t_sitrep = median_time(lambda x: sitrep_dates(*x), texts, runs)
    t_dp = median_time(lambda x: dp_dates(*x), texts, runs)
    chars = statistics.mean(len(t) for t, _ in texts)
    print(f"\nDATES: {n} tune notes (mean {chars:.0f} chars); timing on {len(texts)} notes, median of {runs} runs")
    print(f"{'reader':<44}{'coverage':>9}{'exact day':>10}{'exact|found':>12}{'+-1 day':>9}{'time prec':>10}{'ms/note':>9}")
    print(f"{'sitrep _best_date(find_dates)':<44}{pct(c['sitrep_cov'], n):>9}{pct(c['sitrep_ok'], n):>10}"
          f"{pct(c['sitrep_ok'], c['sitrep_cov']):>12}{pct(c['sitrep_within1'], n):>9}"
          f"{pct(c['sitrep_tp_ok'], c['tp_n']):>10}{t_sitrep * 1000:>9.2f}")
    print(f"{'sitrep first mention':<44}{pct(c['sitrep_cov'], n):>9}{pct(c['sitrep_first_ok'], n):>10}")
    print(f"{'dateparser search_dates, first':<44}{pct(c['dp_cov'], n):>9}{pct(c['dp_ok'], n):>10}"
          f"{pct(c['dp_ok'], c['dp_cov']):>12}{pct(c['dp_within1'], n):>9}"
          f"{pct(c['dp_tp_ok'], c['tp_n']):>10}{t_dp * 1000:>9.2f}")
    print(f"{'sitrep, dateparser where sitrep finds none':<44}{pct(c['fallback_cov'], n):>9}{pct(c['fallback_ok'], n):>10}"
          f"{pct(c['fallback_ok'], c['fallback_cov']):>12}{'':>9}{'':>10}{(t_sitrep + t_dp * (1 - c['sitrep_cov'] / n)) * 1000:>9.2f}")
    print(f"  any mention = gold (upper bound of picking): sitrep {pct(c['sitrep_any_ok'], n)}, "
          f"dateparser {pct(c['dp_any_ok'], n)}")
    print(f"  both right {pct(c['both_ok'], n)}; only sitrep right {c['only_sitrep_ok']}; only dateparser right "
          f"{c['only_dp_ok']}; dateparser first date after publication {c['dp_future']}")
    print(f"  dateparser/sitrep time ratio {t_dp / t_sitrep:.0f}x")
    print("  disagreements (who is right; dateparser's expression kind / sitrep's):")
    for (who, k_dp, k_s), v in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"    {who:<22} {k_dp:<20} / {k_s:<20} {v:>4}")


def load_articles(path: Path) -> list[tuple[str, dt.date]]:
    """(text, published) of the real news articles of the tune split (no labels are used)."""
    if not path.exists():
        return []
    csv.field_size_limit(10_000_000)
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if split_of_article(r.get("date")) == "tune" and (r.get("text") or "").strip()]
    return [(r["text"], _as_date(r.get("date")) or dt.date(2017, 1, 1)) for r in rows]


def bench_articles(articles: list[tuple[str, dt.date]], n: int, runs: int) -> None:
    """Time per real news article (timing only): the articles the pipeline is for."""
    items = articles[:n]
    if not items:
        return
    t_sitrep = median_time(lambda x: find_dates(*x), items, runs)
    t_dp = median_time(lambda x: dp_dates(*x), items, runs)
    chars = statistics.mean(len(t) for t, _ in items)
    print(f"\nDATES, real news articles (Guardian, tune split): {len(items)} articles, mean {chars:.0f} chars, "
          f"median of {runs} runs")
    print(f"  sitrep find_dates {t_sitrep * 1000:.1f} ms/article; dateparser search_dates {t_dp * 1000:.1f} ms/article "
          f"({t_dp / t_sitrep:.0f}x)")


# -- numbers ----------------------------------------------------------------------------------
def bench_numbers(sample, runs: int, show: int, label: str) -> list[int]:
    per: dict[str, Counter] = {}
    phrases: list[str] = []
    touch_rows: list[int] = []
    shown = 0
    for i, (text, *_rest) in enumerate(sample):
        touched = False
        for _s, _e, p in casualty_phrases(text):
            cls = phrase_class(p)
            c = per.setdefault(cls, Counter())
            (sv, whole), tv, nv = sitrep_reading(p), lib_text2num(p), lib_number_parser(p)
            ref = reference(p, tv, nv)
            c["n"] += 1
            c["whole"] += whole
            c["ref"] += ref is not None
            c["s_ok"] += ref is not None and sv == ref
            c["t_ok"] += ref is not None and tv == ref
            c["n_ok"] += ref is not None and nv == ref
            c["fb_ok"] += ref is not None and (tv if tv is not None and sv != tv else sv) == ref
            c["t2n_ne_np"] += tv is not None and nv is not None and tv != nv
            phrases.append(p)
            if tv is not None and sv != tv:
                touched = True
                if show and shown < show:
                    shown += 1
                    print(f"  [sitrep reads {sv}] {p!r}: text2num {tv}, number-parser {nv}")
        if touched:
            touch_rows.append(i)
    total = Counter()
    for c in per.values():
        total.update(c)
    timed = phrases[:2000]
    t_s = median_time(sitrep_value, timed, runs)
    t_t = median_time(lib_text2num, timed, runs)
    t_n = median_time(lib_number_parser, timed, runs)
    print(f"\nNUMBERS: {total['n']} number phrases near casualty words in {len(sample)} {label}. 'whole': sitrep's "
          f"number regex covers the phrase; 'ref': phrases with a known value (digits, ACLED's rule for vague "
          f"amounts, else text2num = number-parser); the next columns: share of those read right")
    print(f"{'phrase class':<36}{'n':>6}{'share':>7}{'whole':>7}{'ref':>6}{'sitrep':>8}{'text2num':>9}{'num-par':>8}"
          f"{'s+t2n':>7}")

    def line(name: str, c: Counter) -> None:
        print(f"{name:<36}{c['n']:>6}{pct(c['n'], total['n']):>7}{pct(c['whole'], c['n']):>7}{c['ref']:>6}"
              f"{pct(c['s_ok'], c['ref']):>8}{pct(c['t_ok'], c['ref']):>9}{pct(c['n_ok'], c['ref']):>8}"
              f"{pct(c['fb_ok'], c['ref']):>7}")
    for cls, c in sorted(per.items(), key=lambda kv: -kv[1]["n"]):
        line(cls, c)
    line("all", total)
    misses = Counter(p for p in phrases if (r := reference(p, lib_text2num(p), lib_number_parser(p))) is not None
                     and sitrep_value(p) != r and (p in ACLED_VAGUE or p.startswith("a ")))
    if misses:
        print("  sitrep's misses on vague amounts / 'a <scale>': "
              + ", ".join(f"{p!r} x{v} (reads {sitrep_value(p)})" for p, v in misses.most_common()))
    print(f"  s+t2n: sitrep, text2num's value where it reads the phrase and differs. text2num and number-parser "
          f"disagree on {total['t2n_ne_np']} phrases; notes where text2num reads a phrase differently from sitrep: "
          f"{len(touch_rows)} ({pct(len(touch_rows), len(sample))})")
    print(f"  microseconds per phrase ({len(timed)} phrases, median of {runs}): sitrep {t_s * 1e6:.1f}, text2num {t_t * 1e6:.1f}, "
          f"number-parser {t_n * 1e6:.1f}")
    return touch_rows


def with_digits(text: str) -> str:
    """The note with each number phrase near a casualty word that text2num reads differently
    from sitrep written in digits (text2num's value)."""
    out, last = [], 0
    for s, e, p in casualty_phrases(text):
        tv = lib_text2num(p)
        if tv is not None and sitrep_value(p) != tv:
            out.append(text[last:s])
            out.append(str(tv))
            last = e
    out.append(text[last:])
    return "".join(out)


def bench_end_to_end(sample, rows: list[int]) -> None:
    if not rows:
        print("\nEND TO END: no note has a number phrase that text2num reads differently from sitrep")
        return
    from sitrep.model import Article
    from sitrep.pipeline import process

    def fatalities(texts_dates):
        arts = [Article(id=f"b{i}", text=t, published=p) for i, (t, p) in enumerate(texts_dates)]
        out = []
        for evs in process(arts):
            recs = [e.to_record() for e in evs]
            out.append(int(recs[0].get("fatalities") or 0) if recs else 0)
        return out

    items = [sample[i] for i in rows if sample[i][4] is not None]
    as_is = fatalities([(t, p) for t, p, *_ in items])
    digits = fatalities([(with_digits(t), p) for t, p, *_ in items])
    gold = [r[4] for r in items]
    ok_a = sum(a == g for a, g in zip(as_is, gold))
    ok_d = sum(d == g for d, g in zip(digits, gold))
    print(f"\nEND TO END (fatalities of the first event, the notes a number library could change: {len(items)} "
          f"of {len(sample)}): as written {ok_a}/{len(items)}, number phrases as text2num digits {ok_d}/{len(items)}; "
          f"change on the whole sample {(ok_d - ok_a) / len(sample):+.4f}")


def arabic_probe() -> None:
    """Team-written Arabic phrases (not real data): what dateparser reads for the next language."""
    from dateparser.search import search_dates
    base = dt.datetime(2023, 3, 20)
    probes = {"yesterday": "قتل مسلحون ثلاثة جنود أمس", "weekday": "هاجم مسلحون نقطة للشرطة يوم الثلاثاء",
              "day month(MSA) year": "وقع الهجوم في 12 مارس 2023", "day month(Levantine) year": "وقع الهجوم في 12 آذار 2023",
              "three days ago": "قتل جندي قبل ثلاثة أيام"}
    res = []
    for name, text in probes.items():
        found = search_dates(text, languages=["ar"], settings=dict(DP_SETTINGS, RELATIVE_BASE=base)) or []
        res.append(f"{name}: {found[0][1].date() if found else None}")
    print("\nARABIC PROBE (team-written phrases, published 2023-03-20): " + "; ".join(res))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", type=Path, default=default_real_dir() / "acled_notes.csv.gz")
    ap.add_argument("--articles-file", type=Path, default=default_real_dir() / "guardian_syria_dev.csv")
    ap.add_argument("--sample", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--time-notes", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--number-notes", type=int, default=0,
                    help="tune notes for the number phrases (0: every tune note)")
    ap.add_argument("--end-to-end", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N examples to the terminal (never commit them)")
    a = ap.parse_args()
    t0 = time.monotonic()
    sample = load_sample(a.file, a.sample, a.seed)
    print(f"tune split of {a.file.name}: {len(sample)} notes (seed {a.seed})")
    bench_dates(sample, a.runs, a.time_notes, a.show)
    articles = load_articles(a.articles_file)
    bench_articles(articles, a.articles, a.runs)
    notes = load_sample(a.file, a.number_notes, a.seed)
    rows = bench_numbers(notes, a.runs, a.show, "tune notes")
    if a.end_to_end:
        bench_end_to_end(notes, rows)
    bench_numbers([(t, p, None, None, None) for t, p in articles], a.runs, a.show, "real news articles (Guardian, tune)")
    arabic_probe()
    print(f"\n{time.monotonic() - t0:.0f} s")


if __name__ == "__main__":
    main()
