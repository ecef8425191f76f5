"""Place names as ACLED writes them: display names drop the marks that transliterate an ayn or a
hamza (geo.names.PLAIN_MARKS); a region written with a slash is found (geo.locate.SLASH_NAMES)."""


def test_display_names_drop_transliteration_marks(monkeypatch):
    from sitrep.geo import names

    assert names.plain_name("Sāmarrā’") == "Samarra" and names.plain_name("Nek’emte") == "Nekemte"
    assert names.plain_name("Ma'rib") == "Marib" and names.plain_name("Ta‘izz") == "Taizz"
    # an apostrophe of elision or a possessive stays
    for kept in ("Côte d'Ivoire", "O'Higgins", "L'Aquila", "Sant'Angelo", "Cox's Bazar"):
        assert "'" in names.plain_name(kept), kept
    monkeypatch.setattr(names, "PLAIN_MARKS", 0)
    assert names.plain_name("Sāmarrā’") == "Samarra’"


def test_a_region_written_with_a_slash_is_found(gazetteer):
    from sitrep.geo.locate import article_context, find_mentions, resolve_mentions

    text = "On 2 May 2024, unidentified gunmen killed four traders in Dibate (Metekel, Benshangul/Gumuz)."
    ctx = article_context(text)
    mentions = find_mentions(text, gazetteer, countries=ctx.focus())
    resolve_mentions(mentions, ctx)
    assert any(m.text == "Benshangul/Gumuz" and m.place is not None and m.place.feature == "admin1" for m in mentions)
