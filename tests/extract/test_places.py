"""The venue extractor against its labelled table (``tests/data/extract/venue.json``), its
gazetteer helpers, and a few properties: offsets re-quote the text, roles are honoured."""

from __future__ import annotations

import doctest
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from claimcheck.extract import places
from claimcheck.model import Kind, Mention, Role
from claimcheck.settings import Settings
from tests.extract._table import assert_requotable, document, load, params

CASES = load("venue")


def run(text: str, settings: Settings | None = None, role: Role = Role.BODY) -> list[Mention]:
    return list(places.extract(document(text, role=role, parsed=True), settings=settings or Settings()))


@pytest.mark.parametrize("case", params(CASES))
def test_table(case: dict[str, Any]) -> None:
    found = {(m.text, m.value, m.context == "dateline", m.qualifier == "unlisted") for m in run(case["text"])}
    expected = {
        (e["text"], e["value"], e.get("dateline", False), e.get("unlisted", False)) for e in case["expected"]
    }
    assert found == expected


def test_table_size() -> None:
    assert len(CASES) >= 30
    assert sum(1 for c in CASES if not c["expected"]) >= 10


@pytest.mark.parametrize("case", params(CASES, xfail=False))
def test_offsets_requote_the_source(case: dict[str, Any]) -> None:
    doc = document(case["text"], case["published"], parsed=True)
    mentions = list(places.extract(doc, settings=Settings()))
    assert_requotable(doc, mentions, Kind.VENUE)


def test_offsets_count_from_the_start_of_the_source() -> None:
    text = "Markets were calm. Ministers met in Nairobi on Monday."
    (m,) = run(text)
    assert (m.start, m.end, m.sentence_index) == (36, 43, 1)


def test_context_is_the_event_without_the_place() -> None:
    (m,) = run("The talks will be held in Brussels next month.")
    assert m.context == "talks will held next month"
    (dateline,) = run("LISBON — The cabinet resigned on Monday.")
    assert dateline.context == "dateline"


def test_captions_only_when_asked_and_furniture_never() -> None:
    text = "Delegates arrive for the summit in Nairobi, Kenya, on Monday."
    assert run(text, role=Role.CAPTION) == []
    captions = Settings(include_captions=True)
    assert [m.value for m in run(text, captions, Role.CAPTION)] == ["Nairobi, Kenya"]
    assert run(text, captions, Role.FURNITURE) == []
    assert [m.value for m in run(text, role=Role.TITLE)] == ["Nairobi, Kenya"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Geneva", "Geneva, Switzerland"),
        ("Kiev", "Kyiv, Ukraine"),
        ("Peking", "Beijing, China"),
        ("Paris", "Paris, France"),
        ("Paris, Texas", "Paris, Texas, United States"),
        ("Austin, TX", "Austin, Texas, United States"),
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("Burma", "Myanmar"),
        ("Salisbury", "Salisbury, United Kingdom"),
        ("Georgia", None),
        ("Zembla", None),  # an invented land ("Gotham" is a village of 1,600 in England)
        ("Tuesday", None),
    ],
)
def test_canonical_place(name: str, value: str | None) -> None:
    assert places.canonical_place(name) == value


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("Geneva, Switzerland", "Geneva, Switzerland", True),
        ("Geneva, Switzerland", "Switzerland", True),
        ("Switzerland", "Geneva, Switzerland", True),
        ("Austin, Texas, United States", "Texas, United States", True),
        ("Geneva, Switzerland", "Vienna, Austria", False),
        ("Paris, France", "Paris, Texas, United States", False),
        ("Niger", "Nigeria", False),
    ],
)
def test_places_compatible(a: str, b: str, compatible: bool) -> None:
    assert places.places_compatible(a, b) is compatible


def test_values_round_trip_through_canonical_place() -> None:
    for case in CASES:
        if "xfail" in case or case["id"].startswith("context-"):
            continue  # context-: the article, not the name alone, settles which place it is
        for expected in case["expected"]:
            if expected.get("unlisted"):  # named by its text: the gazetteer lacks it
                assert places.canonical_place(expected["value"]) is None
            else:
                assert places.canonical_place(expected["value"]) == expected["value"]


def test_docstring_examples() -> None:
    result = doctest.testmod(places)
    assert result.attempted > 0 and result.failed == 0


@given(st.text(alphabet=st.sampled_from(list("GENVAgenva inatheParisTx,.—-()'sDC")), max_size=80))
@hsettings(max_examples=300, deadline=None)
def test_never_crashes_and_offsets_hold(text: str) -> None:
    doc = document(text)
    for m in places.extract(doc, settings=Settings()):
        assert doc.source.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Indian rescuers reached the village.", "Indian", "IN"),
        ("The quake hit Iraqi Kurdistan on Sunday.", "Iraqi", "IQ"),
        ("North Korean missiles fell into the sea.", "Korean", None),  # the end of a longer name
        ("Winds over the Indian Ocean strengthened.", "Indian", None),  # waters off many countries
        ("Georgian troops crossed the border.", "Georgian", None),  # Georgia is also a US state
    ],
)
def test_a_people_names_its_country_for_the_article(text: str, word: str, country: str | None) -> None:
    from claimcheck.extract.places import _people

    start = text.index(word)
    assert _people(text, start, start + len(word)) == country
