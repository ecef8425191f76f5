"""Dates in text, resolved against the publication date with ACLED time precision.

time_precision: 1 an exact day, 2 within a week, 3 within a month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.extract.lexicons import words

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_RE = r"(\d{4})"
_WEEKDAY_RE = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


@dataclass
class DateMention:
    """A date expression found in text and what it resolves to."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    explicit_year: bool = False
    spoken: bool = False  # the day a source spoke ("said on Tuesday"), not the event's own


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts month/day on or before publication (news reports the past)."""
    candidate = _safe_date(published.year, month, day) or dt.date(published.year, month, 28)
    if candidate > published + dt.timedelta(days=2):
        return published.year - 1
    return published.year


def _last_weekday(weekday: int, published: dt.date, allow_same_day: bool = True) -> dt.date:
    """The most recent such weekday on or before publication."""
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and not allow_same_day:
        delta = 7
    return published - dt.timedelta(days=delta)


def _numeric_date(a: int, b: int, year: int, published: dt.date | None) -> dt.date | None:
    """a/b/year: month/day or day/month. A number over 12 settles it; otherwise the reading
    on or before publication and nearest to it (news reports the past), else month first."""
    readings = [d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d is not None]
    if len(readings) < 2 or readings[0] == readings[1] or published is None:
        return readings[0] if readings else None
    past = [d for d in readings if d <= published + dt.timedelta(days=1)]
    return min(past, key=lambda d: published - d) if past else readings[0]


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 7 July 2019 / 7th of July, 2019 / July 7, 2019 / July 7th 2019
    # 30 September 2017, 30-September-2017 (some agencies' style)
    ("dmy", re.compile(rf"\b{_DAY_RE}(?: of)? {_MONTH_RE},? {_YEAR_RE}\b")),
    ("dmy", re.compile(rf"\b{_DAY_RE}-{_MONTH_RE}-{_YEAR_RE}\b")),
    ("mdy", re.compile(rf"\b{_MONTH_RE} {_DAY_RE},? {_YEAR_RE}\b")),
    ("iso", re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b")),
    # 11/23/2019 (incident databases, US style) or 23/11/2019, 23.11.2019
    ("numeric", re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b")),
    # "attacked ... on 02/12": day and month in figures, the year left to the reader
    ("on_numeric", re.compile(r"\bon (\d{1,2})/(\d{1,2})\b(?![/\d])(?! of\b)(?!th\b)")),
    ("dm", re.compile(rf"\b{_DAY_RE}(?: of)? {_MONTH_RE}\b")),
    ("md", re.compile(rf"\b{_MONTH_RE} {_DAY_RE}\b(?!,? \d{{4}})(?![\d:])")),
    ("night_of", re.compile(rf"\b(?:on )?the (?:night|evening|morning|eve|dawn) of {_WEEKDAY_RE}\b")),
    # "on Thursday last week", "Thursday of last week", "a week ago on Thursday": that weekday
    # in the week before the one of publication
    ("weekday_of_last_week", re.compile(rf"\b(?:on |early |late )?{_WEEKDAY_RE}(?: (?:morning|afternoon|evening|night))?"
                                        rf"(?: of)? (?:last|the previous) week\b|\ba week ago,? (?:on |last )?{_WEEKDAY_RE}\b")),
    ("weekday_last", re.compile(rf"\blast {_WEEKDAY_RE}\b")),
    ("weekday", re.compile(rf"\b(?:on |early |late |this |since )?{_WEEKDAY_RE}(?:'s)?(?: (?:morning|afternoon|evening|night))?\b")),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|overnight|the previous day|the day before)\b")),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight|earlier today|"
                         r"(?:in|over|during|within) the (?:past|last|previous) (?:24|twenty-four) hours)\b")),
    ("days_ago", re.compile(r"\b(two|three|four|five|six|2|3|4|5|6) days ago\b")),
    ("last_week", re.compile(r"\b(?:(?:in|over|during|within) the (?:past|last|previous) "
                             r"(?:two|three|four|five|six|seven|[2-7]|48|72) (?:days|hours)|last week|past week|previous week|earlier this week|this week|in recent days|in the past few days|recently|a few days ago|days ago|the past several days|over the weekend|last weekend|at the weekend)\b")),
    ("mid_month", re.compile(rf"\b(early|mid|late|end of|beginning of|the end of|the beginning of|the middle of)[- ]{_MONTH_RE}\b")),
    ("month_year", re.compile(rf"\b(?:in )?{_MONTH_RE},? {_YEAR_RE}\b")),
    ("in_month", re.compile(rf"\b(?:in|during|since|throughout|last|this|early|late) {_MONTH_RE}\b")),
    ("last_month", re.compile(r"\b(?:last month|earlier this month|this month|the previous month|past month|in recent weeks|past few weeks|last few weeks|weeks ago)\b")),
    ("this_year", re.compile(r"\b(?:earlier this year|this year|so far this year)\b")),
]

_NUMWORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (None: only absolute)."""
    low = text.lower()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if NAMES_NOT_DAYS and kind in ("today", "weekday") and _in_a_name(text, m.start(), m.end()):
                continue
            mention = _resolve(kind, m, published)
            if mention is None:
                continue
            mention.text = text[m.start():m.end()]
            found.append(mention)
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    found = _uncertain_days(text, low, found, published) if UNCERTAIN_DAYS else found
    return _day_ranges(text, low, found) if RANGE_FIRST_DAY else found


