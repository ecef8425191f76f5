"""Place mentions in text, and which of them is where an event happened.

Mentions are capitalised spans (with Arabic articles and connectors) looked up in the
gazetteer, with a following feature word ("desert", "road", "province") as a hint. The event
location prefers locative mentions ("in", "near", "at", "outskirts of") over origins ("men
from Najaf", "fired from Syria") and datelines, and specific places over regions.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from sitrep import yaml_data
from sitrep.geo.gazetteer import (
    AREA_FEATURES,
    POINT_FEATURES,
    VILLAGE_SOURCES,
    Gazetteer,
    admin1_code,
)
from sitrep.geo.names import _SUFFIXES as NAME_SUFFIXES
from sitrep.geo.names import (
    FEATURE_WORDS,
    SUB_UNITS,
    alternation,
    ascii_fold,
    name_key,
    short_name,
    usable_key,
)
from sitrep.geo.resolve import GeoContext, distance_km, is_exact, resolve
from sitrep.model import Place, PlaceMention

_CONNECT = (r"(?:al|el|ad|ar|as|ash|at|az|an|ath|adh|bin|ibn|abu|umm|um|bani|beni|de|del|la|des|du|dos|da|ez|es|"
            r"ed|bou|ben|wadi|jabal|jebel|tal|tell|ain|ras|au|aux|sur|sous|les|le|los|las|di|do|van|von|der|den)")
# switch (session 41, places6; read when the module loads): "on", "upon", "en", "am", "im" and "the"
# join a name between hyphens too ("Stoke-on-Trent", "Newcastle-upon-Tyne", "Bourton-on-the-Water",
# "Châlons-en-Champagne"); before, "Stoke-on-Trent" was read as "Stoke" and "Trent", and "Trent" went
# fuzzily to Trento (Italy), whose province won
HYPHEN_WORD_CONNECT = 1
_HYPHEN_CONNECT = (r"(?:i|e|y|a|à|o" + (r"|on|upon|en|am|im|on-the|upon-the|by-the" if HYPHEN_WORD_CONNECT else "")
                   + ")")  # only between hyphens: "Mazar-i-Sharif", "Pointe-à-Pitre"
_CAP = r"(?:[A-Z\u00C0-\u00DE\u1E00-\u1EFF][\w'’ʿ‘`]*|[ʿ‘'][A-Z][\w'’]*)"
# before a name, a connector that is also an English or Romance word ("at", "as", "an", "de")
# joins only with a hyphen ("at-Tall"): "a raid at Mandaue City" names Mandaue City
_LEAD_SPACED = (r"(?:al|el|ash|ath|adh|az|bin|ibn|abu|umm|um|bani|beni|ez|es|ed|bou|ben|wadi|jabal|jebel|tal|"
                r"tell|ain|ras)")
# switch (read when the module loads): a name written with a slash ("Benshangul/Gumuz", ACLED's spelling of
# a region) is one span, looked up whole
SLASH_NAMES = 1
_SLASH = "/" if SLASH_NAMES else "(?!)"
# switch (session 42, places7; read when the module loads): a French elided article joins a name,
# after a hyphen or a space ("Anse-d'Hainault", "Saut-d'Eau", "Bois d'Avril", "Petite Riviere de
# l'Artibonite"); before, the name broke at the "d'": "Saut-d'Eau" was read as "Eau" (a fuzzy
# namesake in Chad) and "Anse-d'Hainault" as "Hainault" (a London suburb), which won the event
ELISION_NAMES = 1
_ELISION = r"|-[dl]['’]|\s(?:(?:de|du|des)\s)?[dl]['’]" if ELISION_NAMES else ""
_SPAN = re.compile(
    rf"(?:\b{_CONNECT}-|\b{_LEAD_SPACED}\s)?{_CAP}(?:(?:[-\s]|{_SLASH}|\s{_CONNECT}(?:\s{_CONNECT})?[-\s]|-(?:{_CONNECT}|{_HYPHEN_CONNECT})-"
    rf"{_ELISION}){_CAP})*"
)
# switch (session 45, places10): a capitalised word joined by a hyphen to a lower-case word that is no
# English word ("Ceel-baraf", "Run-nirgod") is one name: looked up whole, and where the gazetteer lacks
# it, its capitalised part alone is no place ("Ceel" had been read as Eyl); "Kismayo-based" is not joined
HYPHEN_LOWER_TAIL = True
_HYPHEN_LOWER_TAIL = re.compile(r"-([a-z][a-z'’]+)\b")
# switch (session 42, places7): "Sitio [X]" and "Purok [X]" (parts of a Philippine barangay) are no
# place the gazetteer holds ("Sitio" had gone to a San Isidro 150 km off, "Sitio [X]" fuzzily to a city
# 50 km off; ACLED codes the barangay after it); after "Barangay", the next word opens the name, so an
# unknown "Barangay [X] Hills" does not become a town "[X]" elsewhere
SUBVILLAGE_WORD_OPENS_NAME = True
_SUBVILLAGE_WORDS = frozenset({"sitio", "purok"})
# switch (session 42, places7): a word of two to five capitals past the dateline, in a text written in
# mixed case, is an acronym ("a local NGO", "the NEC"), never a town's name: before, "NGO" went to
# Ngo (Congo). ACLED notes (current and legacy) whose location is such a word in capitals: 6 of
# 114,000 (an all-capitals dateline's town is still read)
ACRONYM_NOT_TOWN = True
# switch (session 42, places7): a word that heads institutions' names ("Centre") is a province's name
# where it closes a chain of places ("in [a village], Centre, residents ...", "([a province], Centre)"):
# Haiti's, Burkina Faso's and Cameroon's Centre. Only a province of exactly that name in the text's
# countries is read (with none told, Cameroon's had won a tie over Haiti's)
HEAD_WORD_PROVINCE_IN_CHAIN = True
_CHAIN_BEFORE_PROVINCE = re.compile(r"[A-Z][\w'’.-]*\s*,\s*$|\([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,\s*$")
_CHAIN_PROVINCE_END = re.compile(r"\s*(?:[,.;)]|$)")
# switch: "St. Gallen", "St. Louis", "Ste. Anne", "Mt. Elgon", "Ft. Portal": an abbreviation with
# its full stop opens the name, which is one span ("St Gallen" is in the gazetteer). Before, the
# stop cut the name: "in St. Gallen" was read as "Gallen" (Gallin, Germany) and "in St. Louis" as
# "Louis" (Lewes, England) (session 37).
ABBREVIATED_NAME_START = True
_ABBREVIATED = r"(?:St|Ste|Sta|Mt|Ft|Pt)\.(?=\s+[A-Z])"
_SPAN_ABBREVIATED = re.compile(
    rf"(?:\b{_CONNECT}-|\b{_LEAD_SPACED}\s)?(?:\b{_ABBREVIATED}\s+)?{_CAP}(?:(?:[-\s]|{_SLASH}|\s{_CONNECT}(?:\s{_CONNECT})?[-\s]|"
    rf"-(?:{_CONNECT}|{_HYPHEN_CONNECT})-{_ELISION}){_CAP})*"
)
# switch: Ethiopia's "woreda" (district) and "kebele" (ward, village) are unit words like "township"
# and "village": "[a kebele] kebele of [a woreda] woreda, [a zone], Amhara region" reads the woreda's
# seat as "part of a region" (2), standing for the kebele the gazetteer lacks, and the chain's
# gaps ("[X] woreda, [Y] zone") are appositions. Read at import into the regexes below; at run
# time it decides whether the word gives its mention a unit's hint (session 37).
LOCAL_UNIT_WORDS = True
_LOCAL_DISTRICT = "woreda|" if LOCAL_UNIT_WORDS else ""
_LOCAL_VILLAGE = "kebele|" if LOCAL_UNIT_WORDS else ""
_LOCAL_WORDS = frozenset({"woreda", "kebele"})
_FEATURE_AFTER = re.compile(
    r"^[\s-]+(" + _LOCAL_DISTRICT + _LOCAL_VILLAGE + r"desert|mountains?|mount|range|hills|valley|wadi|lake|river|island|islands|road|highway|"
    r"crossing|border crossing|base|air ?base|camp|prison|dam|oil ?field|forest|district|sub-?district|"
    r"province|governorate|region|state|oblast|village|town|city|neighbou?rhood|area|township|(?:sadar\s+)?upazila|tehsil|"
    r"taluka|sub-?county|regency|raion|rayon|municipality|commune|locality|sadar)\b",
    re.IGNORECASE,
)
# "Bhola Sadar upazila", "Rajbari Sadar": a district's headquarters unit, named after its town
# (Bangladesh, Pakistan): the unit, not the town itself (ACLED: 2), like "[X] upazila"
SADAR_UNIT = True
_LOCATIVE_BEFORE = re.compile(
    r"(?:(?:\b(?:in|near|at|on|outside|around|inside|across|into|within|between|and|of|towards?|"
    r"targeting|targeted|along|over|nearby|reach(?:ed)?|entered|stormed|struck|hit|attacked|shelled|"
    r"km|kilometres|kilometers|miles|north|south|east|west|northeast|northwest|southeast|southwest|"
    r"northern|southern|eastern|western|central)\b[\s,]*"
    # "the town of X", "village X"; not "Quezon City, X" or "Momauk township, X": after a unit
    # word and a comma the name is the unit's parent, told to locate the place before it
    r"|\b(?:outskirts|village|town|city|district|area|vicinity|province|governorate|capital)\b\s+)"
    r"(?:the\s+|a\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+)?)$",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(
    r"(?:\b(?:from|hailing from|native of|natives of|residents of|originally from|based in|"
    r"headquartered in|to)\s+(?:the\s+)?(?:\w+\s+)?)$",
    re.IGNORECASE,
)
# switch (session 42, places7): "who lives in [X]", "a resident of [X]": a person's home, told as who
# they are, not where the event was (ACLED current notes: 11 of 15 such homes are not the location)
RESIDENCE_IS_ORIGIN = True
_RESIDENCE_BEFORE = re.compile(r"\b(?:who\s+(?:lives|lived|resides|resided|live)|an?\s+resident)\s+(?:in|of|at)\s+"
                               r"(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?$", re.IGNORECASE)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|outskirts of|vicinity of|close to|km|kilometres|kilometers|miles|"
    r"north|south|east|west|northeast|northwest|southeast|southwest)\b[\w\s,-]{0,25}$",
    re.IGNORECASE,
)


_DIRS = r"(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:east|west)?"
# "20 kilometers (12 miles) north of Aden": Aden is where one measures from, not where it happened
# "in Lakki Marwat district, south of the city of Bannu": the apposition places the place named
# before it; Bannu is where one measures from
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:km|kms|kilometres|kilometers|miles|mi)\b\.?(?:\s*\([^)]{0,30}\))?\s+(?:to the\s+)?|"
    r"[A-Za-z)],\s+(?:just\s+|some\s+|about\s+|not far\s+|located\s+)?)"
    + _DIRS + r"\s+of\s+(?:the\s+)?(?:(?:city|town|village|provincial capital|capital)\s+of\s+)?(?:\w+\s+)?$"
    # "north of the provincial capital Goma"
    r"|\b" + _DIRS + r"\s+of\s+the\s+(?:provincial\s+|regional\s+|state\s+|national\s+)?capital,?\s+$",
    re.IGNORECASE)


# "near Kisweh south of Damascus", "in the Tarmiyah area north of Baghdad": a compass word right
# after a name (no comma) measures that name from the next; the next is a reference ("ref"), as
# after "[a name], south of". Before, both were "near" and the larger city won. Not after a desert,
# range or region ("the Jazeera desert west of Baiji"): the wide area spans provinces, and the town
# measured from says where in it (the demo's coding)
DIRECTION_AFTER_NAME_REF = True
_DIRECTION_AFTER_NAME = re.compile(
    r"[A-Z][\w'’-]*[a-z](?:\s+(?:area|town|village|district|sub-?district|camp))?\s+"
    + _DIRS + r"\s+of\s+(?:the\s+)?(?:(?:city|town|village|provincial capital|capital)\s+of\s+)?$")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "police", "army", "security", "forces", "islamic", "state",
        "isis", "isil", "daesh", "president", "minister", "ministry", "government", "council",
        "command", "operations", "operation", "joint", "reuters", "afp", "ap", "said", "news",
        "agency", "general", "colonel", "major", "captain", "sheikh", "mr", "al", "the", "group",
        "victory", "will", "brigade", "division", "regiment", "battalion", "media",
        "cell", "popular", "mobilization", "mobilisation", "federal", "national", "democratic",
        "syrian", "iraqi", "kurdish", "arab", "turkish", "american", "coalition", "us", "un",
        "hashd", "shaabi", "peshmerga", "sdf", "pkk", "pmf", "emergency", "health",
        "interior", "defence", "defense", "intelligence", "counter", "terrorism", "service",
        "authorities", "official", "officials", "sources", "source", "spokesman", "governor",
        "mayor", "commander", "statement", "tuesday's", "local", "militants", "fighters",
        "shabaab", "boko", "haram", "taliban", "houthi", "houthis", "hamas", "hezbollah",
        "north", "south", "east", "west", "central", "western", "eastern", "northern",
        "southern", "road", "highway", "desert", "mountains", "lake", "river", "province",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "union", "republic", "kingdom", "sea", "gulf", "ocean", "square", "street", "hospital",
        "district", "village", "town", "city", "sector", "area", "region", "border", "camp",
    }
    return frozenset({w.lower() for w in STOP_WORDS} | extra)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Lowercase country words ('iraqi', 'syrian territory') -> ISO2."""
    path = resources.files("sitrep") / "data" / "countries.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8"))
    return {w.lower(): iso for iso, words in data.items() for w in words}


_DEMONYM_RE: re.Pattern[str] | None = None


# switch (session 38, speed): country_words remembers its last texts (the actors' and the places'
# rules ask it again for the same sentence: some 6,000 calls for 1,200 sentences); same result
COUNTRY_WORDS_CACHE = 1


def country_words(text: str) -> list[tuple[str, int, int]]:
    """(ISO2, start, end) of country names and demonyms in text."""
    if COUNTRY_WORDS_CACHE:
        return list(_country_words_cached(text, COUNTRY_NAMES_A_STREET))
    return _country_words(text)


@lru_cache(maxsize=256)  # a few articles' sentences: no article is read from another's entries
def _country_words_cached(text: str, _streets: bool) -> tuple[tuple[str, int, int], ...]:
    return tuple(_country_words(text))


def _country_words(text: str) -> list[tuple[str, int, int]]:
    global _DEMONYM_RE
    if _DEMONYM_RE is None:
        # (?<!\w)...(?!\w), not \b: "U.S." ends in a full stop
        _DEMONYM_RE = re.compile(r"(?<!\w)(?:" + alternation(list(demonyms())) + r")(?!\w)", re.IGNORECASE)
    table = demonyms()
    return [(table[m.group(0).lower()], m.start(), m.end()) for m in _DEMONYM_RE.finditer(text)
            if not (COUNTRY_NAMES_A_STREET and _names_a_street_or_building(text, m.end()))]


# switch: a country's name or demonym right before a street's or a building's word ("Palestine
# Street", "Jordan Hospital", "Lebanon Road", "the Turkish embassy") names the street or the
# building, not the country: it does not make the article about that country (session 35, the
# Iraq probe's "Palestine Street" in Baghdad placed in Palestine)
COUNTRY_NAMES_A_STREET = True


@lru_cache(maxsize=1)
def _street_or_building_after() -> re.Pattern[str]:
    """A street's or a building's word right after a name (data/place_words.yaml country_named_heads)."""
    heads = _place_words().get("country_named_heads") or []
    return re.compile(r"^\s+(?:" + "|".join(re.escape(w) for w in heads) + r")\b", re.IGNORECASE)


def _names_a_street_or_building(text: str, end: int) -> bool:
    return bool(_street_or_building_after().match(text[end:end + 24]))


# ORG is left out: the small English model often calls Middle Eastern places organisations.
NOT_PLACE_LABELS = {"PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL",
                    "PERCENT", "QUANTITY", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}


def ner_blocked(doc) -> list[tuple[int, int]]:
    """Character ranges spaCy's NER calls something other than a place (people, groups, dates)."""
    if doc is None:
        return []
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NOT_PLACE_LABELS]


_PREPOSITION_BEFORE = re.compile(r"(?:\b(?:in|near|at|outside|around|inside)|\b(?:village|town|city|district|"
                                 r"outskirts|area|vicinity|region|province|township)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def full_names(doc) -> list[tuple[int, int]]:
    """Character ranges of people's full names ("Francis Thuo", "Norbert Zongo"): no word of
    them is a place, whatever verb stands before ("attacked Mr Francis Thuo"). After a
    preposition ("in Bobo-Dioulasso") the parser's PERSON is as often a town: not blocked."""
    if doc is None:
        return []
    text = doc.text
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2
            and not _PREPOSITION_BEFORE.search(text[max(0, e.start_char - 20):e.start_char])
            and not (COUNTRYSIDE_OF_NO_PERSON and _COUNTRYSIDE_OF.search(text[max(0, e.start_char - 40):e.start_char]))
            and not (CHAIN_NAME_NO_PERSON and _LATER_IN_CHAIN.search(text[max(0, e.start_char - 80):e.start_char]))
            and not (CITY_WORD_NO_PERSON and _CITY_WORD_AFTER.match(text[e.end_char:e.end_char + 25]))
            and not (CHAIN_HEAD_NO_PERSON and chain_head(text, e.start_char, e.end_char))
            and not (CHAIN_AFTER_NO_PERSON and _CHAIN_AFTER.match(text[e.end_char:e.end_char + 90]))
            and not (PROVINCE_AFTER_NO_PERSON and _province_after(text, e.end_char))
            and not (UNIT_WORD_AFTER_NO_PERSON and _unit_word_after_name(text, e.end_char))
            and not (COMPASS_OF_NO_PERSON and _COMPASS_OF_BEFORE.search(text[max(0, e.start_char - 40):e.start_char]))
            and not (PROVINCE_WORD_AFTER_NO_PERSON and _province_word_after(text, e.start_char, e.end_char))
            and not (COMMA_PROVINCE_NO_PERSON and _comma_province_after(text, e.end_char))
            and not any(t.lower_ in UNIT_WORDS for t in e)]  # "Rakhine State" is no person


# switch (session 47, places12): a name the parser calls a person that goes on past a lowercase
# particle ("Mato Grosso" of "Mato Grosso do Sul", "Rio Grande" of "Rio Grande do Norte") is no
# person where the whole is a province's or a town's name, exactly: the block had left the last
# word alone to be read ("Sul" went to Suhl, Germany, whose country then became the event's)
PARTICLE_NAME_NO_PERSON = True
_PARTICLE_TAIL = re.compile(r"^\s+(?:d[aeiou]s?|del|della|de\s+la|de\s+los|de\s+las|du|des|el|al)\s+"
                            r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")


def _particle_place(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    tail = _PARTICLE_TAIL.match(text[end:end + 40])
    if not tail:
        return False
    words = tail.group(0).split()
    for n in range(len(words), 1, -1):  # the longest whole name first
        name = text[start:end] + " " + " ".join(words[:n])
        if any(is_exact(c, name) and c.feature in ("admin1", "town") for c in gaz.lookup(name)):
            return True
    return False


# switch (session 46, places11): "shelled [a town], [its province]." - a name followed by a comma
# and a province's name (of any country) may be a place in that province, not a person (the parser
# tags "Chasiv Yar" PERSON and the event fell to the oblast, 3). The block is lifted, and where the
# parser's tag stands only the candidates inside that province are read (find_mentions), so a
# person's name followed by a province ("[a name], [a province]'s governor") finds no place
# unless a place of that name lies there.
COMMA_PROVINCE_NO_PERSON = True  # switch (session 46, places11)
_COMMA_NAME_AFTER = re.compile(r"^\s*,\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\b(?!['’]s\b)")


def _comma_province_after(text: str, end: int) -> frozenset[str]:
    """The admin1 codes (of any country) of the name after ", " at `end`; empty where none."""
    m = _COMMA_NAME_AFTER.match(text[end:end + 60])
    if not m:
        return frozenset()
    from sitrep.geo.gazetteer import _admin1_names_index

    words = m.group(1).split()
    for n in (len(words), 1):  # "Donetsk Oblast" -> "Donetsk Oblast", then "Donetsk"
        key = name_key(" ".join(words[:n]))
        codes = frozenset(c for (_, k), c in _admin1_names_index().items() if k == key)
        if codes:
            return codes
    return frozenset()


# switch (session 41, places6): a name that is a province's, followed by a province-level unit word
# ("[a town] town ([a district], Nay Pyi Taw territory)", "[a village], Homa Bay county") is that
# province, not a person's full name (the parser tags "Nay Pyi Taw" PERSON; the block hid the
# province, and a namesake of the town in another province won)
PROVINCE_WORD_AFTER_NO_PERSON = True
_PROVINCE_WORD_AFTER = re.compile(r"^[\s-]+(?:territory|state|region|province|governorate|oblast|county|prefecture|"
                                  r"department|division|capital\s+territory)\b", re.IGNORECASE)


def _province_word_after(text: str, start: int, end: int) -> bool:
    if not _PROVINCE_WORD_AFTER.match(text[end:end + 30]):
        return False
    code = admin1_code("", text[start:end])
    return code.count(".") == 1 and code[:2].isupper()


# switch (session 40, places5): a name after "[N km] [compass] of" ("Ceel Gaal village (5km NE of
# Ceel Dheer)", "a checkpoint 20 km north of Tal Afar") is the town the text measures from, not a
# person's full name; the parser tags two-word town names PERSON and the block hid the reference
# town, so the measured village could not be placed from it (and "Ceel", Eyl's other name, 900 km
# off, was taken instead)
COMPASS_OF_NO_PERSON = True
_COMPASS_OF_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2}\s+of\s+"
                                r"(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$|"
                                r"\b\d{1,3}(?:\.\d)?\s*-?\s*(?:km|kms|kilomet(?:er|re)s?)\.?\s+(?:to\s+the\s+)?"
                                r"[NSEW]{1,3}\s+of\s+(?:the\s+)?$", re.IGNORECASE)

# switch (session 39, places4): a two-word name followed by a unit word below the province ("[a
# village], Nam Tu township, [a state]", "Kut Kai township") is the unit's name, not a person's full
# name (the parser tags such names PERSON; the block hid the township and the state's capital won);
# not before an office ("[a name] district commissioner")
UNIT_WORD_AFTER_NO_PERSON = True
_OFFICE_AFTER_UNIT = re.compile(r"^[\s-]*\S+\s+(?:commissioners?|chiefs?|officers?|officials?|administrators?|heads?|"
                                r"governors?|councils?|councillors?|courts?|judges?|secretar(?:y|ies)|police|mayors?)\b",
                                re.IGNORECASE)


def _unit_word_after_name(text: str, end: int) -> bool:
    after = text[end:end + 40]
    return bool(_UNIT_WORD_AFTER.match(after)) and not _OFFICE_AFTER_UNIT.match(after)


# "in the countryside of [a town]", "the desert of [a district]", "the Badia of [a town]": the name
# after is a place, as after "outskirts of" (the parser tags "Tal Tamr" PERSON)
COUNTRYSIDE_OF_NO_PERSON = True
_COUNTRYSIDE_OF = re.compile(r"\b(?:countryside|desert|badia|suburbs|environs|surroundings|farmlands?|orchards)\s+of\s+(?:the\s+)?$",
                             re.IGNORECASE)

# "shelled [a town] ([a district], [a province])": a name the bracket of an ACLED chain follows is
# the place that chain locates, not a person (the parser tags "Tal Tamer" PERSON, "Tamer" being a
# given name). The bracket holds two or three capitalised names, the first not an acronym.
CHAIN_AFTER_NO_PERSON = True
_CHAIN_ITEM = r"[A-Z][\w'’]*[a-z][\w'’]*(?:[\s-]+(?:[A-Z]|al\b|el\b|ez\b|ash\b|as\b|ar\b|ad\b)[\w'’]*){0,3}"
_CHAIN_AFTER = re.compile(r"^\s*\(\s*" + _CHAIN_ITEM + r"(?:\s*,\s*" + _CHAIN_ITEM + r"){1,2}\s*\)")

# "raided [a town] (Al-Hasakeh)", "shelled [a village] in the western Aleppo countryside": a name
# followed by its province, bracketed or as "in the [compass] [province] countryside/desert", is a
# place, not a person (the bracket's one name must be a province's, of any country)
PROVINCE_AFTER_NO_PERSON = True
_ONE_BRACKET = re.compile(r"^\s*\(\s*(" + _CHAIN_ITEM + r")\s*\)")
_COUNTRYSIDE_AFTER = re.compile(
    r"^\s+in\s+the\s+(?:(?:north|south|east|west)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?(?:countryside|desert|badia)\b")


def _province_after(text: str, end: int) -> bool:
    if _COUNTRYSIDE_AFTER.match(text[end:end + 70]):
        return True
    m = _ONE_BRACKET.match(text[end:end + 50])
    return bool(m) and admin1_code("", m.group(1)).count(".") == 1 and admin1_code("", m.group(1))[:2].isupper()


# "in [a ward] ([a sub-county], Homa Bay)": a later item of the bracket after a name is a unit of the
# chain that locates it, not a person's full name (the parser tags "Homa Bay", "Trans Nzoia" PERSON)
CHAIN_NAME_NO_PERSON = True
_LATER_IN_CHAIN = re.compile(r"[A-Z][\w'’-]*\s*\([^()]*,\s*$")

# "in [a village], [a town], on [a day]", "[a village] ([a town], [a province])": a name set
# right after another name, by a comma after "in [name]" or opening the bracket after it, is the
# unit that locates that name, not a person (the parser tags "Fada Ngourma", "Hikkaduwa" PERSON)
CHAIN_HEAD_NO_PERSON = True
# "in [a town] town ([a province])", "in [a village] village (...)": a unit word between the name
# and the bracket (switch CHAIN_HEAD_AFTER_UNIT_WORD)
CHAIN_HEAD_AFTER_UNIT_WORD = True
_CHAIN_HEAD_TAIL = (r"|\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:(?:village|town)\s+of\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
                    r"(?:\s+(?:village|town|area))?,\s*)$")
