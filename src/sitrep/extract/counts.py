"""Casualty counts: killed, injured and abducted, by ACLED's counting rules.

"several"/"a few" = 3, "dozens" = 12, "hundreds" = 100; a singular noun ("a soldier") = 1.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.extract.classify import is_irrealis
from sitrep.extract.lexicons import any_word, words
from sitrep.extract.lexicons import pattern as lexicon_pattern
from sitrep.extract.lexicons import words as lexicon_words

_UNITS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "both": 2, "couple": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "several": 3, "few": 3, "some": 3, "dozen": 12, "dozens": 12, "scores": 12, "hundreds": 100,
    "thousands": 1000, "numerous": 3, "many": 3, "multiple": 3,
}
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "two hundred", "a hundred", "one hundred and twenty-five", "three thousand"
_BIG = (rf"(?:a|{_ONES}|\d+) (?:hundred|thousand)(?:(?: and)? (?:{_TENS}(?:[- ]{_ONES})?|{_TEENS}|{_ONES}))?")
_NUM = (
    r"(?:(?:at least|more than|over|about|around|nearly|almost|some|up to|approximately|between|"
    r"an estimated|as many as|a total of|no fewer than|roughly) )?"
    r"(?P<num>" + _BIG + r"|a few|a dozen|a couple|\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(sorted((k for k in _UNITS if k not in ("a", "an", "some")), key=len, reverse=True))
    + r"|a|an)"
)
_NUM_WORD = (
    r"(?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(sorted((k for k in _UNITS if k not in ("a", "an", "some", "both", "couple", "single", "lone")),
                      key=len, reverse=True)) + ")"
)
# switch (session 46, lead): a headline's present tense kills too ("Police gun down six suspects",
# "gunmen shoot dead a trader", "soldiers gunning down two raiders")
HEADLINE_PRESENT = 1
_KILL = (
    r"(?:beat(?:en)?|beating|stabbed|stabbing|hacked|hacking|burn(?:ed|t)|burning|stoned|stoning|clubbed|"
    r"tortured|strangled|charred|crushed|trampled|bludgeoned|battered|kicked|mauled) to death|lynched|lynching|neutrali[sz]ed|neutrali[sz]ing|"
    r"kill(?:ed|ing|s)?|dead|died|die|slain|slew|martyred|martyring|executed|executing|beheaded|beheading|"
    r"shot dead|shooting dead|gunned down|" + (r"shoots? dead|guns? down|gunning down|" if HEADLINE_PRESENT else "") + r"lost their lives|lost his life|lost her life|perished|"
    r"murdered|murdering|massacred|massacring|bodies|deaths|fatalit(?:y|ies)|lifeless"
)
_HURT = r"wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|maimed"
_TAKEN = r"kidnap(?:ped|ping)?|abduct(?:ed|ing)?|taken hostage|seized|taken captive|captured"
# switch (session 41, lead): "assassinated three hunters", "two herders were assassinated": the verb
# counts its victims as dead like "killed" (it was a cue of killing, never a verb of the counts)
ASSASSINATED_KILLS = 1
_KILL_MORE = r"assassinat(?:ed|ing)"
_CATS = (("killed", rf"{_KILL}|{_KILL_MORE}"), ("injured", _HURT), ("abducted", _TAKEN))

def _active(kill: str) -> re.Pattern[str]:
    """A verb (of the killing forms `kill`, of harm or of seizing) before its figure: "killing eight",
    "killed at least three ISIS militants", "left 3 dead"."""
    return re.compile(rf"\b(?P<verb>{kill}|{_HURT}|{_TAKEN}|left|leaving|claimed the li(?:fe|ves) of|claiming the li(?:fe|ves) of|martyrdom of|deaths? of|killings? of|bodies of|murders? of|assassination of|execution of|abduction of|kidnapping of|injur(?:y|ies) of|wounding of) (?:the )?{_NUM}\b")


_ACTIVE = _active(_KILL)
_NUM_ONLY = re.compile(rf"\b{_NUM}\b")
_VERB_ANY = re.compile(rf"^(?:{_KILL}|{_HURT}|{_TAKEN})$")
_ACTIVE_MORE = _active(f"{_KILL}|{_KILL_MORE}")
_VERB_ANY_MORE = re.compile(rf"^(?:{_KILL}|{_KILL_MORE}|{_HURT}|{_TAKEN})$")
_CLAUSE_END = {";", ":", "but", "while", "after", "before", "when", "as", "whereas", "since", "because"}
_AFTER_VERB_OK = {
    "and", "in", "by", "on", "at", ",", ".", ";", ":", "while", "after", "when", "during", "near", "as",
    "or", "since", "following", "overnight", "yesterday", "today", "late", "early", "last",
    "this", "inside", "outside", "along", "across", "around", "outright", "instantly",
    "immediately", "later", ")", "\"", "'", "-", "—", "so", "too", "between", "with",
    "from", "before", "over", "under", "within", "amid", "because", "according", "including",
}
# switch (session 43, lead): more prepositions may follow a killing verb without making it adjectival
# ("two soldiers were killed amidst the fighting", "three were killed throughout the night")
MORE_PREPS_AFTER_VERB = 1
_MORE_AFTER_VERB_OK = {"amidst", "among", "amongst", "throughout", "upon", "via", "towards", "toward",
                       "against", "behind", "beside", "beyond", "despite", "into", "onto", "through",
                       "until", "without", "outside", "atop", "about", "there", "here", "then"}
# switch (session 41, lead): "three are lynched for stealing goats", "two men were killed for refusing":
# "for" after the verb does not make it adjectival
FOR_AFTER_KILL = 1
# switch (session 41, lead): "12 people, including a five-month-old baby, died": an aside of
# "including" between a figure and its verb holds no figure of its own and does not cut the two apart
INCLUDING_ASIDE = 1
# switch (session 41, lead): "three militants, five vigilantes and two civilians were killed": figures
# of people listed with commas before one verb all count (only the last two did)
COMMA_LIST_DEAD = 1
# switch (session 40, lead): "six people were killed leaving eight wounded": a clause of what the
# killing left ("leaving", "wounding", "injuring") after the verb does not make the verb adjectival
KILLED_LEAVING = 1
_CONSEQUENCE_AFTER = {"leaving", "wounding", "injuring"}
_PERSON_NEXT = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:soldier|civilian|man|woman|child|boy|girl|policeman|police officer|officer|"
    r"member|fighter|militant|person|resident|farmer|shepherd|student|worker|teacher|journalist|"
    r"guard|villager|trader|driver|passenger|pilgrim|doctor|nurse|commander|leader|official|"
    r"insurgent|rebel|attacker|gunman|jihadist|terrorist|herder|hunter|cleric|elder|infant|baby|"
    r"teenager|youth|protester|demonstrator|servicem[ae]n|recruit|conscript|gendarme|peshmerga|fatality|death)\b"
    r"|^\s+of (?:them|those|these|the (?:\w+ )?(?:victims|injured|wounded|men|women|people|persons|soldiers|civilians))\b")
# switch (session 40, lead): more nouns of people (lexicons.yaml person_nouns: occupations, ranks,
# kin, roles) after "a"/"an"/"one" make it one person ("shot dead a policeman and a customs
# interpreter" = 2), besides the list above
MORE_PERSON_NOUNS = 1


@lru_cache(maxsize=1)
def _more_person_next() -> re.Pattern[str]:
    nouns = sorted(words("person_nouns"), key=len, reverse=True)
    return re.compile(r"^\s+(?:[\w'’-]+\s+){0,2}?(?:" + "|".join(re.escape(n) for n in nouns) + r")(?![\w'’-])")


def _person_next(rest: str) -> re.Match[str] | None:
    """Do the words after a figure name a person ("a soldier", "an elderly farmer")?"""
    return _PERSON_NEXT.match(rest) or (MORE_PERSON_NOUNS and _more_person_next().match(rest) or None)


# switch (session 40, lead): "killing herself and her two children", "killed himself and three
# others": the bomber told by a reflexive counts with the figure joined to it (the parser often hangs
# the figure on another verb, so named_dead's LISTED_DEAD misses it)
REFLEXIVE_AND = 1
_REFLEXIVE_AND = re.compile(
    rf"\b(?:{_KILL}) (?P<self>himself|herself) (?:and|as well as|along with) (?:(?:his|her|the) )?"
    rf"(?:(?!(?:{_HURT}|{_TAKEN})\b)[\w'’-]+ )?{_NUM}\b")  # not "killing himself and wounding 12"
_WORD = re.compile(r"[\w'’]+|[^\w\s]")
_TOLL = re.compile(rf"\b(?:death toll|toll|number of (?:dead|deaths|victims)) (?:\w+ ){{0,4}}?(?:to|at|reached|stood at|of|is|was|rose to|climbed to) {_NUM}\b")
# switch (session 41, lead): "fatalities stand at five", "the number of fatalities rose to 12",
# "casualty figures stood at 9 dead": a toll told with "fatalities"/"deaths" and a verb of standing
TOLL_STANDS = 1
_TOLL_STANDS = re.compile(
    rf"\b(?:fatalities|fatality (?:count|figures?)|deaths|death count) (?:\w+ ){{0,2}}?"
    rf"(?:stands? at|stood at|now stands? at|rose to|risen to|climbed to|reached|is put at|were put at|totals?|totalled|totaled) {_NUM}\b")
_TOLL_UPDATE = re.compile(r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|mounted|reached|revised|now)\b")
# "killed 12 villagers and three soldiers": a second group of the same verb's victims
_AND_MORE = re.compile(rf"^(?:\s+[\w'’-]+){{1,4}}?\s+(?:and|as well as)\s+{_NUM}\b")
# switch (session 44, lead): a hedging adverb after "and" ("killing the owner and allegedly four
# soldiers") leaves the second figure of the same verb's victims
AND_HEDGED_MORE = 1
_AND_HEDGED_MORE = re.compile(
    rf"^(?:\s+[\w'’-]+){{1,4}}?\s+(?:and|as well as)\s+(?:allegedly|reportedly|reputedly|possibly|apparently|also)\s+{_NUM}\b")
_NEW_CLAUSE = re.compile(r"^(?:\s+[\w'’-]+){0,3}?\s+(?:were|was|are|is|have|has|had|will|would)\b")
_LEAVE_TAIL = re.compile(r"^\s*(?:\w+ ){0,3}?(dead|killed|wounded|injured)")
_NOT_PEOPLE = re.compile(
    r"^(?:[\s,-]+)?(?:\w+ ){0,1}?(?:days?|hours?|weeks?|months?|years?|km|kilometres?|kilometers?|miles?|"
    r"metres?|meters?|times|percent|per cent|%|vehicles?|cars?|trucks?|houses?|homes|buildings?|"
    r"rockets?|mortars?|shells?|drones?|missiles?|rounds|bombs?|ieds?|devices?|mines?|explosives|tons?|tonnes?|kg|cattle|"
    r"sheep|goats|camels|cows|dollars|usd|dinars?|o'clock|am|pm|a\.m|p\.m|lakh|crore|million|"
    r"billion|rupees|euros?|pounds|naira|shillings|francs|hectares|acres|dunams?|storey|floors?|households)\b"
)


# switch (session 41, lead): a word of things or animals that only qualifies the people after it
# ("four truck drivers", "three cattle traders", "two bus passengers") leaves the figure a count of
# people
THING_THEN_PERSON = 1
_PEOPLE_AFTER_THING = re.compile(
    r"(?:[\s-]+(?!(?:and|or|with|of|to|in|on|at|by|for|from|as|but|their|his|her|the|a|an|its|and)\b)[a-z'’]+){0,2}?"
    r"[\s-]+(?:drivers?|traders?|herders?|herdsm[ae]n|rustlers?|dealers?|owners?|"
    r"operators?|passengers?|workers?|merchants?|sellers?|vendors?|keepers?|guards?|officers?|"
    r"conductors?|mechanics?|farmers?|thie(?:f|ves)|raiders?|people|persons|men|women|boys|girls|"
    r"children|brokers?|transporters?|loaders?|riders?)\b")


def _not_people(after: str) -> bool:
    """Do the words after a figure count things or animals ("five oxen", "two drones")?"""
    m = _NOT_PEOPLE.match(after)
    if m and THING_THEN_PERSON and _PEOPLE_AFTER_THING.match(after, m.end()):
        return False  # "four truck drivers": people of a trade
    if m:
        return True
    things = words("not_people_patients")
    return any(w in things for w in re.findall(r"[\w'’-]+", after[:40])[:2])


# the people counted are the ones arrested, rescued or sent home, not the dead
_NOT_VICTIMS_BEFORE = re.compile(
    r"\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|apprehend(?:ed|ing)|rescu(?:ed|ing)|fre(?:ed|eing)|"
    r"releas(?:ed|ing)|evacuat(?:ed|ing)|charg(?:ed|ing)|sentenc(?:ed|ing)|convict(?:ed|ing)|question(?:ed|ing)|"
    r"identif(?:ied|ying)|hospitali[sz]ed) (?:at least |some |about |around |another )?$")


@dataclass
class Counts:
    """Casualty figures for one sentence, with the spans they came from."""

    killed: int = 0
    injured: int = 0
    abducted: int = 0
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    # killed by the side they were on: "state", "armed", "civilian", or "total" when unsaid
    killed_by: dict[str, int] = field(default_factory=dict)
    update: bool = False  # "the toll has risen to 20": a later figure for the same dead
    vague: bool = False  # its dead are told only by a word of quantity ("dozens", "several": VAGUE_GIVES_WAY)
    named: bool = False  # its dead are single people told with no figure ("a suspect", "one soldier": NAMED_NOT_LOWER)

    def any(self) -> bool:
        return bool(self.killed or self.injured or self.abducted)


_SIDES = [
    ("state", re.compile(r"^(?:\w+ ){0,3}?(?:soldiers?|troops|servicem[ae]n|police(?:m[ae]n| officers?)?|officers?|guards?|personnel|security (?:forces|personnel|members)|army|peshmerga|recruits|commandos|gendarmes?|conscripts|sailors|pilots?|marines?)\b")),
    ("armed", re.compile(r"^(?:\w+ ){0,3}?(?:militants?|fighters?|terrorists?|insurgents?|attackers?|gunmen|jihadists?|rebels?|assailants?|extremists?|bandits?|kidnappers?|members of|elements|mercenaries|combatants|suicide bombers?|militiamen|militia members)\b")),
    ("civilian", re.compile(r"^(?:\w+ ){0,3}?(?:civilians?|villagers?|residents?|farmers?|shepherds?|herders?|children|women|men|man|woman|boys?|girls?|worshippers?|students?|passengers?|pilgrims?|traders?|famil(?:y|ies)|workers?|protesters?|demonstrators?|teachers?|journalists?|hunters?|fishermen|truffle|drivers?|patients|displaced|refugees|doctors?|nurses?)\b")),
]


def side_of(after: str) -> str:
    """Which side the people counted in the words after a number were on (the nearest noun)."""
    head = " ".join(after.strip(" ,-").split()[:4])
    best, best_len = "total", 10**6
    for side, pattern in _SIDES:
        m = pattern.match(head)
        if m and len(m.group(0)) < best_len:
            best, best_len = side, len(m.group(0))
    return best


_PHRASES = {"a few": 3, "a dozen": 12, "a couple": 2}


def number_value(word: str) -> int | None:
    w = word.lower().replace(",", "").strip()
    if w.isdigit():
        return int(w)
    if w in _PHRASES:
        return _PHRASES[w]
    big = re.fullmatch(r"(\w+) (hundred|thousand)(?:(?: and)? (.+))?", w)
    if big:
        head = 1 if big.group(1) == "a" else number_value(big.group(1))
        rest = number_value(big.group(3)) if big.group(3) else 0
        if head is None or rest is None:
            return None
        return head * (100 if big.group(2) == "hundred" else 1000) + rest
    if "-" in w or " " in w:
        parts = re.split(r"[- ]", w)
        if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
            return _UNITS[parts[0]] + _UNITS[parts[1]]
    return _UNITS.get(w)


def tells_toll(sentence: str) -> bool:
    """Does the sentence give a toll as such ("put the toll at 12", "the death toll rose to 40")?"""
    return bool(_TOLL.search(sentence.lower()))


def _category(verb: str) -> str:
    for name, pattern in _CATS:
        if re.fullmatch(pattern, verb):
            return name
    return ""


_RANGE = re.compile(rf"\b(?P<low>{_NUM_WORD})(?P<rest>(?: and| to| or|-)\s?(?P<high>{_NUM_WORD}))\b")
# a second figure from another source, or a later one: "...; civil society put the toll at 22"
_ANOTHER_FIGURE = re.compile(
    r"\b(?:toll|tally|figure|count(?:ed)?|reported|put|puts|putting|gave|estimated|"
    r"(?:other|some|local|hospital|medical|health|rights|residents'?) (?:sources|officials|groups?|workers))\b")
_LATER_FIGURE = re.compile(r"\b(?:rose|risen|rising|climbed|raised|increased|reached|revised)\b")


# switch (session 42, lead): another source's figure in brackets after a count ("six (or seven,
# says a local outlet) officers were killed") is the conflicting report: the lowest stands
PAREN_ALTERNATIVE = 1
_PAREN_ALT = re.compile(
    rf"\b(?P<low>{_NUM_WORD})(?P<mid>(?: [\w'’-]+){{0,2}}?) (?P<alt>\((?:or |(?:other|some) sources?(?: say| said| put it at)?:? )"
    rf"(?:possibly |perhaps |maybe |up to |even )?(?P<high>{_NUM_WORD})\b[^()]{{0,80}}\))")


# switch (session 45, lead): "Nine dead reported.", "eight dead due to the fighting": "dead" as the
# noun of a toll, told by the words after it (lexicon dead_told_after), is dead like "killed"
DEAD_NOUN_TOLL = 1


def _paren_alternative(m: re.Match[str]) -> str:
    lo, hi = number_value(m.group("low")), number_value(m.group("high"))
    if lo is None or hi is None or hi == lo:
        return m.group(0)
    low = m.group("low")
    if hi < lo:  # the bracketed figure is the lower: it takes the count's place (same length)
        if len(str(hi)) > len(low):
            return m.group(0)
        low = str(hi).ljust(len(low))
    return low + m.group("mid") + " " + " " * len(m.group("alt"))


def _without_ranges(low: str) -> str:
    """"between 12 and 18", "three to four": ACLED counts the lowest figure, so the high end is
    blanked out (same length, so offsets hold)."""
    def blank(m: re.Match[str]) -> str:
        lo, hi = number_value(m.group("low")), number_value(m.group("high"))
        if lo is None or hi is None or hi <= lo:
            return m.group(0)
        return m.group("low") + " " * len(m.group("rest"))
    if PAREN_ALTERNATIVE and "(" in low:
        low = _PAREN_ALT.sub(_paren_alternative, low)
    return _RANGE.sub(blank, low)


def _reconcile_killed(low: str, counts: Counts, values: list[tuple[int, int, int]]) -> None:
    """Figures of one toll told twice: the lowest of conflicting reports (ACLED), the newest
    of a toll that rose; figures of different groups add up."""
    kills = sorted(values)
    if len(kills) < 2:
        return
    total, prev_end, told_twice = kills[0][2], kills[0][1], False
    for start, end, value in kills[1:]:
        between = low[prev_end:start]
        if _ANOTHER_FIGURE.search(between):
            total = value if _LATER_FIGURE.search(between) else min(total, value)
            told_twice = True
        else:
            total += value
        prev_end = end
    if told_twice:  # one toll, not several sides' dead: merged with other sentences as a total
        counts.killed, counts.killed_by = total, {"total": total}


_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$")
# "16 May", not "16 may have died"
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b(?<!may)|^(?:st|nd|rd|th)?\s*(?:of\s+)?may\b(?!\s+(?:be|have|has|had|not|also|still|well|rise|die|never|soon|now|yet)\b)")
_WORD_BEFORE = re.compile(r"([a-z]+)\.?[\s-]*$")
# switch (session 43, lead): a dash with spaces around it ("raided a village - 18 were killed") ends a
# clause: the word before it does not make the figure after it part of a name ("village 18")
SPACED_DASH_NOT_NAME = 1
_WORD_BEFORE_NAME = re.compile(r"([a-z]+)\.?(?:-|\s+)$")


# switch (session 40, lead): a figure after a month that already has its day ("02 oct. 6 people
# killed": an old note's dateline) is a count, not the month's day
DAY_HAS_MONTH = 1
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")
# switch (session 40, lead): a day or a name's number ("nov. 6", "lid 33") is passed over before
# it is read with a verb, so the figure after it keeps the verb ("on nov. 6 two herders were killed")
NAME_OR_DAY_SKIPPED = 1
# switch (session 40, lead): a figure told as an age ("a girl aged 13 was killed", "boys between the
# ages of 14 and 17") is not a count of people
AGE_NOT_COUNT = 1
_AGE_PHRASE = re.compile(r"\b(?:aged|ages?(?: of)?)\s+(?:about |around |between )?\d{1,3}(?:\s*(?:and|to|-|–)\s*\d{1,3})?\b")
# switch (session 42, lead): a list of ages ("three children, aged 4, 7 and 9, were killed") is
# blanked whole, not only its first two figures
AGE_LISTS = 1
_AGE_LIST = re.compile(r"\b(?:aged|ages?(?: of)?)\s+(?:about |around |between )?\d{1,3}(?:\s*(?:,|,? and|to|-|–)\s*\d{1,3})*\b")
# switch (session 47, lead): a figure set off by commas or brackets right after a capitalised name is
# the person's age, the press's convention in every country ("Oliver Reed, 24, from Leeds, died", "Ali
# Musa, 45, and his son were shot", "Ramesh Kumar (32) was killed"): no count of the dead (the named
# dead are counted as people by `named_dead`)
NAME_AGE = True
_NAME_AGE = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*(?:,\s|\s\()(?P<age>\d{1,3})(?:,|\))")
_NAME_AGE_NOT_NAME = re.compile(  # a day or a month before the figure: "Sunday, 12, ..." is no name
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?")


# switch (session 43, lead): a figure in digits right after a capitalised word that follows a
# lowercase word or a mark ("in Delmas 33, Ouest", "- Camp 4 ("), and followed by a mark or "and",
# not by people, is part of a name; not after a month or weekday, nor in a Title Case headline
# ("Gunmen Kill 5"), nor where people follow ("in Borno 12 people died"); and any figure after "#"
# or "No." ("Route Nationale #1 and killed three": one road, three dead)
CAPITAL_NAME_NUMBER = 1
_CAP_BEFORE = re.compile(r"(?:^|[\s(\[,;:–—-])([a-z]+|[^\w\s])\s+([A-Z][a-z]+)\s+$")
_MARK_AFTER = re.compile(r"\s*(?:[,;:()\[\].]|and\b|$)")
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
             "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday"}


def _capital_name_number(sentence: str, start: int, end: int) -> bool:
    if not sentence[start:end].isdigit():
        return False
    if sentence[max(0, start - 1):start] == "#" or sentence[max(0, start - 4):start].lower() == "no. ":
        return True  # "Route Nationale #1", "Camp No. 4"
    before = _CAP_BEFORE.search(sentence[max(0, start - 40):start])
    if not before or before.group(2).lower() in _CALENDAR:
        return False
    return bool(_MARK_AFTER.match(sentence[end:end + 6]))


def _name_or_day(low: str, start: int, end: int) -> bool:
    """Is the figure at low[start:end] a digit that belongs to a name ("barangay 128", "sector
    4") or a day ("may 16", "2 apr")?"""
    if not low[start:end].isdigit():
        return False
    before = low[max(0, start - 14):start]
    month = _MONTH_BEFORE.search(before)
    if month and DAY_HAS_MONTH and _DAY_BEFORE.search(low[max(0, start - 24):max(0, start - 14) + month.start()]):
        month = None
    if month or _MONTH_AFTER.match(low[end:end + 14]):
        return True
    word = (_WORD_BEFORE_NAME if SPACED_DASH_NOT_NAME else _WORD_BEFORE).search(before)
    if UNIT_AFTER_NUMBER and _unit_after(low, end):
        return True
    return bool(word) and word.group(1) in words("number_name_words")


# switch (session 46, lead): a number before a unit's designation names the unit ("a corporal of the
# army's 503 LIB died", "troops of 33 Light Infantry Division"), it counts no one (lexicon
# number_unit_words; a plural, "two battalions", is no designation)
UNIT_AFTER_NUMBER = 1
_UNIT_AFTER = re.compile(r"(?:st|nd|rd|th)?((?:\s+[a-z]+){1,3})")


def _unit_after(low: str, end: int) -> bool:
    m = _UNIT_AFTER.match(low, end)
    if m is None:
        return False
    units, modifiers = words("number_unit_words"), words("number_unit_modifiers")
    for w in m.group(1).split():
        if w in units:
            return True
        if w not in modifiers:
            return False
    return False


_CLAUSE_STOP = re.compile(r"[;.()\[\]]|,\s|\s(?:but|while|whereas)\s")
CAUSES = 1  # switch: dead told as a cause are not the toll
# switch (session 42, lead): a killing tried, threatened or stopped kills no one ("a crowd tried to
# lynch a suspected thief", "attempted to kill two guards"): `death_attempted` in lexicons.yaml
ATTEMPT_NOT_DEAD = 1


def cause_spans(low: str) -> list[tuple[int, int]]:
    """Stretches of a sentence whose dead are not this event's toll, each from its words to the
    end of their clause: a death told as the cause, grievance or charge of what it reports
    (`death_as_cause`: "protesting the killing of two students", the dead of another, earlier
    event) and a killing only tried or stopped (`death_attempted`, ATTEMPT_NOT_DEAD)."""
    kinds = [name for name, on in (("death_as_cause", CAUSES), ("death_attempted", ATTEMPT_NOT_DEAD)) if on]
    spans = []
    for name in kinds:
        for m in lexicon_pattern(name).finditer(low):
            stop = _CLAUSE_STOP.search(low, m.end())
            at = m.re.groupindex.get("at") and m.group("at")
            start = m.start("at") if at else m.start()  # "rioted after ...": from "after" on
            spans.append((start, stop.start() if stop else len(low)))
    return spans


# switch (session 38, speed): a sentence's lower-cased text without ranges' high ends and without
# the dead told as a cause is kept for the next reader (extract_counts, then with_named_dead)
CLEANED_CACHE = 1


def _cleaned(sentence: str) -> str:
    """The sentence, lower-cased, without ranges' high ends and dead told as a cause."""
    if CLEANED_CACHE:
        return _cleaned_cached(sentence, CAUSES, ATTEMPT_NOT_DEAD, PAREN_ALTERNATIVE)
    return _without_causes(_without_ranges(sentence.lower()))


@lru_cache(maxsize=256)
def _cleaned_cached(sentence: str, _causes: int, _attempts: int = 1, _alt: int = 1) -> str:
    return _without_causes(_without_ranges(sentence.lower()))


def _without_causes(low: str) -> str:
    for start, end in cause_spans(low):
        low = low[:start] + " " * (end - start) + low[end:]
    return low


DIED_OF = 1  # switch: "died of" is a death ("two soldiers died of their wounds"), not the wounds after it
TWO_WORD_KILLS = 1  # switch
# two words that kill where the first alone does not: "two were gunned down", "three were
# fatally wounded" ("succumbed to" and bodies found are left out: in long
# reports of riots they are a city's tally told by the police who found them, Times of India tune)
_PAIR_KILL = re.compile(
    r"gunned down|(?:fatally|mortally) (?:shot|wounded|injured|hurt|stabbed|assaulted|hit|struck|burned|burnt)")


# switch (session 43, lead): the figure an active killing verb takes with no side named ("militants
# attacked the village and killed three people"; a figure, not "a" or "one": a single victim is
# often a named target told apart) is the attackers' victims, a side of its own: the
# attackers' dead told after it ("four militants were killed when the guards fought back") add to
# it, where an unattributed toll ("three people died") would cap a later side's figure
# (events.TOTAL_OVER_PART)
ACTIVE_VICTIMS = 1


# switch (session 43, lead): figures joined in one list before their killing verb are different
# people: the one with no side told is kept apart ("unsaid"), not a total capping the others
LIST_SIDES = 1


# switch (session 43, lead): a figure whose people attack before the killing verb ("the 5 Stars gang
# attacked the village and killed ten people") is the attackers, not the dead; with "were" or "was"
# before the verb ("five herders were ambushed and killed") they are the victims
FIGURE_AGENT = 1
_AGENT_VERBS = {"attacked", "stormed", "raided", "ambushed", "invaded", "opened", "fired", "entered",
                "attack", "storm", "raid", "ambush", "invade", "open", "fire", "enter", "attacking",
                "storming", "raiding", "ambushing", "invading", "opening", "firing", "entering"}
_PASSIVE_AUX = {"was", "were", "been", "being", "got", "get", "is", "are"}


# switch (session 43, lead): "killed a family of three (people)": the family's figure is the dead
FAMILY_OF = 1
_FAMILY_OF = re.compile(rf"\s+family of {_NUM}\b")


# switch (session 43, lead): a verb of harm, its figure, then "to death" ("hacked 12 residents to
# death", "beat two suspected thieves to death"): the figure is dead (the verbs: harm_verbs in
# lexicons.yaml; "sentenced ... to death" is no harm verb)
ACTIVE_TO_DEATH = 1


@lru_cache(maxsize=1)
def _active_to_death() -> re.Pattern[str]:
    verbs = "|".join(sorted(words("harm_verbs"), key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs}) (?:the )?{_NUM} (?:[\w'’-]+ ){{0,4}}?to death\b")


# switch (session 42, lead): a figure told for each of two sides ("one man from each side died",
# "two on either side were wounded") counts the dead of both; "14 from both sides" is a total
EACH_SIDE = 1
_EACH_SIDE = re.compile(
    r"(?: [\w'’-]+){0,2}? (?:from|on|of|for) (?:each|either) (?:of the two )?(?:sides?|parties|camps|clans|"
    r"communities|villages|groups)\b")


# switch (session 44, lead): bodies told by a figure and a passive verb of finding ("three dead
# bodies of farmers were discovered", "40 bodies were brought to the morgue", "16 bodies collected
# in the slum"): the figure is dead (the active form, "police found two bodies", already counts;
# the verbs: finding_verbs and body_moving_verbs in lexicons.yaml)
BODIES_FOUND = 1


@lru_cache(maxsize=1)
def _bodies_found() -> re.Pattern[str]:
    verbs = "|".join(sorted(words("finding_verbs") | words("body_moving_verbs"), key=len, reverse=True))
    return re.compile(
        rf"\b{_NUM} (?:[\w'’-]+ ){{0,2}}?(?:bodies|corpses|dead bodies) (?:of (?:[\w'’-]+ ){{1,5}}?)?"
        rf"(?:(?:were|have been|had been|are|being|was) )?(?:(?:reportedly|later|also|allegedly|then) )?(?:{verbs})\b")


# switch (session 44, lead): "sentenced four traders to death and then shot them": the
# figure of the sentenced is the dead (THEM_KILLED reads the seized, not the sentenced)
SENTENCED_THEM = 1
_SENTENCED_THEM = re.compile(
    rf"\bsentenc(?:ed|ing) {_NUM} (?:[\w'’-]+ ){{0,8}}?to death (?:and|before|then) (?:then |later |[a-z]+ly )?"
    r"(?:executed|executing|killed|killing|shot|shooting|beheaded|beheading|hanged|hanging|stoned|stoning) "
    r"(?:all of |each of |both of )?them\b")


# switch (session 44, lead): "leaving her dead", "left him dead": one dead told by a pronoun
LEFT_ONE_DEAD = 1
_LEFT_ONE_DEAD = re.compile(r"\b(?:leaving|left) (?P<one>him|her) (?:dead|lifeless)\b")


# switch (session 44, lead): a school year before a figure ("a form four student", "a grade five
# pupil") is no count of people (the words: school_year_words and pupil_words in lexicons.yaml)
SCHOOL_YEAR = 1


def _school_year(low: str, start: int, end: int) -> bool:
    before = re.search(r"([a-z]+)\.?\s+$", low[max(0, start - 12):start])
    if not before or before.group(1) not in words("school_year_words"):
        return False
    after = re.match(r"[\s-]+([a-z]+)", low[end:end + 20])
    return bool(after) and after.group(1) in words("pupil_words")


# switch (session 44, lead): a bracketed aside between a figure and its verb ("two suspected
# rebels (members of a splinter faction, according to police) were killed"): where the sentence
# gives no dead, it is read again without its brackets (the spans keep the sentence's offsets)
BRACKET_ASIDE = 1
_BRACKET = re.compile(r"\s*\([^()]{1,160}\)")


def _without_brackets(sentence: str) -> tuple[str, list[int]]:
    """The sentence without its bracketed asides, and each kept character's offset in it."""
    kept: list[int] = []
    out: list[str] = []
    last = 0
    for m in _BRACKET.finditer(sentence):
        out.append(sentence[last:m.start()])
        kept.extend(range(last, m.start()))
        last = m.end()
    out.append(sentence[last:])
    kept.extend(range(last, len(sentence)))
    return "".join(out), kept


# switch (session 45, lead): dead told vaguely ("an unknown number of", "dozens") and then a
# source's own figure after them ("- a radio counts four", "(a local outlet reports 22)"; lexicon
# source_count_verbs): the source's figure is the toll
SOURCE_FIGURE = 1
_VAGUE_DEAD = re.compile(r"\b(?:an unknown number|an undisclosed number|an unspecified number|dozens|scores|"
                         r"several|many|numerous)\b")


# switch (session 45, lead): "killing an unknown number of civilians", "an unspecified number of
# fighters were killed": dead told but not counted are "several", 3 (on the tune rows telling
# them, the coders gave 3 in 27 of 41; the older export's 10 is its own convention)
UNKNOWN_IS_SEVERAL = 1
_UNKNOWN_DEAD = re.compile(r"\b(?:an unknown|an undisclosed|an unspecified) number of (?:[\w'-]+ ){0,4}?"
                           r"(?:(?:were|was|have been|had been) )?(?:killed|dead|died|slain|executed|shot dead)\b|"
                           r"\b(?:killing|killed|kill|killed off) (?:an unknown|an undisclosed|an unspecified) number\b")


@lru_cache(maxsize=1)
def _source_figure() -> re.Pattern[str]:
    verbs = "|".join(sorted(lexicon_words("source_count_verbs"), key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs}) (?:(?:the |a )?(?:death )?(?:toll|number|figure)(?: of dead)? (?:at |of |as )?)?"
                      rf"(?:at least |about |around |some )?(?P<num>{_NUM_WORD})(?=\s*(?:[,.;:)\]—–-]|$|"
                      rf"(?:dead|killed|deaths|fatalities|including|among them)\b))")


def _vague_dead_counts(sentence: str, counts: Counts) -> Counts:
    """Dead told vaguely: a source's own figure after them (SOURCE_FIGURE), else "an unknown
    number" killed as 3 (UNKNOWN_IS_SEVERAL); the counts unchanged otherwise."""
    low = sentence.lower()
    vague = _VAGUE_DEAD.search(low)
    if vague is None or not any_word("killing_verbs", "dying_verbs").search(low):
        return counts
    m = _source_figure().search(low, vague.end()) if SOURCE_FIGURE else None
    value = number_value(m.group("num")) if m else None
    if not value or m.start() - vague.end() > 120:
        if UNKNOWN_IS_SEVERAL and vague.group(0).endswith("number") and \
                all(cat != "killed" or vague.start() <= a < vague.end() for cat, a, b in counts.spans) and \
                _UNKNOWN_DEAD.search(low):
            counts.killed = 3  # "killing an unknown number of civilians": "several", as coders count it
            counts.killed_by = {"total": 3}
            counts.vague = True
            counts.spans = [sp for sp in counts.spans if sp[0] != "killed"] + [("killed", vague.start(), vague.end())]
        return counts
    if counts.killed and not counts.vague and \
            any(cat == "killed" and a < m.end("num") and not vague.start() <= a < vague.end()
                for cat, a, b in counts.spans):
        return counts  # a figure of its own before the source's: it stands
    counts.killed = value
    counts.killed_by = {"total": value}
    counts.vague = False
    counts.spans = [sp for sp in counts.spans if sp[0] != "killed"] + [("killed", m.start("num"), m.end("num"))]
    return counts


def extract_counts(sentence: str) -> Counts:
    """Killed, injured and abducted counts reported in one sentence."""
    counts = _extract_counts(sentence)
    if SOURCE_FIGURE or UNKNOWN_IS_SEVERAL:
        told = counts.killed
        counts = _vague_dead_counts(sentence, counts)
        if counts.killed != told:
            return counts
    brackets = [m.span() for m in _BRACKET.finditer(sentence)] if BRACKET_ASIDE and "(" in sentence else []
    if brackets and all(any(x <= a and b <= y for x, y in brackets) for cat, a, b in counts.spans if cat == "killed"):
        # no dead, or only dead told inside the brackets ("(one of them a commander)")
        bare, kept = _without_brackets(sentence)
        if bare != sentence:
            again = _extract_counts(bare)
            if again.killed:
                again.spans = [(cat, kept[a], kept[b - 1] + 1) for cat, a, b in again.spans]
                return again
    return counts


def _extract_counts(sentence: str) -> Counts:
    """extract_counts on the sentence as written."""
    low = _cleaned(sentence)
    if AGE_NOT_COUNT and "age" in low:
        low = (_AGE_LIST if AGE_LISTS else _AGE_PHRASE).sub(lambda m: " " * len(m.group(0)), low)  # blanked: the offsets stay
    if NAME_AGE and len(low) == len(sentence):
        for m in _NAME_AGE.finditer(sentence):
            if 0 < int(m.group("age")) <= 110 and not _NAME_AGE_NOT_NAME.fullmatch(sentence, m.start(), m.start("age") - 2):
                low = low[:m.start("age")] + " " * len(m.group("age")) + low[m.end("age"):]
    counts = Counts()
    used: list[tuple[int, int]] = []
    kills: list[tuple[int, int, int]] = []
    listed = False  # figures joined in one list before their verb ("four militants and two soldiers were killed")

    def take(cat: str, value: int | None, start: int, end: int, victims: bool = False) -> None:
        if not value or not cat or any(s < end and start < e for s, e in used):
            return
        if 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", low[start:end]):
            return  # a year, not a count
        if _name_or_day(low, start, end):
            return  # "Barangay 128", "Sector 4", "May 16": a name or a day, not a count
        if SCHOOL_YEAR and _school_year(low, start, end):
            return  # "a form four student": a school year
        used.append((start, end))
        if EACH_SIDE and _EACH_SIDE.match(low, end):
            value *= 2  # "one fighter from each side was killed": two dead
        setattr(counts, cat, getattr(counts, cat) + value)
        counts.spans.append((cat, start, end))
        if cat == "killed":
            kills.append((start, end, value))
            side = side_of(low[end:end + 60])
            if victims and side == "total":
                side = "victims"
            counts.killed_by[side] = counts.killed_by.get(side, 0) + value

    for m in _TOLL.finditer(low):
        take("killed", number_value(m.group("num")), m.start("num"), m.end("num"))
        counts.update = counts.update or bool(_TOLL_UPDATE.search(m.group(0)))
    if TOLL_STANDS and ("fatalit" in low or "death" in low):
        for m in _TOLL_STANDS.finditer(low):
            if _not_people(low[m.end("num"):]):
                continue
            take("killed", number_value(m.group("num")), m.start("num"), m.end("num"))
            more = _AND_MORE.match(low[m.end():])
            tail = low[m.end() + more.end():] if more else ""
            if more and (_person_next(tail) or side_of(tail[:40]) != "total"):
                at = m.end() + more.start("num")  # "stand at 4 guards and one raider"
                take("killed", number_value(more.group("num")), at, at + len(more.group("num")))
            counts.update = counts.update or bool(_TOLL_UPDATE.search(m.group(0)))
    if REFLEXIVE_AND and "self and" in low:
        for m in _REFLEXIVE_AND.finditer(low):
            if not _not_people(low[m.end("num"):]):
                take("killed", number_value(m.group("num")), m.start("num"), m.end("num"))
                take("killed", 1, m.start("self"), m.end("self"))
    if ACTIVE_TO_DEATH and "to death" in low:
        for m in _active_to_death().finditer(low):
            if not _not_people(low[m.end("num"):]):
                take("killed", number_value(m.group("num")), m.start("num"), m.end("num"))
    verb_any = _VERB_ANY_MORE if ASSASSINATED_KILLS else _VERB_ANY
    for m in (_ACTIVE_MORE if ASSASSINATED_KILLS else _ACTIVE).finditer(low):
        verb = m.group("verb")
        num = m.group("num")
        if _not_people(low[m.end("num"):]):
            continue
        if verb in ("left", "leaving") or verb.startswith(("claimed the li", "claiming the li")):
            tail = _LEAVE_TAIL.match(low[m.end():])
            if verb.startswith("claim"):
                cat = "killed"
            elif tail:
                cat = _category(tail.group(1))
            else:
                continue
        elif verb.endswith(" of"):
            head = verb.split()[0]
            cat = ("abducted" if head.startswith(("abduction", "kidnapping")) else
                   "injured" if head.startswith(("injur", "wounding")) else "killed")
        else:
            cat = _category(verb)
        if FAMILY_OF and num in ("a", "an", "the") and cat == "killed":
            fam = _FAMILY_OF.match(low, m.end("num"))
            if fam:  # "killing a family of three": three dead, not one
                num = fam.group("num")
                m = fam
        take(cat, number_value(num), m.start("num"), m.end("num"),
             victims=bool(ACTIVE_VICTIMS and cat == "killed" and verb not in ("left", "leaving")
                          and num not in ("a", "an", "one", "the")
                          and not verb.startswith(("claim", "death", "killing", "bodies", "murder", "martyrdom",
                                                   "assassination", "execution"))))
        more = _AND_MORE.match(low[m.end():]) or (AND_HEDGED_MORE and _AND_HEDGED_MORE.match(low[m.end():]) or None)
        if more and cat and not re.search(r"[;:,()]|\b(?:but|while|after|before|when)\b", more.group(0)):
            at = m.end() + more.start("num")
            tail = low[m.end() + more.end():]
            person = more.group("num") not in ("a", "an") or _person_next(tail)
            other = _LEAVE_TAIL.match(tail)
            if other and _category(other.group(1)) != cat:
                # "left three people killed and dozens injured": the second figure is the injured
                take(_category(other.group(1)), number_value(more.group("num")), at, at + len(more.group("num")))
            elif person and not _not_people(tail) and not _NEW_CLAUSE.match(tail):
                take(cat, number_value(more.group("num")), at, at + len(more.group("num")))
    for m in _NUM_ONLY.finditer(low):
        if any(s < m.end("num") and m.start("num") < e for s, e in used):
            continue
        if NAME_OR_DAY_SKIPPED and _name_or_day(low, m.start("num"), m.end("num")):
            continue  # "on nov. 6 two herders were killed": the day does not hold the verb from "two"
        if CAPITAL_NAME_NUMBER and len(low) == len(sentence) and _capital_name_number(sentence, m.start("num"), m.end("num")):
            continue  # "in Delmas 33, Ouest, a trader was killed": the figure is the quarter's name
        rest = low[m.end():m.end() + 120]
        if re.search(r"(?:rs\.?|\$|usd|€|£|inr|iqd)\s*$", low[max(0, m.start() - 5):m.start()]):
            continue  # money
        if _not_people(rest) or rest.startswith("-"):
            continue  # "five-storey", "three-day": a modifier, not a count of people
        if _NOT_VICTIMS_BEFORE.search(low[max(0, m.start() - 40):m.start()]):
            continue  # "arrested four people in connection with the killing"
        if m.group("num") in ("a", "an", "one") and not _person_next(rest) and \
                not (ELIDED and m.group("num") == "one" and _ONE_HARMED.match(rest)
                     and not re.search(r"\b(?:no|not|any|single|every)[\s-]*$", low[max(0, m.start() - 8):m.start()])):
            continue  # "as a result", "a roadside bomb"; but "one killed and two injured"
        if m.group("num") == "both" and re.match(r"\s+(?:sides|parties|camps|groups|forces)\b", rest):
            continue  # "fighters on both sides": not a count
        words = _WORD.findall(rest)[:14]
        pending: list = []  # "25 militants and three soldiers were killed": both numbers count
        last = 0  # where the words of the last figure's people begin (COMMA_LIST_DEAD)
        aside = False  # within ", including a 7-month-old child," (INCLUDING_ASIDE)
        skip = -1  # the last word of a hedged figure joined to the list (HEDGED_LIST)
        for i, w in enumerate(words):
            if i <= skip:
                continue
            if aside:
                aside = w != ","
                continue
            if INCLUDING_ASIDE and w == "," and words[i + 1:i + 2] == ["including"] and i > 0 \
                    and "," in words[i + 2:i + 12]:
                aside = True  # "12 people, including a baby, died": the aside's figures are among them
                continue
            if w in _CLAUSE_END or (w == "," and i + 1 < len(words) and words[i + 1].endswith("ing")
                                    and words[i + 1] != "including"):
                break
            if i > 0 and _NUM_ONLY.fullmatch(w) and w not in ("a", "an", "both") and \
                    words[i - 1] not in ("and", "of", "including", "among", "them", "with"):
                if COMMA_LIST_DEAD and words[i - 1] == "," and 1 <= i - 1 - last <= 3 and \
                        words[i + 1:i + 2] != ["of"] and side_of(" ".join(words[last:i - 1])) != "total":
                    # "two militants, four vigilantes and a civilian were killed": one list
                    nm = _NUM_ONLY.search(low, m.end() + rest.find(", " + w) + 2)
                    if nm is not None and nm.group("num") == w:
                        pending.append(nm)
                        last = i + 1
                        continue
                break  # a nearer number owns the verb: "March 9 (MW) - Two soldiers were killed"
            hedge = _HEDGE_WORDS.get(tuple(words[i + 1:i + 3])) or _HEDGE_WORDS.get(tuple(words[i + 1:i + 2])) \
                if HEDGED_LIST and w == "and" else None
            if hedge and i + 1 + hedge < len(words) and _NUM_ONLY.fullmatch(words[i + 1 + hedge]) \
                    and (words[i + 1 + hedge] not in ("a", "an") or _a_unit(words, i + 1 + hedge)):
                # "two police officers and at least one bystander were killed": the hedged figure
                # joins the list (the hedge's words are skipped)
                at = rest.find(" and " + " ".join(words[i + 1:i + 2 + hedge]))
                nm = _NUM_ONLY.search(low, m.end() + at + 4) if at >= 0 else None
                unit = _a_unit(words, i + 1 + hedge)
                if nm is not None and nm.group("num") == " ".join(words[i + 1 + hedge:i + 2 + hedge + unit]):
                    if not _not_people(low[nm.end():]):
                        pending.append(nm)
                    skip = i + 1 + hedge + unit
                    continue
            if w == "and" and i + 1 < len(words) and _NUM_ONLY.fullmatch(words[i + 1]):
                nm = _NUM_ONLY.search(low, m.end() + rest.find(" and " + words[i + 1]) + 4)
                if nm is None:
                    break
                if A_NUMBER_OF and nm.group("num") in ("a", "an") and not _person_next(low[nm.end():]):
                    continue  # "five hunters and an unknown number of militants": no figure for the militants
                skip = i + 1 + _a_unit(words, i + 1)  # "and a dozen": the unit's word is the figure's
                if LISTED_THINGS and _not_people(low[nm.end():]):
                    continue  # "three villagers and twelve cattle were killed": the cattle are no dead
                pending.append(nm)
                continue
            if FIGURE_AGENT and w in _AGENT_VERBS and not any(v in _PASSIVE_AUX for v in words[:i]):
                break  # "2 gunmen stormed the farm and killed a guard": the figure did the killing
            to_death = words[i + 1:i + 3] == ["to", "death"] and verb_any.match(f"{w} to death")
            pair = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
            pair_kill = bool(TWO_WORD_KILLS and _PAIR_KILL.fullmatch(pair)) or \
                bool(BURNED_ALIVE and _ALIVE_PAIR.fullmatch(pair))
            # "one death from the raids was reported", "two deaths were recorded"; not "one death threat"
            one_death = bool(ELIDED and i == 0 and w in ("death", "deaths") and i + 1 < len(words)
                             and (words[i + 1] in _AFTER_VERB_OK or words[i + 1] in _DEATH_TOLD))
            if verb_any.match(w) or to_death or (w == "shot" and i + 1 < len(words) and words[i + 1] == "dead") \
                    or pair_kill or one_death:
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if to_death:
                    w, nxt = f"{w} to death", words[i + 3] if i + 3 < len(words) else ""
                elif w == "shot":
                    w = "shot dead"
                elif pair_kill or one_death:
                    w = "killed"  # "gunned down", "fatally wounded", "succumbed to", "bodies were found"
                elif DIED_OF and w in ("died", "die", "dies") and nxt == "of":
                    pass  # "two soldiers died of their wounds": dead, not wounded
                elif nxt not in _AFTER_VERB_OK and i + 1 < len(words) and nxt != "dead" and \
                        not (MORE_PREPS_AFTER_VERB and nxt in _MORE_AFTER_VERB_OK) and \
                        not (FOR_AFTER_KILL and nxt == "for" and _category(w) == "killed") and \
                        not (KILLED_LEAVING and nxt in _CONSEQUENCE_AFTER) and \
                        not (TWO_WORD_KILLS and w in ("fatality", "fatalities")) and \
                        not (DEAD_NOUN_TOLL and w == "dead" and nxt in lexicon_words("dead_told_after")):
                    continue  # adjectival: "the eight kidnapped men were killed"
                if m.group("num") in ("a", "an") and i == 0:
                    break
                cat = _category(w)
                if pending and cat == "killed":
                    listed = True
                for nm in [m, *pending]:
                    take(cat, number_value(nm.group("num")), nm.start("num"), nm.end("num"))
                used.append((m.start("num"), m.end() + rest.find(w.split()[0]) + 1))
                break
    them = None
    if THEM_KILLED:
        them = _THEM_KILLED.search(low) or (THEM_KILLED_COMMA and _THEM_KILLED_COMMA.search(low) or None)
    if them and counts.killed and THEM_KILLED_COMMA and all(
            them.start() <= a and b <= them.end() for cat, a, b in counts.spans if cat == "killed"):
        # the dead already read are members of the seized group's list ("and a teacher, executed
        # them"): the group's figure replaces them
        counts.killed = 0
        counts.killed_by = {}
        counts.spans = [sp for sp in counts.spans if sp[0] != "killed"]
        kills.clear()
    if THEM_KILLED and not counts.killed:
        m = them
        if m and not _not_people(low[m.end("num"):]) and not _name_or_day(low, m.start("num"), m.end("num")):
            value = number_value(m.group("num"))
            if value and THEM_AND_ONE:
                joined = _AND_ONE.search(low, m.end("num"), m.end())
                if joined and _person_next(low[joined.end() - 1:]) and \
                        not _LIST_OF_THEM.search(low, m.end("num"), joined.start()):
                    value += 1  # "seized two vigilantes and a village chief and executed them": 3
            if value:
                counts.killed += value
                counts.spans.append(("killed", m.start("num"), m.end("num")))
                kills.append((m.start("num"), m.end("num"), value))
                side = side_of(low[m.end("num"):m.end("num") + 60])
                counts.killed_by[side] = counts.killed_by.get(side, 0) + value
    if BODIES_FOUND and not counts.killed and ("bodies" in low or "corpses" in low):
        for m in _bodies_found().finditer(low):
            take("killed", number_value(m.group("num")), m.start("num"), m.end("num"))
    if SENTENCED_THEM and not counts.killed and "sentenc" in low:
        m = _SENTENCED_THEM.search(low)
        if m and not _not_people(low[m.end("num"):]):
            take("killed", number_value(m.group("num")), m.start("num"), m.end("num"), victims=True)
    if LEFT_ONE_DEAD and not counts.killed and "dead" in low:
        m = _LEFT_ONE_DEAD.search(low)
        if m:
            take("killed", 1, m.start("one"), m.end("one"))
    if ORDINAL_MORE and counts.killed and not counts.update:
        m = _ORDINAL_MORE.search(low)
        if m and _ORDINALS[m.group("nth")] == counts.killed + 1 \
                and all(b <= m.start() for cat, a, b in counts.spans if cat == "killed"):
            # "two died on the spot and a third succumbed in hospital": the third is one more
            side = side_of(low[kills[-1][1]:kills[-1][1] + 60]) if kills else "total"
            counts.killed += 1
            counts.spans.append(("killed", m.start("nth"), m.end("nth")))
            kills.append((m.start("nth"), m.end("nth"), 1))
            counts.killed_by[side] = counts.killed_by.get(side, 0) + 1
    if ANOTHER_MORE and counts.killed and not counts.update and "another" in low:
        m = _ANOTHER_MORE.search(low)
        if m and all(b <= m.start() for cat, a, b in counts.spans if cat == "killed"):
            at = low.index("another", m.start())
            side = side_of(low[kills[-1][1]:kills[-1][1] + 60]) if kills else "total"
            counts.killed += 1
            counts.spans.append(("killed", at, at + 7))
            kills.append((at, at + 7, 1))
            counts.killed_by[side] = counts.killed_by.get(side, 0) + 1
    _reconcile_killed(low, counts, kills)
    if counts.killed and all(low[a:b] in _VAGUE_WORDS for cat, a, b in counts.spans if cat == "killed"):
        counts.vague = True
    if SENTENCE_SIDES and "total" in counts.killed_by and len(counts.killed_by) > 1 \
            and counts.killed == sum(counts.killed_by.values()) \
            and all(_MORE_AFTER.match(low, end) for start, end, value in kills
                    if side_of(low[end:end + 60]) == "total"):
        # "four villagers were killed and two more died later": figures of one sentence that add
        # up are all dead, the one told with no side too; kept apart as "unsaid", not as a total
        # that would cap the sum (merge_killed)
        counts.killed_by["unsaid"] = counts.killed_by.pop("total")
    elif LIST_SIDES and listed and "total" in counts.killed_by and len(counts.killed_by) > 1 \
            and counts.killed == sum(counts.killed_by.values()):
        # "four suspected insurgents of either group and two soldiers were killed": the figures of
        # one list are different people; the one whose side the words did not tell is no total
        counts.killed_by["unsaid"] = counts.killed_by.pop("total")
    return counts


# switch: a toll told only by a word of quantity ("killed dozens of residents") gives way to a figure
# told for the same dead ("officials put the toll at 200"), and does not lower one: ACLED's lowest of
# conflicting reports is between figures, "dozens" = 12 only where no figure is told (events.merge_killed)
VAGUE_GIVES_WAY = 1
_VAGUE_WORDS = {"several", "few", "a few", "some", "dozens", "scores", "hundreds", "thousands", "many", "numerous"}
# switch: figures of one sentence that add up, one of them with no side, are all counted (not the
# unsided one taken as a total capping the others: "four villagers were killed and two more died")
SENTENCE_SIDES = 1
_MORE_AFTER = re.compile(r"\s+(?:more|others?|additional|further)\b")  # the unsided figure told as more people
# switch: "two died on the spot and a third succumbed": an ordinal one past the figure told is one more
ORDINAL_MORE = 1
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
# switch (session 44, lead): a figure of things or animals joined to a list of dead ("three
# villagers and twelve cattle were killed") counts no one
LISTED_THINGS = 1

# switch (session 44, lead): a hedged figure after "and" in a list before the killing verb ("two
# officers and at least one bystander were killed") joins the list
HEDGED_LIST = 1
# switch (session 45, lead): "a dozen", "a few", "a couple of" after "and" in a list of dead ("two
# soldiers and about a dozen militants were killed": 14; "two herders and a dozen cattle": 2) is one
# figure of two words, not "a" then a nearer figure that owns the verb
A_UNIT_LISTED = 1
_A_UNITS = ("dozen", "few", "couple")


def _a_unit(words: list[str], i: int) -> int:
    """1 when words[i] is "a"/"an" opening a figure of two words ("a dozen"), else 0."""
    return int(bool(A_UNIT_LISTED) and words[i:i + 1] in (["a"], ["an"]) and words[i + 1:i + 2] != []
               and words[i + 1] in _A_UNITS)


_HEDGE_WORDS = {("at", "least"): 2, ("more", "than"): 2, ("up", "to"): 2, ("no", "fewer"): 2,
                ("about",): 1, ("around",): 1, ("some",): 1, ("nearly",): 1, ("almost",): 1,
                ("approximately",): 1, ("roughly",): 1, ("over",): 1}

# switch (session 44, lead): "one man was killed and another succumbed to his wounds later": one
# more dead (ORDINAL_MORE reads "a third", this the word "another")
ANOTHER_MORE = 1
_ANOTHER_MORE = re.compile(
    r"\b(?:and|while|,)\s+(?:then\s+)?another(?:\s+(?:one|man|woman|person|victim|youth|boy|girl|soldier|"
    r"policeman|civilian|child|fighter|militant))?"
    r"\s+(?:later\s+|also\s+|subsequently\s+)?(?:died|succumbed|was killed|was shot dead|passed away|was found dead)\b")

_ORDINAL_MORE = re.compile(
    r"\b(?:and|while|,)\s+(?:an?|the)\s+(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:\s+(?:one|man|woman|person|victim|youth|boy|girl|soldier|policeman|civilian|child))?"
    r"\s+(?:later\s+|also\s+)?(?:died|succumbed|was killed|was shot dead|passed away|was found dead)\b")


# switch: "and a/an" joins a second figure only when a person follows ("and a soldier"), not "and an
# unknown number of militants" (that would count one)
A_NUMBER_OF = 1
# switch: people seized, then killed in the same sentence and told only by a pronoun ("arrested
# nine herders at the market and executed them", "abducted four travellers before shooting them
# dead"): the figure of the seized is the dead
THEM_KILLED = 1
_THEM_KILLED = re.compile(
    r"\b(?:arrest(?:ed|ing)|detain(?:ed|ing)|abduct(?:ed|ing)|kidnapp(?:ed|ing)|seiz(?:ed|ing)|captur(?:ed|ing)|"
    r"round(?:ed|ing) up|(?:took|taking|dragged|dragging|pulled|pulling|lined|lining) (?:out |away |up )?)"
    rf" {_NUM} (?:[\w'’-]+ ){{0,12}}?(?:and|then|before|later|after) (?:then |later |subsequently |summarily )?"
    r"(?:killed|killing|executed|executing|shot dead|shooting dead|shot|shooting|murdered|murdering|beheaded|"
    r"beheading|massacred|slaughtered|hanged|lynched|gunned down) (?:all of |each of |both of )?them\b")
# switch: the same told with a comma for "and" and a list between ("seized four traders of the
# village, among them its chief, killed them"): commas and brackets may lie between the figure
# and the killing verb, which follows a comma, within one sentence
THEM_KILLED_COMMA = 1
_THEM_KILLED_COMMA = re.compile(
    r"\b(?:arrest(?:ed|ing)|detain(?:ed|ing)|abduct(?:ed|ing)|kidnapp(?:ed|ing)|seiz(?:ed|ing)|captur(?:ed|ing)|"
    r"round(?:ed|ing) up|(?:took|taking|dragged|dragging|pulled|pulling|lined|lining) (?:out |away |up )?)"
    rf" {_NUM} (?:[\w'’(),-]+ ){{0,30}}?[\w'’)]+,? (?:and )?(?:then |later |subsequently |summarily )?"
    r"(?:(?:killed|executed|shot dead|murdered|beheaded|massacred|slaughtered|hanged|lynched|gunned down)"
    r" (?:all of |each of |both of )?them\b|shot them dead\b|gunned them down\b)")


# switch (session 40, lead): one more person joined to the seized group's figure before the killing
# verb ("abducted three farmers and a teacher and killed them") counts with it
THEM_AND_ONE = 1
_AND_ONE = re.compile(r"\band (?:a|an|one)\s")
# "three elders, including the chief and a teacher": the people listed are of the figure, not more
_LIST_OF_THEM = re.compile(r"\b(?:including|among them|among whom|of whom|such as|namely)\b")

_ONE_PERSON_PRONOUNS = {"he", "she", "him", "her"}
# switch: the listed dead of a killing verb count the bomber told as "himself"/"herself" ("killing
# himself and 12 others" = 13, "killing 35 and himself" = 36: ACLED counts the attackers killed),
# a bare figure joined to people, and "a family of six" as its figure (session 35)
LISTED_DEAD = 1
_REFLEXIVE_ONE = {"himself", "herself"}
_GROUP_OF = {"family", "families"}


def _one_person(low: str) -> bool:
    return low in _ONE_PERSON_PRONOUNS or bool(LISTED_DEAD and low in _REFLEXIVE_ONE)


def _group_figure(t) -> int | None:
    """'a family of six': the figure of the group's "of" (None for any other noun)."""
    if not (LISTED_DEAD and t.lower_ in _GROUP_OF):
        return None
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.like_num:
                    return number_value(obj.lower_)
    return None
MIXED = 1  # switch: singular people joined to a figure count with it


# switch (session 41, lead): "a woman was burned alive", "three villagers were burnt alive": burned
# or buried alive is a killing (figures and singular people)
BURNED_ALIVE = 1
_ALIVE_PAIR = re.compile(r"(?:burn(?:ed|t)|buried) alive")


# switch (session 43, lead): "down" completes a killing only after a verb of shooting or cutting
# ("gunned down", "shot down", "cut down"; lexicon down_kill_verbs), not "burned down"
DOWN_SHOOTS_ONLY = 1


def _dead_completion(verb) -> bool:
    """'shot dead', 'beaten to death'."""
    if BURNED_ALIVE and verb.lower_ in ("burned", "burnt", "buried") and \
            any(c.lower_ == "alive" for c in verb.children):
        return True
    done = words("death_completions")
    if DOWN_SHOOTS_ONLY and verb.lower_ not in words("down_kill_verbs"):
        done = done - {"down"}  # "a house burned down", "the statue was pulled down": no one died
    for c in verb.children:
        if c.lower_ in done and c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "dobj", "ccomp", "amod", "npadvmod", "prt"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in done for g in c.children):
            return True
    return False


# switch (session 44, lead): "one" and a singular noun that a killing or dying verb takes ("one
# pilot died", "one SNA was killed") is one person whatever the noun (not things or animals:
# not_people_patients); the figures' words know only nouns of people
ONE_NOUN_PATIENT = 1


def _singular_people(noun) -> int | None:
    """One per singular person named in a patient phrase and its conjuncts ('the mayor and his
    driver' = 2); None when the phrase holds a number or a plural (the figures do the counting)."""
    n = 0
    members = [noun, *noun.conjuncts]
    members += [m for t in list(members) for m in _apposed_list(t) if m.i not in {g.i for g in members}]
    for t in members:
        nums = [c for c in t.children if c.dep_ == "nummod" or c.like_num]
        if NAME_AGE:  # "Ali Musa, 45, ...", "Ramesh Kumar (32)": the name's age, not a figure of people
            nums = [c for c in nums if not (c.dep_ == "appos" and t.tag_ == "NNP" and c.i > t.i
                                            and c.doc[c.i - 1].text in (",", "("))]
        if SCHOOL_YEAR:  # "a form four student": the school year's figure counts no one
            nums = [c for c in nums if not (c.i > 0 and c.doc[c.i - 1].lower_ in words("school_year_words"))]
        if nums:
            if ONE_NOUN_PATIENT and len(nums) == 1 and nums[0].lower_ == "one" and t.tag_ in ("NN", "NNP") \
                    and t.head.tag_ in ("VBD", "VBN") and t.lower_ not in words("not_people_patients"):
                n += 1  # "one pilot was killed", "one SNA was killed": one person of any noun
                continue
            return None
        if any(c.dep_ == "det" and c.lower_ in ("no", "any", "some", "every", "each") for c in t.children):
            return None
        low = t.lower_
        if low == "one" and ELIDED:  # "one was killed", "one killed and two hurt"; not "if one dies"
            if t.head.tag_ not in ("VBD", "VBN"):
                return None
            n += 1
            continue
        if t.tag_ in ("PRP", "PRP$"):
            if _one_person(low):
                n += 1
                continue
            return None
        if t.tag_ in ("NNS", "NNPS") or t.like_num:
            return None
        group = _group_figure(t)
        if group:
            n += group
            continue
        if t.tag_ in ("NN", "NNP") and t.lower_ not in words("not_people_patients"):
            n += 1
    return n or None


# switch: a place or a day the parser hangs on a killing verb beside its figure is no person
# ("NAIROBI, July 8 - Four people were shot dead": the dateline's city is not a fifth dead)
PLACES_NOT_PEOPLE = 1
_NOT_PEOPLE_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME"}


def _dateline_word(t) -> bool:
    """A word of a dateline opening the sentence ("KAMPALA, March 3 -"): capitals, then a comma,
    dash or colon, among the first words."""
    doc = t.doc
    return t.i <= 3 and t.is_upper and len(t) > 2 and t.i + 1 < len(doc) and doc[t.i + 1].text in (",", "-", ":", "—", "–")


# switch (session 43, lead): a four-digit year beside a noun ("the 2019 election candidate") is no
# figure of people in the parse's lists either (extract_counts already skips it)
YEAR_NOT_FIGURE = 1


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


# switch (session 45, lead): a list the parser hangs on a noun as its apposition ("killed two men,
# a woman and a boy": "woman" an apposition of "men", "boy" its conjunct) adds its people when one
# of them cannot be among the noun's people (lexicons people_class_*: a woman among men, a child
# among soldiers); otherwise the list tells who they were ("three people, a woman and two
# children"; "two men, a farmer and his son")
APPOSED_LIST = 1


def _member_count(t) -> int | None:
    """People in one list member: its figure, or one for a singular noun with "a", "an", "the"
    or a possessive; None for anything else (the list is then not read)."""
    nums = [c for c in t.children if c.dep_ == "nummod"]
    if len(nums) == 1 and t.tag_ in ("NNS", "NN"):
        return number_value(nums[0].lower_)
    if t.tag_ == "NN" and not nums and t.lower_ not in words("not_people_patients") and \
            any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any", "some", "every", "each")
                for c in t.children):
        return 1
    return None