# switch (session 47, lead): a span of days opened by "from" or "between" ("from 10 to 15 December",
# "between 3-5 June", "from June 3 through 7") dates its event by its first day. On the tune rows of
# both ACLED files whose notes open with such a span, the coders took the first day in 128, the last in
# 39, a day between in 81 (a long event coded day by day); the bare "3-7 June" and "on 3 and 4 June"
# are split evenly and keep their last day.
RANGE_FIRST_DAY = True
_RANGE_JOIN = r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*"
_RANGE_DAYS = (
    re.compile(rf"\b(?:from|between)\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_JOIN}"
               rf"(?:the\s+)?{_DAY_RE}(?: of)? {_MONTH_RE}\b"),
    re.compile(rf"\b(?:from|between)\s+{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_JOIN}{_DAY_RE}\b"),
)


def _day_ranges(text: str, low: str, found: list[DateMention]) -> list[DateMention]:
    """A span of days ("from 10 to 15 December") is its first day: the date found at its end takes
    the span's first day, and the whole span as its words."""
    for k, pattern in enumerate(_RANGE_DAYS):
        for m in pattern.finditer(low):
            first = int(m.group(1) if k == 0 else m.group(2))
            inside = [d for d in found if m.start() <= d.start < m.end() + 8 and d.precision == 1]
            if len(inside) != 1 or not first < inside[0].date.day:
                continue
            d = inside[0]
            day = _safe_date(d.date.year, d.date.month, first)
            if day is None:
                continue
            end = max(d.end, m.end())
            found = [x for x in found if x is not d] + [
                DateMention(m.start(), end, text[m.start():end], day, d.precision, explicit_year=d.explicit_year)]
    found.sort(key=lambda d: d.start)
    return found


# switch (session 47, lead): a date whose first possible day lies after the article's publication
# ("to call for elections in April 2019" in a report of March 2019) is a plan or a deadline, never
# the day of an event the article reports (dates without a written year were already read so)
FUTURE_NOT_EVENT = True


def after_publication(d: DateMention, published: dt.date | None) -> bool:
    """Does the date's first possible day (the month's first day for a month) fall after the day of
    publication (with a day's grace for time zones)?"""
    if not FUTURE_NOT_EVENT or published is None:
        return False
    earliest = d.date.replace(day=1) if d.precision >= 3 else d.date - dt.timedelta(days=7 if d.precision == 2 else 0)
    return earliest > published + dt.timedelta(days=1)


