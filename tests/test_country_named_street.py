"""locate.COUNTRY_NAMES_A_STREET: a country's name before a street's or a building's word names
the street or the building ("Palestine Street", "Jordan Hospital"), not the country. Sentences
written by the team."""
import datetime as dt

import sitrep.geo.locate as L
from sitrep.model import Article
from sitrep.pipeline import process


def _iso(text: str) -> str:
    evs = process([Article(id="cs", url="", title="", text=text, published=dt.date(2024, 1, 5))])[0]
    return evs[0].iso if evs else ""


STREET = "On 4 January 2024, a drone strike hit a militia office on Palestine Street in eastern Baghdad, killing two guards."


def test_a_street_named_after_a_country_stays_in_its_city(monkeypatch):
    assert _iso(STREET) == "IQ"
    assert "PS" not in [iso for iso, _, _ in L.country_words(STREET)]
    monkeypatch.setattr(L, "COUNTRY_NAMES_A_STREET", False)
    assert "PS" in [iso for iso, _, _ in L.country_words(STREET)]


def test_country_words_skip_streets_and_buildings_only():
    isos = [iso for iso, _, _ in L.country_words("near the Jordan Hospital and on Lebanon Road, Turkish troops")]
    assert isos == ["TR"]
    assert [iso for iso, _, _ in L.country_words("refugees returned from Lebanon to Syria")] == ["LB", "SY"]
