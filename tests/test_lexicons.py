"""The compiled word lists of extract/lexicons.py."""


def test_any_word_finds_each_listed_word_even_inside_a_longer_one_and_nothing_else():
    from sitrep.extract.lexicons import any_word, words

    rx = any_word("killing_verbs", "dying_verbs", "harm_verbs")
    for w in sorted(words("killing_verbs") | words("dying_verbs") | words("harm_verbs")):
        assert rx.search(f"xx {w} yy"), w
    assert rx.search("the mayor was gunned down and shot")
    assert rx.search("unkilled")  # inside a longer word: a superset of the tokens
    assert not rx.search("the council met on tuesday to discuss the budget")
