"""Where an event happened, pinned on hand-made mentions: roles, datelines, precision, the
choice among mentions, and the province and country checks (benchmarks/mutation.py). The
places are invented."""

import pytest

from sitrep.geo import locate
from sitrep.geo.locate import (
    _agreed_country,
    _city_of_province,
    _loose,
    _outside_the_one_province,
    _stray,
    _strong_outside_focus,
    _unit,
    _within_named,
    choose_event_place,
    constrain_by_province,
    dateline_end,
    mention_role,
    precision_for,
)
from sitrep.model import Place, PlaceMention


def _p(name="Kelbo", iso="BF", feature="town", population=1000, lat=13.1, lon=-1.08, score=2.0, **extra):
    p = Place(name=name, latitude=lat, longitude=lon, iso=iso, feature=feature, population=population, score=score)
    for k, v in extra.items():
        setattr(p, k, v)
    return p


def _m(text, full, place=None, role="", candidates=None, hint="", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = full.index(text, start + 1)
    m = PlaceMention(text, start, start + len(text), place, role)
    m.candidates = candidates if candidates is not None else ([place] if place else [])
    m.hint = hint
    return m


@pytest.mark.parametrize("text,role", [
    ("Gunmen attacked Kelbo", "in"), ("Gunmen attacked a market in Kelbo", "in"), ("near Kelbo", "near"),
    ("the outskirts of Kelbo", "near"), ("men from Kelbo", "from"), ("based in Kelbo", "from"),
    ("residents of Kelbo", "from"), ("20 km north of Kelbo", "ref"),
    ("in Dori district, south of the town of Kelbo", "ref"), ("north of the provincial capital Kelbo", "ref"),
    ("Kelbo", ""), ("Yesterday Kelbo", ""),
])
def test_mention_roles(text, role):
    assert mention_role(text, text.index("Kelbo")) == role


@pytest.mark.parametrize("text,end", [
    ("DORI, Burkina Faso, May 10 (Wire) - Gunmen struck", 36),
    ("DORI (Wire) — Gunmen struck", 14),
    ("Dori — Gunmen killed", 7),
    ("Gunmen attacked - the village", 0),
    ("- Gunmen", 0),
    ("Gunmen in Dori said - no", 0),
    ("A B C D E F G H I J - text", 22),  # ten words
    ("A B C D E F G H I J K - text", 0),  # eleven
    ("Kelbo" + " " * 100 + " - text", 0),  # the dash beyond the first 100 characters
    ("Around 3 June 2021 (between 1 - 5 June), raiders", 0),  # a range in an open bracket
    ("KELBO (Wire) - raiders", 15),
])
def test_datelines(text, end):
    assert dateline_end(text) == end


@pytest.mark.parametrize("feature,role,extra,precision", [
    ("town", "in", {}, 1), ("town", "near", {}, 2), ("town", "ref", {}, 2), ("town", "", {}, 1),
    ("town", "in", {"for_unit": True}, 2), ("camp", "in", {}, 1), ("district", "in", {}, 2),
    ("river", "near", {}, 2), ("admin1", "in", {}, 3), ("country", "in", {}, 3), ("desert", "in", {}, 3),
])
def test_precision(feature, role, extra, precision):
    assert precision_for(_p(feature=feature, **extra), role) == precision


def test_units():
    assert _unit(_p(admin1_code="BF.13~north")) == "BF.13"
    assert _unit(_p(admin1_code="BF.13")) == "BF.13"
    assert _unit(_p()) == "" and _unit(_p(admin1_code=None)) == ""


def test_a_small_town_in_a_country_nobody_named_is_a_stray():
    text = "Gunmen attacked Kelbo and Dori."
    far = _p(iso="US", population=500)
    m = _m("Kelbo", text, far)
    assert _stray(far, m, [m], {"BF"}, set())
    assert not _stray(far, m, [m], {"US"}, set())
    assert not _stray(far, m, [m], {"BF"}, {"US"})  # its groups belong there
    assert not _stray(_p(iso="US", feature="admin1"), m, [m], {"BF"}, set())
    assert not _stray(_p(iso="US", source="supplement"), m, [m], {"BF"}, set())
    assert not _stray(_p(iso="US", population=100_000), m, [m], {"BF"}, set())
    assert _stray(_p(iso="US", population=99_999), m, [m], {"BF"}, set())
    other = _m("Dori", text, _p("Dori", iso="US"))
    assert not _stray(far, m, [m, other], {"BF"}, set())  # another name there too


def test_with_no_country_a_name_that_only_folds_to_a_small_town_is_loose():
    m = _m("Kalbo", "in Kalbo")
    assert _loose(_p("Kelbo"), m)
    assert not _loose(_p("Kalbo"), m)
    assert not _loose(_p("Kelbo", feature="admin1"), m)
    assert not _loose(_p("Kelbo", source="supplement"), m)
    assert not _loose(_p("Kelbo", population=100_000), m)
    assert _loose(_p("Kelbo", population=99_999), m)
    assert not _loose(_p("Kelbo", fuzzy=True), m)


@pytest.mark.parametrize("text,place,strong", [
    ("Kelbo", _p(population=100_000), True), ("Kelbo", _p(population=99_999), False),
    ("Kelbo", _p(feature="admin1", population=0), True), ("Kelbo", _p(feature="country", population=0), True),
    ("Kelbo", _p(source="supplement"), True), ("Kelbo", _p(margin=0.5), True), ("Kelbo", _p(margin=0.49), False),
    ("Kalbo", _p(population=500_000), False),  # not its name
    ("VDP", _p("VDP", population=500_000), False),  # an acronym abroad names a group
    ("KELBO", _p("KELBO", population=500_000), False),
    ("KELBOS", _p("KELBOS", population=500_000), True),
])
def test_strong_places_abroad(text, place, strong):
    assert _strong_outside_focus(_m(text, f"in {text}", place)) is strong


def test_agreed_country_needs_two_names_and_a_clear_lead():
    text = "Kelbo, Dori, Sebba and Gao"
    bf = [_m(n, text, _p(n)) for n in ("Kelbo", "Dori")]
    assert _agreed_country(bf) == "BF"
    assert _agreed_country(bf[:1]) == ""
    ml = [_m(n, text, _p(n, iso="ML")) for n in ("Sebba", "Gao")]
    assert _agreed_country(bf + ml) == ""  # a tie
    assert _agreed_country(bf + ml[:1]) == "BF"
    part = _m("Sebba", text, _p("Sebba"), role="part")
    assert _agreed_country(bf[:1] + [part]) == ""  # a part of a name does not vote
    # an unresolved name votes for its most prominent exact namesake: a province first
    unresolved = _m("Gao", text, None, candidates=[_p("Gao", iso="ML", population=90_000),
                                                   _p("Gao", iso="NE", feature="admin1", population=0),
                                                   _p("Gau", iso="TD")])
    assert _agreed_country([unresolved, _m("Sebba", text, _p("Sebba", iso="NE"))]) == "NE"
    folded = _m("Dori", text, _p("Dorri"), candidates=[_p("Dorri"), _p("Dori", iso="ML")])
    assert _agreed_country([folded, _m("Gao", text, _p("Gao", iso="ML"))]) == "ML"


def test_the_locative_town_beats_the_origin_and_the_dateline(monkeypatch):
    import sitrep.geo.locate as locate_module

    text = "DORI (Wire) - Men from Sebba attacked Kelbo."
    dateline = dateline_end(text)
    dori, sebba, kelbo = (_m(n, text, _p(n)) for n in ("DORI", "Sebba", "Kelbo"))
    best = choose_event_place([dori, sebba, kelbo], text, dateline=dateline)
    assert best is kelbo and (sebba.role, kelbo.role) == ("from", "in")
    # a report naming no place of its own is placed at its dateline's town (DATELINE_TOWN)
    assert choose_event_place([dori], text, dateline=dateline) is dori
    monkeypatch.setattr(locate_module, "DATELINE_TOWN", False)
    assert choose_event_place([dori], text, dateline=dateline) is None
    monkeypatch.setattr(locate_module, "DATELINE_TOWN", True)
    assert choose_event_place([sebba], text, dateline=dateline) is sebba  # the only place left
    assert choose_event_place([], text) is None


def test_a_town_beats_a_province_and_a_province_a_country():
    text = "Fighting in Kelbo, in Centre-Nord and in Burkina Faso."
    town = _m("Kelbo", text, _p("Kelbo"))
    province = _m("Centre-Nord", text, _p("Centre-Nord", feature="admin1"))
    country = _m("Burkina Faso", text, _p("Burkina Faso", feature="country"))
    assert choose_event_place([country, province, town], text) is town
    assert choose_event_place([country, province], text) is province
    assert choose_event_place([country], text) is country
    area = _m("Kelbo", text, _p("Kelbo", feature="district"))
    assert choose_event_place([province, area], text) is area


def test_the_nearer_mention_to_the_event_word_wins():
    text = "Kelbo was calm, officials in Dori said; in Sebba gunmen struck."
    kelbo = _m("Kelbo", text, _p("Kelbo"), role="in")
    sebba = _m("Sebba", text, _p("Sebba"), role="in")
    anchor = text.index("struck")
    assert choose_event_place([kelbo, sebba], text, anchor=anchor) is sebba
    assert choose_event_place([kelbo, sebba], text, anchor=0) is kelbo
    assert choose_event_place([kelbo, sebba], text) is kelbo  # no anchor: the first of equals


def test_a_better_known_place_scores_higher_up_to_a_cap():
    text = "in Kelbo and in Sebba"
    small, big = _m("Kelbo", text, _p("Kelbo", score=1.0)), _m("Sebba", text, _p("Sebba", score=2.5))
    assert choose_event_place([small, big], text) is big
    capped, huge = _m("Kelbo", text, _p("Kelbo", score=3.0)), _m("Sebba", text, _p("Sebba", score=9.0))
    assert choose_event_place([capped, huge], text) is capped  # both count 3.0: the first wins


def test_a_country_is_where_only_after_in():
    text = "Sanctions on Mali hit traders in Kelbo."
    mali = _m("Mali", text, _p("Mali", iso="ML", feature="country"))
    assert choose_event_place([mali], text) is mali and mali.role == ""
    text2 = "Attacks across Mali continued."
    mali2 = _m("Mali", text2, _p("Mali", iso="ML", feature="country"))
    choose_event_place([mali2], text2)
    assert mali2.role == "in"


def test_a_possessive_whole_gives_way_to_the_part_it_names():
    text = "Burkina Faso's Centre-Nord region was hit."
    country = _m("Burkina Faso", text, _p("Burkina Faso", feature="country"))
    province = _m("Centre-Nord", text, _p("Centre-Nord", feature="admin1"))
    assert choose_event_place([country, province], text) is province
    assert choose_event_place([country], text) is country  # nothing after it


def test_places_abroad_need_to_be_strong_and_lose_to_one_at_home():
    text = "Gunmen attacked Kelbo near Sebba."
    abroad = _m("Kelbo", text, _p("Kelbo", iso="US", population=500))
    strong = _m("Kelbo", text, _p("Kelbo", iso="US", population=500_000))
    home = _m("Sebba", text, _p("Sebba"))
    assert choose_event_place([abroad], text, focus={"BF"}) is None
    assert choose_event_place([strong], text, focus={"BF"}) is strong
    assert choose_event_place([strong, home], text, focus={"BF"}) is home
    assert choose_event_place([strong], text, focus=set()) is strong
    part = _m("Kelbo", text, _p("Kelbo", iso="US", population=500_000), role="part")
    assert choose_event_place([part], text, focus={"BF"}) is None
    home_part = _m("Kelbo", text, _p("Kelbo"), role="part")
    assert choose_event_place([home_part], text, focus={"BF"}) is home_part


def test_a_town_inside_brackets_after_an_unknown_name_is_near(monkeypatch):
    monkeypatch.setattr(locate, "NAMED_PLACE_IN_BRACKET_AT_ITS_POINT", False)  # (session 36: 1 with it)
    text = "Gunmen struck Tchanwa (Kelbo, Centre-Nord)."
    kelbo = _m("Kelbo", text, _p("Kelbo"))
    assert choose_event_place([kelbo], text) is kelbo and kelbo.role == "near"
    text2 = "Gunmen struck Kelbo (Centre-Nord)."
    kelbo2 = _m("Kelbo", text2, _p("Kelbo"))
    choose_event_place([kelbo2], text2)
    assert kelbo2.role == "in"


def test_a_town_named_with_its_province_takes_the_candidate_inside_it():
    text = "Gunmen attacked Kelbo, Sahel region."
    province = _m("Sahel", text, _p("Sahel", feature="admin1", admin1_code="BF.12"), hint="region")
    wrong = _p("Kelbo", admin1_code="BF.13", population=5000)
    right = _p("Kelbo", admin1_code="BF.12", population=800, lat=14.0)
    bigger = _p("Kelbo", admin1_code="BF.12", population=900, lat=14.1)
    town = _m("Kelbo", text, wrong, candidates=[wrong, right, bigger])
    constrain_by_province([town, province], text)
    assert town.place.admin1_code == "BF.12" and town.place.population == 900
    assert town.place.score == 2.0 and bigger.score == 2.0 and town.place is not bigger


def test_a_namesake_outside_the_named_province_is_dropped():
    text = "Gunmen attacked Kelbo, Sahel region."
    province = _m("Sahel", text, _p("Sahel", feature="admin1", admin1_code="BF.12"), hint="region")
    wrong = _p("Kelbo", admin1_code="BF.13")
    town = _m("Kelbo", text, wrong)
    constrain_by_province([town, province], text)
    assert town.place is None
    kept = _m("Kelbo", text, _p("Kelbo", admin1_code="BF.13", source="supplement"))
    constrain_by_province([kept, _m("Sahel", text, province.place, hint="region")], text)
    assert kept.place is not None  # the team's own place stands
    city = _m("Kelbo", text, _p("Kelbo", admin1_code="BF.13"), hint="town")
    constrain_by_province([city, _m("Sahel", text, province.place, hint="region")], text)
    assert city.place is not None
    far = "Gunmen attacked Kelbo; later, the army patrolled the Sahel region."
    apart = _m("Kelbo", far, _p("Kelbo", admin1_code="BF.13", population=60_000))
    constrain_by_province([apart, _m("Sahel", far, province.place, hint="region")], far)
    assert apart.place is not None  # not set beside the town
    beside = _m("Kelbo", text, _p("Kelbo", admin1_code="BF.13", population=60_000))
    constrain_by_province([beside, _m("Sahel", text, province.place, hint="region")], text)
    assert beside.place is None


def test_a_part_lies_within_the_whole():
    text = "the Zongo area of Kelbo"
    whole = _m("Kelbo", text, _p("Kelbo", lat=13.1, lon=-1.08))
    famous = _p("Zongo", iso="GH", lat=9.4, lon=-0.85, population=50_000)
    local = _p("Zongo", lat=13.2, lon=-1.08, population=100)
    part = _m("Zongo", text, famous, candidates=[famous, local])
    _within_named([part, whole], text)
    assert (part.place.iso, part.place.latitude) == ("BF", 13.2)
    lone = _m("Zongo", text, famous, candidates=[famous])
    _within_named([lone, _m("Kelbo", text, whole.place)], text)
    assert lone.place is None
    near = _p("Zongo", lat=13.6, lon=-1.08)  # 56 km: inside the 60 km
    ok = _m("Zongo", text, near)
    _within_named([ok, _m("Kelbo", text, whole.place)], text)
    assert ok.place is near


def test_in_a_named_province_a_village_of_another_province_is_a_namesake():
    text = "near Kelbo, Seno province, Sahel region"
    sahel = _m("Sahel", text, _p("Sahel", feature="admin1", admin1_code="BF.12"), hint="region")
    stray = _p("Kelbo", admin1_code="BF.13", population=2000)
    inside = _p("Kelbo", admin1_code="BF.12", population=300)
    village = _m("Kelbo", text, stray, candidates=[stray, inside])
    _outside_the_one_province([village, sahel])
    assert village.place.admin1_code == "BF.12"
    alone = _m("Kelbo", text, stray, candidates=[stray])
    _outside_the_one_province([alone, sahel])
    assert alone.place is None
    town = _m("Kelbo", text, _p("Kelbo", admin1_code="BF.13", population=50_000))
    _outside_the_one_province([town, sahel])
    assert town.place is not None  # a town of 50,000 is not a namesake village
    two = _m("Kelbo", text, stray, candidates=[stray])
    other = _m("Seno", text, _p("Seno", feature="admin1", admin1_code="BF.11"), hint="region")
    _outside_the_one_province([two, sahel, other])
    assert two.place is stray  # two provinces named: no one province to hold to


def test_a_province_named_like_its_city_means_the_city():
    text = "Gunmen attacked Kelbo."
    province = _p("Kelbo", feature="admin1", admin1_code="BF.13", population=0, score=3.3)
    city = _p("Kelbo", admin1_code="BF.13", population=6000)
    small = _p("Kelbo", admin1_code="BF.13", population=4999)
    m = _m("Kelbo", text, province, candidates=[province, city, small])
    _city_of_province([m], text)
    assert m.place.feature == "town" and m.place.population == 6000
    assert m.place.score == province.score and city.score == 2.0
    region = _m("Kelbo", text, province, candidates=[province, city], hint="region")
    _city_of_province([region], text)
    assert region.place is province
    only_small = _m("Kelbo", text, province, candidates=[province, small])
    _city_of_province([only_small], text)
    assert only_small.place is province


def test_article_context_counts_countries_and_single_country_groups():
    ctx = locate.article_context("Gunmen attacked a village in Burkina Faso. Burkinabe troops responded.")
    assert ctx.countries["BF"] >= 2
    assert locate.article_context("Protesters gathered outside the French embassy in Dakar.").countries["FR"] == 0
    assert locate.article_context("Mali and Niger", countries_weight=3).countries == {"ML": 3, "NE": 3}


def test_a_home_place_named_as_an_origin_does_not_keep_out_a_strong_place_abroad():
    text = "Gunmen from Sebba attacked Kelbo."
    home = _m("Sebba", text, _p("Sebba"))
    abroad = _m("Kelbo", text, _p("Kelbo", iso="US", population=500_000))
    assert choose_event_place([home, abroad], text, focus={"BF"}) is abroad


def test_clear_mentions_set_the_context_for_the_others():
    from sitrep.geo.resolve import GeoContext

    text = "Gunmen attacked Kelbo and then Dorri."
    kelbo = _m("Kelbo", text, None, candidates=[_p("Kelbo", population=100_000, admin1_code="BF.13")])
    near = _p("Dori", lat=13.5, lon=-1.08, population=1000)
    far = _p("Dori", lat=11.0, lon=-4.0, population=5000)
    dori = _m("Dorri", text, None, candidates=[far, near])  # spelt otherwise: a weak match
    ctx = GeoContext()
    locate.resolve_mentions([kelbo, dori], ctx)
    assert ctx.countries["BF"] >= 1 and ctx.admin1["BF.13"] == 1 and ctx.points == [(13.1, -1.08)]
    assert dori.place.latitude == 13.5  # within 100 km of Kelbo


def test_a_town_of_the_named_province_keeps_the_score_it_had():
    text = "near Kelbo, Sahel region"
    sahel = _m("Sahel", text, _p("Sahel", feature="admin1", admin1_code="BF.12"), hint="region")
    stray = _p("Kelbo", admin1_code="BF.13", population=2000, score=1.7, margin=0.4)
    inside = _p("Kelbo", admin1_code="BF.12", population=300, score=0.2)
    village = _m("Kelbo", text, stray, candidates=[stray, inside])
    _outside_the_one_province([village, sahel])
    assert (village.place.score, village.place.margin) == (1.7, 0.4) and village.place is not inside


def _fac(name, lat, lon, unit, facility=False, text=None):
    m = _m(name, text or name, _p(name, lat=lat, lon=lon, admin1_code=unit))
    m.facility = facility
    return m


def test_a_facility_namesake_far_from_every_other_place_is_dropped():
    from sitrep.geo.locate import FACILITY_KM, _facility_far_off

    assert FACILITY_KM == 50.0
    building = _fac("Tanga", 13.0, -1.0, "BF.01", facility=True)
    # 0.4645 degrees of longitude at 13 N is about 50.4 km: just beyond the limit
    beyond = _fac("Dori", 13.0, -1.0 + 0.4645, "BF.02")
    within = _fac("Gorom", 13.0, -1.0 + 0.2767, "BF.02")  # about 30 km, another province
    same_unit_far = _fac("Sebba", 13.0, 1.0, "BF.01")  # 216 km, the same province
    assert _facility_far_off(building, [building, beyond])
    assert not _facility_far_off(building, [building, within])
    assert not _facility_far_off(building, [building, same_unit_far])
    assert not _facility_far_off(building, [building])  # nothing to compare with
    plain = _fac("Tanga", 13.0, -1.0, "BF.01")
    assert not _facility_far_off(plain, [plain, beyond])  # not followed by a facility noun


def test_a_countrys_capital_named_by_the_country(gazetteer):
    from sitrep.geo.locate import capital_mentions

    text = "Gunmen attacked a hotel in Somalia's capital on Friday."
    [m] = capital_mentions(text, gazetteer, offset=100)
    assert (m.text, m.start, m.end) == ("Somalia's capital", 127, 144)
    assert m.candidates[0].name == "Mogadishu"
    text = "Protests spread to the capital of Mali."
    [m] = capital_mentions(text, gazetteer)
    assert (m.text, m.start, m.end) == ("capital of Mali", 23, 38)
    assert m.candidates[0].name == "Bamako"


def test_ner_blocks_people_and_dates_not_places():
    from sitrep.geo.locate import ner_blocked
    from sitrep.nlp import load_nlp

    doc = load_nlp()("Fighting resumed in Nairobi on Monday.")
    blocked = ner_blocked(doc)
    monday = doc.text.index("Monday")
    assert any(s <= monday < e for s, e in blocked)
    nairobi = doc.text.index("Nairobi")
    assert not any(s <= nairobi < e for s, e in blocked)


def test_a_group_of_several_countries_counts_for_its_home_unless_a_state_force():
    assert dict(locate.article_context("Lakurawa fighters raided a village on Monday.").countries) == {"NG": 1}
    # a state's forces operate abroad too: the demonym counts, the force adds nothing
    assert dict(locate.article_context("Nigerien troops crossed the border.").countries) == {"NE": 1}