_CHAIN_HEAD_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*\s*\(\s*" + _CHAIN_HEAD_TAIL)
# switch (session 42, lead): every local unit word may stand between the name and the bracket
# ("in [a woreda] woreda ([a zone], Oromia)", "[a ward] ward ([a county])": the parser tags a
# two-word zone PERSON and the block lost it, leaving only the region)
CHAIN_HEAD_ANY_UNIT = True
_CHAIN_HEAD_BEFORE_UNIT = re.compile(
    r"(?:[A-Z][\w'’-]*(?:\s+(?:village|town|city|area|camp|district|sub-?district))?\s*\(\s*" + _CHAIN_HEAD_TAIL)
_CHAIN_HEAD_BEFORE_ANY_UNIT = re.compile(
    r"(?:[A-Z][\w'’-]*(?:\s+(?:village|town|city|area|camp|district|sub-?district|woreda|kebele|zone|township|"
    r"county|sub-?county|commune|locality|municipality|upazila|union|tehsil|taluka|ward|neighbou?rhood|quarter|"
    r"settlement|hamlet|barangay|regency|raion|rayon))?\s*\(\s*" + _CHAIN_HEAD_TAIL)
_CHAIN_HEAD_AFTER = re.compile(r"^\s*(?:,\s*(?:[A-Z][\w'’-]*\s*)+\)|\)|[,.;]|\s+(?:on|in)\s+\d)")


def chain_head(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the first unit of a chain set after a name (docs above)?"""
    before = text[max(0, start - 60):start]
    m = ((_CHAIN_HEAD_BEFORE_ANY_UNIT if CHAIN_HEAD_ANY_UNIT else _CHAIN_HEAD_BEFORE_UNIT) if CHAIN_HEAD_AFTER_UNIT_WORD
         else _CHAIN_HEAD_BEFORE).search(before)
    if not m or not _CHAIN_HEAD_AFTER.match(text[end:end + 60]):
        return False
    return not (m.group(0).rstrip().endswith("(") and before[:m.start()].count("(") > before[:m.start()].count(")"))


# "a protest [a city] city, [a province]", "in [a town] town": the parser tags a city's name a
# person ("Banda Aceh"); "city" or "town" after it says it is a place (not "town hall")
CITY_WORD_NO_PERSON = True
_CITY_WORD_AFTER = re.compile(r"^[\s-]+(?:city|town)\b(?![\s-]+(?:hall|halls|council|councils|centre|center|square|"
                              r"planning|planner|crier|house|houses|meeting|meetings)\b)", re.IGNORECASE)


# words that make a name a unit or a feature ("Shan State", "Manton Township")
UNIT_WORDS = frozenset(FEATURE_WORDS) | frozenset(NAME_SUFFIXES) | {"township", "townships", "upazila", "barangay"}


_PROPER_TAGS = {"NNP", "NNPS"}
NER_BLOCKED_CITY_POP = 100_000
# a name of two or three letters ("Wa", "Ibb", "Bay") is a town only if one this large has it
SHORT_NAME_TOWN_POP = 50_000


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English dictionary words of the spaCy model's lemmatizer tables (WordNet's index of
    nouns, verbs, adjectives and adverbs): empty if the model has none."""
    from pathlib import Path

    from spacy.lookups import Lookups

    from sitrep.nlp import MODEL_NAME

    try:
        package = __import__(MODEL_NAME)
    except ImportError:
        return frozenset()
    words: set[str] = set()
    for folder in Path(package.__file__).parent.glob("*/lemmatizer/lookups"):
        index = Lookups().from_disk(folder).get_table("lemma_index", {})
        for pos in index:
            words.update(index[pos])
    return frozenset(words)


def _dictionary_word(word: str) -> bool:
    words = english_words()
    w = word.lower().strip("'’,.")
    return w in words or any(w.endswith(e) and w[:-len(e)] in words for e in ("s", "es", "ed", "d", "ing"))


# switch (session 38, speed): the character spans of the last parse's tokens are kept, so that
# read_as_common_word, asked for each place mention of a sentence, walks the parse's tokens once
TOKEN_SPANS_CACHE = 1
_last_spans: tuple = (None, [])  # (the doc, held so that its identity stays its own; its spans)


def _token_spans(doc) -> list[tuple[int, int]]:
    global _last_spans
    last = _last_spans  # one read: another thread may replace it (one tuple, swapped whole)
    if last[0] is doc:
        return last[1]
    spans = [(t.idx, t.idx + len(t.text)) for t in doc]
    _last_spans = (doc, spans)
    return spans


def _tokens_in(doc, start: int, end: int) -> list:
    """The parse's tokens that overlap text[start:end]."""
    if TOKEN_SPANS_CACHE:
        return [doc[i] for i, (a, b) in enumerate(_token_spans(doc)) if a < end and b > start]
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def read_as_common_word(doc, start: int, end: int) -> bool:
    """Does the tagger read every word of text[start:end] as a common word, and is each an
    English dictionary word ("Armed cattle raiders", "Rival clans")? A capital that only opens
    a sentence names nothing. (The tagger alone would also take unknown town names for nouns.)"""
    if doc is None:
        return False
    tokens = _tokens_in(doc, start, end)
    if any(t.ent_type_ in ("GPE", "LOC") and t.i > t.sent.start and t.text[:1].isupper() for t in tokens):
        return False  # mid-sentence, capitalised and called a place by the parser ("in Aars")
    return bool(tokens) and all(t.tag_ and t.tag_ not in _PROPER_TAGS and _dictionary_word(t.text) for t in tokens)


# switch (session 47, places12): one English dictionary word opening a sentence, before another
# dictionary word ("Grenade attack kills two", "Mortar Fire Hits Market"), which the parser tags a
# proper noun for its capital alone and calls no place, keeps only the candidates in the text's own
# countries (and the team's supplement's own spelling): "Grenade" had been Granada (Spain), one of
# whose other names it is, in notes about Kenya and Somalia
OPENING_WORD_ABROAD_NOT_PLACE = True


def opening_common_word(doc, start: int, end: int) -> bool:
    """Is text[start:end] one dictionary word, the first of its sentence, not called a place by the
    parser, with a dictionary word after it?"""
    if doc is None:
        return False
    tokens = _tokens_in(doc, start, end)
    if len(tokens) != 1:
        return False
    t = tokens[0]
    if t.i != t.sent.start or t.ent_type_ in ("GPE", "LOC") or not t.is_alpha or not _dictionary_word(t.text):
        return False
    if t.i + 1 >= len(doc):
        return False
    nxt = doc[t.i + 1]
    return nxt.is_alpha and nxt.ent_type_ not in ("GPE", "LOC") and _dictionary_word(nxt.text)


# switch (session 43, places8): a news agency's name ("Agence France Presse") is an institution's:
# data/place_words_session43.yaml `organisation_heads_more` (read once: set before the first call)
PRESS_HEADS = 1


@lru_cache(maxsize=1)
def organisation_heads() -> frozenset[str]:
    """Head nouns of institutions' and groups' names (data/place_words.yaml)."""
    path = resources.files("sitrep") / "data" / "place_words.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    heads = [*(data.get("organisation_heads") or [])]
    if PRESS_HEADS:
        more = resources.files("sitrep") / "data" / "place_words_session43.yaml"
        heads += (yaml_data.safe_load(more.read_text(encoding="utf-8")) or {}).get("organisation_heads_more") or []
    return frozenset(w.lower() for w in heads)


# "killed three Amhara civilians in [a village of Oromia]": a one-word province name right before a
# noun for people (data/place_words.yaml `region_people_nouns`) names an ethnic group, which lives
# far beyond its region, not where the event was, where the sentence names another place
REGION_AS_PEOPLE = True
_PEOPLE_NOUN = re.compile(r"\s+([a-z]+)\b")


@lru_cache(maxsize=1)
def _region_people_nouns() -> frozenset[str]:
    return frozenset(_place_words().get("region_people_nouns") or [])


def _people_noun_after(text: str, end: int) -> bool:
    m = _PEOPLE_NOUN.match(text, end)
    return bool(m) and m.group(1) in _region_people_nouns()


@lru_cache(maxsize=1)
def _place_words() -> dict:
    path = resources.files("sitrep") / "data" / "place_words.yaml"
    return yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}


# switch (session 42, places7): the words that open a note before a colon ("Looting: On 29 January,
# ...", "Property destruction: ...", "Movement of forces: ...") are the coder's label, not a place
# when they are dictionary words in mixed case and no city of NOTE_LABEL_CITY_POP is spelt so
# ("MOGADISHU:" and "Mogadishu:" stay datelines); "Looting" had gone to Rüthen (Germany), whose
# country then stood in the text's focus
NOTE_LABEL_NOT_PLACE = True
NOTE_LABEL_CITY_POP = 100_000


def _note_label_span(gaz: Gazetteer, span: str) -> bool:
    words = span.split()
    if span.isupper() or not all(_dictionary_word(w) for w in words):
        return False
    return not any((c.population or 0) >= NOTE_LABEL_CITY_POP and is_exact(c, span) for c in gaz.lookup(span))


# switch (session 42, places7): a capitalised name right before a vehicle's, a brand's or a firm's
# noun ("captured a Toyota vehicle", "a Metro shuttle bus", "the Wanbao company"; data/
# place_words_session42.yaml `vehicle_nouns`) is the make or the firm, not a place; before, Toyota
# (Japan) and Metro (Lampung, Indonesia) placed events in Somalia and Kenya
VEHICLE_NAME_NOT_PLACE = True
_VEHICLE_STOP = r"(?!\s+(?:stations?|stops?|terminals?|parks?|stands?|depots?|ranks?|stages?|parking)\b)"


@lru_cache(maxsize=1)
def vehicle_after() -> re.Pattern[str]:
    """A vehicle's or a firm's noun right after a name: "Toyota vehicle" (data/place_words_session42.yaml)."""
    path = resources.files("sitrep") / "data" / "place_words_session42.yaml"
    words = (yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}).get("vehicle_nouns") or []
    return re.compile(r"^(?:['’]s)?(?:\s+(?:shuttle|mini|passenger|public|cargo|transport))?\s+(?:"
                      + "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True)) + r")\b"
                      + _VEHICLE_STOP, re.IGNORECASE)


# "the Rideegama Pradeshiya Sabha", "a Zila Parishad member": a council's name ends in a word
# that is also a town's name elsewhere (Libya's Sabha); after another word of the same name it
# names the council (data/place_words.yaml `organisation_tails`), alone it may be the town
ORGANISATION_TAILS = True
# switch (session 43, places8): a dictionary word alone inside a capitalised name that ends in an
# institution's head word ("National Human Rights Commission") is a word of that name, not a
# place, where no place has it as its own name ("Human" had been read as Uman of Ukraine, which
# GeoNames also calls H'Uman; "Delta State Police Command" keeps Delta State). Not the name's first
# word: "[a township] University" is where the university is
WORD_INSIDE_INSTITUTION_NAME = 1


def organisation_tails() -> frozenset[str]:
    """Last words of councils' names that are places' names alone (data/place_words.yaml)."""
    return frozenset(w.lower() for w in _place_words().get("organisation_tails") or []) if ORGANISATION_TAILS \
        else frozenset()


# ACLED codes a unit below the province named after its seat at precision 2 ("Maungdaw
# Township", "Raipura upazila"), but in some countries a unit of a lower level is coded as the
# place itself, 1: Indonesia's districts (kecamatan) and sub-districts (kelurahan, desa),
# "in Tobadak district, Central Mamuju regency": 824 of 909 tune rows of 2016-19 and 213 of
# 302 of 2020 on whose note names the coded location so, and 637 of 643 "sub-district" rows
# (data/place_words.yaml `acled_point_units`: country -> unit words)
ACLED_POINT_UNITS = True


def acled_point_unit(iso: str, word: str) -> bool:
    """Whether ACLED codes a unit called `word` ("district") in country `iso` at its own point."""
    if not ACLED_POINT_UNITS or not word:
        return False
    units = _place_words().get("acled_point_units") or {}
    return word.lower().replace("-", "") in {w.replace("-", "") for w in units.get(iso) or []}


def street_words() -> frozenset[str]:
    """Last words of streets' names ("Waiyaki Way"): data/place_words.yaml."""
    return frozenset(w.lower() for w in _place_words().get("street_words") or [])


@lru_cache(maxsize=1)
def facility_after() -> re.Pattern[str]:
    """A facility noun right after a name: "al-Thawra hospital" (data/place_words.yaml)."""
    path = resources.files("sitrep") / "data" / "place_words.yaml"
    words = (yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}).get("facility_nouns") or []
    return re.compile(r"^\s+(?:" + "|".join(re.escape(w.lower()) for w in words) + r")s?\b", re.IGNORECASE)


_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|inside|outside|around)\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def people_after() -> re.Pattern[str]:
    """A word after a name that makes it a people: "the Garre clan", "Pokot tribesmen"
    (data/people_words.yaml)."""
    path = resources.files("sitrep") / "data" / "people_words.yaml"
    words = (yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}).get("people_nouns") or []
    return re.compile(r"^(?:['’]s)?\s+(?:sub-)?(?:" + "|".join(re.escape(w.lower()) for w in words) + r")\b",
                      re.IGNORECASE)


FACILITY_KM = 50.0


