"""counts.LISTED_DEAD: the dead a killing verb lists count the bomber told as himself/herself,
a bare figure joined to people, and "a family of N" (ACLED counts attackers killed). Sentences
written by the team."""
import datetime as dt

import pytest

import sitrep.extract.counts as C
from sitrep.model import Article
from sitrep.pipeline import process

CASES = [
    ("On 2 April 2023, a bomber blew himself up at a bus station in Kano, killing himself and 9 others.", 10),
    ("On 2 April 2023, a bomber detonated a vest at a wedding in Maiduguri, killing herself and four guests.", 5),
    ("On 2 April 2023, an attacker drove a car bomb into a checkpoint in Mogadishu, killing 14 and himself.", 15),
    ("On 2 April 2023, gunmen broke into a farmhouse near Jos and killed a family of five.", 5),
]


def _dead(text: str) -> int:
    evs = process([Article(id="ld", url="", title="", text=text, published=dt.date(2023, 4, 3))])[0]
    return max((e.fatalities for e in evs), default=0)


@pytest.mark.parametrize("text,dead", CASES)
def test_listed_dead_are_counted(text, dead):
    assert _dead(text) == dead


def test_without_the_switch_the_list_is_miscounted(monkeypatch):
    monkeypatch.setattr(C, "LISTED_DEAD", 0)
    assert [_dead(t) for t, _ in CASES] != [d for _, d in CASES]


def test_a_bomber_alone_and_a_figure_alone_are_unchanged():
    assert _dead("On 2 April 2023, a bomber blew himself up outside a mosque in Kano, killing 7.") == 7
    assert _dead("On 2 April 2023, gunmen shot dead a trader and his son in Kaduna.") == 2
