"""The contract: the plain data every pipeline stage reads and writes.

Field names follow the ACLED codebook so that output rows can be compared with ACLED data
directly. `Event.to_record()` is the public JSONL contract documented in docs/output.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES: dict[str, list[str]] = {
    "Battles": [
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ],
    "Protests": [
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": [
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}
SUB_EVENT_TYPES: dict[str, str] = {
    sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs
}
# ACLED's priority: earlier in this list wins when two sub-event types fit.
SUB_EVENT_PRIORITY: list[str] = [sub for subs in EVENT_TYPES.values() for sub in subs]

DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# ACLED export columns, in ACLED's order (docs/output.md).
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

# The extract contract, in order (docs/output.md).
CONTRACT_FIELDS = [
    "article_id",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "country",
    "iso",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injured",
    "abducted",
    "notes",
    "source",
    "confidence",
    "evidence",
]


@dataclass
class Article:
    """One news report, as ingested."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    source: str = ""
    language: str = "en"
    origin: str = ""  # the file or URL it came from, for error messages

    def to_record(self) -> dict[str, Any]:
        rec = asdict(self)
        rec["published"] = self.published.isoformat() if self.published else None
        return rec


@dataclass
class Evidence:
    """The span of article text that supports one field of an event."""

    field: str
    text: str
    start: int
    end: int


@dataclass
class Place:
    """A gazetteer entry, or the resolved location of an event."""

    name: str
    latitude: float | None
    longitude: float | None
    country: str = ""  # country name
    iso: str = ""  # ISO 3166-1 alpha-2
    admin1: str = ""
    admin2: str = ""
    feature: str = "town"
    geonameid: int | None = None
    population: int = 0
    precision: int = 1
    score: float = 0.0

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PlaceMention:
    """A place name found in article text, with its resolved candidate."""

    text: str
    start: int
    end: int
    place: Place | None = None
    role: str = ""  # "in", "near", "from", "dateline", ...


@dataclass
class ActorMention:
    """An actor found in article text, normalised through the actor dictionary."""

    name: str
    inter: int
    start: int
    end: int
    text: str
    key: str = ""  # dictionary entry id, stable across countries
    home: str = ""  # ISO2 of the actor's home country, "" when it follows the event


@dataclass
class Event:
    """One coded event: ACLED fields plus evidence and confidence."""

    article_id: str
    event_date: dt.date | None = None
    time_precision: int = 3
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    civilian_targeting: str = ""
    country: str = ""
    iso: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    injured: int = 0
    abducted: int = 0
    notes: str = ""
    source: str = ""
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def disorder_type(self) -> str:
        return DISORDER_TYPES.get(self.event_type, "")

    @property
    def interaction(self) -> int | None:
        """ACLED's interaction code: the two inter codes, lower first (10*a+b); a alone if one."""
        codes = sorted(c for c in (self.inter1, self.inter2) if c)
        if not codes:
            return None
        if len(codes) == 1:
            return codes[0] * 10
        return codes[0] * 10 + codes[1]

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {}
        for name in CONTRACT_FIELDS:
            if name == "evidence":
                rec[name] = [asdict(e) for e in self.evidence]
            elif name == "event_date":
                rec[name] = self.event_date.isoformat() if self.event_date else None
            else:
                rec[name] = getattr(self, name)
        return rec

    def add_evidence(self, fieldname: str, text: str, start: int, end: int) -> None:
        self.evidence.append(Evidence(fieldname, text[start:end], start, end))


class InputError(Exception):
    """Bad input: the message names the input and the reason, in one line."""