def _facility_far_off(mm: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """A building's name read as a town ("a doctor at al-Thawra hospital" in a report from Taiz
    is not Ath Thawrah, 500 km off): the article's other places are all in other provinces and
    more than FACILITY_KM away."""
    place = mm.place
    if place is None or not getattr(mm, "facility", False) or place.feature not in POINT_FEATURES:
        return False
    others = [o.place for o in mentions if o is not mm and o.place is not None and not getattr(o, "facility", False)]
    if not others or place.latitude is None:
        return False
    for o in others:
        if _unit(o) and _unit(o) == _unit(place):
            return False
        if o.latitude is not None and o.feature in POINT_FEATURES and \
                distance_km((o.latitude, o.longitude), (place.latitude, place.longitude)) <= FACILITY_KM:
            return False
    return True


_CAPITAL_AFTER = re.compile(r"^(?:['’]s)?\s+capital\b(?!\s+(?:of|region|territory|district|province))")
_CAPITAL_BEFORE = re.compile(r"\bcapital(?:\s+city)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def dateline_town(mentions: list[PlaceMention], text: str, dateline: int, focus: set[str] | None) -> PlaceMention | None:
    """The mention of the town a dateline names ("MOSUL, Jan 19 (Reuters) -", "HYDERABAD:"): it opens
    the text, before the date and the agency, and is in the only country in focus (if any)."""
    opening = len(text) - len(text.lstrip())
    return next((mm for mm in mentions if mm.place is not None and mm.start == opening and mm.end <= dateline
                 and mm.place.feature in POINT_FEATURES and (not focus or focus == {mm.place.iso})), None)


def capital_mentions(text: str, gaz: Gazetteer, offset: int = 0) -> list[PlaceMention]:
    """"Somalia's capital", "the Afghan capital", "the capital of Mali": the national capital."""
    found = []
    for iso, start, end in country_words(text):
        after = _CAPITAL_AFTER.match(text[end:end + 40])
        if after:
            span = (start, end + after.end())
        elif _CAPITAL_BEFORE.search(text[max(0, start - 30):start]):
            span = (start - len(_CAPITAL_BEFORE.search(text[max(0, start - 30):start]).group(0)), end)
        else:
            continue
        place = gaz.country_capital(iso)
        if place is not None:
            m = PlaceMention(text[span[0]:span[1]], offset + span[0], offset + span[1], role=mention_role(text, span[0]))
            m.candidates = [place]  # type: ignore[attr-defined]
            m.hint = "town"  # type: ignore[attr-defined]
            found.append(m)
    return found


# "Mareer Gur village": an actor's abbreviation matched inside a longer name ("Gur", one of
# the Ukrainian forces' abbreviations, in a Somali village's name) took the name's last word,
# and the village was lost. A name of several words that is exactly a gazetteer place's own
# spelling is the place where what blocks it is a short word strictly inside it.
ABBREVIATION_INSIDE_NAME = True
ABBREVIATION_MAX_LEN = 4


def _abbreviation_inside_name(gaz: Gazetteer, text: str, start: int, end: int,
                              blocked: list[tuple[int, int]]) -> bool:
    """Is every blocked range over text[start:end] a short word strictly inside it, and the span
    (of two words or more) exactly the name of a gazetteer place?"""
    surface = text[start:end]
    if len(surface.split()) < 2:
        return False
    over = [(s, e) for s, e in blocked if s < end and start < e]
    if not all(start <= s and e <= end and (s, e) != (start, end) and e - s <= ABBREVIATION_MAX_LEN
               for s, e in over):
        return False
    return any(is_exact(c, surface) for c in gaz.by_key(name_key(surface)))


# switch: a word that opens many place names of its language ("Ceel" = well in Somali, "Bir",
# "Ain", "Tell", "Kafr", "Kampung": lexicons.yaml `name_opening_words`) is not a place alone where
# the name it opens is unknown: "Ceel Garas" had become "Ceel", Eyl's other name, 600 km away
# (session 37).
NAME_OPENING_WORD_ALONE = False
OPENING_ONLY_BESIDE_A_PLACE = True  # only where the text names another place (as QUARTER_ONLY_BESIDE_A_PLACE)


@lru_cache(maxsize=1)
def _name_opening_words() -> frozenset[str]:
    from sitrep.extract.lexicons import words

    return words("name_opening_words")


# switch (session 37, places2): a protest's grievance is not its place. "residents demonstrated in
# [a town] against the war in [a country]", "rallied in [a city] to denounce the killing of a
# journalist in [a town abroad]": where a sentence reports a gathering and names a place of its own
# for it ("in [X]", "outside ...", "in the capital") before the words that say what it is about
# (against, to denounce, to condemn, demanding, over the ..., to protest, in solidarity with, to
# urge ...), the places and countries named after those words are neither the event's place nor
# the article's country (before, they set the article's focus, and a namesake of the gathering's
# town was taken in the grievance's country)
GRIEVANCE_NOT_PLACE = True
_GATHERING = re.compile(r"\b(?:protest(?:s|ed|ing|ers?)?|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?|"
                        r"gather(?:ed|ing)|sit-ins?|vigils?|picket\w*|strikes?|striking|walkouts?)\b", re.IGNORECASE)
_OWN_PLACE = re.compile(r"\b(?:in|at|outside|inside|near|across|in\s+front\s+of|opposite)\s+(?:the\s+)?"
                        r"(?:[A-Z]|(?:capital|capitol|city|town|village)\b)")
_GRIEVANCE = re.compile(
    r"\b(?:against|to\s+(?:denounce|condemn|protest|urge|demand|decry|mourn|commemorate|express\s+solidarity|"
    r"show\s+solidarity|call\s+for)|denouncing|condemning|decrying|demanding|protesting|urging|calling\s+for|"
    r"in\s+(?:solidarity|support)\s+(?:with|of)|"
    r"over\s+(?:the|a|an|his|her|their)\s+(?!weekend|past|last|next|course|years?|months?|weeks?|days?|night)"
    r")\b", re.IGNORECASE)
# a sentence ends at a stop before a capital, not inside "U.S." nor before a lower-case word
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?;]+(?=\s+[\"“'(]?[A-Z0-9])|\n")


def grievance_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that tell what a gathering is about, where its sentence names the
    gathering's own place before them (GRIEVANCE_NOT_PLACE)."""
    if not GRIEVANCE_NOT_PLACE:
        return []
    spans = []
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for begin, end in zip(bounds, bounds[1:]):
        part = text[begin:end]
        gathering = _GATHERING.search(part)
        if gathering is None:
            continue
        opener = _GRIEVANCE.search(part, gathering.end())
        if opener is None or not _OWN_PLACE.search(part, 0, opener.start()):
            continue
        spans.append((begin + opener.start(), end))
    return spans


def in_grievance(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def find_mentions(text: str, gaz: Gazetteer, offset: int = 0, blocked: list[tuple[int, int]] | None = None,
                  doc=None, countries: set[str] | None = None) -> list[PlaceMention]:
    """Place-name mentions in `text` with their gazetteer candidates (not yet resolved).

    blocked: character ranges (relative to text) already taken by actor names and the like.
    doc: the sentence's spaCy parse, if any: names its NER calls a person, organisation,
    nationality or date are not places unless the team's supplement knows them.
    countries: the article's countries; a name after "in", "near", "village of" that is not in
    the gazetteer is then matched fuzzily among their places ("Hussainiyat" for "Husayniyat").
    """
    stop = _stopwords()
    heads = organisation_heads()
    tails = organisation_tails()
    mentions: list[PlaceMention] = []
    names = full_names(doc)
    if PARTICLE_NAME_NO_PERSON and names:
        names = [span for span in names if not _particle_place(gaz, text, *span)]
    blocked = (blocked or []) + names
    filed_at = dateline_end(text) if DATELINE_TOWN else 0
    # "(Reuters)", "(Wire)" in a dateline: the agency, never a place ("Wire" is one of Owerri's names)
    blocked += [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", text[:filed_at])]
    ner_block = ner_blocked(doc)
    mixed_case = sum(ch.islower() for ch in text) > 2 * sum(ch.isupper() for ch in text)  # ACRONYM_NOT_TOWN
    for m in (_SPAN_ABBREVIATED if ABBREVIATED_NAME_START else _SPAN).finditer(text):
        if people_after().match(text[m.end():m.end() + 30]) and not _AT_PLACE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "the Garre clan", "Pokot tribesmen": a people, not a place ("in Garissa community ..." is)
        if NOTE_LABEL_NOT_PLACE and offset == 0 and not text[:m.start()].strip() and text[m.end():m.end() + 1] == ":" \
                and _note_label_span(gaz, m.group(0)):
            continue  # "Looting: On [a day], armed men ...": the coder's label, not a place
        if VEHICLE_NAME_NOT_PLACE and vehicle_after().match(text[m.end():m.end() + 40]):
            continue  # "a Toyota vehicle", "the Wanbao company": the make or the firm, not a place
        words = list(re.finditer(r"[^\s/-]+", m.group(0)))
        lower_tail = _HYPHEN_LOWER_TAIL.match(text, m.end()) if HYPHEN_LOWER_TAIL else None
        if lower_tail and _dictionary_word(lower_tail.group(1)):
            lower_tail = None  # "Mogadishu-based", "Kenya-led": the name, then an English word
        i = 0
        span_hits: list[tuple[int, int, PlaceMention]] = []  # WORD_INSIDE_UNKNOWN_NAME
        opens = 0  # the word that opens the name (after "Barangay", "Sitio")
        in_name = False
        unread_before = False  # a word of this capitalised span before i found no place (TAIL_OF_UNKNOWN_NAME)
        while i < len(words):
            hit = None
            if FOLDED_NEEDS_ODD_WORD and i > 0 and words[i].group(0).islower() and \
                    words[i].group(0) not in _LEAD_SPACED_WORDS:
                i += 1  # "[an Address] at Davao City": a joining word inside the span opens no name
                continue
            if words[i].group(0).lower().rstrip(".") in BARANGAY_WORDS and i + 1 < len(words):
                i += 1  # "Barangay Tumaga": the word says what the name after it is
                opens = i if SUBVILLAGE_WORD_OPENS_NAME else 0
                continue
            if SUBVILLAGE_WORD_OPENS_NAME and i == 0 and words[i].group(0).lower() in _SUBVILLAGE_WORDS \
                    and i + 1 < len(words):
                break  # "Sitio Malinao": a part of a barangay, which no gazetteer holds (ACLED: the barangay)
            if DOUBLED_WORD_NO_PLACE and i + 1 < len(words) and \
                    words[i].group(0).lower() == words[i + 1].group(0).lower() and \
                    not gaz.by_key(name_key(text[m.start() + words[i].start():m.start() + words[i + 1].end()])):
                i += 2  # "Boda Boda operators" (motorbike taxis) are not Norway's Bodø twice
                continue
            for j in range(min(len(words), i + 5), i, -1):
                start = m.start() + words[i].start()
                end = m.start() + words[j - 1].end()
                surface = re.sub(r"(?:['’]s|['’.,])+$", "", text[start:end])
                end = start + len(surface)
                if lower_tail and j == len(words) and end == m.end():
                    joined = text[start:lower_tail.end()]
                    if not gaz.by_key(name_key(joined)):
                        continue  # "Ceel-baraf": an unknown name opening with "Ceel", not Eyl
                    surface, end = joined, start + len(joined)
                if any(s < end and start < e for s, e in blocked) and not (
                        ABBREVIATION_INSIDE_NAME and _abbreviation_inside_name(gaz, text, start, end, blocked)):
                    continue
                # "Ceel Garas", "Bir Zeit": "Ceel" (a well) opens the unknown name; it is not Eyl
                opening_only = NAME_OPENING_WORD_ALONE and j - i == 1 and j < len(words) and \
                    m.start() + words[j].start() - end <= 1 and surface.lower() in _name_opening_words()
                feature = _FEATURE_AFTER.match(text[end:end + 30])
                if feature and not LOCAL_UNIT_WORDS and feature.group(1).lower() in _LOCAL_WORDS:
                    feature = None
                if feature and not SADAR_UNIT and feature.group(1).lower().startswith("sadar"):
                    feature = None
                cands = []
                brgys: list[Place] = []
                hint = unit_word = ""
                region_people = False
                if feature:
                    word = feature.group(1).lower().split()[-1].replace("-", "")
                    hint, unit_word = FEATURE_WORDS.get(word, ""), word
                    with_feature = text[start:end + feature.end()]
                    # "Anbar province", "Beni territory" name the unit; "Jalalabad city" names the
                    # town, never a province that happens to have that alternate name
                    unit = ("town", "admin1", "country") if hint in ("town", "village") or word in SUB_UNITS else ("town",)
                    # "Medan city" names a town: the plain name is looked up below
                    cands = [] if hint in ("town", "village") else [
                        c for c in gaz.lookup(with_feature) if c.feature not in unit]
                    if cands:
                        surface = with_feature
                        end = start + len(with_feature)
                if not cands:
                    key = name_key(surface)
                    short = not usable_key(key, surface) and j - i == 1 and short_name(key, surface)
                    if short and not _short_name_placed(text, start, end):
                        continue
                    if not (usable_key(key, surface) or short) or (j - i == 1 and surface.lower().strip("'’") in stop):
                        continue
                    if j - i == 1 and surface.lower().rstrip(".") in BARANGAY_WORDS:
                        continue  # "Brgy." alone: the name follows it
                    if j - i == 1 and surface.lower() in _peoples(gaz):
                        continue  # "Swiss bank accounts", "Palestinian refugees": whose, not where
                    region_people = REGION_AS_PEOPLE and j - i == 1 and _people_noun_after(text, end)
                    if all(w.group(0).lower().strip("'’,.") in stop for w in words[i:j]):
                        continue
                    head_province = HEAD_WORD_PROVINCE_IN_CHAIN and j - i == 1 and len(words) == 1 and \
                        _CHAIN_BEFORE_PROVINCE.search(text[max(0, start - 40):start]) is not None and \
                        _CHAIN_PROVINCE_END.match(text[end:end + 3]) is not None
                    if words[j - 1].group(0).lower().strip("'’,.") in heads and not head_province:
                        continue  # "Congress", "Trade Union Confederation": an institution's name
                    if i > 0 and words[i].group(0).lower().strip("'’,.") in tails and \
                            words[i - 1].group(0).lower().strip("'’,.") not in stop:
                        continue  # "Rideegama Pradeshiya Sabha": the council, not Libya's Sabha
                    cands = gaz.by_key(key)
                    plain_words = FOLDED_NEEDS_ODD_WORD and all(_dictionary_word(w.group(0)) for w in words[i:j])
                    if plain_words:
                        # "Stray bullets": an English word read only by its folded key ("Stryi") is no place;
                        # where it is also spelt exactly so in the text's countries, only the namesakes spelt
                        # so count; spelt so only abroad, the reading stays as it was ("Manila", "List")
                        exact = [c for c in cands if _spelt_alike(c, surface)]
                        cands = exact if any(c.iso in (countries or ()) for c in exact) else cands if exact else []
                    if WORD_INSIDE_INSTITUTION_NAME and j - i == 1 and 0 < i and j < len(words) and \
                            words[-1].group(0).lower().strip("'’,.") in heads and _dictionary_word(surface) and \
                            not any(name_key(c.name) == key for c in cands):
                        continue  # "National Human Rights Commission": a word of its name, not Uman ("H'Uman")
                    if head_province and surface.lower() in heads:
                        cands = [c for c in cands if c.feature == "admin1" and is_exact(c, surface)
                                 and c.iso in (countries or ())]  # only a province of the text's countries
                    if short:  # "Ibb", "(Baidoa, Bay)": the province or a large town of that very name
                        by_unit = SHORT_NAME_BY_UNIT and (_SHORT_NAME_UNIT_AFTER.match(text[end:end + 25]) is not None
                                                          or _CITY_WORD_AFTER.match(text[end:end + 25]) is not None)
                        cands = [c for c in cands if is_exact(c, surface) and (
                            c.feature == "admin1" or (c.feature == "town" and (c.population or 0) >= SHORT_NAME_TOWN_POP)
                            # the team's own entry ("in Yei"), or a town the text calls a town or the
                            # seat of a unit below the province ("Ye town", "Ye township"): that spelling
                            or (SHORT_NAME_BY_UNIT and getattr(c, "source", "") == "supplement")
                            or (by_unit and c.feature == "town"))]
                    brgys = _barangays(gaz, key, surface, cands, j - i, words[i:j], hint)
                    tail = words[j - 1].group(0).lower().strip("'’,.").replace("-", "")
                    if not hint and j - i > 1 and tail in FEATURE_WORDS:
                        # "Mandaue City" is the city, not the unit named after it; "Lashio
                        # Township" the unit named after its town, not the province
                        hint, unit_word = FEATURE_WORDS[tail], tail
                        if tail in SUB_UNITS:
                            cands = [c for c in cands if c.feature not in ("admin1", "country")]
                    if (cands or brgys) and read_as_common_word(doc, start, end) and not (
                            surface.isupper() and end <= filed_at):
                        # "Armed cattle raiders", "Rival clans clash": only the team's own places
                        cands = [c for c in cands if getattr(c, "source", "") == "supplement" and is_exact(c, surface)]
                        brgys = []
                    if OPENING_WORD_ABROAD_NOT_PLACE and cands and opening_common_word(doc, start, end):
                        # "Grenade attack kills two": a dictionary word opening the sentence (tagged a
                        # name for its capital) names a place only of the text's own countries
                        cands = [c for c in cands if c.iso in (countries or ()) or (
                            getattr(c, "source", "") == "supplement" and is_exact(c, surface))]
                        brgys = [b for b in brgys if b.iso in (countries or ())]
                    core = [w for w in surface.split() if w.lower() != "the"]
                    if len(key) < 3:  # a short key folds many names together: "Pyay" only for "Pyay"
                        cands = [c for c in cands if is_exact(c, surface)]
                        brgys = [c for c in brgys if is_exact(c, surface)]
                    if SHORT_WRITTEN_EXACT and len(core) == 1 and len(core[0]) <= 3:
                        # "Duk" (a county of South Sudan) is no "Duhok": a name of three letters
                        # shares its folded key with longer names; only its own spelling counts
                        cands = [c for c in cands if is_exact(c, surface)]
                    if len(core) == 1 and core[0].isupper() and len(core[0]) <= 5:
                        # "LTTE", "VDP": acronyms; a town's code among its other names ("SNG", an
                        # airport's code of San Ignacio de Velasco) is no name of it in the news
                        acronym = ACRONYM_NOT_TOWN and start >= filed_at and mixed_case
                        cands = [c for c in cands if is_exact(c, core[0]) and (
                            c.feature not in POINT_FEATURES or getattr(c, "source", "") == "supplement"
                            or (name_key(c.name) == key and not acronym))]
                        brgys = [c for c in brgys if is_exact(c, core[0])]
                    # "Tangyan township", "Bhamo district": a unit word after the name says it is a place
                    unit_named = NAMED_BY_UNIT_WORD and bool(_UNIT_WORD_AFTER.match(text[end:end + 20])) or \
                        CITY_WORD_NO_PERSON and bool(_CITY_WORD_AFTER.match(text[end:end + 25])) or \
                        CHAIN_HEAD_NO_PERSON and chain_head(text, start, end)
                    if brgys and any(s < end and start < e for s, e in ner_block) and not unit_named and \
                            mention_role(text, start) not in ("in", "near", "ref"):
                        brgys = []  # a person's name, unless a place word stands before it
                    if cands and any(s < end and start < e for s, e in ner_block) and not unit_named and \
                            mention_role(text, start) not in ("in", "near", "ref"):
                        # a name the parser calls a person or a people is a place only if the
                        # team's supplement knows it by exactly that name ("Saddam" is no "Saddam City"),
                        # or it is exactly the name of a province or a city ("(Chittagong)")
                        provs = _comma_province_after(text, end) if COMMA_PROVINCE_NO_PERSON else frozenset()
                        cands = [c for c in cands if is_exact(c, surface) and (
                            getattr(c, "source", "") == "supplement" or c.feature == "admin1"
                            or (c.population or 0) >= NER_BLOCKED_CITY_POP
                            or (c.feature != "admin1" and getattr(c, "admin1_code", "") in provs))]
                    if not cands and countries and j - i <= 3 and mention_role(text, start) in ("in", "near", "ref") \
                            and not any(s < end and start < e for s, e in ner_block) and not plain_words:
                        cands = gaz.fuzzy(surface, countries)
                        if FUZZY_NO_ADJECTIVE:
                            cands = [c for c in cands if not people_adjective_of(surface, c.name)]
                        for c in cands:
                            c.fuzzy = True  # type: ignore[attr-defined]
                if cands and border_reference(text, start, end):
                    if BORDER_COUNTRY_NO_NAMESAKE and any(c.feature == "country" and is_exact(c, surface) for c in cands):
                        cands = []  # "near the border with Benin": the country, not Nigeria's Benin City
                    cands = [c for c in cands if c.feature != "country"]  # "near the Mali border"
                lone_quarter = False
                if hint == "neighbourhood":
                    # "Garissa neighbourhood (Marka)": a quarter named after a province is no province
                    cands = [c for c in cands if c.feature not in ("admin1", "country")]
                    if QUARTER_NOT_A_TOWN and cands:
                        quarters = [c for c in cands if c.feature == "neighbourhood"]
                        cands, lone_quarter = (quarters, False) if quarters else (cands, True)
                if cands and hint == "region" and not any(c.feature == "admin1" for c in cands):
                    cands = _province_named(gaz, surface, cands) or cands
                if REGION_NAME_NO_TOWN and cands and hint == "region" and not any(c.feature == "admin1" for c in cands):
                    # "at Butuan City in Caraga region": ACLED's region (several of the gazetteer's
                    # units), not the town of Caraga in another region, which then unplaced Butuan
                    cands = [c for c in cands if not _region_of_country(c.iso, surface)]
                if cands or brgys:
                    hit = PlaceMention(surface, offset + start, offset + end)
                    hit.candidates = cands  # type: ignore[attr-defined]
                    hit.barangays = brgys  # type: ignore[attr-defined]  # admitted by admit_barangays only
                    hit.hint = hint  # type: ignore[attr-defined]
                    hit.lone_quarter = lone_quarter  # type: ignore[attr-defined]  # QUARTER_NOT_A_TOWN
                    hit.opening_only = opening_only  # type: ignore[attr-defined]  # NAME_OPENING_WORD_ALONE
                    hit.unit_word = unit_word  # type: ignore[attr-defined]  # "district", "township"
                    hit.placed_in = _placed_in(text, start)  # type: ignore[attr-defined]
                    # "in Kenya", "across Ukraine": a country named as where, not what about
                    hit.country_in = bool(_IN_COUNTRY_BEFORE.search(text[max(0, start - 25):start]))  # type: ignore[attr-defined]
                    hit.ends_phrase = bool(_SET_IN_END.match(text[end:end + 30]))  # type: ignore[attr-defined]
                    hit.facility = bool(facility_after().match(text[end:end + 25]))  # type: ignore[attr-defined]
                    hit.region_people = bool(region_people and any(c.feature == "admin1" for c in cands))  # type: ignore[attr-defined]
                    possessive = re.search(r"['’]s$", words[j - 1].group(0)) is not None
                    if not cands:  # a barangay's name alone says nothing of the words after it
                        hit.role = "part" if in_name or (opens and i == opens and j < len(words)) else ""
                    elif possessive:
                        in_name = False  # "Congo's North Kivu province": the name ends with the possessive
                    elif (i == opens and j < len(words) and not feature and m.start() + words[j].start() > end) \
                            or in_name:
                        # "Mobile Anti-Riot Squadron", "Sinjar Resistance Units": the place word
                        # opens a longer name; it names an organisation, not where things happen
                        hit.role = "part"
                        in_name = True
                    # "in Hawa Gelan woreda": "Gelan" ends a name the gazetteer lacks (TAIL_OF_UNKNOWN_NAME)
                    hit.tail_of_unknown = unread_before  # type: ignore[attr-defined]
                    if TAIL_OF_UNKNOWN_NAME and unread_before and \
                            words[i - 1].group(0).lower().strip("'’,.") not in _QUALIFIERS and \
                            m.group(0)[words[i - 1].end():words[i].start()].isspace() and \
                            _AFTER_LOWER_WORD.search(text[max(0, m.start() - 4):m.start()]):
                        # not "Haut-Katanga"; and only inside running text, not a headline's
                        # capitalised words ("Militants Attack Borno Villages")
                        # a province or a country is named whole, not glued to an unknown word
                        # before it ("Hawa Gelan": no province of Iran); "Northern Bahr el Ghazal" is
                        hit.candidates = [c for c in cands if c.feature not in ("admin1", "country")]  # type: ignore[attr-defined]
                    mentions.append(hit)
                    span_hits.append((i, j, hit))
                    i = j
                    break
            if hit is None:
                if words[i].group(0).lower().strip("'’,.") not in stop:
                    unread_before = True
                i += 1
            else:  # a name only the Philippines' barangays hold ("Hawa") is still unread here
                unread_before = not hit.candidates  # type: ignore[attr-defined]
        if WORD_INSIDE_UNKNOWN_NAME and countries and span_hits:
            _inside_unknown_name(m, words, span_hits, countries)
    if any(getattr(h, "region_people", False) for h in mentions) and \
            any(not getattr(h, "region_people", False) and h.candidates for h in mentions):  # type: ignore[attr-defined]
        # "killed three Amhara civilians in [a village], Oromia": the people's province yields to
        # the other places the text names (alone, "Pokot raiders kill two Samburu villagers", it
        # stays: a people is most often met in its own province)
        mentions = [h for h in mentions if not getattr(h, "region_people", False)]
    grievance = grievance_spans(text)
    for h in mentions:  # "demonstrated in [a town] against the war in [a country]": what about, not where
        if in_grievance(grievance, h.start - offset):
            h.grievance = True  # type: ignore[attr-defined]  # settled in resolve_mentions
    return _measured_mentions(text, gaz, offset, mentions)


# switch (session 45, places10): a word inside a longer capitalised name whose words before and after it
# the gazetteer does not hold ("Battalion Man Kawng headquarters") is no place where all its
# candidates lie outside the text's countries ("Man" of Cote d'Ivoire in a note on Shan state)
WORD_INSIDE_UNKNOWN_NAME = True


def _inside_unknown_name(m: re.Match, words: list, span_hits: list, countries: set[str]) -> None:
    read = {k for i, j, h in span_hits if h.candidates for k in range(i, j)}  # type: ignore[attr-defined]
    for i, j, h in span_hits:
        if not (0 < i and j < len(words)) or i - 1 in read or j in read:
            continue
        gaps = m.group(0)[words[i - 1].end():words[i].start()] + m.group(0)[words[j - 1].end():words[j].start()]
        if gaps.strip():
            continue  # "Haut-Katanga", "Benshangul/Gumuz": a name of its own, joined by a mark
        if h.candidates and all(c.iso not in countries for c in h.candidates):  # type: ignore[attr-defined]
            h.candidates = []  # type: ignore[attr-defined]
            h.barangays = []  # type: ignore[attr-defined]


# "[X] region" that names one of ACLED's admin1 units of a country that the gazetteer keeps as
# several units (the Philippines' regions, Burkina Faso's): the region, never a town of its name
REGION_NAME_NO_TOWN = True


def _region_of_country(iso: str, written: str) -> bool:
    from sitrep.geo.gazetteer import admin1_code

    name = re.sub(r"[\s-]+(?:region|province|state|governorate|oblast)$", "", written, flags=re.IGNORECASE)
    return bool(iso) and admin1_code(iso, name).startswith(iso + ".")


# switch (session 45, places10): a name whose every word is an English dictionary word (spaCy's
# WordNet tables: "Stray", "Honest") is a place only where a candidate is spelt exactly so; the
# folded key ("Stray" and Stryi share "stri") and the fuzzy guess need a word that is no common one
FOLDED_NEEDS_ODD_WORD = True


def _spelt_alike(place: Place, surface: str) -> bool:
    """Is `surface` one of the place's names letter for letter, but for case, accents, hyphens and
    spaces ("Muse" is Mu-se)?"""
    def letters(name: str) -> str:
        return re.sub(r"[^0-9a-z]", "", ascii_fold(name).lower())
    # "Philippines at", "Mexico City": a connector or a unit word at either end is no part of the name
    words = surface.split()
    wants = {letters(surface)}
    while len(words) > 1 and (words[-1].lower() in _CONNECT_WORDS or words[-1].lower() in FEATURE_WORDS):
        words.pop()
        wants.add(letters(" ".join(words)))
    while len(words) > 1 and words[0].lower() in _CONNECT_WORDS:
        words.pop(0)
        wants.add(letters(" ".join(words)))
    return any(letters(n) in wants for n in (getattr(place, "matched_names", None) or {place.name}))


_LEAD_SPACED_WORDS = frozenset(re.findall(r"[a-z]+", _LEAD_SPACED))
_CONNECT_WORDS = frozenset(re.findall(r"[a-z]+", _CONNECT)) | {"the", "of"}

# "the release of seven Papuan prisoners": a people's adjective made of a place's name ("Papuan",
# "Balinese", "Acehnese") is whose, not where; a fuzzy guess reading it as the place is dropped
FUZZY_NO_ADJECTIVE = True
_ADJECTIVE_ENDINGS = ("an", "ian", "ese", "nese")


def people_adjective_of(written: str, name: str) -> bool:
    """Is `written` ("Papuan", "Balinese") a people's adjective of the place called `name`
    ("Papua", "Bali")? ("Kiamburi" is no adjective of "Kiambur".)"""
    w, n = ascii_fold(written).lower().strip(), ascii_fold(name).lower().strip()
    if len(n) < 3 or not w.startswith(n) or w == n:
        return False
    rest = w[len(n):]
    return rest in _ADJECTIVE_ENDINGS or (rest == "n" and n[-1] in "aeiou")


# A name the parser calls a person or an organisation ("[a tract], Tangyan township",
# "[a village] ([a township] township, ...)") is a place when a unit word below the
# province follows it: the parser's block is lifted (docs/geo.md, 2026-12-06)
NAMED_BY_UNIT_WORD = True
_UNIT_WORD_AFTER = re.compile(r"^[\s-]+(?:" + _LOCAL_DISTRICT + r"township|district|sub-?district|upazila|tehsil|taluka|regency|sub-?county|"
                              r"municipality|commune|raion|rayon)\b", re.IGNORECASE)


# a word written twice ("Boda Boda riders") is a word of the language, unless the doubled
# name itself is a place ("Walla Walla", "Bora Bora")
DOUBLED_WORD_NO_PLACE = True


def _short_name_placed(text: str, start: int, end: int) -> bool:
    """Does the text set a name of two or three letters as a place: after a locative word
    ("in Wa"), or as the unit after a comma ("(Baidoa, Bay)", "Ho, Volta"), or before a unit
    word ("Ibb governorate")? Elsewhere such a word is more often part of another name or an
    abbreviation ("Manila Bay", "the Wa army")."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    if re.search(r"(?:,|\()\s*$", before) and re.match(r"\s*(?:[,).;]|$|(?i:region|province|governorate|state)\b)", after):
        return True
    if re.match(r"\s+(?i:region|province|governorate|city|town)\b", after):
        return True
    if SHORT_NAME_BY_UNIT and _SHORT_NAME_UNIT_AFTER.match(after):
        return True  # "Ye township", "Yei county": a unit below the province named after its town
    return _SHORT_NAME_AFTER_WORD.search(before) is not None and _SHORT_NAME_END.match(after) is not None


# switch: a short name ("Ye", "Yei") followed by a unit word below the province ("township",
# "county", "district") is set as a place; followed by such a word or "town"/"city", its town of
# exactly that spelling is taken whatever its population; the team's supplement entry of that
# spelling is taken too
SHORT_NAME_BY_UNIT = True
_SHORT_NAME_UNIT_AFTER = re.compile(r"[\s-]+(?:township|district|county|sub-?county|upazila|tehsil|taluka|regency|"
                                    r"municipality|commune|department|raion|rayon)\b", re.IGNORECASE)


_SHORT_NAME_AFTER_WORD = re.compile(r"\b(?:in|at|near|outside|inside|around|into|through)\s+(?:the\s+)?"
                                    r"(?:(?:town|city)\s+of\s+)?$", re.IGNORECASE)


# what may follow "in Wa" for it to be the town: a stop, a unit word, or a word that opens a
# new phrase ("in Wa over fees"; not "in Wa territory", "in Wa-held areas")
_SHORT_NAME_END = re.compile(r"\s*(?:[,).;(]|$|(?i:town|city)\b)|\s+(?:on|over|after|before|during|when|while|where|"
                             r"to|for|against|at|with|following|since|last|this|as|in)\b")


# "Kolbiyow village (38km SW of Badhaadhe)", "Widhwidh, 49 km north of Buuhoodle": a place the
# text measures from a town it names; where the gazetteer lacks it, the distance and bearing
# place it (placed in place_measured, once the town is resolved)
_MEASURED_WORD = r"[A-Z][\w'’]*"
_MEASURED_NAME = _MEASURED_WORD + r"(?:[- ]" + _MEASURED_WORD + r"){0,4}"
MEASURED_UNITS = {"village", "villages", "town", "locality", "settlement", "hamlet", "area", "neighbourhood",
                  "neighborhood", "camp"}
_COMPASS = r"(?:(?i:(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2})|[NSEW]{1,3})"
_MEASURED = re.compile(
    r"(?<![\w'’-])(?P<name>" + _MEASURED_NAME + r")(?:\s+(?P<unit>[a-z]+))?\s*(?:\(|,)\s*"
    r"(?:(?i:approx(?:imately|\.)?|about|around|some|roughly|nearly|almost|c\.|ca\.?)\s*)?"
    r"(?P<km>\d{1,3}(?:\.\d)?)\s*-?\s*(?i:km|kms|kilomet(?:er|re)s?)\.?\s+(?i:to\s+the\s+)?"
    r"(?P<dir>" + _COMPASS + r")\s+(?i:of)\s+(?:the\s+)?(?:(?i:town|city|village)\s+of\s+)?(?=[A-Z])")
_BEARING = {"n": (1.0, 0.0), "s": (-1.0, 0.0), "e": (0.0, 1.0), "w": (0.0, -1.0)}
MEASURED_MAX_KM = 300.0


def _bearing(words: str) -> float:
    """Compass words or letters ("south-west", "SSW", "northeast") -> degrees from north."""
    import math

    letters = re.sub(r"(north|south|east|west)", lambda m: m.group(1)[0], words.lower())
    north = sum(_BEARING[c][0] for c in letters if c in _BEARING)
    east = sum(_BEARING[c][1] for c in letters if c in _BEARING)
    return math.degrees(math.atan2(east, north)) % 360


def _measured_mentions(text: str, gaz: Gazetteer, offset: int, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark each place the text measures from a named town ("X (38km SW of Y)"): the mention
    of X (made where the gazetteer lacks the name, replacing mentions of its parts: "Ceel" of
    "Ceel Gaal") carries the distance, the bearing and where Y's name starts."""
    out = list(mentions)
    for m in _MEASURED.finditer(text):
        words = m.group("name").split()
        unit = (m.group("unit") or "").lower()
        while words and words[-1].lower().replace("-", "") in UNIT_WORDS:
            last = words.pop().lower()  # "Kolbiyow Village": the name, then what it is
            unit = unit or last
        if not words or (unit and unit not in MEASURED_UNITS):
            continue  # "X District (25km NW of Y)": a unit, no point
        name = " ".join(words)
        start = offset + m.start("name")
        end = start + len(name) if m.group("name").startswith(name) else -1
        ends = {end}
        if MEASURED_AGREES_ROUGHLY:  # "Saaxo Village (70km SW of [a town])": the mention read with its unit word
            ends |= {offset + m.end("name"), offset + m.end("unit")} if m.group("unit") else {offset + m.end("name")}
        same = next((mm for mm in out if mm.start == start and mm.end in ends), None)
        if same is None:
            if end < 0 or any(mm.start < start < mm.end for mm in out):
                continue  # the name is inside a longer one found: not this
            same = PlaceMention(name, start, end)
            same.candidates = []  # type: ignore[attr-defined]
            same.barangays = []  # type: ignore[attr-defined]
            same.hint = ""  # type: ignore[attr-defined]
            same.facility = False  # type: ignore[attr-defined]
            out.append(same)
        same.measured = (float(m.group("km")), _bearing(m.group("dir")), offset + m.end())  # type: ignore[attr-defined]
    return sorted(out, key=lambda mm: mm.start)


# switch (session 44, places9): a place "X (48km SE of Y)" the gazetteer knows is kept where it lies
# about that far from Y (within MEASURE_KM_SLACK of the distance, or MEASURE_KM_SHARE of it) in
# about that direction (within MEASURE_BEARING_SLACK degrees), not only within 25 km (or half the
# distance) of the point the words give: the notes' distances and bearings are rough ("SE" for a
# village east-south-east), and the computed point had replaced the gazetteer's right one; a
# namesake of X that fits the measure is taken before a point is made up
MEASURED_AGREES_ROUGHLY = True
MEASURE_KM_SLACK = 15.0
MEASURE_KM_SHARE = 0.35
MEASURE_BEARING_SLACK = 50.0


def _measure_agrees(place: Place, ref: Place, km: float, bearing: float, point: tuple[float, float]) -> bool:
    """Is `place` about `km` from `ref` towards `bearing` (or near the point they give)?"""
    import math

    if place.latitude is None or ref.latitude is None:
        return False
    if distance_km((place.latitude, place.longitude), point) <= max(25.0, km / 2):
        return True
    far = distance_km((place.latitude, place.longitude), (ref.latitude, ref.longitude))
    if abs(far - km) > max(MEASURE_KM_SLACK, MEASURE_KM_SHARE * km) or far < 5.0:
        return False
    north = place.latitude - ref.latitude
    east = (place.longitude - ref.longitude) * math.cos(math.radians(ref.latitude))
    towards = math.degrees(math.atan2(east, north)) % 360
    return abs((towards - bearing + 180) % 360 - 180) <= MEASURE_BEARING_SLACK


def place_measured(mentions: list[PlaceMention]) -> None:
    """A place the text measures from a town ("X (38km SW of Y)") that the gazetteer lacks, or
    knows only far from where the text puts it (a namesake), lies at that distance and bearing
    from the town: a village of the town's province and district."""
    import math

    for mm in mentions:
        measured = getattr(mm, "measured", None)
        if not measured:
            continue
        km, bearing, ref_start = measured
        ref = next((o for o in mentions if ref_start <= o.start <= ref_start + 2 and o.place is not None), None)
        if ref is None or ref.place.feature not in POINT_FEATURES or ref.place.latitude is None or km > MEASURED_MAX_KM:
            continue
        lat = ref.place.latitude + km * math.cos(math.radians(bearing)) / 111.2
        lon = ref.place.longitude + km * math.sin(math.radians(bearing)) / (
            111.2 * max(0.1, math.cos(math.radians(ref.place.latitude))))
        if mm.place is not None and mm.place.latitude is not None and \
                distance_km((mm.place.latitude, mm.place.longitude), (lat, lon)) <= max(25.0, km / 2):
            if MEASURED_AGREES_ROUGHLY:  # measured from a town, the spot itself (as below)
                mm.role = "in" if (mm.role or "") in ("", "near") else mm.role
            continue  # the gazetteer's place is where the text puts it
        if MEASURED_AGREES_ROUGHLY:
            fits = [c for c in ([mm.place] if mm.place is not None else []) + list(getattr(mm, "candidates", []) or [])
                    if c.iso == ref.place.iso and _measure_agrees(c, ref.place, km, bearing, (lat, lon))]
            if fits:
                if not (mm.place is not None and any(c is mm.place for c in fits)):
                    mm.place = copy.copy(fits[0])  # the gazetteer caches its Places: never write on them
                mm.role = "in" if (mm.role or "") in ("", "near") else mm.role  # the spot itself, as below
                continue  # the gazetteer's place is about that far in about that direction
        place = copy.copy(ref.place)
        name = re.sub(r"\s+", " ", mm.text)
        if MEASURED_AGREES_ROUGHLY:  # "Daar Village" read with its unit word: the name is "Daar"
            words = name.split()
            while len(words) > 1 and words[-1].lower().replace("-", "") in UNIT_WORDS:
                words.pop()
            name = " ".join(words)
        place.name, place.feature = name, "village"
        place.latitude, place.longitude = round(lat, 4), round(lon, 4)
        place.geonameid, place.population = None, 0
        place.source = "measured"  # type: ignore[attr-defined]
        place.matched_names = {mm.text}  # type: ignore[attr-defined]
        place.for_unit = False  # type: ignore[attr-defined]
        mm.place = place
        # the measured village is the spot itself, "in the vicinity of" it or not (ACLED: 1)
        mm.role = "in" if (mm.role or "") in ("", "near") else mm.role
        for part in mentions:  # "Ceel" of "Ceel Gaal" was no place
            if part is not mm and mm.start <= part.start < mm.end:
                part.place = None


# a written name of three letters or fewer takes only places of that very spelling
SHORT_WRITTEN_EXACT = True
# a village's name is cut short to its first words only where those are a place's own name
VILLAGE_PREFIX_EXACT = True

BARANGAY_WORDS = {"barangay", "barangays", "brgy", "brgys", "bgy"}


def _barangays(gaz: Gazetteer, key: str, surface: str, cands: list[Place], n_words: int, words: list,
               hint: str = "") -> list[Place]:
    """The villages a name may be (gazetteer.barangays: the Philippines' barangays, Myanmar's
    villages), set aside from the candidates: a longer name that is only a village's does not
    swallow a town named by its first words ("Talayan Datu ..." stays "Talayan"), unless the
    word "village" after it says the whole is the village's name ("Sin Nar Daung village" is
    no "Sin Nar", Sudan's Sennar, which GeoNames also spells "Sinnar")."""
    lookup = getattr(gaz, "barangays", None)
    if lookup is None:
        return []
    # a village of Myanmar's only as spelt ("Gunmen" folds to the key of "Gon Min")
    brgys = [b for b in lookup(key) if getattr(b, "source", "") != "mimu" or is_exact(b, surface)]
    if brgys and not cands and n_words > 1 and not (VILLAGE_PREFIX_EXACT and hint == "village"):
        for k in range(n_words - 1, 0, -1):
            part = " ".join(w.group(0) for w in words[:k])
            found = gaz.by_key(name_key(part))
            if VILLAGE_PREFIX_EXACT:  # "Sin Nar Daung" is no "Sin Nar" (Sennar), "Baw Pyin" no "Baw" (Bau)
                found = [c for c in found if is_exact(c, part)]
            if found:
                return []
    return brgys


def _province_named(gaz: Gazetteer, name: str, towns: list[Place]) -> list[Place]:
    """"Deir Ezzor province", "Kirkuk governorate": the province a candidate town shares its
    name with, where the gazetteer knows the province under another spelling only."""
    from sitrep.geo.gazetteer import admin1_code

    out: list[Place] = []
    for town in towns:
        code = getattr(town, "admin1_code", "")
        if not code or admin1_code(town.iso, name) != code:
            continue
        out += [p for p in gaz.by_key(name_key(gaz.admin1_name(code)))
                if p.feature == "admin1" and getattr(p, "admin1_code", "") == code and p not in out]
    return out


@lru_cache(maxsize=4)
def _peoples(gaz: Gazetteer) -> frozenset[str]:
    """Lowercase words that name a people or its adjective ("swiss", "palestinian", "kurdish")."""
    from sitrep.geo.gazetteer import is_demonym

    return frozenset(w for w, iso in demonyms().items()
                     if " " not in w and is_demonym(w, gaz.country_name(iso) or iso))


# "fired at positions in the direction of [a village]", "advanced in the direction of [a town]":
# the place is where the act was aimed or headed, not where it was; ACLED codes it "near" (2):
# 189 of 192 tune rows whose note says "in the direction of" the coded location
DIRECTION_IS_NEAR = True
_DIRECTION_BEFORE = re.compile(r"\b(?:in\s+the\s+)?directions?\s+of\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?$",
                               re.IGNORECASE)


# "protested near the old church in [a town]", "outside the embassy in [a city]": "near" tells
# where the act was within the town; the town is where it happened (ACLED: 1)
NEAR_THING_IN_TOWN = True
_THING_IN_BEFORE = re.compile(r"\b(?:near|outside|around|close\s+to)\s+(?:the\s+|a\s+)?(?:[\w'’.-]+\s+){1,4}"
                              r"(?:in|at)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.IGNORECASE)


# switch: the second of two places told as where people came from ("drivers from Kirkuk and
# Baghdad") and the town of the hospital the wounded were taken to are not where the act happened
ORIGIN_CONJUNCTS = 1
_ORIGIN_CONJUNCT_BEFORE = re.compile(
    r"\b(?:from|natives of|residents of|originally from)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))?"
    r"(?:,\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*))?)*,?\s+(?:and|or)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HOSPITAL_BEFORE = re.compile(
    r"\b(?:taken|rushed|evacuated|transferred|transported|admitted|airlifted|flown|brought)\s+(?:\w+\s+)?to\s+"
    r"(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:hospitals?|clinics?|medical (?:centre|center)|health (?:centre|center))"
    r"\s+(?:in|at)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)


# switch: a compass word that opens a name ("West Wollega zone, Oromia region", "North Kivu",
# "the West Bank city of [X]") is no direction: the place after it is not "near" (2). Before,
# `_NEAR_BEFORE` read "West" in "[a woreda], West Wollega zone, Oromia region" as "west of",
# and the chain's province was taken as "near" over its zone (session 37).
COMPASS_IN_NAME_NOT_NEAR = True
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
_NEAR_WORD = re.compile(r"\b(?:near|outside|around|outskirts of|vicinity of|close to|km|kilometres|kilometers|miles|"
                        r"north|south|east|west|northeast|northwest|southeast|southwest)\b", re.IGNORECASE)
_NEAR_TAIL = re.compile(r"[\w\s,-]{0,25}$")
_CAPITAL_WORD_AFTER = re.compile(r"[\s-]+[A-Z]")


def _near_before(before: str) -> bool:
    """`_NEAR_BEFORE`, except that a capitalised compass word followed by a capitalised word is a
    part of a name ("West Wollega", "North Kivu"), not a direction (`COMPASS_IN_NAME_NOT_NEAR`)."""
    if not COMPASS_IN_NAME_NOT_NEAR:
        return bool(_NEAR_BEFORE.search(before))
    for m in _NEAR_WORD.finditer(before):
        tail = _NEAR_TAIL.match(before, m.end())
        if not tail or tail.end() != len(before):
            continue
        word = m.group(0)
        if word.lower() in _COMPASS_WORDS and word[0].isupper() and _CAPITAL_WORD_AFTER.match(before, m.end()):
            continue  # "West Wollega", "North Kivu": a name
        if AROUND_A_TIME_NOT_NEAR and word.lower() == "around" and _TIME_AFTER.match(before, m.end()) \
                and _LOCATIVE_BEFORE.search(before, m.end()):
            continue  # "Around 7 September, in [a village]": the date is approximate, not the place
        return True
    return False


# switch (session 46, places11): "around" before a date or an hour ("Around 7 September 2017, in
# [a village]", "around midnight in [a town]") says the time is approximate; the place after it
# is where the event was ("in", 1), not near it (2). Only where a locative word ("in", "at") stands
# between the time and the name: "Around [a date], [X] Township, ..." stays near (with no role the
# township lost to its state). (Tune rows "around [a date or hour] ... in
# [a name]": about 270 coded 1, 80 coded 2, most of the 2s Myanmar townships.)
AROUND_A_TIME_NOT_NEAR = True  # switch (session 46, places11)
_TIME_AFTER = re.compile(
    r"\s+(?:the\s+)?(?:\d|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
    r"(?:early|mid|late)\b|midnight|noon|midday|dawn|dusk|sunset|sunrise|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)", re.IGNORECASE)


def mention_role(text: str, start: int) -> str:
    """How the words before a mention relate it to the event: near, in, from or ''."""
    before = text[max(0, start - 40):start]
    if _ORIGIN_BEFORE.search(before):
        return "from"
    if RESIDENCE_IS_ORIGIN and _RESIDENCE_BEFORE.search(before):
        return "from"  # "a man who lives in [X]", "a resident of [X]": the victim's home, not where
    if ORIGIN_CONJUNCTS and (_ORIGIN_CONJUNCT_BEFORE.search(text[max(0, start - 80):start])
                             or _HOSPITAL_BEFORE.search(text[max(0, start - 90):start])):
        return "from"
    if _REFERENCE_BEFORE.search(text[max(0, start - 70):start]) or (
            DIRECTION_AFTER_NAME_REF and _DIRECTION_AFTER_NAME.search(text[max(0, start - 70):start])):
        return "ref"
    if NEAR_THING_IN_TOWN and _THING_IN_BEFORE.search(before):
        return "in"
    if _near_before(before) or (DIRECTION_IS_NEAR and _DIRECTION_BEFORE.search(before)):
        return "near"
    if _LOCATIVE_BEFORE.search(before):
        return "in"
    return ""


# switch: a report whose sentence names no place of its own (or only a country) is placed at its
# dateline's town ("MOSUL, Jan 19 (Reuters) - Gunmen killed ..."), where a wire report is filed
# from; before, a dateline's place never placed an event; and a dateline's word in capitals is a
# name even where the tagger reads it as a common word ("MOSUL" tagged as an adverb) (session 35,
# the Iraq probe's wire copy)
DATELINE_TOWN = True
_DASH = re.compile(r"\s[-—–]{1,2}\s|\s?[—–]\s?")
_DATELINE_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|\d+\w*|\(.*|.*\)|[/,&]|of|al|el)$")


# switch (session 37, places2): a town in capitals and a colon open a report as its dateline
# ("HYDERABAD: Police arrested ...", "NEW DELHI: ..."), as newspapers of South Asia write it; before,
# only a dash ended a dateline, and the town, read by the tagger as a common word or an organisation,
# was no place at all: the article's events had none
DATELINE_COLON = True
_COLON_DATELINE = re.compile(r"\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
                             r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*:\s+(?=\S)")


def dateline_end(text: str) -> int:
    """Character offset where a dateline ("BAGHDAD, Iraq, July 9 (Reuters) - ", "HYDERABAD: ")
    ends, else 0. A dash inside an open bracket is a range, not a dateline's ("Around 8 May 2024
    (between 5 - 11 May), ...")."""
    if DATELINE_COLON:
        colon = _COLON_DATELINE.match(text)
        if colon is not None and len(colon.group(0)) <= 60:
            return colon.end()
    m = _DASH.search(text[:100])
    if m and m.start() > 0:
        prefix = text[:m.start()]
        words = prefix.replace(",", " , ").split()
        if (words and len(words) <= 10 and all(_DATELINE_WORD.match(w) for w in words)
                and prefix.count("(") <= prefix.count(")")):
            return m.end()
    return 0


# ACLED coded an event placed only at a municipality of the Philippines (PSGC level "Mun", not a
# city) as an area, "part of a region", 2, until the end of 2019, and at its town, 1, from 2020
# on (tune rows naming the municipality: 1,704 of 1,732 at 2 in 2016-19, 95 of 110 at 1 in 2020-22;
# docs/geo.md, 2026-12-05 evening). An event is coded by the convention of its date; with no date, today's.
ACLED_MUNICIPALITY_AREA = True
ACLED_MUNICIPALITY_AREA_UNTIL = dt.date(2020, 1, 1)


def is_area_unit_seat(place: Place, when: dt.date | None = None) -> bool:
    """A town that is the seat of an administrative unit ACLED coded as an area on the date
    `when` where the text names only the unit: a Philippine municipality before 2020 ("in
    Nasugbu, Batangas"), as against a city ("in Marikina City"), a barangay (a village of the
    tier) or a municipality that stands for a barangay the text names ("Barangay Tulay,
    Nasugbu": ACLED placed the barangay, 1)."""
    if (not ACLED_MUNICIPALITY_AREA or when is None or not isinstance(when, dt.date)
            or when >= ACLED_MUNICIPALITY_AREA_UNTIL):
        return False
    if place.feature != "town" or place.iso != "PH" or getattr(place, "for_village", False):
        return False
    from sitrep.geo.psgc_supplement import is_municipality

    names = {place.name, *(getattr(place, "matched_names", None) or ())}
    return is_municipality(names, place.latitude, place.longitude)


def precision_for(place: Place, role: str, when: dt.date | None = None) -> int:
    """ACLED geo_precision from the feature and how the text relates the place. A town that
    stands for the district or township named after it ("Maungdaw Township"), or for a unit
    ACLED coded as an area on the event's date `when` (`is_area_unit_seat`), is "part of a
    region": 2."""
    if SMALL_UNIT_AT_ITS_POINT and getattr(place, "for_named_place", False) and role not in ("near", "ref"):
        return 1  # "in [an unknown district], [a regency]": the regency's town stands for the district
    stated = getattr(place, "stated_precision", None)
    if CODED_AS_REMARK and stated in (1, 2, 3) and place.feature != "country":
        return stated  # "(coded as [X] at geoprecision 2)": the note says how it was coded
    if place.feature in POINT_FEATURES:
        if role not in ("near", "ref") and getattr(place, "chain_point", False) and isinstance(when, dt.date) \
                and when < TOWNSHIP_CHAIN_POINT_UNTIL:
            return 1  # "in [X] Township, in [Y] Region" before 2021: the town (_unit_conventions)
        outskirts = getattr(place, "outskirts", "") if OUTSKIRTS_AT_POINT and role == "near" else ""
        if outskirts and not getattr(place, "for_unit", False) and (
                outskirts == "outskirts" or (isinstance(when, dt.date) and when < VICINITY_POINT_UNTIL)):
            return 1  # "in the outskirts of [a town]": the town's point (OUTSKIRTS_AT_POINT)
        if role in ("near", "ref") or getattr(place, "for_unit", False) or is_area_unit_seat(place, when):
            return 2
        return 1
    if place.feature in AREA_FEATURES:
        return 2
    return 3


def resolve_mentions(mentions: list[PlaceMention], context: GeoContext) -> None:
    """Resolve every mention in two passes: the clear ones set the context for all."""
    conflict = conflict_countries()
    told = set(context.countries)  # countries the text names, or its groups belong to
    for mm in mentions:
        mm.place = resolve(mm.candidates, mm.text, context, getattr(mm, "hint", ""), conflict)  # type: ignore[attr-defined]
    for mm in mentions:
        place = mm.place
        # a place named by another of its names ("Abdullahpur", an old name of India's Yamuna
        # Nagar) does not set the article's country alone
        if place and place.score > 1.0 and getattr(place, "margin", 0) > 0.5 and (
                place.feature != "town" or _own_name(place, mm)) and not getattr(mm, "grievance", False):
            context.countries[place.iso] += 1
            code = getattr(place, "admin1_code", "")
            if code and place.feature != "country":
                context.admin1[code] += 1
            if place.latitude is not None and place.feature in POINT_FEATURES:
                context.points.append((place.latitude, place.longitude))
                context.point_names.append(ascii_fold(mm.text).replace("-", " "))
    told_focus = context.focus()  # before a country agreed by names (a grievance's among them)
    if not context.focus():
        agreed = _agreed_country(mentions)
        if agreed:
            context.countries[agreed] += 1
    for mm in mentions:
        mm.place = resolve(mm.candidates, mm.text, context, getattr(mm, "hint", ""), conflict)  # type: ignore[attr-defined]
    focus = context.focus()
    for mm in mentions:
        if mm.place is not None and focus and _stray(mm.place, mm, mentions, focus, told):
            mm.place = None
        elif mm.place is not None and not focus and _loose(mm.place, mm):
            mm.place = None
        elif mm.place is not None and _other_name_abroad(mm.place, mm, mentions):
            mm.place = None
        if mm.place is not None and mm.place.feature == "town" and getattr(mm, "hint", "") in ("district", "subdistrict") \
                and not acled_point_unit(mm.place.iso, getattr(mm, "unit_word", "")):
            mm.place.for_unit = True  # type: ignore[attr-defined]
    for mm in [m for m in mentions if _facility_far_off(m, mentions)]:
        mm.place = None
    _grievance_abroad(mentions, told_focus)


def _grievance_abroad(mentions: list[PlaceMention], told: set[str] = frozenset()) -> None:
    """A place named in what a protest is about (GRIEVANCE_NOT_PLACE) is dropped unless it lies in
    a country of the text's other places or one its words tell (`told`: country words and groups
    outside the grievance) ("members of [a fund] in [a county] protest against a rate increase in
    [a town of that county]": there the grievance's place is the gathering's)."""
    own = {mm.place.iso for mm in mentions if mm.place is not None and not getattr(mm, "grievance", False)}
    for mm in mentions:
        if mm.place is not None and getattr(mm, "grievance", False) and mm.place.iso not in own and (
                mm.place.iso not in told or any(c.feature == "country" for c in getattr(mm, "candidates", [mm.place]))):
            mm.place = None  # a country named in the grievance is its topic, told or not (nor a village of its name)


def _agreed_country(mentions: list[PlaceMention]) -> str:
    """Where a text names no country, the country most of its names exactly name places in
    ("Sangyi village, Nattalin township, Bago": Myanmar, though "Sangyi" folds to Shanghai's
    key): at least two names, and more than for any other country."""
    votes: Counter = Counter()
    for mm in mentions:
        if mm.role == "part":
            continue
        # each name votes once: for its resolved place if exactly named, else for its most
        # prominent exact namesake (a province, then the most populous town)
        exact = [c for c in getattr(mm, "candidates", []) if c.iso and is_exact(c, mm.text)]
        if mm.place is not None and is_exact(mm.place, mm.text):
            votes[mm.place.iso] += 1
        elif exact:
            votes[max(exact, key=lambda c: (c.feature == "admin1", c.population or 0)).iso] += 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return ""
    return ranked[0][0]


_APPOSED = re.compile(r"^\s*(?:(?:" + _LOCAL_DISTRICT + _LOCAL_VILLAGE + r"town|city|village|district|sub-?district|municipality|county|province|state|"
                      r"region|governorate|department|territory|area)\s*)?(?:,|\(|\bin)\s*(?:the\s+)?$",
                      re.IGNORECASE)


# switch (session 39, places4): a town or village of the team's supplement in another province than
# the one the text's chain of units sets the name in, where a unit of that chain between them (a
# township, a district) lies in the named province, and not at that province's edge, is a namesake
# ("[X] and Nam San villages, [a township], Kachin state" is no Namhsan of Shan): the supplement's
# points had stayed against the named province, the gazetteer's others did not
SUPPLEMENT_POINT_OUTSIDE_PROVINCE = True

# switch (session 39, places4): the chain of units that sets a town in its province goes on past a
# plural unit word or "township" ("at [X] and [Y] villages, [a township] township, Kachin state"):
# before, the chain stopped there, and a namesake village in another state (Shan's Namhsan for
# "Nam San") stood against the state the text names
CHAIN_PAST_PLURAL_AND_TOWNSHIP = True
_APPOSED_MORE = re.compile(r"^\s*(?:villages|towns|townships?|areas|localities)\s*(?:,|\(|\bin)\s*(?:the\s+)?$", re.IGNORECASE)


def _chain_gap(gap: str) -> bool:
    return bool(_APPOSED.match(gap)) or (CHAIN_PAST_PLURAL_AND_TOWNSHIP and bool(_APPOSED_MORE.match(gap)))


_PART_OF = re.compile(r"^\s+(?:area|neighbou?rhood|district|quarter|suburb|section|part|sector|zone)\s+of\s+"
                     r"(?:the\s+)?(?:(?:town|city|village|capital|municipality)\s+of\s+)?"
                     r"(?:(?:north|south|east|west|central|outer|inner)(?:ern)?\s+)?$", re.IGNORECASE)
PART_OF_MAX_KM = 60.0


def _within_named(mentions: list[PlaceMention], text: str) -> None:
    """"the Brooklyn area of Cite Soleil", "Cite Soleil in Port-au-Prince": the part lies in
    the whole (checked from the last pair back, so that a whole is settled before its part). A
    part resolved far from the whole (a famous namesake) takes a candidate near it, or none;
    the whole then places the event."""
    from sitrep.geo.resolve import distance_km

    ordered = sorted(mentions, key=lambda m: m.start)
    for i in reversed(range(len(ordered) - 1)):
        part, whole = ordered[i], None
        if CITY_DASH_QUARTER and _city_before_dash(part, ordered[i + 1], text):
            continue  # "Dhaka - Mirpur": the city is the whole (_quarter_after_city)
        for prev, nxt in zip(ordered[i:], ordered[i + 1:]):  # the first whole still placed
            gap = text[prev.end:nxt.start]
            if not (_PART_OF.match(gap) or _IN.match(gap) or not gap.strip(" -")):
                break  # (words of one unknown name, "Cite Soleil", are stepped over)
            if nxt.place is not None and nxt.role != "part":
                whole = nxt
                break
        if part.place is None or whole is None or whole.place.latitude is None \
                or getattr(part.place, "source", "") in VILLAGE_SOURCES:  # placed by its town's own name
            continue
        if whole.place.feature == "admin1":  # "the Dasht-e-Barchi area of western Kabul" (the province)
            code = _unit(whole.place)  # a unit ACLED divides ("Shan-North" of Shan) counts as the whole

            def inside(p: Place) -> bool:
                return bool(code) and _unit(p) == code
        elif whole.place.feature in POINT_FEATURES:
            here = (whole.place.latitude, whole.place.longitude)

            def inside(p: Place) -> bool:
                return p.latitude is not None and distance_km((p.latitude, p.longitude), here) <= PART_OF_MAX_KM
        else:
            continue
        if inside(part.place):
            continue
        near = [c for c in getattr(part, "candidates", []) if inside(c)]
        if near:
            best = copy.copy(max(near, key=lambda c: c.population or 0))
            best.score = part.place.score
            part.place = best
        else:
            part.place = None


_IN = re.compile(r"^\s+in\s+(?:the\s+)?(?:(?:town|city|village|capital)\s+of\s+)?$", re.IGNORECASE)


_BRGY_GAP_AFTER = (r"^\s*(?:(?:village|barangay|area|proper)\s*)?(?:,|\(|\bin\b|\bof\b)\s*(?:the\s+)?"
                   r"(?:(?:town|municipality|city)\s+of\s+)?")
# on folded text, where "town's" is "towns"
_BRGY_GAP_BEFORE = (r"\s*(?:(?:town|city|municipality)\s*)?(?:s\s+|,\s*)(?:(?:village|barangay|brgy\.?|bgy\.?)"
                    r"(?:\s+of)?\s+)$")
_BARANGAY_BEFORE = re.compile(r"\b(?:barangays?|brgys?|bgys?|villages?(?:\s+of)?)\.?\s+(?:of\s+)?$", re.IGNORECASE)
BARANGAY_WINDOW = 150
SAME_PLACE_KM = 10.0


def _forms_re(forms: list[str]) -> str:
    return "(?:" + "|".join(re.escape(ascii_fold(f)) for f in sorted(forms, key=len, reverse=True)) + ")"


def _barangay_support(b: Place, before: str, after: str, named_word: bool) -> int:
    """How plainly a text places a barangay in its municipality: 2 where the municipality is
    set beside it ("Tumaga, Zamboanga City", "Datu Piang town's barangay Tumaga"), 1 where a
    place word names it a barangay and the municipality is named near, else 0."""
    forms = getattr(b, "admin3_forms", None) or []
    if not forms:
        return 0
    folded = [ascii_fold(f) for f in forms]
    if not any(f in after or f in before for f in folded):
        return 0  # (most namesakes' towns are not named at all: no pattern to build)
    alt = _forms_re(forms)
    word = r"(?<![\w-])" + alt + r"(?![\w-])"
    if re.match(_BRGY_GAP_AFTER + alt + r"(?![\w-])", after) or re.search(r"(?<![\w-])" + alt + _BRGY_GAP_BEFORE, before):
        return 2
    if named_word and (re.search(word, after) or re.search(word, before)):
        return 1
    return 0


def _apposed_units(ordered: list[PlaceMention], i: int, text: str) -> set[str]:
    """The province set after a name, in a chain of units ("Tumaga, Zamboanga City, Zamboanga
    del Sur", "Brgy. X (Y, Z)"): its unit and those of its namesakes."""
    prev = ordered[i]
    for nxt in ordered[i + 1:i + 4]:
        if not _APPOSED.match(text[prev.end:nxt.start]):
            break
        if nxt.place is not None and nxt.place.feature == "admin1":
            units = {_unit(c) for c in getattr(nxt, "candidates", []) if c.feature == "admin1" and c.iso == nxt.place.iso}
            return {u for u in units | {_unit(nxt.place)} if u}
        prev = nxt
    return set()


def _pick_barangay(cands: list[Place], ordered: list[PlaceMention], mm: PlaceMention) -> Place | None:
    """One barangay among namesakes: those at one spot are one; else the one in a province or
    near a place the article names elsewhere, if only one is."""
    if not cands:
        return None
    first = cands[0]
    if all(distance_km((c.latitude, c.longitude), (first.latitude, first.longitude)) <= SAME_PLACE_KM for c in cands):
        return max(cands, key=lambda c: c.population or 0)
    others = [o.place for o in ordered if o is not mm and o.place is not None and o.place.iso == first.iso]
    units = {_unit(o) for o in others if _unit(o)}
    inside = [c for c in cands if _unit(c) in units]
    if len(inside) == 1:
        return inside[0]
    points = [(o.latitude, o.longitude) for o in others if o.latitude is not None and o.feature in POINT_FEATURES]
    near = [c for c in (inside or cands)
            if any(distance_km((c.latitude, c.longitude), pt) <= 50 for pt in points)]
    return near[0] if len(near) == 1 else None


def _barangay_role(ordered: list[PlaceMention], mm: PlaceMention, place: Place, text: str) -> str:
    """How the text relates a barangay to the event: as the words before "barangay" do ("shot
    in Brgy. Tumaga"), else as its town is ("in Ampatuan town's barangay Dicalongan")."""
    word = _BARANGAY_BEFORE.search(text[max(0, mm.start - 25):mm.start])
    if word:
        role = mention_role(text, max(0, mm.start - 25) + word.start())
        if role:
            return role
    forms = {name_key(f) for f in getattr(place, "admin3_forms", None) or []}
    towns = [o for o in ordered if o is not mm and name_key(o.text) in forms
             and abs(o.start - mm.start) <= BARANGAY_WINDOW]
    if towns:
        town = min(towns, key=lambda o: abs(o.start - mm.start))
        return town.role or mention_role(text, town.start)
    return mention_role(text, mm.start)


def admit_barangays(mentions: list[PlaceMention], text: str) -> None:
    """A barangay of the Philippines (gazetteer.barangays) for a name the text places in its
    municipality or province: "barangay Tumaga, Zamboanga City", "Tumaga village in Zamboanga
    City", "Zamboanga City's barangay Tumaga", "Brgy. Tumaga (Zamboanga City, Zamboanga del
    Sur)"; a name unique among the province's barangays also with its province alone
    ("Tumaga, Zamboanga del Sur"). A name alone is never a barangay: "Poblacion", "San Jose"
    are in hundreds of towns, and a town of the gazetteer keeps its name. Where the text places
    it so, the barangay is the place, unless the gazetteer's town of that name lies at the
    same spot (within SAME_PLACE_KM)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, mm in enumerate(ordered):
        brgys = getattr(mm, "barangays", None)
        if not brgys or mm.role == "part":
            continue
        named_word = bool(_BARANGAY_BEFORE.search(text[max(0, mm.start - 25):mm.start]))
        after = ascii_fold(text[mm.end:mm.end + BARANGAY_WINDOW])
        before = ascii_fold(text[max(0, mm.start - BARANGAY_WINDOW):mm.start])
        units = _apposed_units(ordered, i, text)
        support = {id(b): _barangay_support(b, before, after, named_word) for b in brgys}
        level = max(support.values())
        if level:
            cands = [b for b in brgys if support[id(b)] == level]
            # a province named that holds none of them is the text's slip when the town is set
            # beside the barangay ("Blumentritt, Murcia, Negros Oriental" for Occidental)
            cands = [b for b in cands if _unit(b) in units] or (cands if level == 2 else [])
        elif units:
            # the province alone: a name that is not generic ("Poblacion") and one spot in it
            cands = [b for b in brgys if _unit(b) in units and not getattr(b, "generic", False)]
            level = 1 if cands and named_word else 0
            if cands and not all(distance_km((c.latitude, c.longitude), (cands[0].latitude, cands[0].longitude))
                                 <= SAME_PLACE_KM for c in cands):
                cands = []
        else:
            continue
        chosen = _pick_barangay(cands, ordered, mm)
        if chosen is None:
            continue
        cur = mm.place
        if cur is not None:
            if cur.feature in ("admin1", "country") and not named_word:
                continue  # "Cotabato, Sultan Kudarat": the province, as the name alone says
            if cur.feature not in POINT_FEATURES and not named_word:
                continue  # the team's district or valley of that name
            if cur.latitude is not None and cur.feature in POINT_FEATURES and distance_km(
                    (cur.latitude, cur.longitude), (chosen.latitude, chosen.longitude)) <= SAME_PLACE_KM:
                continue  # the gazetteer's town is that place
            if level < 2 and cur.iso == chosen.iso and units and _unit(cur) in units and not named_word:
                continue  # a town in the province named: the town
        best = copy.copy(chosen)
        best.score = 3.0  # the text placed it: as sure as a reading gets
        best.margin = 1.0  # type: ignore[attr-defined]
        mm.place = best
        if not mm.role:
            mm.role = _barangay_role(ordered, mm, best, text)


# "Barangay Minuyan, San Jose del Monte", "Kilada village, Matalam": a village set in its town
# lies near it; one resolved further away is a namesake (docs/geo.md, 2026-12-05 evening)
VILLAGE_NEAR_ITS_TOWN = True
VILLAGE_TOWN_MAX_KM = 50.0
_VILLAGE_WORD_BEFORE = re.compile(r"\b(?i:barangay|brgy|bgy|barrio|sitio|village\s+of)\.?\s+$")
_VILLAGE_WORD_AFTER = re.compile(r"^\s+(?i:village|barangay)\b")
_SET_IN_TOWN = re.compile(r"^(?:\s+(?i:village|barangay|area))?\s*(?:,|\(|\bin\b|\bof\b|\bwithin\b)\s*(?:the\s+)?"
                          r"(?:(?i:town|municipality|city)\s+of\s+)?$")


# the town a village is set in, itself set in its province ("Barangay X (Carmen, Agusan del
# Norte)"), is that town: a village of the name in a namesake town elsewhere is no match
VILLAGE_NEAR_NAMED_TOWN = True
# "[village] village ([district], [region])" where the district is one of Somalia's or
# Ethiopia's, 100 km and more across: the supplement's village lies in the region the chain
# names but over 50 km from the district's seat. The team's own entry (no namesake from a
# gazetteer of another land) inside that very region stays, up to SUPPLEMENT_VILLAGE_MAX_KM.
SUPPLEMENT_VILLAGE_IN_NAMED_UNIT = True
SUPPLEMENT_VILLAGE_MAX_KM = 120.0
# switch (session 40, places5): the same for a GeoNames place found by its name's key (not
# guessed fuzzily): "near [a
# coastal village] village ([its district], [its region])", the village 77 km from the district's
# seat but inside the region the chain names, was dropped as a namesake and the seat taken
VILLAGE_IN_NAMED_UNIT_ANY_SOURCE = True
# (not a barangay: "Barangay [X], [a city], Cebu province": the Philippines' regions are wide and
# barangay names repeat within them; a namesake 60 km off won over the city)
_BARANGAY_WORD_BEFORE = re.compile(r"\b(?:barangays?|brgys?|bgys?)\.?\s+$", re.IGNORECASE)


# switch (session 41, places6): "at [X] trading centre in [a town] town", "[X] market, [a town]": a
# local place named by its noun and set in a town lies near that town, as a village so set does;
# one resolved more than VILLAGE_TOWN_MAX_KM away is a namesake (a trading centre 250 km off in
# another county had won over the town the text names)
PLACE_NOUN_IN_TOWN = True
_PLACE_NOUN_SET_IN = re.compile(r"^\s+(?i:trading\s+cent(?:re|er)|shopping\s+cent(?:re|er)|market(?:\s+place)?|"
                                r"junction|estate|settlement|sub-?location|location|ward)\s*(?:,|\(|\bin\b|\bof\b|\bwithin\b)\s*"
                                r"(?:the\s+)?(?:(?i:town|municipality|city)\s+of\s+)?$")


# switch (session 43, places8): "[X] bus station in [a city]", "[X] railway station, [a city]": a
# station named for a town (its line's end) lies in the town the text sets it in; X more than
# STATION_TOWN_KM from that town is the station's name, not the place (a Nairobi bus station named
# for Machakos had placed the event in Machakos, 55 km off)
STATION_NAME_IN_TOWN = 1
STATION_TOWN_KM = 25.0
_STATION_SET_IN = re.compile(r"^\s+(?i:(?:(?:country\s+)?bus|railway|train|taxi|matatu|coach)\s+(?:station|stage|stop|terminus|"
                             r"terminal|park|depot)s?|(?:station|terminus))\s*(?:,|\bin\b|\bat\b|\bof\b)\s*"
                             r"(?:the\s+)?(?:(?i:town|municipality|city)\s+of\s+)?$")


# switch (session 42, places7): "Barangay [X], [a town], [a province]": a place of X's name that is no
# barangay of that town (by the PSGC's municipality) and lies more than BARANGAY_TOWN_MAX_KM from
# it is a namesake elsewhere in the province (seed 51: "Barangay [X], Plaridel" went to a village 45
# km off, "Barangay [X], Batangas City" to one in Tuy); the town then stands for the barangay
BARANGAY_OF_NAMED_TOWN = True
BARANGAY_TOWN_MAX_KM = 30.0


def _barangay_of(place: Place, town_text: str) -> bool:
    forms = getattr(place, "admin3_forms", None) or ([place.admin3] if getattr(place, "admin3", "") else [])
    def fold(name: str) -> str:  # "Impasug-ong" is "Impasugong"
        return re.sub(r"[^a-z]", "", ascii_fold(re.sub(r"\s+(?i:city|town|municipality)$", "", name)).lower())
    return any(fold(f) == fold(town_text) for f in forms)


def _village_far_from_its_town(ordered: list[PlaceMention], text: str) -> None:
    """A name the text calls a barangay or village and sets in a town ("in Barangay X, Y town",
    "X village in Y") is no place more than VILLAGE_TOWN_MAX_KM from that town, nor from any
    town of its name: the gazetteer has a namesake, not the village. It is dropped, and the
    town stands for it."""
    for i, (mm, nxt) in enumerate(zip(ordered, ordered[1:])):
        place, town = mm.place, nxt.place
        if place is None or town is None or place.latitude is None or town.latitude is None:
            continue
        if STATION_NAME_IN_TOWN and _STATION_SET_IN.match(text[mm.end:nxt.start]):
            def spots(m: PlaceMention) -> list[Place]:
                return [m.place, *(c for c in getattr(m, "candidates", []) if c.feature == "town"
                                   and c.latitude is not None and is_exact(c, m.text))]
            if all(distance_km((a.latitude, a.longitude), (b.latitude, b.longitude)) > STATION_TOWN_KM
                   for a in spots(mm) for b in spots(nxt)):
                mm.place = None  # the station's name; the town it is set in is the place
            continue
        if town.feature != "town" or place.feature not in POINT_FEATURES or place.feature == "neighbourhood":
            continue
        local = PLACE_NOUN_IN_TOWN and bool(_PLACE_NOUN_SET_IN.match(text[mm.end:nxt.start]))
        if not (_VILLAGE_WORD_BEFORE.search(text[max(0, mm.start - 12):mm.start])
                or _VILLAGE_WORD_AFTER.match(text[mm.end:mm.end + 12]) or local):
            continue
        if not (_SET_IN_TOWN.match(text[mm.end:nxt.start]) or local):
            continue
        towns = [town, *(c for c in getattr(nxt, "candidates", []) if c.feature == "town"
                         and c.latitude is not None and is_exact(c, nxt.text))]
        prov = ordered[i + 2] if i + 2 < len(ordered) else None
        if VILLAGE_NEAR_NAMED_TOWN and prov is not None and prov.place is not None and prov.place.feature == "admin1" \
                and _APPOSED_PROVINCE.match(text[nxt.end:prov.start]):
            # "Barangay X (Carmen, Agusan del Norte)": that Carmen, not Cebu's
            towns = [t for t in towns if _unit(t) and _unit(t) == _unit(prov.place)] or towns
        far = [distance_km((place.latitude, place.longitude), (t.latitude, t.longitude)) for t in towns]
        if BARANGAY_OF_NAMED_TOWN and _BARANGAY_WORD_BEFORE.search(text[max(0, mm.start - 12):mm.start]) and \
                all(d > BARANGAY_TOWN_MAX_KM for d in far) and not _barangay_of(place, nxt.text):
            mm.place = None  # "Barangay [X], [a town]": a namesake 30-50 km off is no barangay of that town
            continue
        if all(d > VILLAGE_TOWN_MAX_KM for d in far):
            if SUPPLEMENT_VILLAGE_IN_NAMED_UNIT and (getattr(place, "source", "") == "supplement" or (
                    VILLAGE_IN_NAMED_UNIT_ANY_SOURCE and not getattr(place, "fuzzy", False)
                    and not _BARANGAY_WORD_BEFORE.search(text[max(0, mm.start - 12):mm.start]))) and \
                    min(far) <= SUPPLEMENT_VILLAGE_MAX_KM and prov is not None and prov.place is not None and \
                    prov.place.feature == "admin1" and _APPOSED_PROVINCE.match(text[nxt.end:prov.start]) and \
                    _unit(place) and _unit(place) == _unit(prov.place):
                continue  # the team's own village, in the province the chain names: a wide district
            mm.place = None  # (a namesake of the town near the village would make the village right)


# switch (session 47, places12): "in [X], [Y]" where Y is a town and X a town or village read more
# than VILLAGE_TOWN_MAX_KM from every reading of Y: X is a place of Y (a quarter, a village) the
# gazetteer lacks, and its reading a namesake ("in [a quarter], Naivasha" had gone to a quarter of
# that name in Nairobi, 80 km off). A namesake of X near Y is taken instead; with none, X is dropped
# and Y places the event. Not inside a list of towns ("in X, Y and Z", "in W, X, Y"), nor where X's
# reading lies in Y's province (Y may stand for a unit named after it: "[a town], Chittagong").
TOWN_COMMA_FAR_TOWN = True
_COMMA_ONLY = re.compile(r"^\s*,\s*$")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s*$")
_LIST_AFTER = re.compile(r"^\s*(?:and|or|&)\b")


def _town_comma_far_town(ordered: list[PlaceMention], text: str) -> None:
    for i, (mm, nxt) in enumerate(zip(ordered, ordered[1:])):
        place, town = mm.place, nxt.place
        if place is None or town is None or place.latitude is None or town.latitude is None:
            continue
        if town.feature != "town" or place.feature not in POINT_FEATURES or place.iso != town.iso:
            continue
        if not _COMMA_ONLY.match(text[mm.end:nxt.start]) or mm.role == "part" or nxt.role == "part":
            continue
        if _LIST_BEFORE.search(text[max(0, mm.start - 8):mm.start]) or _LIST_AFTER.match(text[nxt.end:nxt.end + 8]):
            continue
        after = ordered[i + 2] if i + 2 < len(ordered) else None
        if after is not None and after.place is not None and after.place.feature in POINT_FEATURES and \
                _COMMA_ONLY.match(text[nxt.end:after.start]):
            continue  # "in X, Y, Z": a list
        if getattr(nxt, "hint", "") or _UNIT_WORD_AFTER.match(text[nxt.end:nxt.end + 20]) or any(
                c.feature not in POINT_FEATURES and is_exact(c, nxt.text) for c in getattr(nxt, "candidates", [])):
            continue  # "[X], Batangas", "[X], Puncak regency": Y also names a unit X may lie in
        towns = [town, *(c for c in getattr(nxt, "candidates", []) if c.feature == "town"
                         and c.latitude is not None and is_exact(c, nxt.text))]

        def off(p: Place) -> float:
            return min(distance_km((p.latitude, p.longitude), (t.latitude, t.longitude)) for t in towns)

        if off(place) <= VILLAGE_TOWN_MAX_KM or (_unit(place) and _unit(place) == _unit(town)):
            continue  # near, or in the same province: "[a district seat], Chittagong" (the division)
        near = [c for c in getattr(mm, "candidates", []) if c.feature in POINT_FEATURES and c.latitude is not None
                and is_exact(c, mm.text) and off(c) <= VILLAGE_TOWN_MAX_KM]
        if near:
            _settle(mm, min(near, key=off))
        else:
            mm.place = None


# switch (session 42, places7): in a chain "([a locality], [a province])" the locality lies in that
# province; a locality read as another province of the same country ("(Sharg An Neel, Khartoum)":
# "An Neel" went to River Nile state) is a misreading, dropped (the province then places the event)
CHAIN_UNIT_NOT_OTHER_PROVINCE = True
_CHAIN_COMMA = re.compile(r"^\s*,\s*$")


def _unit_not_other_province(ordered: list[PlaceMention], text: str) -> None:
    for a, b in zip(ordered, ordered[1:]):
        if a.place is None or b.place is None or a.place.feature != "admin1" or b.place.feature != "admin1" \
                or a.place.iso != b.place.iso or not a.place.admin1 or a.place.admin1 == b.place.admin1 \
                or a.role == "part" or not _CHAIN_COMMA.match(text[a.end:b.start]) \
                or not re.search(r"\([^(),]{0,40}$", text[max(0, a.start - 42):a.start]) \
                or not re.match(r"\s*\)", text[b.end:b.end + 3]):
            continue
        a.place = None


# switch (session 43, places8): "[X] town, [a regency], [a province]", "[X] village ([a district],
# ...)": a place read only by a folded spelling of another name ("Sowi" read as Soe) more than
# LOOSE_CHAIN_KM from the unit the chain sets it in (the regency's town, 1,000 km off), or in
# another province than the one it is set in, is a namesake: dropped (the unit places the event)
LOOSE_TOWN_OUTSIDE_CHAIN = 1
LOOSE_CHAIN_KM = 100.0
_LOOSE_CHAIN_GAP = re.compile(r"^(?:\s+[a-z]+)?\s*[,(]\s*$")


def _without_unit_word(written: str) -> str:
    """"Kidapawan City" is Kidapawan written exactly."""
    words = written.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in FEATURE_WORDS else written


def _loose_outside_chain(ordered: list[PlaceMention], text: str) -> None:
    for mm, nxt in zip(ordered, ordered[1:]):
        place, unit = mm.place, nxt.place
        if place is None or unit is None or place.feature not in POINT_FEATURES or place.latitude is None \
                or is_exact(place, _without_unit_word(mm.text)) or getattr(place, "source", "") == "supplement" \
                or not _LOOSE_CHAIN_GAP.match(text[mm.end:nxt.start]) or unit.iso != place.iso:
            continue
        def inside(c: Place) -> bool:
            if unit.feature == "admin1":
                return not _unit(unit) or _unit(c) == _unit(unit)
            if unit.feature in POINT_FEATURES and unit.latitude is not None and c.latitude is not None:
                return distance_km((c.latitude, c.longitude), (unit.latitude, unit.longitude)) <= LOOSE_CHAIN_KM
            return True
        if inside(place):
            continue
        near = [c for c in getattr(mm, "candidates", []) if c.feature in POINT_FEATURES and inside(c)]
        if near:  # a namesake inside the chain's unit ("Singu township, Mandalay"): that one
            _settle(mm, max(near, key=lambda c: c.population or 0))
        else:
            mm.place = None


# switch (session 44, places9): "in the outskirts of [a town]", "on the edge of [a town]" is coded at
# the town's own point (precision 1: 138 of the 176 tune rows whose location is the town so named),
# and "in the vicinity of [a town]" too in notes before VICINITY_POINT_UNTIL (27 of 29 rows of
# 2013-16; from 2020 it is 2, as "near"): the place is marked, precision_for reads the mark
OUTSKIRTS_AT_POINT = True
VICINITY_POINT_UNTIL = dt.date(2018, 1, 1)


@lru_cache(maxsize=1)
def _outskirts_before() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words "the outskirts of" and "the vicinity of" right before a name (data/place_words_session45.yaml)."""
    path = resources.files("sitrep") / "data" / "place_words_session45.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    kinds = "|".join(map(re.escape, data.get("settlement_words") or []))

    def before(nouns: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(map(re.escape, nouns)) + r")\s+of\s+(?:the\s+)?(?:(?:"
                          + kinds + r")\s+of\s+)?$", re.IGNORECASE)

    return before(data.get("outskirts_nouns") or []), before(data.get("vicinity_nouns") or [])


def _outskirts_at_point(ordered: list[PlaceMention], text: str) -> None:
    for mm in ordered:
        if mm.place is None or mm.place.feature not in POINT_FEATURES:
            continue
        before = text[max(0, mm.start - 40):mm.start]
        outskirts, vicinity = _outskirts_before()
        kind = "outskirts" if outskirts.search(before) else "vicinity" if vicinity.search(before) else ""
        if kind:
            mm.place = copy.copy(mm.place)  # the mark is this mention's
            mm.place.outskirts = kind  # type: ignore[attr-defined]


# switch (session 44, places9): a spelling matched only fuzzily ("Balli Cad" read as Balcad) is no
# place of the event where the text reads, before it, a town or village of that country exactly and the fuzzy
# place lies more than FUZZY_FAR_KM from every such town and in none of their provinces (a rally
# in a northern Somali town had gone to the Shabelle town 650 km off); it still tells the country
FUZZY_FAR_FROM_TEXT = True
FUZZY_FAR_KM = 250.0


def _fuzzy_far_from_text(ordered: list[PlaceMention]) -> None:
    for mm in ordered:
        place = mm.place
        if place is None or not getattr(place, "fuzzy", False) or place.latitude is None:
            continue
        exact = [o.place for o in ordered if o.start < mm.start and o.place is not None and o.place.iso == place.iso
                 and not getattr(o.place, "fuzzy", False) and not getattr(o.place, "not_event_place", False)
                 and getattr(o.place, "source", "") != "measured" and o.place.latitude is not None
                 and (o.place.feature in POINT_FEATURES or o.place.feature == "admin1")]
        towns = [p for p in exact if p.feature in POINT_FEATURES]
        if not towns or any(_unit(p) == _unit(place) for p in exact):
            continue
        if all(distance_km((p.latitude, p.longitude), (place.latitude, place.longitude)) > FUZZY_FAR_KM for p in towns):
            _not_the_event_place(mm)


# switch (session 45, lead): a spelling matched only loosely (fuzzily, or by a folded key of one of
# the place's other names: "Khaydaro" is Kidal's "Kidaru") in a country where no place the text
# names exactly lies, and more than LOOSE_FOREIGN_KM from all of them ("clan fighting in [an unknown
# village], southern Mudug" read as Kidal, Mali), is no place at all: it neither places the event
# nor tells its country
FUZZY_OTHER_COUNTRY = True
LOOSE_FOREIGN_KM = 1000.0


def _loosely_read(mm: PlaceMention) -> bool:
    """Read fuzzily, or by a name of the place that the written words do not hold ("Khaydaro" by
    Kidal's folded "kidaru"; not "West Kalimantan province", which holds "west kalimantan")."""
    if getattr(mm.place, "fuzzy", False):
        return True
    written = " " + ascii_fold(mm.text).replace("-", " ") + " "
    names = getattr(mm.place, "matched_names", None) or {mm.place.name}
    return not any(f" {ascii_fold(n).replace('-', ' ')} " in written for n in names)


def _fuzzy_other_country(ordered: list[PlaceMention]) -> None:
    # the anchors: provinces and towns read exactly (a country named is often only a topic)
    exact = [o.place for o in ordered if o.place is not None and o.place.iso and o.place.latitude is not None
             and o.place.feature != "country"
             and not getattr(o.place, "not_event_place", False) and not _loosely_read(o)]
    if not exact:
        return
    isos = {p.iso for p in exact}
    for mm in ordered:
        place = mm.place
        if place is None or place.iso in isos or place.latitude is None or not _loosely_read(mm):
            continue
        if all(distance_km((p.latitude, p.longitude), (place.latitude, place.longitude)) > LOOSE_FOREIGN_KM
               for p in exact):
            mm.place = None


# switch (session 44, places9): "[an unknown name with a place's word inside] ([a unit])": a place
# read from a word inside a longer capitalised name ("Tabeelaha Sheekh Ibrahim (Dharkenley
# District)": Sheekh, a town 800 km north) is no place of the event where the bracket right after
# the name holds a place of that country in another province, or more than BRACKET_UNIT_KM off:
# the bracket tells where the named spot is
BRACKET_UNIT_OVER_NAME_WORD = True
BRACKET_UNIT_KM = 100.0
_NAME_REST_THEN_BRACKET = re.compile(r"^(?:\s+[A-Z][\w'’-]*){1,3}\s*\(\s*$")


def _bracket_unit_over_name_word(ordered: list[PlaceMention], text: str) -> None:
    for mm in ordered:
        place = mm.place
        if place is None or place.latitude is None or getattr(place, "not_event_place", False):
            continue
        bracket = text.find("(", mm.end, mm.end + 60)
        if bracket < 0 or not _NAME_REST_THEN_BRACKET.match(text[mm.end:bracket + 1]):
            continue
        if any(mm.end < o.start < bracket and o.place is not None for o in ordered):
            continue  # "[a city] - [a quarter] ([X])": the words before the bracket are a place of their own
        unit = next((o for o in ordered if bracket < o.start <= bracket + 3 and o.place is not None), None)
        if unit is None or unit.place.iso != place.iso or unit.place.latitude is None:
            continue
        if _unit(unit.place) != _unit(place) or distance_km(
                (unit.place.latitude, unit.place.longitude), (place.latitude, place.longitude)) > BRACKET_UNIT_KM:
            _not_the_event_place(mm)


def constrain_by_province(mentions: list[PlaceMention], text: str) -> None:
    """"Maguing, Lanao del Sur", "Djibo in Soum province", "Oicha (Beni, North Kivu)", "Bijapur
    town, Bijapur district, Chhattisgarh state": the town lies in that province. A candidate elsewhere gives way to one inside it; a spelling guessed fuzzily that has none
    inside it is dropped, and so is a namesake of the gazetteer (the province then places the event)."""
    admit_barangays(mentions, text)
    ordered = sorted(mentions, key=lambda m: m.start)
    if VILLAGE_NEAR_ITS_TOWN:
        _village_far_from_its_town(ordered, text)
    if TOWN_COMMA_FAR_TOWN:
        _town_comma_far_town(ordered, text)
    _agree_apposed(ordered, text)
    if LOOSE_TOWN_OUTSIDE_CHAIN:
        _loose_outside_chain(ordered, text)
    if CHAIN_UNIT_NOT_OTHER_PROVINCE:
        _unit_not_other_province(ordered, text)
    for i, town in enumerate(ordered):
        if town.place is None or town.place.feature == "admin1" or getattr(town.place, "source", "") in VILLAGE_SOURCES:
            continue  # (a barangay was placed by its town and province already: admit_barangays)
        provs, prev = [], town  # the provinces of the chain of units that follows
        between: list[PlaceMention] = []  # the chain's units before its first province
        for nxt in ordered[i + 1:i + 5]:
            if not _chain_gap(text[prev.end:nxt.start]) and not _in_bracket_after(text, town, nxt):
                break
            if nxt.place is not None and nxt.place.feature == "admin1":
                provs.append(nxt)
            elif not provs:
                between.append(nxt)
            prev = nxt
        if not provs:
            continue
        prov = provs[0]
        if CHAIN_SKIPS_FOREIGN_UNIT:
            prov = _unit_of_chain(town, provs)
        if prov is None:
            continue
        code = _unit(prov.place)
        if not code:
            continue
        # the province's namesakes in its country ("Cotabato" the province and the city's unit)
        units = {_unit(c): c for c in getattr(prov, "candidates", [])
                 if c.feature == "admin1" and c.iso == prov.place.iso and _unit(c)}
        units.setdefault(code, prov.place)
        if _unit(town.place) in units:
            if _unit(town.place) != code:  # the town settles which namesake the province is
                _settle(prov, units[_unit(town.place)])
            continue
        inside = [c for c in getattr(town, "candidates", []) if _unit(c) in units]
        if inside:
            _settle(town, max(inside, key=lambda c: c.population or 0))
        elif getattr(town.place, "fuzzy", False) or (
                SUPPLEMENT_NOT_ACROSS_BORDER and town.place.iso and prov.place.iso and town.place.iso != prov.place.iso
                and town.text.strip().lower() != (town.place.name or "").lower()) \
                or (getattr(town.place, "source", "") != "supplement"
                                                      and getattr(town, "hint", "") != "town"
                                                      and not _at_edge_of(town.place, code, town, ordered)) \
                or (SUPPLEMENT_POINT_OUTSIDE_PROVINCE and getattr(town.place, "source", "") == "supplement"
                    and town.place.feature in POINT_FEATURES and getattr(town, "hint", "") != "town"
                    and any(b.place is not None and b.place is not town.place and b.place.name != town.place.name
                            and _unit(b.place) in units for b in between)
                    and not _at_edge_of(town.place, code, town, ordered)):
            # "the village of Tete (Mocimboa da Praia, Cabo Delgado)": the text says where it lies,
            # and no place of that name lies there: a namesake elsewhere is not it ("Gresik city,
            # West Java": a city, named with the wrong province, is the city)
            town.place = None
    if FUZZY_IN_APPOSED_UNIT:
        _fuzzy_outside_apposed(ordered, text)
    _within_named(mentions, text)
    _outside_the_one_province(ordered)
    _city_of_province(ordered, text)
    _province_after_unknown_name(ordered, text)
    _quarter_of_town(ordered, text)
    if QUARTER_NOT_A_TOWN:
        _quarter_named_as_town(ordered)
    if NAME_OPENING_WORD_ALONE:
        for mm in ordered:
            if mm.place is not None and getattr(mm, "opening_only", False) and (
                    not OPENING_ONLY_BESIDE_A_PLACE or _another_place(mm, ordered, "opening_only")):
                _not_the_event_place(mm)
    if BOUND_FOR_NOT_EVENT_PLACE:
        for mm in ordered:
            if mm.place is not None and _BOUND_AFTER.match(text[mm.end:mm.end + 12]):
                mm.bound_for = True  # type: ignore[attr-defined]
        for mm in ordered:
            if getattr(mm, "bound_for", False) and _another_place(mm, ordered, "bound_for"):
                _not_the_event_place(mm)
    _quarter_after_city(ordered, text)
    _facility_of_town(ordered, text)
    place_measured(ordered)
    if FUZZY_FAR_FROM_TEXT:
        _fuzzy_far_from_text(ordered)
    if FUZZY_OTHER_COUNTRY:
        _fuzzy_other_country(ordered)
    if BRACKET_UNIT_OVER_NAME_WORD:
        _bracket_unit_over_name_word(ordered, text)
    if SAME_NAME_AS_SET_IN_PROVINCE:
        _same_name_as_set(ordered, text)
    _unit_conventions(ordered, text)
    if OUTSKIRTS_AT_POINT:
        _outskirts_at_point(ordered, text)


# switch (session 40, places5): a name the text once sets in its province ("near [a village],
# Luhansk") is read the same way where it comes again alone ("... counted 40 blasts near [the
# village]"): the later bare mention had been resolved afresh to a namesake in another province
# (the one the chain had ruled out), and won as the event's place
SAME_NAME_AS_SET_IN_PROVINCE = True


def _set_in_province(ordered: list[PlaceMention], i: int, text: str) -> bool:
    nxt = ordered[i + 1] if i + 1 < len(ordered) else None
    return nxt is not None and nxt.place is not None and nxt.place.feature == "admin1" and \
        _APPOSED_PROVINCE.match(text[ordered[i].end:nxt.start]) is not None


def _bare_name(mm: PlaceMention, text: str) -> str:
    """The mention's name as written (folded), or "" where a unit word goes with it ("Kale
    township", "Kale district" and "Kale town" are three places of one name)."""
    if getattr(mm, "unit_word", "") or getattr(mm, "hint", "") or _ITS_UNIT_WORD.search(mm.text) or \
            _ITS_UNIT_WORD.match(" " + text[mm.end:mm.end + 20].strip().split(" ")[0].strip(",.;:()")) or \
            re.match(r"\s*(?:town|city|village)\b", text[mm.end:mm.end + 10], re.IGNORECASE):
        return ""
    return ascii_fold(mm.text).strip()


def _same_name_as_set(ordered: list[PlaceMention], text: str) -> None:
    settled = [(_bare_name(mm, text), mm.place) for i, mm in enumerate(ordered) if _set_in_province(ordered, i, text)]
    for i, mm in enumerate(ordered):
        if _set_in_province(ordered, i, text):
            continue
        key = _bare_name(mm, text)
        if not key:
            continue
        readings = [place for k, place in settled if k == key]
        if not readings or mm.place is None and readings[0] is None:
            continue
        first = readings[0]
        if (mm.place is not None and mm.place.feature not in POINT_FEATURES) or (
                first is not None and first.feature not in POINT_FEATURES):
            continue  # "Donetsk, Donetsk": the province after its city is no second reading of it
        if first is None:
            if mm.place.feature in POINT_FEATURES:
                mm.place = None  # the chain found no place of that name in its province
        elif mm.place is None or _identity(mm.place) != _identity(first):
            mm.place = first


# switch (session 40, places5): "a [Nairobi]-bound bus was attacked in [a village], Mandera County",
# "a Mogadishu-bound convoy": the town before "-bound" is where the vehicle was going, not where
# the event happened; it yields to any other place the text names (alone it stays: the best guess)
BOUND_FOR_NOT_EVENT_PLACE = True
_BOUND_AFTER = re.compile(r"^[-\u2010\u2011\u2013 ]bound\b", re.IGNORECASE)


# "near [a village the gazetteer lacks], [a province and its city's name]": a spelling guessed
# fuzzily (a place of another province whose name is like it) is no reading where the text sets
# the name in a unit it does not lie in; the name is then unknown, and the unit after it places
# the event (`_province_after_unknown_name`)
FUZZY_IN_APPOSED_UNIT = True


def _fuzzy_outside_apposed(ordered: list[PlaceMention], text: str) -> None:
    for mm, nxt in zip(ordered, ordered[1:]):
        place = mm.place
        if place is None or not getattr(place, "fuzzy", False) or nxt.place is None or nxt.place.iso != place.iso:
            continue
        if not _APPOSED.match(text[mm.end:nxt.start]):
            continue
        units = {_unit(c) for c in [nxt.place, *getattr(nxt, "candidates", [])] if c.iso == place.iso
                 and c.feature in ("admin1", *POINT_FEATURES)}
        units.discard("")
        if units and _unit(place) not in units:
            mm.place = None


# A city's township written so ("in [a quarter] township ([a district], Yangon)", a
# `neighbourhood` of the supplement) is "part of a region" like any township: ACLED 2 (tune rows
# of Yangon and Mandalay naming "in [X] township": 392 of 393 coded 2 from 2021, 85 of 92 before,
# where no ", in" follows)
CITY_TOWNSHIP_AREA = True
# Until 2020 ACLED coded a township named in a chain of "in"s ("in [X] Township, in [Y]
# Region") at its town, 1: 1,374 of 1,609 tune rows; without the chain 1,204 of 1,370 at 2. From
# 2021 on, 2 either way. Measured for Myanmar's word only (no other unit word is so written in
# the tune rows often enough to tell)
TOWNSHIP_CHAIN_POINT = True
CHAIN_POINT_UNIT_WORDS = frozenset({"township"})
TOWNSHIP_CHAIN_POINT_UNTIL = dt.date(2021, 1, 1)
_IN_JUST_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_IN_CHAIN_AFTER = re.compile(r"^(?:\s+[a-z]+)?,\s*in\s+", re.IGNORECASE)


def _unit_conventions(ordered: list[PlaceMention], text: str) -> None:
    """Mark the places named as a township (of a city too) by how ACLED codes them (precision_for)."""
    for mm in ordered:
        place, word = mm.place, getattr(mm, "unit_word", "")
        if place is None or word not in SUB_UNITS or acled_point_unit(place.iso, word):
            continue
        if CITY_TOWNSHIP_AREA and place.feature == "neighbourhood":
            place.for_unit = True  # type: ignore[attr-defined]
        if TOWNSHIP_CHAIN_POINT and getattr(place, "for_unit", False) and word in CHAIN_POINT_UNIT_WORDS \
                and _IN_JUST_BEFORE.search(text[max(0, mm.start - 12):mm.start]) \
                and _IN_CHAIN_AFTER.match(text[mm.end:mm.end + 20]):
            place.chain_point = True  # type: ignore[attr-defined]


# words for a part of a town: "Garissa neighbourhood (Marka)", "a junction (Hodan District)"
_TOWN_PART = (r"(?:neighbou?rhoods?|quarter|market|junction|street|avenue|compound|base|camp|station|"
              r"hospital|school|mosque|prison|airport|hotel|restaurant|cinema|stadium|palace|office|"
              r"building|square|bridge|port)")
_TOWN_PART_BRACKET = re.compile(r"\b" + _TOWN_PART + r"\s*\(\s*$", re.IGNORECASE)
QUARTER_KM = 25.0


def _quarter_of_town(ordered: list[PlaceMention], text: str) -> None:
    """"Garissa neighbourhood (Marka)": a quarter named in brackets with its town lies in it; a
    place of the quarter's name elsewhere (Kenya's Garissa) is a namesake, and the town places
    the event."""
    for mm, town in zip(ordered, ordered[1:]):
        if mm.place is None or town.place is None or town.place.feature not in POINT_FEATURES:
            continue
        gap = text[mm.end:town.start]
        if _QUARTER_IN.fullmatch(gap) or (getattr(mm, "hint", "") == "neighbourhood" and _QUARTER_OF.fullmatch(gap)):
            pass  # "Hodan village neighbourhood in Qoryooley town": the quarter of that town
        elif not ((getattr(mm, "hint", "") == "neighbourhood" or mm.place.feature == "neighbourhood")
                  and re.fullmatch(r"\s*\(\s*", gap)) and \
                not re.fullmatch(r"\s+" + _TOWN_PART + r"\s*\(\s*", gap, re.IGNORECASE):
            continue
        elif not re.match(r"\s*\)", text[town.end:town.end + 3]):
            continue  # "(Marka)" alone: the town, not a chain of units
        if mm.place.latitude is None or distance_km((mm.place.latitude, mm.place.longitude),
                                                    (town.place.latitude, town.place.longitude)) > QUARTER_KM:
            mm.place = None


# switch: a name the text calls a neighbourhood is a quarter of a town. Where the gazetteer holds
# a quarter of that name, only the quarter is read ("Eastleigh neighbourhood" is Nairobi's, not
# England's town); where it holds only towns, a town is the quarter's namesake unless another
# place of the text lies within QUARTER_KM of it: "in Berdale neighbourhood" (of Baidoa) had
# placed the event at the district town Berdaale, 50 km off (session 37). A city of
# QUARTER_CITY_POP or more stays: "the Cotonou neighbourhood of [a person]" is a quarter in Cotonou.
QUARTER_NOT_A_TOWN = True
QUARTER_CITY_POP = 100_000
# only where the text names another place (a province, a town): a quarter that is the text's only
# place keeps its namesake town, which at least holds the country and often the province
QUARTER_ONLY_BESIDE_A_PLACE = True


def _another_place(mm: PlaceMention, ordered: list[PlaceMention], flag: str) -> bool:
    """Does the text name a place other than `mm` below a country, not itself marked `flag`
    (a lone quarter, a name-opening word alone)?"""
    return any(o is not mm and o.place is not None and o.place.feature != "country"
               and not getattr(o, flag, False) for o in ordered)


def _quarter_named_as_town(ordered: list[PlaceMention]) -> None:
    for mm in ordered:
        place = mm.place
        if place is None or not getattr(mm, "lone_quarter", False) or place.feature == "neighbourhood" \
                or place.latitude is None or (place.population or 0) >= QUARTER_CITY_POP:
            continue
        if QUARTER_ONLY_BESIDE_A_PLACE and not _another_place(mm, ordered, "lone_quarter"):
            continue  # the text's only place: its namesake town is kept as the guess it was
        if not any(o is not mm and o.place is not None and o.place.latitude is not None
                   and o.place.feature in POINT_FEATURES and _identity(o.place) != _identity(place)
                   and distance_km((place.latitude, place.longitude), (o.place.latitude, o.place.longitude)) <= QUARTER_KM
                   for o in ordered):
            _not_the_event_place(mm)


def _not_the_event_place(mm: PlaceMention) -> None:
    """The mention's place is no place of the event (`choose_event_place` passes it by), but it
    still tells the article's country: "at Ceel [X]" is in Somalia though not at Eyl, "in [X]
    neighbourhood" in the country of the town named X though not at it."""
    mm.place = copy.copy(mm.place)
    mm.place.not_event_place = True  # type: ignore[attr-defined]


# "Hodan village neighbourhood in Qoryooley town", "the Bondhere quarter of Marka"
_QUARTER_IN = re.compile(r"\s+(?:(?:village|town)\s+)?(?:neighbou?rhood|quarter|district)\s+(?:in|of|within)\s+"
                         r"(?:the\s+)?(?:(?:town|city)\s+of\s+)?", re.IGNORECASE)
_QUARTER_OF = re.compile(r"\s+(?:in|of|within)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?", re.IGNORECASE)
# "Mogadishu - Heliwa (Banadir)": a city and its quarter, as ACLED's notes write it
_CITY_DASH_QUARTER = re.compile(r"\s*[-–—]\s*")


# "Dhaka - Mirpur": ACLED's way to write a city and its quarter; a small town of the quarter's
# name far away is a namesake
CITY_DASH_QUARTER = True
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
CITY_OF_QUARTERS_POP = 500_000


def _city_before_dash(city: PlaceMention, nxt: PlaceMention, text: str) -> bool:
    """A large city before a spaced dash and another name ("Dhaka - Mirpur"; the name may still
    be read as the city's province, which shares it)."""
    if city.place is None or not _SPACED_DASH.fullmatch(text[city.end:nxt.start]):
        return False
    towns = [city.place] + [c for c in getattr(city, "candidates", []) if c.iso == city.place.iso and is_exact(c, city.text)]
    return any(t.feature == "town" and (t.population or 0) >= CITY_OF_QUARTERS_POP for t in towns)


def _quarter_after_city(ordered: list[PlaceMention], text: str) -> None:
    """"Mogadishu - Heliwa": the city's quarter after a dash is where things happened (the
    quarter takes the city's role; the city is then part of the quarter's name). Only a quarter
    that lies within QUARTER_KM of the city. After a large city and a spaced dash, a small town
    far from it ("Dhaka - Mirpur", Mirpur upazila in Kushtia) is a namesake of a quarter the
    gazetteer lacks: it is dropped, and the city places the event."""
    for city, quarter in zip(ordered, ordered[1:]):
        if CITY_DASH_QUARTER and _city_before_dash(city, quarter, text) and quarter.place is not None \
                and quarter.place.feature == "town" and (quarter.place.population or 0) < VILLAGE_MAX_POP \
                and quarter.place.latitude is not None and city.place.latitude is not None \
                and distance_km((city.place.latitude, city.place.longitude),
                                (quarter.place.latitude, quarter.place.longitude)) > QUARTER_KM:
            quarter.place = None
            continue
        if city.place is None or quarter.place is None or city.place.feature != "town" or \
                quarter.place.feature != "neighbourhood" or city.place.latitude is None or \
                quarter.place.latitude is None:
            continue
        if not _CITY_DASH_QUARTER.fullmatch(text[city.end:quarter.start]):
            continue
        if distance_km((city.place.latitude, city.place.longitude),
                       (quarter.place.latitude, quarter.place.longitude)) > QUARTER_KM:
            continue
        role = city.role or mention_role(text, city.start)
        quarter.role = "in" if role in ("in", "near", "") else role
        city.role = "part"


def _facility_of_town(ordered: list[PlaceMention], text: str) -> None:
    """"at the Balcad junction in Mogadishu", "the Garowe checkpoint, Bosaso": a facility named
    after a town and set in another town is in that other town; its name is no place of the
    event (the name stays a place where nothing follows it)."""
    for mm, town in zip(ordered, ordered[1:]):
        if mm.place is None or town.place is None or not getattr(mm, "facility", False) or \
                town.place.feature not in POINT_FEATURES or _identity(town.place) == _identity(mm.place):
            continue
        if _FACILITY_IN_TOWN.fullmatch(text[mm.end:town.start]):
            mm.role = "part"


_FACILITY_IN_TOWN = re.compile(r"\s+[a-z]+\s*(?:,\s*|(?:in|of|at|inside)\s+(?:the\s+)?)?"
                               r"(?:(?:town|city)\s+of\s+)?")


def _in_bracket_after(text: str, town: PlaceMention, nxt: PlaceMention) -> bool:
    """Is `nxt` inside the bracket that opens right after the town ("Biu (Kasena Nankana East,
    Upper East)": the words of a unit the gazetteer lacks lie between)?"""
    opened = text.find("(", town.end, town.end + 12)
    return opened != -1 and not re.search(r"[).;]", text[opened:nxt.start]) and nxt.start - opened <= 60


# switch (session 42, places7): of a name and the unit set beside it that went to two countries and
# have no exact namesakes in one, a name read only by a folded or fuzzy spelling gives way to the
# other read exactly: "[an unknown quarter] District (Hargeisa)" was Hebei (China), which won the event
APPOSED_INEXACT_GIVES_WAY = True


APPOSED_WEIGHTY_POP = 5_000
_BRACKET_GAP = re.compile(r"^\s*\(\s*$")  # "[X] District (Hargeisa)"; a comma chain is the province rules' own


def _weighty(place: Place) -> bool:
    """A province, the team's own entry or a town of APPOSED_WEIGHTY_POP or more: not a hamlet abroad
    whose spelling merely matches (a village of 600 in Ukraine for a Kenyan politician's name)."""
    return place.feature == "admin1" or getattr(place, "source", "") == "supplement" or \
        (place.population or 0) >= APPOSED_WEIGHTY_POP


def _agree_apposed(ordered: list[PlaceMention], text: str) -> None:
    """"Zaragoza, La Libertad", "Galle city (Galle, Southern)": a name and the unit set beside it
    describe one place. Where each alone went to a different country (Spain's Zaragoza,
    Ecuador's La Libertad; Germany's Halle, also spelt Galle), the two take the exact namesakes
    that agree: in one province first (El Salvador's Zaragoza in its department La Libertad),
    the second a province, then the larger places; else they stay as they were."""
    for a, b in zip(ordered, ordered[1:]):
        if a.place is None or b.place is None or a.place.iso == b.place.iso or a.role in ("from", "part") or b.role == "part" \
                or not _APPOSED.match(text[a.end:b.start]):
            continue
        ca = [c for c in getattr(a, "candidates", []) if c.feature != "country" and is_exact(c, a.text)]
        cb = [c for c in getattr(b, "candidates", []) if is_exact(c, b.text)]
        pairs = [(x, y) for x in ca for y in cb if x.iso and x.iso == y.iso and _identity(x) != _identity(y)]
        if not pairs:
            if APPOSED_INEXACT_GIVES_WAY and b.place.feature != "country" and _BRACKET_GAP.match(text[a.end:b.start]):
                a_exact = is_exact(a.place, _UNIT_WORD_TAIL.sub("", a.text))
                b_exact = is_exact(b.place, _UNIT_WORD_TAIL.sub("", b.text))
                if b_exact and not a_exact and _weighty(b.place) and \
                        not any(c.iso == b.place.iso for c in getattr(a, "candidates", [])):
                    a.place = None  # "[an unknown name] District (Hargeisa)": not Hebei (China)
                elif a_exact and not b_exact and a.place.feature != "country" and _weighty(a.place) and \
                        not any(c.iso == a.place.iso for c in getattr(b, "candidates", [])):
                    b.place = None  # (a namesake in the other's country is left to the province rules)
            continue
        x, y = max(pairs, key=lambda p: (bool(_unit(p[0])) and _unit(p[0]) == _unit(p[1]), p[1].feature == "admin1",
                                         (p[0].population or 0) + (p[1].population or 0)))
        _settle(a, x)
        _settle(b, y)


def _identity(place: Place) -> tuple:
    return place.name, place.iso, place.feature, place.latitude, place.longitude


# "Kumbo (Kumbo, Bui, Nord-Ouest)": a unit of the chain read as another country's is a misreading
CHAIN_SKIPS_FOREIGN_UNIT = True
# switch: a town set in a province of another country ("near Kolbio, Lamu County": Kenya's) is not
# the team's supplement entry of a like name across the border (Somalia's Kolbiyow): the province
# names the country; the entry, read from another spelling than its own name, is dropped as a
# gazetteer namesake is ("Matara town, Southern province", spelt as the entry, stays) (session 36)
SUPPLEMENT_NOT_ACROSS_BORDER = True


def _unit_of_chain(town: PlaceMention, provs: list[PlaceMention]) -> PlaceMention:
    """The province of a chain of units that says where the town lies. "Kumbo (Kumbo, Bui,
    Nord-Ouest)", "Nkambe (Nkambe, Donga-Mantung, Nord-Ouest)": a division the gazetteer lacks
    was read as a province of another country (Nauru's Boe, Benin's Donga); where a later unit
    of the chain is of another country than that one and holds the town (or one of its
    candidates), the later unit is meant, and the earlier reading is dropped."""
    first = provs[0]
    for later in provs[1:]:
        if later.place.iso == first.place.iso:
            continue
        code = _unit(later.place)
        if code and (_unit(town.place) == code or any(_unit(c) == code for c in getattr(town, "candidates", []))):
            for p in provs[:provs.index(later)]:
                if p.place is not None and p.place.iso != later.place.iso:
                    p.place = None
            return later
    return first


def _settle(mm: PlaceMention, place: Place) -> None:
    """A mention takes another of its candidates, keeping how sure its reading was."""
    if place is mm.place:
        return
    chosen = copy.copy(place)
    chosen.score = mm.place.score
    chosen.margin = getattr(mm.place, "margin", 0.0)  # type: ignore[attr-defined]
    mm.place = chosen


# "an ambush in [a town], [the province it belonged to before a division]", "[a town] ([its
# district], [the province across the line])": a town named with a province it is not coded in,
# but lying at that province's edge, is the town (a border moved, a province divided, ACLED's region
# made of other units, a town by the line); a namesake far off is still dropped
EDGE_OF_NAMED_PROVINCE = True
EDGE_KM = 30.0
EDGE_TOWN_KM = 50.0  # a town of the named unit the text also names lies within this of the edge town


def _at_edge_of(place: Place, code: str, mm: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """Whether a place of the gazetteer coded in the unit `code` lies within EDGE_KM of `place`,
    where `place` is the only place of its country the mention may mean (a name shared by many
    villages may well have a namesake at the edge that is not the one meant), not a fuzzy guess,
    and not far from a town of that unit the text also names ("[a village], [a regency's town],
    [the province]": the village lies by that town, not at the province's edge)."""
    if not EDGE_OF_NAMED_PROVINCE or getattr(place, "fuzzy", False) or place.latitude is None:
        return False
    if sum(1 for c in getattr(mm, "candidates", []) if c.iso == place.iso and c.feature in POINT_FEATURES) > 1:
        return False
    for other in mentions:
        op = other.place
        if other is not mm and op is not None and op.feature in POINT_FEATURES and _unit(op) == code \
                and op.latitude is not None \
                and distance_km((op.latitude, op.longitude), (place.latitude, place.longitude)) > EDGE_TOWN_KM:
            return False
    from sitrep.geo.gazetteer import get_gazetteer

    return get_gazetteer().unit_near(code, place.latitude, place.longitude, EDGE_KM)


VILLAGE_MAX_POP = 50_000
# switch (session 37, places2): a name the text calls a district ("[X] district, [a regency], [the
# one province named]") is no city of that name in another province, however large: the city's
# size had kept it (North Sumatra's city Tebingtinggi for a district of that name in Riau)
DISTRICT_NOT_A_FAR_CITY = False  # off: see docs/geo.md (places2): precision lost one row


# switch (session 42, places7): a town the text measures a village from ("[X] (about 20 km NE of
# [a town])") is that town, though the text names another province elsewhere ("support came from
# [a district] in [a region]"); before, the town (27,000 people, under VILLAGE_MAX_POP) was
# dropped as a namesake, the village lost its point, and the other province's district won
MEASURED_REFERENCE_KEPT = True


def _outside_the_one_province(ordered: list[PlaceMention]) -> None:
    """"near Nyaung Chaung, Maungdaw township, Rakhine state": where a text names one province
    only, a village of the gazetteer in another province of that country (with no namesake in
    the one named) is a namesake; the province then places the event."""
    named = [m for m in ordered if m.place is not None and m.place.feature == "admin1"
             and m.role not in ("from", "part") and _unit(m.place)
             and (getattr(m, "hint", "") == "region" or not _city_named(m))]  # "Khartoum" may be the city
    units = {(m.place.iso, _unit(m.place)) for m in named}
    if len(units) != 1:
        return
    iso, code = next(iter(units))
    # the named province's namesakes in its country ("Cotabato": the province and the city's unit)
    namesakes = {_unit(c): (m, c) for m in named for c in getattr(m, "candidates", [])
                 if c.feature == "admin1" and c.iso == iso and _unit(c)} if EDGE_OF_NAMED_PROVINCE else {}
    for mm in ordered:
        place = mm.place
        if place is None or place.feature not in POINT_FEATURES or place.iso != iso or _unit(place) == code:
            continue
        district = DISTRICT_NOT_A_FAR_CITY and getattr(mm, "hint", "") in ("district", "subdistrict")
        if getattr(place, "source", "") in ("supplement", *VILLAGE_SOURCES) or (
                (place.population or 0) >= VILLAGE_MAX_POP and not district):
            continue  # the team's places, and barangays the text placed in their town
        if mm.role in ("from", "part") or getattr(mm, "hint", "") == "town":
            continue  # "Kaimana city, Papua province": a city named with a wrong province is the city
        if MEASURED_REFERENCE_KEPT and any(
                getattr(o, "measured", None) and o.measured[2] <= mm.start <= o.measured[2] + 2 for o in ordered):
            continue  # "[a village] (23km NE of [a town])": the town the text measures from is that town
        inside = [c for c in getattr(mm, "candidates", []) if c.iso == iso and _unit(c) == code]
        if inside:
            best = copy.copy(max(inside, key=lambda c: c.population or 0))
            best.score, best.margin = place.score, getattr(place, "margin", 0.0)  # type: ignore[attr-defined]
            mm.place = best
        elif _unit(place) in namesakes:  # the town settles which namesake the province is
            for prov in named:
                _settle(prov, namesakes[_unit(place)][1])
            code = _unit(place)
        elif not _at_edge_of(place, code, mm, ordered):
            mm.place = None



CITY_OF_PROVINCE_POP = 5_000
CITY_OF_ITS_OWN_POP = 100_000


def _city_named(mm: PlaceMention) -> list[Place]:
    """Towns of 5,000+ in the province a mention resolved to, named exactly as it is; or a city
    of 100,000+ of its country that is a unit of its own beside the province of its name (Kyiv
    and Kyiv oblast, Minsk and Minsk region, Tashkent and Tashkent region)."""
    place = mm.place
    return [c for c in getattr(mm, "candidates", []) if c.feature == "town" and c.iso == place.iso
            and is_exact(c, mm.text) and (c.population or 0) >= CITY_OF_PROVINCE_POP
            and (_unit(c) == _unit(place) or (c.population or 0) >= CITY_OF_ITS_OWN_POP)]


# "shelled Maiorsk, Donetsk", "near Mine 6/7, Donetsk": a name the gazetteer lacks, set before a
# province and its city's shared name, is a place in the province; the name after the comma is
# the province that locates it, not the city (which is often 50 km away). The province places
# the event, at its capital, precision 3: the text's own place is unknown, and the city at 1
# would claim a place the text does not name.
UNKNOWN_NAME_SETS_PROVINCE = True
_NAME_PARTICLE = r"(?:imeni|de|del|la|le|el|al|na|nad|pod|u)"
_UNKNOWN_NAME_BEFORE = re.compile(
    r"(?:^|[^.!?:;\s]\s+)([A-Z][\w'’-]*(?:[\s/-]+(?:[A-Z][\w'’-]*|\d+|" + _NAME_PARTICLE + r")){0,3}),\s*$")
_NOT_A_NAME = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                         "saturday", "sunday", "meanwhile", "however", "today", "yesterday", "on", "in", "at",
                         "by", "for", "from", "since", "after", "before", "during", "the", "a", "an", "and", "but",
                         "then", "later", "earlier", "also", "i"})


def _after_unknown_name(ordered: list[PlaceMention], i: int, text: str) -> bool:
    """Whether the mention `ordered[i]` follows "[a name no mention holds], " (docs above)."""
    mm = ordered[i]
    m = _UNKNOWN_NAME_BEFORE.search(text[max(0, mm.start - 60):mm.start])
    if not m:
        return False
    start = mm.start - len(text[max(0, mm.start - 60):mm.start]) + m.start(1)
    if any(o is not mm and o.place is not None and o.start < mm.start and o.end > start for o in ordered):
        return False  # a name the gazetteer knows: the rules above settle it
    words = m.group(1).split()
    first, last = words[0].lower().strip("'’."), words[-1].lower().strip("'’.")
    sentence = text[max(0, text.rfind(".", 0, start) + 1):start]
    if sentence.count("(") > sentence.count(")"):
        return False  # "(Mandera East, Mandera)": a bracket's chain of units, its last the province
    if first in BARANGAY_WORDS or last in FEATURE_WORDS or last in street_words() or last in organisation_heads():
        return False  # "Barangay 99, Manila", "Waiyaki Way, Nairobi": a part of the city
    return first not in _NOT_A_NAME and not any(w.lower().strip("'’") in _NOT_A_NAME for w in words[1:]) \
        and not re.search(r"\d", words[0])


def _province_after_unknown_name(ordered: list[PlaceMention], text: str) -> None:
    """"near Mine 6/7, Donetsk": the name that shares a province's and its city's is the province
    where it follows a name the gazetteer lacks (docs above `UNKNOWN_NAME_SETS_PROVINCE`)."""
    if not UNKNOWN_NAME_SETS_PROVINCE:
        return
    for i, mm in enumerate(ordered):
        place = mm.place
        if place is None or place.feature != "town" or getattr(mm, "hint", ""):
            continue
        unit = [c for c in getattr(mm, "candidates", []) if c.feature == "admin1" and c.iso == place.iso
                and _unit(c) == _unit(place) and is_exact(c, mm.text)]
        if unit and _after_unknown_name(ordered, i, text):
            prov = copy.copy(unit[0])
            prov.score, prov.margin = place.score, getattr(place, "margin", 0.0)  # type: ignore[attr-defined]
            mm.place = prov


# switch: the province a mention resolved to is named exactly when any entry of that province is
# ("Baghdad" resolved to the supplement's "Baghdad governorate", Natural Earth's "Baghdad" exact):
# "in Baghdad" is then the city, at precision 1, as "in Kirkuk" was (session 35)
PROVINCE_ANY_ENTRY_EXACT = True


def _city_of_province(ordered: list[PlaceMention], text: str) -> None:
    """"in Kirkuk", "in Colombo": a province and its city share the name; without "province"
    and not set after a town as its province ("Pisky, Donetsk"), the text means the city, where
    ACLED places the event at precision 1."""
    for i, mm in enumerate(ordered):
        place = mm.place
        if place is None or place.feature != "admin1" or getattr(mm, "hint", "") in ("region", "district", "subdistrict"):
            continue
        if i > 0 and _APPOSED.match(text[ordered[i - 1].end:mm.start]):
            continue
        if UNKNOWN_NAME_SETS_PROVINCE and _after_unknown_name(ordered, i, text):
            continue
        if not (is_exact(place, mm.text) or (PROVINCE_ANY_ENTRY_EXACT and any(
                c.feature == "admin1" and _unit(c) == _unit(place) and is_exact(c, mm.text)
                for c in getattr(mm, "candidates", [])))):
            continue
        city = _city_named(mm)
        if city:
            best = copy.copy(max(city, key=lambda c: c.population or 0))
            best.score, best.margin = place.score, getattr(place, "margin", 0.0)  # type: ignore[attr-defined]
            mm.place = best


def _unit(place: Place) -> str:
    """The Natural Earth unit of a place: a unit ACLED divides ("Shan-North" of Shan) counts as
    the whole, which is what a text names ("Muse, Shan state")."""
    return (getattr(place, "admin1_code", "") or "").split("~")[0]


FOREIGN_TOWN_MAX_POP = 100_000


def _stray(place: Place, mm: PlaceMention, mentions: list[PlaceMention], focus: set[str], told: set[str]) -> bool:
    """A small town in a country the article never names, when the article is about another
    ("the Commissioner" is a village in Georgia, USA): a word that looks like a place, not one.
    A large town counts as small when the text names it by another of its names ("Abdullahpur"
    for India's Yamuna Nagar, in a report from Bangladesh): a namesake, not the city."""
    if place.iso in focus or place.iso in told or place.feature not in POINT_FEATURES:
        return False
    if getattr(place, "source", "") == "supplement" or (
            (place.population or 0) >= FOREIGN_TOWN_MAX_POP and _own_name(place, mm)):
        return False
    if getattr(mm, "placed_in", False) and _set_in_alone(mm, mentions, focus):
        return False
    if _set_in_beside_topics(mm, mentions, focus):
        return False
    return not any(o is not mm and o.place is not None and o.place.iso == place.iso for o in mentions)


# switch: "protested in [a town abroad] against the invasion of [a country]", "a rally in [a town]
# against the pro-[a people's adjective] party": where the article's countries come only from
# topics (a country after "of"/"on"/"against", a people's adjective, a group) and no place of the
# text lies in them, a town of SET_IN_BESIDE_TOPICS_POP or more that the text sets the event in
# by its own name, right after a locative word, is the place (before, it was dropped as a stray
# word and the event placed in the topic's country)
SET_IN_BESIDE_TOPICS = True
SET_IN_BESIDE_TOPICS_POP = 10_000
# what may follow such a town: a stop, a bracket, or a word opening a new phrase ("in [a town] to
# denounce", "in [a town] on Monday"; not "at [a name] jaw hill", where the name opens a longer one)
_SET_IN_END = re.compile(r"\s*(?:[,).;:(]|$|(?i:town|city)\b)|\s+(?:on|over|after|before|during|when|while|where|to|"
                         r"for|against|at|with|following|since|last|this|as|in|and|by|from|of|near|under|until|"
                         r"amid|ahead|demanding|calling|denouncing|protesting|in\s+support)\b")


def _set_in_beside_topics(mm: PlaceMention, mentions: list[PlaceMention], focus: set[str], text: str = "") -> bool:
    """(Above.) `text`: the text the mentions' offsets index, where they carry no reading of
    their own (the copies extraction makes per sentence)."""
    place = mm.place
    placed = _placed_in(text, mm.start) and _SET_IN_END.match(text[mm.end:mm.end + 30]) is not None if text else \
        getattr(mm, "placed_in", False) and getattr(mm, "ends_phrase", False)
    if not SET_IN_BESIDE_TOPICS or place is None or place.feature not in POINT_FEATURES or not focus \
            or place.iso in focus or not placed or mm.text.isupper() \
            or (place.population or 0) < SET_IN_BESIDE_TOPICS_POP or getattr(place, "fuzzy", False) \
            or not (_own_name(place, mm) and is_exact(place, re.sub(r"\s+(?i:city|town)$", "", mm.text))):
        return False  # ("[a town] City" is the town by its own name)
    def where(o: PlaceMention) -> bool:  # a country named as where, not what about
        if text:
            return _IN_COUNTRY_BEFORE.search(text[max(0, o.start - 25):o.start]) is not None
        return getattr(o, "country_in", False)

    return not any(o.place is not None and o.place.iso in focus and (o.place.feature != "country" or where(o))
                   for o in mentions)


def _set_in_alone(mm: PlaceMention, mentions: list[PlaceMention], focus: set[str]) -> bool:
    """"clashed in Diinsoor" where only a group's name ("ISWA", also the name of a group of
    another country) says which country the article is about: a town the text sets the event
    in by its own name, right after a locative word, in one of the countries the team's
    supplement covers (`conflict_countries`), while no place of the text lies in the article's
    countries, stands ("in the village of Sampieri" in a report from Burkina Faso is no
    Italian village)."""
    place = mm.place
    return place is not None and place.feature in POINT_FEATURES and place.iso in conflict_countries() and \
        _own_name(place, mm) and is_exact(place, mm.text) and not mm.text.isupper() and \
        not any(o.place is not None and o.place.iso in focus for o in mentions)


def _placed_in(text: str, start: int) -> bool:
    """Right after a locative word ("clashed in Diinsoor", "near Baidoa")."""
    return _SHORT_NAME_AFTER_WORD.search(text[max(0, start - 40):start]) is not None


OWN_NAME_SIMILARITY = 0.5


def _own_name(place: Place, mm: PlaceMention) -> bool:
    """The text names the place by its name or a spelling of it ("Hpakant" for Hpakan,
    "Chittagong" for Chattogram), not by a different name it also has ("Abdullahpur")."""
    a, b = name_key(place.name), name_key(mm.text)
    return a == b or SequenceMatcher(None, a, b).ratio() >= OWN_NAME_SIMILARITY


def _other_name_abroad(place: Place, mm: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """A town named by another of its names ("Abdullahpur", an old name of India's Yamuna
    Nagar) where another name of the text is a place of another country by its own name
    ("Dhaka"): a namesake the gazetteer does not hold, not that town."""
    if place.feature not in POINT_FEATURES or getattr(place, "source", "") == "supplement" or _own_name(place, mm):
        return False
    return any(o is not mm and o.place is not None and o.place.iso != place.iso and o.place.feature != "country"
               and _own_name(o.place, o) for o in mentions)


def _loose(place: Place, mm: PlaceMention) -> bool:
    """With no country to go by, a small town whose name only folds to the one written ("Kougri"
    read as "Kugri" in China): a spelling that happens to share a key, not evidence."""
    return (place.feature in POINT_FEATURES and not is_exact(place, mm.text)
            and getattr(place, "source", "") != "supplement" and (place.population or 0) < FOREIGN_TOWN_MAX_POP
            and not getattr(place, "fuzzy", False))


@lru_cache(maxsize=1)
def conflict_countries() -> frozenset[str]:
    """Countries the team's supplement covers: a prior for ambiguous names."""
    from sitrep.geo.gazetteer import load_supplement

    return frozenset(e["country"] for e in load_supplement())


_MISSION_AFTER = re.compile(r"^(?:['’]s)?\s+(?:embassy|consulate|high commission|ambassador|mission)\b", re.IGNORECASE)
# "near the Mali border", "close to the border with Somalia": a country named as the border an
# event was near says where it was not (ACLED codes the side the event was on, which the text
# names otherwise). "The Myanmar-China border" names both sides: either may be the place.
_BORDER_AFTER = re.compile(r"^(?:['’]s)?\s+(?:border|frontier)s?\b", re.IGNORECASE)
_BORDER_BEFORE = re.compile(r"\b(?:(?:border|frontier)s?\s+(?:with|of)|bordering)\s+(?:the\s+)?$", re.IGNORECASE)
_PAIRED_BEFORE = re.compile(r"[A-Za-z][-–/]$")


# switch (session 39, places4): a country's own name set as a border ("near the border with Benin")
# is no town that has the country's name among its others (Benin City): the country's candidate was
# dropped as a border and the town stayed
BORDER_COUNTRY_NO_NAMESAKE = False


def border_reference(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] a country named as a border ("the Somali border",
    "the border with Mali"), not where something happened? Not one of a pair ("the
    Kenya-Somalia border")."""
    if _PAIRED_BEFORE.search(text[max(0, start - 2):start]):
        return False
    return bool(_BORDER_AFTER.match(text[end:end + 40]) or _BORDER_BEFORE.search(text[max(0, start - 60):start]))


def article_context(text: str, countries_weight: int = 1) -> GeoContext:
    """What a text says about its countries: country words and single-country actors."""
    from sitrep.extract.actors import get_dictionary

    context = GeoContext()
    grievance = grievance_spans(text)
    for iso, start, end in country_words(text):
        if in_grievance(grievance, start):
            continue  # "rallied in [a city] against the war in [a country]": the topic's country
        if _MISSION_AFTER.match(text[end:end + 30]):
            continue  # "outside the United States Embassy in Manila": the event is elsewhere
        if border_reference(text, start, end):
            continue  # "near the Mali border": the event is on the other side
        context.countries[iso] += countries_weight
    if AREA_CUE_PROVINCES:
        for code in area_cue_provinces(text):
            context.admin1[code] += 1
    actors = get_dictionary()
    for m in actors.find(text, set(context.countries)):
        if actors.ambiguous(m.text) or in_grievance(grievance, m.start):
            continue
        entry = actors.entry(m.key)
        if entry is not None and len(entry.countries) == 1:
            context.countries[entry.countries[0]] += 1
        elif entry is not None and len(entry.home) == 2 and entry.inter != 1:
            context.countries[entry.home] += 1
    return context


# switch (session 47, places12): a phrase that tells the provinces a text is set in though it names
# none ("the OSCE SMM observed ... explosions near [a village]": Donetsk and Luhansk oblasts) puts
# those provinces in the text's context (data/place_words_session47.yaml `area_cues`): of a
# village's namesakes, the one in them is meant (one of another oblast had been read first)
AREA_CUE_PROVINCES = True


@lru_cache(maxsize=1)
def _area_cues() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    path = resources.files("sitrep") / "data" / "place_words_session47.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple((re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in cue["phrases"]) + r")(?!\w)"),
                  tuple(cue["provinces"])) for cue in data.get("area_cues", []))


def area_cue_provinces(text: str) -> list[str]:
    """The admin1 codes the text's area cues tell (AREA_CUE_PROVINCES)."""
    return [code for pattern, codes in _area_cues() if pattern.search(text) for code in codes]


# "JNIM militants attacked [a village the gazetteer lacks]" from a Burkinabe outlet: a group
# active in several countries counts its home (Mali) as the article's country; where the text
# names no place and no country word of that home, and the outlet's country is one where the
# group fights, the outlet's country is the event's
OUTLET_GROUP_COUNTRY = True


def outlet_group_country(text: str, outlet_iso: str, context: GeoContext) -> str:
    """The outlet's country, where the article's leading country comes only from the home of a
    group that also fights in the outlet's country (docs above); else ""."""
    from sitrep.extract.actors import get_dictionary

    if not OUTLET_GROUP_COUNTRY or not outlet_iso or not context.countries:
        return ""
    top = context.countries.most_common(1)[0][0]
    if top == outlet_iso or any(iso == top and not border_reference(text, start, end)
                                for iso, start, end in country_words(text)):
        return ""  # "in Mali", "Malian troops"; not "near the Mali border" (the other side)
    actors = get_dictionary()
    for m in actors.find(text, set()):
        entry = actors.entry(m.key)
        if entry is not None and len(entry.countries) > 1 and entry.home == top and outlet_iso in entry.countries:
            return outlet_iso
    return ""


# switch (session 42, lead): a place abroad matched by the last words of a longer capitalised name
# whose first words match nothing ("in Hawa Gelan woreda ([a zone], Oromia)": "Gelan" is one of
# Iran's Gilan province's names) is no plain naming of that place
TAIL_OF_UNKNOWN_NAME = True
_AFTER_LOWER_WORD = re.compile(r"[a-z][,;:]?\s+\(?$|[a-z]\s*\($")
_QUALIFIERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                         "upper", "lower", "middle", "greater", "new", "old", "al", "el", "ad", "as", "ash", "ar", "at",
                         "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
                         "south-west", "northeastern", "northwestern", "southeastern", "southwestern", "far", "high",
                         "haut", "haute", "bas", "basse", "grand", "grande", "petit", "petite", "nord", "sud", "est",
                         "ouest", "centre", "center", "alto", "bajo", "baja"})


# switch (session 41, places6): a province or town named with its unit word ("in the [X] region",
# "[X] County") is exactly named when its name is: the unit word had made "[X] region" inexact,
# and a plainly named province of another country than the groups' was skipped as a misread
# ("Somalia-based militants ... in the [a Kenyan county] region": the event went to Somalia, no place)
STRONG_ABROAD_UNIT_WORD = True
_UNIT_WORD_TAIL = re.compile(r"\s+(?i:region|county|province|state|governorate|district|oblast|prefecture|department|"
                             r"territory|town|city|village)$")


def _strong_outside_focus(mm: PlaceMention, mentions: list[PlaceMention] = ()) -> bool:
    """A place outside the article's countries that is still plainly named: a large city, a
    province, the team's own place, a clear reading, or a town the text sets in its own
    province ("in Nemuro, Hokkaido")."""
    from sitrep.geo.resolve import is_exact

    place = mm.place
    if mm.text.isupper() and len(mm.text) <= 5:
        return False  # "VDP", "MSF": abroad, an acronym names a group far more often than a town
    if TAIL_OF_UNKNOWN_NAME and getattr(mm, "tail_of_unknown", False):
        return False  # "Hawa Gelan woreda": the end of a name the gazetteer lacks, no province of Iran
    exact = is_exact(place, mm.text) or (STRONG_ABROAD_UNIT_WORD and bool(_UNIT_WORD_TAIL.search(mm.text)) and
                                         is_exact(place, _UNIT_WORD_TAIL.sub("", mm.text)))
    in_its_province = place.feature in POINT_FEATURES and bool(_unit(place)) and any(
        o is not mm and o.place is not None and o.place.feature == "admin1" and o.place.iso == place.iso
        and _unit(o.place) == _unit(place) for o in mentions)
    return exact and (place.population >= 100_000 or place.feature in ("admin1", "country")
                      or getattr(place, "source", "") == "supplement" or getattr(place, "margin", 0) >= 0.5
                      or in_its_province)


# "held a demonstration in front of the [demonym] Embassy at [a town], [its province]", "workers of
# [a demonym]-owned factory ... in [a township], in [its region]": the article's countries come
# from words (peoples' adjectives, groups, countries named as topics) and misread names ("BAYAN",
# a Chinese town); a town the text sets in its own province (or beside a larger town of its
# own country within 30 km: "[a town] ([its city], [region])") is plainly placed. Where such
# towns lie in one country, that country (alone) is the one the event's place is chosen in.
SET_IN_ITS_PROVINCE_IS_HOME = True
PLACED_TOWN_KM = 30.0
_PLACED_GAP = re.compile(r"^\s*(?:(?:" + _LOCAL_DISTRICT + _LOCAL_VILLAGE + r"town|city|village|township|district|sub-?district|municipality|county|upazila)\s*)?"
                         r"(?:,|\()\s*(?:in\s+)?(?:the\s+)?$", re.IGNORECASE)


def _home_of_placed_towns(mentions: list[PlaceMention], text: str, focus: set[str]) -> set[str]:
    ordered = sorted((m for m in mentions if m.place is not None), key=lambda m: m.start)
    placed: set[str] = set()
    for a, b in zip(ordered, ordered[1:]):
        pa, pb = a.place, b.place
        if pa.feature not in POINT_FEATURES or pa.iso != pb.iso or not _PLACED_GAP.match(text[a.end:b.start]):
            continue
        if getattr(pa, "fuzzy", False) or getattr(pb, "fuzzy", False) or a.text.isupper() or b.text.isupper():
            continue
        if pb.feature == "admin1" and _unit(pb) and _unit(pb) == _unit(pa):
            placed.add(pa.iso)
        elif pb.feature in POINT_FEATURES and pa.latitude is not None and pb.latitude is not None and \
                (pb.population or 0) > (pa.population or 0) and \
                distance_km((pa.latitude, pa.longitude), (pb.latitude, pb.longitude)) <= PLACED_TOWN_KM:
            placed.add(pa.iso)
    if len(placed) == 1 and placed != focus:
        return placed
    return focus


# switch (session 40, places5): where the chosen place is a country and the text names a place
# inside that country as where (a town or village after "in"/"near"; a province or district also
# named plainly: not "[a town] residents said fighting went on in [the country]") is taken:
# "[a village the gazetteer lacks], [a county] in north-eastern [the country]" had the country win
# over the county (the event lost its admin1 and location)
PLACE_OVER_ITS_COUNTRY = True


# switch (session 40, places5): "raided [a village] in [X] territory", "captured [a village]
# village in [X] district": the village, object of the verb, is where; the unit after "in" only
# locates it (before, the unit after "in" took the "in" role's weight and the territory's seat,
# 40-50 km off, won). The village takes the role, the unit becomes a reference. Only where the
# village lies within POINT_IN_UNIT_MAX_KM of the unit's point or in the named province.
POINT_BEFORE_ITS_UNIT = True
POINT_IN_UNIT_MAX_KM = 100.0
_IN_ITS_UNIT_GAP = re.compile(r"^\s+(?:(?:village|town|locality|area)\s+)?in\s+(?:the\s+)?$", re.IGNORECASE)
_ITS_UNIT_WORD = re.compile(r"\s(?:territory|district|sub-?district|county|sub-?county|province|region|state|"
                            r"township|woreda|zone|regency|commune|department|upazila|tehsil|raion|oblast|"
                            r"governorate|prefecture|municipality|chiefdom|sector|LGA)$", re.IGNORECASE)  # (matched at a name's end)


def _point_before_its_unit(mentions: list[PlaceMention], text: str) -> None:
    ordered = sorted(mentions, key=lambda m: m.start)
    for part, unit in zip(ordered, ordered[1:]):
        if part.place is None or unit.place is None or part.place.feature not in POINT_FEATURES:
            continue
        if (part.role or mention_role(text, part.start)) != "" or unit.role == "part":
            continue
        if not _IN_ITS_UNIT_GAP.match(text[part.end:unit.start]):
            continue
        named_unit = unit.place.feature == "admin1" or bool(getattr(unit, "unit_word", "")) or \
            bool(_ITS_UNIT_WORD.search(unit.text)) or bool(_ITS_UNIT_WORD.match(" " + text[unit.end:unit.end + 20].strip().split(" ")[0].strip(",.;:()")))
        if not named_unit:
            continue
        if unit.place.feature == "admin1":
            inside = bool(_unit(unit.place)) and _unit(part.place) == _unit(unit.place)
        else:
            inside = unit.place.latitude is not None and part.place.latitude is not None and distance_km(
                (part.place.latitude, part.place.longitude), (unit.place.latitude, unit.place.longitude)) <= POINT_IN_UNIT_MAX_KM
        if inside:
            part.role, unit.role = "in", "ref"


def choose_event_place(mentions: list[PlaceMention], text: str, dateline: int = 0,
                       anchor: int | None = None, focus: set[str] | None = None) -> PlaceMention | None:
    """The mention most likely to be where the event happened.

    anchor: where the event's word is (relative to `text`); nearer mentions are preferred.
    """
    best = None
    best_score = -99.0
    if SET_IN_ITS_PROVINCE_IS_HOME and focus:
        focus = _home_of_placed_towns(mentions, text, focus)
    # "into the Brooklyn area of Cite Soleil (Port-au-Prince, Ouest)": where the text also names
    # a place in the article's own countries, a famous namesake abroad is not the event's place
    # (a country's own name is no place in it: "against the invasion of Ukraine" tells what
    # a protest in Tours is about)
    at_home = bool(focus) and any(m.place is not None and m.place.iso in focus and m.start >= dateline
                                  and m.place.feature != "country"
                                  and (m.role or mention_role(text, m.start)) not in ("from", "part")
                                  for m in mentions)
    towns_provinces = _provinces_of_named_towns(mentions, text)
    if POINT_BEFORE_ITS_UNIT:
        _point_before_its_unit(mentions, text)
    if FACILITY_COMMA_TOWN:
        _town_after_facility(mentions, text)
    best_town, best_town_score = None, -99.0  # the best town or village, for a country chosen over it
    inner_scores: dict[str, tuple] = {}  # per country, its best place below the country
    for mm in mentions:
        if mm.place is None or mm.start < dateline or id(mm) in towns_provinces:
            continue
        if getattr(mm.place, "not_event_place", False):
            continue  # NAME_OPENING_WORD_ALONE, QUARTER_NOT_A_TOWN: a hint of the country only
        role = mm.role or mention_role(text, mm.start)
        if role == "in" and mm.place.feature == "country" and not _IN_COUNTRY_BEFORE.search(text[max(0, mm.start - 25):mm.start]):
            role = ""  # "to lift the blockade on Cuba", "the invasion of Ukraine": what about, not where
        mm.role = role
        if mm.place.feature in ("country", "admin1") and re.match(r"['’]s\b", text[mm.end:mm.end + 3]) and any(
                o.place is not None and mm.end < o.start <= mm.end + 50 for o in mentions):
            continue  # "Cameroon's Northwest region", "Syria's Aleppo province": the whole, not the place
        if role == "part" and not (focus and mm.place.iso in focus):
            continue  # "Mobile Anti-Riot Squadron" abroad: not a place at all
        score = {"in": 2.0, "near": 2.0, "ref": 0.8, "from": -2.5, "part": -2.5, "": 0.0}[role]
        feature = mm.place.feature
        score += 1.0 if feature in POINT_FEATURES else 0.6 if feature in AREA_FEATURES else (
            0.3 if feature in ("desert", "range", "forest") else 0.0)
        if feature == "country":
            score -= 1.5
        score += min(mm.place.score, 3.0) * 0.3
        if getattr(mm.place, "source", "") in VILLAGE_SOURCES:
            score += 0.5  # a barangay the text placed in its town: more precise than the town
        if anchor is not None:
            score -= min(abs(mm.start - anchor) / 120.0, 1.0) * 0.8
        if ROAD_END_NOT_EVENT_PLACE and _road_end(text, mm.start, mm.end):
            score -= ROAD_END_PENALTY  # "at the [X]-[Y] highway, [a town]": the road's ends are no event place
        if BETWEEN_FIRST_END and _BETWEEN_SECOND.search(text[max(0, mm.start - 120):mm.start]):
            score -= BETWEEN_SECOND_PENALTY  # "between [X] and [Y]": ACLED places the stretch at X
        if focus and mm.place.iso not in focus:
            if at_home or not (_strong_outside_focus(mm, mentions) or (
                    _placed_in(text, mm.start) and _set_in_alone(mm, mentions, focus))
                    or _set_in_beside_topics(mm, mentions, focus, text)):
                continue  # a weak match abroad is more likely a misread name than the place
            score -= 1.5
        if score > best_score:
            best, best_score = mm, score
        if feature != "country" and (role in ("in", "near") or (role == "" and feature not in POINT_FEATURES)) \
                and score > inner_scores.get(mm.place.iso, (None, -99.0))[1]:
            inner_scores[mm.place.iso] = (mm, score)  # PLACE_OVER_ITS_COUNTRY
        if feature in POINT_FEATURES and role in ("in", "near", "") and score > best_town_score \
                and focus and mm.place.iso not in focus:
            best_town, best_town_score = mm, score  # plainly named, weakened only by the focus
    if TOWN_WORD_OVER_ITS_UNIT and best is not None:
        best = _town_word_over_its_unit(best, mentions, text)
    if DATELINE_TOWN and (best is None or best.place.feature == "country") and dateline > 0:
        # "MOSUL, Jan 19 (Reuters) - Gunmen killed four policemen at a checkpoint": a report that
        # names no place of its own happened where it was filed (the dateline's town); not where the
        # article is about other countries as well (a border clash reported from Peshawar)
        filed = dateline_town(mentions, text, dateline, focus)
        if filed is not None:
            best = filed
            best.role = ""
    if PLACE_OVER_ITS_COUNTRY and best is not None and best.place.feature == "country" and \
            inner_scores.get(best.place.iso, (None,))[0] is not None:
        # "at [a village], Mandera County in north-eastern Kenya": the country named after its
        # province is where both lie, not a place of its own; the province (or town) says more
        best = inner_scores[best.place.iso][0]
    if TOWN_OVER_COUNTRY and best is not None and best.place.feature == "country" and best_town is not None:
        # "[a city]'s youth protested against recruiting for a group in [a country]": a town the
        # text plainly names says more than a country named as a topic, whose focus (set by the
        # country's own name and its groups) had only weakened the town
        best = best_town
    if best is not None and best.role in ("in", "") and best.place.feature in POINT_FEATURES and \
            best.place.feature != "neighbourhood" and \
            _ENCLOSING_UNIT.search(text[max(0, best.start - 80):best.start]) and \
            not _TOWN_PART_BRACKET.search(text[max(0, best.start - 40):best.start]) and \
            not (ACLED_VILLAGE_AT_ITS_POINT and _VILLAGE_IN_BRACKET.search(text[max(0, best.start - 80):best.start])) and \
            not (VILLAGE_OF_AT_ITS_POINT and _VILLAGE_OF_IN_BRACKET.search(text[max(0, best.start - 90):best.start])) and \
            not (SMALL_UNIT_AT_ITS_POINT and _SMALL_UNIT_BEFORE.search(text[max(0, best.start - 80):best.start])) and \
            not (NAMED_PLACE_IN_BRACKET_AT_ITS_POINT and _named_place_before_bracket(text, best.start)):
        # "Chitalmari upazila (Bagerhat, ...)": a unit the gazetteer lacks; the unit in brackets
        # stands for it, "near": 2. Not for a part of a town ("Garissa neighbourhood (Marka)", "a
        # junction (Hodan District)") nor within a city's district: the town itself, 1
        best.role = "near"
    if best is not None and best.place.feature == "town" and _BARANGAY_SET_BEFORE.search(text[max(0, best.start - 80):best.start]):
        # "in Barangay Tulay, Nasugbu town": the municipality stands for a barangay the
        # gazetteer lacks, which ACLED placed at its own point (1), not the municipality (2)
        best.place = copy.copy(best.place)
        best.place.for_village = True  # type: ignore[attr-defined]
    if SMALL_UNIT_AT_ITS_POINT and best is not None and getattr(best.place, "for_unit", False) and \
            best.role in ("in", "") and (_SMALL_UNIT_BEFORE.search(text[max(0, best.start - 80):best.start]) or (
                VILLAGE_OF_AT_ITS_POINT and (_VILLAGE_OF_IN_BRACKET.search(text[max(0, best.start - 90):best.start])
                                             or _VILLAGE_IN_BRACKET.search(text[max(0, best.start - 80):best.start])))):
        # "in [a district the gazetteer lacks], [a regency]": the regency's town stands for the
        # district the text puts the event in, which ACLED codes at its own point (1)
        best.place = copy.copy(best.place)
        best.place.for_named_place = True  # type: ignore[attr-defined]
    if ADMIN2_UNIT_AT_CAPITAL and best is not None:
        best = _admin2_unit_at_capital(best)
    if BETWEEN_PLACES_NEAR and best is not None and best.role in ("in", "") and \
            best.place.feature in POINT_FEATURES and _between_places(text, best.start, best.end):
        # "ambushed a convoy between [X] and [Y]": the act was on the way, near either end (2)
        best.role = "near"
    if AREA_OF_NEAR and best is not None and best.role in ("in", "") and best.place.feature in POINT_FEATURES and \
            _AREA_OF_BEFORE.search(text[max(0, best.start - 60):best.start]):
        best.role = "near"  # "went missing in the area of [a town]": around it, 2
    if CODED_AS_REMARK:
        best = _coded_as(mentions, text, best, dateline, focus)
    return best


# switch (session 46, places11): "in [X] town of [X] township ([X] district, [a region])": the
# text names the town itself, and the unit of its name after it only locates it; the event is
# the town at its point (1), not the township's seat (2). Before, the unit's mention, nearer the
# verb, won with the same place marked as standing for its unit. (Myanmar tune rows of 2021 on
# "in [X] town of|in [X] township": 66 of 66 coded at the town, 1.)
TOWN_WORD_OVER_ITS_UNIT = True  # switch (session 46, places11)
_TOWN_WORD_AFTER = re.compile(r"^\s+town\b", re.IGNORECASE)


def _town_word_over_its_unit(best: PlaceMention, mentions: list[PlaceMention], text: str) -> PlaceMention:
    """The mention written "[X] town" of the same place as `best`, where `best` is that town
    standing for a unit of its name ("[X] township"); else `best`."""
    if best.place is None or best.place.feature != "town" or not getattr(best.place, "for_unit", False) \
            or best.role not in ("in", ""):
        return best
    key = _identity(best.place)
    for mm in mentions:
        if mm is best or mm.place is None or mm.start >= best.start or getattr(mm.place, "for_unit", False):
            continue
        if _identity(mm.place) != key or not _TOWN_WORD_AFTER.match(text[mm.end:mm.end + 8]):
            continue
        if (mm.role or mention_role(text, mm.start)) not in ("in", ""):
            continue
        mm.role = best.role or "in"
        return mm
    return best


# switch (session 41, places6): a name that is one end of a road's name ("blocked the [X]-[Y]
# highway at [a town]", "on the [X] - [Y] road, [a city]") names the road, not where the act was:
# it yields to any other place the text names (ACLED tune rows naming such a road: the location
# is another place in 384 of 650, the first end in 185, the second in 81); where the text names no
# other place, an end still places the event
ROAD_END_NOT_EVENT_PLACE = True
ROAD_END_PENALTY = 2.5
_ROAD_WORD = r"(?i:highways?|roads?|motorways?|expressways?|railways?|rail\s+lines?|pipelines?|corridors?|bypass)\b"
_ROAD_FIRST_AFTER = re.compile(r"^\s*[-\u2013\u2014]\s*[A-Z][\w'’.]*(?:[\s-]+[A-Z][\w'’.]*){0,2}\s+" + _ROAD_WORD)
_ROAD_SECOND_BEFORE = re.compile(r"[A-Z][\w'’.]*\s*[-\u2013\u2014]\s*$")
_ROAD_SECOND_AFTER = re.compile(r"^\s+" + _ROAD_WORD)
_ROAD_IN_MENTION = re.compile(r"\s" + _ROAD_WORD + r"$")


def _road_end(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one end of a road's name ("[X]-[Y] highway", "[X] - [Y] road")?"""
    if _ROAD_FIRST_AFTER.match(text[end:end + 60]):
        return True
    return bool(_ROAD_SECOND_BEFORE.search(text[max(0, start - 40):start])) and bool(
        _ROAD_SECOND_AFTER.match(text[end:end + 20]) or _ROAD_IN_MENTION.search(text[start:end]))


# "an IED struck a lorry between [town] and [town]", "fighting between the villages of [X] and [Y]":
# a place named as one end of a stretch is where the event was near, not at: "near", 2 (ACLED tune
# rows whose location is such an end, all countries: 264 of 292 at 2; docs/geo.md, session 35)
BETWEEN_PLACES_NEAR = True
# switch (session 42, places7; read when the module loads): "between Barangays [X] and [Y]" is a stretch
# like "between the villages of [X] and [Y]" (seed 31: the first barangay had been read at 1, ACLED 2)
BETWEEN_BARANGAYS = 1
_BETWEEN_WORDS = (r"\bbetween\s+(?:the\s+)?(?:(?:villages?|towns?|cities|localities|settlements"
                  + (r"|(?i:barangays?|brgys?\.?)" if BETWEEN_BARANGAYS else "") + r")\s+(?:of\s+)?)?")
_PLACE_WORDS = r"[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,3}"
_UNIT_TAIL = r"(?:\s+(?i:village|town|city|locality))?"
_BETWEEN_FIRST = re.compile(_BETWEEN_WORDS + r"$")
_BETWEEN_FIRST_AFTER = re.compile(r"^" + _UNIT_TAIL + r"(?:\s*\([^()]{0,60}\))?\s+(?:and|&)\s+(?:the\s+)?"
                                  r"(?:(?:village|town|city)\s+of\s+)?[A-Z]")
_BETWEEN_SECOND = re.compile(_BETWEEN_WORDS + _PLACE_WORDS + _UNIT_TAIL + r"(?:\s*\([^()]{0,60}\))?\s+(?:and|&)\s+"
                             r"(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?$")


# switch (session 41, places6): of "between [X] and [Y]", the first end is the event's place where
# both resolve (ACLED tune rows with the location at an end: the first 170, the second 67); before,
# the larger town won (scores by population)
BETWEEN_FIRST_END = True
BETWEEN_SECOND_PENALTY = 1.0


# "in the area of [X]", "around the general area of the village of [X]": ACLED tune rows whose
# location is X: 237 of 249 at 2 (10 countries). Not "[a quarter] area of [a city]" (a part of
# the whole, _within_named): "the" opens the phrase
AREA_OF_NEAR = True
_AREA_OF_BEFORE = re.compile(r"\b(?:in|at|around|within|across|into)\s+the\s+(?:general\s+|wider\s+|surrounding\s+)?"
                             r"areas?\s+of\s+(?:the\s+)?(?:(?:village|town|city|locality|commune)\s+of\s+)?$",
                             re.IGNORECASE)


def _between_places(text: str, start: int, end: int) -> bool:
    """Is the name at start:end one end of "between [X] and [Y]"?"""
    before = text[max(0, start - 120):start]
    if _BETWEEN_FIRST.search(before) and _BETWEEN_FIRST_AFTER.match(text[end:end + 80]):
        return True
    return _BETWEEN_SECOND.search(before) is not None


# "in Nueva Ecija", "in Polonnaruwa district", "in Soum province": where ACLED's admin1 is
# coarser than the gazetteer's unit (acled_admin1.yaml `admin2_from_natural_earth`: the
# Philippines' provinces, Sri Lanka's districts, Burkina Faso's provinces, ...), the unit is
# ACLED's admin2, and an event placed only there is coded at the unit's capital as "part of a
# region", 2, not at 3 as a province is
ADMIN2_UNIT_AT_CAPITAL = True


@lru_cache(maxsize=1)
def _admin2_countries() -> frozenset[str]:
    from sitrep.geo.gazetteer import load_acled_admin1

    return frozenset(iso for iso, spec in load_acled_admin1().items() if spec.get("admin2_from_natural_earth"))


def _admin2_unit_at_capital(best: PlaceMention) -> PlaceMention:
    place = best.place
    code = getattr(place, "admin1_code", "") or ""
    if place is None or place.feature != "admin1" or not place.admin2 or place.iso not in _admin2_countries() \
            or not re.match(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$|^[A-Z]{2}\.\d+$", code):
        return best  # not a unit of such a country (a city that is a unit of its own: "PH.Bacolod")
    from sitrep.geo.gazetteer import get_gazetteer

    capital = get_gazetteer().capital(code)
    if capital is None or capital.latitude is None:
        return best
    town = copy.copy(place)
    town.name, town.latitude, town.longitude, town.feature = capital.name, capital.latitude, capital.longitude, "town"
    town.for_unit = True  # type: ignore[attr-defined]
    return PlaceMention(best.text, best.start, best.end, town, best.role)


# "in [X] district, [Y] regency", "in [X] union, [Y] upazila (...)", "in [X] locality ([Y]
# upazila, ...)", "[X] sub-district ([Y] district, ...)": the event was in X, a unit below the
# one after it, which the gazetteer lacks. ACLED codes X at its own point, 1 (tune rows so worded:
# Indonesia's district before a regency 918 of 994, sub-district before a district 632 of 637;
# Bangladesh's union before an upazila 68 of 102, locality 14 of 14); the unit's town stands for
# X at 1, not "near" (2). A village so set is not included (Bangladesh: 27 of 112 at 1).
SMALL_UNIT_AT_ITS_POINT = True
_SMALL_UNIT_BEFORE = re.compile(
    r"\b(?:in|at|inside)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+"
    r"(?i:sub-?district|district|union|locality|kelurahan)\s*(?:,|\((?:[^()]*,\s*)?)\s*(?:in\s+)?$")


# "(coded as [X])", "(coded to [X], [province])", "(coordinates for [X] used)", "[geocode for
# [X]]": ACLED's notes say which place an event was coded at where the text names a place the
# coder could not find or an area; that place is the event's. "at geoprecision N" after it says
# the precision; else a place stated "near" or as a district stands at 2, a province at 3.
# (A remark of ACLED's notes; no news text words itself so.)
CODED_AS_REMARK = True
# switch: a town so named, with no precision stated, stands at 2 (ACLED tune rows whose location
# is the town of such a remark: 848 at 2, 260 at 3, 116 at 1, in 54 countries); before, at 1
# where the remark named the text's own town or another town was the event's
CODED_AS_NEAR = True
# "(coded to [a city] - [its quarter])": a quarter, at its point (1); "(fatalities coded to
# [X] event)": another event of the note, no remark on this one's place
_CITY_QUARTER_AFTER = re.compile(r"\s+-\s+[A-Z]")
_OTHER_EVENT_AFTER = re.compile(r"\s+events?\b", re.IGNORECASE)
_CODED_AS_BEFORE = re.compile(r"\b(?:(?:geo-?)?coded\s+(?:as|to|at)|geocoded?\s+(?:for|as|to|at)|"
                              r"coordinates\s+(?:for|of))\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$",
                              re.IGNORECASE)
_STATED_PRECISION = re.compile(r"^[^()\[\].;]{0,40}?\bat\s+geo-?\s*precision\s+([123])\b", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(r"^[\s-]+(?:district|county|sub-?county|municipality|upazila|township|regency|"
                             r"commune|department|area|areas)\b", re.IGNORECASE)


def _coded_as(mentions: list[PlaceMention], text: str, best: PlaceMention | None, dateline: int,
              focus: set[str] | None) -> PlaceMention | None:
    """The place a coding remark of the note names (above), with the precision it implies."""
    coded = [m for m in mentions if m.place is not None and m.start >= dateline and m.role != "part"
             and m.place.feature != "country" and (not focus or m.place.iso in focus)
             and _CODED_AS_BEFORE.search(text[max(0, m.start - 40):m.start])
             and not (CODED_AS_NEAR and _OTHER_EVENT_AFTER.match(text[m.end:m.end + 12]))]
    if not coded:
        return best
    mm = coded[0]
    stated = _STATED_PRECISION.match(text[mm.end:mm.end + 60])
    if stated:
        precision = int(stated.group(1))
    elif CODED_AS_NEAR and mm.place.feature in POINT_FEATURES and not _CITY_QUARTER_AFTER.match(text[mm.end:mm.end + 5]) and (
            best is None or best is mm or best.place is None or best.place.feature in POINT_FEATURES):
        precision = 2  # the coder's stand-in for a place of the text, or the area around it
    elif best is None or best is mm or best.place is None:
        return mm if best is None else best
    elif best.role == "near":
        precision = 2
    elif best.place.feature == "admin1":
        precision = 2 if _DISTRICT_AFTER.match(text[best.end:best.end + 20]) or \
            re.search(r"\b(?:district|county)$", best.text, re.IGNORECASE) else 3
    elif getattr(best.place, "for_unit", False) or best.place.feature in AREA_FEATURES or \
            _DISTRICT_AFTER.match(text[best.end:best.end + 20]):
        precision = 2
    else:
        precision = 0
    out = PlaceMention(mm.text, mm.start, mm.end, copy.copy(mm.place), "in")
    if precision:
        out.place.stated_precision = precision  # type: ignore[attr-defined]
    return out


# "protested in front of [an office], [a city] city (...)", "at [a school], [a town] town": the
# town set after the building where the act was is where it happened, as "in" says (a name
# without "city" or "town" after it is left to the chain rules: "At [a village], [a township] (...)")
FACILITY_COMMA_TOWN = True
_LOCATIVE_THEN_COMMA = re.compile(r"\b(?:in front of|at|in|inside|outside|near|opposite|beside)\s+"
                                  r"(?:the\s+)?[^,.;()]{1,70},\s*$", re.IGNORECASE)
_TOWN_WORD_OR_BRACKET = re.compile(r"^[\s-]+(?:city|town)\b(?![\s-]+(?:hall|council|centre|center|square)\b)",
                                   re.IGNORECASE)


def _town_after_facility(mentions: list[PlaceMention], text: str) -> None:
    for mm in mentions:
        if mm.place is None or mm.role or mm.place.feature not in POINT_FEATURES:
            continue
        if mention_role(text, mm.start):
            continue
        m = _LOCATIVE_THEN_COMMA.search(text[max(0, mm.start - 100):mm.start])
        if not m or not _TOWN_WORD_OR_BRACKET.match(text[mm.end:mm.end + 12]):
            continue
        opened = max(0, mm.start - 100) + m.start()
        if any(o is not mm and o.place is not None and o.role != "part" and opened <= o.start < mm.start
               for o in mentions):
            continue  # "in [a township], [a city] (...)": a chain of places, read elsewhere
        mm.role = "in"


# a barangay, village or sitio named just before a town, set in it by a comma, "in" or "of"
_BARANGAY_SET_BEFORE = re.compile(
    r"(?:\b(?i:barangay|brgy|bgy|barrio|sitio|purok)\.?\s+[A-Za-z0-9][\w'’.&-]*(?:\s+[A-Z0-9&][\w'’.-]*){0,3}"
    r"|\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?i:village|barangay))"
    r"(?:\s+area)?\s*(?:,|\bin\b|\bof\b|\bwithin\b)\s*(?:the\s+)?(?:(?i:town|municipality|city)\s+of\s+)?$")


# the gap between a town and the province set after it: "Mariupol, Donetsk", "Kutkai
# Township, northern Shan State", "Biu (Borno"
_APPOSED_PROVINCE = re.compile(r"^\s*(?:(?:town|city|village|township|district|municipality|county)\s*)?(?:,|\()\s*(?:the\s+)?"
                               r"(?:(?:north|south|east|west|central|upper|lower)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?\s+)?$",
                               re.IGNORECASE)


# a bare country never places an event over a town the text plainly names in another country
# (not as an origin), where only the article's focus on the country had weakened the town
TOWN_OVER_COUNTRY = True


def _provinces_of_named_towns(mentions: list[PlaceMention], text: str) -> set[int]:
    """Provinces set right after a town that lies in them ("evacuated from Mariupol, Donetsk",
    "near Sin Li (Kutkai Township, northern Shan State)"): the province says where the town is,
    it is not another candidate for the event's place, whatever words stand before the town
    (ids of the mentions)."""
    out: set[int] = set()
    ordered = sorted((m for m in mentions if m.place is not None), key=lambda m: m.start)
    town = None  # the place the chain of units after it locates
    for prev, mm in zip(ordered, ordered[1:]):
        if prev.place.feature in POINT_FEATURES and prev.role != "part" and id(prev) not in out:
            town = prev
        gap = text[prev.end:mm.start]
        if mm.place.feature == "admin1" and prev.place.feature in POINT_FEATURES and prev.role != "part" \
                and _unit(prev.place) and _unit(prev.place) == _unit(mm.place) \
                and (_APPOSED_PROVINCE.match(gap) or (UNIT_CHAIN_LOCATES and _UNIT_OF.match(gap))
                     or (TOWN_IN_PROVINCE and _TOWN_IN.match(gap))):
            out.add(id(mm))
        elif UNIT_CHAIN_LOCATES and town is not None and mm.place.feature in POINT_FEATURES \
                and _named_as_unit(mm, text) and _unit(town.place) \
                and _unit(town.place) == _unit(mm.place) and (prev is town or id(prev) in out) \
                and _APPOSED_UNIT.match(gap) and distance_km((prev.place.latitude, prev.place.longitude),
                                                             (mm.place.latitude, mm.place.longitude)) <= (
                    UNIT_CHAIN_KM if prev is town else 2 * UNIT_CHAIN_KM):
            out.add(id(mm))  # "[town] town, [township] township ([district], ...)": where the town is
        elif UNIT_CHAIN_LOCATES and prev is town and mm.place.feature in POINT_FEATURES and _named_as_unit(mm, text) \
                and _APPOSED_UNIT.match(gap) and prev.place.population < UNIT_CHAIN_NAMESAKE_POP \
                and getattr(prev.place, "source", "") != "supplement" and distance_km(
                    (prev.place.latitude, prev.place.longitude), (mm.place.latitude, mm.place.longitude)) > UNIT_CHAIN_KM:
            # "[name] district, [town] regency" with the district's namesake 80 km from the town: the
            # gazetteer lacks the district; the unit after it places the event
            out.add(id(prev))
            town = None
        elif mm.place.feature == "admin1" and id(prev) in out and _APPOSED_PROVINCE.match(gap) \
                and UNIT_CHAIN_LOCATES and town is not None and _unit(town.place) == _unit(mm.place):
            out.add(id(mm))
        elif PROVINCE_CITY_AFTER_UNIT and mm.place.feature in POINT_FEATURES and prev.role != "part" \
                and prev.place.feature in POINT_FEATURES | AREA_FEATURES and _unit(prev.place) \
                and _unit(prev.place) == _unit(mm.place) and _CHAIN_PROVINCE_GAP.match(gap) \
                and admin1_code(mm.place.iso, mm.text) == _unit(mm.place) and distance_km(
                    (prev.place.latitude, prev.place.longitude), (mm.place.latitude, mm.place.longitude)) > PROVINCE_CITY_KM:
            out.add(id(mm))  # "in [a sub-district] ([a district]) in Kirkuk": the province, not its city
    return out


# "in [a sub-district] ([its district]) in Kirkuk", "in [a town] in the eastern countryside of Deir
# ez-Zor": a name that is both a province and its city, set after a finer place of that province
# (a town, a district, a sub-district farther than PROVINCE_CITY_KM from the city), is the province
# that locates the finer place; before, the city (a point feature) outranked the district
PROVINCE_CITY_AFTER_UNIT = True
PROVINCE_CITY_KM = 15.0
_CHAIN_PROVINCE_GAP = re.compile(
    r"^\s*(?:(?:village|town|city|area|district|sub-?district|camp)\s*)?\)?\s*(?:,|\(|\b(?:in|of)\b)\s*(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?\s+)?"
    r"(?:(?:countryside|desert|badia|outskirts|province|governorate)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


# A unit below the province set after a town ("[town] town, [township] township", "in [township]
# Township, in [district] District", "[village] village, [township] Township ([district] District")
# or a province after "[town] district of" says where the town is: no rival of it, even where the
# event's word stands nearer the unit
UNIT_CHAIN_LOCATES = True
UNIT_CHAIN_KM = 50.0  # a town farther from the unit set after it is a namesake of the unit's town
UNIT_CHAIN_NAMESAKE_POP = 5_000  # a smaller place farther than that from the unit after it is a namesake
_APPOSED_UNIT = re.compile(r"^\s*(?:(?:" + _LOCAL_DISTRICT + _LOCAL_VILLAGE + r"town|city|village|township|district|municipality|county)\s*)?(?:,|\()\s*"
                           r"(?:in\s+)?(?:the\s+)?$", re.IGNORECASE)
_UNIT_WORD_END = re.compile(r"\b(?:" + _LOCAL_DISTRICT + r"township|district|sub-?district|upazila|tehsil|taluka|regency|sub-?county|"
                            r"municipality|commune|raion|rayon)$", re.IGNORECASE)


def _named_as_unit(mm: PlaceMention, text: str) -> bool:
    """"Hpakant township", "Shwebo District": the mention names a unit below the province."""
    return bool(_UNIT_WORD_END.search(mm.text) or _UNIT_WORD_AFTER.match(text[mm.end:mm.end + 20]))


# "[a barangay], [a city] city in [its province]", "[a town] of [its province]": a province after
# "in" or "of" set right after a town it holds says where the town is; the event's place is the
# town, not the province (which "in" had made the likelier place)
TOWN_IN_PROVINCE = True
_TOWN_IN = re.compile(r"^\s+(?:(?:town|city|municipality|village)\s+)?(?:in|of)\s+(?:the\s+)?$", re.IGNORECASE)

_UNIT_OF = re.compile(r"^\s+(?:" + _LOCAL_DISTRICT + r"township|district|sub-?district|upazila|tehsil|taluka|regency|sub-?county|"
                      r"municipality|county)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_IN_COUNTRY_BEFORE = re.compile(r"\b(?:in|inside|across|throughout|into|all over|parts of|areas of)\s+(?:the\s+)?$",
                                re.IGNORECASE)

# a bracket opened after a name or a unit word, the chosen place its first or a later item
# "in Biyo Cadde village (Jowhar, Middle Shabelle)": the text says the event was in the village
# itself, which its district town stands for; ACLED codes such a village at its own point
# (precision 1), a place "near" it or a unit named so ("Chitalmari upazila (...)") at 2
_VILLAGE_IN_BRACKET = re.compile(r"\b(?:in|at|inside)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+"
                                 r"(?:village|town)\s*\((?:[^()]*,\s*)?$")
ACLED_VILLAGE_AT_ITS_POINT = True
# switch: the same for "in the village of [X] ([its district], ...)", and for a village or town
# so set whose bracket opens with a unit below the province ("at [X] town ([Y] district, [its
# province])"): the event was at X, coded at its own point, 1 (ACLED tune rows "in the village of
# [X] (...)": 223 of 231 coded at X, precision 1; docs/geo.md, session 35)
VILLAGE_OF_AT_ITS_POINT = True
_VILLAGE_OF_IN_BRACKET = re.compile(r"\b(?:in|at|inside)\s+(?:the\s+)?(?:village|town|locality|hamlet)\s+of\s+"
                                    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s*\((?:[^()]*,\s*)?$")
# switch: "in Tchanwassaga (Tanguieta, Atacora)", "attacked [X] ([its district], [its
# province])": a place the gazetteer lacks, named plainly (no unit word after it) before the
# bracket of its units. The bracket's town stands for it, and ACLED codes the place the text
# names at its own point: 1, not "near" (2). ACLED tune rows so worded whose location is the
# named place: 2,815 of 2,910 at precision 1 (docs/geo.md, session 36). A unit so named
# ("Chitalmari upazila (...)") stays at 2.
NAMED_PLACE_IN_BRACKET_AT_ITS_POINT = True
_LISTED_OR_OF_BEFORE = re.compile(r"(?:,|\band|\bor|\bbetween|\b(?:areas?|outskirts|vicinity|surroundings|environs|"
                                  r"commune|municipality|district|region|province|department|county|zone)\s+of)"
                                  r"\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_BEFORE_BRACKET = re.compile(r"(?:^|[^\w'’-])([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*\((?:[^()]*,\s*)?$")


def _named_place_before_bracket(text: str, start: int) -> bool:
    """Is the bracket that holds the mention at `start` set right after a plain name, not a unit word?"""
    window = max(0, start - 80)
    m = _NAME_BEFORE_BRACKET.search(text[window:start])
    if not m:
        return False
    last = m.group(1).split()[-1].lower().strip("'’").replace("-", "")
    if last in FEATURE_WORDS or last in SUB_UNITS:
        return False
    name_at = window + m.start(1)
    if _LISTED_OR_OF_BEFORE.search(text[max(0, name_at - 30):name_at]):
        return False  # "the areas of A, B, C (...)", "the commune of X (...)": an area, 2
    return mention_role(text, name_at) not in ("near", "ref", "from")  # "near Denga (...)": 2


_ENCLOSING_UNIT = re.compile(r"[A-Za-z\u00C0-\u024F]\s*\((?:[^()]*,\s*)?$")
