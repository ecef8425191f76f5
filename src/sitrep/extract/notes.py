"""ACLED-style notes: one generated sentence per event."""

from __future__ import annotations

from sitrep.model import Event

_VERBS = {
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Armed clash": "clashed with",
    "Excessive force against protesters": "used lethal force against",
    "Protest with intervention": "demonstrated and were met by",
    "Peaceful protest": "demonstrated",
    "Violent demonstration": "rioted",
    "Mob violence": "attacked",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Sexual violence": "sexually assaulted",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed activity",
    "Disrupted weapons use": "seized or defused weapons of",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "conducted an operation against",
}


def make_notes(ev: Event) -> str:
    when = ev.event_date.strftime("%-d %B %Y") if ev.event_date else "an unknown date"
    prefix = "On" if ev.time_precision == 1 else "Around"
    who = ev.actor1 or "Unidentified actors"
    verb = _VERBS.get(ev.sub_event_type, "acted")
    target = f" {ev.actor2}" if ev.actor2 and verb.endswith((" on", " with", " from", " of", " against", " at", " by", "ed", "attacked", "shelled", "abducted", "arrested")) else ""
    if not ev.actor2 and verb.endswith((" on", " with", " from", " of", " against", " at", " by")):
        verb = verb.rsplit(" ", 1)[0]
    where = ""
    if ev.location:
        where = f" in {ev.location}"
        if ev.admin1 and ev.admin1 != ev.location:
            where += f" ({ev.admin1})"
    elif ev.admin1:
        where = f" in {ev.admin1}"
    if ev.country and ev.country not in where:
        where += f", {ev.country}"
    tail = f" {ev.fatalities} fatalities." if ev.fatalities else ""
    extra = []
    if ev.injured:
        extra.append(f"{ev.injured} injured")
    if ev.abducted:
        extra.append(f"{ev.abducted} abducted")
    extra_s = f" ({', '.join(extra)})" if extra else ""
    return f"{prefix} {when}, {who} {verb}{target}{where}{extra_s}.{tail}".replace(" .", ".")
