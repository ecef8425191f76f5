"""A province's capital, where an event known only to its province is placed (ACLED's rule for
geo precision 3): the seat data/capitals.yaml names, not the province's most populous town."""

import pytest
import yaml

from event_reading import events_of
from sitrep.geo import gazetteer as gaz_mod
from sitrep.geo.gazetteer import DATA, acled_admin1_names, get_gazetteer, listed_capitals


def _code(iso: str, admin1: str) -> str:
    return next(c for c, n in acled_admin1_names().items() if c.startswith(f"{iso}.") and n == admin1)


@pytest.fixture
def fresh_capitals():
    gaz = get_gazetteer()
    gaz._capitals.clear()
    yield gaz
    gaz._capitals.clear()


def test_every_listed_capital_resolves_inside_its_province(fresh_capitals):
    table = yaml.safe_load((DATA / "capitals.yaml").read_text(encoding="utf-8"))
    written = sum(len(v) for v in table.values())
    listed = listed_capitals()
    assert len(listed) == written, "an entry names no province of acled_admin1.yaml, or one name several"
    for code in listed:
        place = fresh_capitals.listed_capital(code)
        assert place is not None, f"{code}: {listed[code]} is no gazetteer town inside the unit"
        assert place.latitude is not None


@pytest.mark.parametrize("iso, admin1, seat, largest", [
    ("MX", "Veracruz", "Xalapa", "Veracruz"),
    ("ET", "Amhara", "Bahir Dar", "Gonder"),
    ("SO", "Bari", "Bosaso", "El Dibir"),
    ("NG", "Yobe", "Damaturu", "Gashua"),
])
def test_the_seat_is_the_capital_and_without_the_table_the_largest_town(fresh_capitals, monkeypatch, iso, admin1,
                                                                         seat, largest):
    code = _code(iso, admin1)
    assert fresh_capitals.capital(code).name == seat
    fresh_capitals._capitals.clear()
    monkeypatch.setattr(gaz_mod, "CAPITALS_TABLE", False)
    assert fresh_capitals.capital(code).name == largest


def test_a_seat_the_gazetteer_lacks_takes_the_tables_point(fresh_capitals):
    place = fresh_capitals.capital(_code("AF", "Kapisa"))
    assert place.name == "Mahmud-e Raqi"
    assert place.latitude == pytest.approx(35.02) and place.longitude == pytest.approx(69.33)


def test_an_event_told_only_by_its_province_is_placed_at_the_seat(fresh_capitals):
    text = ("Gunmen killed four farmers in an attack in Yobe state on Monday, the state police "
            "spokesman said.")
    import datetime as dt

    evs = events_of(text, dt.date(2024, 3, 6))
    assert evs, "no event read"
    ev = evs[0]
    assert ev.admin1 == "Yobe" and ev.geo_precision == 3
    assert ev.location == "Damaturu"