_PEOPLE_CLASSES = ("men", "women", "children", "armed", "civilians")
# classes no one belongs to both of (a girl is of the women and of the children: never apart)
_APART = {frozenset(p) for p in (("men", "women"), ("men", "children"), ("women", "children"),
                                  ("armed", "civilians"), ("armed", "children"))}


def _other_people(head: str, member: str) -> bool:
    """Is `member` a noun of people who cannot be among `head` ("a woman" among "two men")?"""
    h = {c for c in _PEOPLE_CLASSES if head in words(f"people_class_{c}")}
    m = {c for c in _PEOPLE_CLASSES if member in words(f"people_class_{c}")}
    return bool(h and m and not h & m and any(frozenset((a, b)) in _APART for a in h for b in m))


def _apposed_list(t) -> list:
    """The members of a list hung on `t` as a comma apposition with conjuncts of its own, when the
    list adds people to `t` (see APPOSED_LIST); [] otherwise."""
    if not APPOSED_LIST:
        return []
    for a in t.children:
        if a.dep_ != "appos" or a.i < 1 or a.doc[a.i - 1 - sum(1 for c in a.children if c.i < a.i)].text != ",":
            continue
        members = [a, *a.conjuncts]
        if len(members) < 2:
            return []
        counts = [_member_count(m) for m in members]
        if any(c is None for c in counts):
            return []
        if not any(_other_people(t.lower_, m.lower_) for m in members):
            return []  # "two men, a farmer and his son": the list may tell who they were
        return members
    return []


