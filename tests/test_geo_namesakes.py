"""Namesakes and non-places (docs/geo.md, 2026-12-05 late session): a spelling with its words
run together or apart is the name ("Petion Ville" is Pétionville); a country named as a border
is where the event was not; a name followed by "clan", "tribesmen", "community" is a people.

The sentences are invented; the place names are facts."""

import pytest

from place_reading import reading as _chosen
from sitrep.geo.locate import (
    article_context,
    border_reference,
)
from sitrep.geo.resolve import is_exact
from sitrep.model import Place


def test_a_name_written_apart_or_run_together_is_exact():
    town = Place(name="Pétionville", latitude=18.5, longitude=-72.3)
    assert is_exact(town, "Petion Ville") and is_exact(town, "Petion-Ville") and is_exact(town, "PETIONVILLE")
    assert not is_exact(town, "Petion")


def test_a_town_spelt_apart_agrees_with_its_department(gazetteer):
    text = "Hundreds of traders marched through Petion Ville, Ouest, on Friday against the price of fuel."
    _, _, chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.iso == "HT"


@pytest.mark.parametrize("text,start", [
    ("Soldiers came under fire near the Mali border on Tuesday.", "Mali"),
    ("Gunmen ambushed a bus on the road to Wajir, close to the border with Somalia, on Monday.", "Somalia"),
    ("Two herders were shot near the Somali border.", "Somali"),
])
def test_a_country_named_as_a_border_is_a_reference(text, start):
    i = text.index(start)
    assert border_reference(text, i, i + len(start))


@pytest.mark.parametrize("text,start", [
    ("Gunmen attacked a village in Mali on Sunday.", "Mali"),
    ("Border guards of Somalia arrested four men in Beledweyne.", "Somalia"),
    ("Smugglers clashed with guards along the Kenya-Somalia border.", "Kenya"),  # either side
    ("Smugglers clashed with guards along the Kenya-Somalia border.", "Somalia"),
])
def test_a_country_where_things_happen_is_no_border_reference(text, start):
    i = text.index(start)
    assert not border_reference(text, i, i + len(start))


def test_the_border_country_does_not_make_the_article_foreign(gazetteer):
    text = "Gunmen ambushed a bus on the road to Wajir, close to the border with Somalia, on Monday."
    context, mentions, chosen = _chosen(text, gazetteer)
    assert "SO" not in context.countries
    assert all(m.place is None or m.place.feature != "country" for m in mentions)
    assert chosen is not None and chosen.place.iso == "KE"
    context = article_context("Soldiers came under fire near the Mali border on Tuesday.")
    assert "ML" not in context.countries


@pytest.mark.parametrize("text", [
    "Elders of the Garre clan met the governor on Sunday.",
    "Pokot tribesmen raided cattle from their neighbours overnight.",
    "Elders of the Kikuyu community called for calm after the clashes.",
])
def test_a_name_before_clan_tribe_or_community_is_a_people(gazetteer, text):
    _, mentions, _ = _chosen(text, gazetteer)
    assert mentions == []


def test_a_people_noun_after_a_placed_name_keeps_the_place(gazetteer):
    _, mentions, chosen = _chosen("Herders clashed in Garissa community grounds on Monday.", gazetteer)
    assert chosen is not None and chosen.text == "Garissa" and chosen.place.iso == "KE"


def test_the_people_words_file_is_a_lowercase_word_list():
    from importlib import resources

    import yaml

    from sitrep.geo.locate import people_after

    data = yaml.safe_load((resources.files("sitrep") / "data" / "people_words.yaml").read_text(encoding="utf-8"))
    words = data["people_nouns"]
    assert set(data) == {"people_nouns"} and len(words) == len(set(words)) >= 10
    assert all(isinstance(w, str) and w == w.lower() and w.isalpha() for w in words)
    assert people_after().match(" clan elders") and people_after().match(" sub-clan") and not people_after().match(" clanged")


def test_the_province_after_a_town_is_no_rival_of_the_town(gazetteer):
    """"evacuated from Mariupol, Donetsk": the province says where the town is; the town (not
    the province's capital) is where the event happened when the text names no other place."""
    text = "A convoy of buses carried 40 families away from Mariupol, Donetsk, on Monday."
    _, mentions, chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.text == "Mariupol"
    text = "Gunmen from Mariupol, Donetsk, attacked a checkpoint in Kramatorsk on Monday."
    _, _, chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.text == "Kramatorsk"


def test_a_province_after_its_township_in_brackets_gives_way_to_the_township(gazetteer):
    text = "A landmine wounded two farmers outside Tar Pin (Kutkai Township, northern Shan State) on Sunday."
    _, _, chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.text.startswith("Kutkai") and chosen.place.admin1 == "Shan-North"
