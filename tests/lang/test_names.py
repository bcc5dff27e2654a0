"""Names read from the parse (``lang.names``), their keys, and speaker compatibility."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import lang
from claimcheck.lang import names
from claimcheck.lang.names import person_key, speakers_compatible
from claimcheck.model import Document, Source
from claimcheck.segment import segment
from claimcheck.settings import Settings


def parsed(text: str) -> Document:
    source = Source(id="t", path="t.txt", text=text)
    return lang.parse([Document(source, segment(source))], settings=Settings())[0]


def keys(text: str) -> frozenset[str]:
    return frozenset(name.key for name in parsed(text).names)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("WHO", "the World Health Organization"),
        ("the OECD", "the Organisation for Economic Co-operation and Development"),
        ("U.S.", "the United States"),
        ("US", "U.S.A."),
        ("the USA", "the United States of America"),
        ("the European Union", "the EU"),
        ("the United Nations", "the U.N."),
        ("UN", "the United Nations"),
        ("Peruvian", "Peru"),
    ],
)
def test_one_entity_many_spellings(a: str, b: str) -> None:
    ka, kb = keys(f"Talks with {a} resumed."), keys(f"Talks with {b} resumed.")
    assert ka and ka == kb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Energy Secretary Maria Lopez ordered the plant to stay open.",
            {"country:us", "person:lopez"},
        ),
        ("Deputy Foreign Minister Sergei Ryabov spoke to reporters.", {"person:riabov"}),
        ("The Harbour Police said two people had been detained.", {"org:hp"}),
        ("Rain fell in Lisbon on Monday.", set()),
        ("Officials met at the Strategic Security Dialogue in January.", set()),
        ("Talks will be held in New York.", set()),
        ("Radio Free Europe reported the news.", {"org:rfe"}),
        # The small model cuts this name ("Mayor Ana") or calls it an organisation ("Ferro").
        ("Mayor Ana Ferro said 12 people died.", {"person:fero"}),
        ("Ana Ferro, who runs the shelter, said 12 people died.", {"person:fero"}),
        ("His lawyer, Femi Adeyemi, said the ruling was wrong.", {"person:adeiemi"}),
        ("Trenitalia Chief Executive Luca Sereni told reporters.", {"person:sereni"}),
        ("Sam Bankman-Fried was sentenced in New York.", {"person:bankmanfried"}),
        ("The DR Congo outbreak spread.", set()),  # "DR" is no doctor
        # The model calls a country of two words a person: a nation speaks for no one here.
        ("The reforms brought hardship upon Burkina Faso.", {"country:bf"}),
    ],
)
def test_names(text: str, expected: set[str]) -> None:
    assert keys(text) >= frozenset(expected)
    assert not {k for k in keys(text) - frozenset(expected) if k.startswith("person:")}


@pytest.mark.parametrize(
    ("words", "people"),
    [("Kenyans", True), ("Burkina Faso", True), ("Jordan", False), ("Jordans", False)],
)
def test_a_people_is_no_person(words: str, people: bool) -> None:
    assert names._a_nation(words) is people


def test_a_surname_used_alone_makes_a_person_of_a_cut_name() -> None:
    # The model calls "Noah Lyles" an organisation here; "Lyles said" shows it is a person.
    doc = parsed("Noah Lyles won the final on Sunday. \"I told you,\" Lyles said after 9.78 seconds.")
    assert "lyles" in names.surnames(doc.parses)
    assert "person:liles" in {n.key for n in doc.names}


def test_person_key_folds_transliterations() -> None:
    assert person_key("Chaikovsky") == person_key("Tchaikovsky") == person_key("Chaikovskiy")
    assert person_key("Sergei Ryabov") == person_key("Sergey Riabov")
    assert person_key("Aleksandr Kharitonov") == person_key("Alexander Haritonov")
    assert person_key("Martin Luther King Jr.") == "king"
    assert person_key("Müller") == person_key("Muller")


def test_roles_and_countries_come_from_the_lexicons() -> None:
    assert names.role_noun("spokesmen") == ("spokesperson", True)
    assert names.role_noun("hydrologist") == ("hydrologist", False)
    assert names.country_code("Chilean") == "CL" and names.country_code("U.S.") == "US"
    assert names.country_code("Britain") == "GB"
    assert names.POSSESSIVE.search("Chile’s") and not names.POSSESSIVE.search("O’Brien")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sergei Ryabov", "Sergey Riabov", True),
        ("Aleksandr Volkov", "Alexander Volkov", True),
        ("Jane Smith", "Smith", True),
        ("Amara Okafor", "Amara", True),  # known by the given name
        ("Amara Chidi Okafor", "Amara", True),
        ("Amara Chidi Okafor", "Chidi Okafor", True),  # outlets pick different given names
        ("Amara Okafor", "Chidi Okafor", False),
        ("Amara Okafor", "Chidi", False),
        ("Piotr Chaikovsky", "Pyotr Tchaikovskiy", True),
        ("Jane Smith", "John Brown", False),
        ("Jane Smith", "John Smith", False),
        (
            "City Hall Flood Response Council spokesperson",
            "Flood Response Council spokesperson",
            True,
        ),
        ("City Hall spokesperson", "City Hall Flood Response Council spokesperson", True),
        (
            "US Flood Response Council spokesperson",
            "City Hall Flood Response Council spokesperson",
            True,
        ),
        ("spokesperson", "Pentagon spokesperson", True),
        ("Ministry of Transport spokesperson", "Transport Ministry spokesperson", True),
        ("City Hall spokesperson", "Flood Response Council spokesperson", None),
        ("Jane Smith", "Flood Response Council spokesperson", None),
        ("Jane Smith", "officials", None),  # one official's words given to "officials"
        ("Jane Smith", "police", None),
        ("Bill Okafor", "William Okafor", True),  # a short form of the given name
        ("Dave Okafor", "Mike Okafor", False),
        ("Chris Okafor", "Tina Okafor", False),  # both may be a Christina, yet are two people
        ("Stephen Okafor", "Steven Okafor", False),
        ("mayor", "police chief", False),
        ("US foreign ministry", "Peru foreign ministry", False),
        ("defense official", "City Hall spokesperson", None),
        ("WHO", "World Health Organization", True),
        ("Harbour Board", "Ian Doyle", None),
        (None, "Jane Smith", None),
        ("Jane Smith", None, None),
    ],
)
def test_speakers_compatible(a: str | None, b: str | None, expected: bool | None) -> None:
    assert speakers_compatible(a, b) is expected
    assert speakers_compatible(b, a) is expected


@given(
    st.sampled_from(
        [
            "Jane Smith",
            "Smith",
            "spokesperson",
            "US spokesperson",
            "Harbour Board",
            "officials",
            "WHO",
        ]
    )
)
def test_speakers_compatible_with_itself(a: str) -> None:
    assert speakers_compatible(a, a) is True