def _mixed_people(nouns: list) -> int | None:
    """A patient phrase that joins singular people to a figure ("a drug suspect and 7 companions",
    "the mayor and three others" = 8, 4): one per singular conjunct plus the figure; None for any
    other phrase (the figures alone or the singular people alone do the counting)."""
    single = figure = 0
    group = list({t.i: t for n in nouns for t in [n, *n.conjuncts]}.values())
    group += [m for t in list(group) for m in _apposed_list(t) if m.i not in {g.i for g in group}]
    if PLACES_NOT_PEOPLE:
        group = [t for t in group if t.ent_type_ not in _NOT_PEOPLE_ENTS and not _dateline_word(t)]
    for t in group:
        if any(c.dep_ == "det" and c.lower_ in ("no", "any", "some", "every", "each") for c in t.children):
            return None
        nums = [c for c in t.children if c.dep_ == "nummod" or c.like_num]
        if YEAR_NOT_FIGURE and nums and all(_year_like(c.text) for c in nums):
            nums = []  # "a village chief and 2019 election candidate": a year, one person
        if len(nums) == 1 and t.tag_ in ("NNS", "NNPS", "NN"):
            value = number_value(nums[0].lower_)
            if value is None:
                return None
            figure += value
        elif LISTED_DEAD and t.tag_ == "CD" and t.like_num and not nums:
            value = number_value(t.lower_)  # "killing 35 and himself"
            if value is None:
                return None
            figure += value
        elif LISTED_THINGS and t.lower_ in words("not_people_patients"):
            continue  # "two guards and an unknown number of raiders": "number" is no one
        elif t.tag_ in ("NN", "NNP") or _one_person(t.lower_):
            single += 1
        else:
            return None
    return single + figure if single and figure else None


