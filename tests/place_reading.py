"""Shared by the place tests: what sitrep's geocoding steps read from a text, as extraction
runs them (the article's countries, the mentions, their resolution, the province told after a
town, then the event's place), without the event extraction around them."""

from collections import Counter

from sitrep.geo.locate import (
    article_context,
    choose_event_place,
    constrain_by_province,
    dateline_end,
    find_mentions,
    resolve_mentions,
)
from sitrep.geo.resolve import GeoContext


def reading(text, gaz, verb=None, doc=None):
    """The article's context, the resolved mentions and the event's place; `verb`: the event's
    word (its first occurrence) as the anchor, `doc`: the sentence's parse."""
    context = article_context(text)
    mentions = find_mentions(text, gaz, countries=context.focus(), doc=doc)
    resolve_mentions(mentions, context)
    constrain_by_province(mentions, text)
    anchor = text.index(verb) if verb else None
    return context, mentions, choose_event_place(mentions, text, anchor=anchor, focus=context.focus())


def chosen(text, gaz, verb=None, doc=None):
    """The event's place alone."""
    return reading(text, gaz, verb=verb, doc=doc)[2]


def given_countries_mentions(text, gaz, countries=None):
    """The resolved mentions, with the article's countries given (each counted twice) rather
    than read from the text."""
    ms = find_mentions(text, gaz, countries=countries)
    resolve_mentions(ms, GeoContext(countries=Counter({c: 2 for c in countries or ()})))
    constrain_by_province(ms, text)
    return ms


def given_countries_place(text, gaz, countries=None):
    """The event's place of the placed mentions, with the article's countries given."""
    ms = [m for m in given_countries_mentions(text, gaz, countries) if m.place is not None]
    return choose_event_place(ms, text, dateline_end(text), focus=countries)
