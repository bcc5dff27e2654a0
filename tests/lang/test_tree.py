"""Reading a parse: who a verb of saying reports as speaking, where the parser errs."""

from __future__ import annotations

from claimcheck.lang.tree import Tree, sayer
from claimcheck.model import Parse, Token


def _parse(text: str, rows: list[tuple[str, str, str, str, int]]) -> Tree:
    """A hand-built parse: (word, lemma, pos, dep, head) per token, found left to right."""
    tokens, pos = [], 0
    for word, lemma, upos, dep, head in rows:
        start = text.index(word, pos)
        pos = start + len(word)
        tokens.append(Token(start, pos, word, lemma, upos, "", dep, head))
    return Tree(Parse("a", 0, tuple(tokens)), text)


def test_a_coordinated_subject_torn_in_two_speaks_through_its_first_name() -> None:
    # The small English model parses "Jane Smith and co-counsel Tom Green said" with two
    # subjects on "said"; the first names the speaker, as the whole coordination does.
    text = "Jane Smith and co-counsel Tom Green said"
    tree = _parse(
        text,
        [
            ("Jane", "Jane", "PROPN", "compound", 1),
            ("Smith", "Smith", "PROPN", "nsubj", 8),
            ("and", "and", "CCONJ", "cc", 1),
            ("co", "co", "NOUN", "conj", 1),
            ("-", "-", "NOUN", "conj", 1),
            ("counsel", "counsel", "NOUN", "conj", 1),
            ("Tom", "Tom", "PROPN", "compound", 7),
            ("Green", "Green", "PROPN", "nsubj", 8),
            ("said", "say", "VERB", "ROOT", 8),
        ],
    )
    assert sayer(tree, 8) == (1, 8)


def test_a_speaker_after_the_verb_still_speaks() -> None:
    text = "said Jane Smith"
    tree = _parse(
        text,
        [
            ("said", "say", "VERB", "ROOT", 0),
            ("Jane", "Jane", "PROPN", "compound", 2),
            ("Smith", "Smith", "PROPN", "nsubj", 0),
        ],
    )
    assert sayer(tree, 0) == (2, 0)


def test_a_fronted_phrase_the_parser_makes_a_subject_does_not_speak() -> None:
    # "…, 65,000 of them in the capital, a union organizer reported": no "and" joins the two
    # subjects, so the nearest speaks.
    text = "65,000 of them in the capital, a union organizer reported"
    tree = _parse(
        text,
        [
            ("65,000", "65,000", "NUM", "nsubj", 10),
            ("of", "of", "ADP", "prep", 0),
            ("them", "they", "PRON", "pobj", 1),
            ("in", "in", "ADP", "prep", 0),
            ("the", "the", "DET", "det", 5),
            ("capital", "capital", "NOUN", "pobj", 3),
            (",", ",", "PUNCT", "punct", 10),
            ("a", "a", "DET", "det", 9),
            ("union", "union", "NOUN", "compound", 9),
            ("organizer", "organizer", "NOUN", "nsubj", 10),
            ("reported", "report", "VERB", "ROOT", 10),
        ],
    )
    assert sayer(tree, 10) == (9, 10)