def _patients_elsewhere(verb, passive: bool) -> list:
    """The patient of a killing verb that the parse did not attach to it: the subject of the verb
    it is coordinated with ('a soldier was ambushed and killed'), or, for a passive verb with no
    subject, the singular noun right before its 'was' ('..., Kaya City, Sanmatenga, a teacher of
    the Lycee was killed', where the parser hung the noun on the place before it)."""
    if verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        head = verb.head
        head_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        if passive or head_passive:
            return [c for c in head.children if c.dep_ == "nsubjpass"]
        return []
    if not passive:
        return []
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.lower_ == "was" and c.i < verb.i), None)
    if aux is None:
        return []
    for t in reversed(list(verb.doc[max(0, aux.i - 8):aux.i])):
        if t.tag_.startswith("VB") or t.lower_ in (",", ";", ":"):
            break
        if t.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children):
            return [t]
    if not ELIDED:
        return []
    # past the commas of a place chain: "On 3 May, a suspected thief in X, Y, Z, was burnt to death",
    # where the parser made the person an apposition of the day: the nearest such noun with no verb
    # between it and the "was"
    for t in reversed(list(verb.doc[max(0, aux.i - 30):aux.i])):
        if t.tag_.startswith("VB"):
            return []
        if t.tag_ == "NN" and t.dep_ in ("appos", "nsubj", "ROOT") and \
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            return [t]
    return []


