"""Place-name keys that survive transliteration.

`name_key` folds the ways one Arabic (or other) name is written in English news into one key:
diacritics and the marks ʿ ’ ' `, the articles al-/ad-/as-/el-, doubled letters, kh/gh/q/dh
variants, vowel spellings (e/i/y, o/u/w/ou) and suffixes such as "governorate" or "district".
The fold is deliberately lossy; resolution ranks candidates with the surface form and context.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKS = dict.fromkeys(map(ord, "ʿʾ’‘'`´ʼʻ′"), None)
_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "es", "en", "er", "et", "ez", "il", "l"}
_SUFFIXES = {
    "governorate", "province", "provinces", "district", "subdistrict", "sub-district",
    "muhafazat", "muhafaza", "qadha", "qada", "qadaa", "nahiya", "nahiyat", "nahia", "city",
    "town", "village", "region", "state", "county", "municipality", "area", "prefecture",
    "oblast", "raion", "territory", "department", "wilaya", "wilayat", "localities", "locality",
    "township", "upazila", "tehsil", "taluka", "regency", "subcounty", "sub-county",
}
# units below the province named after their main town: "Magway township" is not Magway region
SUB_UNITS = {"township", "upazila", "tehsil", "taluka", "regency", "subcounty", "sadar"}
FEATURE_WORDS = {
    "desert": "desert", "mountain": "mountain", "mountains": "range", "mount": "mountain",
    "mt": "mountain", "range": "range", "hills": "range", "valley": "valley", "wadi": "wadi",
    "lake": "lake", "river": "river", "island": "island", "islands": "island", "road": "road",
    "highway": "road", "crossing": "crossing", "base": "base", "airbase": "base",
    "camp": "camp", "prison": "prison", "dam": "dam", "field": "oilfield", "forest": "forest",
    "district": "district", "subdistrict": "subdistrict", "province": "region",
    "governorate": "region", "region": "region", "state": "region", "oblast": "region", "village": "village",
    "town": "town", "city": "town", "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood", "area": "area", "border": "crossing",
    # units below the province, named after their main town ("Maungdaw Township", "Raipura
    # upazila"): the town, at ACLED's precision 2
    "township": "district", "upazila": "district", "tehsil": "district", "taluka": "district",
    "subcounty": "district", "regency": "district", "raion": "district", "rayon": "district", "municipality": "town",
    "commune": "town", "locality": "village",
    "sadar": "district",
    # Ethiopia's district and ward (locate.LOCAL_UNIT_WORDS): "[X] woreda" is the unit named after
    # its seat, "[X] kebele" a village-level ward
    "woreda": "district", "kebele": "village",  # "Bhola Sadar": the headquarters upazila named after its district's town
}
_FOLDS = [
    (re.compile(r"kh"), "k"), (re.compile(r"gh"), "g"), (re.compile(r"q"), "k"),
    (re.compile(r"dh"), "d"), (re.compile(r"th"), "t"), (re.compile(r"ph"), "f"),
    (re.compile(r"c(?=[aou])"), "k"), (re.compile(r"ck"), "k"), (re.compile(r"j"), "j"),
    (re.compile(r"ou|oo|ow|o|w"), "u"), (re.compile(r"ee|ei|ey|ie|e|y"), "i"),
    (re.compile(r"aa"), "a"), (re.compile(r"ai"), "i"),
    (re.compile(r"(?<=[aiu])h$"), ""),
]
_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def ascii_fold(text: str) -> str:
    """Lowercase ASCII with diacritics and apostrophe-like marks removed."""
    text = text.translate(_MARKS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_words(text: str) -> list[str]:
    """The words of a name, without articles and administrative suffixes."""
    folded = _NON_ALNUM.sub(" ", ascii_fold(text).replace("-", " "))
    words = [w for w in folded.split() if w]
    # glued articles: "alQaim" is rare; "al-Qaim" became "al qaim" above
    kept = [w for w in words if w not in _ARTICLES]
    while len(kept) > 1 and kept[-1] in _SUFFIXES:
        kept.pop()
    while len(kept) > 1 and kept[0] in _SUFFIXES:
        kept.pop(0)
    return kept or words


def name_key(text: str) -> str:
    """The lossy matching key of a place name ("" when nothing is left)."""
    key = "".join(name_words(text))
    for pattern, repl in _FOLDS:
        key = pattern.sub(repl, key)
    key = _DOUBLE.sub(r"\1", key)
    return key


# switch: display names drop the marks that transliterate an ayn or a hamza ("Sāmarrā’" ->
# "Samarra", "Nek’emte" -> "Nekemte", "Ma'rib" -> "Marib"), as ACLED writes them; a possessive
# ("Cox's Bazar") keeps its apostrophe
PLAIN_MARKS = 1
# a mark after two letters (so not after "d", "O" or "L": "Cote d'Ivoire", "O'Higgins", "L'Aquila"),
# not before a capital ("Sant'Angelo") or a possessive s; or a mark opening a word
_TRANSLIT_MARK = re.compile(r"(?<=\w\w)['’‘ʼʾʿ](?!s\b|[A-Z])|(?<!\w)['’‘ʼʾʿ](?=\w)")


def plain_name(text: str) -> str:
    """A display form without diacritics or transliteration marks: 'Al Ḩaḑar' -> 'Al Hadar',
    'Sāmarrā’' -> 'Samarra'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _TRANSLIT_MARK.sub("", text) if PLAIN_MARKS else text


def alternation(words: list[str]) -> str:
    """A regex matching any of `words`, factored by common prefixes (a trie): the same matches
    as "a|b|c" longest first, many times faster over hundreds of words."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def usable_key(key: str, name: str) -> bool:
    """Is a name's key distinctive enough to look up? Three letters at least, or two where the
    name itself has four letters or more ("Pyay" folds to "pi"; "Ho" and "Al" stay out)."""
    return len(key) >= 3 or (len(key) == 2 and sum(c.isalpha() for c in name) >= 4)


# switch: a name of two or three letters whose key folds to one letter ("Yei" and "Ye" fold to
# "i", "Ouo" to "u") is a short name like "Wa": kept and matched only as written; before, such
# names were never looked up at all
SHORT_NAME_ONE_LETTER_KEY = True


def short_name(key: str, name: str) -> bool:
    """A name of two or three letters whose key is too short to look up loosely ("Bay",
    "Ibb", "Zou", "Wa", "Ho", and "Yei", whose key is "i"): kept in the gazetteer and matched
    only as written (`locate.find_mentions` takes it where the text sets it as a place). A word
    in capitals ("UN", "AU") is an acronym, not such a name."""
    letters = sum(c.isalpha() for c in name)
    sizes = (1, 2) if SHORT_NAME_ONE_LETTER_KEY else (2,)
    return len(key) in sizes and 2 <= letters <= 3 and name[:1].isupper() and not name.isupper()


def code_name(name: str) -> bool:
    """An all-capitals name of two to four letters among a town's other names: an airport's
    or a station's code ("TEG" for Tenkodogo), no name a text writes for the town."""
    return 2 <= len(name) <= 4 and name.isalpha() and name.isascii() and name.isupper()
