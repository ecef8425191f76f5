"""Shared by the actor tests: the top event sitrep extracts from a text, and the actor names
the dictionary finds in it."""

from sitrep.extract.actors import get_dictionary
from sitrep.extract.events import extract
from sitrep.model import Article


def top_event(text, published):
    evs = extract([Article(id="t", text=text, published=published)])[0]
    assert evs, text
    return evs[0]


def actor_names(text, countries=None):
    return [m.name for m in get_dictionary().find(text, countries)]