# "one killed", "one was wounded": told as done (not "even if one dies")
_ONE_HARMED = re.compile(
    r"^\s+(?:was |has been |had been )?(?:killed|dead|died|slain|murdered|perished|shot dead|gunned down|"
    r"wounded|injured|hurt|kidnapped|abducted)\b")
# "one death was reported", not "486 deaths have taken place" (a running tally)
_DEATH_TOLD = {"was", "were", "reported", "recorded", "confirmed", "occurred"}
ELIDED = 1  # switch: headline and clipped forms ("officer shot dead", "one killed", "... and died")


def _elided_passive(verb) -> bool:
    """A headline's passive without its 'was': 'Police officer shot dead while on patrol',
    'gunmen raid a station, one killed': a past form with a subject, no object and no auxiliary."""
    return bool(ELIDED) and verb.tag_ in ("VBN", "VBD") and \
        verb.dep_ in ("ROOT", "parataxis", "conj", "ccomp") and \
        any(c.dep_ == "nsubj" for c in verb.children) and \
        not any(c.dep_ in ("dobj", "aux", "auxpass", "attr") for c in verb.children)


# switch (session 40, lead): a verb told with "was"/"is"/"has" has one patient, however many nouns
# the parser hangs on it as subjects ("in Sector 4, Kaya City, a teacher was killed": the city
# and the teacher are both subjects in the parse; one dead, not two)
ONE_PATIENT_PER_WAS = 1
# switch (session 42, lead): a noun the parser joins to a killing verb as its conjunct ("gunmen shot
# dead a ranger, as well as his uncle and a boy") is another of its patients
VERB_NOUN_CONJ = 1


