"""actors.CURLY_APOSTROPHES: a typographic apostrophe reads as the plain one in aliases; and the
Syrian army's "forces loyal to Assad" aliases. Sentences written by the team."""
import sitrep.extract.actors as A


def _names(text: str) -> list[str]:
    d = A.get_dictionary()
    return [d.entry(m.key).name for m in d.find(text, {"SY"})]


def test_a_curly_apostrophe_is_an_apostrophe(monkeypatch):
    text = "Shells fired by Assad’s forces hit the market."
    assert "Military Forces of Syria" in _names(text)
    monkeypatch.setattr(A, "CURLY_APOSTROPHES", 0)
    assert "Military Forces of Syria" not in _names(text)


def test_forces_loyal_to_the_president_are_the_army():
    assert "Military Forces of Syria" in _names("Forces loyal to President Bashar al-Assad advanced on the town.")
