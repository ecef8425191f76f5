"""Place resolution pinned to exact scores: each piece of evidence for a candidate and its
weight (benchmarks/mutation.py). The places are invented."""

import math
from collections import Counter

import pytest

from sitrep.geo.resolve import (
    CONFLICT_PRIOR,
    GeoContext,
    distance_km,
    is_exact,
    resolve,
    score_candidate,
)
from sitrep.model import Place


def _place(name="Kelbo", iso="BF", feature="town", population=0, lat=13.1, lon=-1.08, **extra):
    p = Place(name=name, latitude=lat, longitude=lon, iso=iso, feature=feature, population=population)
    for k, v in extra.items():
        setattr(p, k, v)
    return p


def _base(population=0):
    return math.log10(population + 10) / 7.0


def test_distances():
    assert distance_km((0.0, 0.0), (0.0, 0.0)) == 0.0
    assert distance_km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.195, abs=0.001)
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.195, abs=0.001)
    assert distance_km((60.0, 0.0), (60.0, 1.0)) == pytest.approx(55.597, abs=0.001)
    assert distance_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(math.pi * 6371.0)
    assert distance_km((13.1, -1.08), (12.37, -1.52)) == pytest.approx(distance_km((12.37, -1.52), (13.1, -1.08)))


def test_focus_is_every_country_named_at_least_half_as_often_as_the_first():
    assert GeoContext().focus() == set()
    assert GeoContext(countries=Counter({"BF": 4, "ML": 2, "NE": 1})).focus() == {"BF", "ML"}
    assert GeoContext(countries=Counter({"BF": 3, "ML": 1})).focus() == {"BF"}


def test_exact_names_ignore_case_accents_and_hyphens():
    p = _place("Foubé-Centre")
    assert is_exact(p, "foube centre") and is_exact(p, "FOUBÉ-CENTRE")
    assert not is_exact(p, "Foubé")
    q = _place("Kelbo", matched_names={"Kelbo", "Kalbo"})
    assert is_exact(q, "kalbo") and not is_exact(q, "Kilbo")


def test_population_and_exact_spelling():
    ctx = GeoContext()
    assert score_candidate(_place(population=0), "Kelbo", ctx) == pytest.approx(_base() + 0.35)
    assert score_candidate(_place(population=99990), "Kelbo", ctx) == pytest.approx(5 / 7 + 0.35)
    assert score_candidate(_place(population=None), "Kalbo", ctx) == pytest.approx(_base())


@pytest.mark.parametrize("extra,bonus", [
    ({"source": "supplement"}, 0.55),
    ({"feature": "admin1"}, 0.9),
    ({"feature": "country"}, 0.6),
    ({"feature": "town"}, 0.0),
    ({"feature": "mountain"}, 0.0),
])
def test_source_and_feature_priors(extra, bonus):
    feature = extra.pop("feature", "town")
    p = _place(feature=feature, **extra)
    assert score_candidate(p, "Kalbo", GeoContext()) == pytest.approx(_base() + bonus)


def test_conflict_prior():
    p = _place()
    assert score_candidate(p, "Kalbo", GeoContext(), conflict_countries=frozenset({"BF"})) == \
        pytest.approx(_base() + CONFLICT_PRIOR)
    assert score_candidate(p, "Kalbo", GeoContext(), conflict_countries=frozenset({"ML"})) == pytest.approx(_base())


@pytest.mark.parametrize("countries,bonus", [
    ({"BF": 2}, 1.6),  # in focus
    ({"ML": 4, "BF": 1}, 0.6),  # named, not in focus
    ({"ML": 1}, -0.4),  # another country in focus
])
def test_country_evidence(countries, bonus):
    ctx = GeoContext(countries=Counter(countries))
    assert score_candidate(_place(), "Kalbo", ctx) == pytest.approx(_base() + bonus)


def test_province_and_nearby_points():
    p = _place(admin1_code="BF.13")
    assert score_candidate(p, "Kalbo", GeoContext(admin1=Counter({"BF.13": 1}))) == pytest.approx(_base() + 0.8)
    assert score_candidate(p, "Kalbo", GeoContext(admin1=Counter({"BF.02": 1}))) == pytest.approx(_base())
    # 0.8 degrees of latitude = 89 km, 2 degrees = 222 km, 3 degrees = 334 km
    for dlat, bonus in [(0.8, 0.6), (0.895, 0.6), (0.9, 0.3), (2.0, 0.3), (2.6, 0.3), (2.7, 0.0)]:
        ctx = GeoContext(points=[(13.1 + dlat, -1.08), (40.0, 40.0)])
        assert score_candidate(p, "Kalbo", ctx) == pytest.approx(_base() + bonus), dlat
    assert score_candidate(_place(lat=None, lon=None), "Kalbo", GeoContext(points=[(13.1, -1.08)])) == \
        pytest.approx(_base())


@pytest.mark.parametrize("hint,feature,bonus", [
    ("town", "town", 0.8),
    ("region", "admin1", 0.9 + 0.8),
    ("village", "town", 0.5),
    ("town", "admin1", 0.9 - 0.6),  # "Mandaue City" is the city
    ("village", "admin1", 0.9 - 0.6),
    ("mountain", "town", -0.3),
    ("mountain", "admin1", 0.9 - 0.3),
    ("mountain", "country", 0.6 - 0.3),
    ("mountain", "mountain", 0.8),
    ("area", "town", 0.0),
    ("district", "town", 0.0),
    ("subdistrict", "admin1", 0.9),
    ("desert", "airport", 0.0),
    ("", "town", 0.0),
])
def test_feature_word_hints(hint, feature, bonus):
    p = _place(feature=feature)
    assert score_candidate(p, "Kalbo", GeoContext(), hint=hint) == pytest.approx(_base() + bonus)


def test_resolve_picks_the_best_copies_it_and_measures_the_margin():
    small = _place("Kelbo", iso="ML", population=100)
    big = _place("Kelbo", iso="BF", population=100000)
    twin = _place("Kelbo", iso="BF", population=50000)
    best = resolve([small, twin, big], "Kelbo", GeoContext())
    assert best.population == 100000 and best is not big and big.score == 0.0
    assert best.score == pytest.approx(_base(100000) + 0.35)
    assert best.margin == pytest.approx(_base(100000) - _base(100))  # against the best in another country
    alone = resolve([big, twin], "Kelbo", GeoContext())
    assert alone.margin == 9.0  # no candidate elsewhere
    assert resolve([], "Kelbo", GeoContext()) is None


def test_ties_go_to_the_first_candidate():
    a, b = _place("Kelbo", iso="BF", admin2="first"), _place("Kelbo", iso="BF", admin2="second")
    assert resolve([a, b], "Kelbo", GeoContext()).admin2 == "first"
    assert resolve([b, a], "Kelbo", GeoContext()).admin2 == "second"
