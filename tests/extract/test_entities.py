"""Entity keys and speaker compatibility."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract import entities as ent
from claimcheck.extract.entities import entities, entity_aliases, person_key, speakers_compatible


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("WHO", "the World Health Organization"),
        ("the OECD", "the Organisation for Economic Co-operation and Development"),
        ("the OECD", "the Organization for Economic Cooperation and Development"),
        ("U.S.", "the United States"),
        ("US", "U.S.A."),
        ("the USA", "the United States of America"),
        ("the European Union", "the EU"),
        ("the United Nations", "the U.N."),
        ("UN", "the United Nations"),
        ("Peruvian", "Peru"),
        ("Chilean troops", "Chile"),
    ],
)
def test_one_entity_many_spellings(a: str, b: str) -> None:
    ka, kb = entities(f"Talks with {a} resumed."), entities(f"Talks with {b} resumed.")
    assert ka and ka == kb


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "U.S. Energy Secretary Maria Lopez ordered the plant to stay open.",
            {"country:us", "person:lopez"},
        ),
        ("Deputy Foreign Minister Sergei Ryabov spoke to reporters.", {"person:riabov"}),
        ("The Harbour Police said two people had been detained.", {"org:hp"}),
        ("Rain fell in Lisbon on Monday.", set()),
        ("The Middle East and the Black Sea were on the agenda.", set()),
        ("Officials met at the Strategic Security Dialogue in January.", set()),
        ("Talks will be held in New York.", set()),
        ("Radio Free Europe reported the news.", {"org:rfe"}),
        ("The EU-Chile Trade Council meets in June.", {"org:eu", "country:cl", "org:ectc"}),
    ],
)
def test_entities(text: str, keys: set[str]) -> None:
    assert entities(text) == frozenset(keys)


def test_headlines_do_not_make_every_capitalised_pair_a_person() -> None:
    assert entities("Ministers Agree New Fishing Quotas After Long Night") == frozenset()
    assert f"person:{person_key('Calloway')}" in entities(
        "President Ada Calloway Signs New Fishing Law"
    )


def test_person_key_folds_transliterations() -> None:
    assert person_key("Chaikovsky") == person_key("Tchaikovsky") == person_key("Chaikovskiy")
    assert person_key("Sergei Ryabov") == person_key("Sergey Riabov")
    assert person_key("Aleksandr Kharitonov") == person_key("Alexander Haritonov")
    assert person_key("Martin Luther King Jr.") == "king"
    assert person_key("Müller") == person_key("Muller")


def test_entity_aliases_learn_the_document_acronyms() -> None:
    text = "The Islamic Relief Agency for Children (IRAC) and the Regional Water Board (RWB) met."
    assert entity_aliases(text) == {}
    text = "Médecins Sans Frontières (MSF) and the Caspian Pipeline Consortium (CPC) met."
    assert entity_aliases(text) == {}
    text = (
        "Fighters of the Democratic Forces for the Liberation of Rwanda (FDLR) crossed the river."
    )
    aliases = entity_aliases(text)
    assert aliases == {"org:fdlr": "org:dflr"}
    assert entities("FDLR fighters", aliases) == frozenset({"org:dflr"})


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Sergei Ryabov", "Sergey Riabov", True),
        ("Aleksandr Volkov", "Alexander Volkov", True),
        ("Jane Smith", "Smith", True),
        ("Amara Okafor", "Amara", True),  # known by the given name
        ("Amara Chidi Okafor", "Amara", True),
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
        ("Jane Smith", "officials", False),
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


def test_token_and_alias_regex_examples() -> None:
    assert [t.text for t in ent.tokenize("Dr. Ana M. Ruiz met U.S. envoys.")] == [
        "Dr.",
        "Ana",
        "M.",
        "Ruiz",
        "met",
        "U.S.",
        "envoys",
        ".",
    ]
    assert ent.ALIAS.search("Organisation for Economic Co-operation and Development (OECD)")
    assert not ent.ALIAS.search("the talks (held in Geneva)")
    assert ent.POSSESSIVE.search("Chile’s") and not ent.POSSESSIVE.search("O’Brien")
