"""Every Natural Earth unit has a code of its own (gazetteer.unit_codes): Natural Earth gives
"-1" to units of several countries and "PH." to a dozen Philippine cities of different regions,
and a name table keyed by the bare code gave one unit another's name (India's Kashmir unit
took a Somaliland region's)."""

from sitrep.geo.gazetteer import acled_admin1_names, load_acled_admin1, load_admin1_rows, unit_codes


def _row(iso, code, name, iso2=""):
    return {"iso": iso, "code": code, "name": name, "iso_3166_2": iso2 or f"{iso}-X1~"}


def test_a_code_shared_by_units_of_two_countries_is_made_the_countrys_own():
    rows = [_row("AA", "-1", "Northland"), _row("BB", "-1", "Southland"), _row("AA", "AA.03", "Eastland")]
    assert unit_codes(rows) == ["AA.Northland", "BB.Southland", "AA.03"]


def test_a_code_shared_within_a_country_or_without_a_suffix_is_made_unique():
    rows = [_row("AA", "AA.", "Port Town"), _row("AA", "AA.", "Hill Town"), _row("AA", "AA.07", "Lakeside"),
            _row("AA", "AA.07", "Lakeside City"), _row("AA", "AA.", "", "AA-X09~"), _row("AA", "", "Riverside", "AA-RV")]
    codes = unit_codes(rows)
    assert codes == ["AA.Port Town", "AA.Hill Town", "AA.Lakeside", "AA.Lakeside City", "AA.AA-X09", "AA.AA-RV"]
    assert all(c.startswith("AA.") and "~" not in c for c in codes)


def test_the_packaged_units_have_unique_codes_named_by_acleds_table():
    rows = load_admin1_rows()
    by_code: dict[str, set[str]] = {}
    for r in rows:
        by_code.setdefault(r["code"], set()).add(r["name"])
    assert all(len(names) == 1 for names in by_code.values())  # a code names one unit (in one or more polygons)
    names = acled_admin1_names()
    code = {(r["iso"], r["name"]): r["code"] for r in rows}
    assert names[code[("IN", "Kashmir")]] == "Ladakh"
    assert names[code[("SO", "Somaliland")]] == "Woqooyi Galbeed"
    assert names[code[("PH", "Bacolod")]] == "Western Visayas"
    assert names[code[("PH", "Iligan")]] == "Northern Mindanao"
    assert names[code[("PH", "Navotas")]] == "NCR"
    for iso, spec in load_acled_admin1().items():  # the table's keys are the country's own
        assert all(k.startswith(f"{iso}.") or k.startswith("UA.") for k in spec["names"]), iso


def test_the_built_gazetteer_gives_each_unit_its_own_name(gazetteer):
    rows = load_admin1_rows()
    code = {(r["iso"], r["name"]): r["code"] for r in rows}
    assert gazetteer.admin1_name(code[("IN", "Kashmir")]) == "Ladakh"
    assert gazetteer.admin1_name(code[("SO", "Somaliland")]) == "Woqooyi Galbeed"
    # a city of its own unit, among a dozen sharing one Natural Earth code, keeps its region
    for name, region in (("Bacolod", "Western Visayas"), ("Iligan", "Northern Mindanao"), ("Angeles", "Central Luzon")):
        cities = [p for p in gazetteer.lookup(name, "PH") if p.feature == "town" and p.population > 100_000]
        assert cities and all(p.admin1 == region for p in cities), name


def test_the_lookup_cache_answers_from_memory_and_stays_bounded():
    from sitrep.geo.gazetteer import _cached

    cache: dict = {}
    calls = []

    def load(key):
        return lambda: calls.append(key) or [key]

    assert _cached(cache, "a", 2, load("a")) == ["a"] and _cached(cache, "a", 2, load("a")) == ["a"]
    assert calls == ["a"]  # the second answer came from the cache
    _cached(cache, "b", 2, load("b"))
    _cached(cache, "c", 2, load("c"))  # full: emptied before "c" is stored
    assert set(cache) == {"c"}


def test_an_older_rows_whole_unit_agrees_with_any_of_its_parts():
    """Older ACLED rows name the whole of a unit ACLED now divides ("Shan", "Bago"); an event in
    any of its parts agrees with them, while two parts still differ."""
    from sitrep.geo.gazetteer import admin1_matches

    assert admin1_matches("MM", "Shan", "Shan-North") and admin1_matches("MM", "Shan State", "Shan-East")
    assert admin1_matches("MM", "Bago", "Bago-West") and admin1_matches("IQ", "Ninewa", "Nineveh")
    assert not admin1_matches("MM", "Shan-South", "Shan-North")
    assert not admin1_matches("MM", "Mandalay", "Nay Pyi Taw")  # also the name of the part with the capital
    assert not admin1_matches("MM", "Shan", "Kachin")


def test_acled_admin1_of_divided_nepalese_zones_and_moroccan_regions(gazetteer):
    """Nepal's zones and Morocco's old regions split into ACLED's provinces and regions by the
    nearest capital or seat (acled_admin1.yaml `split` with `seats`)."""
    def admin1(name, iso):
        [town] = [p for p in gazetteer.lookup(name, iso) if p.feature == "town"][:1]
        return town.admin1

    # Narayani zone: Birgunj in Madhesh, Bharatpur (Chitwan) in Bagmati
    assert admin1("Birgunj", "NP") == "Madhesh" and admin1("Bharatpur", "NP") == "Bagmati"
    # Bheri zone: Nepalgunj in Lumbini, Birendranagar (Surkhet) in Karnali
    assert admin1("Nepalgunj", "NP") == "Lumbini" and admin1("Birendranagar", "NP") == "Karnali"
    assert admin1("Biratnagar", "NP") == "Province 1"
    # Meknes-Tafilalet: Meknes in Fes-Meknes, Errachidia in Draa-Tafilalet
    assert admin1("Meknes", "MA") == "Fes-Meknes" and admin1("Errachidia", "MA") == "Draa-Tafilalet"
    assert admin1("Khouribga", "MA") == "Beni Mellal-Khenifra" and admin1("El Jadida", "MA") == "Casablanca-Settat"
    assert admin1("Paris", "FR") == "Ile-de-France" and admin1("Cardiff", "GB") == "Wales"
