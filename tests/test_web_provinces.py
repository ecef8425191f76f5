"""The map's provinces carry the gazetteer's own unit codes (Natural Earth repeats "-1")."""

from collections import defaultdict

from sitrep.web.app import _build_provinces


def test_no_two_provinces_on_the_map_share_a_code():
    """Before, India's Kashmir and Somaliland's regions shared Natural Earth's "-1", so one
    took the other's name on the map. A unit drawn in two pieces (Transnistria) is one unit."""
    units = defaultdict(set)
    for f in _build_provinces():
        p = f["properties"]
        units[p["code"]].add((p["iso"], p["name"]))
    assert "-1" not in units
    assert [code for code, named in units.items() if len(named) > 1] == []
