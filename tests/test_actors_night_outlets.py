"""A national outlet whose name says no country gives its country (extract/actors.py outlet_home,
NATIONAL_OUTLETS, data/actors/outlets.yml), on invented reports."""

import datetime as dt
from importlib import resources

import pytest
import yaml

from sitrep.extract import actors as actors_module
from sitrep.extract.actors import outlet_home


def _outlets():
    path = resources.files("sitrep") / "data" / "actors" / "outlets.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("source,iso", [
    ("Hiru News", "LK"),
    ("Citi News; AFP", "GH"),  # a wire adds no country
    ("citi news", "GH"),  # compared case-insensitively
    ("Tolo News", "AF"),
    ("Hiru News; Citi News", ""),  # two countries: no hint
    ("AFP; Reuters", ""),
    ("Hiru News Weekly", ""),  # a whole source's name, not a part of one
    ("Agence France-Presse", ""),  # a world outlet with a country's word in its name
    ("Agence France-Presse; Citi News", "GH"),
])
def test_a_national_outlet_gives_its_country(source, iso):
    assert outlet_home(source) == iso


def test_without_the_switch_a_national_outlet_gives_none(monkeypatch):
    monkeypatch.setattr(actors_module, "NATIONAL_OUTLETS", 0)
    assert outlet_home("Hiru News") == ""


TEXT = "Hospital cleaners marched to the health ministry to demand six months of unpaid wages."


def test_a_report_naming_no_place_takes_the_national_outlets_country(monkeypatch):
    ev = top_event_with_source(TEXT, "Citi News")
    assert ev.iso == "GH"
    assert ev.actor1 == "Protesters (Ghana)"
    monkeypatch.setattr(actors_module, "NATIONAL_OUTLETS", 0)
    assert top_event_with_source(TEXT, "Citi News").actor1 == "Protesters"


def top_event_with_source(text, source):
    from sitrep.extract.events import extract
    from sitrep.model import Article

    evs = extract([Article(id="t", text=text, published=dt.date(2016, 4, 2), source=source)])[0]
    assert evs, text
    return evs[0]


def test_outlets_file_is_valid():
    from sitrep.geo.gazetteer import get_gazetteer

    data = _outlets()
    gaz = get_gazetteer()
    seen = {}
    wires = {"afp", "reuters", "ap", "associated press", "bbc", "bbc news", "al jazeera", "xinhua", "radio free asia",
             "voice of america", "rfi", "facebook", "twitter", "whatsapp", "local source", "all africa"}
    for key, names in data.items():
        assert key == "anywhere" or isinstance(key, str) and len(key) == 2 and key.isupper() and \
            gaz.country_name(key), key
        assert isinstance(names, list) and names, key
        for name in names:
            assert isinstance(name, str) and name == name.lower() and name.strip() == name, name
            assert key == "anywhere" or name not in wires, name
            assert ";" not in name and "," not in name, name  # a source's parts are split on these
            assert seen.setdefault(name, key) == key, f"{name}: {seen[name]} and {key}"
