"""Casualty counts pinned to exact values (benchmarks/mutation.py: tests that fail when the
counting rules change). The sentences are the team's own, about invented places."""

import pytest

from sitrep.extract.counts import (
    Counts,
    extract_counts,
    named_dead,
    number_value,
    side_of,
    with_named_dead,
)

# every number word and its value: a word counted one off is a wrong toll
WORD_VALUES = {
    "one": 1, "single": 1, "lone": 1, "two": 2, "both": 2, "couple": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "several": 3, "few": 3, "some": 3, "dozen": 12,
    "dozens": 12, "scores": 12, "hundreds": 100, "thousands": 1000, "numerous": 3, "many": 3,
    "multiple": 3, "a": 1, "an": 1,
}


@pytest.mark.parametrize("word,value", sorted(WORD_VALUES.items()))
def test_every_number_word_has_its_value(word, value):
    assert number_value(word) == value


@pytest.mark.parametrize("words,value", [
    ("twenty-one", 21), ("thirty five", 35), ("ninety-nine", 99), ("forty-eight", 48),
    ("a few", 3), ("a dozen", 12), ("a couple", 2), ("3,000", 3000), ("1250", 1250),
    ("three thousand", 3000), ("a thousand", 1000), ("two hundred and five", 205),
    ("one hundred and twenty-two", 122), ("four hundred twelve", 412), ("seventy", 70),
    ("hundred two", 102), ("ten five", 15), ("twenty wounded", None), ("a lot", None),
])
def test_compound_numbers_and_phrases(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize("text,killed,injured,abducted", [
    ("Gunmen killed twenty-one villagers near Tindaga.", 21, 0, 0),
    ("Thirty five soldiers were killed in the ambush near Kourba.", 35, 0, 0),
    ("Three thousand people were killed in the war.", 3000, 0, 0),
    ("Jihadists killed two hundred and twenty-two people.", 222, 0, 0),
    ("Jihadists killed twelve herders near Sabou.", 12, 0, 0),
    ("Raiders killed nine traders and wounded eleven near Foubé.", 9, 11, 0),
    ("Militants killed few villagers.", 3, 0, 0),
    ("Gunmen killed one, wounded two and abducted three villagers.", 1, 2, 3),
    ("An officer was wounded and a civilian abducted near Koutougou.", 0, 1, 1),
    ("Eight were kidnapped from the market at Gorgadji.", 0, 0, 8),
    ("The abduction of seven students in Barsalogho shocked the region.", 0, 0, 7),
    ("The wounding of three soldiers was confirmed.", 0, 3, 0),
    ("The deaths of 14 civilians were confirmed.", 14, 0, 0),
    ("The blast claimed the lives of four pilgrims near Dassa.", 4, 0, 0),
    ("The raid on Goulgountou left five dead.", 5, 0, 0),
    ("The raid on Goulgountou left two wounded.", 0, 2, 0),
    ("The gunmen left three villages before dawn.", 0, 0, 0),
    ("Gunmen shot dead two traders in Selbo.", 2, 0, 0),
    ("Two herders were shot dead Tuesday near Kelbo.", 2, 0, 0),
    ("Two soldiers were shot dead near Selbo.", 2, 0, 0),
    ("Militants beat to death a herder near Kelbo.", 1, 0, 0),
    ("Two traders were beaten to death in Dori.", 2, 0, 0),
    ("Six villagers were stabbed to death in Foubé.", 6, 0, 0),
    ("Nine soldiers and four civilians were killed near Arbinda.", 13, 0, 0),
    ("Fighters on both sides were killed in the clashes near Tiribou.", 0, 0, 0),
    ("Both soldiers were killed near Tiribou.", 2, 0, 0),
    ("Four herders fled while gunmen killed the chief of Kelbo.", 0, 0, 0),
    ("Police arrested 4 men who killed a trader in Djibo.", 1, 0, 0),
    ("They killed 2,000 cattle near Markoye.", 0, 0, 0),
    ("The militia seized three trucks near Markoye.", 0, 0, 0),
    ("In Tanwalbougou, 17 13-year-old boys were killed when gunmen stormed the school.", 17, 0, 0),
    ("Five soldiers, including two officers, were killed near Sebba.", 5, 0, 0),
    ("Five soldiers , fleeing the fire, were killed near Sebba.", 0, 0, 0),
    ("Two kidnapped traders were found near Sebba.", 0, 0, 0),
    ("A convoy came under fire and a soldier was killed.", 1, 0, 0),
    ("As a result, a roadside bomb killed nobody.", 0, 0, 0),
])
def test_exact_counts(text, killed, injured, abducted):
    c = extract_counts(text)
    assert (c.killed, c.injured, c.abducted) == (killed, injured, abducted)


@pytest.mark.parametrize("text,killed", [
    ("The death toll rose to 1250 in the province.", 1250),
    ("The death toll reached 1,250 after a week of fighting.", 1250),
    ("The attack killed 1899 people.", 1899),  # no year before 1900
    ("The attack killed 1900 people.", 0),  # read as a year
    ("The attack killed 2100 people.", 0),
    ("The attack killed 2101 people.", 2101),
    ("In 2019 gunmen killed four traders.", 4),
])
def test_four_digit_tolls_and_years(text, killed):
    assert extract_counts(text).killed == killed


@pytest.mark.parametrize("text,killed,spans", [
    ("The death toll rose to 12.", 12, 1),  # the toll and the verb see the same figure
    ("Gunmen killing eight villagers were seen near Dori.", 8, 1),
    ("Three soldiers were killed, killing hopes of a truce.", 3, 1),
])
def test_a_number_two_patterns_match_is_counted_once(text, killed, spans):
    c = extract_counts(text)
    assert c.killed == killed and len(c.spans) == spans


def test_spans_and_sides_of_each_figure():
    text = "Nine soldiers and four civilians were killed near Arbinda."
    c = extract_counts(text)
    assert [(cat, text[s:e]) for cat, s, e in c.spans] == [("killed", "Nine"), ("killed", "four")]
    assert c.killed_by == {"state": 9, "civilian": 4}


@pytest.mark.parametrize("after,side", [
    (" soldiers and civilians", "state"), (" militiamen were", "armed"), (" civilians", "civilian"),
    (" people", "total"), (", mostly children", "civilian"), (" of the rebels", "armed"),
    (" policemen and villagers", "state"), (" displaced women", "civilian"),
])
def test_side_of_the_nearest_noun(after, side):
    assert side_of(after) == side


def test_counts_any():
    assert not Counts().any()
    assert Counts(killed=1).any() and Counts(injured=1).any() and Counts(abducted=2).any()


@pytest.mark.parametrize("text,killed", [
    ("Soldiers found two bodies near the well at Kelbo.", 2),  # the figure counts
    ("Villagers found a body near the well at Kelbo.", 1),
    ("A herder was shot dead and soldiers later found the body near Kelbo.", 1),
    ("Gunmen killed a trader and his son near Kelbo.", 2),
    ("A trader was shot in the leg near Kelbo.", 0),  # shot, not shot dead
    ("A trader was beaten by a mob near Kelbo.", 0),
])
def test_bodies_and_named_dead(parse, text, killed):
    assert with_named_dead(extract_counts(text), parse(text), text).killed == killed


def test_no_parse_names_no_dead():
    assert named_dead(None) == 0
    assert with_named_dead(extract_counts("A trader was killed."), None, "A trader was killed.").killed == 1
