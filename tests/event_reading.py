"""Shared by the event tests: the events sitrep extracts from one text, with module switches
patched for the call (`monkeypatch` given)."""

from sitrep.extract import events
from sitrep.model import Article


def events_of(text, published, monkeypatch=None, module=events, **switches):
    for name, value in switches.items():
        monkeypatch.setattr(module, name, value)
    return events.extract([Article(id="a", text=text, published=published, title="")])[0]


def top_event(evs):
    """The event with the highest confidence, the first of equals (as the evaluation picks it)."""
    best = None
    for e in evs:
        if best is None or e.confidence > best.confidence:
            best = e
    return best
