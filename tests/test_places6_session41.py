"""Session 41 (helper places6): places of notes. Sentences written fresh by the helper; no real
row is quoted.

- locate.ROAD_END_NOT_EVENT_PLACE: a name that is one end of a road's name ("the [X]-[Y] highway")
  yields to another place the text names;
- locate.PROVINCE_WORD_AFTER_NO_PERSON: a province's name followed by "territory", "state", ...
  is the province, not a person's full name;
- locate.PLACE_NOUN_IN_TOWN: "[X] trading centre in [a town] town": a namesake of X far from the
  town is not the place;
- locate.BETWEEN_FIRST_END: of "between [X] and [Y]" the first end is the place;
- locate.STRONG_ABROAD_UNIT_WORD: "the [X] region" is plainly named where X is the province's name;
- locate.HYPHEN_WORD_CONNECT: "Stoke-on-Trent" is one name.
"""
import datetime as dt

import sitrep.geo.locate as L
from sitrep.model import Article
from sitrep.pipeline import process


def _event(text: str, day: dt.date = dt.date(2021, 6, 20)):
    events = process([Article(id="p6", url="", title="", text=text, published=day)])[0]
    return events[0] if events else None


ROAD_TEXT = ("On 14 June 2021, angry bus workers torched three coaches on the Rangpur - Dinajpur highway, "
             "Saidpur town (Nilphamari), after a driver was beaten.")


def test_a_road_end_yields_to_the_town_named_after_the_road(monkeypatch):
    ev = _event(ROAD_TEXT)
    assert ev is not None and ev.location == "Saidpur"
    monkeypatch.setattr(L, "ROAD_END_NOT_EVENT_PLACE", False)
    ev = _event(ROAD_TEXT + " ")
    assert ev is not None and ev.location != "Saidpur"


def test_a_road_end_alone_still_places_the_event():
    ev = _event("On 14 June 2021, traders blocked the Rangpur-Dinajpur highway over a new toll.")
    assert ev is not None and ev.location in ("Rangpur", "Dinajpur")


def test_the_road_end_pattern():
    text = "blocked the Kisumu-Busia road at dawn"
    assert L._road_end(text, text.index("Kisumu"), text.index("Kisumu") + 6)
    assert L._road_end(text, text.index("Busia"), text.index("Busia") + 5)
    other = "fighting in Kisumu - residents fled"
    assert not L._road_end(other, other.index("Kisumu"), other.index("Kisumu") + 6)


TERRITORY_TEXT = ("On 11 June 2021, a parcel bomb went off at a bank branch in Tatkon town (Dekkhina district, "
                  "Nay Pyi Taw territory); two guards were hurt.")


def test_a_province_before_territory_is_no_person(monkeypatch):
    ev = _event(TERRITORY_TEXT)
    assert ev is not None and ev.admin1 == "Nay Pyi Taw"
    monkeypatch.setattr(L, "PROVINCE_WORD_AFTER_NO_PERSON", False)
    ev = _event(TERRITORY_TEXT + " ")
    assert ev is not None and ev.admin1 != "Nay Pyi Taw"


TRADING_TEXT = ("On 18 June 2021, boda boda riders protested the arrest of a colleague at Sigor trading centre "
                "in Bomet town (Bomet Central, Bomet).")


def test_a_trading_centre_far_from_its_town_is_a_namesake(monkeypatch):
    ev = _event(TRADING_TEXT)
    assert ev is not None and ev.admin1 == "Bomet"
    monkeypatch.setattr(L, "PLACE_NOUN_IN_TOWN", False)
    ev = _event(TRADING_TEXT + " ")
    assert ev is not None and ev.admin1 != "Bomet"


BETWEEN_TEXT = "On 2 May 2021, between Kutkai and Lashio, TNLA troops attacked an army column with rockets."


def test_the_first_end_of_a_stretch_is_the_place(monkeypatch):
    ev = _event(BETWEEN_TEXT)
    assert ev is not None and ev.location == "Kutkai" and ev.geo_precision == 2
    monkeypatch.setattr(L, "BETWEEN_FIRST_END", False)
    ev = _event(BETWEEN_TEXT + " ")
    assert ev is not None and ev.location == "Lashio"


def test_a_hyphenated_english_name_is_one_span():
    # HYPHEN_WORD_CONNECT is read when the module loads: checked off by hand (the name split in two,
    # "Trent" read fuzzily as Trento, Italy)
    text = "Hospital porters picketed in Burslem (Stoke-on-Trent, England) on 4 April 2022 over pay."
    spans = [m.group(0) for m in L._SPAN.finditer(text)]
    assert "Stoke-on-Trent" in spans
    ev = _event(text, dt.date(2022, 4, 6))
    assert ev is not None and ev.country == "United Kingdom" and ev.admin1 == "England"



BASED_TEXT = ("Somalia based al Shabaab gunmen ambushed a lorry of miraa traders in the Wajir region and "
              "exchanged fire with police reservists. Six reportedly killed.")


def test_a_province_named_with_its_unit_word_is_plainly_named(monkeypatch):
    ev = _event(BASED_TEXT, dt.date(2014, 6, 2))
    assert ev is not None and ev.country == "Kenya" and ev.admin1 == "Wajir"
    monkeypatch.setattr(L, "STRONG_ABROAD_UNIT_WORD", False)
    ev = _event(BASED_TEXT + " ", dt.date(2014, 6, 2))
    assert ev is not None and ev.admin1 != "Wajir"