def named_dead(doc, mixed: bool = False, text: str | None = None) -> int:
    """Dead told without a number, from the parse: each singular person that a killing verb
    names as its patient ('a bus driver was shot dead', 'gunmen killed the mayor and his
    bodyguard', '[a general] was assassinated'), that a dying verb names as its subject, or a
    body that was found."""
    if doc is None:
        return 0
    # the parsed text itself (spaCy joins the tokens again at each call of doc.text)
    low = (doc.text if text is None else text).lower()
    if not any_word("killing_verbs", "dying_verbs", "harm_verbs", "finding_verbs").search(low):
        return 0  # no verb of killing, dying, harm or finding: no token below can count
    kill, die, harm = words("killing_verbs"), words("dying_verbs"), words("harm_verbs")
    causes = cause_spans(low)
    found = 0  # bodies that came to light: the dead of a killing the sentence may also tell
    bodies, finds = words("body_words"), words("finding_verbs")
    total = 0
    for tok in doc:
        if not tok.tag_.startswith("VB") or any(a <= tok.idx < b for a, b in causes):
            continue
        form = tok.lower_
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
            tok.dep_ == "acl" and tok.tag_ == "VBN")
        patients = []
        if form in kill or (form in harm and _dead_completion(tok)):
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                patients = [tok.head]  # "a man killed in the blast"
            else:
                patients = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")] \
                    or _patients_elsewhere(tok, passive)
                if VERB_NOUN_CONJ and patients and not passive:
                    # "killed a soldier, as well as his mother and a child": the parser hangs the
                    # nouns after "as well as" on the verb as its conjunct; they are more patients
                    patients += [c for c in tok.children if c.dep_ == "conj" and c.tag_ in ("NN", "NNS")
                                 and c.i > patients[-1].i]
                if not patients and _elided_passive(tok):
                    patients = [c for c in tok.children if c.dep_ == "nsubj"]
        elif form in die:
            patients = [c for c in tok.children if c.dep_ == "nsubj"]
            if not patients and ELIDED and tok.dep_ == "conj" and tok.head.tag_.startswith("VB"):
                # "the victim was taken to a clinic and died": the subject of the verb it joins
                patients = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif form in finds:
            if not is_irrealis(tok):
                found += sum(1 for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")
                             and c.lower_ in bodies and c.tag_ == "NN")
            continue
        if not patients or is_irrealis(tok):
            continue
        # "an incumbent chairman and councillor was shot dead": one person under two titles
        one = tok.dep_ != "acl" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has")
                                        for c in tok.children)
        if mixed:  # the parser may hang "a suspect" and "6 companions" on the verb apart
            total += _mixed_people(patients) or 0
            continue
        if one and ONE_PATIENT_PER_WAS:
            total += min(sum(_singular_people(p) or 0 for p in patients), 1)
            continue
        for p in patients:
            n = _singular_people(p) or 0
            total += min(n, 1) if one else n
    if mixed:
        return total
    return total or found  # "was stabbed to death ... and police recovered the body": one dead


