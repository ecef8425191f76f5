"""Session 45 (helper places10): English words read by a folded key, names joined to a lower-case
word by a hyphen, a word inside a longer unknown name. Sentences written fresh by the helper; no
real row is quoted.

- locate.FOLDED_NEEDS_ODD_WORD: a name made only of English dictionary words ("Stray Bullets") is a
  place only where a candidate is spelt exactly so (its folded key had found Stryi, Ukraine);
- locate.HYPHEN_LOWER_TAIL: "Ceel-dhagax" (a capitalised word, a hyphen, a lower-case word that is no
  English word) is one name; unknown to the gazetteer, its "Ceel" alone is no Eyl;
- locate.WORD_INSIDE_UNKNOWN_NAME: "Battalion Man Hsang camp": "Man" (Cote d'Ivoire) inside an unknown
  longer name is no place where the text's countries do not hold it.
"""
from importlib import resources

import yaml

import sitrep.geo.locate as L
from place_reading import chosen
from place_reading import given_countries_mentions as _mentions


def _places(text, gazetteer, countries):
    return [m.place.name for m in _mentions(text, gazetteer, countries) if m.place is not None]


STRAY_TEXT = "Two pupils in Lviv were hurt by Stray Bullets when police fired at a fleeing car."


def test_english_words_need_an_exact_spelling(gazetteer, monkeypatch):
    assert "Stryi" not in _places(STRAY_TEXT, gazetteer, {"UA"})
    assert "Lviv" in _places(STRAY_TEXT, gazetteer, {"UA"})
    monkeypatch.setattr(L, "FOLDED_NEEDS_ODD_WORD", False)
    assert "Stryi" in _places(STRAY_TEXT, gazetteer, {"UA"})


def test_an_exactly_spelt_dictionary_word_stays_a_place(gazetteer):
    assert "Nairobi" in _places("Traders marched through Nairobi on Monday.", gazetteer, {"KE"})


HYPHEN_TEXT = "Militia fighters raided a cattle camp at Ceel-dhagax village in Jowhar District on Friday."


def test_hyphen_lower_tail_unknown_is_no_eyl(gazetteer, monkeypatch):
    assert "Eyl" not in _places(HYPHEN_TEXT, gazetteer, {"SO"})
    best = chosen(HYPHEN_TEXT, gazetteer)
    assert best is not None and best.place.name != "Eyl"
    monkeypatch.setattr(L, "HYPHEN_LOWER_TAIL", False)
    assert "Eyl" in _places(HYPHEN_TEXT, gazetteer, {"SO"})


def test_hyphen_lower_tail_known_is_read_whole(gazetteer):
    ms = _mentions("Troops left Ceel-baraf for Jowhar after the clash.", gazetteer, {"SO"})
    assert any(m.text == "Ceel-baraf" and m.place is not None and m.place.iso == "SO" for m in ms)


def test_hyphen_english_tail_is_not_joined(gazetteer):
    assert "Jowhar" in _places("A Jowhar-based trader was shot on Monday.", gazetteer, {"SO"})


INSIDE_TEXT = ("Rebels of the Ninth Battalion Man Hsang camp fought soldiers near a village of Kutkai "
               "township, Shan state, on Friday.")


def test_word_inside_an_unknown_name_abroad_is_no_place(gazetteer, monkeypatch):
    assert "Man" not in _places(INSIDE_TEXT, gazetteer, {"MM"})
    best = chosen(INSIDE_TEXT, gazetteer)
    assert best is not None and best.place.iso == "MM"
    monkeypatch.setattr(L, "WORD_INSIDE_UNKNOWN_NAME", False)
    assert "Man" in _places(INSIDE_TEXT, gazetteer, {"MM"})


def test_session45_place_words_file():
    path = resources.files("sitrep") / "data" / "place_words_session45.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"outskirts_nouns", "vicinity_nouns", "settlement_words"}
    for words in data.values():
        assert words and all(isinstance(w, str) and w == w.lower().strip() and w for w in words)
    outskirts, vicinity = L._outskirts_before()
    assert outskirts.search("in the outskirts of the town of ") and vicinity.search("in the vicinity of ")


def test_a_hyphen_spelt_name_is_spelt_alike(gazetteer):
    ms = _mentions("Soldiers and rebels fought near Muse on the border on Tuesday.", gazetteer, {"MM"})
    assert [m.place.iso for m in ms if m.text == "Muse" and m.place is not None] == ["MM"]


ADDRESS_TEXT = "Farmers rallied outside the Governor's Annual Address at Davao City on Monday."


def test_a_joining_word_opens_no_name(gazetteer, monkeypatch):
    texts = [m.text for m in _mentions(ADDRESS_TEXT, gazetteer, {"PH"})]
    assert "Davao City" in texts and not any(t.endswith(" at") or t.startswith("at ") for t in texts)
    monkeypatch.setattr(L, "FOLDED_NEEDS_ODD_WORD", False)
    texts = [m.text for m in _mentions(ADDRESS_TEXT, gazetteer, {"PH"})]
    assert any(t.endswith(" at") or t.startswith("at ") for t in texts)