# switch: a day word that is part of a name tells no day: an outlet's "Tihama Today", "USA
# Today"; a place named after its market day, "the Monday Market" (lexicon weekday_name_heads)
NAMES_NOT_DAYS = 1
_TITLE_WORD_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """Is the day word at text[start:end] part of a proper name?"""
    word = text[start:end].strip()
    before = text[max(0, start - 40):start]
    if word.startswith("Today") and _TITLE_WORD_BEFORE.search(before):
        return True  # "Tihama Today reported", "USA Today": the outlet, not the day
    nxt = _NEXT_WORD.match(text, end)
    return bool(nxt) and nxt.group(1).lower() in words("weekday_name_heads") and word[:1].isupper()


UNCERTAIN_DAYS = 1  # switch
# "on either July 18 or 19, 2016", "on June 13 or 14": of two possible days, ACLED codes the later
_OR_DAY = re.compile(rf"\b{_MONTH_RE} {_DAY_RE} or {_DAY_RE}\b(?:,? {_YEAR_RE})?")
# "between the night of July 31 and the night of August 1", "either May 2 or May 3"
_BEFORE_PAIR = re.compile(r"\b(?:between|either)\s+(?:the (?:night|morning|evening|afternoon|day) of\s+)?$")
_PAIR_JOIN = re.compile(r"^,?\s*(?:and|or|-|to)\s+(?:on\s+)?(?:the (?:night|morning|evening|afternoon|day) of\s+)?$")
_OR_JOIN = re.compile(r"^,?\s*or\s+(?:on\s+)?$")
# "on Sunday (Sept 24)": the bracket gives the weekday's date
_BRACKETED_AFTER = re.compile(r"^\s*\($")
_WEEKDAY_END = re.compile(rf"\b{_WEEKDAY_RE}(?:'s)?(?: (?:night|morning|evening|afternoon))?$")


def _uncertain_days(text: str, low: str, found: list[DateMention], published: dt.date | None) -> list[DateMention]:
    """Of two days given as uncertain ("July 18 or 19", "between the night of July 31 and the
    night of August 1") keep the later, as ACLED codes them; a weekday with its date in brackets
    after it ("on Sunday (Sept 24)") is that date."""
    for m in _OR_DAY.finditer(low):
        first = next((d for d in found if d.start == m.start()), None)
        if first is None:
            continue
        year = int(m.group(4)) if m.group(4) else first.date.year
        later = _safe_date(year, first.date.month, int(m.group(3)))
        if later is None or later <= first.date:
            continue
        found = [d for d in found if not (m.start() <= d.start < m.end())]
        found.append(DateMention(m.start(), m.end(), text[m.start():m.end()], later, first.precision,
                                 explicit_year=bool(m.group(4)) or first.explicit_year))
    found.sort(key=lambda d: d.start)
    drop = set()
    for a, b in zip(found, found[1:]):
        if a.precision != 1 or b.precision != 1:
            continue
        between = low[a.end:b.start]
        if _BRACKETED_AFTER.match(between) and _WEEKDAY_END.search(a.text.lower()):
            drop.add(id(a))  # "on Sunday (Sept 24)"
        elif 0 < (b.date - a.date).days <= 3 and (_OR_JOIN.match(between) or (
                _PAIR_JOIN.match(between) and _BEFORE_PAIR.search(low[max(0, a.start - 40):a.start]))):
            drop.add(id(a))
    return [d for d in found if id(d) not in drop]


