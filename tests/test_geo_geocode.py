"""`sitrep geocode` and the Philippines' barangays: a query that sets a barangay in its town
(or names one that is a single spot) returns it; a name shared by barangays of many towns
returns none of them. The place names are facts of the PSGC."""

from sitrep.geo.geocode import geocode_query


def test_a_barangay_with_its_town_is_the_first_answer(gazetteer):
    [first, *_] = geocode_query("Tumaga, Zamboanga City", "PH")
    assert (first["name"], first["feature"], first["admin3"]) == ("Tumaga", "village", "Zamboanga")
    assert first["admin1"] == "Zamboanga Peninsula" and first["precision"] == 1


def test_a_barangay_name_of_one_spot_is_found_alone(gazetteer):
    rows = geocode_query("Dicalongan")
    assert [r["admin3"] for r in rows if r["feature"] == "village"] == ["Ampatuan"]


def test_a_barangay_name_of_many_towns_alone_gives_no_barangay(gazetteer):
    assert all(r["feature"] != "village" for r in geocode_query("Poblacion", limit=50))
    assert all(r["feature"] != "village" for r in geocode_query("San Jose", "PH", limit=50))


def test_a_barangay_set_in_another_town_is_not_returned(gazetteer):
    assert all(r["feature"] != "village" for r in geocode_query("Tumaga, Cebu City", limit=50))


def test_ordinary_records_carry_an_empty_admin3(gazetteer):
    [basra] = geocode_query("Basra", "IQ", limit=1)
    assert basra["admin3"] == ""