def _agent_kills(doc) -> bool:
    """Does a killing verb of the sentence have both a subject and an object ("police shot dead a
    suspect", not "a suspect was shot dead")?"""
    if doc is None:
        return False
    kill, harm = words("killing_verbs"), words("harm_verbs")
    for tok in doc:
        if tok.tag_.startswith("VB") and (tok.lower_ in kill or tok.lower_ in harm and _dead_completion(tok)):
            deps = {c.dep_ for c in tok.children}
            if "nsubj" in deps and "dobj" in deps:
                return True
    return False


def with_named_dead(counts: Counts, doc, sentence: str) -> Counts:
    """The sentence's figures, completed by the dead it names without a number ('a soldier
    and a civilian were killed' = 2 where the words alone see one)."""
    low = _cleaned(sentence)
    text = sentence  # the text the doc was parsed from (spaCy keeps it character for character)
    if any(cat == "killed" and low[start:end] not in ("a", "an", "one") for cat, start, end in counts.spans):
        both = named_dead(doc, mixed=True, text=text) if MIXED else 0
        if both > counts.killed:  # "a drug suspect and 7 companions were killed": 8, not 7
            counts.killed = both
            counts.killed_by = {"total": both}
        return counts  # a figure was given ("two", "12"): it stands
    n = max(named_dead(doc, text=text), named_dead(doc, mixed=True, text=text) if MIXED else 0)
    if n > counts.killed:
        counts.killed = n
        counts.killed_by = {"total": n}
    # no figure but "a", "an" or "one", killed by someone the sentence names ("police shot dead a
    # suspect"): people told one by one, not a report of a toll ("one soldier was killed" is one)
    counts.named = counts.killed > 0 and _agent_kills(doc)
    return counts