# switch (session 41, lead): a date whose written year lies more than ten years after the publication
# ("around 7 Mar 2106" in a report of March 2016) keeps its day and month with the publication's year
YEAR_TYPO = 1


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> DateMention | None:
    g = m.groups()
    date: dt.date | None = None
    precision = 1
    explicit_year = False
    if kind == "dmy":
        date, explicit_year = _safe_date(int(g[2]), MONTHS[g[1]], int(g[0])), True
    elif kind == "mdy":
        date, explicit_year = _safe_date(int(g[2]), MONTHS[g[0]], int(g[1])), True
    elif kind == "iso":
        date, explicit_year = _safe_date(int(g[0]), int(g[2]), int(g[3])), True
    elif kind == "numeric":
        date, explicit_year = _numeric_date(int(g[0]), int(g[2]), int(g[3]), published), True
    elif kind == "month_year":
        date, precision, explicit_year = _safe_date(int(g[1]), MONTHS[g[0]], 15), 3, True
        if g[0] == "may" and not m.group(0).startswith("in "):
            return None
    elif published is None:
        return None
    elif kind == "on_numeric":
        # either order may be meant: the reading on or before publication and nearest to it
        readings = [d for day, month in ((int(g[0]), int(g[1])), (int(g[1]), int(g[0])))
                    if 1 <= month <= 12 and (d := _safe_date(_infer_year(month, day, published), month, day))]
        past = [d for d in readings if d <= published + dt.timedelta(days=1)]
        if not past:
            return None
        date = min(past, key=lambda d: published - d)
    elif kind == "dm":
        month, day = MONTHS[g[1]], int(g[0])
        date = _safe_date(_infer_year(month, day, published), month, day)
    elif kind == "md":
        if g[0] == "may" and not re.match(r"may \d", m.group(0)):
            return None
        month, day = MONTHS[g[0]], int(g[1])
        date = _safe_date(_infer_year(month, day, published), month, day)
    elif kind == "night_of":
        date = _last_weekday(WEEKDAYS[g[0]], published)
    elif kind == "weekday_of_last_week":
        day = WEEKDAYS[g[0] or g[1]]
        date = published - dt.timedelta(days=published.weekday() + 7 - day)
    elif kind == "weekday_last":
        date = _last_weekday(WEEKDAYS[g[0]], published, allow_same_day=False)
    elif kind == "weekday":
        date = _last_weekday(WEEKDAYS[g[0]], published)
    elif kind == "yesterday":
        date = published - dt.timedelta(days=1)
    elif kind == "today":
        date = published
    elif kind == "days_ago":
        n = _NUMWORDS.get(g[0]) or int(g[0])
        date = published - dt.timedelta(days=n)
    elif kind == "last_week":
        phrase = m.group(0)
        if "this week" in phrase or "earlier this week" in phrase:
            date = published - dt.timedelta(days=published.weekday())
        elif "weekend" in phrase:
            date = _last_weekday(5, published, allow_same_day=False)
        elif phrase in ("last week", "previous week"):
            # the middle (Wednesday) of the previous Monday-Sunday week
            date = published - dt.timedelta(days=published.weekday() + 5)
        else:
            date = published - dt.timedelta(days=3)
        precision = 2
    elif kind == "mid_month":
        month = MONTHS[g[1]]
        day = {"early": 5, "beginning of": 3, "the beginning of": 3, "mid": 15,
               "the middle of": 15, "late": 25, "end of": 28, "the end of": 28}[g[0]]
        date = _safe_date(_infer_year(month, day, published), month, day)
        precision = 2
    elif kind == "in_month":
        month = MONTHS[g[0]]
        if g[0] == "may" and not m.group(0).startswith(("in ", "during ", "since ", "last ")):
            return None
        year = published.year if month <= published.month else published.year - 1
        if m.group(0).startswith("last ") and month >= published.month:
            year = published.year - 1
        date = _safe_date(year, month, 15 if not (year == published.year and month == published.month) else min(15, published.day))
        precision = 3
    elif kind == "last_month":
        phrase = m.group(0)
        if phrase in ("last month", "the previous month", "past month"):
            first = published.replace(day=1) - dt.timedelta(days=1)
            date = first.replace(day=15)
        elif "weeks" in phrase:
            date = published - dt.timedelta(days=14)
        else:
            date = published.replace(day=1)
        precision = 3
    elif kind == "this_year":
        date = published.replace(month=1, day=1) if published.month > 1 else published.replace(day=1)
        precision = 3
    if date is None:
        return None
    if YEAR_TYPO and published is not None and explicit_year and kind != "month_year" and \
            date.year > published.year + 10:
        # "7 Mar 2106" in a report of 2016: a mistyped year; the day and month stand, the year
        # is the one that puts them on or before publication
        date = _safe_date(_infer_year(date.month, date.day, published), date.month, date.day)
        explicit_year = False
        if date is None:
            return None
    if published is not None and date > published + dt.timedelta(days=1) and not explicit_year:
        return None
    return DateMention(m.start(), m.end(), "", date, precision, explicit_year)