# -- A coder's own note on the figure ------------------------------------------------------------
# Event datasets that code one report as several events say how they shared the dead out:
# "Unspecified fatalities coded as 10", "coded 5 fatalities in this event", "(4 fatalities are
# recorded for June 13)", "Fatalities split across three events", "(fatalities coded to the
# Avdiivka event)", "Total 5 fatalities". The note, not the report's toll, is the event's figure.
_FAT = r"(?:fatalit(?:y|ies)|deaths?|casualties|killed)"
_CODED_AS = re.compile(rf"\b{_FAT}\b[^.;()\[\]]{{0,30}}?\b(?:coded|recorded|counted) (?:as|at) (?P<n>{_NUM_WORD})\b")
_CODED_N = re.compile(rf"\b(?:coded|recorded|counted) (?P<n>{_NUM_WORD}) {_FAT}")
# switch (session 42, lead): "40 fatalities split across two events, 15 coded in this event", "3
# coded here": the share the coder gave this event; and a split "across four connected gang clash
# events" (up to three words before "events")
CODED_HERE = 1
_CODED_HERE = re.compile(
    rf"\b(?P<n>{_NUM_WORD}) (?:{_FAT} )?(?:are |is |were |was |have been |has been )?(?:coded|recorded|counted) "
    rf"(?:here|in this event|to this event|for this event|in the present event)\b")
_SPLIT_WIDE = re.compile(
    rf"\b(?:split|divided|shared|spread)(?: equally| evenly)? (?:across|among|between|into|in|over) "
    rf"(?P<k>{_NUM_WORD}) (?:[\w-]+ ){{0,3}}?(?:events?|locations?|clash(?:es)?|incidents?|days|places|sites|"
    rf"villages|towns|areas|neighbou?rhoods|battles|attacks)\b")
_TOTAL_N = re.compile(rf"\btotal(?: of)? (?P<n>{_NUM_WORD}) fatalit(?:y|ies)\b")
_CODED_FOR = re.compile(
    rf"\b(?P<n>{_NUM_WORD}) (?:{_FAT} )?(?:are |is |were |was |have been |has been )?(?:coded|recorded|counted) "
    rf"(?:for|on) (?!the days)(?P<when>[^.;,()\]]{{3,30}})")
_SPLIT = re.compile(
    rf"\b(?:split|divided|shared|spread)(?: equally| evenly)? (?:across|among|between|into|in|over) "
    rf"(?P<k>{_NUM_WORD}) (?:[\w-]+ )?(?:events?|locations?|clash(?:es)?|incidents?|days|places|sites|"
    rf"villages|towns|areas|neighbou?rhoods|battles|attacks)\b")
_DAYS = re.compile(
    r"\b(?:divided|split|shared|spread) (?:among|across|between|for|over) the days from "
    r"(?P<from>[^.;()]{3,25}?) to (?P<to>[^.;()]{1,25}?)[.;)\]]")
_CODED_ELSEWHERE = re.compile(r"\(\s*(?:fatalit(?:y|ies)|deaths?) (?:are |were )?coded (?:to|in|under|with) (?P<where>[^)]{1,60})\)")
_FIGURE_BEFORE = re.compile(rf"(?P<n>{_NUM_WORD}) (?:[\w-]+ ){{0,2}}{_FAT}\b[^.;]{{0,20}}$")


def _days_between(start: str, end: str, when: dt.date | None) -> int | None:
    from sitrep.extract.dates import find_dates
    ref = when or dt.date.today()
    a = find_dates(start, ref + dt.timedelta(days=60))
    b = find_dates(end, ref + dt.timedelta(days=60))
    if not a:
        return None
    first = a[0].date
    if b:
        last = b[0].date
    else:
        day = re.match(r"\s*(\d{1,2})\b", end)
        if not day:
            return None
        try:
            last = first.replace(day=int(day.group(1)))
        except ValueError:
            return None
    n = (last - first).days + 1
    return n if 1 < n <= 62 else None


def coder_note(text: str) -> bool:
    """Does the text hold a coder's note on how the dead were counted or shared out (above)?"""
    low = text.lower()
    return any(p.search(low) for p in (_CODED_HERE, _CODED_FOR, _CODED_N, _CODED_AS, _TOTAL_N, _SPLIT_WIDE, _DAYS,
                                       _CODED_ELSEWHERE))


def coded_fatalities(text: str, killed: int, when: dt.date | None = None, place: str = "") -> int:
    """The event's dead as a coder's note in the text sets them (see above); `killed` otherwise.

    when: the event's day (of several "N fatalities coded for <day>", the one of that day);
    place: the event's place (a note that the dead were coded to the event of another place
    leaves this one none)."""
    from sitrep.extract.dates import find_dates
    low = text.lower()
    if CODED_HERE:
        here = _CODED_HERE.search(low)
        if here and number_value(here.group("n")) is not None:
            return number_value(here.group("n"))  # type: ignore[return-value]
    figure: int | None = None
    for m in _CODED_FOR.finditer(low):
        dates = find_dates(m.group("when"), (when or dt.date.today()) + dt.timedelta(days=60))
        if dates and when is not None and (dates[0].date.month, dates[0].date.day) == (when.month, when.day):
            figure = number_value(m.group("n"))
            break
        if figure is None and dates:
            figure = number_value(m.group("n"))
    for note in (_CODED_N, _CODED_AS, _TOTAL_N):
        if figure is not None:
            break
        m = note.search(low)
        if m:
            figure = number_value(m.group("n"))
    days = _DAYS.search(low)
    split = (_SPLIT_WIDE if CODED_HERE else _SPLIT).search(low)
    share = None
    if days:
        share = _days_between(days.group("from"), days.group("to"), when)
        base = _FIGURE_BEFORE.search(low[max(0, days.start() - 80):days.start()])
    elif split:
        share = number_value(split.group("k"))
        base = _FIGURE_BEFORE.search(low[max(0, split.start() - 80):split.start()])
    if share and share > 1 and not _CODED_N.search(low) and not _CODED_FOR.search(low):
        total = number_value(base.group("n")) if base else None
        total = total if total is not None else (figure if figure is not None else killed)
        return max(1, round(total / share)) if total else 0
    if figure is not None:
        return figure
    elsewhere = _CODED_ELSEWHERE.search(low)
    where = re.sub(r"\s+(?:event|events|clash|attack)\b.*$", "", elsewhere.group("where")).strip(" the") if elsewhere else ""
    if elsewhere and killed and not (place and (place.lower() in where or where in place.lower())):
        return 0
    return killed


# switch: "five more militants were found dead", "two further soldiers died", "three other
# civilians were killed": a figure told as more than the dead already told adds to them, it is
# no conflicting report of the same dead (which would take the lowest)
MORE_ADDS = 1
_MORE_DEAD = re.compile(rf"\b{_NUM} (?:more|further|other)\b(?! than)")


# switch (session 43, lead): a sentence that opens on "Another ..." or "One more ..." and tells dead
# ("Another woman and her baby died later in hospital") adds them to the dead told before
ANOTHER_ADDS = 1
_ANOTHER_OPENS = re.compile(r"\s*(?:another|one more|two more|a further)\b", re.IGNORECASE)


def adds_more(sentence: str, counts: Counts | None = None) -> bool:
    """Does the sentence tell dead as more than those told before ("five more", "two other")? With
    the sentence's counts, the figure must be one of its dead ("five other civilians wounded" is not)."""
    if not MORE_ADDS:
        return False
    if ANOTHER_ADDS and counts is not None and counts.killed and _ANOTHER_OPENS.match(sentence):
        return True
    for m in _MORE_DEAD.finditer(sentence.lower()):
        if counts is None or any(cat == "killed" and a <= m.start() < b for cat, a, b in counts.spans):
            return True
    return False
